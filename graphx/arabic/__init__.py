"""Arabic reports: spaCy's Arabic tokenizer, the alias table's Arabic names and the
``[arabic]`` cue lexicon of ``data/relations.toml``.

A report may be Arabic, English, or both (an Arabic original followed by its
translation). :func:`arabic_segments` finds the Arabic paragraphs; each run is
tokenized by ``spacy.blank("ar")`` and read by :class:`ArabicExtractor`, which
yields the same :class:`~graphx.types.Evidence` records as the English rules
(``language = "ar"``), so an edge found in both halves cites both sentences.

The rules are general Arabic word-order rules, not a parser:

* words match on a normalised form (:func:`normalise`); a cue may carry a joined
  conjunction (و / ف), a joined ل (a purpose: intent) or a future س (intent);
* the source is the actor right before the cue in its clause, else the actor right
  after it (verb-first order, or the agent of a verbal noun: "زيارة الشرع"), else the
  nearest actor before it in the clause, else the previous clause's or sentence's subject;
* the target is the first actor after the cue that no locative preposition governs
  (fled-to: every place after a target preposition, so a flight's stops are all kept);
  a refusal with no named target points back at the other actor named before it;
* markers (negation, denial, hedge, intent, attempt, condition) come from the lexicon.
"""

from __future__ import annotations

from .extract import ArabicExtractor
from .text import ArabicNorms, arabic_segments, is_arabic, make_arabic_pipeline, normalise

__all__ = ["ArabicExtractor", "ArabicNorms", "arabic_segments", "is_arabic", "make_arabic_pipeline", "normalise"]
