"""Sentence views: one sentence of a spaCy doc as every finder sees it, with no rule in it.

:func:`views` cuts a doc into :class:`SentenceView` records: the sentence's
words without the spaces around it (token and character offsets), whether it
is a heading or a question (neither is read for edges), whether it is too long
to read, and the mentions that start in it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, NORM

_END_PUNCT = (".", "!", "…")
_QUESTION = ("?", "\u061f")  # ؟ Arabic question mark
_CLOSERS = "\"'”’»)] \n\t"

# A sentence longer than this is not read for edges: the clause rules look back and
# forth within a sentence (quadratic in its length), and real news sentences stay
# under ~100 tokens (the longest in seeds and dev has 88). Longer "sentences" are scraped
# tables, lists or text without full stops; skipping them keeps a build linear.
MAX_SENTENCE_TOKENS = 200
# A line that does not end like a sentence is a heading unless it has more words than a heading has: a
# paragraph the page left without its final stop ("والتقى الوفد العماني مع ... أحمد الشرع") is prose.
HEADING_WORDS = 14

_HYPHENS = ("-", "‐", "‑")


def lower_words(doc) -> list[str]:
    """Each token's lower-case text, as ``[t.lower_ for t in doc]`` gives it, from one ``to_array``
    call (no spaCy ``Token`` per word: making them was most of the time of the rules that read it).

    >>> import spacy
    >>> lower_words(spacy.blank("en")("Putin CALLED Erdogan."))
    ['putin', 'called', 'erdogan', '.']
    """
    return strings_of(doc.vocab, doc.to_array(LOWER).tolist()) if len(doc) else []


def strings_of(vocab, hashes: list) -> list[str]:
    """The strings of a list of string-store hashes (a doc's ``to_array`` column), each distinct
    one looked up once: a report repeats its words."""
    strings = vocab.strings
    names = {h: strings[h] for h in set(hashes)}
    return [names[h] for h in hashes]


class TokenArrays:
    """A doc's per-token text, offset and flags as plain lists, read once per document.

    Rules index these instead of ``doc[i]``: every ``doc[i]`` makes a new spaCy
    ``Token``, and the clause rules looked at each token about ten times.
    """

    __slots__ = ("text", "norms", "texts", "idx", "is_space", "is_punct", "gaps")

    def __init__(self, doc, text: str | None = None):
        # One ``to_array`` call reads every token's attributes without making a Token each;
        # a token's text is the doc's text at its offset and length.
        hashes, idx, lengths, space, punct = [], [], [], [], []
        if len(doc):
            hashes, idx, lengths, space, punct = (c.tolist() for c in doc.to_array(
                [NORM, IDX, LENGTH, IS_SPACE, IS_PUNCT]).T)
        norms = strings_of(doc.vocab, hashes)
        space = [x == 1 for x in space]
        punct = [x == 1 for x in punct]
        # ``text``: the doc's text when the caller has it (spaCy joins every token's text each
        # time ``doc.text`` is read)
        if text is not None and idx and text[idx[-1]:idx[-1] + lengths[-1]] != doc[-1].text:
            text = None  # not this doc's text after all
        self.text = text = doc.text if text is None else text
        self.texts = texts = [text[at:at + n] for at, n in zip(idx, lengths)]
        for i, norm in enumerate(norms):
            # "Morales' arrival", "the Gaddafis’ plane": a bare apostrophe right after a word ending
            # in s, before a word, is its possessive ("'s" to every rule); not a closing quote ("'Morales' was")
            if norm == "'" and 0 < i < len(norms) - 1 and texts[i - 1][-1:] in ("s", "S") and \
                    idx[i] == idx[i - 1] + lengths[i - 1] and idx[i + 1] > idx[i] + lengths[i] and \
                    texts[i + 1][:1].isalpha() and not any(norms[j] == "'" for j in range(max(0, i - 8), i)):
                norms[i] = "'s"
        self.norms, self.idx, self.is_space, self.is_punct = norms, idx, space, punct
        # what a cue's gap ("*") may cross: punctuation ends it (1), a hyphen inside a word ("an EIGHT-POINT
        # plan") neither ends it nor counts as one of its words (2), other tokens are words (0)
        self.gaps = [2 if p and texts[i] in _HYPHENS and 0 < i < len(texts) - 1 and
                     idx[i] == idx[i - 1] + lengths[i - 1] and idx[i + 1] == idx[i] + lengths[i] else int(p)
                     for i, p in enumerate(punct)]


class SentenceView:
    """One sentence: ``sent`` (the spaCy span), ``start``/``end`` (its first and past-last
    non-space tokens), ``start_char``/``end_char`` in the doc, ``is_heading`` (it does not end
    like a sentence, or asks a question), ``too_long``, ``mentions`` that start in it, and
    ``citation`` (filled once by :func:`graphx.extract.evidence.citation`)."""

    __slots__ = ("doc", "sent", "start", "end", "start_char", "end_char", "is_heading", "too_long", "mentions",
                 "citation", "text")

    def __init__(self, doc, sent, arrays, mentions=()):
        self.doc, self.sent, self.mentions = doc, sent, list(mentions)
        texts, idx, space = arrays.texts, arrays.idx, arrays.is_space
        self.too_long = len(sent) > MAX_SENTENCE_TOKENS
        first = next((i for i in range(sent.start, sent.end) if not space[i]), None)
        if first is None:  # only whitespace
            self.start, self.end, self.start_char, self.end_char = sent.start, sent.end, sent.start_char, sent.end_char
        else:
            self.start = first
            self.end = next(i for i in range(sent.end - 1, first - 1, -1) if not space[i]) + 1
            self.start_char = idx[self.start]
            self.end_char = idx[self.end - 1] + len(texts[self.end - 1])
        # (the sentence's text is the doc's between its first and last token: no Token per token)
        self.text = arrays.text[self.start_char:self.end_char]
        last = arrays.text[idx[sent.start]:idx[sent.end - 1] + len(texts[sent.end - 1])].rstrip(_CLOSERS)
        self.is_heading = last.endswith(_QUESTION) or not last.endswith(_END_PUNCT) and sum(
            1 for i in range(self.start, self.end) if not arrays.is_punct[i]) <= HEADING_WORDS
        self.citation = None

    @property
    def empty(self) -> bool:
        return self.start == self.end or not self.text.strip()


def views(doc, arrays, mentions=()):
    """Yield a :class:`SentenceView` per sentence of ``doc`` with the mentions starting in it."""
    by_start: dict = {}
    for m in mentions:
        by_start.setdefault(m.start, m)
    starts = sorted(by_start)
    for sent in doc.sents:
        # (the mentions starting in the sentence, found by bisection rather than per token)
        inside = [by_start[i] for i in starts[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]]
        yield SentenceView(doc, sent, arrays, inside)


__all__ = ["SentenceView", "TokenArrays", "views", "MAX_SENTENCE_TOKENS"]
