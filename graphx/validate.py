"""Checks for data graphx reads back instead of computing: cached results and saved graphs.

Anyone who can write the output folder can edit the extraction cache (its
checksum is only a guard against damage, not against a person) or graph.json.
What these functions accept is what graphx itself could have written:
:func:`result_problem` holds a cached :class:`~graphx.extract.DocResult`
against the text of the report it claims to come from, so an edited row can
never put an invented quote, actor or outlet in a graph.
"""

from __future__ import annotations

import operator
import re

from .types import EVIDENCE_FIELDS, KINDS

# The type of each Evidence field, in EVIDENCE_FIELDS order (bool is not int here).
_EVIDENCE_TYPES = tuple(
    bool if f in ("negated", "hedged", "asserted") else
    int if f in ("start", "end", "trigger_start", "trigger_end", "source_start", "source_end",
                 "target_start", "target_end") else str
    for f in EVIDENCE_FIELDS)
_MODALITY = re.compile(r"^[a-z]+$")  # fact, attempt, intent, conditional, visit, travel, ...
# Fate claims travel as evidence records of these relations (graphx.status).
STATUS_RELATIONS = ("status:killed", "status:survived")
_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
_values = operator.attrgetter(*EVIDENCE_FIELDS)  # every field in one C call
_WORD = re.compile(r"\w+")
_DISCOVERED_ID = re.compile(r"^x_[a-z0-9_]+$")  # mentions.discovered_id


class _Text:
    """A report's text, with the whitespace-collapsed form computed on first need."""

    def __init__(self, text: str):
        self.text = text
        self._flat = None

    def holds_name(self, name: str) -> bool:
        """Whether ``name`` appears in the text once runs of whitespace count as one space
        (a discovered actor's label is a name from the text with its line breaks collapsed)."""
        if name in self.text:
            return True
        if self._flat is None:
            self._flat = " ".join(self.text.split())
        return " ".join(name.split()) in self._flat


def label_words(table) -> frozenset:
    """Every word of every label in the alias table (what an attribution may name besides the text)."""
    return frozenset(w for a in table.actors.values() for w in _WORD.findall(a.label))


def result_problem(result, document, table, relations, known_words=None) -> str:
    """Why ``result`` cannot be what graphx extracted from ``document`` ("" when it can).

    Every citation must quote the report at its offsets (sentence, trigger and the words
    naming each actor), name known actors (the alias ``table``'s or those the result
    discovered, whose labels must be in the text) and a known relation, carry the
    report's own title, outlet and URL, and every value must have its type.

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> from graphx.lexicon import load_lexicon
    >>> from graphx.documents import make_document
    >>> from graphx.extract import Settings, extract_batch
    >>> from dataclasses import replace
    >>> s = Settings(load_aliases(), load_lexicon())
    >>> doc = make_document("a.txt", "Putin called Erdogan.")
    >>> [r] = extract_batch(s, [doc])
    >>> result_problem(r, doc, s.table, s.lexicon.relations)
    ''
    >>> forged = replace(r, evidence=(replace(r.evidence[0], text="Putin invaded Turkey."),))
    >>> result_problem(forged, doc, s.table, s.lexicon.relations)
    'a.txt 0-21: the quoted sentence is not the text at its offsets'
    """
    try:
        return _problem(result, document, table, relations, known_words)
    except Exception as exc:  # noqa: BLE001 - whatever is wrong with a forged row, it is not used
        return f"unreadable ({type(exc).__name__}: {exc})"


def _problem(result, document, table, relations, known_words) -> str:
    text = document.text
    if type(result.doc) is not str or result.doc != document.id:
        return "a result for another report"
    for name in ("tokens", "long_sentences"):
        value = getattr(result, name)
        if type(value) is not int or value < 0:
            return f"{name} is not a count"
    if type(result.error) is not str or result.error:
        return "a failed extraction"
    where = _Text(text)
    discovered = set()
    for a in result.discovered:
        if type(a.id) is not str or not _DISCOVERED_ID.match(a.id) or a.id in table.actors:
            return f"discovered actor {a.id!r}: not a discovered actor's id"
        if a.discovered is not True or a.kind not in KINDS:
            return f"discovered actor {a.id!r}: bad kind or flag"
        names = (a.label,) + tuple(a.aliases)
        if not all(type(n) is str and n.strip() and where.holds_name(n) for n in names) or a.roles:
            return f"discovered actor {a.id!r}: a name that is not in the report"
        discovered.add(a.id)
    known = table.actors
    for pair in result.counts:
        aid, n = pair
        if type(aid) is not str or (aid not in known and aid not in discovered):
            return f"mention count of an unknown actor {aid!r}"
        if type(n) is not int or n < 0:
            return f"mention count of {aid!r} is not a count"
    meta = document.meta
    meta_fields = (meta.get("title", ""), meta.get("source", ""), meta.get("url", ""))
    languages = ("en", "ar", meta.get("language", ""))  # the script's, else the header's
    size = len(text)
    names_ok: dict = {}  # attribution word -> whether the report or a label has it
    for e in result.evidence:
        problem = _citation_problem(e, text, size, document.id, known, discovered, relations, meta_fields,
                                    languages)
        if not problem and e.attributed_to:
            for w in _WORD.findall(e.attributed_to):
                ok = names_ok.get(w)
                if ok is None:
                    if known_words is None:
                        known_words = label_words(table)
                    ok = names_ok[w] = w == "via" or w in known_words or w in text or any(
                        w in a.label for a in result.discovered)
                if not ok:
                    problem = "an attribution that names no one in the report or the alias table"
                    break
        if problem:
            start, end = e.__dict__.get("start"), e.__dict__.get("end")
            at = f"{document.id} {start}-{end}" if type(start) is int and type(end) is int else document.id
            return f"{at}: {problem}"
    return ""


def _citation_problem(e, text, size, doc_id, known, discovered, relations, meta_fields, languages) -> str:
    if tuple(map(type, _values(e))) != _EVIDENCE_TYPES:
        return next(f"{f} has the wrong type" for f, v, t in zip(EVIDENCE_FIELDS, _values(e), _EVIDENCE_TYPES)
                    if type(v) is not t)
    if e.doc != doc_id:
        return "a citation of another report"
    if not 0 <= e.start <= e.trigger_start <= e.trigger_end <= e.end <= size:
        return "offsets outside the report or the sentence"
    if text[e.start:e.end] != e.text:
        return "the quoted sentence is not the text at its offsets"
    if text[e.trigger_start:e.trigger_end] != e.trigger:
        return "the trigger is not the text at its offsets"
    a, b = e.source_start, e.source_end
    # -1: an actor carried over from an earlier sentence (a pronoun's antecedent): no words here
    # (words naming an actor lie in the sentence)
    if not ((a == b == -1 and not e.source_text) or (e.start <= a <= b <= e.end and text[a:b] == e.source_text)):
        return "the words naming the source are not the text at their offsets"
    a, b = e.target_start, e.target_end
    if not ((a == b == -1 and not e.target_text) or (e.start <= a <= b <= e.end and text[a:b] == e.target_text)):
        return "the words naming the target are not the text at their offsets"
    if e.source not in known and e.source not in discovered:
        return f"unknown actor {e.source!r}"
    if e.target not in known and e.target not in discovered:
        return f"unknown actor {e.target!r}"
    if e.relation not in relations and e.relation not in STATUS_RELATIONS:
        return f"unknown relation {e.relation!r}"
    if not _MODALITY.match(e.modality) or not _DATE.match(e.date) or e.language not in languages:
        return "bad modality, date or language"
    if (e.title, e.outlet, e.url) != meta_fields:
        return "title, outlet or URL are not the report's"
    return ""


__all__ = ["result_problem", "label_words", "STATUS_RELATIONS"]
