"""Conflicts, corroboration, attribution and event codes: report tables and the seeds."""

import json

import pytest
from click.testing import CliRunner

import graphx
from graphx.conflicts import find_conflicts

A = "bashar_al_assad"


def build_reports(tmp_path, reports):
    for n, text in enumerate(reports):
        (tmp_path / f"r{n}.txt").write_text(text, encoding="utf-8")
    return graphx.build(tmp_path)


# (reports, conflicts expected as {(kind, subject, frozenset of (source, relation, target, stance))})
CONFLICTS = [
    # two accounts of one flight
    (["Assad fled to Moscow on December 8, 2024.", "Assad fled to Tehran on December 8, 2024."],
     {("destination", A, frozenset({(A, "fled-to", "moscow", "asserted"), (A, "fled-to", "tehran", "asserted")}))}),
    # undated accounts count as the same flight
    (["Assad fled to Moscow.", "Assad fled to Tehran."],
     {("destination", A, frozenset({(A, "fled-to", "moscow", "asserted"), (A, "fled-to", "tehran", "asserted")}))}),
    # a route told by one report is a sequence, not a contradiction
    (["Assad flew to Hmeimim and was then smuggled to Moscow.", "Assad fled to Hmeimim."], set()),
    (["Assad fled to Hmeimim and then on to Moscow.", "Assad fled to Russia."], set()),
    # a city inside the state another report names
    (["Assad fled to Moscow.", "Assad fled to Russia."], set()),
    # different days: two flights
    (["On December 1, 2024, Maher fled to Baghdad.", "On December 8, 2024, Maher fled to Moscow."], set()),
    # stated against denied
    (["Maher al-Assad fled to Iraq.", "Iraq denied that Maher al-Assad fled to Iraq."],
     {("denied", "maher_al_assad", frozenset({("maher_al_assad", "fled-to", "iraq", "asserted"),
                                               ("maher_al_assad", "fled-to", "iraq", "denied")}))}),
    (["Assad fled to Tehran.", "Reports that Assad fled to Tehran are false."],
     {("denied", A, frozenset({(A, "fled-to", "tehran", "asserted"), (A, "fled-to", "tehran", "denied")}))}),
    # called a rumour by someone who rejects it
    (["Assad fled to Tehran.", "The Kremlin dismissed as rumours reports that Assad fled to Tehran."],
     {("denied", A, frozenset({(A, "fled-to", "tehran", "asserted"), (A, "fled-to", "tehran", "denied")}))}),
    (["Assad fled to Tehran.", "Claims that Assad fled to Tehran are mere rumours, Iranian officials said."],
     {("denied", A, frozenset({(A, "fled-to", "tehran", "asserted"), (A, "fled-to", "tehran", "denied")}))}),
    # a rumour only reported is hedged, not denied
    (["Assad fled to Tehran.", "Rumours that Assad fled to Tehran circulated on social media."], set()),
    # a request refused, and the refusal denied
    (["Russia refused Assad's request.", "Russia rejected reports that it had refused Assad's request."],
     {("denied", "russia", frozenset({("russia", "refused", A, "asserted"), ("russia", "refused", A, "denied")}))}),
    # an intent is not a denial
    (["Assad fled to Moscow.", "Assad was not planning to flee to Moscow."], set()),
    # asylum refused against refuge taken
    (["The UAE refused Assad's request for asylum.", "Assad took refuge in the UAE."],
     {("granted-refused", A, frozenset({("uae", "refused", A, "asserted"), (A, "fled-to", "uae", "asserted")}))}),
    # a refusal of something else is no conflict with the stay
    (["Russia refused Assad's request for troops.", "Assad took refuge in Russia."], set()),
    # Arabic: stated in one report, denied in another
    (["فرّ الأسد إلى طهران.", "نفى الكرملين أن يكون الأسد قد فرّ إلى طهران."],
     {("denied", A, frozenset({(A, "fled-to", "tehran", "asserted"), (A, "fled-to", "tehran", "denied")}))}),
]


@pytest.mark.parametrize("reports,expected", CONFLICTS)
def test_conflict_table(tmp_path, reports, expected):
    G = build_reports(tmp_path, reports)
    got = {(c.kind, c.subject, frozenset((s.source, s.relation, s.target, s.stance) for s in c.sides))
           for c in find_conflicts(G)}
    assert got == expected


def test_conflict_sides_carry_citations(tmp_path):
    G = build_reports(tmp_path, ["Assad fled to Moscow, Reuters reported.", "Assad fled to Tehran, TASS said."])
    (c,) = find_conflicts(G)
    texts = {e.text for s in c.sides for e in s.citations}
    assert texts == {"Assad fled to Moscow, Reuters reported.", "Assad fled to Tehran, TASS said."}
    assert {s.documents for s in c.sides} == {("r0.txt",), ("r1.txt",)}


def test_seeds_have_no_conflicts_and_the_route_is_not_one(seeds_graph):
    # Hmeimim then Moscow is told as one route in several reports: not a contradiction
    assert find_conflicts(seeds_graph[0]) == []


def test_conflicts_json_and_cli(tmp_path):
    G = build_reports(tmp_path, ["Assad fled to Moscow.", "Assad fled to Tehran."])
    from graphx.export import write_all

    out = tmp_path / "out"
    write_all(G, out)
    data = json.loads((out / "conflicts.json").read_text(encoding="utf-8"))
    (row,) = data["conflicts"]
    assert row["kind"] == "destination" and len(row["sides"]) == 2
    assert all(side["citations"][0]["text"] for side in row["sides"])
    from graphx.cli import main

    r = CliRunner().invoke(main, ["conflicts", "-g", str(out / "graph.json")])
    assert r.exit_code == 0, r.output
    assert "[destination]" in r.output and "“Assad fled to Moscow.”" in r.output and "“Assad fled to Tehran.”" in r.output
    r = CliRunner().invoke(main, ["conflicts", "-g", str(out / "graph.json"), "--kind", "denied"])
    assert r.exit_code == 0 and r.output.strip() == "No conflicting claims found."


# ------------------------------------------------------------------ corroboration

def test_corroboration_counts(tmp_path):
    G = build_reports(tmp_path, [
        "Source: Reuters\n\nAssad fled to Moscow.",
        "Source: Reuters\n\nAssad fled to Moscow on Sunday.",
        "Assad reportedly fled to Moscow.",
    ])
    d = G.edges[A, "moscow", "fled-to"]
    assert (d["evidence"], d["weight"], d["documents"], d["sources"]) == (3, 3, 3, 2)
    assert d["stated"] is True
    G2 = build_reports(tmp_path / "x" if (tmp_path / "x").mkdir() is None else None,
                       ["Assad reportedly fled to Moscow."])
    assert G2.edges[A, "moscow", "fled-to"]["stated"] is False


def test_bilingual_report_counts_once(seeds_graph):
    G, _ = seeds_graph
    doc = "004_f730d4489eb8df36.txt"
    d = G.edges[A, "russia", "fled-to"]  # only seed 004 says Russia, in both languages
    assert {c.language for c in d["citations"]} == {"ar", "en"} and {c.doc for c in d["citations"]} == {doc}
    assert (d["weight"], d["documents"], d["sources"], d["outlets"]) == (2, 1, 1, 1)
    assert d["languages"] == "ar,en"


def test_corroboration_in_exports_and_cli(built_dir):
    import networkx as nx

    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    e = next(e for e in data["edges"] if (e["source"], e["key"], e["target"]) == (A, "fled-to", "hmeimim_airbase"))
    for key in ("evidence", "weight", "documents", "sources", "outlets", "stated", "languages"):
        assert key in e, key
    H = nx.read_graphml(built_dir / "graph.graphml")
    attrs = next(d for _, _, d in H.edges(data=True) if d["type"] == "fled-to")
    assert isinstance(attrs["sources"], int) and isinstance(attrs["stated"], bool) and "languages" in attrs
    from graphx.cli import main

    r = CliRunner().invoke(main, ["corroboration", "-g", str(built_dir / "graph.json"), "--min-sources", "3"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()[1:]
    assert lines and all(int(line[58:62]) >= 3 for line in lines)
    assert "Bashar al-Assad —fled-to→ Hmeimim Air Base" in r.output


# ------------------------------------------------------------------ event codes

def test_event_codes_on_edges(seeds_graph, built_dir):
    import networkx as nx

    G, _ = seeds_graph
    codes = {k: (d["cameo"], d["plover"], d["codes_note"]) for _, _, k, d in G.edges(keys=True, data=True)}
    assert codes["contacted"][:2] == ("040", "CONSULT")
    assert codes["mediated"][:2] == ("045", "CONSULT")
    assert codes["refused"][:2] == ("120", "REJECT")
    assert codes["fled-to"][:2] == ("", "") and "no CAMEO or PLOVER code" in codes["fled-to"][2]
    assert G.graph["relations"]["fled-to"]["codes_note"].startswith("no CAMEO")
    H = nx.read_graphml(built_dir / "graph.graphml")
    flight = next(d for _, _, d in H.edges(data=True) if d["type"] == "fled-to")
    assert flight["codes_note"].startswith("no CAMEO") and flight["cameo"] == ""


# ------------------------------------------------------------------ attribution

ATTRIBUTION = [
    ("According to Reuters, Assad fled to Moscow.", "Reuters"),
    ("Assad fled to Moscow, sources told Al Jazeera.", "sources via Al Jazeera"),
    ("Assad fled to Moscow, diplomatic sources told Reuters.", "diplomatic sources via Reuters"),
    ("The official told Reuters that Assad fled to Moscow.", "official via Reuters"),
    ("Peskov told reporters that Assad fled to Moscow.", "Peskov"),
    ("Assad fled to Moscow, Russian state media said.", "Russian state media"),
    ("Assad fled to Moscow.", ""),
]


@pytest.mark.parametrize("text,who", ATTRIBUTION)
def test_attribution_table(extract_edges, text, who):
    evs = [e for e in extract_edges(text, all_evidence=True) if e.relation == "fled-to"]
    assert evs and {e.attributed_to for e in evs} == {who}, [e.attributed_to for e in evs]


# ------------------------------------------------------------------ status: killed against alive

STATUS = [
    (["Maher al-Assad was killed in an air strike near Damascus.", "Maher al-Assad is alive and well in Moscow."],
     {("maher_al_assad", frozenset({"status:killed", "status:survived"}))}),
    (["Kamal Saqr was killed.", "Reports that Kamal Saqr was killed are false."],
     {("kamal_saqr", frozenset({"status:killed", "status:survived"}))}),
    (["قتل ماهر الأسد في غارة.", "أكدت مصادر أن ماهر الأسد لا يزال حيا."],
     {("maher_al_assad", frozenset({"status:killed", "status:survived"}))}),
    (["قتل ماهر الأسد في غارة.", "ونفى مصدر في الكرملين صحة الأنباء عن مقتل ماهر الأسد."],
     {("maher_al_assad", frozenset({"status:killed", "status:survived"}))}),
    # one report only, or a possessor: no conflict
    (["Maher al-Assad was killed in an air strike."], set()),
    (["Assad's bodyguard was killed.", "Assad is alive."], set()),
]


@pytest.mark.parametrize("reports,expected", STATUS)
def test_status_conflicts(tmp_path, reports, expected):
    G = build_reports(tmp_path, reports)
    assert not any(k.startswith("status:") for _, _, k in G.edges(keys=True))  # claims are not edges
    got = {(c.subject, frozenset(s.relation for s in c.sides)) for c in find_conflicts(G) if c.kind == "status"}
    assert got == expected


def test_status_claims_survive_the_json_round_trip(tmp_path):
    G = build_reports(tmp_path, STATUS[0][0])
    from graphx.export import write_all

    write_all(G, tmp_path / "out")
    H = graphx.load(tmp_path / "out" / "graph.json")
    (c,) = find_conflicts(H)
    assert c.kind == "status" and all(s.citations for s in c.sides)
    data = json.loads((tmp_path / "out" / "conflicts.json").read_text(encoding="utf-8"))
    assert [s["claim"] for s in data["conflicts"][0]["sides"]] == ["Maher al-Assad: killed", "Maher al-Assad: alive"]


def test_conflicts_use_the_alias_table_the_build_used(tmp_path):
    """A user's table says Newtown lies in Oldland: one route, not rival destinations."""
    import graphx
    from graphx.conflicts import find_conflicts

    mine = tmp_path / "mine.toml"
    mine.write_text('[actors.zed_quorum]\nlabel = "Zed Quorum"\nkind = "person"\naliases = ["Zed Quorum"]\n\n'
                    '[actors.oldland]\nlabel = "Oldland"\nkind = "state"\naliases = ["Oldland"]\n\n'
                    '[actors.newtown]\nlabel = "Newtown"\nkind = "place"\naliases = ["Newtown"]\n'
                    'located_in = "oldland"\n', encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Zed Quorum fled to Newtown on 8 December 2024.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Zed Quorum fled to Oldland on 8 December 2024.", encoding="utf-8")
    G = graphx.build(tmp_path / "in", aliases=[mine])
    assert G.has_edge("zed_quorum", "newtown", key="fled-to") and G.has_edge("zed_quorum", "oldland", key="fled-to")
    assert [c.kind for c in find_conflicts(G)] == []
    assert G.graph["geography"]["newtown"] == "oldland"  # recorded in the graph: no file is read again
    assert G.graph["alias_files"] == [str(mine)]  # (absolute: where the actors came from)
    mine.unlink()
    from graphx.export import write_all

    write_all(G, tmp_path / "out")
    H = graphx.load(tmp_path / "out" / "graph.json")
    assert [c.kind for c in find_conflicts(H)] == []
    H.graph.pop("geography")  # as if the build had not recorded it: the shipped table lacks Newtown
    assert [c.kind for c in find_conflicts(H)] == ["destination"]
