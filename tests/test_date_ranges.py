"""Month and year dates are ranges downstream (issue 18, item 6): April 2023 is 1-30 April in
the tables, `graphx edges`, GEXF and (tests/test_browser_issue18.py) the page's date filter."""

import networkx as nx
from click.testing import CliRunner

from graphx.cli import main
from graphx.export import write_all
from graphx.export.gexf import gexf_graph
from graphx.export.tables import edge_rows
from graphx.graph import build_graph
from graphx.timespan import date_span, first_last, overlaps
from graphx.records import Actor, Evidence


def month_graph():
    """a -> b cited once, "last month" in a report of May 2023 (2023-04); c -> d on a day; e -> f in 2023."""
    def ev(s, t, date):
        text = f"{s.upper()} called {t.upper()} last month."
        return Evidence(s, "contacted", t, f"{s}.txt", 0, len(text), text, "called", 2, 8, "r", date=date)

    return build_graph([Actor(x, x.upper(), "person") for x in "abcdef"],
                       [ev("a", "b", "2023-04"), ev("c", "d", "2023-04-12"), ev("e", "f", "2023")])


def test_a_month_is_all_of_its_days():
    assert date_span("2023-04") == ("2023-04-01", "2023-04-30")
    assert date_span("2023") == ("2023-01-01", "2023-12-31")
    assert overlaps("2023-04", "2023-04-01", "2023-04-30") and overlaps("2023-04", "2023-04-29", "")
    assert not overlaps("2023-04", "2023-05-01", "2023-05-31") and not overlaps("2023-04", "", "2023-03-31")
    assert first_last(["2023-04", "2023-04-12"]) == ("2023-04", "2023-04")  # the month ends after the 12th
    assert first_last(["2023-04", "2023-05-02"]) == ("2023-04", "2023-05-02")


def test_tables_and_edges_command_show_a_month_not_a_dash(tmp_path):
    rows = {r["id"]: r for r in edge_rows(month_graph())}
    assert (rows["a|contacted|b"]["first"], rows["a|contacted|b"]["last"]) == ("2023-04", "2023-04")
    assert rows["e|contacted|f"]["first"] == "2023"
    write_all(month_graph(), tmp_path, formats=("json",))
    r = CliRunner().invoke(main, ["edges", "-g", str(tmp_path / "graph.json")])
    assert r.exit_code == 0, r.output
    line = next(x for x in r.output.splitlines() if x.startswith("A "))
    assert line.split()[-1] == "2023-04"


def test_gexf_timeline_spans_the_month(tmp_path):
    H = gexf_graph(month_graph())
    d = H.edges["a", "b", "a|contacted|b"]
    assert (d["start"], d["end"]) == ("2023-04-01", "2023-04-30")
    assert (H.edges["e", "f", "e|contacted|f"]["start"], H.edges["e", "f", "e|contacted|f"]["end"]) == \
        ("2023-01-01", "2023-12-31")
    write_all(month_graph(), tmp_path, formats=("gexf",))
    back = nx.read_gexf(tmp_path / "graph.gexf")
    assert {(s, d["start"], d["end"]) for s, _, d in back.edges(data=True)} >= {("a", "2023-04-01", "2023-04-30")}
