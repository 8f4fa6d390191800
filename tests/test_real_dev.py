"""Quality on real reports (issue 16, item 7): the shared development set of 21 real news reports
(../shared/corpora/dev), built with each pipeline and scored by the set's own scorer
(../shared/eval/score.py) against its gold TSV. Floors fail the build if quality drops.

Measured 2026-12-03, after the fifth round of issue-16 classes (asserted edges; R(req): recall of
plainly stated edges):
  trained (en_core_web_sm 3.8.0, the default)  P 0.96  R(req) 0.89  cite-ok 0.96
  offline (--model blank)                      P 0.95  R(req) 0.63  cite-ok 0.90
(before issue 15 and 16: P 0.71, R(req) 0.32.) The floors sit a little below.
The same scorer on tests/corpora/other-crises (13 real reports on other crises, with their analyst's
short alias table): trained P 0.87 R(req) 0.60 cite-ok 0.94 (first run P 0.65 R(req) 0.24); on
tests/corpora/assad-heldout (12 real reports on the fall of Assad outside the dev set): trained
P 0.88 R(req) 0.82 cite-ok 0.95 (first run P 0.65 R(req) 0.30); on tests/corpora/third-crises:
trained P 1.00 R(req) 0.68 cite-ok 1.00 (first run P 0.89 R(req) 0.57); on tests/corpora/fourth-crises:
trained P 0.91 R(req) 0.65 cite-ok 0.97 (first run P 0.65 R(req) 0.16); on tests/corpora/fifth-crises:
trained P 0.82 R(req) 0.59 cite-ok 0.97 (first run P 0.50 R(req) 0.26); on tests/corpora/sixth-crises:
trained P 0.89 R(req) 0.50 cite-ok 1.00 (first run P 0.79 R(req) 0.43).
CI sets GRAPHX_REQUIRE_SHARED=1, so a missing ../shared fails there instead of skipping.
"""

import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpora" / "dev"
SCORER = SHARED / "eval" / "score.py"

if not SCORER.is_file() and os.environ.get("GRAPHX_REQUIRE_SHARED") != "1":
    pytest.skip("../shared is not beside the checkout", allow_module_level=True)

FLOORS = {  # pipeline: (precision, recall of plainly stated edges, citations on a stating sentence)
    "trained": (0.92, 0.84, 0.93),
    "blank": (0.90, 0.58, 0.87),
}


def _score(out):
    res = subprocess.run([sys.executable, str(SCORER), str(out / "graph.json"), str(DEV / "gold.tsv"),
                          str(DEV / "actors.tsv"), "--show", "100"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    last = res.stdout.strip().splitlines()[-1]
    figures = {k: float(v) for k, v in re.findall(r"(P|R\(req\)|cite-ok)=([\d.]+)", last)}
    return figures, res.stdout


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    import graphx
    from graphx.export import write_all

    out = {}
    for name, model in (("trained", None), ("blank", "blank")):
        d = tmp_path_factory.mktemp(f"dev-{name}")
        write_all(graphx.build(DEV / "corpus", **({"model": model} if model else {})), d)
        out[name] = _score(d)
    return out


@pytest.mark.parametrize("pipeline", ["trained", "blank"])
def test_quality_floor_on_the_real_development_set(scores, pipeline):
    figures, report = scores[pipeline]
    p, r, c = FLOORS[pipeline]
    assert figures["P"] >= p, report
    assert figures["R(req)"] >= r, report
    assert figures["cite-ok"] >= c, report


def test_the_default_pipeline_is_not_the_weaker_choice(scores):
    trained, blank = scores["trained"][0], scores["blank"][0]
    f1 = {k: 2 * v["P"] * v["R(req)"] / (v["P"] + v["R(req)"]) for k, v in (("trained", trained), ("blank", blank))}
    assert f1["trained"] >= f1["blank"], (trained, blank)
    assert trained["R(req)"] >= blank["R(req)"], (trained, blank)


def _floor(tmp_path, folder, p, r, cite):
    """Build a real set (with its analyst's alias table where it has one) and score it against its gold
    with the set's own scorer; the floors fail the test."""
    import graphx
    from graphx.export import write_all

    aliases = [folder / "aliases.toml"] if (folder / "aliases.toml").exists() else None
    write_all(graphx.build(folder / "corpus", aliases=aliases), tmp_path)
    res = subprocess.run([sys.executable, str(SCORER), str(tmp_path / "graph.json"), str(folder / "gold.tsv"),
                          str(folder / "actors.tsv"), "--min-p", str(p), "--min-r", str(r), "--min-cite", str(cite)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-3000:]


# The real sets of tests/corpora, each annotated (by a helper that never ran or read graphx, from the fifth
# on) and committed before graphx ran on it; its first run is in its score-*-first-run.txt. Each row: the
# set, its floors (P, R(req), cite-ok, with the trained pipeline and the set's analyst alias table where it
# has one), and its history, trained P / R(req) / cite-ok: first run -> after the classes read from it.
# A floor sits a little below the latest figure; it guards what was gained.
REAL_SETS = [
    ("other-crises", 0.82, 0.56, 0.90),     # 13 reports on ten crises, analyst's table: now 0.87/0.60/0.94
    ("assad-heldout", 0.84, 0.77, 0.90),    # 12 Assad reports: 0.64/0.32/0.94 -> 0.88/0.82/0.95
    ("third-crises", 0.90, 0.60, 0.90),     # Tunisia 2011, Libya 2011, Ukraine 2014, Bolivia 2019, Oman: 0.89/0.57/1.00
    ("fourth-crises", 0.85, 0.52, 0.90),    # Mobutu .. Jammeh: 0.65/0.16/1.00 -> 0.91/0.65/0.97
    ("fifth-crises", 0.74, 0.48, 0.90),     # Wagner .. Sharif: 0.50/0.26/0.86 -> 0.82/0.59/0.97
    ("sixth-crises", 0.82, 0.45, 0.90),     # Marcos .. Puigdemont: 0.79/0.43/1.00 -> 0.89/0.50/1.00
    ("assad-heldout-2", 0.86, 0.49, 0.90),  # 10 Assad reports, 1 Arabic: 0.59/0.34/0.96 -> 0.94/0.55/0.97
    ("seventh-crises", 0.78, 0.28, 0.85),   # Shah .. González: 0.75/0.27/0.94 -> 0.85/0.32/0.89
    ("assad-heldout-3", 0.80, 0.62, 0.85),  # 10 Assad reports, 3 Arabic: 0.64/0.40/0.84 -> 0.87/0.72/0.92
    ("eighth-crises", 0.74, 0.30, 0.82),    # Yemen 2011 .. Ivory Coast 2011: 0.76/0.31/0.87 -> 0.81/0.35/0.88
    ("assad-heldout-4", 0.72, 0.45, 0.85),  # 10 Assad reports, 3 Arabic: 0.36/0.31/0.90 -> 0.80/0.53/0.94
    ("ninth-crises", 0.74, 0.33, 0.84),     # Lesotho 2014 .. Turkish officers 2016: 0.71/0.31/0.89 -> 0.81/0.39/0.91
    ("assad-heldout-5", 0.80, 0.44, 0.85),  # 10 Assad reports, 3 Arabic: 0.81/0.41/0.93 -> 0.89/0.52/0.94
    ("tenth-crises", 0.78, 0.30, 0.85),     # Alqunun 2019 .. Griner-Bout 2022: 0.79/0.28/0.94 -> 0.86/0.35/0.95
    ("eleventh-crises", 0.78, 0.40, 0.88),  # Bolsonaro 2024 .. Abiy in Khartoum 2019: 0.67/0.20/0.93 -> 0.86/0.46/0.92
    # (twelfth: 0.85 since "UN peacekeepers transported Bemba" is read, from the UN's node where the gold has MONUC)
    ("twelfth-crises", 0.80, 0.30, 0.82),   # Rajoelina 2025 .. Ashton and Morsi 2013: 0.78/0.26/0.87 -> 0.94/0.34/0.89
    ("assad-heldout-6", 0.50, 0.23, 0.85),  # 10 Assad reports, 3 Arabic: 0.40/0.15/1.00 -> 0.59/0.27/0.92
    # (thirteenth's cite-ok 0.88 -> 0.79 from 529c752: "Colombia ... GRANTED HIM political asylum" now also cites the
    # flight, and "take refuge in the Colombian ambassador's residence" the contact, sentences the gold lists
    # only for the other of the two rows)
    ("thirteenth-crises", 0.78, 0.33, 0.75),  # Prigozhin 2023 .. Tigray talks 2022: 0.63/0.27/0.88 -> 0.88/0.41/0.79
    ("assad-heldout-7", 0.78, 0.62, 0.90),  # 10 Assad reports, 3 Arabic: 0.76/0.50/1.00 -> 0.88/0.72/1.00
    ("fourteenth-crises", 0.70, 0.28, 0.85),  # Gamsakhurdia 1992 .. Kuwait's mediation 2017: 0.53/0.18/1.00 -> 0.77/0.33/0.94
    ("assad-heldout-8", 0.72, 0.40, 0.80),  # 10 Assad reports, 3 Arabic: 0.64/0.41/0.86 -> 0.80/0.46/0.88
    ("fifteenth-crises", 0.74, 0.26, 0.90),  # Ocalan 1999 .. Djohar 1995: 0.59/0.19/1.00 -> 0.82/0.32/1.00
    ("assad-heldout-9", 0.58, 0.48, 0.80),  # 10 Assad reports, 3 Arabic: 0.44/0.36/0.86 -> 0.67/0.58/0.88
    ("sixteenth-crises", 0.78, 0.30, 0.80),  # Saddam's daughters 2003 .. ASEAN and Cambodia 1997: 0.73/0.26/0.89 -> 0.84/0.36/0.87
    ("assad-heldout-10", 0.72, 0.30, 0.90),  # 10 Assad reports, 3 Arabic: 0.80/0.24/1.00 -> 0.78/0.35/1.00
    ("seventeenth-crises", 0.78, 0.20, 0.90),  # M-19 in Bogotá 1980 .. Wade's Mauritania mediation 2009: 0.67/0.13/1.00 -> 0.87/0.26/1.00
    ("assad-heldout-11", 0.74, 0.40, 0.74),  # 10 Assad reports, 3 Arabic: 0.75/0.42/0.80 -> 0.83/0.47/0.82 (0.80: below)
    # (assad-heldout-11's 0.83 -> 0.80: Iraq's facilitation of "the Syrian troops' entry" is read now, from a node
    # "Syrian troops" its actor table does not list, as it lists only "Syrian soldiers")
    ("assad-heldout-12", 0.74, 0.48, 0.90),  # 10 Assad reports, 3 Arabic: 0.58/0.46/0.96 -> 0.80/0.54/0.96
    ("eighteenth-crises", 0.55, 0.27, 0.80),  # East Germans in Prague 1989 .. Shalit talks 2009: 0.65/0.22/1.00 -> 0.61/0.32/0.86
    ("assad-heldout-13", 0.66, 0.38, 0.90),  # 10 Assad reports, 3 Arabic: 0.67/0.35/0.95 -> 0.71/0.43/0.96
    ("nineteenth-crises", 0.72, 0.26, 0.85),  # Polanski 2010 .. the Doha agreement 2008: 0.67/0.21/0.88 -> 0.80/0.31/0.92
    ("assad-heldout-14", 0.68, 0.37, 0.87),  # 10 Assad reports, 3 Arabic: 0.65/0.29/0.89 -> 0.72/0.42/0.93 -> 0.76/0.53/0.94
    ("twentieth-crises", 0.62, 0.33, 0.86),  # Bokassa 1979 .. Nasser's plan 1970: 0.24/0.07/0.80 -> 0.64/0.33/0.90 -> 0.67/0.38/0.91
    ("assad-heldout-15", 0.76, 0.52, 0.90),  # 10 Assad reports, 3 Arabic: 0.74/0.48/0.95 -> 0.80/0.57/0.96
    ("twenty-first-crises", 0.74, 0.36, 0.90),  # Martinelli 2024 .. Doha on Chad 2022: 0.65/0.19/0.92 -> 0.79/0.40/0.96
    ("assad-heldout-16", 0.62, 0.29, 0.68),  # 10 Assad reports, 3 Arabic: 0.59/0.30/0.71 -> 0.62/0.33/0.73 -> 0.67/0.33/0.74
    # (assad-heldout-16's R 0.30 -> 0.28 -> 0.30: a contact read from "soldiers who sought refuge in Iraq" had matched
    # two contact rows of other sentences; it is a flight now; then the officials' flight and the paramilitaries' return,
    # and in Arabic Maher al-Assad's family crossing into Lebanon where Bashar, the regime's owner, had been read)
    ("twenty-second-crises", 0.62, 0.35, 0.80),  # Bedie 1999 .. Nimeiri in Cairo 1999: 0.64/0.37/0.83 -> 0.66/0.39/0.85
    ("assad-heldout-17", 0.66, 0.33, 0.84),  # 10 Assad reports, 3 Arabic: 0.70/0.34/0.88 -> 0.71/0.37/0.88
    # (twenty-third's P rests on 15 edges: one edge is 0.07 of it)
    ("twenty-third-crises", 0.85, 0.21, 0.90),  # Serrano 1993 .. Ghosheh's return 2001: 0.53/0.14/1.00 -> 0.93/0.25/1.00
    ("assad-heldout-18", 0.48, 0.24, 0.86),  # 10 Assad reports, 3 Arabic: 0.41/0.23/1.00 -> 0.56/0.28/0.91
    ("twenty-fourth-crises", 0.65, 0.14, 0.76),  # Djotodia 2014 .. Maaloula nuns 2014: 0.69/0.15/0.79 -> 0.72/0.17/0.81
    ("assad-heldout-19", 0.50, 0.24, 0.86),  # 10 Assad reports, 3 Arabic: 0.56/0.24/0.70 -> 0.55/0.27/0.91
    ("twenty-fifth-crises", 0.75, 0.34, 0.90),  # Tsimanouskaya 2021 .. Arlit hostages 2013: 0.80/0.28/1.00 -> 0.81/0.39/1.00
    ("assad-heldout-20", 0.80, 0.48, 0.86),  # 10 Assad reports, 3 Arabic: 0.81/0.53/0.92 -> 0.88/0.53/0.92 -> 0.92/0.53/0.92
    # (twenty-sixth's P rests on 21 edges: one edge is 0.05 of it)
    ("twenty-sixth-crises", 0.62, 0.20, 0.86),  # Bhumibol 1992 .. Qatar's Djibouti mediation 2016: 0.63/0.20/0.92 -> 0.75/0.25/0.93
    ("assad-heldout-21", 0.86, 0.30, 0.86),  # 10 Assad reports, 3 Arabic: 0.76/0.34/0.94 -> 0.94/0.34/0.94
    # (twenty-seventh's P rests on 13 edges: one edge is 0.08 of it)
    ("twenty-seventh-crises", 0.60, 0.12, 0.80),  # Burundi 1996 .. Beijing's Iran-Saudi talks 2023: 0.69/0.15/0.89 -> 0.75/0.21/0.92
]


@pytest.mark.parametrize("name, p, r, cite", REAL_SETS, ids=[row[0] for row in REAL_SETS])
def test_quality_floor_on_a_real_set_first_read_after_its_gold(tmp_path, name, p, r, cite):
    _floor(tmp_path, ROOT / "tests" / "corpora" / name, p, r, cite)


@pytest.mark.parametrize("name", [row[0] for row in REAL_SETS])
def test_every_real_set_passes_its_gold_self_check(name, capsys):
    """Every evaluation set's evidence is verbatim in its report, every id is in its actor table and every
    report's header is well formed (tests/corpora/check_set.py, which reads no graphx)."""
    sys.path.insert(0, str(ROOT / "tests" / "corpora"))
    try:
        from check_set import main
    finally:
        sys.path.pop(0)
    assert main(str(ROOT / "tests" / "corpora" / name)) == 0, capsys.readouterr().out[-2000:]
