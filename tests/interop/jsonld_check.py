#!/usr/bin/env python3
"""Check confgraph's compacted JSON-LD with real JSON-LD processors.

usage: jsonld_check.py GRAPH.jsonld GRAPH.nt CONTEXT.jsonld

Checks, against the N-Triples export of the same graph:
  * the document embeds the published context (CONTEXT.jsonld) as its first context;
  * rdflib reads exactly the triples of GRAPH.nt from it, and so does PyLD (`to_rdf`);
  * a PyLD frame on each of the types Person, Session and Conference (an edition) finds every
    node of that type, and only those;
  * JSON users meet terms: every key of every node is a term of the context (no IRIs, no compact
    IRIs) and every @type a class term; integers and booleans are JSON numbers and booleans.

Prints one JSON object of figures on stdout; exit status 0 when every check passes, 1 when one
fails (each failure on stderr), 2 on usage errors.
"""
import json
import sys

TYPES = {
    "Person": "https://schema.org/Person",
    "Session": "https://w3id.org/confgraph/ontology#Session",
    "Conference": "https://w3id.org/scholarlydata/ontology/conference-ontology.owl#Conference",
}


def triples_of_nt(path):
    from rdflib import Graph

    g = Graph()
    g.parse(path, format="nt")
    return set(g)


def rdflib_triples(doc_path):
    from rdflib import Graph

    g = Graph()
    g.parse(doc_path, format="json-ld")
    return set(g)


def pyld_triples(doc):
    from pyld import jsonld
    from rdflib import Graph

    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    g = Graph()
    g.parse(data=nquads, format="nt")
    return set(g)


def frame_ids(doc, context, type_term):
    from pyld import jsonld

    framed = jsonld.frame(doc, {"@context": context["@context"], "@type": type_term}, {"embed": "@never"})
    return {node["@id"] for node in framed.get("@graph", [])}


def shape_problems(doc, context):
    """Keys that are not terms, types that are not class terms, typed strings that could be native."""
    terms = context["@context"]
    problems = []
    for node in doc["@graph"]:
        types = node.get("@type", [])
        for t in [types] if isinstance(types, str) else types:
            if t not in terms:
                problems.append(f"{node['@id']}: type {t} is not a term")
        for key, value in node.items():
            if key.startswith("@"):
                continue
            if key not in terms:
                problems.append(f"{node['@id']}: key {key} is not a term")
                continue
            definition = terms[key]
            coerced = definition.get("@type") if isinstance(definition, dict) else None
            for v in value if isinstance(value, list) else [value]:
                if coerced in ("xsd:integer", "xsd:boolean") and isinstance(v, str):
                    problems.append(f"{node['@id']}: {key} value {v!r} is a string, not native")
    return problems


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    doc_path, nt_path, context_path = argv[1:]
    with open(doc_path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(context_path, encoding="utf-8") as f:
        context = json.load(f)
    failures = []
    if doc["@context"][0] != context["@context"]:
        failures.append("the document's first context is not the published context")
    expected = triples_of_nt(nt_path)
    figures = {"triples": len(expected), "nodes": len(doc["@graph"])}
    for reader, triples in (("rdflib", rdflib_triples(doc_path)), ("pyld", pyld_triples(doc))):
        figures[reader] = len(triples)
        if triples != expected:
            missing, extra = expected - triples, triples - expected
            failures.append(f"{reader}: {len(missing)} triples missing (e.g. {sorted(missing)[:2]}), "
                            f"{len(extra)} extra (e.g. {sorted(extra)[:2]})")
    from rdflib import RDF, URIRef

    nt_graph_types = {}
    for s, p, o in expected:
        if p == RDF.type:
            nt_graph_types.setdefault(str(o), set()).add(str(s))
    base = doc["@context"][1]["@base"]
    for term, iri in TYPES.items():
        want = nt_graph_types.get(iri, set())
        got = {i if "://" in i else base + i for i in frame_ids(doc, context, term)}
        figures[f"frame {term}"] = f"{len(got)} of {len(want)}"
        if got != want or not want:
            failures.append(f"frame on {term}: {len(got)} nodes, {len(want)} of that type "
                            f"(missing e.g. {sorted(want - got)[:2]}, extra e.g. {sorted(got - want)[:2]})")
    problems = shape_problems(doc, context)
    figures["shape problems"] = len(problems)
    failures.extend(problems[:10])
    print(json.dumps(figures))
    for failure in failures:
        print(f"jsonld_check.py: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
