"""Claims about a person's fate ("was killed", "survived"), for the ``status`` conflicts.

They are not edges: :func:`status_claims` yields :class:`~graphx.records.FateClaim`
records. The build keeps them in ``G.graph["claims"]``; only :mod:`graphx.conflicts`
reads them. Cue words are data: ``[status]`` in each language file (``data/lang/``).

The rule, for English and Arabic alike: the person is the nearest one named
before the cue in its sentence (with no other person between), or right after it
(Arabic verb-first order: "قتل ماهر الأسد"); a negation just before the cue
("was not killed") or a denial in the sentence marks the claim negated.
"""

from __future__ import annotations

from functools import lru_cache

from ..records import Mention
from .evidence import Words, fate_claim

STATUSES = ("killed", "survived")


@lru_cache(maxsize=64)
def _phrases(words: tuple, norm):
    return sorted({tuple(norm(w) for w in p.split()) for p in words}, key=len, reverse=True)


@lru_cache(maxsize=16)
def _rules(words: tuple, negation: tuple, denial: tuple, norm):
    """The cue tables of one lexicon (built once, not per sentence): negation words, denial
    phrases, the longest phrase's length, and cue phrases by first word (longest first)."""
    cues = {s: _phrases(w, norm) for s, w in zip(STATUSES, words)}
    den = _phrases(denial, norm)
    reach = max((len(ph) for ph in den + [ph for st in STATUSES for ph in cues[st]]), default=1)
    by_first: dict = {}
    for st in STATUSES:
        for ph in cues[st]:
            by_first.setdefault(ph[0], []).append((st, ph))
    return frozenset(norm(w) for w in negation), den, reach, by_first


def status_claims(document, tokens, parties, words: dict, *, norm=str.lower, negation=(), denial=(),
                  sentences=(), off=0, language="en", texts=None):
    """Yield the fate claims of one spaCy doc of ``document``.

    ``tokens``: the doc; ``parties``: (actor_id, start, end, text, start_char, end_char) of
    persons, by token; ``words``: {"killed": [...], "survived": [...]}; ``sentences``: the
    doc's sentences as (start, end) token spans; ``off``: the doc's offset in ``document.text``;
    ``texts``: the doc's token texts when the caller has read them (``clauses.TokenArrays``).
    """
    if not sentences:
        return
    neg, den, reach, by_first = _rules(tuple(tuple(words.get(s, ())) for s in STATUSES), tuple(negation),
                                       tuple(denial), norm)
    # Normalised words of these sentences only (and as far past them as a phrase reaches):
    # ``tokens`` is the whole doc and this runs once per sentence, so normalising all of it
    # each time would make a report's cost quadratic in its length.
    lo, hi = min(s for s, _ in sentences), min(len(tokens), max(e for _, e in sentences) + reach)
    if texts is None:
        texts = {k: tokens[k].text for k in range(lo, hi)}
    norms = [None] * lo + [norm(texts[k]) for k in range(lo, hi)]
    for s0, s1 in sentences:
        inside = [p for p in parties if s0 <= p[1] < s1]
        if not inside:
            continue
        i = s0
        while i < s1:
            phrases = by_first.get(norms[i])
            if not phrases:  # (most words start no cue)
                i += 1
                continue
            hit = next(((st, len(ph)) for st, ph in phrases if tuple(norms[i:i + len(ph)]) == ph), None)
            if hit is None:
                i += 1
                continue
            status, n = hit
            # "Assad's son died": a possessor is not the one the cue speaks of
            before = [p for p in inside if p[2] <= i and i - p[2] <= 6 and norms[p[2]] not in ("'s", "’s")]
            after = [p for p in inside if p[1] == i + n]
            who = before[-1] if before and not [q for q in inside if before[-1][2] <= q[1] < i] else (
                after[0] if after else None)
            if who is not None:
                negated = any(norms[k] in neg for k in range(max(s0, i - 3), i)) or any(
                    tuple(norms[k:k + len(ph)]) == ph for k in range(s0, s1) for ph in den)
                sent = tokens[s0:s1]
                start = off + sent.start_char
                trig = tokens[i:i + n]
                meta = document.meta
                flags = dict(doc=document.id, start=start, end=start + len(sent.text),
                             text=document.text[start:start + len(sent.text)], negated=negated, asserted=not negated,
                             date=meta.get("date", ""), title=meta.get("title", ""), outlet=meta.get("source", ""),
                             url=meta.get("url", ""), language=language)
                yield fate_claim(who[0], status, Mention(who[0], who[3], who[4], who[5], who[1], who[2]),
                                 Words(trig.text, trig.start_char, trig.end_char), off, flags)
            i += n


__all__ = ["status_claims", "STATUSES"]
