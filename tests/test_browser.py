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


def open_page(browser, html_path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
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


def test_seeds_page_draws_everything_offline(browser, built_dir):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, requests, errors = open_page(browser, built_dir / "graph.html")
    assert page.evaluate("nodes.length") == len(data["nodes"])
    assert page.evaluate("edges.length") == len(data["edges"])
    assert requests == [] and errors == []
    page.wait_for_timeout(1500)
    (ROOT / "output").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "output" / "screenshot.png"))


def test_clicking_an_edge_lists_its_citations(browser, built_dir):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, _, errors = open_page(browser, built_dir / "graph.html")
    idx = next(i for i, e in enumerate(data["edges"]) if len(e["citations"]) >= 2)
    # Freeze the layout, then click on the drawn edge at a point no other item covers.
    page.evaluate("network.setOptions({physics: false}); network.fit({animation: false})")
    page.wait_for_timeout(300)
    edge_id = f"e{idx}"
    point = page.evaluate("""(id) => {
        var e = network.body.edges[id];
        for (var t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
            var p = network.canvasToDOM(e.edgeType.getPoint(t));
            if (network.getEdgeAt(p) === id && network.getNodeAt(p) === undefined) return p;
        }
        return null; }""", edge_id)
    assert point is not None
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
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
    page.wait_for_timeout(500)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#gx-panel script, #gx-panel img, #gx-panel b").count() == 0
    assert errors == [] and requests == []
