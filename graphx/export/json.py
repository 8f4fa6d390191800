"""networkx node-link JSON with full citations (the graph's canonical file)."""

from __future__ import annotations

import json

from ..types import evidence_to_dict
from .atomic import atomic_write

NODE_KEYS = ("label", "kind", "aliases", "mentions", "discovered")


def _node_rows(G):
    for n in sorted(G.nodes):
        d = G.nodes[n]
        # the known keys first, then any other attribute, so that load() gives back every one
        yield {"id": n, **{k: d.get(k) for k in NODE_KEYS}, **{k: v for k, v in d.items() if k not in NODE_KEYS}}


def _edge_rows(G):
    for s, t, k in sorted(G.edges(keys=True)):
        d = G.edges[s, t, k]
        row = {"source": s, "target": t, "key": k}
        for name, value in d.items():
            if name != "citations":
                row[name] = value
        row["citations"] = [evidence_to_dict(e) for e in d["citations"]]
        yield row


def graph_to_data(G) -> dict:
    """Node-link dict (``nodes`` / ``edges``) readable by ``nx.node_link_graph(d, edges="edges")``.

    Nodes and edges are sorted, so equal graphs give equal files.
    """
    return {"directed": True, "multigraph": True, "graph": dict(G.graph), "nodes": list(_node_rows(G)),
            "edges": list(_edge_rows(G))}


def _indented(value, level: int) -> str:
    # json.dumps(indent=1) of a value nested ``level`` deep: an encoded string never holds a
    # raw newline, so every newline of the text is a line break of the layout.
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)


def _array(rows, out) -> None:
    first = True
    for row in rows:
        out(("[\n  " if first else ",\n  ") + _indented(row, 2))
        first = False
    out("[]" if first else "\n ]")


def iter_json(G):
    """The text of :func:`dumps` in pieces, one node or edge at a time (memory stays flat)."""
    pieces: list[str] = []
    out = pieces.append
    out('{\n "directed": true,\n "multigraph": true,\n "graph": ' + _indented(dict(G.graph), 1) + ',\n "nodes": ')
    _array(_node_rows(G), out)
    out(',\n "edges": ')
    yield from pieces
    pieces.clear()
    first = True
    for row in _edge_rows(G):
        yield ("[\n  " if first else ",\n  ") + _indented(row, 2)
        first = False
    yield ("[]" if first else "\n ]") + "\n}\n"


def dumps(G) -> str:
    return json.dumps(graph_to_data(G), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_json(G, path) -> None:
    """Write ``graph.json`` atomically (UTF-8, Arabic kept as is), streaming edge by edge:
    the same bytes as :func:`dumps` without the whole text (or data) in memory at once."""
    with atomic_write(path) as f:
        for piece in iter_json(G):
            f.write(piece)
