"""Adding a relation type is a data change (issue 15, item 5): a ``[relations.supported]`` table
and a ``[[cue]]`` group in the language file, given with ``--lexicon``, give typed, cited edges
through every stage and export, with no line of code."""

import json

from click.testing import CliRunner

from graphx.cli import main
from graphx.lexicon import default_language_path, default_lexicon_path

SUPPORTED = '''
[relations.supported]
description = "the source gave the target military, financial or political support"
color = "#2ca02c"
cameo = "070"
plover = "AID"
codes_note = "CAMEO 070 (provide aid) ~ PLOVER AID"
attempts_count = false
source_kinds = ["state", "organisation", "armed_group", "person"]
target_kinds = ["state", "organisation", "armed_group", "person"]
'''

CUE = '''
[[cue]]
relation = "supported"
rule = "support-verb"
phrases = ["backed", "supported", "armed", "funded", "propped up"]
'''


def test_a_new_relation_is_a_data_change(tmp_path):
    relations = tmp_path / "relations.toml"
    relations.write_text(default_lexicon_path().read_text(encoding="utf-8") + SUPPORTED, encoding="utf-8")
    english = tmp_path / "en.toml"
    english.write_text(default_language_path("en").read_text(encoding="utf-8") + CUE, encoding="utf-8")
    reports = tmp_path / "in"
    reports.mkdir()
    (reports / "r.txt").write_text("Iran backed Assad for a decade. Russia did not fund Hezbollah.\n"
                                   "Putin called Erdogan.\n", encoding="utf-8")
    out = tmp_path / "out"
    for model in ("blank", None):
        args = ["build", str(reports), "-o", str(out), "--lexicon", str(relations), "--lexicon", str(english), "-q"]
        r = CliRunner().invoke(main, args + (["--model", model] if model else []))
        assert r.exit_code == 0, r.output
        data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
        edges = {(e["source"], e["type"], e["target"]): e for e in data["edges"]}
        e = edges[("iran", "supported", "bashar_al_assad")]
        assert e["weight"] == 1 and e["citations"][0]["text"] == "Iran backed Assad for a decade."
        assert ("vladimir_putin", "contacted", "recep_tayyip_erdogan") in edges
        # a negated support is kept as evidence, not asserted
        assert ("russia", "supported", "hezbollah") not in edges or edges[("russia", "supported", "hezbollah")]["weight"] == 0
        assert 'supported' in (out / "graph.graphml").read_text(encoding="utf-8")
        assert "#2ca02c" in (out / "graph.html").read_text(encoding="utf-8")
