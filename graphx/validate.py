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

from dataclasses import fields

from .records import EVIDENCE_FIELDS, FATE_FIELDS, KINDS, Evidence, FateClaim, evidence_from_dict, fate_from_dict

_TYPES = {"str": str, "int": int, "bool": bool}
# The type of each Evidence (FateClaim) field, in EVIDENCE_FIELDS (FATE_FIELDS) order; bool is not int here.
_EVIDENCE_TYPES = tuple(_TYPES[f.type] for f in fields(Evidence))
_FATE_TYPES = tuple(_TYPES[f.type] for f in fields(FateClaim))
assert tuple(f.name for f in fields(Evidence)) == EVIDENCE_FIELDS and tuple(f.name for f in fields(FateClaim)) == FATE_FIELDS
_MODALITY = re.compile(r"^[a-z]+$")  # fact, attempt, intent, conditional, visit, travel, ...
_STATUSES = ("killed", "survived")
_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
_values = operator.attrgetter(*EVIDENCE_FIELDS)  # every field in one C call
_fate_values = operator.attrgetter(*FATE_FIELDS)
_WORD = re.compile(r"\w+")
_DISCOVERED_ID = re.compile(r"^x_[a-z0-9_]+$")  # mentions.discovered_id
_GROUP_NOUN = re.compile(r"^[a-z]+(_[a-z]+)*$")  # groups.group_id: the owner's id, then the noun


class _Text:
    """A report's text, with the whitespace-collapsed form computed on first need."""

    def __init__(self, text: str):
        self.text = text
        self._flat = self._folded = None
        self._words = None

    def holds_name(self, name: str, fold: bool = False) -> bool:
        """Whether ``name`` appears in the text once runs of whitespace count as one space
        (a discovered actor's label is a name from the text with its line breaks collapsed) and
        typographic quotes as plain ones (a trained pipeline reads the report so: "Ba’ath Party" is
        found as "Ba'ath Party"); ``fold``: in any case ("government troops" for "Government troops")."""
        if name in self.text and not fold:
            return True
        from .nlp.pipeline import PLAIN_QUOTES  # (spaCy: imported where a name needs it)

        if self._flat is None:
            self._flat = " ".join(self.text.translate(PLAIN_QUOTES).split())
            self._folded = self._flat.lower()
        name = " ".join(name.translate(PLAIN_QUOTES).split())
        return name.lower() in self._folded if fold else name in self._flat

    def holds_word(self, word: str) -> bool:
        """Whether the lowercase ``word`` is one of the text's words."""
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.text.lower()))
        return word in self._words


def label_words(table) -> frozenset:
    """Every word of every label in the alias table (what an attribution may name besides the text)."""
    return frozenset(w for a in table.actors.values() for w in _WORD.findall(a.label))


def group_nouns(lexicon) -> frozenset:
    """Every word of the nouns a group actor's name may be made with in any language of ``lexicon``
    (its ``[groups]``: "soldiers" names the group of Arabic "الجنود", "embassy" the place of "the
    ambassador's residence"), besides its owner's names and the report's words."""
    from .extract.groups import KIN_GROUP, GroupWords

    out = {KIN_GROUP, "families"}
    for language in lexicon.languages.values():
        words = GroupWords(language)
        for noun in (*words.nouns.values(), *words.premises.values(), *words.close.values()):
            out.update(_WORD.findall(noun.lower()))
    return frozenset(out)


def result_problem(result, document, table, relations, known_words=None, nouns=frozenset()) -> str:
    """Why ``result`` cannot be what graphx extracted from ``document`` ("" when it can).

    Every citation must quote the report at its offsets (sentence, trigger and the words
    naming each actor), name known actors (the alias ``table``'s or those the result
    discovered, whose labels must be in the text) and a known relation, carry the
    report's own title, outlet and URL, and every value must have its type. ``nouns``: the words
    a group's name may take besides the report's and its owner's (:func:`group_nouns`).

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
        return _problem(result, document, table, relations, known_words, nouns)
    except Exception as exc:  # noqa: BLE001 - whatever is wrong with a forged row, it is not used
        return f"unreadable ({type(exc).__name__}: {exc})"


def _problem(result, document, table, relations, known_words, nouns) -> str:
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
    found = {a.id: a for a in result.discovered if type(a.id) is str}
    for a in result.discovered:
        if a.discovered is not True or a.kind not in KINDS or a.roles:
            return f"discovered actor {a.id!r}: bad kind or flag"
        if a.kind == "group" or (a.kind == "place" and a.member_of is not None):
            # "Assad's family": a group of a known or discovered actor; "the French embassy": a state's place
            problem = _group_problem(a, table, found, where, nouns)
            if problem:
                return f"discovered actor {a.id!r}: {problem}"
            discovered.add(a.id)
            continue
        if type(a.id) is not str or not _DISCOVERED_ID.match(a.id) or a.id in table.actors or a.member_of:
            return f"discovered actor {a.id!r}: not a discovered actor's id"
        names = (a.label,) + tuple(a.aliases)
        if not all(type(n) is str and n.strip() and where.holds_name(n) for n in names):
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
    dates = ("", meta.get("date", ""))  # (a citation with no date of its own has the report's, as written)
    size = len(text)
    names_ok: dict = {}  # attribution word -> whether the report or a label has it
    for e in result.evidence:
        problem = _citation_problem(e, text, size, document.id, known, discovered, relations, meta_fields,
                                    languages, dates)
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
    for c in result.claims:
        problem = _claim_problem(c, text, size, document.id, known, discovered, meta_fields, languages, dates)
        if problem:
            start, end = c.__dict__.get("start"), c.__dict__.get("end")
            at = f"{document.id} {start}-{end}" if type(start) is int and type(end) is int else document.id
            return f"{at}: a fate claim's {problem}"
    return ""


def _claim_problem(c, text, size, doc_id, known, discovered, meta_fields, languages, dates) -> str:
    if not isinstance(c, FateClaim):
        return "record is not a fate claim"
    if tuple(map(type, _fate_values(c))) != _FATE_TYPES:
        return next(f"{f} has the wrong type" for f, v, t in zip(FATE_FIELDS, _fate_values(c), _FATE_TYPES)
                    if type(v) is not t)
    if c.doc != doc_id:
        return "report is another one"
    if not 0 <= c.start <= c.trigger_start <= c.trigger_end <= c.end <= size:
        return "offsets lie outside the report or the sentence"
    if text[c.start:c.end] != c.text or text[c.trigger_start:c.trigger_end] != c.trigger:
        return "quote is not the text at its offsets"
    a, b = c.source_start, c.source_end
    if not ((a == b == -1 and not c.source_text) or (c.start <= a <= b <= c.end and text[a:b] == c.source_text)):
        return "words naming the person are not the text at their offsets"
    if c.person not in known and c.person not in discovered:
        return f"person {c.person!r} is unknown"
    if c.status not in _STATUSES or not (_DATE.match(c.date) or c.date in dates) or c.language not in languages:
        return "status, date or language is not one graphx writes"
    if (c.title, c.outlet, c.url) != meta_fields:
        return "title, outlet or URL are not the report's"
    return ""


def _group_problem(a, table, found, where, nouns=frozenset()) -> str:
    """Why ``a`` is not a group actor graphx could have made (graphx.extract.groups), or ""."""
    from .extract.groups import KIN_GROUP, group_id

    if a.member_of is None:
        # a group no table names that the parse-based finder found moving ("Dozens of officials
        # fled", graphx.extract.deps.DepArguments._anonymous; its label in lower case), or that the
        # Arabic reader found ("عائلة صدام"): named by the report's own words, its id made from its label
        from .extract.mentions import discovered_id

        names = (a.label,) + tuple(a.aliases)
        if type(a.label) is not str or type(a.id) is not str or \
                a.id not in ("group_" + discovered_id(a.label)[2:], discovered_id(a.label)):
            return "a group of no actor of the report"
        if not all(type(n) is str and n.strip() and where.holds_name(n, fold=True) for n in names):
            return "a name that is not in the report"
        return ""
    owner = table.actors.get(a.member_of) if type(a.member_of) is str else None
    owner = owner or found.get(a.member_of)
    if owner is None or (owner.kind == "group" and a.id != group_id(owner.id, KIN_GROUP)):
        return "a group of no actor of the report"  # (a group's only group is its families: "their relatives")
    if type(a.id) is not str or not a.id.startswith(owner.id + "_") or not _GROUP_NOUN.match(a.id[len(owner.id) + 1:]):
        return "not a group's id"
    names = (a.label,) + tuple(a.aliases)
    if not all(type(n) is str and n.strip() for n in names):
        return "a name that is not text"
    # a group's names are made of the report's words and its owner's ("Syrian soldiers", "Assad's family")
    # (or the nouns groups are known by: "Syrian soldiers" of an Arabic "الجنود السوريين")
    allowed = {w for n in (owner.label, *owner.demonyms) for w in _WORD.findall(n.lower())} | {"family", "s"} | nouns
    # (an Arabic word as the report writes it with a clitic joined: "مسؤولين" in "لمسؤولين")
    if not all(w in allowed or where.holds_word(w) or (not w.isascii() and w in where.text)
               for n in names for w in _WORD.findall(n.lower())):
        return "a name made of words neither in the report nor in its owner's names"
    return ""


def _citation_problem(e, text, size, doc_id, known, discovered, relations, meta_fields, languages, dates) -> str:
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
    # -1: an actor carried over from an earlier sentence (a pronoun's antecedent): no words here; or
    # the words that named it there (the Arabic reader's travellers: "وصولهم" after "أفراد من عائلة شاليش")
    if not ((a == b == -1 and not e.source_text) or (0 <= a <= b <= e.end and text[a:b] == e.source_text)):
        return "the words naming the source are not the text at their offsets"
    a, b = e.target_start, e.target_end
    if not ((a == b == -1 and not e.target_text) or (0 <= a <= b <= e.end and text[a:b] == e.target_text)):
        return "the words naming the target are not the text at their offsets"
    if e.source not in known and e.source not in discovered:
        return f"unknown actor {e.source!r}"
    if e.target not in known and e.target not in discovered:
        return f"unknown actor {e.target!r}"
    if e.relation not in relations:
        return f"unknown relation {e.relation!r}"
    if not _MODALITY.match(e.modality) or not (_DATE.match(e.date) or e.date in dates) or e.language not in languages:
        return "bad modality, date or language"
    if (e.title, e.outlet, e.url) != meta_fields:
        return "title, outlet or URL are not the report's"
    return ""




# ------------------------------------------------------------------------------ saved graphs
# Largest number graphx writes or reads back: what JSON readers (JavaScript) hold exactly.
MAX_NUMBER = 2**53
MAX_DEPTH = 32  # nesting of an attribute's value (graphx's own go four deep)
_NODE_TYPES = {"label": (str,), "kind": (str,), "aliases": (list,), "mentions": (int,), "discovered": (bool,)}
_EDGE_TYPES = {"type": (str,), "citations": (list,), "weight": (int, float), "evidence": (int,), "documents": (int,),
               "outlets": (int,), "sources": (int,), "negated": (int,), "asserted": (bool,), "hedged": (bool,),
               "stated": (bool,), "languages": (str, list), "cameo": (str,), "plover": (str,), "codes_note": (str,)}


def graph_problem(G) -> str:
    """What makes a loaded graph unusable by graphx's commands and exporters ("" when nothing).

    Node and edge attributes graphx writes must have their types (a label is text, a weight
    a finite number, a citation an :class:`~graphx.records.Evidence` of the right field types),
    build metadata its shape, numbers must stay within 2**53 and values shallow enough to
    write back.

    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
    >>> G = build_graph([Actor("a", "A", "person")], [])
    >>> graph_problem(G)
    ''
    >>> G.nodes["a"]["label"] = ["A"]
    >>> graph_problem(G)
    "actor 'a': label is a list, not text"
    """
    try:
        return _graph_problem(G)
    except Exception as exc:  # noqa: BLE001 - whatever a hand-made file holds, it is refused
        return f"{type(exc).__name__}: {exc}"


def _graph_problem(G) -> str:
    if not isinstance(G.graph, dict):
        return "'graph' is not an object"
    problem = _metadata_problem(G.graph)
    if problem:
        return problem
    for n, d in G.nodes(data=True):
        if type(n) is not str:
            return f"actor id {n!r} is not text"
        problem = _attrs_problem(d, _NODE_TYPES)
        if problem:
            return f"actor {n!r}: {problem}"
        if not all(type(a) is str for a in d.get("aliases", ())):
            return f"actor {n!r}: an alias is not text"
    for s, t, k, d in G.edges(keys=True, data=True):
        where = f"edge {s} -{k}-> {t}"
        if type(k) is not str:
            return f"{where}: the relation is not text"
        problem = _attrs_problem(d, _EDGE_TYPES)
        if problem:
            return f"{where}: {problem}"
        if not all(type(x) is str for x in (d["languages"] if type(d.get("languages")) is list else ())):
            return f"{where}: a language is not text"
        for c in d.get("citations", ()):
            problem = _evidence_problem(c)
            if problem:
                return f"{where}: a citation's {problem}"
    return ""


def _attrs_problem(d: dict, types: dict) -> str:
    for name, value in d.items():
        want = types.get(name)
        if want is None:
            problem = _value_problem(value)
            if problem:
                return f"{name}: {problem}"
            continue
        if type(value) not in want:
            return f"{name} is {_a(value)}, not {'text' if want == (str,) else ' or '.join(t.__name__ for t in want)}"
        if type(value) in (int, float):
            problem = _number_problem(value)
            if problem:
                return f"{name} {problem}"
    return ""


def _evidence_problem(c) -> str:
    if not isinstance(c, Evidence):
        return "is not a citation"
    return _record_problem(_values(c), EVIDENCE_FIELDS, _EVIDENCE_TYPES)


def _record_problem(values, names, types) -> str:
    if tuple(map(type, values)) != types:
        return next(f"{f} is {_a(v)}" for f, v, t in zip(names, values, types) if type(v) is not t)
    for f, v in zip(names, values):
        if type(v) is int and abs(v) > MAX_NUMBER:
            return f"{f} is out of range"
    return ""


def _metadata_problem(meta: dict) -> str:
    shapes = {"documents": _list_of(dict), "skipped": _list_of(dict), "discovered": _list_of(str),
              "alias_files": _list_of(str), "lexicon_files": _list_of(str), "model": str,
              "aliases": str, "lexicon": str, "generator": str, "relations": dict, "geography": dict,
              "conflicts": dict, "claims": _list_of(dict), "rejected": _list_of(dict), "corrections": _list_of(dict),
              "corrections_file": str, "discovered_clashes": _list_of(str)}
    for key, value in meta.items():
        want = shapes.get(key)
        if want is None or isinstance(want, type):
            if want is not None and type(value) is not want:
                return f"graph {key} is {_a(value)}"
            problem = _value_problem(value)
            if problem:
                return f"graph {key}: {problem}"
        elif not want(value):
            return f"graph {key} is not a list of {want.__doc__}"
    if any(not (type(k) is str and type(v) is str) for k, v in meta.get("geography", {}).items()):
        return "graph geography: not a table of actor ids"
    rules = meta.get("conflicts")
    if rules is not None:
        from .conflicts import RULES

        if set(rules) != {"rules", "asylum"} or not _list_of(str)(rules["asylum"]) or \
                not _list_of(dict)(rules["rules"]) or not all(
                    r.get("rule") in RULES and _list_of(str)(r.get("relations")) and _list_of(str)(r.get("cue_rules"))
                    for r in rules["rules"]):
            return "graph conflicts: not the conflict rules graphx writes"
    for name, rel in meta.get("relations", {}).items():
        if type(rel) is not dict or not all(type(v) is str for v in rel.values()):
            return f"graph relations: {name!r} is not a table of text"
    for row in meta.get("documents", ()):
        if type(row.get("id")) is not str or not all(type(v) is str for v in row.values()):
            return "graph documents: an entry without a text id, or with values that are not text"
    for row in meta.get("claims", ()):
        claim = fate_from_dict(row)
        problem = _record_problem(_fate_values(claim), FATE_FIELDS, _FATE_TYPES)
        if problem or claim.status not in _STATUSES:
            return f"graph claims: a claim's {problem or 'status is not one graphx writes'}"
    for row in meta.get("rejected", ()):
        problem = _evidence_problem(evidence_from_dict(row))
        if problem:
            return f"graph rejected: a citation's {problem}"
    return ""


def _list_of(kind):
    def check(value):
        return type(value) is list and all(type(v) is kind for v in value)

    check.__doc__ = {str: "text", dict: "objects"}[kind]
    return check


def _value_problem(value, depth: int = 0) -> str:
    """A value of an attribute graphx does not know: JSON-like, finite, shallow."""
    if depth > MAX_DEPTH:
        return "nested too deeply"
    kind = type(value)
    if kind in (str, bool) or value is None:
        return ""
    if kind in (int, float):
        return _number_problem(value)
    if kind in (list, tuple):
        return next((p for p in (_value_problem(v, depth + 1) for v in value) if p), "")
    if kind is dict:
        if not all(type(k) is str for k in value):
            return "a key that is not text"
        return next((p for p in (_value_problem(v, depth + 1) for v in value.values()) if p), "")
    return f"{_a(value)} is not a value graphx writes"


def _number_problem(value) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return "is not a finite number"
    if abs(value) > MAX_NUMBER:
        return "is out of range"
    return ""


def _a(value) -> str:
    return {str: "text", bool: "a boolean", int: "a whole number", float: "a number", list: "a list", dict: "an object",
            type(None): "null"}.get(type(value), type(value).__name__)


__all__ = ["result_problem", "label_words", "group_nouns", "graph_problem", "MAX_NUMBER"]
