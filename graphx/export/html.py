"""The explorer page: one offline HTML file (pyvis + our panel).

pyvis draws the network; we inline vis-network, strip the CDN links pyvis
always adds (Bootstrap) and append a panel that lists citations. Document
text is untrusted: it reaches the page only as JSON data (``<``, ``>``, ``&``
escaped) and is put on screen with ``textContent``, never as markup.
"""

from __future__ import annotations

import html as _html
import json
import math
import re
from importlib import resources

from ..graph import edge_sources
from ..records import evidence_to_dict
from ..timespan import first_last
from .atomic import atomic_write
from .gexf import edge_dates
from .graphml import DEFAULT_COLOR, KIND_COLORS
from .layout import sampled_spring_layout

# Above either size the layout is computed here and physics stays off in the page,
# so it is interactive at once; below it vis-network settles the graph, then freezes it.
LARGE_NODES = 200
LARGE_EDGES = 600
# A browser stays responsive up to a few thousand drawn actors and edges; beyond these the
# page shows the most connected actors and the best-attested edges among them, and says so
# (graph.json and graph.graphml keep everything). 2,000 and 6,000 are ready in about 2 s
# (benchmarks/bench_page.py); the page also holds each drawn edge's citations, so the edge
# limit bounds its size and the memory to write it (a 20,000-report archive: 127,000 edges).
MAX_ACTORS = 2000
MAX_EDGES = 6000
# Conflicts listed in the page's panel (each carries its sides' citations); conflicts.json has all.
MAX_CONFLICTS = 500
# Citations the page holds per edge (and per side of a conflict): on an archive the best-attested
# edges have hundreds each. The counts, dates and attributions the filters use are of all of them;
# the panel says when it lists only the first ones.
MAX_PAGE_CITATIONS = 20

KIND_SHAPES = {"person": "dot", "state": "diamond", "place": "triangle", "organisation": "square",
               "armed_group": "hexagon", "outlet": "star", "group": "triangleDown"}
_EXTERNAL = [
    re.compile(r"<link[^>]*bootstrap[^>]*>", re.S),
    re.compile(r"<script[^>]*bootstrap[^>]*>\s*</script>", re.S),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.S),
]


def safe_json(data) -> str:
    """JSON that cannot close a <script> element or open markup."""
    return "".join(_safe_json_pieces(data))


_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _safe_json_pieces(data, depth: int = 2):
    r""":func:`safe_json`'s text in pieces (each character it escapes is escaped on its own): the
    members of the top ``depth`` levels of dicts and lists one by one, each encoded whole by the
    json module's C encoder. The text is ``json.dumps(data, ensure_ascii=False, sort_keys=True)``'s;
    an archive's page never holds it whole, and the pieces are thousands, not one per value
    (``JSONEncoder.iterencode`` streams through the pure-Python encoder: most of the page's time).

    >>> print("".join(_safe_json_pieces({"b": [1, {"y": "</script>", "x": 2.5}], "a": {}})))
    {"a": {}, "b": [1, {"x": 2.5, "y": "\u003c/script\u003e"}]}
    """
    encode = _ENCODER.encode

    def pieces(value, depth):
        if depth and isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
            sep = "{"
            for key in sorted(value):
                yield sep + encode(key) + ": "
                yield from pieces(value[key], depth - 1)
                sep = ", "
            yield "}"
        elif depth and isinstance(value, (list, tuple)) and value:
            sep = "["
            for item in value:
                yield sep
                yield from pieces(item, depth - 1)
                sep = ", "
            yield "]"
        else:
            yield encode(value)

    for piece in pieces(data, depth):
        yield piece.translate(_SAFE)


_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_PDI = "\u2069"


def isolate(text) -> str:
    """``text`` as a bidi isolate (FSI ... PDI): whatever direction marks it holds (an unclosed
    U+202E in an alias) end with it and cannot reorder the words around it. A PDI the text does
    not open is dropped (it would close the isolate early). The page's ``iso()`` does the same.

    >>> isolate("Zed\u202e Quorum") == "\u2068Zed\u202e Quorum\u2069"
    True
    >>> isolate("a\u2069\u202eb") == "\u2068a\u202eb\u2069"
    True
    """
    text = str(text)
    if _PDI in text:
        out, depth = [], 0
        for ch in text:
            if ch in _ISOLATES:
                depth += 1
            elif ch == _PDI:
                if not depth:
                    continue
                depth -= 1
            out.append(ch)
        text = "".join(out)
    return "\u2068" + text + _PDI


def _tip_node(d) -> str:
    return f"{isolate(d.get('label'))} ({d.get('kind')})\nmentions: {d.get('mentions', 0)}"


def _tip_edge(G, s, t, k, d) -> str:
    src, tgt = G.nodes[s].get("label", s), G.nodes[t].get("label", t)
    state = "" if d.get("asserted") else " [not asserted: negated or unconfirmed]"
    return (f"{isolate(src)} —{isolate(k)}→ {isolate(tgt)}{state}\n{d.get('weight', 0)} citation(s), "
            f"{d.get('documents', 0)} document(s), {d.get('outlets', 0)} outlet(s)")


def page_subgraph(G, max_actors: int | None = MAX_ACTORS, max_edges: int | None = MAX_EDGES):
    """The part of ``G`` the page draws, and what was left out (None when nothing was).

    Below both limits that is the whole graph. Above ``max_actors``, the actors
    with the most edges (ties by id, so the choice is deterministic) and the
    edges among them; actors in no edge are dropped first. Above ``max_edges``
    edges among those, the best attested: most independent sources, then most
    citations (ties by source, type, target); the actors stay, some now without
    a drawn edge.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("d", "e")])
    >>> H, limit = page_subgraph(G, 3)
    >>> sorted(H), limit["actors_total"], limit["edges"]
    (['a', 'b', 'c'], 5, 2)
    >>> H, limit = page_subgraph(G, 10, max_edges=1)
    >>> list(H.edges), limit["edges_total"]
    ([('a', 'b', 0)], 3)
    """
    H = G
    if max_actors and G.number_of_nodes() > max_actors:
        ranked = sorted((n for n in G if G.degree(n)), key=lambda n: (-G.degree(n), str(n)))[:max_actors]
        H = G.subgraph(ranked)
    if max_edges and H.number_of_edges() > max_edges:
        def strength(e):
            s, t, k, d = e
            asserted = bool(d.get("asserted", True))
            return (not asserted, -edge_sources(d, asserted_only=asserted), -len(d.get("citations", ())),
                    str(s), str(k), str(t))

        ranked = sorted(H.edges(keys=True, data=True), key=strength)
        kept = {(s, t, k) for s, t, k, _ in ranked[:max_edges]}
        H = _edges_view(G, set(H), kept)
    if H is G:
        return G, None
    return H, {"limit": max_actors, "edge_limit": max_edges, "actors": H.number_of_nodes(),
               "actors_total": G.number_of_nodes(), "edges": H.number_of_edges(), "edges_total": G.number_of_edges()}


def _edges_view(G, nodes, kept):
    """A read-only view of ``G`` with these nodes and these (source, target, key) edges."""
    import networkx as nx

    return nx.subgraph_view(G, filter_node=nodes.__contains__, filter_edge=lambda s, t, k: (s, t, k) in kept)


def page_data(G, limit: dict | None = None, whole=None, conflicts: dict | None = None) -> dict:
    """What the page's script reads; ``whole``: the graph before the page limit (its conflicts);
    ``conflicts``: that graph's conflicts data, when already computed (``conflicts_data``)."""
    nodes, edges = {}, {}
    for n in sorted(G.nodes):
        d = G.nodes[n]
        nodes[n] = {"label": d.get("label", n), "kind": d.get("kind", ""), "aliases": list(d.get("aliases", [])),
                    "mentions": d.get("mentions", 0), "discovered": bool(d.get("discovered"))}
    for i, (s, t, k) in enumerate(sorted(G.edges(keys=True))):
        d = G.edges[s, t, k]
        every = d["citations"]
        cites = [evidence_to_dict(e) for e in every[:MAX_PAGE_CITATIONS]]
        first, last = edge_dates(every)
        attributed: dict = {}
        for e in every:
            if e.attributed_to:
                attributed[e.attributed_to] = attributed.get(e.attributed_to, 0) + 1
        edges[f"e{i}"] = {"source": s, "target": t, "type": k, "weight": d.get("weight", 0),
                          "documents": d.get("documents", 0), "outlets": d.get("outlets", 0),
                          # independent sources as paths(min_sources=...) counts them; an edge
                          # only denied or intended counts the sources of its citations, so that
                          # the page's "at least 1" still draws it (dashed)
                          "sources": edge_sources(d) if d.get("asserted") else edge_sources(d, asserted_only=False),
                          # first/last day (a month is all its days), for the date filter's bounds;
                          # "when": the dates as the evidence gives them, for reading
                          "first": first, "last": last, "when": list(first_last(e.date for e in every)),
                          "asserted": bool(d.get("asserted")), "citations": cites,
                          # of every citation, for the filters (the page holds the first ones only)
                          "citations_total": len(every), "dates": sorted({e.date for e in every}),
                          "attributed": attributed,
                          # corroboration and event codes (issue 8)
                          "evidence": d.get("evidence", len(every)), "stated": bool(d.get("stated")),
                          "languages": _languages(d.get("languages")), "cameo": d.get("cameo", ""),
                          "plover": d.get("plover", ""), "codes_note": d.get("codes_note", "")}
    return {"nodes": nodes, "edges": edges, "relations": G.graph.get("relations", {}), "limit": limit,
            "groups": actor_groups(G),
            "kinds": {k: {"color": c, "shape": KIND_SHAPES[k]} for k, c in KIND_COLORS.items()},
            **_conflicts(G if whole is None else whole, edges, conflicts)}


GROUP_KINDS = ("state", "organisation", "armed_group")


def actor_groups(G) -> dict:
    """Person -> the state or organisation the page can fold them into: the one they
    ``represents`` with the most citations (ties by id).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("putin", {"kind": "person"}), ("russia", {"kind": "state"}), ("x", {"kind": "person"})])
    >>> G.add_edge("putin", "russia", key="represents", weight=3)
    'represents'
    >>> actor_groups(G)
    {'putin': 'russia'}
    """
    out = {}
    for n in sorted(G.nodes):
        if G.nodes[n].get("kind") != "person":
            continue
        best = sorted(((-(d.get("weight") or 0), t) for _, t, k, d in G.out_edges(n, keys=True, data=True)
                       if k == "represents" and G.nodes[t].get("kind") in GROUP_KINDS))
        if best:
            out[n] = best[0][1]
    return out


def _languages(value) -> list:
    """An edge's languages ("ar,en", or a list when another part of graphx set them)."""
    return [x for x in (value.split(",") if isinstance(value, str) else value or ()) if x]


def _row_actors(row) -> set:
    return {row.get("subject")} | {side.get(k) for side in row["sides"] for k in ("source", "target")}


def _isolated(G, text: str, actors) -> str:
    """A conflict's summary or claim with each actor's label in it isolated (see :func:`isolate`)."""
    labels = sorted({str(G.nodes[a].get("label", a)) for a in actors if a in G}, key=len, reverse=True)
    if not labels:
        return text
    import re as _re

    return _re.sub("|".join(map(_re.escape, labels)), lambda m: isolate(m.group()), text)


def _conflicts(G, edges, data: dict | None = None, most: int = MAX_CONFLICTS) -> dict:
    """The conflicts panel's rows: conflicts.json's, each side pointing at its edge id (""
    when the page does not draw it). Over ``most`` rows, those with a side drawn come
    first, and the page says how many it lists of how many."""
    from ..conflicts import conflict_row, conflicts_to_data, find_conflicts

    ids = {(e["source"], e["type"], e["target"]): eid for eid, e in edges.items()}
    if data is None:
        data = conflicts_to_data(G, find_conflicts(G))
    every = data["conflicts"]
    lazy = getattr(every, "items", None)  # (graphx.records.Rows: the conflicts, rows not made yet)
    if lazy is not None:
        # (rows not made yet: choose among the conflicts, and make the chosen rows with the
        # citations the page holds)
        if len(lazy) > most:
            drawn = [any((s.source, s.relation, s.target) in ids for s in c.sides) for c in lazy]
            lazy = ([c for c, d in zip(lazy, drawn) if d] + [c for c, d in zip(lazy, drawn) if not d])[:most]
        every = [conflict_row(G, c, MAX_PAGE_CITATIONS) for c in lazy]
    elif len(every) > most:
        drawn = [any((s["source"], s["relation"], s["target"]) in ids for s in row["sides"]) for row in every]
        every = ([r for r, d in zip(every, drawn) if d] + [r for r, d in zip(every, drawn) if not d])[:most]
    # new dicts: ``data`` may also be what conflicts.json is written from
    rows = [{**row, "summary": _isolated(G, row.get("summary", ""), _row_actors(row)),
             "sides": [{**side, "edge": ids.get((side["source"], side["relation"], side["target"]), ""),
                        "claim": _isolated(G, side.get("claim", ""), _row_actors(row)),
                        "citations": side["citations"][:MAX_PAGE_CITATIONS],
                        "citations_total": side.get("citations_total", len(side["citations"]))}
                       for side in row["sides"]]} for row in every]
    return {"conflicts": rows, "conflicts_total": len(data["conflicts"])}


def render_html(G, title: str = "graphx — actor graph", max_actors: int | None = MAX_ACTORS,
                conflicts: dict | None = None, max_edges: int | None = MAX_EDGES) -> str:
    """The page as a string (nothing written); see :func:`page_subgraph` for ``max_actors``."""
    return "".join(iter_html(G, title, max_actors, conflicts, max_edges))


def iter_html(G, title: str = "graphx — actor graph", max_actors: int | None = MAX_ACTORS,
              conflicts: dict | None = None, max_edges: int | None = MAX_EDGES):
    """:func:`render_html`'s text in pieces, so that writing an archive's page never holds
    several copies of it (the data and the page around it) at once."""
    from pyvis.network import Network

    whole = G
    G, limit = page_subgraph(G, max_actors, max_edges)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    relations = G.graph.get("relations", {})
    large = G.number_of_nodes() > LARGE_NODES or G.number_of_edges() > LARGE_EDGES
    linked = {n for e in G.edges for n in e[:2]}
    # Only actors in some edge take part in the layout; the rest are shown on request.
    pos = sampled_spring_layout(G.subgraph(linked)) if large else {}
    # Sized by mentions relative to the most mentioned actor drawn (12 to 52 px): on an archive a
    # head of state is named tens of thousands of times, and an absolute scale drew him over the map.
    top = max((G.nodes[n].get("mentions", 0) or 0 for n in G), default=0) or 1
    for n in sorted(G.nodes):
        d = G.nodes[n]
        kind = d.get("kind", "")
        xy = dict(zip("xy", pos[n])) if n in pos else {}
        # No label yet (a space: pyvis would put the id in an empty one): the page names the actors
        # whose label fits (explore.js), so on a large page the first pass touches only those.
        net.add_node(n, label=" ", color=KIND_COLORS.get(kind, DEFAULT_COLOR),
                     shape=KIND_SHAPES.get(kind, "dot"), size=round(12 + 40 * math.sqrt((d.get("mentions", 0) or 0) / top), 1),
                     tip=_tip_node(d), kind=kind, discovered=bool(d.get("discovered")), **xy)
    order = sorted(relations) or ["contacted", "fled-to", "mediated", "refused"]
    for i, (s, t, k) in enumerate(sorted(G.edges(keys=True))):
        d = G.edges[s, t, k]
        # Parallel edges of different types curve apart so that each stays visible.
        rank = order.index(k) if k in order else len(order)
        net.add_edge(s, t, id=f"e{i}", color=relations.get(k, {}).get("color", DEFAULT_COLOR),
                     width=1 + 1.5 * math.log2(1 + d.get("weight", 0)), dashes=not d.get("asserted"),
                     arrows="to", smooth={"type": "curvedCW", "roundness": 0.1 + 0.12 * rank},
                     tip=_tip_edge(G, s, t, k, d), relation=k, weight=d.get("weight", 0),
                     asserted=bool(d.get("asserted")))
    physics = {"enabled": False} if large else {
        "solver": "forceAtlas2Based", "stabilization": {"iterations": 250, "fit": True},
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}}
    net.set_options(json.dumps({
        "physics": physics, "layout": {"improvedLayout": not large, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "nodes": {"font": {"size": 14}}, "edges": {"arrows": {"to": {"scaleFactor": 0.6}}},
    }))
    page = net.generate_html()
    for pat in _EXTERNAL:
        page = pat.sub("", page)
    page = page.replace("<head>", f"<head>\n<title>{_html.escape(title)}</title>", 1)
    # explore.js runs in the panel's script element, right after it: the browser may draw the
    # first frame between two script elements of a large page, before the second one listens
    data = page_data(G, limit, whole, conflicts)
    explore, template = _template("explore.js"), _panel_template()
    # the page up to its </body>, the panel with the data and explore.js in place of its markers
    # (panel.html holds each once, the data first), then the rest of the page
    at = page.index("</body>")
    before, rest = template.split("/*GRAPHX_DATA*/")
    middle, after = rest.split("/*GRAPHX_EXPLORE*/")
    yield page[:at]
    yield before
    yield from _safe_json_pieces(data)
    yield middle
    yield explore
    yield after + "\n" + page[at:]


def write_html(G, path, title: str = "graphx — actor graph", max_actors: int | None = MAX_ACTORS,
               conflicts: dict | None = None, max_edges: int | None = MAX_EDGES) -> None:
    """Write ``graph.html`` atomically as UTF-8."""
    with atomic_write(path) as f:
        for piece in iter_html(G, title, max_actors, conflicts, max_edges):
            f.write(piece)


def _template(name: str) -> str:
    return (resources.files("graphx") / "export" / name).read_text(encoding="utf-8")


def _panel_template() -> str:
    return _template("panel.html")
