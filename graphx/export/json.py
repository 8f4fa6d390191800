"""networkx node-link JSON with full citations (the graph's canonical file)."""

from __future__ import annotations

import json

from ..types import evidence_to_dict
from .atomic import atomic_write

NODE_KEYS = ("label", "kind", "aliases", "mentions", "discovered")


def graph_to_data(G) -> dict:
    """Node-link dict (``nodes`` / ``edges``) readable by ``nx.node_link_graph(d, edges="edges")``.

    Nodes and edges are sorted, so equal graphs give equal files.
    """
    nodes = []
    for n in sorted(G.nodes):
        d = G.nodes[n]
        # the known keys first, then any other attribute, so that load() gives back every one
        nodes.append({"id": n, **{k: d.get(k) for k in NODE_KEYS}, **{k: v for k, v in d.items() if k not in NODE_KEYS}})
    edges = []
    for s, t, k in sorted(G.edges(keys=True)):
        d = G.edges[s, t, k]
        row = {"source": s, "target": t, "key": k}
        for name, value in d.items():
            if name != "citations":
                row[name] = value
        row["citations"] = [evidence_to_dict(e) for e in d["citations"]]
        edges.append(row)
    return {"directed": True, "multigraph": True, "graph": dict(G.graph), "nodes": nodes, "edges": edges}


def dumps(G) -> str:
    return json.dumps(graph_to_data(G), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_json(G, path) -> None:
    """Write ``graph.json`` atomically (UTF-8, Arabic kept as is)."""
    text = dumps(G)
    with atomic_write(path) as f:
        f.write(text)
