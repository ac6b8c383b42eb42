#!/usr/bin/env python3
"""Run a SPARQL SELECT query with rdflib over an RDF file and print the results as JSON.

usage: sparql_select.py DATA QUERY.rq

Prints one JSON object on stdout (UTF-8, keys in this order):
  {"vars": ["name", ...], "rows": [["Jeremiah Paige", "3", ...], ...]}
"vars" are the projected variables without "?", in SELECT order; each row has one cell per var:
the IRI string for an IRI, the lexical form for a literal (no datatype or language tag; rdflib
returns integers as their canonical lexical form, so a count is "3"), "_:id" for a blank node, or
null when the variable is unbound. Rows keep the order rdflib returns them in (so ORDER BY is
honoured). The data syntax is guessed from the file extension (Turtle if unknown).

Exit status: 0 on success, 2 on usage errors, unreadable files, parse errors, query errors or a
query that is not a SELECT.
"""
import json
import sys


def cell(term):
    from rdflib import BNode

    if term is None:
        return None
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def main(argv: list) -> int:
    if len(argv) != 3:
        print("usage: sparql_select.py DATA QUERY.rq", file=sys.stderr)
        return 2
    from rdflib import Dataset, Graph
    from rdflib.util import guess_format

    data_path, query_path = argv[1], argv[2]
    fmt = guess_format(data_path) or "turtle"
    try:
        g = Dataset(default_union=True) if fmt in ("nquads", "trig") else Graph()
        g.parse(data_path, format=fmt)
    except Exception as e:  # noqa: BLE001
        print(f"sparql_select.py: {data_path}: cannot parse as {fmt}: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    try:
        with open(query_path, encoding="utf-8") as f:
            query = f.read()
    except OSError as e:
        print(f"sparql_select.py: {query_path}: {e}", file=sys.stderr)
        return 2
    try:
        result = g.query(query)
        if result.type != "SELECT":
            print(f"sparql_select.py: {query_path}: not a SELECT query ({result.type})", file=sys.stderr)
            return 2
        variables = [str(v) for v in result.vars]
        rows = [[cell(row[i]) for i in range(len(variables))] for row in result]
    except Exception as e:  # noqa: BLE001
        print(f"sparql_select.py: {query_path}: query failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps({"vars": variables, "rows": rows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
