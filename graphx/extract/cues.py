"""Cues -> triggers: where a sentence uses a cue phrase of the lexicon, in any language.

:class:`CueMatcher` is compiled once per language from its ``[[cue]]`` groups
and ``[markers] not_cues``; called with a sentence's word forms it returns the
:class:`Trigger` records, knowing nothing of the rules that read them. Phrases
match word by word on the language's comparison form (English: spaCy's NORM;
Arabic: the normalised form of :func:`graphx.nlp.arabic.normalise`); a ``*`` in a
phrase stands for up to three words that are not punctuation (a hyphen inside a word, as in
"an eight-point plan", neither ends the gap nor counts in it). A word may carry
one of the language's proclitics (Arabic: a joined و, or a ل of purpose), which
the trigger records (``prefix``). Where cues overlap the longest wins (a shorter
cue of another relation at the same start is kept on it as ``covered``, the reading to fall back
on where the longer one finds no parties), and no cue starts inside a ``not_cues`` phrase ("called FOR", "press conference").
"""

from __future__ import annotations

from typing import NamedTuple

GAP = 3  # words a "*" may stand for


class Trigger(NamedTuple):
    """A cue phrase used at tokens [start, end) of a doc."""

    cue: object  # lexicon.Cue
    start: int
    end: int
    prefix: str = ""  # the proclitic's meaning ("purpose", "future") when one was joined to the first word
    covered: tuple = ()  # shorter triggers of other relations at the same start that this one won over


class Prefix(NamedTuple):
    """A proclitic: the letters joined to a word, what they mean ("" for a plain conjunction,
    "purpose", "future"), and letters the rest must start with (none: any)."""

    letters: str
    meaning: str = ""
    before: str = ""


class CueMatcher:
    """The cue groups of one language, compiled for matching.

    ``split``: how a phrase is cut into word forms (English: the pipeline's tokenizer
    norms; Arabic: normalised words).

    Examples
    --------
    >>> from graphx.lexicon import Cue
    >>> cue = Cue("contacted", "r", ("held * talks with", "met"))
    >>> m = CueMatcher([cue], str.split)
    >>> [(t.start, t.end) for t in m("they held direct talks with Iran and met".split(), [False] * 8)]
    [(1, 5), (7, 8)]
    """

    def __init__(self, cues, split, not_cues=(), prefixes=()):
        self.cues = list(cues)
        self.by_first: dict[str, list] = {}
        for cue in self.cues:
            for phrase in cue.phrases:
                words = self._words(phrase, split)
                self.by_first.setdefault(words[0], []).append((words, cue))
        self.not_cues: dict[str, list] = {}
        for phrase in not_cues:
            words = self._words(phrase, split)
            self.not_cues.setdefault(words[0], []).append((words, None))
        self.prefixes = tuple(prefixes)

    @staticmethod
    def _words(phrase, split) -> tuple:
        out = []
        for part in phrase.split():
            out.extend(["*"] if part == "*" else split(part))
        return tuple(out)

    def _ends(self, words, forms, punct, i, hi):
        """Every end of ``words`` matched from token i (a gap may be 0-3 non-punctuation words)."""
        ends = {i}
        for w in words:
            nxt = set()
            for j in ends:
                if w == "*":
                    k, n = j, 0
                    nxt.add(k)
                    while k < hi and n < GAP and punct[k] != 1:
                        n += punct[k] != 2  # (a hyphen inside a word is no word of the gap)
                        k += 1
                        nxt.add(k)
                elif j < hi and forms[j] == w:
                    nxt.add(j + 1)
            ends = {j for j in nxt if j <= hi}
            if not ends:
                return ()
        return ends

    def _candidates(self, table, forms, punct, lo, hi, with_prefixes):
        for i in range(lo, hi):
            word = forms[i]
            variants = [(word, "")]
            if with_prefixes:
                variants += [(word[len(p.letters):], p.meaning) for p in self.prefixes
                             if word.startswith(p.letters) and len(word) > len(p.letters)
                             and (not p.before or word[len(p.letters)] in p.before)]
            for form, prefix in variants:
                group = table.get(form)
                if not group:
                    continue
                found = False
                for words, cue in group:
                    for end in self._ends(words[1:], forms, punct, i + 1, hi):
                        found = True
                        yield Trigger(cue, i, end, prefix)
                if found:
                    break  # the first form that starts a cue is the reading of the word

    def __call__(self, forms, punct, lo=0, hi=None, keep=None) -> list[Trigger]:
        """The triggers among ``forms[lo:hi]`` (a sentence's word forms; ``punct``: which are
        punctuation), sorted by start, the longest first at a start; ``keep``: a test each
        candidate must pass before the longest is chosen (a shorter cue then wins)."""
        hi = len(forms) if hi is None else hi
        masked = set()
        if self.not_cues:
            for t in self._candidates(self.not_cues, forms, punct, lo, hi, False):
                masked.update(range(t.start, t.end))
        spans = [t for t in self._candidates(self.by_first, forms, punct, lo, hi, True) if t.start not in masked
                 and (keep is None or keep(t))]
        # Longest cue wins where cues overlap ("met with" over "met").
        spans.sort(key=lambda t: (-(t.end - t.start), t.start))
        taken, out, at = set(), [], {}
        for t in spans:
            if not taken.intersection(range(t.start, t.end)):
                taken.update(range(t.start, t.end))
                at[t.start] = len(out)
                out.append(t)
            elif t.start in at and t.cue.relation != out[at[t.start]].cue.relation:
                # "travelled to" (a visit: contacted) over "travelled" (a journey): kept as the
                # reading to fall back on where the longer one finds no parties ("travelled to Dubai")
                w = out[at[t.start]]
                out[at[t.start]] = w._replace(covered=w.covered + (t._replace(covered=()),))
        return sorted(out, key=lambda t: (t.start, -t.end))


__all__ = ["CueMatcher", "Trigger", "Prefix"]
