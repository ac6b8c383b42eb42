"""Reads a GraphML or GEXF export with networkx (and GraphML with igraph too) and prints what
each client saw as JSON, so the Rust tests can compare it with confgraph's own model.

Usage: graph_read.py graphml|gexf FILE

Output: {"directed": bool, "nodes": {id: {attr: value}}, "edges": [[source, target, {attr: value}]],
         "igraph": {"nodes": n, "edges": m} (GraphML only),
         "pagerank_top10": [ids], "louvain_modularity": float, "modularity_of": {"community": float}}
PageRank and Louvain run on the undirected weighted graph, as confgraph computes them.
"""

import json
import sys

import networkx as nx
from networkx.readwrite import gexf


class TimestampSpellReader(gexf.GEXFReader):
    """networkx 3.6 reads only interval spells (`start`/`end`). GEXF 1.3 with
    timerepresentation="timestamp" gives `<spell timestamp="2024.0"/>`, which is what Gephi
    expects (it flags start/end spells in timestamp mode as errors). Read those as the
    one-year spell (t, t); everything else is networkx's own reader."""

    def add_spells(self, data, node_or_edge_xml):
        spells_element = node_or_edge_xml.find(f"{{{self.NS_GEXF}}}spells")
        if spells_element is None:
            return data
        ttype = self.python_type[self.timeformat]
        data["spells"] = []
        for s in spells_element.findall(f"{{{self.NS_GEXF}}}spell"):
            if s.get("timestamp") is not None:
                t = ttype(s.get("timestamp"))
                data["spells"].append((t, t))
            else:
                data["spells"].append((ttype(s.get("start")), ttype(s.get("end"))))
        return data


def read_gexf(path):
    reader = TimestampSpellReader(node_type=None, version="1.2draft")
    return reader(path)


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("graphml", "gexf"):
        print(__doc__, file=sys.stderr)
        return 2
    fmt, path = sys.argv[1], sys.argv[2]
    graph = nx.read_graphml(path) if fmt == "graphml" else read_gexf(path)
    out = {
        "directed": graph.is_directed(),
        "spells": {n: a.get("spells") for n, a in graph.nodes(data=True) if a.get("spells")},
        "nodes": {n: dict(a) for n, a in graph.nodes(data=True)},
        "edges": [[u, v, dict(a)] for u, v, a in graph.edges(data=True)],
    }
    if fmt == "graphml":
        import igraph

        g = igraph.Graph.Read_GraphML(path)
        out["igraph"] = {"nodes": g.vcount(), "edges": g.ecount()}
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes())
    for u, v, a in graph.edges(data=True):
        w = float(a.get("weight", 1.0))
        if undirected.has_edge(u, v):
            undirected[u][v]["weight"] += w
        else:
            undirected.add_edge(u, v, weight=w)
    rank = nx.pagerank(undirected, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
    # Exact ties (co-speaker pairs) differ in the last bits between engines: rank on 12 decimals.
    out["pagerank_top10"] = [n for n, _ in sorted(rank.items(), key=lambda kv: (-round(kv[1], 12), kv[0]))[:10]]
    out["pagerank"] = rank
    if undirected.number_of_edges() > 0:
        communities = nx.community.louvain_communities(undirected, weight="weight", seed=7)
        out["louvain_modularity"] = nx.community.modularity(undirected, communities, weight="weight")
        ours = {}
        for n, a in graph.nodes(data=True):
            ours.setdefault(a.get("community"), set()).add(n)
        out["modularity_of_confgraph_communities"] = nx.community.modularity(undirected, list(ours.values()), weight="weight")
    print(json.dumps(out, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
