"""Frames -> evidence records: the only place an :class:`~graphx.records.Evidence` or a
:class:`~graphx.records.FateClaim` is made.

A finder reads who did what to whom in a sentence (the source and target
mentions, the trigger's words, the rule); the marker and attribution stages say
what the sentence asserts of it and who claims it; :func:`citation` gives the
sentence's place in the document and its publisher. :func:`make` puts them
together, with every offset moved from the spaCy doc into ``document.text``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..records import Document, Evidence, FateClaim, Mention

_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


class Words(NamedTuple):
    """Some tokens of a sentence as evidence cites them (a trigger): text and character offsets
    in the spaCy doc, as ``doc[lo:hi]`` would give without making a Span."""

    text: str
    start_char: int
    end_char: int


def citation(document: Document, view, off: int) -> dict:
    """The fields every evidence record of one sentence shares: where it is and who published it.

    ``view``: the sentence (``start_char``/``end_char`` in its doc, a ``citation`` slot that
    keeps the answer); ``off``: the doc's offset in ``document.text``.
    """
    if view.citation is not None:
        return view.citation  # (the same for every record of the sentence; callers copy it)
    start = off + view.start_char
    text = document.text[start:off + view.end_char]
    meta = document.meta
    arabic = len(_ARABIC_CHAR.findall(text))
    # the script decides between Arabic and the rest; the English rules read the rest as English
    # (no Arabic letter: no need to count the letters)
    language = "ar" if arabic and arabic * 2 > sum(c.isalpha() for c in text) else (
        meta.get("language", "") if not meta.get("language", "").startswith("ar") else "en") or "en"
    view.citation = {"doc": document.id, "start": start, "end": start + len(text), "text": text,
                     "date": meta.get("date", ""), "title": meta.get("title", ""), "outlet": meta.get("source", ""),
                     "url": meta.get("url", ""), "language": language}
    return view.citation


def _at(offset, char):
    # -1 marks an actor carried over from an earlier sentence (no words here).
    return offset + char if char >= 0 else -1


def make(source_id: str, relation: str, target_id: str, source: Mention, target: Mention | None, trigger: Words,
         rule: str, off: int, flags: dict) -> Evidence:
    """One evidence record. ``flags``: the sentence's :func:`citation` fields plus what the
    markers read (negated, hedged, modality, asserted) and who claims it (attributed_to)."""
    if target is None:
        return Evidence(
            source=source_id, relation=relation, target=target_id,
            trigger=trigger.text, trigger_start=off + trigger.start_char, trigger_end=off + trigger.end_char,
            rule=rule, source_text=source.text, source_start=_at(off, source.start_char),
            source_end=_at(off, source.end_char), **flags)
    return Evidence(
        source=source_id, relation=relation, target=target_id,
        trigger=trigger.text, trigger_start=off + trigger.start_char, trigger_end=off + trigger.end_char,
        rule=rule, source_text=source.text, source_start=_at(off, source.start_char),
        source_end=_at(off, source.end_char), target_text=target.text, target_start=_at(off, target.start_char),
        target_end=_at(off, target.end_char), **flags)


def fate_claim(person: str, status: str, source: Mention, trigger: Words, off: int, flags: dict) -> FateClaim:
    """A claim on a person's fate ("was killed", "survived"): not an edge."""
    return FateClaim(person=person, status=status, trigger=trigger.text, trigger_start=off + trigger.start_char,
                     trigger_end=off + trigger.end_char, source_text=source.text,
                     source_start=_at(off, source.start_char), source_end=_at(off, source.end_char), **flags)


__all__ = ["Words", "citation", "make", "fate_claim"]
