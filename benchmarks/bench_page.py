"""How fast the explorer page becomes interactive in headless Chromium.

    python benchmarks/bench_page.py [NODES] [EDGES]      (default 2000 6000)

Writes a synthetic graph's page (and the seeds' page) and opens each in
Debian's chromium with every network request blocked. Reports, per page:
the time to write the HTML, its size, the time from navigation to the first
drawn frame, and to the frame with the labels placed and every handler attached
(``window.graphxReadyAt``: ready),
plus how long a filter change, an edge click, the label pass after a zoom and
focusing an actor (its 2-hop neighbourhood, the rest dimmed) take once it is up. The
target for 2,000 nodes / 6,000 edges is under 5 s. Saves
``benchmarks/results/page.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import graphx  # noqa: E402
from graphx.export.html import write_html  # noqa: E402
from synthetic_graph import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def measure(browser, path: Path, runs: int = 3) -> dict:
    ready, wall, filt, click, labels, focus, drawn = [], [], [], [], [], [], []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("http*://**", lambda route: route.abort())
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.graphxReady === true", timeout=120_000, polling=20)
        wall.append(time.perf_counter() - t0)
        ready.append(page.evaluate("window.graphxReadyAt") / 1000)
        drawn.append(page.evaluate("window.graphxFirstDrawAt || window.graphxReadyAt") / 1000)  # before the labels
        filt.append(page.evaluate("""() => { var t = performance.now();
            document.querySelector("input.gx-type[value='contacted']").click();
            return (performance.now() - t) / 1000; }"""))
        click.append(page.evaluate("""() => { var t = performance.now();
            graphxShowEdge(edges.getIds()[0]); return (performance.now() - t) / 1000; }"""))
        # the label pass after each zoom or pan, and focusing an actor (the rest dimmed)
        labels.append(page.evaluate("""() => { if (!window.graphxRestyle) return 0; var t = performance.now();
            network.moveTo({scale: network.getScale() * 1.5}); graphxRestyle(); return (performance.now() - t) / 1000; }"""))
        focus.append(page.evaluate("""() => { if (!window.graphxFocus) return 0; var t = performance.now();
            graphxFocus(nodes.getIds()[0], 2); graphxRestyle(); return (performance.now() - t) / 1000; }"""))
        page.close()
    return {"first_frame_s": round(min(drawn), 3), "ready_s": round(min(ready), 3), "ready_median_s": round(sorted(ready)[len(ready) // 2], 3),
            "goto_to_ready_wall_s": round(min(wall), 3), "filter_s": round(min(filt), 3),
            "edge_panel_s": round(min(click), 3), "labels_after_zoom_s": round(min(labels), 3),
            "focus_s": round(min(focus), 3)}


def main(n_nodes: int = 2000, n_edges: int = 6000) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        G = synthetic_graph(n_nodes, n_edges)
        gen = time.perf_counter() - t
        pages = {}
        t = time.perf_counter()
        write_html(G, tmp / "large.html")
        pages[f"synthetic {n_nodes} nodes / {n_edges} edges"] = (tmp / "large.html", time.perf_counter() - t, G)
        S = graphx.build(HERE.parent / "seeds")
        t = time.perf_counter()
        write_html(S, tmp / "seeds.html")
        pages["seeds"] = (tmp / "seeds.html", time.perf_counter() - t, S)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for name, (path, write_s, graph) in pages.items():
                row = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                       "write_html_s": round(write_s, 3), "html_mb": round(path.stat().st_size / 1e6, 2)}
                row.update(measure(browser, path))
                out[name] = row
            browser.close()
    out["_meta"] = {"graph_generation_s": round(gen, 3), "target_ready_s": 5.0}
    return out


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    result = main(*args)
    cols = ["nodes", "edges", "write_html_s", "html_mb", "first_frame_s", "ready_s", "ready_median_s", "filter_s", "edge_panel_s",
            "labels_after_zoom_s", "focus_s"]
    print(f"{'page':34}" + "".join(f"{c:>15}" for c in cols))
    for name, row in result.items():
        if not name.startswith("_"):
            print(f"{name:34}" + "".join(f"{row[c]:>15}" for c in cols))
    big = next(v for k, v in result.items() if k.startswith("synthetic"))
    print(f"interactive in {big['ready_s']} s (target < 5 s): {'met' if big['ready_s'] < 5 else 'NOT met'}")
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "page.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
