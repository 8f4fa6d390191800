"""The cue matcher (graphx/extract/cues.py): one matcher for every language's [[cue]] groups."""

import pytest

from graphx.extract.cues import CueMatcher, Prefix
from graphx.lexicon import Cue

from .conftest import ROOT, SEEDS

CALL = Cue("contacted", "call", ("called", "held * talks with", "met", "met with"))
NOT = ("called for",)


def _run(matcher, text):
    words = text.split()
    return [(t.cue.rule, " ".join(words[t.start:t.end]), t.prefix) for t in matcher(words, [w in ",." for w in words])]


@pytest.mark.parametrize("text, expected", [
    ("Putin called Erdogan", [("call", "called", "")]),
    ("Putin met with Erdogan", [("call", "met with", "")]),  # the longest cue wins
    ("they held talks with Iran", [("call", "held talks with", "")]),
    ("they held direct , talks with Iran", []),  # a gap never spans punctuation
    ("they held long and direct talks with Iran", [("call", "held long and direct talks with", "")]),
    ("they held very long and direct talks with Iran", []),  # at most three words
    ("Putin called for talks", []),  # not_cues: no cue starts inside "called for"
])
def test_english_phrases(text, expected):
    assert _run(CueMatcher([CALL], str.split, NOT), text) == expected


def test_proclitics_are_tried_in_order_and_recorded():
    leave = Cue("fled-to", "leave", ("غادر", "مغادرة"))
    prefixes = (Prefix("و"), Prefix("ل", "purpose"), Prefix("س", "future", "يتن"))
    m = CueMatcher([leave], str.split, (), prefixes)
    assert _run(m, "وغادر الأسد") == [("leave", "وغادر", "")]
    assert _run(m, "لمغادرة البلاد") == [("leave", "لمغادرة", "purpose")]
    assert _run(m, "سغادر") == []  # a future س only before a present prefix


def test_matches_what_spacys_matchers_find_on_real_text():
    """The matcher against an independent reading with spaCy's PhraseMatcher and Matcher
    (NORM; a "*" as three optional non-punctuation tokens), longest match first."""
    import spacy
    from spacy.matcher import Matcher, PhraseMatcher

    from graphx.lexicon import load_lexicon

    lex = load_lexicon()
    nlp = spacy.blank("en")
    phrases, gapped = PhraseMatcher(nlp.vocab, attr="NORM"), Matcher(nlp.vocab)
    for n, cue in enumerate(lex.cues):
        plain = [nlp.make_doc(p) for p in cue.phrases if "*" not in p.split()]
        pats = [[tok for part in p.split() for tok in (
            [{"OP": "?", "IS_PUNCT": False}] * 3 if part == "*" else [{"NORM": t.norm_} for t in nlp.make_doc(part)])]
            for p in cue.phrases if "*" in p.split()]
        if plain:
            phrases.add(str(n), plain)
        if pats:
            gapped.add(str(n), pats)
    matcher = CueMatcher(lex.cues, lambda p: [t.norm_ for t in nlp.make_doc(p)])
    nlp.add_pipe("sentencizer")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold" / "dev").glob("*.txt"))]
    found = 0
    for doc in nlp.pipe(texts):
        norms, punct = [t.norm_ for t in doc], [t.is_punct for t in doc]
        every = {(int(nlp.vocab.strings[k]), s, e) for k, s, e in list(phrases(doc)) + list(gapped(doc))}
        for sent in doc.sents:
            spans = sorted({h for h in every if sent.start <= h[1] and h[2] <= sent.end},
                           key=lambda h: (-(h[2] - h[1]), h[1]))
            taken, want = set(), []
            for k, s, e in spans:
                if not taken.intersection(range(s, e)):
                    taken.update(range(s, e))
                    want.append((s, e))
            got = [(t.start, t.end) for t in matcher(norms, punct, sent.start, sent.end)]
            assert got == sorted(want, key=lambda h: (h[0], -h[1])), sent.text
            found += len(got)
    assert found >= 100
