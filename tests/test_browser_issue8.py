"""The page's conflicts list and attribution filter in a real browser (network blocked)."""

import pytest

import graphx
from graphx.export import write_all

from .test_browser import open_page

pytestmark = pytest.mark.browser

REPORTS = {
    "a.txt": "Source: Reuters\n\nAssad fled to Moscow on December 8, 2024.\nPutin called Erdogan, TASS reported.",
    "b.txt": "Source: TASS\n\nAssad fled to Tehran on December 8, 2024, <script>window.pwned=1</script> sources said.",
}


@pytest.fixture()
def page_dir(tmp_path):
    (tmp_path / "in").mkdir()
    for name, text in REPORTS.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    write_all(graphx.build(tmp_path / "in"), tmp_path / "out")
    return tmp_path / "out"


def test_conflict_list_shows_both_sides(browser, page_dir):
    page, requests, errors = open_page(browser, page_dir / "graph.html")
    assert page.locator("#gx-conflicts legend").inner_text() == "Conflicts (1)"
    page.locator("#gx-conflicts .gx-conflict").first.click()
    page.wait_for_selector("#gx-panel .gx-cite")
    shown = [" ".join(s.split()) for s in page.locator("#gx-panel .gx-sent").all_inner_texts()]
    assert any("fled to Moscow" in s for s in shown) and any("fled to Tehran" in s for s in shown)
    assert len(page.evaluate("network.getSelectedEdges()")) == 2
    assert page.evaluate("window.pwned") is None and errors == [] and requests == []


def test_attribution_filter_combines_with_the_others(browser, page_dir):
    page, _, errors = open_page(browser, page_dir / "graph.html")
    options = [o.strip("\u2068").replace("\u2069", "") for o in page.locator("#gx-attribution option").all_inner_texts()]
    assert any(o.startswith("TASS") for o in options)
    page.select_option("#gx-attribution", "TASS")
    visible = page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.relation)")
    assert visible == ["contacted"]
    page.locator("input.gx-type[value='contacted']").uncheck()
    assert page.evaluate("edges.get({filter: e => !e.hidden}).length") == 0
    page.locator("input.gx-type[value='contacted']").check()
    page.select_option("#gx-attribution", "")
    assert page.evaluate("edges.get({filter: e => !e.hidden}).length") == page.evaluate("edges.length")
    assert errors == []


def test_edge_panel_shows_corroboration_and_codes(browser, page_dir):
    page, _, errors = open_page(browser, page_dir / "graph.html")
    eid = page.evaluate("Object.keys(JSON.parse(document.getElementById('graphx-data').textContent).edges)"
                        ".find(id => JSON.parse(document.getElementById('graphx-data').textContent).edges[id].type === 'fled-to')")
    page.evaluate("(id) => network.body.emitter.emit('click', {nodes: [], edges: [id], event: {}, pointer: {}})", eid)
    line = page.locator("#gx-panel .gx-corroboration").inner_text()
    assert "outlet(s)" in line and "plainly stated" in line and "no CAMEO or PLOVER code" in line
    assert errors == []
