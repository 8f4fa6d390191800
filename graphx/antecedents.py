"""Where an actor a citation calls "he" was named: the antecedent sentence, for the reader.

The extraction rules resolve a pronoun ("he", "his", "the latter") or an unstated subject to
an actor named earlier in the report. A reader who sees only "He called his media adviser"
cannot check that. After extraction, this stage finds, for each such citation, the last
earlier sentence of the same report that names the actor (any of its names in the alias
table, or a discovered person's name or surname) and records it on the evidence
(``antecedent``, ``antecedent_start``). It reads the text only; it changes no edge.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

# A sentence ends at . ! ? (or Arabic ؟ ۔) with closing quotes or brackets, then a space; or at a line break.
_END = re.compile(r"[.!?\u061f\u06d4][\"'”’»)\]]*(?=\s)|\n")


def _names_pattern(names) -> re.Pattern | None:
    names = sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def actor_names(actor) -> list[str]:
    """The names that identify ``actor`` in text: label, aliases, roles, demonyms ("the Iranian
    side"), people; a discovered person's surname.

    >>> from graphx.records import Actor
    >>> actor_names(Actor("x", "Saadi Ahmed Pira", "person", discovered=True))
    ['Saadi Ahmed Pira', 'Pira']
    """
    names = [actor.label, *actor.aliases, *actor.roles, *actor.demonyms, *actor.people]
    words = actor.label.split()
    if actor.discovered and actor.kind == "person" and len(words) > 1 and len(words[-1]) > 2:
        names.append(words[-1])
    return list(dict.fromkeys(names))


def _sentence_around(text: str, lo: int, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding offset ``pos`` (not before ``lo``)."""
    start = lo
    for m in _END.finditer(text, lo, pos):
        start = m.end()
    m = _END.search(text, pos)
    end = m.end() if m else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _sentence_at(text: str, lo: int, pos: int, ends: list) -> tuple[int, int]:
    """:func:`_sentence_around` with the report's sentence ends found beforehand (sorted)."""
    k = bisect_right(ends, pos) - 1
    start = ends[k] if k >= 0 and ends[k] >= lo else lo
    m = _END.search(text, pos)
    end = m.end() if m else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def add_antecedents(evidence, documents, actors, pronouns) -> list:
    """The evidence, each citation whose source or target is only a pronoun (or unstated) with
    the earlier sentence of its report that names that actor.

    ``documents``: the reports (``Document``); ``actors``: id -> ``Actor`` (alias table and
    discovered); ``pronouns``: the words that stand for an actor named elsewhere (lower case).

    Examples
    --------
    >>> from graphx.documents import make_document
    >>> from graphx.records import Actor, Evidence
    >>> doc = make_document("d.txt", "Assad reached Latakia. He called Putin.")
    >>> ev = Evidence("assad", "contacted", "putin", "d.txt", 23, 39, "He called Putin.", "called", 26, 32, "r",
    ...               source_text="He", source_start=23, source_end=25)
    >>> actors = {"assad": Actor("assad", "Bashar al-Assad", "person", aliases=("Assad",))}
    >>> [(e.antecedent, e.antecedent_start) for e in add_antecedents([ev], [doc], actors, {"he"})]
    [('Assad reached Latakia.', 0)]
    """
    docs = {d.id: d for d in documents}
    patterns: dict = {}
    # Each report is scanned once per actor (where its names occur) and once for its sentence
    # ends; a citation then finds the last earlier naming by bisection, so a long report with
    # many citations stays linear (scanning from the report's start for each was quadratic).
    named: dict = {}
    ends: dict = {}

    def pattern(aid):
        if aid not in patterns:
            a = actors.get(aid)
            patterns[aid] = _names_pattern(actor_names(a)) if a is not None else None
        return patterns[aid]

    def namings(doc, aid, pat):
        key = (doc.id, aid)
        if key not in named:
            found = [(m.end(), m.start()) for m in pat.finditer(doc.text, doc.body_start)]
            named[key] = ([e for e, _ in found], [s for _, s in found])
        return named[key]

    def sentence_ends(doc):
        if doc.id not in ends:
            ends[doc.id] = [m.end() for m in _END.finditer(doc.text, doc.body_start)]
        return ends[doc.id]

    def carried(start, text):
        return start < 0 or " ".join(text.lower().split()) in pronouns

    out = []
    for ev in evidence:
        if ev.antecedent or ev.doc not in docs or not (carried(ev.source_start, ev.source_text)
                                                        or carried(ev.target_start, ev.target_text)):
            out.append(ev)
            continue
        doc = docs[ev.doc]
        found = None
        for aid, start, text in ((ev.source, ev.source_start, ev.source_text),
                                 (ev.target, ev.target_start, ev.target_text)):
            pat = pattern(aid) if carried(start, text) else None
            if pat is None or pat.search(ev.text):  # named in the sentence itself: nothing to show
                continue
            stops, starts = namings(doc, aid, pat)
            k = bisect_right(stops, ev.start) - 1  # the last naming that ends before the citation
            if k >= 0:
                found = _sentence_at(doc.text, doc.body_start, starts[k], sentence_ends(doc))
                break
        if found:
            s, e = found
            out.append(replace(ev, antecedent=doc.text[s:e].strip(), antecedent_start=s))
        else:
            out.append(ev)
    return out
