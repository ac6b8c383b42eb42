"""What a user would write without confgraph: read conference notes with a few regular
expressions, build an rdflib graph and a networkx graph, write Turtle, N-Triples and GraphML.

Usage: baseline.py NOTES_DIR OUT_DIR
Used by scripts/bench-build.sh as the point of comparison; it reads the same three styles
(talk notes, schedule listings, recaps) roughly, with no identity resolution, topics or reports.
"""

import re
import sys
from pathlib import Path

import networkx as nx
from rdflib import RDF, Graph, Literal, Namespace, URIRef

SCHEMA = Namespace("https://schema.org/")
BASE = "https://example.org/confgraph/"
TIME = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day .* in .+$")
HEADER = re.compile(r"^#?\s*(.+?)\s+((?:19|20)\d\d)\b")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_names(line):
    return [n.strip() for n in re.split(r",\s*|\s+and\s+", re.sub(r"\(.*?\)", "", line)) if n.strip()]


def sessions_of(text):
    lines = text.splitlines()
    m = HEADER.match(lines[0]) if lines else None
    if not m:
        return None, []
    conf = f"{slug(m.group(1))}-{m.group(2)}"
    found = []
    if sum(1 for l in lines if TIME.match(l)) >= 2:
        for i, line in enumerate(lines):
            if TIME.match(line) and i >= 3:
                found.append((lines[i - 3], split_names(lines[i - 1])))
    else:
        for i, line in enumerate(lines):
            if line.startswith("## ") or line.startswith("### "):
                title = line.lstrip("#").strip()
                speaker = next((l for l in lines[i + 1 : i + 4] if l.strip()), "")
                names = split_names(speaker) if re.fullmatch(r"[A-Z][\w'. -]+(,\s*[A-Z][\w'. -]+)*", speaker) else []
                found.append((title, names))
    return conf, found


def main():
    notes, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    g = Graph()
    g.bind("schema", SCHEMA)
    net = nx.DiGraph()
    for path in sorted(list(notes.rglob("*.md")) + list(notes.rglob("*.txt"))):
        conf, sessions = sessions_of(path.read_text(encoding="utf-8", errors="replace"))
        if conf is None:
            continue
        edition = URIRef(f"{BASE}edition/{conf}")
        g.add((edition, RDF.type, SCHEMA.Event))
        net.add_node(f"edition/{conf}", kind="edition")
        for title, names in sessions:
            sid = f"session/{conf}/{slug(title)}"
            s = URIRef(BASE + sid)
            g.add((s, RDF.type, SCHEMA.Event))
            g.add((s, SCHEMA.name, Literal(title)))
            g.add((s, SCHEMA.superEvent, edition))
            net.add_node(sid, kind="session", label=title)
            net.add_edge(sid, f"edition/{conf}", kind="part_of")
            for name in names:
                pid = f"person/{slug(name)}"
                p = URIRef(BASE + pid)
                g.add((p, RDF.type, SCHEMA.Person))
                g.add((p, SCHEMA.name, Literal(name)))
                g.add((s, SCHEMA.performer, p))
                net.add_node(pid, kind="person", label=name)
                net.add_edge(pid, sid, kind="presented")
    g.serialize(destination=str(out / "graph.ttl"), format="turtle")
    g.serialize(destination=str(out / "graph.nt"), format="nt")
    nx.write_graphml(net, out / "graph.graphml")
    print(f"{len(g)} triples, {net.number_of_nodes()} nodes")


if __name__ == "__main__":
    main()
