"""Journeys told in legs (issue 16, item 4): one fled-to edge per stop, each citing its sentence, the
order kept on the evidence (``leg``), read back by ``graphx.route``, ``graphx route`` and the page."""

import json

import pytest
from click.testing import CliRunner

import graphx
from graphx.cli import main

A, MAHER = "bashar_al_assad", "maher_al_assad"
REPORT = ("Title: The last night\n\n"
          "Bashar al-Assad fled to Russia on Sunday, officials said. "
          "Earlier that night he had left Damascus for the Hmeimim air base. "
          "From there, a Russian plane took him to Moscow. "
          "Maher al-Assad drove to Aqaba and finally to Cairo. "
          "Vladimir Putin flew to Ankara.\n")


def _build(tmp_path, model=None):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "night.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "in"), "-o", str(out), "-q", "--no-cache"] + (["--model", model] if model else [])
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    return out


def _legs(G, name):
    return [[(leg, place) for leg, place, _, _ in legs] for _, legs in graphx.route(G, name)]


@pytest.mark.parametrize("model", [None, "blank"])
def test_each_stop_is_a_leg_in_the_order_told(tmp_path, model):
    out = _build(tmp_path, model)
    G = graphx.load(out / "graph.json")
    assert _legs(G, "Maher al-Assad") == [[(1, "aqaba"), (2, "cairo")]]
    assert _legs(G, "Putin") == []  # one stop is no route
    for name in ("graph.json", "graph.graphml"):  # the order survives both files
        assert _legs(graphx.load(out / name), MAHER) == [[(1, "aqaba"), (2, "cairo")]]
    cites = [c for e in json.loads((out / "graph.json").read_text(encoding="utf-8"))["edges"] for c in e["citations"]]
    assert {c.get("leg") for c in cites if c["source"] == "vladimir_putin"} == {None}  # written only when set


def test_the_end_told_first_and_a_coarser_place_are_not_legs_of_their_own(tmp_path, trained):
    """"fled to Russia" (the lede) and "took him to Moscow" (the end, told in detail): Russia holds
    Moscow, so it is that stop told coarser; the order is where each stop is told last."""
    G = graphx.load(_build(tmp_path) / "graph.json")
    assert G.has_edge(A, "russia", key="fled-to")  # the edge stays; it only has no leg
    assert _legs(G, A) == [[(1, "hmeimim_airbase"), (2, "moscow")]]
    legs = graphx.route(G, A)[0][1]
    assert legs[1][3].text == "From there, a Russian plane took him to Moscow."  # each leg cites its sentence


def test_graphx_route_prints_each_report_s_legs_with_quotes(tmp_path):
    out = _build(tmp_path, "blank")
    r = CliRunner().invoke(main, ["route", "Maher", "-g", str(out / "graph.json")])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "Maher al-Assad, as night.txt tells it:"
    assert lines[1].startswith("  1. Aqaba") and lines[3].startswith("  2. Cairo")
    assert '"Maher al-Assad drove to Aqaba and finally to Cairo."' in lines[2]
    r = CliRunner().invoke(main, ["route", "Putin", "-g", str(out / "graph.json")])
    assert r.exit_code == 1 and "No report tells a route" in r.output
    r = CliRunner().invoke(main, ["route", "Nobody At All", "-g", str(out / "graph.json")])
    assert r.exit_code == 1 and "no actor matches" in r.output and "Traceback" not in r.output


@pytest.mark.browser
def test_the_page_shows_a_traveller_s_route_in_order(browser, tmp_path):
    from .test_browser import open_page

    out = _build(tmp_path, "blank")
    page, requests, errors = open_page(browser, out / "graph.html")
    page.evaluate(f"graphxShowNode('{MAHER}')")
    route = page.locator(".gx-route")
    assert route.count() == 1
    assert [t.replace("\u2068", "").replace("\u2069", "") for t in route.locator("li").all_inner_texts()] == \
        ["Aqaba", "Cairo"]
    route.locator("li").nth(1).click()  # a leg opens its edge, its citation flagged with the leg
    body = page.locator("#gx-body").inner_text()
    assert "fled-to" in body and "Cairo" in body and "leg 2 of the report's route" in body
    page.evaluate("graphxShowNode('vladimir_putin')")
    assert page.locator(".gx-route").count() == 0
    assert errors == [] and requests == []
