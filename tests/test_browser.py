"""The page in a real browser (Debian's chromium via Playwright), network blocked."""

import json

import pytest

import graphx
from graphx.export import write_all

from .conftest import ROOT

pytestmark = pytest.mark.browser

HOSTILE = """Title: <script>window.pwned=1</script><img src=x onerror="window.pwned=2">
Source: <b onmouseover=alert(1)>Evil</b> href=javascript:alert(1)

Putin called Erdogan <script>window.pwned=3</script> on Monday.
Assad fled to Moscow <img src=x onerror="window.pwned=4"> href="javascript:window.pwned=5" </script><script>window.pwned=6</script>.
"""


def plain(text: str) -> str:
    """Shown text without the invisible bidi isolates (U+2066-U+2069) around table and report text."""
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def open_page(browser, html_path, viewport=None):
    page = browser.new_page(viewport=viewport or {"width": 1400, "height": 900})
    requests = []

    def block(route):
        requests.append(route.request.url)
        route.abort()

    page.route("http*://**", block)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog " + d.message), d.dismiss()))
    page.goto(html_path.as_uri())
    page.wait_for_function("window.graphxReady === true && network.body.data.nodes.length > 0", timeout=30000)
    return page, requests, errors


def test_seeds_page_draws_everything_offline(browser, built_dir, tmp_path):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, requests, errors = open_page(browser, built_dir / "graph.html")
    assert page.evaluate("nodes.length") == len(data["nodes"])
    assert page.evaluate("edges.length") == len(data["edges"])
    assert requests == [] and errors == []
    page.wait_for_timeout(1500)
    page.screenshot(path=str(tmp_path / "screenshot.png"))  # to look at when it fails; never into the repository
    assert (tmp_path / "screenshot.png").stat().st_size > 0


def test_clicking_an_edge_lists_its_citations(browser, built_dir):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, _, errors = open_page(browser, built_dir / "graph.html")
    idx = next(i for i, e in enumerate(data["edges"]) if len(e["citations"]) >= 2)
    # Freeze the layout, then click on the drawn edge at a point no other item covers.
    page.evaluate("network.setOptions({physics: false}); network.fit({animation: false})")
    page.wait_for_timeout(300)
    edge_id = f"e{idx}"
    box = page.locator("#mynetwork").bounding_box()
    # A real mouse click on the drawn edge, at a point no other item covers. Under a loaded
    # machine a late redraw can move things between measuring and clicking: measure again.
    for _ in range(3):
        point = page.evaluate("""(id) => {
            var e = network.body.edges[id];
            for (var t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
                var p = network.canvasToDOM(e.edgeType.getPoint(t));
                if (network.getEdgeAt(p) === id && network.getNodeAt(p) === undefined) return p;
            }
            return null; }""", edge_id)
        assert point is not None
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        try:
            page.wait_for_selector("#gx-panel .gx-cite", timeout=3000)
            break
        except Exception:
            page.wait_for_timeout(500)
    page.wait_for_selector("#gx-panel .gx-cite")
    shown = page.locator("#gx-panel .gx-sent").all_inner_texts()
    expected = [" ".join(c["text"].split()) for c in data["edges"][idx]["citations"]]
    assert [" ".join(s.split()) for s in shown] == expected
    assert page.locator("#gx-panel mark.gx-trigger").count() == len(expected)
    assert errors == []


def test_type_filter_hides_edges(browser, built_dir):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, _, _ = open_page(browser, built_dir / "graph.html")
    page.locator("input.gx-type[value='contacted']").uncheck()
    hidden = page.evaluate("edges.get({filter: e => e.hidden}).length")
    assert hidden == sum(1 for e in data["edges"] if e["type"] == "contacted") > 0


def test_hostile_report_executes_nothing(browser, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    G = graphx.build(tmp_path / "in")
    assert G.number_of_edges() >= 2
    write_all(G, tmp_path / "out")
    page, requests, errors = open_page(browser, tmp_path / "out" / "graph.html")
    for eid in page.evaluate("edges.getIds()"):
        page.evaluate("(id) => graphxShowEdge(id)", eid)
    for nid in page.evaluate("nodes.getIds()"):
        page.evaluate("(id) => graphxShowNode(id)", nid)
    page.fill("#gx-search", '<img src=x onerror="window.pwned=7">')
    page.press("#gx-search", "Enter")
    # tooltips are plain strings, which vis-network shows as text
    assert page.evaluate("edges.get().concat(nodes.get()).every(x => typeof x.title === 'string')")
    page.wait_for_timeout(500)
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('script').length") == page.evaluate(
        "Array.from(document.scripts).filter(s => !s.src).length")  # no script from a source
    assert page.locator("#gx-panel script, #gx-panel img, #gx-panel b").count() == 0
    assert errors == [] and requests == []


def small_graph():
    """Five actors, four edges: enough to check that each filter hides what it should."""
    from graphx.graph import build_graph
    from graphx.lexicon import load_lexicon
    from graphx.records import Actor, Evidence

    actors = [Actor("a", "Alpha", "person", aliases=("Al",)), Actor("b", "Beta", "state"),
              Actor("c", "Gamma Newname", "person", discovered=True), Actor("d", "Delta", "person"),
              Actor("e", "Epsilon", "armed_group")]

    def ev(s, rel, t, outlet, date, doc="d1.txt"):
        text = f"{s} {rel} {t}."
        return Evidence(s, rel, t, doc, 0, len(text), text, rel, 2, 2 + len(rel), "test",
                        outlet=outlet, date=date)

    evidence = [ev("a", "contacted", "b", "Reuters", "2024-12-01"), ev("a", "contacted", "b", "AP", "2024-12-05", "d2.txt"),
                ev("a", "refused", "c", "Reuters", "2024-12-07"), ev("d", "mediated", "e", "", "", "d3.txt"),
                ev("b", "contacted", "a", "AP", "2024-12-03")]
    lex = load_lexicon()
    G = build_graph(actors, evidence, relations=lex.relations)
    G.graph["relations"] = {n: {"color": r.color} for n, r in lex.relations.items()}
    return G


def shown(page):
    """(source, type, target) of the edges the page draws, and the actors it draws."""
    return (set(map(tuple, page.evaluate(
        "edges.get({filter: e => !e.hidden}).map(e => [DATA_EDGE(e.id).source, DATA_EDGE(e.id).type, DATA_EDGE(e.id).target])"
        .replace("DATA_EDGE(e.id)", "JSON.parse(document.getElementById('graphx-data').textContent).edges[e.id]")))),
            set(page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)")))


def test_filters_hide_what_they_should_and_combine(browser, tmp_path):
    from graphx.export.html import write_html

    write_html(small_graph(), tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html")
    everything = {("a", "contacted", "b"), ("a", "refused", "c"), ("d", "mediated", "e"), ("b", "contacted", "a")}
    assert shown(page) == (everything, set("abcde"))
    # at least two independent sources: only Alpha -> Beta has two outlets
    page.fill("#gx-min-sources", "2")
    assert shown(page) == ({("a", "contacted", "b")}, {"a", "b"})
    page.fill("#gx-min-sources", "1")
    # discovered actors off: Gamma and its edge go
    page.locator("#gx-discovered").uncheck()
    assert shown(page) == (everything - {("a", "refused", "c")}, set("abde"))
    # and a date range on top: from 6 December keeps the 7 December edge (hidden as discovered)
    # and the undated one; the edges dated 1-5 December go
    page.fill("#gx-date-from", "2024-12-06")
    assert shown(page) == ({("d", "mediated", "e")}, {"d", "e"})
    page.locator("#gx-discovered").check()
    assert shown(page) == ({("a", "refused", "c"), ("d", "mediated", "e")}, set("acde"))
    # a date range that ends before 3 December keeps only the first citation's edge
    page.fill("#gx-date-from", "2024-12-01")
    page.fill("#gx-date-to", "2024-12-02")
    assert shown(page)[0] == {("a", "contacted", "b"), ("d", "mediated", "e")}
    # types still combine with the rest
    page.locator("input.gx-type[value='mediated']").uncheck()
    assert shown(page)[0] == {("a", "contacted", "b")}
    assert "showing 2 of 5 actors, 1 of 4 edges" in page.locator("#gx-count").inner_text()
    assert errors == [] and requests == []


def test_an_edge_with_more_citations_than_the_page_holds_still_filters_on_all(browser, tmp_path):
    """The page holds an edge's first citations; dates, attributions and counts come from all."""
    from graphx.export.html import MAX_PAGE_CITATIONS, write_html
    from graphx.graph import build_graph
    from graphx.records import Actor, Evidence

    n = MAX_PAGE_CITATIONS + 5

    def ev(i, t, date, attributed=""):
        text = f"A called {t.upper()} ({i})."
        return Evidence("a", "contacted", t, f"d{i:03d}.txt", 0, len(text), text, "called", 2, 8, "test",
                        outlet=f"O{i}", date=date, attributed_to=attributed)

    # a->b: every citation on 1 December but the last, which alone is dated 9 December and
    # alone attributed to "Late Wire"; a->c: one citation on 1 December
    cites = [ev(i, "b", "2024-12-01") for i in range(n - 1)] + [ev(n - 1, "b", "2024-12-09", "Late Wire")]
    G = build_graph([Actor(x, x.upper(), "person") for x in "abc"], cites + [ev(999, "c", "2024-12-01")])
    write_html(G, tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html")
    assert shown(page)[0] == {("a", "contacted", "b"), ("a", "contacted", "c")}
    page.fill("#gx-date-from", "2024-12-05")  # only the citation past the page's cap is that late
    assert shown(page)[0] == {("a", "contacted", "b")}
    page.fill("#gx-date-from", "2024-12-01")
    assert any(plain(o).startswith("Late Wire (1)") for o in page.locator("#gx-attribution option").all_inner_texts())
    page.select_option("#gx-attribution", "Late Wire")
    assert shown(page)[0] == {("a", "contacted", "b")}
    page.evaluate("network.emit('click', {nodes: [], edges: ['e0']})")  # e0: a -> b (edges in sorted order)
    body = page.locator("#gx-body").inner_text()
    assert f"{n} citation(s)" in body
    assert f"Showing the first {MAX_PAGE_CITATIONS} of {n} citations" in body
    assert body.count("A called B") == MAX_PAGE_CITATIONS
    assert errors == [] and requests == []


def test_clicking_an_actor_shows_its_card(browser, built_dir):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, _, errors = open_page(browser, built_dir / "graph.html")
    page.evaluate("network.setOptions({physics: false}); network.fit({animation: false})")
    page.wait_for_timeout(300)
    p = page.evaluate("network.canvasToDOM(network.getPosition('bashar_al_assad'))")
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
    page.wait_for_selector("#gx-panel h2")
    text = plain(page.locator("#gx-panel").inner_text())
    node = next(n for n in data["nodes"] if n["id"] == "bashar_al_assad")
    assert text.splitlines()[1] == "Bashar al-Assad"
    assert f"person · {node['mentions']} mention(s)" in text
    assert "بشار الأسد" in text  # Arabic aliases arrive intact
    groups = [plain(h) for h in page.locator("#gx-panel h2").all_inner_texts()[1:]]
    types = sorted({e["type"] for e in data["edges"] if "bashar_al_assad" in (e["source"], e["target"])})
    assert groups == types
    assert errors == []


def test_search_finds_an_actor_by_any_alias(browser, built_dir):
    page, _, errors = open_page(browser, built_dir / "graph.html")
    for query, actor in (("Khmeimim", "hmeimim_airbase"), ("the kremlin", "russia"), ("بشار الأسد", "bashar_al_assad")):
        page.fill("#gx-search", query)
        page.press("#gx-search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == [actor]
        assert plain(page.locator("#gx-panel h2").first.inner_text()) == page.evaluate(
            "(id) => JSON.parse(document.getElementById('graphx-data').textContent).nodes[id].label", actor)
    page.fill("#gx-search", "Nobody Atall")
    page.press("#gx-search", "Enter")
    assert "No actor is called" in page.locator("#gx-search-msg").inner_text()
    assert errors == []


def test_parallel_edges_of_different_types_are_both_visible(browser, built_dir):
    page, _, _ = open_page(browser, built_dir / "graph.html")
    page.evaluate("network.setOptions({physics: false})")
    mids = page.evaluate("""() => {
        const D = JSON.parse(document.getElementById('graphx-data').textContent).edges, by = {};
        for (const [id, e] of Object.entries(D)) (by[e.source + ' ' + e.target] = by[e.source + ' ' + e.target] || []).push(id);
        const pair = Object.values(by).find(ids => ids.length >= 2);
        return pair.map(id => network.body.edges[id].edgeType.getPoint(0.5)); }""")
    assert len(mids) >= 2
    a, b = mids[0], mids[1]
    assert abs(a["x"] - b["x"]) + abs(a["y"] - b["y"]) > 5  # drawn apart, not on top of each other


def test_a_large_graph_shows_its_most_connected_actors_and_says_so(browser, tmp_path):
    import sys

    from graphx.export.html import write_html

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic_graph import synthetic_graph

    G = synthetic_graph(400, 900, seed=1)
    write_html(G, tmp_path / "big.html", max_actors=150)
    page, requests, errors = open_page(browser, tmp_path / "big.html")
    assert page.evaluate("nodes.length") == 150
    ranked = sorted((n for n in G if G.degree(n)), key=lambda n: (-G.degree(n), n))[:150]
    assert set(page.evaluate("nodes.getIds()")) == set(ranked)
    banner = page.locator("#gx-limit")
    assert banner.is_visible()
    assert "150 most connected of 400 actors" in banner.inner_text()
    # laid out before it reached the browser: no physics to wait for
    assert page.evaluate("network.physics.options.enabled") is False
    assert errors == [] and requests == []


def test_a_graph_with_many_edges_draws_the_best_attested_and_says_so(browser, tmp_path):
    import sys

    from graphx.export.html import page_subgraph, write_html

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic_graph import synthetic_graph

    G = synthetic_graph(300, 900, seed=2)
    write_html(G, tmp_path / "dense.html", max_edges=250)
    page, requests, errors = open_page(browser, tmp_path / "dense.html")
    H, _ = page_subgraph(G, max_edges=250)
    assert page.evaluate("edges.length") == 250 == H.number_of_edges()
    drawn = {(e["from"], e["to"]) for e in page.evaluate("edges.get().map(e => ({from: e.from, to: e.to}))")}
    assert drawn == {(s, t) for s, t, _ in H.edges}
    text = page.locator("#gx-limit").inner_text()
    assert "all 300 actors" in text and "the 250 best-attested of 900 edges" in text and "--page-edges" in text
    assert errors == [] and requests == []


# What lies over the map at the moment the page says it is ready (window.graphxReady = true),
# on a grid of points over the canvas: anything but the canvas there would take a click.
READY_TRAP = """
    Object.defineProperty(window, "graphxReady", {configurable: true,
      get() { return window.__gxReady; },
      set(v) {
        if (v === true && !window.graphxCoveredAtReady) {
          const c = document.querySelector("#mynetwork canvas"), r = c.getBoundingClientRect(), over = [];
          for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
            const top = document.elementFromPoint(r.left + r.width * i / 10, r.top + r.height * j / 10);
            if (top !== c) over.push((top ? top.tagName + "#" + top.id : "nothing") + " at " + i + "," + j);
          }
          window.graphxCoveredAtReady = over;
        }
        window.__gxReady = v;
      }});"""


def test_nothing_covers_the_map_once_the_page_is_ready(browser, tmp_path):
    """pyvis lays a loading bar over a graph of more than 100 actors while it settles, and hid it
    only 500 ms after it faded out: invisible, it took the first clicks (the seeds page has over
    100 actors since the trained pipeline; a click on Assad then opened nothing)."""
    import sys

    from graphx.export.html import write_html

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic_graph import synthetic_graph

    G = synthetic_graph(130, 260, seed=4)  # over 100 actors (pyvis's loading bar), laid out in the page
    write_html(G, tmp_path / "g.html")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("http*://**", lambda route: route.abort())
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(READY_TRAP)
    page.goto((tmp_path / "g.html").as_uri())
    assert page.locator("#loadingBar").count() == 1  # (the overlay this test is about is there)
    page.wait_for_function("window.graphxReady === true", timeout=30000)
    assert page.evaluate("window.graphxCoveredAtReady") == []
    # and a real click at once on the most mentioned actor opens its card
    top = max(G.nodes, key=lambda n: (G.nodes[n].get("mentions", 0), n))
    p = page.evaluate("(id) => network.canvasToDOM(network.getPosition(id))", top)
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
    page.wait_for_selector("#gx-panel h2", timeout=2000)
    assert page.evaluate("network.getSelectedNodes()") == [top]
    assert plain(page.locator("#gx-panel h2").first.inner_text()) == G.nodes[top]["label"]
    assert errors == []
