"""GraphML for Gephi and other tools.

Gephi's importer drops edges whose id repeats, needs integer ``r``/``g``/``b``
and rejects None or list values, so: ids are unique strings, colours are
ints, lists and citations are JSON strings, every attribute keeps one type,
and control characters (illegal in XML) are removed from text.
"""

from __future__ import annotations

import json
import re

import networkx as nx

from ..types import evidence_to_dict
from .atomic import atomic_write

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
KIND_COLORS = {
    "person": "#4e79a7", "state": "#f28e2b", "place": "#59a14f", "organisation": "#b07aa1",
    "armed_group": "#e15759", "outlet": "#9c755f",
}
DEFAULT_COLOR = "#bab0ac"


def clean(text) -> str:
    """Text safe for XML 1.0 (no control characters)."""
    return _CONTROL.sub("", str(text))


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    if len(h) != 6:
        h = DEFAULT_COLOR.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def edge_id(s, t, k) -> str:
    return f"{s}|{k}|{t}"


def to_gephi_graph(G) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes GraphML and Gephi accept as they are."""
    H = nx.MultiDiGraph()
    relations = G.graph.get("relations", {})
    for n in sorted(G.nodes):
        d = G.nodes[n]
        r, g, b = rgb(KIND_COLORS.get(d.get("kind"), DEFAULT_COLOR))
        H.add_node(n, label=clean(d.get("label", n)), kind=clean(d.get("kind", "")),
                   aliases=clean(json.dumps(list(d.get("aliases", [])), ensure_ascii=False)),
                   mentions=int(d.get("mentions", 0)), discovered=bool(d.get("discovered", False)),
                   size=float(10 + 2 * int(d.get("mentions", 0)) ** 0.5), r=r, g=g, b=b)
    for s, t, k in sorted(G.edges(keys=True)):
        d = G.edges[s, t, k]
        r, g, b = rgb(relations.get(k, {}).get("color", DEFAULT_COLOR))
        # The key becomes the GraphML edge id: unique per (source, type, target).
        H.add_edge(s, t, key=edge_id(s, t, k), label=clean(k), type=clean(d.get("type", k)),
                   weight=float(d.get("weight", 0)), evidence=int(d.get("evidence", 0)),
                   documents=int(d.get("documents", 0)), outlets=int(d.get("outlets", 0)),
                   sources=int(d.get("sources", 0)), stated=bool(d.get("stated", False)),
                   languages=clean(d.get("languages", "")),
                   codes_note=clean(d.get("codes_note", "")),
                   asserted=bool(d.get("asserted", False)), hedged=bool(d.get("hedged", False)),
                   negated=int(d.get("negated", 0)), date=clean(d.get("date", "")),
                   cameo=clean(d.get("cameo", "")), plover=clean(d.get("plover", "")), r=r, g=g, b=b,
                   citations=clean(json.dumps([evidence_to_dict(e) for e in d["citations"]],
                                              ensure_ascii=False)))
    return H


def write_graphml(G, path) -> None:
    """Write ``graph.graphml`` atomically."""
    H = to_gephi_graph(G)
    with atomic_write(path, mode="wb") as f:
        nx.write_graphml(H, f, encoding="utf-8")
