"""The README cannot drift (issue 18, item 8): its shell session runs as a doctest on the seeds,
and its counts and tables are compared with what the code and data give today."""

import doctest
import re
import tomllib

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FLAT = " ".join(README.split())


def _block(after: str, lang: str) -> str:
    return README.split(after, 1)[1].split(f"```{lang}\n", 1)[1].split("```", 1)[0]


def test_the_shell_session_is_what_the_shell_prints(seeds_graph):
    from graphx.shell import banner, namespace

    G, _ = seeds_graph
    lines = _block("## Python shell", "python").splitlines()
    assert lines[0] == "$ graphx shell"
    assert lines[1] == banner(G, "output/graph.json").splitlines()[0]
    test = doctest.DocTestParser().get_doctest("\n".join(lines[2:]) + "\n", namespace(G, "output/graph.json"),
                                               "README.md: Python shell", str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    assert len(test.examples) >= 8
    out = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)


def _table_size(name):
    """The actors one shipped alias file defines."""
    from graphx.actors import shipped_alias_paths

    data = tomllib.loads(next(p for p in shipped_alias_paths() if p.name == name).read_text(encoding="utf-8"))
    return len(data["actors"])


@pytest.mark.parametrize("claim, actual", [
    ("`graphx/data/actors.toml` — {} actors", lambda: _table_size("actors.toml")),
    ("`graphx/data/world.toml` — {} actors", lambda: _table_size("world.toml")),
    ("(`tests/gold/seeds.toml`, {} edges)", lambda: len(tomllib.loads((ROOT / "tests/gold/seeds.toml").read_text())["edge"])),
    ("(`tests/gold/dev/`, {} gold edges,", lambda: len(tomllib.loads((ROOT / "tests/gold/dev.toml").read_text())["edge"])),
    ("A challenge set** of {} fresh sentences",
     lambda: len(tomllib.loads((ROOT / "tests/challenge/cases.toml").read_text(encoding="utf-8"))["case"])),
])
def test_counts_in_the_readme_are_the_real_ones(claim, actual):
    pattern = re.escape(claim).replace(r"\{\}", r"([\d,]+)")
    found = re.findall(pattern, FLAT)
    assert found, f"the README no longer says {claim!r}"
    assert {int(n.replace(",", "")) for n in found} == {actual()}


def test_the_corroboration_table_is_what_the_seeds_give(seeds_graph):
    from graphx.corroboration import attested

    G, _ = seeds_graph
    table = README.split("The ten best-attested seed edges", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "—" in line]
    expected = []
    for r in attested(G, limit=10):
        stated = "yes" if r["stated"] else "no (hedged)"
        expected.append(f"| {r['source_label']} —{r['relation']}→ {r['target_label']} | {r['sources']} | "
                        f"{r['documents']} | {r['outlets']} | {r['weight']} | {r['evidence']} | {stated} | "
                        f"{', '.join(r['languages'].split(',')) if r['languages'] else ''} |")
    assert rows == expected


def test_the_corrections_example_loads_and_applies_to_the_seeds(tmp_path, seeds_graph):
    from graphx.corrections import correct, load_corrections
    from graphx.lexicon import load_lexicon

    f = tmp_path / "corrections.toml"
    f.write_text(_block("## Corrections", "toml"), encoding="utf-8")
    fixes = load_corrections(f, load_lexicon().relations)
    assert [c.kind for c in fixes.entries] == ["reject", "alias"]
    G, _ = seeds_graph
    assert G.has_edge("al_sham_front", "free_syrian_army", "contacted")  # the wrong edge the README names
    H, outcomes = correct(G, fixes)
    assert not H.has_edge("al_sham_front", "free_syrian_army", "contacted")
    assert outcomes[0].citations == 1
