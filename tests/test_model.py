"""The --model path with a pipeline saved to a folder: a tiny NER trained here.

(spaCy's real trained English pipeline is tested in test_pipeline.py.)"""

import random

import pytest
import spacy
from spacy.training import Example

import graphx

TRAIN = [
    ("Putin called Zorblat Kaminsky on Monday.", [(13, 29, "PERSON")]),
    ("Zorblat Kaminsky met Erdogan in Ankara.", [(0, 16, "PERSON")]),
    ("Officials said Velma Orrin flew to Doha.", [(15, 26, "PERSON")]),
    ("Velma Orrin called Zorblat Kaminsky twice.", [(0, 11, "PERSON"), (19, 35, "PERSON")]),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    random.seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    nlp.initialize(get_examples=lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return path


def test_trained_ner_finds_actors_the_table_lacks(tiny_model, tmp_path):
    (tmp_path / "r.txt").write_text("Putin called Zorblat Kaminsky on Monday.", encoding="utf-8")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, model=str(tiny_model), report=report)
    assert report.model == str(tiny_model)
    assert [a.label for a in report.discovered] == ["Zorblat Kaminsky"]
    assert G.nodes["x_zorblat_kaminsky"]["discovered"] is True
    assert G.has_edge("vladimir_putin", "x_zorblat_kaminsky", key="contacted")


def test_alias_ruler_runs_before_ner_so_table_ids_win(tiny_model):
    from graphx.actors import load_aliases
    from graphx.lexicon import load_lexicon
    from graphx.nlp import make_pipeline

    nlp = make_pipeline(load_aliases(), load_lexicon(), model=str(tiny_model))
    names = nlp.pipe_names
    assert names.index("graphx_aliases") < names.index("ner")
    assert "sentencizer" in names  # the tiny model has no parser
    doc = nlp("Putin called Zorblat Kaminsky.")
    assert [(e.text, e.ent_id_) for e in doc.ents][0] == ("Putin", "vladimir_putin")


def test_offline_rules_do_not_invent_the_name(tmp_path):
    (tmp_path / "r.txt").write_text("Putin called Zorblat Kaminsky on Monday.", encoding="utf-8")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, report=report, model="blank")
    assert report.discovered == [] and G.number_of_edges() == 0
    assert report.model == "blank:en" and report.notes == ["offline rules: no tagger, lemmas, parser or NER"]
