"""Drives `confgraph serve` with real clients and checks what they get.

* SPARQLWrapper and rdflib's SPARQLStore run every named query and get the rows
  `confgraph query --named NAME --format json` gives, in the same order.
* curl asks for each results format by `Accept` and checks the status, the `Content-Type` and that
  the body parses; updates in each of the protocol's forms, and writes to the graph store, are
  refused with 403; the graph store's `GET /store?default` holds every triple of `graph.nt`.
* Headless Chromium opens the home page with a named query to run, and the rows it shows (read
  back from the DOM) are the query's.

Usage: serve_check.py CONFGRAPH GRAPH.nt
Prints a JSON summary; exits 1 when a check fails.
"""

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from serve_common import Server, chromium_flags, named_rows, rows_of

FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)
    return ok


def wrapper_rows(endpoint, text):
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    return rows_of(client.query().convert())


def store_rows(endpoint, text):
    store = SPARQLStore(endpoint, returnFormat="json")
    return [tuple("" if t is None else str(t) for t in row) for row in store.query(text)]


def named_queries(confgraph):
    out = subprocess.run([confgraph, "query", "--list"], check=True, capture_output=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def query_text(name):
    with open(f"queries/{name}.rq", encoding="utf-8") as f:
        return f.read()


def curl(url, *args):
    """Status, Content-Type and body of a curl request."""
    out = subprocess.run(["curl", "-s", "-o", "-", "-w", "\n%{http_code} %{content_type}", *args, url],
                         check=True, capture_output=True)
    body, _, tail = out.stdout.rpartition(b"\n")
    status, _, ctype = tail.decode().partition(" ")
    return int(status), ctype, body


SELECT = "SELECT ?s ?name WHERE { ?s <https://schema.org/name> ?name } ORDER BY ?s LIMIT 5"
CONSTRUCT = "CONSTRUCT WHERE { ?s <https://schema.org/name> ?name } LIMIT 5"


def parses_as(media, body):
    text = body.decode("utf-8")
    if media.endswith("sparql-results+json"):
        return len(json.loads(text)["results"]["bindings"]) == 5
    if media.endswith("sparql-results+xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        return len(ET.fromstring(text).findall(f"{ns}results/{ns}result")) == 5
    if media == "text/csv":
        return len(list(csv.reader(io.StringIO(text)))) == 6
    if media == "text/tab-separated-values":
        return len(text.strip("\n").split("\n")) == 6
    syntax = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
              "application/rdf+xml": "xml", "application/n-quads": "nquads", "application/trig": "trig"}[media]
    g = rdflib.Dataset() if syntax in ("nquads", "trig") else rdflib.Graph()
    g.parse(data=text, format=syntax)
    return len(g) == 5


def check_content_types(base, summary):
    cases = [(SELECT, m) for m in ("application/sparql-results+json", "application/sparql-results+xml",
                                   "text/csv", "text/tab-separated-values")]
    cases += [(CONSTRUCT, m) for m in ("text/turtle", "application/n-triples", "application/ld+json",
                                       "application/rdf+xml", "application/n-quads", "application/trig")]
    for text, media in cases:
        status, ctype, body = curl(f"{base}query", "-H", f"Accept: {media}", "--data-urlencode", f"query={text}")
        check(status == 200 and ctype.split(";")[0] == media and parses_as(media, body),
              f"Accept {media}: {status} {ctype} {body[:200]!r}")
    summary["content_types"] = len(cases)
    status, _, _ = curl(f"{base}query", "-H", "Accept: image/png", "--data-urlencode", f"query={SELECT}")
    check(status == 406, f"Accept image/png gave {status}, not 406")
    status, _, body = curl(f"{base}query", "--data-urlencode", "query=SELECT ?s WHERE { ?s ?p }")
    check(status == 400 and b"line 1" in body, f"a syntax error gave {status} {body!r}")


def check_read_only(base, summary):
    refusals = [
        ("query", ["-H", "Content-Type: application/sparql-update", "--data", "CLEAR ALL"]),
        ("query", ["--data-urlencode", "update=CLEAR ALL"]),
        ("query?update=CLEAR%20ALL", []),
        ("store?default", ["-X", "PUT", "-H", "Content-Type: text/turtle", "--data", "<a:b> <a:c> <a:d> ."]),
        ("store?default", ["-X", "DELETE"]),
    ]
    for path, args in refusals:
        status, _, body = curl(f"{base}{path}", *args)
        check(status == 403 and b"read-only" in body, f"{path} {args}: {status} {body!r}")
    status, _, body = curl(f"{base}query", "--data-urlencode", "query=INSERT DATA { <a:b> <a:c> <a:d> }")
    check(status == 403 and b"read-only" in body, f"an update sent as query=: {status} {body!r}")
    status, _, body = curl(f"{base}query?query=%20")
    check(status == 400 and b"no query" in body, f"an empty query: {status} {body!r}")
    summary["refused"] = len(refusals) + 1
    status, _, _ = curl(f"{base}query", "-G", "--data-urlencode", "query=ASK { ?s ?p ?o }")
    check(status == 200, f"the graph still answers after the refusals: {status}")


def check_connections(base, summary):
    """Idle connections do not hold the server, and a body over 1 MiB is refused with 413."""
    host, port = base.split("//")[1].strip("/").split(":")
    idle = [socket.create_connection((host, int(port))) for _ in range(64)]
    started = time.monotonic()
    status, _, _ = curl(f"{base}query", "-m", "5", "--data-urlencode", "query=ASK { ?s ?p ?o }")
    check(status == 200, f"with 64 idle connections open the endpoint gave {status}")
    summary["answer_with_64_idle_connections_s"] = round(time.monotonic() - started, 3)
    for s in idle:
        s.close()
    with socket.create_connection((host, int(port)), timeout=5) as s:
        body = b"#" * ((1 << 20) + 1)
        s.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body)
        answer = s.recv(200).decode("latin-1")
    check(answer.startswith("HTTP/1.1 413"), f"a body over 1 MiB gave {answer[:40]!r}")


def check_graph_store(base, graph_nt, summary):
    status, ctype, body = curl(f"{base}store?default", "-H", "Accept: text/turtle")
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    expected = rdflib.Graph().parse(graph_nt, format="nt")
    check(status == 200 and ctype.startswith("text/turtle") and len(g) == len(expected),
          f"GET /store?default: {status} {ctype}, {len(g)} triples of {len(expected)}")
    summary["store_triples"] = len(g)
    status, ctype, body = curl(f"{base}store?default", "-I", "-H", "Accept: application/n-triples")
    check(status == 200 and ctype == "application/n-triples", f"HEAD /store?default: {status} {ctype}")
    status, _, _ = curl(f"{base}store?graph=http%3A%2F%2Fexample.org%2Fg")
    check(status == 404, f"a named graph gave {status}, not 404")


class Rows(HTMLParser):
    """The cells of the results table (`table#rows`): text, and the full IRI where there is one."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_table = [], None, False
        self.status = ""
        self.in_status = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "rows":
            self.in_table = True
        elif self.in_table and tag == "tr":
            self.rows.append([])
        elif self.in_table and tag == "td":
            self.cell = [attrs.get("title"), ""]
        elif attrs.get("id") == "status":
            self.in_status = True

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[-1].append(self.cell[0] or self.cell[1])
            self.cell = None
        elif tag == "table":
            self.in_table = False
        elif tag == "span":
            self.in_status = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data
        if self.in_status:
            self.status += data


def check_page(base, confgraph, summary):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not check(browser is not None, "no chromium on PATH"):
        return
    name = "repeat-speakers"
    expected = named_rows(confgraph, name)
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([browser, *chromium_flags(profile), "--virtual-time-budget=15000", "--dump-dom",
                              f"{base}?named={name}&run"], check=True, capture_output=True, text=True, timeout=120).stdout
    page = Rows()
    page.feed(dom)
    shown = [tuple(r) for r in page.rows if r]
    check(shown == expected and len(expected) > 0,
          f"the page shows {len(shown)} rows of {name} ({page.status!r}), the query gives {len(expected)}: {shown[:3]} vs {expected[:3]}")
    summary["page_rows"] = len(shown)


def main():
    confgraph, graph_nt = sys.argv[1], sys.argv[2]
    summary = {}
    with Server(confgraph, ["--timeout", "20"]) as server:
        base = server.base
        endpoint = f"{base}query"
        names = named_queries(confgraph)
        for name in names:
            expected = named_rows(confgraph, name)
            text = query_text(name)
            check(wrapper_rows(endpoint, text) == expected, f"SPARQLWrapper: {name} rows differ")
            check(store_rows(endpoint, text) == expected, f"rdflib SPARQLStore: {name} rows differ")
        summary["named_queries"] = len(names)
        check_content_types(base, summary)
        check_read_only(base, summary)
        check_graph_store(base, graph_nt, summary)
        check_connections(base, summary)
        check_page(base, confgraph, summary)
    summary["failures"] = FAILURES
    print(json.dumps(summary, indent=1))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
