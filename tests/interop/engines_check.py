"""Every named query of `queries/` gives the same rows on four SPARQL engines: oxigraph (built into
confgraph), rdflib, Virtuoso 7 (Debian `virtuoso-opensource-7`, started here on free localhost
ports with a database of its own, loaded with its bulk loader) and Comunica 4
(`@comunica/query-sparql-file`, installed by scripts/test.sh under tests/interop/comunica/).

Rows are compared in order, values as text; GROUP_CONCAT lists (`a; b`) as sets, because SPARQL
leaves their order unspecified. Comunica's rows are compared as a multiset, because its ORDER BY
departs from SPARQL's in two ways no rewrite of the queries avoids:
* it orders strings by locale (`"AfroPython"` before `"AWS"`), where SPARQL orders simple literals
  by code point (`"AWS"` first, as oxigraph, rdflib and Virtuoso do);
* it leaves ties of a first key that is an aggregate or an expression unsorted by the next keys
  (`… GROUP BY ?kind ORDER BY DESC(?sessions) ?kind` gives the kinds of one count unsorted).

Usage: engines_check.py CONFGRAPH GRAPH.nt
Prints a JSON summary (rows per query and engine); exits 1 when an engine differs, 2 when one is
missing.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import rdflib

from serve_common import as_sets, free_port, rows_of, wait_for_port

GRAPH_IRI = "urn:confgraph:engines-check"
COMUNICA = Path(__file__).parent / "comunica/node_modules/.bin/comunica-sparql-file"


def oxigraph_rows(confgraph, graph, text):
    out = subprocess.run([confgraph, "query", text, "--data", graph, "--format", "json"],
                         check=True, capture_output=True, text=True)
    return rows_of(json.loads(out.stdout), lists_as_sets=True)


def rdflib_rows(g, text):
    result = g.query(text)
    return [as_sets(tuple("" if t is None else str(t) for t in row)) for row in result]


def comunica_rows(graph, text):
    out = subprocess.run([str(COMUNICA), graph, text, "-t", "application/sparql-results+json"],
                         check=True, capture_output=True, text=True, timeout=300)
    return rows_of(json.loads(out.stdout), lists_as_sets=True)


class Virtuoso:
    """A Virtuoso 7 server of its own: a temporary database, free ports, the graph bulk-loaded."""

    def __init__(self, graph):
        self.graph = Path(graph).resolve()
        self.dir = tempfile.TemporaryDirectory()
        self.sql_port, self.http_port = free_port(), free_port()
        self.process = None

    def __enter__(self):
        d = Path(self.dir.name)
        (d / "virtuoso.ini").write_text(f"""[Database]
DatabaseFile = {d}/v.db
ErrorLogFile = {d}/v.log
LockFile = {d}/v.lck
TransactionFile = {d}/v.trx
xa_persistent_file = {d}/v.pxa
[TempDatabase]
DatabaseFile = {d}/v-temp.db
TransactionFile = {d}/v-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {self.graph.parent}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{self.http_port}
ServerRoot = {d}
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
""")
        self.process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(d / "virtuoso.ini")],
                                        cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_for(self.http_port)
        self.isql(f"ld_dir('{self.graph.parent}', '{self.graph.name}', '{GRAPH_IRI}'); rdf_loader_run(); checkpoint;")
        return self

    def wait_for(self, port):
        if not wait_for_port(port, 120, self.process):
            log = Path(self.dir.name, "v.log")
            raise RuntimeError(f"virtuoso did not start: {log.read_text() if log.exists() else ''}")

    def isql(self, sql):
        isql = shutil.which("isql-vt") or shutil.which("isql")
        subprocess.run([isql, str(self.sql_port), "dba", "dba", f"exec={sql}"], check=True, capture_output=True, timeout=600)

    def rows(self, text):
        params = urllib.parse.urlencode({"query": text, "default-graph-uri": GRAPH_IRI}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.http_port}/sparql", params,
                                         {"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                return rows_of(json.load(response), lists_as_sets=True)
        except urllib.error.HTTPError as e:
            return f"HTTP {e.code}: {e.read().decode('utf-8', 'replace')[:300]}"

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.dir.cleanup()
        return False


def main():
    confgraph, graph = sys.argv[1], sys.argv[2]
    missing = [name for name, ok in [("virtuoso-t (virtuoso-opensource-7)", shutil.which("virtuoso-t")),
                                     ("Comunica (tests/interop/comunica)", COMUNICA.exists())] if not ok]
    if missing:
        print(f"missing: {', '.join(missing)}; ./scripts/test.sh installs them", file=sys.stderr)
        return 2
    g = rdflib.Graph().parse(graph, format="nt")
    summary, failures = {}, []
    with Virtuoso(graph) as virtuoso:
        for path in sorted(Path("queries").glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            expected = oxigraph_rows(confgraph, graph, text)
            answers = {"rdflib": rdflib_rows(g, text), "virtuoso": virtuoso.rows(text), "comunica": comunica_rows(graph, text)}
            summary[path.stem] = {"oxigraph": len(expected)}
            for engine, rows in answers.items():
                summary[path.stem][engine] = len(rows) if isinstance(rows, list) else rows
                if engine == "comunica" and isinstance(rows, list):
                    rows, expected_here = sorted(rows), sorted(expected)
                else:
                    expected_here = expected
                if rows != expected_here:
                    pairs = zip(rows, expected_here) if isinstance(rows, list) else []
                    first = next((i for i, (a, b) in enumerate(pairs) if a != b), None)
                    detail = f"row {first}: {rows[first]} vs {expected_here[first]}" if first is not None else str(rows)[:300]
                    failures.append(f"{path.stem} on {engine}: {detail}")
    print(json.dumps({"queries": summary, "failures": failures}, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
