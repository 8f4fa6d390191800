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


OTHER = ROOT / "tests" / "corpora" / "other-crises"


def test_quality_floor_on_other_crises_with_an_analysts_alias_table(tmp_path):
    _floor(tmp_path, OTHER, 0.82, 0.56, 0.90)


HELDOUT = ROOT / "tests" / "corpora" / "assad-heldout"


def test_quality_floor_on_the_held_out_assad_reports(tmp_path):
    _floor(tmp_path, HELDOUT, 0.84, 0.77, 0.90)


THIRD = ROOT / "tests" / "corpora" / "third-crises"


def test_quality_floor_on_a_third_set_of_crises_first_read_after_its_gold(tmp_path):
    """Five real reports on Tunisia 2011, Libya 2011, Ukraine 2014, Bolivia 2019 and Oman's US-Iran
    mediation with their analyst's alias table, annotated before graphx ran on them; its first run
    (score-2026-12-03-first-run.txt): trained P 0.89 R(req) 0.57 cite-ok 1.00."""
    _floor(tmp_path, THIRD, 0.90, 0.60, 0.90)


FOURTH = ROOT / "tests" / "corpora" / "fourth-crises"


def test_quality_floor_on_a_fourth_set_of_crises_first_read_after_its_gold(tmp_path):
    """Six real reports on Mobutu 1997, Zelaya 2009, Bakiyev 2010, Amadou Toumani Touré 2012, Compaoré
    2014 and Jammeh 2017 with their analyst's alias table, annotated before graphx ran on them; its first
    run (score-2026-12-03-first-run.txt): trained P 0.65 R(req) 0.16 cite-ok 1.00; after the classes
    read from it (and from the fifth set), P 0.91 R(req) 0.65 cite-ok 0.97. The floor guards what was
    gained."""
    _floor(tmp_path, FOURTH, 0.85, 0.52, 0.90)


FIFTH = ROOT / "tests" / "corpora" / "fifth-crises"


def test_quality_floor_on_a_fifth_set_of_crises_first_read_after_its_gold(tmp_path):
    """Eight real reports on the Wagner mutiny 2023, Snowden 2013, Taylor 2003, Aristide 2004, Duvalier
    1986, Ghosn 2019 and Sharif 2007 with their analyst's alias table, annotated (by a helper that never
    ran or read graphx) and committed before graphx ran on them; its first run
    (score-2026-12-03-first-run.txt): trained P 0.50 R(req) 0.26 cite-ok 0.86; after the classes read
    from it, P 0.82 R(req) 0.59 cite-ok 0.97."""
    _floor(tmp_path, FIFTH, 0.74, 0.48, 0.90)



SIXTH = ROOT / "tests" / "corpora" / "sixth-crises"


def test_quality_floor_on_a_sixth_set_of_crises_first_read_after_its_gold(tmp_path):
    """Six real reports on Marcos 1986, Mengistu 1991, Ravalomanana 2009, Assange 2012, Bozizé 2013 and
    Puigdemont 2017 with their analyst's alias table, annotated and committed before graphx ran on them:
    its first run (score-2026-12-03-first-run.txt) is trained P 0.79 R(req) 0.43 cite-ok 1.00; after the
    classes read from it, P 0.89 R(req) 0.50 cite-ok 1.00."""
    _floor(tmp_path, SIXTH, 0.82, 0.45, 0.90)


HELDOUT2 = ROOT / "tests" / "corpora" / "assad-heldout-2"
SEVENTH = ROOT / "tests" / "corpora" / "seventh-crises"


def test_quality_floor_on_a_second_held_out_set_of_assad_reports(tmp_path):
    """Ten more real reports on the fall of Assad (one in Arabic), none in the dev set, the first held-out
    set or the seeds, scored with the shipped tables, annotated and committed before graphx ran on them:
    its first run (score-2026-12-03-first-run.txt) is trained P 0.59 R(req) 0.34 cite-ok 0.96; after the
    classes read from it and the seventh set, P 0.94 R(req) 0.55 cite-ok 0.97."""
    _floor(tmp_path, HELDOUT2, 0.86, 0.49, 0.90)


def test_quality_floor_on_a_seventh_set_of_crises_first_read_after_its_gold(tmp_path):
    """Eight real reports on the Shah 1979, Stroessner 1989, Noriega 1989, Chen Guangcheng 2012,
    Tsikhanouskaya 2020, Navalny 2020, Glas 2024 and Edmundo González 2024 with their analyst's 15-entry
    alias table, annotated and committed before graphx ran on them: its first run
    (score-2026-12-03-first-run.txt) is trained P 0.75 R(req) 0.27 cite-ok 0.94; after the classes read
    from it and the second Assad set, P 0.85 R(req) 0.32 cite-ok 0.89."""
    _floor(tmp_path, SEVENTH, 0.78, 0.28, 0.85)


HELDOUT3 = ROOT / "tests" / "corpora" / "assad-heldout-3"
EIGHTH = ROOT / "tests" / "corpora" / "eighth-crises"


def test_quality_floor_on_a_third_held_out_set_of_assad_reports(tmp_path):
    """Ten more real reports on the fall of Assad (three in Arabic), none in any other set, scored with the
    shipped tables, annotated and committed before graphx ran on them: its first run
    (score-2026-12-04-first-run.txt) is trained P 0.64 R(req) 0.40 cite-ok 0.84; after the classes read
    from it and the eighth set, P 0.87 R(req) 0.72 cite-ok 0.92."""
    _floor(tmp_path, HELDOUT3, 0.80, 0.62, 0.85)


def test_quality_floor_on_an_eighth_set_of_crises_first_read_after_its_gold(tmp_path):
    """Eight real reports on Yemen 2011, Zimbabwe 2017, South Sudan 2016, the Maldives 2013, Guinea 2009,
    Peru 2022, Lebanon 1990 and Ivory Coast 2011 with their analyst's 17-entry alias table, annotated and
    committed before graphx ran on them: its first run (score-2026-12-04-first-run.txt) is trained P 0.76
    R(req) 0.31 cite-ok 0.87; after the classes read from it and the third Assad set, P 0.81 R(req) 0.35
    cite-ok 0.88."""
    _floor(tmp_path, EIGHTH, 0.74, 0.30, 0.82)


HELDOUT4 = ROOT / "tests" / "corpora" / "assad-heldout-4"
NINTH = ROOT / "tests" / "corpora" / "ninth-crises"


def test_quality_floor_on_a_fourth_held_out_set_of_assad_reports(tmp_path):
    """Ten more real reports on the fall of Assad (three in Arabic), none in any other set, scored with the
    shipped tables, annotated and committed before graphx ran on them: its first run
    (score-2026-12-04-first-run.txt) is trained P 0.36 R(req) 0.31 cite-ok 0.90; after the classes read
    from it and the ninth set, P 0.63 R(req) 0.41 cite-ok 0.92."""
    _floor(tmp_path, HELDOUT4, 0.55, 0.35, 0.85)


def test_quality_floor_on_a_ninth_set_of_crises_first_read_after_its_gold(tmp_path):
    """Eight real reports on Lesotho 2014, Ecuador 2005, Colombia 2007, Honecker 1991, Hwang Jang Yop 1997,
    Kenya 2008, Guinea-Bissau 1999 and the eight Turkish officers in Greece 2016 (in Arabic) with their
    analyst's 16-entry alias table, annotated and committed before graphx ran on them: its first run
    (score-2026-12-04-first-run.txt) is trained P 0.71 R(req) 0.31 cite-ok 0.89; after the classes read
    from it and the fourth Assad set, P 0.78 R(req) 0.39 cite-ok 0.91."""
    _floor(tmp_path, NINTH, 0.70, 0.33, 0.84)


@pytest.mark.parametrize("name", ["other-crises", "assad-heldout", "third-crises", "fourth-crises", "fifth-crises",
                                  "sixth-crises", "assad-heldout-2", "seventh-crises", "assad-heldout-3",
                                  "eighth-crises", "assad-heldout-4", "ninth-crises"])
def test_every_real_set_passes_its_gold_self_check(name, capsys):
    """Every evaluation set's evidence is verbatim in its report, every id is in its actor table and every
    report's header is well formed (tests/corpora/check_set.py, which reads no graphx)."""
    sys.path.insert(0, str(ROOT / "tests" / "corpora"))
    try:
        from check_set import main
    finally:
        sys.path.pop(0)
    assert main(str(ROOT / "tests" / "corpora" / name)) == 0, capsys.readouterr().out[-2000:]
