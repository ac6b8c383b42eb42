"""`confgraph push` into an Oxigraph server (PyPI's `oxigraph`, started on localhost here), then
every named query asked of that server gives the rows `confgraph query --named NAME` gives; and
`push --replace` into a named graph leaves exactly the new triples (no half-replaced graph, no
temporary graph left behind).

Usage: push_check.py CONFGRAPH
Prints a JSON summary (with push throughput); exits 1 when a check fails.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from serve_common import free_port, named_rows, rows_of, wait_for_port

FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)


def ask(base, text):
    request = urllib.request.Request(f"{base}/query", urllib.parse.urlencode({"query": text}).encode(),
                                     {"Accept": "application/sparql-results+json",
                                      "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return rows_of(json.load(response), lists_as_sets=True)


def push(confgraph, *args):
    out = subprocess.run([confgraph, "push", *args], capture_output=True, text=True, timeout=600)
    check(out.returncode == 0, f"push {args}: {out.stderr}")
    return out.stdout.strip()


def main():
    confgraph = sys.argv[1]
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        print("no oxigraph server on PATH (pip install oxigraph)", file=sys.stderr)
        return 2
    summary = {}
    with tempfile.TemporaryDirectory() as location:
        port = free_port()
        server = subprocess.Popen([oxigraph, "serve", "--location", location, "--bind", f"127.0.0.1:{port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            if not wait_for_port(port, 20, server):
                raise RuntimeError(f"oxigraph serve did not start: {server.stderr.read()}")
            base = f"http://127.0.0.1:{port}"
            summary["push"] = push(confgraph, "--endpoint", f"{base}/store", "--batch", "2000")
            names = sorted(p.stem for p in Path("queries").glob("*.rq"))
            for name in names:
                text = Path(f"queries/{name}.rq").read_text(encoding="utf-8")
                check(ask(base, text) == named_rows(confgraph, name, lists_as_sets=True), f"{name}: Oxigraph server's rows differ")
            summary["named_queries"] = len(names)
            # --replace: a graph holding one other triple ends up with the graph's triples only.
            graph = "http://example.org/pushed"
            with tempfile.NamedTemporaryFile("w", suffix=".nt", delete=False) as one:
                one.write("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
            push(confgraph, "--data", one.name, "--endpoint", f"{base}/store", "--graph", graph)
            summary["replace"] = push(confgraph, "--endpoint", f"{base}/store", "--graph", graph, "--replace", "--batch", "3000")
            counts = dict(ask(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
            default = ask(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0][0]
            check(counts == {graph: default}, f"after --replace the named graphs are {counts}, not {{{graph}: {default}}}")
            summary["graphs"] = counts
        finally:
            server.terminate()
            server.wait(timeout=20)
    summary["failures"] = FAILURES
    print(json.dumps(summary, indent=1))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
