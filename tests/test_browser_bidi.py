"""Bidi isolation on the page (issue 19): an unclosed U+202E (RIGHT-TO-LEFT OVERRIDE) in an
alias label, an outlet or an attribution reverses nothing around it, in any heading, card,
list, menu or tooltip. Checked in a real browser on every actor card, edge and conflict.
"""

import pytest
from click.testing import CliRunner

from graphx.cli import main

from .test_browser import open_page

pytestmark = pytest.mark.browser
RLO = "\u202e"
ALIASES = (f'[actors.zed_quorum]\nlabel = "Zed{RLO} Quorum"\nkind = "person"\naliases = ["Zed Quorum"]\n\n'
           f'[actors.evil_news]\nlabel = "Evil{RLO} News"\nkind = "outlet"\naliases = ["Evil News"]\n')
REPORTS = {"a.txt": f"Source: Wire{RLO} One\n\nZed Quorum fled to Moscow on December 8, 2024.\n",
           "b.txt": "Zed Quorum fled to Tehran on December 8, 2024, Evil News reported.\n"}

# Every text node holding the override must hold it inside an isolate it opens (FSI ... PDI),
# or be the whole of a <bdi>; the quoted sentence is a paragraph of its own (unicode-bidi: plaintext).
LEAKS = """() => {
  const safe = t => { let d = 0; for (const ch of t) { if ("\\u2066\\u2067\\u2068".includes(ch)) d++;
    else if (ch === "\\u2069") d--; else if (ch === "\\u202e" && d <= 0) return false; } return true; };
  const bad = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const n = walk.currentNode, p = n.parentElement;
    if (!n.data.includes("\\u202e") || p.closest("script") || p.closest(".gx-sent")) continue;
    if (p.tagName === "BDI" && p.childNodes.length === 1) continue;
    if (!safe(n.data)) bad.push(p.tagName + " " + p.className + ": " + n.data);
  }
  nodes.get().concat(edges.get()).forEach(x => {
    if (typeof x.title === "string" && x.title.includes("\\u202e") && !safe(x.title)) bad.push("tooltip: " + x.title); });
  return bad;
}"""


def test_an_override_in_table_or_report_text_reverses_nothing_around_it(browser, tmp_path):
    (tmp_path / "in").mkdir()
    for name, text in REPORTS.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mine.toml").write_text(ALIASES, encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q",
                                  "--aliases", str(tmp_path / "mine.toml")])
    assert r.exit_code == 0, r.output
    page, requests, errors = open_page(browser, tmp_path / "out" / "graph.html")
    bad = page.evaluate(LEAKS)
    for nid in page.evaluate("nodes.getIds()"):
        page.evaluate("(id) => graphxShowNode(id)", nid)
        bad += page.evaluate(LEAKS)
        if nid == "evil_news":
            assert f"Evil{RLO} News" in page.locator("#gx-panel h2").first.inner_text()
    for eid in page.evaluate("edges.getIds()"):
        page.evaluate("(id) => { graphxShowEdge(id); network.emit('click', {nodes: [], edges: [id]}); }", eid)
        bad += page.evaluate(LEAKS)
    conflicts = page.locator("#gx-conflicts .gx-conflict").count()
    assert conflicts == 1
    page.evaluate("graphxShowConflict(0)")
    bad += page.evaluate(LEAKS)
    page.evaluate("graphxFocus('zed_quorum', 1)")  # the focus line names the actor ("Showing Zed... and 2 actor(s)")
    bad += page.evaluate(LEAKS)
    page.evaluate("graphxClearFocus()")
    shown = page.evaluate("document.body.innerText")
    assert f"Zed{RLO} Quorum" in shown and f"Wire{RLO} One" in shown  # shown as they are, only isolated
    assert sorted(set(bad)) == [] and errors == [] and requests == []
