"""Functions over a built graph (networkx style: the graph comes first).

Every function that takes an actor accepts its id, label or any alias, and
raises :class:`~graphx.errors.UnknownActorError` with close matches when none
fits; a relation type that no edge has raises
:class:`~graphx.errors.UnknownRelationError` the same way.
"""

from __future__ import annotations

import difflib
from pathlib import Path as _FsPath

import networkx as nx

from .actors import normalize
from .errors import GraphFileError, UnknownActorError, UnknownRelationError
from .export.graphml import read_graphml
from .export.json import read_json
from .graph import edge_sources, independent_sources  # noqa: F401  (graphx.query's API)
from .records import Evidence, Hop, Path

MAX_PATHS = 50
# shortest_simple_paths can yield very many paths in a dense graph; stop looking after this many.
MAX_CANDIDATES = 5000
DIRECTIONS = ("out", "in", "both")


def load(path) -> nx.MultiDiGraph:
    """Read a graph written by ``graphx build`` (``.json`` or ``.graphml``).

    Nodes, edge keys and attributes come back as they were built; citations
    as :class:`~graphx.records.Evidence` records. Build metadata (``G.graph``)
    is only in graph.json: GraphML keeps nodes and edges.

    Raises :class:`~graphx.errors.GraphFileError`, naming the file, when it is
    missing or is not a graph graphx wrote. A graph is data from anyone: its
    values are checked (:func:`graphx.validate.graph_problem`), so that every
    command can rely on them, and no file it names is ever read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphx.export import write_json
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "person")],
    ...                 [Evidence("a", "refused", "b", "d", 0, 12, "A refused B.", "refused", 2, 9, "r")])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
    >>> write_json(G, p)
    >>> H = load(p)
    >>> H.edges["a", "b", "refused"]["citations"][0].text
    'A refused B.'
    >>> load(p.with_name("nothing.json"))
    Traceback (most recent call last):
    ...
    graphx.errors.GraphFileError: .../nothing.json: no such file (run `graphx build` first)
    """
    path = _FsPath(path)
    if not path.exists():
        raise GraphFileError(f"{path}: no such file (run `graphx build` first)")
    suffix = path.suffix.lower()
    if suffix not in (".json", ".graphml"):
        raise GraphFileError(f"{path}: unknown format (use .json or .graphml)")
    try:
        if suffix == ".json":
            G = read_json(path)
        else:
            G = read_graphml(path)
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except RecursionError:
        raise GraphFileError(f"{path}: not a graph written by graphx (values nested too deeply)") from None
    except ValueError as exc:  # (bad JSON, bad UTF-8, or a shape graph_from_data names)
        raise GraphFileError(f"{path}: not a graph written by graphx ({exc})") from None
    except (KeyError, TypeError, AttributeError, SyntaxError, OverflowError, nx.NetworkXError) as exc:
        # SyntaxError: xml.etree's ParseError; ValueError covers bad JSON and bad UTF-8
        raise GraphFileError(f"{path}: not a graph written by graphx ({type(exc).__name__}: {exc})") from None
    from .validate import graph_problem

    problem = graph_problem(G)
    if problem:
        raise GraphFileError(f"{path}: not a graph graphx can use ({problem})")
    return G


def _names(G, n):
    d = G.nodes[n]
    return [n, d.get("label", n), *d.get("aliases", [])]


def actor(G, name: str) -> str:
    """The node id an actor name (id, label or any alias) stands for.

    Case, accents and a leading "the" do not matter.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
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


def relation_types(G) -> list[str]:
    """The relation types this graph knows: those of the build's lexicon and of its edges.

    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "person")],
    ...                 [Evidence("a", "refused", "b", "d", 0, 12, "A refused B.", "refused", 2, 9, "r")])
    >>> relation_types(G)
    ['refused']
    """
    return sorted(set(G.graph.get("relations", {})) | {k for _, _, k in G.edges(keys=True)})


def check_types(G, types) -> set:
    """``types`` (one name, several, or None) as a set, each checked against :func:`relation_types`.

    >>> from graphx.graph import build_graph
    >>> check_types(build_graph([], []), None)
    set()
    """
    types = set([types] if isinstance(types, str) else types or [])
    known = relation_types(G)
    for t in sorted(types):
        if known and t not in known:
            raise UnknownRelationError(t, difflib.get_close_matches(t, known, n=3, cutoff=0.5), known)
    return types


def _hop_options(G, u, v, types, min_sources, asserted_only):
    out = []
    for s, t in ((u, v), (v, u)) if u != v else ((u, v),):
        for k, d in (G.get_edge_data(s, t) or {}).items():
            if types and k not in types:
                continue
            if asserted_only and not d.get("asserted", True):
                continue
            cites = tuple(d.get("citations", ()))
            sources = edge_sources(d, asserted_only)
            if sources < min_sources:
                continue
            out.append(Hop(s, t, k, "forward" if s == u else "backward", int(d.get("weight", 0)), cites, sources))
    return out


def paths(G, a, b, *, types=None, min_sources: int = 1, max_hops: int = 4, asserted_only: bool = True,
          limit: int = MAX_PATHS) -> list[Path]:
    """Chains of edges linking two actors, following edges either way, best first.

    Ranked by fewest hops, then best-attested: the most independent sources
    (distinct outlets, see :func:`independent_sources`) on the weakest hop,
    then the most citations on it, then in all. Each :class:`~graphx.records.Hop`
    carries its relation, direction ("forward" along the arrow, "backward"
    against it), citations and source count.

    Parameters
    ----------
    a, b : str
        Any id, label or alias of the two actors.
    types : str or list of str, optional
        Only walk edges of these relation types.
    min_sources : int
        Only walk edges stated by at least this many independent sources.
    max_hops : int
        Longest chain considered.
    asserted_only : bool
        Skip edges whose every citation is negated, intended or conditional.
    limit : int
        How many paths to return at most.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> people = [Actor(x, x.title(), "person") for x in ("assad", "sudani", "erdogan")]
    >>> ev = [Evidence("assad", "contacted", "sudani", "d", 0, 1, "x", "called", 0, 1, "r"),
    ...       Evidence("erdogan", "contacted", "sudani", "d", 2, 3, "y", "called", 2, 3, "r")]
    >>> G = build_graph(people, ev)
    >>> p = paths(G, "Assad", "Erdogan")[0]
    >>> [(h.source, h.relation, h.target, h.direction) for h in p.hops]
    [('assad', 'contacted', 'sudani', 'forward'), ('erdogan', 'contacted', 'sudani', 'backward')]
    >>> paths(G, "Assad", "Erdogan", min_sources=2)
    []
    """
    u, v = actor(G, a), actor(G, b)
    types = check_types(G, types)
    if u == v:
        return []
    simple = nx.Graph()
    simple.add_nodes_from(G.nodes)
    for s, t in G.to_undirected(as_view=True).edges():
        if s != t and not simple.has_edge(s, t) and _hop_options(G, s, t, types, min_sources, asserted_only):
            simple.add_edge(s, t)
    found = []
    try:
        for i, nodes in enumerate(nx.shortest_simple_paths(simple, u, v)):
            hops = len(nodes) - 1
            # Paths come shortest first: once enough are found, finish their length and stop.
            if hops > max_hops or i >= MAX_CANDIDATES or (len(found) >= limit and hops > len(found[-1])):
                break
            options = [sorted(_hop_options(G, x, y, types, min_sources, asserted_only),
                              key=lambda h: (-h.sources, -h.weight, h.relation)) for x, y in zip(nodes, nodes[1:])]
            found.append(Path(actors=tuple(nodes), hops=tuple(o[0] for o in options)))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: (len(p), -p.weakest_sources, -p.weakest, -sum(h.weight for h in p.hops), p.actors))
    return found[:limit]


def evidence(G, a, b, type: str | None = None, *, both_directions: bool = True) -> list[Evidence]:
    """Every citation for edges from ``a`` to ``b`` (and back, unless told not to).

    Includes citations that deny or only intend the edge (see ``Evidence.asserted``).

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "person")],
    ...                 [Evidence("a", "refused", "b", "d", 0, 12, "A refused B.", "refused", 2, 9, "r")])
    >>> [e.text for e in evidence(G, "A", "B")]
    ['A refused B.']
    >>> evidence(G, "B", "A", both_directions=False)
    []
    >>> evidence(G, "A", "B", type="refuse")
    Traceback (most recent call last):
    ...
    graphx.errors.UnknownRelationError: no relation type 'refuse'; did you mean 'refused'?
    """
    u, v = actor(G, a), actor(G, b)
    if type is not None:
        check_types(G, type)
    pairs = [(u, v), (v, u)] if both_directions and u != v else [(u, v)]
    out = []
    for s, t in pairs:
        for k, d in (G.get_edge_data(s, t) or {}).items():
            if type is None or k == type:
                out.extend(d.get("citations", ()))
    return sorted(out, key=Evidence.sort_key)


def neighbors(G, name, *, types=None, direction: str = "both") -> list[str]:
    """Actors linked to ``name`` by an edge, sorted by id.

    ``direction``: "out" (edges from the actor), "in" (edges to it) or "both";
    ``types``: only edges of these relation types.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor(x, x.upper(), "person") for x in "abc"],
    ...                 [Evidence("a", "contacted", "b", "d", 0, 1, "x", "x", 0, 1, "r"),
    ...                  Evidence("c", "refused", "a", "d", 2, 3, "y", "y", 2, 3, "r")])
    >>> neighbors(G, "A"), neighbors(G, "A", direction="out"), neighbors(G, "A", types="refused")
    (['b', 'c'], ['b'], ['c'])
    >>> neighbors(G, "A", direction="up")
    Traceback (most recent call last):
    ...
    ValueError: direction must be 'out', 'in' or 'both', not 'up'
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
    n = actor(G, name)
    types = check_types(G, types)
    out = set()
    if direction in ("out", "both"):
        out.update(t for _, t, k in G.out_edges(n, keys=True) if not types or k in types)
    if direction in ("in", "both"):
        out.update(s for s, _, k in G.in_edges(n, keys=True) if not types or k in types)
    return sorted(out)


def explain(path: Path, G=None, *, quotes: int = 3) -> str:
    """A path as readable text: the chain, then one line per hop with its quoted sentences.

    With ``G``, actors are shown by label. At most ``quotes`` sentences per hop.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "Ann", "person"), Actor("b", "Bo", "person")],
    ...                 [Evidence("a", "contacted", "b", "d.txt", 0, 13, "Ann  called Bo.", "called", 5, 11, "r",
    ...                           outlet="Reuters", date="2024-12-07")])
    >>> print(explain(paths(G, "Bo", "Ann")[0], G))
    Bo → Ann (1 hop)
    1. Ann —contacted→ Bo  (1 citation, 1 source; read against the arrow)
       “Ann called Bo.” [Reuters, d.txt, 2024-12-07]
    """
    def lab(n):
        return G.nodes[n].get("label", n) if G is not None and n in G else n

    n_hops = len(path.hops)
    lines = [" → ".join(lab(n) for n in path.actors) + f" ({n_hops} hop{'s' if n_hops != 1 else ''})"]
    for i, h in enumerate(path.hops, 1):
        note = "; read against the arrow" if h.direction == "backward" else ""
        lines.append(f"{i}. {lab(h.source)} —{h.relation}→ {lab(h.target)}  "
                     f"({_plural(h.weight, 'citation')}, {_plural(h.sources, 'source')}{note})")
        shown = [c for c in h.citations if c.asserted][:quotes]
        for c in shown:
            where = ", ".join(x for x in (c.outlet, c.doc, c.date) if x)
            lines.append(f"   “{' '.join(c.text.split())}” [{where}]")
        rest = sum(1 for c in h.citations if c.asserted) - len(shown)
        if rest > 0:
            lines.append(f"   ... and {_plural(rest, 'more citation')}")
    return "\n".join(lines)


def route(G, name) -> list:
    """A traveller's journeys, report by report: ``[(report, [(leg, place, relation, citation),
    ...]), ...]``, the legs in order, the reports by the first leg's date then name.

    ``name``: an actor's id, label or alias (as :func:`actor` reads it). Only citations that carry
    a leg (a report with two or more stops for the traveller) are listed.

    Examples
    --------
    >>> import networkx as nx
    >>> from graphx.records import Evidence
    >>> G = nx.MultiDiGraph()
    >>> for place, leg in (("moscow", 2), ("hmeimim", 1)):
    ...     c = Evidence("assad", "fled-to", place, "r.txt", leg, 9, "...", "fled", leg, 4, "r", leg=leg)
    ...     _ = G.add_edge("assad", place, key="fled-to", type="fled-to", citations=[c])
    >>> G.add_nodes_from(["assad"], label="Bashar al-Assad")
    >>> [(leg, place) for _, legs in route(G, "assad") for leg, place, _, _ in legs]
    [(1, 'hmeimim'), (2, 'moscow')]
    """
    aid = actor(G, name)
    by_doc: dict = {}
    for _, place, key, data in G.out_edges(aid, keys=True, data=True):
        for c in data.get("citations", ()):
            if c.leg:
                by_doc.setdefault(c.doc, {})[c.leg] = (c.leg, place, key, c)  # (its last telling)

    def first_date(item):
        doc, legs = item
        return (legs[min(legs)][3].date or "~", doc)  # (undated last)

    return [(doc, [legs[k] for k in sorted(legs)]) for doc, legs in sorted(by_doc.items(), key=first_date)]


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"
