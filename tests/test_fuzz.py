"""Property-based tests: random and adversarial text through the whole extractor.

Whatever the text, extraction raises nothing and every citation quotes the
document exactly: ``text[start:end]`` is the cited sentence, and likewise for
the trigger and the words naming each actor (``text`` as graphx reads it: the
characters XML cannot hold replaced one for one, see ``documents.clean_text``).
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphx.extract.tokens.finder import MAX_SENTENCE_TOKENS

# Pieces that make the rules fire (names, cues, pronouns, Arabic) mixed with
# pieces that try to break them (markup, control characters, odd whitespace).
FRAGMENTS = [
    "Putin", "called", "Erdogan", "Assad", "fled to", "Moscow", "Qatar", "mediated between", "Turkey",
    "HTS", "refused", "met", "he", "his", "the latter", "did not", "reportedly", "said", "the Kremlin",
    "the Iraqi Prime Minister", "Hakan Fidan", "President", "Ahmed Al-Sharaa", "and", ",", ".", ";", "?",
    "“", "”", "'s", "(", ")", "-", "الأسد", "بشار الأسد", "فر إلى", "موسكو", "اتصل", "بوتين", "،", "؟",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "]]>", "<!--", "\x00", "\x0b",
    "\x1f", "\x7f", "\ufeff", "\u200f", "\u2028", "\ufffe", "\r\n", "\n\n", "\t", " " * 50, "\n" * 20,
    "Title: x", "Source: AP", "Date: 2024-12-08", "Source: Al Jazeera",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
texts = st.lists(pieces, max_size=60).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "", "\n", ". ", ", "]), min_size=len(parts),
                           max_size=len(parts)).map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))

# Sentence-shaped text, so that most examples do make evidence: actor, cue, actor,
# with noise (markup, control characters, odd spaces, random text) between the words.
ACTORS = ["Putin", "Erdogan", "Assad", "Qatar", "Turkey", "HTS", "Moscow", "the Kremlin", "he", "his aides",
          "Hakan Fidan", "President Ahmed Al-Sharaa", "the Iraqi Prime Minister", "بشار الأسد", "موسكو", "بوتين"]
CUES = ["called", "met", "phoned", "refused", "rejected", "fled to", "mediated between", "did not call",
        "reportedly met", "tried to call", "held talks with", "اتصل ب", "فر إلى", "denied meeting"]
NOISE = ["", " ", "  ", "\n", "\t", "\x0b", "\u200f", "<b>", "</script>", "&lt;", "“", "”", ",", "'s", " and "]
noise = st.one_of(st.sampled_from(NOISE), st.text(max_size=4))
sentence = st.tuples(st.sampled_from(ACTORS), noise, st.sampled_from(CUES), noise, st.sampled_from(ACTORS),
                     noise, st.sampled_from([".", "!", "?", "。", ".\n", "،", "."])).map(
    lambda t: "{} {}{} {}{}{}{}".format(*t))
stories = st.lists(st.tuples(sentence, noise).map("".join), min_size=1, max_size=12).map(" ".join)


def _check_offsets(text, evidence):
    from graphx.documents import clean_text

    text = clean_text(text)[0]  # the text as graphx reads it: same length, characters XML cannot hold replaced
    for e in evidence:
        assert text[e.start:e.end] == e.text
        assert e.start <= e.trigger_start <= e.trigger_end <= e.end
        assert text[e.trigger_start:e.trigger_end] == e.trigger
        for side in ("source", "target"):
            start, end = getattr(e, f"{side}_start"), getattr(e, f"{side}_end")
            if start >= 0:  # -1: an actor carried over from an earlier sentence
                assert text[start:end] == getattr(e, f"{side}_text")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_extracts_without_error_and_citations_slice_the_text(extract_edges, text):
    _check_offsets(text, extract_edges(text, all_evidence=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories)
def test_sentence_shaped_text_with_noise(extract_edges, text):
    _check_offsets(text, extract_edges(text, all_evidence=True))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_unicode(extract_edges, text):
    _check_offsets(text, extract_edges(text, all_evidence=True))


def test_known_sentences_still_give_their_edges_amid_noise(extract_edges):
    text = ("<b>\x00</b>\n\n" + "  \t" * 100 + "\nPutin called Erdogan on Monday.\x0b\n"
            "<script>x</script> Assad fled to Moscow.")
    evs = extract_edges(text, all_evidence=True)
    _check_offsets(text, evs)
    edges = {(e.source, e.relation, e.target) for e in evs if e.asserted}
    assert ("vladimir_putin", "contacted", "recep_tayyip_erdogan") in edges
    assert ("bashar_al_assad", "fled-to", "moscow") in edges


def test_an_endless_sentence_is_not_read_for_edges(extract_edges, monkeypatch):
    # The clause rules are quadratic in a sentence's length: a 30k-token sentence
    # (a scrape with no full stops) must never reach them, while the normal
    # sentences around it still do.
    import graphx.extract.tokens.finder as relations

    seen = []
    real = relations.SentenceContext

    def spy(rules, actors, view, *args, **kwargs):
        seen.append(len(view.sent))
        return real(rules, actors, view, *args, **kwargs)

    monkeypatch.setattr(relations, "SentenceContext", spy)
    endless = "Putin called Erdogan and Assad met Qatar, " * 3_000 + "."
    text = "Assad fled to Moscow.\n" + endless + "\nPutin called Erdogan."
    edges = extract_edges(text)
    assert seen and max(seen) <= MAX_SENTENCE_TOKENS
    assert edges == {("bashar_al_assad", "fled-to", "moscow"),
                     ("vladimir_putin", "contacted", "recep_tayyip_erdogan")}
