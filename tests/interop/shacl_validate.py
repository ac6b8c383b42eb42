#!/usr/bin/env python3
"""Validate an RDF data graph against SHACL shapes with pySHACL and print the report.

usage: shacl_validate.py DATA SHAPES.ttl ONTOLOGY.ttl

The ontology is mixed into the data graph (pySHACL's ont_graph), so rdfs:subClassOf links of
ontology/confgraph.ttl count for sh:class and sh:targetClass; no other inference is run
(inference="none"). Results of severity sh:Warning or sh:Info do not break conformance
(allow_warnings). Each file's syntax is guessed from its extension (.ttl, .nt, .nq, .trig,
.rdf/.owl/.xml, .jsonld), Turtle if unknown.

Prints pySHACL's text report on stdout. Exit status: 0 if the data conforms, 1 if it does not,
2 on usage errors or when a file cannot be read or parsed.
"""
import sys


def load(path: str):
    from rdflib import Dataset, Graph
    from rdflib.util import guess_format

    fmt = guess_format(path) or "turtle"
    if fmt in ("nquads", "trig"):
        g = Dataset()
    else:
        g = Graph()
    g.parse(path, format=fmt)
    return g


def main(argv: list) -> int:
    if len(argv) != 4:
        print("usage: shacl_validate.py DATA SHAPES.ttl ONTOLOGY.ttl", file=sys.stderr)
        return 2
    graphs = []
    for path in argv[1:]:
        try:
            graphs.append(load(path))
        except Exception as e:  # noqa: BLE001
            print(f"shacl_validate.py: {path}: cannot parse: {type(e).__name__}: {e}", file=sys.stderr)
            return 2
    data, shapes, ontology = graphs

    from pyshacl import validate

    conforms, _report_graph, report_text = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
        debug=False,
    )
    sys.stdout.reconfigure(encoding="utf-8")
    print(report_text.rstrip("\n"))
    return 0 if conforms else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
