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

from graphx.nlp import resolve_model

from .conftest import ROOT, SEEDS, generated_corpus

DEV = ROOT.parent / "shared" / "corpora" / "dev" / "corpus"
OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "conflicts.json", "discovered.toml")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generated_corpus(tmp_path_factory.mktemp("generated"), 80, 17)


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
    none, _ = _results(monkeypatch, docs, parse_all=False, candidates=lambda self, doc, text=None, found=None: ([], 0))
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


@pytest.fixture(scope="module")
def pipeline(trained):
    from graphx.actors import load_aliases
    from graphx.extract import Pipeline, Settings
    from graphx.lexicon import load_lexicon

    p = Pipeline(Settings(load_aliases(), load_lexicon(), model=trained))
    assert p.parsing is not None, "the trained pipeline is not split into two passes"
    return p


def _run(pipeline, text, everything=False):
    """What one report gives (evidence, claims, counts, discovered actors) and how many sentences were parsed."""
    from graphx.documents import make_document

    parsing = pipeline.parsing
    parsing.everything, parsing.parsed, parsing.sentences = everything, 0, 0
    try:
        [r] = pipeline.run([make_document("a.txt", text)])
    finally:
        parsing.everything = False
    assert not r.error
    return (r.evidence, r.claims, r.counts, r.discovered), parsing.parsed


SPEECH = ("Sergei Lavrov, standing beside Dmitry Peskov, said that his government would not change course. "
          "Vladimir Putin called him on Monday.")
SUBJECT = ("Standing beside Recep Tayyip Erdogan in Ankara, Hakan Fidan was silent on Monday. "
           "He then called Abbas Araghchi.")
# (a report, how many of its sentences are parsed, whether parsing none of them changes the output)
CASES = [
    ("The talks ended without agreement.", 0, False),  # a cue, no party
    ("Thousands of people crossed the border.", 0, False),  # a journey, no group noun, no destination word
    ("Erdogan spoke by phone with the operations department.", 0, False),  # one person, one party
    ("Dozens of officials fled.", 1, True),  # a journey's group noun: the parse discovers a group
    ("Hezbollah withdrew its fighters to Hermel.", 1, True),  # the parse reads the destination
    # one party and a cue whose target may be the previous sentence's subject (the parse says "nobody")
    ("The United States offered Bashar al-Assad a deal to leave. Assad rejected the proposal.", 2, True),
    (SPEECH, 2, True),  # "his" after "said": the parse reads the speaker (the second sentence has two parties)
    (SUBJECT, 2, True),  # no cue, two parties, a pronoun next: the parse picks the subject "he" refers to
    # two parties and no cue, and nothing after it reads the pronoun history
    ("Standing beside Recep Tayyip Erdogan in Ankara, Hakan Fidan was silent on Monday.", 0, False),
]


@pytest.mark.parametrize("text, parsed, matters", CASES)
def test_a_sentence_is_parsed_where_its_parse_can_change_the_output(pipeline, text, parsed, matters):
    every, _ = _run(pipeline, text, everything=True)
    some, n = _run(pipeline, text)
    assert some == every
    assert n == parsed


@pytest.mark.parametrize("text, parsed, matters", [c for c in CASES if c[2]])
def test_each_reason_to_parse_a_sentence_changes_the_output(pipeline, monkeypatch, text, parsed, matters):
    # The cases above that are parsed for a reason: parsing none of their sentences changes what
    # they give, so the equality above is a real test of the candidate rules.
    from graphx.extract.parsing import Parsing

    every, _ = _run(pipeline, text, everything=True)
    monkeypatch.setattr(Parsing, "candidates", lambda self, doc, text=None, found=None: ([], 0))
    none, _ = _run(pipeline, text)
    assert none != every


def test_a_possessive_after_a_speech_word_is_parsed_even_without_a_cue(pipeline, monkeypatch):
    from graphx.extract.parsing import Parsing

    every, _ = _run(pipeline, SPEECH, everything=True)
    monkeypatch.setattr(Parsing, "_speech_possessive", lambda self, view, arrays: False)
    monkeypatch.setattr(Parsing, "_subject_may_differ", lambda self, view, arrays: False)
    without, n = _run(pipeline, SPEECH)
    assert n == 1 and without != every  # "him" is Peskov, not Lavrov, without the speech rule


def test_a_subject_a_later_pronoun_reads_is_parsed_even_without_a_cue(pipeline, monkeypatch):
    # The pronoun history keeps the parse's subject of each sentence ("Standing beside Erdogan ...,
    # FIDAN was silent"), the token rule the first name: "He then called" is Fidan only if parsed.
    from graphx.extract.parsing import Parsing

    every, _ = _run(pipeline, SUBJECT, everything=True)
    assert ("hakan_fidan", "contacted", "abbas_araghchi") in {(e.source, e.relation, e.target) for e in every[0]}
    monkeypatch.setattr(Parsing, "_subject_may_differ", lambda self, view, arrays: False)
    without, n = _run(pipeline, SUBJECT)
    assert n == 1 and without != every
