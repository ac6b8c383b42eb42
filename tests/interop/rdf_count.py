#!/usr/bin/env python3
"""Print how many triples (quads, for quad formats) rdflib parses from an RDF file.

usage: rdf_count.py FORMAT FILE

FORMAT is an rdflib parser name: turtle, nt, nquads, trig, xml, json-ld (the confgraph
--format names ttl, ntriples, rdfxml and jsonld are accepted as aliases). Triple formats are
parsed into one rdflib Graph and its size is printed; nquads and trig are parsed into an rdflib
Dataset and every quad of every graph (the default graph included) is counted. json-ld is parsed
into a Dataset too, so named graphs it may hold are counted as well (for a JSON-LD document without
named graphs this is its number of triples). rdflib keeps sets, so duplicate statements count once.

Exit status: 0 on success, 2 on usage errors or when the file cannot be read or parsed (the
rdflib error is printed on stderr).
"""
import sys

ALIASES = {
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "nquads": "nquads",
    "n-quads": "nquads",
    "nq": "nquads",
    "trig": "trig",
    "xml": "xml",
    "rdfxml": "xml",
    "rdf/xml": "xml",
    "application/rdf+xml": "xml",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
}
QUAD_FORMATS = {"nquads", "trig", "json-ld"}


def count(fmt: str, path: str) -> int:
    from rdflib import Dataset, Graph

    if fmt in QUAD_FORMATS:
        ds = Dataset()
        ds.parse(path, format=fmt)
        return sum(1 for _ in ds.quads((None, None, None, None)))
    g = Graph()
    g.parse(path, format=fmt)
    return len(g)


def main(argv: list) -> int:
    if len(argv) != 3:
        print("usage: rdf_count.py FORMAT FILE", file=sys.stderr)
        return 2
    fmt = ALIASES.get(argv[1].lower())
    if fmt is None:
        print(f"rdf_count.py: unknown format {argv[1]!r} (one of: {', '.join(sorted(set(ALIASES.values())))})",
              file=sys.stderr)
        return 2
    try:
        n = count(fmt, argv[2])
    except Exception as e:  # noqa: BLE001 - any parse failure is reported the same way
        print(f"rdf_count.py: {argv[2]}: cannot parse as {fmt}: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
