"""GEXF for Gephi: colours and sizes (``viz``) and dates its timeline can replay.

Each edge lives from the first to the last date its citations speak of
(``start``/``end``, "YYYY-MM-DD"); an actor whose edges are all dated
appears with its first one. Undated edges and the other actors are always shown. The relation is the ``relation``
column (GEXF reserves an edge's ``type`` for directed/undirected), and the
same weight rule as GraphML applies (Gephi drops weight-0 edges).
"""

from __future__ import annotations

import re

import networkx as nx

from .atomic import atomic_write
from .graphml import clean, edge_id, edge_record, node_record

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def edge_dates(citations) -> tuple[str, str]:
    """First and last well-formed date among the citations ("" when none).

    >>> from graphx.types import Evidence
    >>> ev = [Evidence("a", "contacted", "b", "d", 0, 1, "x", "x", 0, 1, "r", date=d)
    ...       for d in ("2024-12-07", "", "2024-12-01", "Dec 3")]
    >>> edge_dates(ev)
    ('2024-12-01', '2024-12-07')
    """
    dates = sorted(c.date for c in citations if c.date and _DATE.fullmatch(c.date))
    return (dates[0], dates[-1]) if dates else ("", "")


def gexf_graph(G) -> nx.MultiDiGraph:
    """A copy of ``G`` that ``networkx.write_gexf`` turns into Gephi's GEXF."""
    H = nx.MultiDiGraph()
    starts, undated = {}, set()
    edges = []
    for s, t, k in sorted(G.edges(keys=True)):
        d = G.edges[s, t, k]
        rec = edge_record(G, s, t, k, d)
        first, last = edge_dates(d.get("citations", ()))
        attrs = {"id": edge_id(s, t, k), "label": rec.pop("label"), "weight": rec.pop("weight"),
                 "relation": rec.pop("type")}
        r, g, b = rec.pop("r"), rec.pop("g"), rec.pop("b")
        attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "thickness": attrs["weight"]}
        if first:
            attrs.update(start=first, end=last)
            for n in (s, t):
                starts[n] = min(starts.get(n, first), first)
        else:
            undated.update((s, t))
        attrs.update(rec)
        edges.append((s, t, attrs))
    for n in sorted(G.nodes):
        rec = node_record(n, G.nodes[n])
        attrs = {"label": rec.pop("label"),
                 "viz": {"color": {"r": rec.pop("r"), "g": rec.pop("g"), "b": rec.pop("b"), "a": 1.0},
                         "size": rec.pop("size")}}
        if n in starts and n not in undated:
            attrs["start"] = starts[n]
        attrs.update(rec)
        H.add_node(n, **_cleaned(attrs))
    for s, t, attrs in edges:
        H.add_edge(s, t, key=attrs["id"], **_cleaned(attrs))
    return H


def _cleaned(attrs) -> dict:
    return {k: clean(v) if isinstance(v, str) else v for k, v in attrs.items()}


def write_gexf(G, path) -> None:
    """Write ``graph.gexf`` atomically (GEXF 1.2, UTF-8).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import networkx as nx
    >>> from graphx.graph import build_graph
    >>> from graphx.types import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "state")],
    ...                 [Evidence("a", "contacted", "b", "d", 0, 9, "A called B", "called", 2, 8, "r",
    ...                           date="2024-12-07")])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "graph.gexf"
    >>> write_gexf(G, p)
    >>> H = nx.read_gexf(p)
    >>> [(s, t, d["relation"], d["start"]) for s, t, d in H.edges(data=True)]
    [('a', 'b', 'contacted', '2024-12-07')]
    """
    H = gexf_graph(G)
    with atomic_write(path, mode="wb") as f:
        nx.write_gexf(H, f, encoding="utf-8", prettyprint=True)
