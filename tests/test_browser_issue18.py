"""The analyst's loop in a real browser (issue 18): Debian's chromium via Playwright, network blocked."""

import json

import pytest

from .test_browser import open_page, plain, shown
from .test_date_ranges import month_graph

pytestmark = pytest.mark.browser


def test_date_filter_keeps_a_month_it_overlaps(browser, tmp_path):
    """An edge dated only "2023-04" (April 2023) passes a filter of 10-12 April, not one of May."""
    from graphx.export.html import write_html

    write_html(month_graph(), tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html")
    everything = {("a", "contacted", "b"), ("c", "contacted", "d"), ("e", "contacted", "f")}
    assert shown(page)[0] == everything
    assert page.input_value("#gx-date-from") == "2023-01-01" and page.input_value("#gx-date-to") == "2023-12-31"
    page.fill("#gx-date-from", "2023-04-10")
    page.fill("#gx-date-to", "2023-04-11")
    assert shown(page)[0] == {("a", "contacted", "b"), ("e", "contacted", "f")}  # the 12th is outside
    page.fill("#gx-date-from", "2023-05-01")
    page.fill("#gx-date-to", "2023-05-31")
    assert shown(page)[0] == {("e", "contacted", "f")}  # the year 2023 still overlaps May
    page.evaluate("graphxShowEdge('e0')")
    assert "· 2023-04" in page.locator("#gx-body").inner_text()  # the month as the evidence gives it
    assert errors == [] and requests == []


# ---- item 4: every click opens what is under the pointer

ON_EDGE = """(id) => {
    // The point nearest the middle that is ON the drawn curve of this edge (vis-network's own
    // getPoint, between the two nodes' borders), rounded to whole pixels as a mouse gives them,
    // that no actor covers, and where this edge's stroke is the nearest (by 0.2 px or more): the
    // edge under the pointer. Distances are measured here, densely, on every edge's drawn curve,
    // not with the page's hit test.
    const scale = network.getScale(), all = network.body.edges;
    const dist = (e, c) => { const t = e.edgeType; let best = Infinity, prev = t.getPoint(0);
      for (let k = 1; k <= 200; k++) { const q = t.getPoint(k / 200), dx = q.x - prev.x, dy = q.y - prev.y, l = dx * dx + dy * dy;
        const u = l ? Math.max(0, Math.min(1, ((c.x - prev.x) * dx + (c.y - prev.y) * dy) / l)) : 0;
        best = Math.min(best, Math.hypot(prev.x + u * dx - c.x, prev.y + u * dy - c.y)); prev = q; }
      return best * scale; };
    // the actors drawn (nodeIndices): an actor in no edge is hidden until searched for, and its
    // box, never drawn, is stale (its label measured at the canvas origin). Each covers its shape
    // (what vis-network hit-tests) and its label where one is drawn, as LABEL_BOXES measures it
    // (moved above the shape by font.vadjust): not getBoundingBox, one rectangle round both, whose
    // corners beside the shape are empty canvas, that puts a label moved above under the shape,
    // and that counts a label of " " (none drawn)
    network.redraw();
    const boxes = [];
    // (vis-network draws a triangle with its radius times 1.15, moved down by 0.275 of that: its
    // corners stand 0.15 of the radius outside the square it hit-tests, 0.02 above and below)
    for (const n of network.body.nodeIndices) {
      const o = network.body.nodes[n], tri = /^triangle/.test(o.options.shape);
      const w = o.shape.width / 2 * (tri ? 1.15 : 1), h = o.shape.height / 2 * (tri ? 1.02 : 1);
      if (o.options.hidden) continue;
      boxes.push({left: o.x - w, right: o.x + w, top: o.y - h, bottom: o.y + h});
      if (!String(o.options.label || "").trim()) continue;
      const z = o.labelModule.size, v = o.options.font.vadjust || 0;
      boxes.push({left: z.left, right: z.left + z.width, top: z.top + v, bottom: z.top + v + z.height});
    }
    const ts = [0.5]; for (let k = 1; k <= 24; k++) ts.push(0.5 - k * 0.02, 0.5 + k * 0.02);
    for (const t of ts) {
      const dom = network.canvasToDOM(all[id].edgeType.getPoint(t)), p = {x: Math.round(dom.x), y: Math.round(dom.y)};
      const c = network.DOMtoCanvas(p);
      if (boxes.some(b => c.x >= b.left - 3 / scale && c.x <= b.right + 3 / scale && c.y >= b.top - 3 / scale && c.y <= b.bottom + 3 / scale)) continue;
      const mine = dist(all[id], c);
      if (mine > 1.5) continue;
      if (network.body.edgeIndices.every(o => o === id || dist(all[o], c) >= mine + 0.2)) return p;
    }
    return null; }"""

ACTOR_INK = """(points) => {
    // the canvas drawn without its edges: the points where an actor's shape or label leaves any
    // ink within 2 px (ON_EDGE keeps 3 px from its boxes; the pixel between is the anti-aliasing of
    // a box's edge) (ON_EDGE's boxes must be what the page draws, not more and not less)
    const saved = network.body.edgeIndices;
    network.body.edgeIndices = [];
    network.redraw();
    const ctx = network.canvas.frame.canvas.getContext("2d"), r = window.devicePixelRatio || 1, out = [];
    for (const q of points) {
      const d = ctx.getImageData(Math.round((q.x - 2) * r), Math.round((q.y - 2) * r), Math.round(5 * r), Math.round(5 * r)).data;
      for (let k = 3; k < d.length; k += 4) if (d[k] > 0) { out.push(q); break; }
    }
    network.body.edgeIndices = saved;
    network.redraw();
    return out; }"""


def test_every_edge_of_the_seeds_page_opens_when_clicked_on_its_curve(browser, built_dir):
    """A real mouse click on each of the seeds' edges, at a point on its drawn (curved) stroke that
    no actor covers and no other edge comes near, opens that edge (before: 9 of 69 opened another)."""
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    page, requests, errors = open_page(browser, built_dir / "graph.html")
    page.evaluate("network.setOptions({physics: false})")
    box = page.locator("#mynetwork").bounding_box()
    D = page.evaluate("graphxData.edges")
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    ids = page.evaluate("edges.getIds()")
    assert len(ids) == len(data["edges"])
    wrong, unclickable, points = [], [], []
    for eid in ids:
        page.mouse.move(box["x"] - 100, 5)  # (off the canvas: no tooltip in the way)
        page.evaluate("document.getElementById('gx-panel').style.display = 'none'; network.unselectAll()")
        p = page.evaluate(ON_EDGE, eid)
        if p is None:
            unclickable.append(eid)
            continue
        points.append(p)
        page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
        e = D[eid]
        want = f"{labels[e['source']]} —{e['type']}→ {labels[e['target']]}"
        got = page.evaluate("[network.getSelectedEdges(), network.getSelectedNodes(), "
                            "(document.querySelector('#gx-panel h2') || {}).textContent || '']")
        got[2] = plain(got[2])  # (names and type are shown as bidi isolates)
        if got != [[eid], [], want]:
            wrong.append((eid, want, got))
    assert [(i, D[i]["source"], D[i]["type"], D[i]["target"]) for i in unclickable] == [] and wrong == []
    page.evaluate("network.unselectAll()")  # (as at each click: a selected edge's actors are drawn bolder)
    assert page.evaluate(ACTOR_INK, points) == []  # each click was on bare edge, nothing of an actor near
    assert errors == [] and requests == []


# ---- item 1: corrections on the page; "copy correction" gives TOML that does what it says

def _reports(folder, texts):
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_copy_correction_round_trip(browser, tmp_path):
    import tomllib

    import graphx
    from graphx.export import write_all

    from .test_corrections import REPORTS

    src = _reports(tmp_path / "in", REPORTS)
    write_all(graphx.build(src), tmp_path / "out")
    page, requests, errors = open_page(browser, tmp_path / "out" / "graph.html")
    eid = page.evaluate("Object.keys(graphxData.edges).find(k => { const e = graphxData.edges[k]; "
                        "return e.source === 'bashar_al_assad' && e.type === 'fled-to' && e.target === 'turkey'; })")
    page.evaluate("(id) => graphxShowEdge(id)", eid)
    page.locator("#gx-panel button.gx-copy").first.click()  # the edge's button
    text = page.locator("#gx-panel textarea.gx-toml").input_value()
    entry = tomllib.loads(text)["reject"][0]
    assert (entry["source"], entry["type"], entry["target"], entry["why"]) == ("bashar_al_assad", "fled-to", "turkey", "")
    fixes = tmp_path / "corrections.toml"
    fixes.write_text(text.replace('why = ""', 'why = "100,000 people fled, not Assad"').replace('by = ""', 'by = "Ana"'),
                     encoding="utf-8")
    # a citation's button: confirm that one sentence
    moscow = page.evaluate("Object.keys(graphxData.edges).find(k => graphxData.edges[k].target === 'moscow')")
    page.evaluate("(id) => graphxShowEdge(id)", moscow)
    page.locator("#gx-panel .gx-cite button.gx-copy").first.click()
    page.locator("#gx-panel .gx-cite select").first.select_option("confirm")
    confirm = page.locator("#gx-panel .gx-cite textarea.gx-toml").first.input_value()
    assert tomllib.loads(confirm)["confirm"][0]["doc"] == "r.txt"
    with fixes.open("a", encoding="utf-8") as f:
        f.write("\n" + confirm.replace('why = ""', 'why = "checked with AP"'))
    G = graphx.build(src, corrections=fixes)
    assert not G.has_edge("bashar_al_assad", "turkey", "fled-to")
    cites = G.edges["bashar_al_assad", "moscow", "fled-to"]["citations"]
    assert [(c.doc, c.correction) for c in cites] == [("r.txt", "confirmed"), ("s.txt", "")]
    # the rebuilt page shows the correction on the citation
    write_all(G, tmp_path / "out2")
    page2, requests2, errors2 = open_page(browser, tmp_path / "out2" / "graph.html")
    page2.evaluate("(id) => graphxShowEdge(Object.keys(graphxData.edges).find(k => graphxData.edges[k].target === 'moscow'))",
                   None)
    assert page2.locator("#gx-panel .gx-corrected").first.inner_text().startswith("\u2713 confirmed")
    assert "checked with AP" in page2.locator("#gx-panel .gx-corrected").first.inner_text()
    assert errors == errors2 == [] and requests == requests2 == []


def test_copied_toml_of_hostile_text_stays_data(browser, tmp_path):
    """A sentence full of quotes, backslashes and line breaks becomes one TOML string, whatever it holds."""
    import tomllib

    from graphx.export.html import write_html
    from graphx.graph import build_graph
    from graphx.records import Actor, Evidence

    text = 'A called B "\\\\" \n[[reject]]\nsource = "x" \u2028 # \x7f end.'
    ev = Evidence("a", "contacted", "b", 'd"\n.txt', 0, len(text), text, "called", 2, 8, "r")
    G = build_graph([Actor("a", 'A "\n[[x]]', "person"), Actor("b", "B", "person")], [ev])
    write_html(G, tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html")
    page.evaluate("graphxShowEdge('e0')")
    page.locator("#gx-panel .gx-cite button.gx-copy").click()
    data = tomllib.loads(page.locator("#gx-panel .gx-cite textarea.gx-toml").input_value())
    assert list(data) == ["reject"] and data["reject"][0]["doc"] == 'd"\n.txt'
    assert data["reject"][0]["sentence"] == " ".join(text.split())
    assert errors == [] and requests == []


# ---- item 5: the evidence panel says where a citation comes from

EVIDENCE_REPORTS = {
    "a.txt": "Title: Assad's last hours\nSource: Wire One\nURL: https://example.org/a?x=1&y=<2>\nDate: 2024-12-08\n\n"
             "Assad reached the Kremlin's jet at Hmeimim. He fled to Moscow on Sunday.\n",
    "b.txt": "Title: <img src=x onerror=\"window.pwned=1\">\nSource: Wire Two\nURL: javascript:window.pwned=2\n"
             "Date: 2024-12-08\n\nAssad fled to Tehran on Sunday.\n",
}


def test_evidence_panel_gives_title_outlet_date_link_conflict_and_antecedent(browser, tmp_path):
    import graphx
    from graphx.export import write_all

    src = _reports(tmp_path / "in", EVIDENCE_REPORTS)
    G = graphx.build(src)
    write_all(G, tmp_path / "out")
    page, requests, errors = open_page(browser, tmp_path / "out" / "graph.html")
    ids = page.evaluate("(() => { const o = {}; for (const [k, e] of Object.entries(graphxData.edges)) "
                        "o[e.source + ' ' + e.type + ' ' + e.target] = k; return o; })()")
    page.evaluate("(id) => graphxShowEdge(id)", ids["bashar_al_assad fled-to moscow"])
    cite = page.locator("#gx-panel .gx-cite").first
    assert cite.locator(".gx-meta").first.inner_text() == "Wire One · a.txt · 2024-12-08"
    assert cite.locator(".gx-title").inner_text() == "Assad's last hours"
    link = cite.locator(".gx-doc a")
    assert link.get_attribute("href") == "https://example.org/a?x=1&y=%3C2%3E"
    assert link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
    # "He fled to Moscow": the sentence that named him
    assert cite.locator(".gx-antecedent").inner_text() == "Named earlier: Assad reached the Kremlin's jet at Hmeimim."
    # the conflict this edge is a side of (Moscow or Tehran), one click away
    row = page.locator("#gx-panel .gx-in-conflict")
    assert row.inner_text().startswith("Part of a conflict [destination]: ")
    row.click()
    # the conflict's summary, as one bidi isolate (its actors' names isolated inside it)
    assert page.locator("#gx-panel h2").first.inner_text() == "\u2068" + page.evaluate("graphxData.conflicts[0].summary") + "\u2069"
    # a URL with another scheme is text, not a link; the hostile title is text too
    page.evaluate("(id) => graphxShowEdge(id)", ids["bashar_al_assad fled-to tehran"])
    cite = page.locator("#gx-panel .gx-cite").first
    assert cite.locator("a").count() == 0
    assert cite.locator(".gx-url-text").inner_text() == "javascript:window.pwned=2"
    assert cite.locator(".gx-title").inner_text() == '<img src=x onerror="window.pwned=1">'
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#gx-panel img").count() == 0
    assert errors == [] and requests == []


# ---- item 3: reading at archive scale

LABEL_BOXES = """() => {
    // the labels vis-network drew, as it measured them (font.vadjust moves one up), in screen pixels
    network.redraw();
    const s = network.getScale(), out = [];
    for (const id of network.body.nodeIndices) {
      const n = network.body.nodes[id];
      if (n.options.hidden || !String(n.options.label || "").trim()) continue;  // (no label, or " ": none drawn)
      const z = n.labelModule.size, v = n.options.font.vadjust || 0;
      const a = network.canvasToDOM({x: z.left, y: z.top + v}), b = network.canvasToDOM({x: z.left + z.width, y: z.top + v + z.height});
      out.push([id, a.x, a.y, b.x, b.y]);
    }
    return out; }"""


def _overlaps(boxes):
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5]


def test_labels_do_not_overlap_at_the_default_zoom(browser, built_dir, tmp_path):
    import sys

    from graphx.export.html import write_html

    from .conftest import ROOT

    page, requests, errors = open_page(browser, built_dir / "graph.html")
    page.wait_for_function("window.graphxLabels >= 1")
    boxes = page.evaluate(LABEL_BOXES)
    assert _overlaps(boxes) == []
    shown = {b[0] for b in boxes}
    assert len(shown) >= 20 and "bashar_al_assad" in shown  # the most mentioned actor is named
    # zooming in makes room: more labels, still none over another
    page.evaluate("network.moveTo({scale: network.getScale() * 2.5}); graphxRestyle()")
    more = page.evaluate(LABEL_BOXES)
    assert _overlaps(more) == [] and {b[0] for b in more} - shown  # actors unnamed before are named now
    # a large page: labels placed, none over another
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic_graph import synthetic_graph

    write_html(synthetic_graph(600, 1500, seed=3), tmp_path / "big.html")
    big, requests2, errors2 = open_page(browser, tmp_path / "big.html")
    big.wait_for_function("window.graphxLabels >= 1")
    boxes = big.evaluate(LABEL_BOXES)
    assert len(boxes) >= 10 and _overlaps(boxes) == []
    assert errors == errors2 == [] and requests == requests2 == []


def _opacity(page):
    return page.evaluate("(() => { const o = {}; nodes.get().forEach(n => o[n.id] = n.hidden ? 'hidden' : "
                         "(n.opacity === undefined ? 1 : n.opacity)); return o; })()")


def test_neighbourhood_view_and_search_dim_the_rest(browser, built_dir):
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    near = {}
    for e in data["edges"]:
        near.setdefault(e["source"], set()).add(e["target"])
        near.setdefault(e["target"], set()).add(e["source"])
    one = {"maher_al_assad"} | near["maher_al_assad"]
    two = set(one).union(*(near[n] for n in one))
    page, requests, errors = open_page(browser, built_dir / "graph.html")
    # search focuses and dims: the actor and its neighbours stay, the rest fades
    page.fill("#gx-search", "Maher")
    page.press("#gx-search", "Enter")
    page.wait_for_function("window.graphxLabels >= 2")
    op = _opacity(page)
    assert {n for n, o in op.items() if o == 1} == one
    assert all(o == 0.2 for n, o in op.items() if n not in one and o != "hidden")
    assert "Showing \u2068Maher al-Assad\u2069 and" in page.locator("#gx-focus").inner_text()  # (an isolate)
    # the actor card: two hops, then hide the rest
    page.locator("#gx-panel button.gx-hood-k[data-hops='2']").click()
    page.wait_for_function("window.graphxLabels >= 3")
    assert {n for n, o in _opacity(page).items() if o == 1} == two
    before = page.evaluate("network.getPositions()")
    page.locator("#gx-panel input.gx-hood-hide").check()
    page.wait_for_timeout(300)
    visible = set(page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert visible == two
    # shown alone, it is laid out in rings: Maher at the centre, his neighbours around him
    pos = page.evaluate("network.getPositions()")
    assert (pos["maher_al_assad"]["x"], pos["maher_al_assad"]["y"]) == (0, 0)
    radii = {round((pos[n]["x"] ** 2 + pos[n]["y"] ** 2) ** 0.5) for n in one - {"maher_al_assad"}}
    assert len(radii) == 1 and radii.pop() > 0
    drawn = page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.id)")
    D = page.evaluate("graphxData.edges")
    assert all(D[e]["source"] in two and D[e]["target"] in two for e in drawn) and drawn
    # show all: everything back, nothing dimmed
    page.click("#gx-focus-clear")
    page.wait_for_timeout(300)
    assert page.evaluate("network.getPositions()") == before  # the map as it was
    op = _opacity(page)
    linked = {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}
    assert {n for n, o in op.items() if o == 1} == linked and page.locator("#gx-focus").is_hidden()
    assert errors == [] and requests == []


def test_people_fold_into_the_state_they_represent(browser, built_dir):
    page, requests, errors = open_page(browser, built_dir / "graph.html")
    groups = page.evaluate("graphxData.groups")
    assert groups["vladimir_putin"] == "russia" and groups["hakan_fidan"] == "turkey"
    page.check("#gx-fold")
    page.wait_for_timeout(300)
    assert page.evaluate("network.isCluster('group:russia')")
    drawn = page.evaluate("network.body.nodeIndices")
    assert "vladimir_putin" not in drawn and "group:russia" in drawn and "bashar_al_assad" not in drawn
    assert page.evaluate("network.clustering.getNodesInCluster('group:syria')").count("bashar_al_assad") == 1
    page.evaluate("network.emit('click', {nodes: ['group:russia'], edges: [], pointer: {DOM: {x: 0, y: 0}}})")
    assert "Folded here: " in page.locator("#gx-panel .gx-folded").inner_text()
    assert "Vladimir Putin" in page.locator("#gx-panel .gx-folded").inner_text()
    # filters still work while folded, and unfolding gives every actor back
    page.locator("input.gx-type[value='contacted']").uncheck()
    assert page.evaluate("network.isCluster('group:russia')")
    page.locator("input.gx-type[value='contacted']").check()
    page.uncheck("#gx-fold")
    page.wait_for_timeout(300)
    assert "vladimir_putin" in page.evaluate("network.body.nodeIndices")
    assert not page.evaluate("network.isCluster('group:russia')")
    assert errors == [] and requests == []


def test_time_slider_shows_the_map_up_to_a_day(browser, tmp_path):
    from graphx.export.html import write_html

    write_html(month_graph(), tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html")
    slider = page.locator("#gx-time")
    assert slider.get_attribute("max") == "4"  # 5 days: 1 Jan, 1 Apr, 12 Apr, 30 Apr, 31 Dec 2023
    slider.fill("0")  # 1 January 2023: only the edge dated "2023" (the whole year) speaks of it
    assert page.input_value("#gx-date-to") == "2023-01-01"
    assert shown(page)[0] == {("e", "contacted", "f")}
    slider.fill("1")  # 1 April: the month of April too
    assert shown(page)[0] == {("a", "contacted", "b"), ("e", "contacted", "f")}
    slider.fill(slider.get_attribute("max"))
    assert len(shown(page)[0]) == 3 and page.locator(".gx-time-value").inner_text() == "2023-12-31"
    assert errors == [] and requests == []


def test_the_side_bar_never_overflows(browser, tmp_path):
    """Long attributions and conflicts: the bar scrolls down, never sideways, and stays on screen."""
    from graphx.export.html import write_html
    from graphx.graph import build_graph
    from graphx.records import Actor, Evidence

    actors = [Actor(f"p{i}", f"Person {i}", "person") for i in range(40)]
    cites = [Evidence(f"p{i}", "contacted", f"p{(i + 1) % 40}", f"d{i}.txt", 0, 20, "P called Q yesterday.", "called",
                      2, 8, "r", date=f"2024-12-{1 + i % 28:02d}",
                      attributed_to="the spokesperson of the ministry of foreign affairs of a very long named state "
                                    + str(i) + " according_to_an_unbreakable_identifier_" * 3)
             for i in range(40)]
    write_html(build_graph(actors, cites), tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html", viewport={"width": 1000, "height": 600})
    bar = page.evaluate("""(() => { const b = document.getElementById('gx-bar'), r = b.getBoundingClientRect();
        const wide = Array.from(b.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > r.right + 0.5)
                       .map(e => e.tagName + '#' + e.id);
        return {scroll: b.scrollWidth, client: b.clientWidth, bottom: r.bottom, wide: wide}; })()""")
    assert bar["scroll"] <= bar["client"] and bar["wide"] == []
    assert bar["bottom"] <= 600
    assert errors == [] and requests == []
