"""Functions over a built graph (networkx style: the graph comes first).

Every function that takes an actor accepts its id, label or any alias, and
raises :class:`~graphx.errors.UnknownActorError` with close matches when none fits.
"""

from __future__ import annotations

import difflib
import itertools
import json
from pathlib import Path as _FsPath

import networkx as nx

from .actors import normalize
from .errors import GraphFileError, UnknownActorError
from .types import Evidence, Hop, Path, evidence_from_dict

MAX_PATHS = 50


def load(path) -> nx.MultiDiGraph:
    """Read a graph written by ``graphx build`` (``.json`` or ``.graphml``).

    Citations come back as :class:`~graphx.types.Evidence` records.

    Examples
    --------
    >>> G = load("output/graph.json")  # doctest: +SKIP
    """
    path = _FsPath(path)
    if not path.exists():
        raise GraphFileError(f"{path}: no such file (run `graphx build` first)")
    try:
        if path.suffix.lower() == ".json":
            return _from_json(json.loads(path.read_text(encoding="utf-8")))
        if path.suffix.lower() == ".graphml":
            return _from_graphml(nx.read_graphml(path, force_multigraph=True))
    except (ValueError, KeyError, TypeError) as exc:
        raise GraphFileError(f"{path}: not a graphx graph ({exc})") from None
    raise GraphFileError(f"{path}: unknown format (use .json or .graphml)")


def _from_json(data) -> nx.MultiDiGraph:
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    for _, _, d in G.edges(data=True):
        d["citations"] = [evidence_from_dict(c) for c in d.get("citations", [])]
    return G


def _from_graphml(H) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n, d in H.nodes(data=True):
        d = dict(d)
        d["aliases"] = json.loads(d.get("aliases", "[]"))
        for k in ("r", "g", "b", "size"):
            d.pop(k, None)
        G.add_node(n, **d)
    for s, t, d in H.edges(data=True):
        d = dict(d)
        d["citations"] = [evidence_from_dict(c) for c in json.loads(d.get("citations", "[]"))]
        d["weight"] = int(d.get("weight", 0))
        for k in ("r", "g", "b", "label", "id"):
            d.pop(k, None)
        G.add_edge(s, t, key=d["type"], **d)
    return G


def _names(G, n):
    d = G.nodes[n]
    return [n, d.get("label", n), *d.get("aliases", [])]


def actor(G, name: str) -> str:
    """The node id an actor name (id, label or any alias) stands for.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.types import Actor
    >>> G = build_graph([Actor("putin", "Vladimir Putin", "person", aliases=("Putin",))], [])
    >>> actor(G, "putin"), actor(G, "PUTIN")
    ('putin', 'putin')
    >>> actor(G, "Putn")
    Traceback (most recent call last):
    ...
    graphx.errors.UnknownActorError: no actor matches 'Putn'; did you mean 'Vladimir Putin'?
    """
    if name in G:
        return name
    key = normalize(name)
    for art in ("", "the "):
        key2 = key[len(art):] if key.startswith(art) else key
        for n in sorted(G.nodes):
            if key2 in (normalize(x) for x in _names(G, n)):
                return n
    labels = {}
    for n in sorted(G.nodes):
        for x in _names(G, n):
            labels.setdefault(normalize(x), G.nodes[n].get("label", n))
    close = difflib.get_close_matches(key, list(labels), n=5, cutoff=0.6)
    raise UnknownActorError(name, list(dict.fromkeys(labels[c] for c in close))[:3])


def _edges_between(G, u, v, types, min_sources, asserted_only):
    out = []
    for s, t in ((u, v), (v, u)):
        for k, d in (G.get_edge_data(s, t) or {}).items():
            if types and k not in types:
                continue
            if asserted_only and not d.get("asserted", True):
                continue
            if d.get("weight", 0) < min_sources and d.get("documents", 0) < min_sources:
                continue
            out.append(Hop(s, t, k, "forward" if s == u else "backward", int(d.get("weight", 0)),
                           tuple(d.get("citations", ()))))
    return out


def paths(G, a, b, *, types=None, min_sources: int = 1, max_hops: int = 4, asserted_only: bool = True,
          limit: int = MAX_PATHS) -> list[Path]:
    """Chains of edges linking two actors, in either direction, best first.

    Ranked by fewest hops, then by the weakest hop's citations (best-attested
    first). Each hop carries its relation, direction and citations.
    ``min_sources`` keeps edges with at least that many asserted citations.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.types import Actor, Evidence
    >>> people = [Actor(x, x.title(), "person") for x in ("assad", "sudani", "erdogan")]
    >>> ev = [Evidence("assad", "contacted", "sudani", "d", 0, 1, "x", "called", 0, 1, "r"),
    ...       Evidence("sudani", "contacted", "erdogan", "d", 2, 3, "y", "called", 2, 3, "r")]
    >>> G = build_graph(people, ev)
    >>> p = paths(G, "Assad", "Erdogan")[0]
    >>> [(h.source, h.relation, h.target) for h in p.hops]
    [('assad', 'contacted', 'sudani'), ('sudani', 'contacted', 'erdogan')]
    """
    u, v = actor(G, a), actor(G, b)
    types = set([types] if isinstance(types, str) else types or [])
    if u == v:
        return []
    simple = nx.Graph()
    simple.add_nodes_from(G.nodes)
    for s, t in G.to_undirected(as_view=True).edges():
        if s != t and _edges_between(G, s, t, types, min_sources, asserted_only):
            simple.add_edge(s, t)
    found = []
    try:
        for nodes in nx.shortest_simple_paths(simple, u, v):
            if len(nodes) - 1 > max_hops or len(found) >= limit * 4:
                break
            options = [sorted(_edges_between(G, x, y, types, min_sources, asserted_only),
                              key=lambda h: (-h.weight, h.relation)) for x, y in zip(nodes, nodes[1:])]
            best = tuple(o[0] for o in options)
            found.append(Path(actors=tuple(nodes), hops=best))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: (len(p), -p.weakest, -sum(h.weight for h in p.hops), p.actors))
    return found[:limit]


def evidence(G, a, b, type: str | None = None, *, both_directions: bool = True) -> list[Evidence]:
    """Every citation for edges from ``a`` to ``b`` (and back, unless told not to).

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.types import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "person")],
    ...                 [Evidence("a", "refused", "b", "d", 0, 12, "A refused B.", "refused", 2, 9, "r")])
    >>> [e.text for e in evidence(G, "A", "B")]
    ['A refused B.']
    """
    u, v = actor(G, a), actor(G, b)
    pairs = [(u, v), (v, u)] if both_directions else [(u, v)]
    out = []
    for s, t in pairs:
        for k, d in (G.get_edge_data(s, t) or {}).items():
            if type is None or k == type:
                out.extend(d.get("citations", ()))
    return sorted(out, key=Evidence.sort_key)


def neighbors(G, name, *, types=None, direction: str = "both") -> list[str]:
    """Actors linked to ``name`` (``direction``: "out", "in" or "both"), sorted by id."""
    n = actor(G, name)
    types = set([types] if isinstance(types, str) else types or [])
    out = set()
    if direction in ("out", "both"):
        out.update(t for _, t, k in G.out_edges(n, keys=True) if not types or k in types)
    if direction in ("in", "both"):
        out.update(s for s, _, k in G.in_edges(n, keys=True) if not types or k in types)
    return sorted(out)


def explain(path: Path, G=None) -> str:
    """A path as readable text, one hop a line, each with its quoted sentences."""
    def lab(n):
        return G.nodes[n].get("label", n) if G is not None and n in G else n

    lines = []
    for i, h in enumerate(path.hops, 1):
        arrow = f"—{h.relation}→"
        lines.append(f"{i}. {lab(h.source)} {arrow} {lab(h.target)}  ({h.weight} citation(s))")
        for c in itertools.islice((c for c in h.citations if c.asserted), 3):
            where = ", ".join(x for x in (c.outlet, c.doc, c.date) if x)
            lines.append(f"   “{' '.join(c.text.split())}” [{where}]")
    return "\n".join(lines)
