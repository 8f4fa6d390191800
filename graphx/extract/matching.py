"""spaCy's token Matcher, run only where a match can start (same matches, less work).

The token Matcher builds a Python Token object for every token of the doc, twice,
on every call; for gapped cue phrases ("held * talks with") that was a fifth of
a build. Every such pattern begins with a fixed word, so a match lies within
``longest`` tokens of a token whose NORM is one of the first words: the matcher
runs on those windows only (overlapping windows are merged, so a match is found
exactly once) and its matches are shifted back to doc positions.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import NORM


class WindowMatcher:
    """Call like a ``Matcher``: ``(doc) -> [(key, start, end), ...]`` in the Matcher's order.

    Examples
    --------
    >>> import spacy
    >>> from spacy.matcher import Matcher
    >>> nlp = spacy.blank("en")
    >>> m = Matcher(nlp.vocab)
    >>> m.add("HELD", [[{"NORM": "held"}, {"OP": "?"}, {"NORM": "talks"}]])
    >>> doc = nlp("Long text here. They held direct talks. More text.")
    >>> WindowMatcher(m, [[{"NORM": "held"}, {"OP": "?"}, {"NORM": "talks"}]])(doc) == m(doc)
    True
    """

    def __init__(self, matcher, patterns):
        self.matcher = matcher
        firsts = [p[0].get("NORM") if p and "OP" not in p[0] else None for p in patterns]
        # a pattern that may start anywhere: match the whole doc, as spaCy does
        self.first = None if (not patterns or None in firsts) else np.array(
            sorted({matcher.vocab.strings.add(f) for f in firsts}), dtype=np.uint64)
        self.longest = max((len(p) for p in patterns), default=0)

    def __call__(self, doc):
        if len(self.matcher) == 0:
            return []
        if self.first is None:
            return list(self.matcher(doc))
        norms = doc.to_array(NORM)
        starts = np.flatnonzero(np.isin(norms, self.first))
        out = []
        n, i = len(doc), 0
        while i < len(starts):
            lo, hi = int(starts[i]), min(n, int(starts[i]) + self.longest)
            i += 1
            while i < len(starts) and starts[i] <= hi:  # overlapping or touching: one window
                hi = min(n, int(starts[i]) + self.longest)
                i += 1
            out.extend((key, s + lo, e + lo) for key, s, e in self.matcher(doc[lo:hi]))
        return out
