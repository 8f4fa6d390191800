"""GEXF for Gephi: colours and sizes (``viz``) and dates its timeline can replay.

Each edge lives from the first to the last day its citations speak of
(``start``/``end``, "YYYY-MM-DD"; a month or a year is all of its days, see
:mod:`graphx.timespan`); an actor whose edges are all dated
appears with its first one. Undated edges and the other actors are always shown. The relation is the ``relation``
column (GEXF reserves an edge's ``type`` for directed/undirected), and the
same weight rule as GraphML applies (Gephi drops weight-0 edges).
"""

from __future__ import annotations

import re

import networkx as nx

from ..timespan import span_of
from .atomic import atomic_write
from .graphml import EDGE_COLUMNS, NODE_COLUMNS, clean, columns, edge_id, edge_record, flat, node_record


def edge_dates(citations) -> tuple[str, str]:
    """First and last day the citations speak of ("" when none): a month or a year
    ("2024-11", "2024") counts as all of its days.

    >>> from graphx.records import Evidence
    >>> ev = [Evidence("a", "contacted", "b", "d", 0, 1, "x", "x", 0, 1, "r", date=d)
    ...       for d in ("2024-12-07", "", "2024-12-01", "Dec 3")]
    >>> edge_dates(ev)
    ('2024-12-01', '2024-12-07')
    >>> edge_dates(ev + [Evidence("a", "contacted", "b", "d", 0, 1, "x", "x", 0, 1, "r", date="2024-12")])
    ('2024-12-01', '2024-12-31')
    """
    return span_of({c.date for c in citations})


# Names networkx's GEXF writer takes as GEXF structure rather than data.
_RESERVED = {"id", "label", "weight", "type", "start", "end", "spells", "viz", "pid", "parents", "key",
             "networkx_key"}


def gexf_graph(G) -> nx.MultiDiGraph:
    """A copy of ``G`` that ``networkx.write_gexf`` turns into Gephi's GEXF.

    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "state")],
    ...                 [Evidence("a", "fled-to", "b", "d", 0, 9, "A fled to B", "fled", 2, 6, "r", date="2024-12-08")])
    >>> H = gexf_graph(G)
    >>> d = H.edges["a", "b", "a|fled-to|b"]
    >>> d["relation"], d["start"], d["end"], d["viz"]["color"]["r"] >= 0, H.nodes["b"]["start"]
    ('fled-to', '2024-12-08', '2024-12-08', True, '2024-12-08')
    """
    nodes = [(n, node_record(n, G.nodes[n])) for n in sorted(G.nodes)]
    edges = [((s, t, k), edge_record(G, s, t, k, G.edges[s, t, k])) for s, t, k in sorted(G.edges(keys=True))]
    ncols = columns([r for _, r in nodes], NODE_COLUMNS)
    ecols = columns([r for _, r in edges], EDGE_COLUMNS)
    starts, undated = {}, set()
    H = nx.MultiDiGraph()
    out_edges = []
    for (s, t, k), rec in edges:
        first, last = edge_dates(G.edges[s, t, k].get("citations", ()))
        attrs = {"id": clean(edge_id(s, t, k)), "label": clean(rec["label"]), "weight": rec["weight"],
                 "viz": {"color": {"r": rec["r"], "g": rec["g"], "b": rec["b"], "a": 1.0},
                         "thickness": rec["weight"]}}
        if first:
            attrs.update(start=first, end=last)
            for n in (s, t):
                starts[n] = min(starts.get(n, first), first)
        else:
            undated.update((s, t))
        attrs.update(_data(rec, ecols, skip=("label", "weight", "r", "g", "b")))
        out_edges.append((s, t, attrs))
    for n, rec in nodes:
        attrs = {"label": clean(rec["label"]),
                 "viz": {"color": {"r": rec["r"], "g": rec["g"], "b": rec["b"], "a": 1.0}, "size": rec["size"]}}
        if n in starts and n not in undated:
            attrs["start"] = starts[n]
        attrs.update(_data(rec, ncols, skip=("label", "size", "r", "g", "b")))
        H.add_node(n, **attrs)
    for s, t, attrs in out_edges:
        H.add_edge(s, t, key=attrs["id"], **attrs)
    return H


def _data(rec, cols, skip) -> dict:
    out = {}
    for name, kind, as_json in cols:
        if name in rec and name not in skip:
            # GEXF reserves an edge's "type" (directed/undirected): the relation goes in "relation".
            column = "relation" if name == "type" else f"attr_{name}" if name in _RESERVED else name
            out[column] = flat(rec[name], kind, as_json)
    return out


def write_gexf(G, path) -> None:
    """Write ``graph.gexf`` atomically (GEXF 1.2, UTF-8).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import networkx as nx
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "state")],
    ...                 [Evidence("a", "contacted", "b", "d", 0, 9, "A called B", "called", 2, 8, "r",
    ...                           date="2024-12-07")])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "graph.gexf"
    >>> write_gexf(G, p)
    >>> H = nx.read_gexf(p)
    >>> [(s, t, d["relation"], d["start"]) for s, t, d in H.edges(data=True)]
    [('a', 'b', 'contacted', '2024-12-07')]
    """
    text = "<?xml version='1.0' encoding='utf-8'?>\n" + "\n".join(nx.generate_gexf(gexf_graph(G), encoding="utf-8", prettyprint=True)) + "\n"
    # The same graph gives the same file: no "last modified" date of the day it was written.
    text = re.sub(r'\s+lastmodifieddate="[^"]*"', "", text, count=1)
    text = text.replace(f"<creator>NetworkX {nx.__version__}</creator>", "<creator>graphx</creator>", 1)
    with atomic_write(path) as f:
        f.write(text)
