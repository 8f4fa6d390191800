"""Evidence -> ``networkx.MultiDiGraph``: one edge per (source, relation, target).

The graph is a passive container (networkx style): nodes carry ``label``,
``kind``, ``aliases``, ``mentions``, ``discovered``; an edge's key is its
relation and it carries every piece of evidence under ``citations`` plus the
counts derived from them. Merging appends evidence, never overwrites.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from .records import Actor, Evidence, fate_to_dict


def add_actor(G: nx.MultiDiGraph, actor: Actor, mentions: int = 0) -> None:
    """Add (or update the count of) an actor node."""
    if actor.id in G:
        node = G.nodes[actor.id]
        node["mentions"] += mentions
        if actor.discovered:  # a discovered actor lists the words of every report that named it
            node["aliases"] = list(dict.fromkeys(node["aliases"] + list(actor.aliases)))
        return
    G.add_node(actor.id, label=actor.label, kind=actor.kind,
               aliases=list(dict.fromkeys((actor.label,) + actor.aliases + actor.roles)),
               mentions=mentions, discovered=actor.discovered)


def add_evidence(G: nx.MultiDiGraph, ev: Evidence, relations=None) -> None:
    """Append one evidence record to its edge, creating the edge if needed."""
    if G.has_edge(ev.source, ev.target, key=ev.relation):
        G.edges[ev.source, ev.target, ev.relation]["citations"].append(ev)
    else:
        rel = (relations or {}).get(ev.relation)
        G.add_edge(ev.source, ev.target, key=ev.relation, type=ev.relation, citations=[ev],
                   cameo=getattr(rel, "cameo", ""), plover=getattr(rel, "plover", ""),
                   codes_note=getattr(rel, "codes_note", ""))


def refresh_counts(G: nx.MultiDiGraph) -> None:
    """Recompute every edge's derived attributes from its citations.

    Corroboration, over the asserted records:

    ``weight``: asserted evidence records; ``evidence``: all records;
    ``documents``: distinct documents; ``sources``: independent sources (the
    publisher a report's header names, else the report itself, so a report
    holding an Arabic original and its translation is one source, and so are
    two reports of one outlet); ``outlets``: distinct publishers or the text's
    own attributions ("according to Reuters"), read in one language per
    document so a translation does not count twice; ``stated``: some record
    states the edge plainly (not hedged); ``languages``: languages cited ("ar,en").

    ``asserted``: any asserted record; ``hedged``: all asserted records
    hedged; ``negated``: records that deny the edge.
    """
    for _, _, data in G.edges(data=True):
        cites = sorted(data["citations"], key=Evidence.sort_key)
        data["citations"] = cites
        good = [c for c in cites if c.asserted]
        data["weight"] = len(good)
        data["evidence"] = len(cites)
        data["documents"] = len({c.doc for c in good})
        data["sources"] = len({c.outlet or c.doc for c in good})
        data["outlets"] = len({c.outlet or c.attributed_to or c.doc for c in _one_language_per_document(good)})
        data["stated"] = any(not c.hedged for c in good)
        # a string, not a list: every edge attribute stays a scalar (GraphML, GEXF)
        data["languages"] = ",".join(sorted({c.language for c in cites if c.language}))
        data["asserted"] = bool(good)
        data["hedged"] = bool(good) and all(c.hedged for c in good)
        data["negated"] = sum(1 for c in cites if c.negated)
        data["date"] = min((c.date for c in good if c.date), default="")


def _one_language_per_document(cites):
    """The records of each document in its best-represented language (a translation repeats
    the original's claims and attributions in other words; it is not a second source)."""
    by_doc: dict = {}
    for c in cites:
        by_doc.setdefault(c.doc, {}).setdefault(c.language, []).append(c)
    out = []
    for langs in by_doc.values():
        out.extend(max(langs.values(), key=lambda rs: (len(rs), rs[0].language == "en")))
    return out


def build_graph(actors, evidence, mention_counts: Counter | None = None, relations=None,
                claims=()) -> nx.MultiDiGraph:
    """Make the graph from actors (those mentioned), evidence records and fate claims.

    Fate claims (:class:`~graphx.records.FateClaim`) are not edges: they are kept as
    dicts in ``G.graph["claims"]`` for :mod:`graphx.conflicts`.

    Examples
    --------
    >>> from graphx.records import Actor, Evidence
    >>> a, b = Actor("a", "A", "person"), Actor("b", "B", "person")
    >>> ev = Evidence("a", "contacted", "b", "d.txt", 0, 9, "A called B", "called", 2, 8, "r")
    >>> G = build_graph([a, b], [ev, ev])
    >>> G.edges["a", "b", "contacted"]["weight"]
    2
    """
    G = nx.MultiDiGraph()
    counts = mention_counts or Counter()
    for actor in sorted(actors, key=lambda a: a.id):
        add_actor(G, actor, counts.get(actor.id, 0))
    for ev in sorted(evidence, key=Evidence.sort_key):
        add_evidence(G, ev, relations)
    if claims:
        G.graph["claims"] = [fate_to_dict(c) for c in sorted(claims, key=lambda c: c.sort_key())]
    refresh_counts(G)
    return G


def independent_sources(citations, asserted_only: bool = True) -> int:
    """Distinct outlets among the citations (the document where a report names no outlet).

    This is what ``min_sources`` counts (unless the build gave edges their own
    ``sources`` attribute, see :func:`edge_sources`). It differs from an edge's
    ``outlets`` attribute, which also tells apart the parties a report quotes.

    Examples
    --------
    >>> from graphx.records import Evidence
    >>> ev = [Evidence("a", "contacted", "b", d, 0, 1, "x", "x", 0, 1, "r", outlet=o)
    ...       for d, o in (("d1", "Reuters"), ("d2", "Reuters"), ("d3", ""))]
    >>> independent_sources(ev)
    2
    """
    return len({c.outlet or c.doc for c in citations if c.asserted or not asserted_only})


def edge_sources(d, asserted_only: bool = True) -> int:
    """An edge's independent sources: its ``sources`` attribute when the build set one,
    else :func:`independent_sources` of its citations.

    >>> edge_sources({"sources": 3, "citations": []}), edge_sources({"citations": []})
    (3, 0)
    """
    if asserted_only and isinstance(d.get("sources"), int) and not isinstance(d.get("sources"), bool):
        return d["sources"]
    return independent_sources(d.get("citations", ()), asserted_only)
