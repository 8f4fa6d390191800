"""How well each edge is attested: the corroboration counts ``refresh_counts`` keeps.

>>> from graphx.graph import build_graph
>>> from graphx.records import Actor, Evidence
>>> people = [Actor("a", "A", "person"), Actor("b", "B", "person")]
>>> ev = [Evidence("a", "contacted", "b", d, 0, 10, "A called B", "called", 2, 8, "r") for d in ("x", "y")]
>>> [(r["source"], r["sources"]) for r in attested(build_graph(people, ev), min_sources=2)]
[('a', 2)]
"""

from __future__ import annotations

from .graph import edge_sources

COUNTS = ("evidence", "weight", "documents", "sources", "outlets", "stated", "languages")


def attested(G, *, min_sources: int = 1, types=None, limit: int | None = None) -> list[dict]:
    """Asserted edges with at least ``min_sources`` independent sources, best attested first.

    Each row: source, relation, target, their labels, the counts of :data:`COUNTS`,
    the edge's event codes and who the citations say makes the claim (``attributions``).
    Order: independent sources, then documents, then asserted citations.
    """
    rows = []
    for s, t, k, d in G.edges(keys=True, data=True):
        if not d.get("asserted") or edge_sources(d) < min_sources or (types and k not in types):
            continue
        rows.append({"source": s, "relation": k, "target": t,
                     "source_label": G.nodes[s].get("label", s), "target_label": G.nodes[t].get("label", t),
                     **{c: _count(d, c) for c in COUNTS}, "sources": edge_sources(d),
                     "cameo": d.get("cameo", ""), "plover": d.get("plover", ""),
                     "attributions": sorted({c.attributed_to for c in d["citations"] if c.asserted and c.attributed_to})})
    rows.sort(key=lambda r: (-r["sources"], -r["documents"], -r["weight"], r["source"], r["relation"], r["target"]))
    return rows[:limit] if limit else rows


def _count(d: dict, name: str):
    """An edge's count as ``refresh_counts`` sets it; a graph from elsewhere may lack it, or give
    ``languages`` as a list."""
    value = d.get(name)
    if name == "languages":
        return ",".join(value) if isinstance(value, list) else value or ""
    if name == "stated":
        return bool(value)
    return value if isinstance(value, int) else 0


__all__ = ["attested", "COUNTS"]
