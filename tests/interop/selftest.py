#!/usr/bin/env python3
"""Self-test of the RDF artefacts and the interop checkers, without cargo.

usage: python3 tests/interop/selftest.py        (needs requirements.txt installed)

Checks that ontology/confgraph.ttl and ontology/shapes.ttl parse, that every queries/*.rq is a
SPARQL SELECT rdflib can prepare and that opens with '# ' comment lines, that sample.ttl conforms
to the shapes (with and without the ontology), that sample-invalid.ttl and a series of other
planted violations do not, that rdf_count.py counts every syntax, and that every query runs on
sample.ttl with the expected rows. Prints one line per check; exit 0 when all pass.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ONTOLOGY = os.path.join(ROOT, "ontology", "confgraph.ttl")
SHAPES = os.path.join(ROOT, "ontology", "shapes.ttl")
QUERIES = os.path.join(ROOT, "queries")
SAMPLE = os.path.join(HERE, "sample.ttl")
SAMPLE_INVALID = os.path.join(HERE, "sample-invalid.ttl")

failures = []


def check(ok: bool, what: str, detail: str = "") -> None:
    print(("ok   " if ok else "FAIL ") + what + (("\n     " + detail) if detail and not ok else ""))
    if not ok:
        failures.append(what)


def run(script: str, *args: str):
    p = subprocess.run([sys.executable, os.path.join(HERE, script), *args],
                       capture_output=True, text=True, encoding="utf-8")
    return p.returncode, p.stdout, p.stderr


# Planted violations: (name, Turtle appended to sample.ttl, (s, p, o) pattern removed first or None)
S = "<https://example.org/confgraph/session/pycon-us-2019/web-maps-with-python>"
T = "<https://example.org/confgraph/session/pycascades-2024/web-maps-with-python>"
LOC = "<https://example.org/confgraph/source/notes-pycascades-2024-md/L24>"
M = "<https://example.org/confgraph/mention/notes-pycascades-2024-md/L24/ben-okafor>"
ED = "<https://example.org/confgraph/edition/pycon-us-2019>"
PREFIXES = """
@prefix schema: <https://schema.org/> .
@prefix cg: <https://w3id.org/confgraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
VIOLATIONS = [
    ("unknown session kind", f'{T} cg:sessionKind "workshop" .', (T, "cg:sessionKind", None)),
    ("kind class mismatch (cg:Keynote with kind talk)", f'{S} cg:sessionKind "talk" .', (S, "cg:sessionKind", None)),
    ("session without kind class", "", (T, "rdf:type", "conf:Talk")),
    ("session with two names", f'{T} schema:name "Other title" .', None),
    ("session without source", "", (T, "prov:wasDerivedFrom", None)),
    ("performer not a schema:Person", f"{T} schema:performer <https://example.org/confgraph/organisation/example-maps> .", None),
    ("session superEvent is a series", f"{T} schema:superEvent <https://example.org/confgraph/series/pycascades> .",
     (T, "schema:superEvent", None)),
    ("cg:line 0", f"{LOC} cg:line 0 .", (LOC, "cg:line", None)),
    ("cg:line as string", f'{LOC} cg:line "24" .', (LOC, "cg:line", None)),
    ("cg:year as xsd:gYear", f'{ED} cg:year "2019"^^xsd:gYear .', (ED, "cg:year", None)),
    ("startDate as xsd:integer", f"{ED} schema:startDate 2019 .", (ED, "schema:startDate", None)),
    ("edition without series", "", (ED, "schema:superEvent", None)),
    ("edition with neither a year nor cg:yearUnknown", "", (ED, "cg:year", None)),
    ("edition with a year and cg:yearUnknown", f"{ED} cg:yearUnknown true .", None),
    ("mention without asSpeaker", "", (M, "cg:asSpeaker", None)),
    ("asSpeaker as string", f'{M} cg:asSpeaker "true" .', (M, "cg:asSpeaker", None)),
    ("mention in two editions", f"{M} cg:mentionIn {ED} .", None),
    ("notes file without path", "", ("<https://example.org/confgraph/file/notes-pycascades-2024-md>", "cg:path", None)),
    ("scheme-less schema:url", f"{T} schema:url <github.com/example/demo> .", None),
    ("profile link as a literal", '<https://example.org/confgraph/person/rosa-quintero> schema:sameAs "mas.to/@rosaquintero" .', None),
    ("person with two names", '<https://example.org/confgraph/person/ben-okafor> schema:name "Benjamin Okafor" .', None),
]


def mutate(graph, extra: str, remove):
    from rdflib import Graph
    from rdflib.namespace import NamespaceManager

    g = Graph()
    for t in graph:
        g.add(t)
    nm = NamespaceManager(g)
    nm.bind("cg", "https://w3id.org/confgraph/ontology#")
    nm.bind("schema", "https://schema.org/")
    nm.bind("prov", "http://www.w3.org/ns/prov#")
    nm.bind("conf", "https://w3id.org/scholarlydata/ontology/conference-ontology.owl#")

    def term(x):
        if x is None:
            return None
        from rdflib import URIRef
        from rdflib.util import from_n3
        if x.startswith("<"):
            return URIRef(x[1:-1])
        return from_n3(x, nsm=nm)

    if remove:
        s, p, o = (term(x) for x in remove)
        before = len(g)
        g.remove((s, p, o))
        assert len(g) < before, f"nothing removed for {remove}"
    if extra:
        g.parse(data=PREFIXES + extra, format="turtle")
    return g


def main() -> int:
    from rdflib import Graph
    from rdflib.plugins.sparql import prepareQuery

    # 1. The artefacts parse.
    for path in (ONTOLOGY, SHAPES, SAMPLE, SAMPLE_INVALID):
        try:
            n = len(Graph().parse(path, format="turtle"))
            check(n > 0, f"parse {os.path.relpath(path, ROOT)} ({n} triples)")
        except Exception as e:  # noqa: BLE001
            check(False, f"parse {os.path.relpath(path, ROOT)}", repr(e))

    # 2. Every query is a commented SELECT that rdflib can prepare.
    queries = sorted(f for f in os.listdir(QUERIES) if f.endswith(".rq"))
    check(len(queries) >= 8, f"{len(queries)} queries in queries/")
    for q in queries:
        text = open(os.path.join(QUERIES, q), encoding="utf-8").read()
        try:
            pq = prepareQuery(text)
            ok = pq.algebra.name == "SelectQuery" and text.startswith("# ") and "ORDER BY" in text
            check(ok, f"prepare queries/{q}", "not a commented SELECT with ORDER BY")
        except Exception as e:  # noqa: BLE001
            check(False, f"prepare queries/{q}", repr(e))

    # 3. SHACL: the sample conforms, the planted violations do not.
    rc, out, err = run("shacl_validate.py", SAMPLE, SHAPES, ONTOLOGY)
    check(rc == 0, "sample.ttl conforms", out + err)
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.ttl")
        open(empty, "w").close()
        rc, out, err = run("shacl_validate.py", SAMPLE, SHAPES, empty)
        check(rc == 0, "sample.ttl conforms without the ontology", out + err)
        rc, out, err = run("shacl_validate.py", SAMPLE_INVALID, SHAPES, ONTOLOGY)
        check(rc == 1 and "MaxCountConstraintComponent" in out and "schema:superEvent" in out,
              "sample-invalid.ttl (two schema:superEvent) does not conform", out + err)
        base = Graph().parse(SAMPLE, format="turtle")
        for name, extra, remove in VIOLATIONS:
            path = os.path.join(tmp, "bad.ttl")
            mutate(base, extra, remove).serialize(path, format="turtle")
            rc, out, err = run("shacl_validate.py", path, SHAPES, ONTOLOGY)
            check(rc == 1, f"planted violation caught: {name}", f"rc={rc} {out} {err}")
        rc, out, err = run("shacl_validate.py", os.path.join(tmp, "missing.ttl"), SHAPES, ONTOLOGY)
        check(rc == 2, "shacl_validate.py: unreadable data exits 2", f"rc={rc}")

        # 4. rdf_count.py in every syntax (a named graph is added for the quad syntaxes).
        n = len(base)
        for fmt in ("turtle", "nt", "xml", "json-ld"):
            path = os.path.join(tmp, "g." + fmt)
            base.serialize(path, format=fmt, encoding="utf-8")
            rc, out, err = run("rdf_count.py", fmt, path)
            check(rc == 0 and out.strip() == str(n), f"rdf_count.py {fmt} = {n}", f"rc={rc} out={out!r} {err}")
        from rdflib import Dataset, URIRef
        ds = Dataset()
        for t in base:
            ds.add(t)  # default graph
        named = ds.graph(URIRef("https://example.org/confgraph/graph/extra"))
        for t in list(base)[:5]:
            named.add(t)
        for fmt in ("nquads", "trig"):
            path = os.path.join(tmp, "g." + fmt)
            ds.serialize(path, format=fmt)
            rc, out, err = run("rdf_count.py", fmt, path)
            check(rc == 0 and out.strip() == str(n + 5), f"rdf_count.py {fmt} = {n + 5} (all graphs)",
                  f"rc={rc} out={out!r} {err}")
        rc, out, err = run("rdf_count.py", "ntriples", os.path.join(tmp, "g.nt"))
        check(rc == 0 and out.strip() == str(n), "rdf_count.py accepts alias ntriples")
        rc, out, err = run("rdf_count.py", "turtle", SHAPES + ".missing")
        check(rc == 2, "rdf_count.py: unreadable file exits 2", f"rc={rc}")

    # 5. Every query runs on the sample and gives the expected rows.
    expected = {
        "repeat-speakers": (["name", "editions", "editionList", "series"],
                            [["Rosa Quintero", "2", {"pycascades-2024", "pycon-us-2019"}, "2"]]),
        "speakers-per-edition": (["edition", "speakers", "sessions"],
                                 [["pycascades-2024", "2", "1"], ["pycon-us-2019", "1", "2"]]),
        "sessions-per-topic-per-year": (["topic", "label", "year", "sessions"],
                                        [["geospatial", "Geospatial", "2019", "1"],
                                         ["geospatial", "Geospatial", "2024", "1"]]),
        "people-by-organisation": (["organisation", "person"],
                                   [["Example Maps", "Rosa Quintero"], ["Example Maps", "Łucja Nowak"]]),
        "people-by-former-organisation": (["organisation", "person"], [["Example Search", "Łucja Nowak"]]),
        "co-speakers": (["personA", "personB", "sharedSessions"], [["Ben Okafor", "Rosa Quintero", "1"]]),
        "sessions-without-speaker": (["edition", "title", "file", "line"],
                                     [["pycon-us-2019", "Opening Remarks", "notes/pycon-2019-schedule.txt", "5"]]),
        "talks-at-several-conferences": (["title", "editions", "editionList"],
                                         [["Web Maps with Python", "2", {"pycascades-2024", "pycon-us-2019"}]]),
        "people-only-mentioned": (["name", "mentions"], [["Łucja Nowak", "2"]]),
        "speaker-sessions": (["name", "edition", "title", "kind"],
                             [["Ben Okafor", "pycascades-2024", "Web Maps with Python", "talk"],
                              ["Rosa Quintero", "pycascades-2024", "Web Maps with Python", "talk"],
                              ["Rosa Quintero", "pycon-us-2019", "Web maps with Python", "keynote"]]),
        "sessions-per-kind": (["kind", "sessions"], [["ceremony", "1"], ["keynote", "1"], ["talk", "1"]]),
    }
    for q in queries:
        name = q[:-3]
        rc, out, err = run("sparql_select.py", SAMPLE, os.path.join(QUERIES, q))
        if rc != 0:
            check(False, f"run queries/{q} on sample.ttl", err)
            continue
        res = json.loads(out)
        if name not in expected:
            check(True, f"run queries/{q} on sample.ttl ({len(res['rows'])} rows, no expectation)")
            continue
        vars_, rows = expected[name]
        got = [[set(c.split("; ")) if isinstance(e, set) else c for c, e in zip(r, exp)]
               for r, exp in zip(res["rows"], rows)] if len(res["rows"]) == len(rows) else res["rows"]
        check(res["vars"] == vars_ and got == rows, f"run queries/{q} on sample.ttl ({len(rows)} rows as expected)",
              f"got {out.strip()}")
    rc, out, err = run("sparql_select.py", SAMPLE, os.path.join(QUERIES, "no-such-query.rq"))
    check(rc == 2, "sparql_select.py: missing query exits 2", f"rc={rc}")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
