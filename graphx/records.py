"""Record types that flow through graphx: one home, all frozen dataclasses.

documents -> :class:`Document`; spaCy docs -> :class:`Mention`;
rules -> :class:`Evidence` and :class:`FateClaim`; one document's yield -> :class:`DocResult`. The graph stores Evidence on its edges under
``citations``; exporters turn them into plain dicts with :func:`evidence_to_dict`.
"""

from __future__ import annotations

import json
import operator
from dataclasses import asdict, dataclass, field, fields

KINDS = ("person", "state", "organisation", "armed_group", "place", "outlet", "group")


@dataclass(frozen=True)
class Document:
    """One report: its stable id, full decoded text and header metadata.

    ``body_start`` is the offset where the text after the header block begins;
    every offset graphx reports is into ``text`` (the whole decoded file, with lone CR
    line endings read as LF and ``replaced`` characters XML cannot hold replaced, one for one).
    """

    id: str
    path: str
    text: str
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    body_start: int = 0
    replaced: int = field(default=0, compare=False)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True)
class Actor:
    """An entry of the alias table (or an actor discovered in the text)."""

    id: str
    label: str
    kind: str
    aliases: tuple = ()
    roles: tuple = ()
    capital: str | None = None
    demonyms: tuple = ()
    people: tuple = ()
    located_in: str | None = None
    discovered: bool = False
    line: int | None = field(default=None, compare=False)
    member_of: str | None = None  # a group's state, organisation or person ("Syrian soldiers": syria)
    # ids of actors a report must name for this actor's names other than its label to stand for it
    # ("the rebels", "al-Bashir" are the Syrian ones only in a report that names Syria)
    context: tuple = ()


@dataclass(frozen=True)
class Mention:
    """An actor named at one place of a spaCy doc (a name, or a pronoun standing for one).

    ``start``/``end`` are token indices in the doc and ``start_char``/``end_char``
    offsets into its text (``text`` is the words there); ``start == -1`` marks an actor
    carried over from an earlier sentence, with no words here. ``possessor``: "Russia's
    ...", "his ...". A pronoun not yet resolved has no ``actor`` and says in ``slot``
    what it may stand for ("subject", "object", "possessive", "group", "counterpart").
    """

    actor: str
    text: str
    start_char: int
    end_char: int
    start: int
    end: int
    possessor: bool = False
    pronoun: bool = False
    slot: str = ""
    group: str = ""  # a pronoun's group noun ("his FAMILY", "its FIGHTERS"): the mention is that group


@dataclass(frozen=True)
class Evidence:
    """One sentence stating (or denying) one typed edge: a citation.

    ``text == document.text[start:end]`` is the whole sentence; ``trigger`` is
    the cue that fired and ``trigger_start``/``trigger_end`` its offsets, as are
    ``source_start``.. for the words naming each actor. ``asserted`` is False
    when the sentence negates the event or only speaks of an intent or a
    hypothesis: such evidence is kept (contradictions are shown, not hidden)
    but does not make a plain edge.
    """

    source: str
    relation: str
    target: str
    doc: str
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    source_text: str = ""
    source_start: int = -1
    source_end: int = -1
    target_text: str = ""
    target_start: int = -1
    target_end: int = -1
    negated: bool = False
    hedged: bool = False
    modality: str = "fact"  # fact | attempt | intent | conditional
    asserted: bool = True
    attributed_to: str = ""
    date: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    language: str = ""
    # Added after extraction (issue 18). Reviewed corrections (graphx.corrections): what was done
    # ("confirmed", "retyped from fled-to", ...), by whom, on which day, why; several are joined by "; ".
    correction: str = ""
    corrected_by: str = ""
    corrected_on: str = ""
    corrected_why: str = ""
    # When an actor of this sentence is named only by a pronoun ("he", "the latter") or not at
    # all, the earlier sentence of the same document that names it (graphx.antecedents).
    antecedent: str = ""
    antecedent_start: int = -1
    # A stop of a journey told in legs: its place in the order the report tells the traveller's
    # stops (1, 2, ...); 0 where the report gives the traveller one stop or none (graphx.journeys).
    leg: int = 0

    def sort_key(self):
        return (self.doc, self.start, self.trigger_start, self.relation, self.source, self.target)


EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
_evidence_values = operator.attrgetter(*EVIDENCE_FIELDS)  # all fields in one C call
# Fields most citations leave at their default: exporters write them only when set, so that
# graph.json and the page do not grow by a line per citation for nothing.
OPTIONAL_FIELDS = {"correction": "", "corrected_by": "", "corrected_on": "", "corrected_why": "",
                   "antecedent": "", "antecedent_start": -1, "leg": 0}


class Rows:
    """Plain-dict rows made one at a time as they are read (again on each pass), for an export
    that streams them (:func:`graphx.export.json.iter_indented`); ``items`` keeps what they are
    made from."""

    def __init__(self, make, items):
        self.make, self.items = make, list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return (self.make(item) for item in self.items)


def evidence_to_dict(ev: Evidence) -> dict:
    """Plain-dict form used by every exporter (stable key order; the optional fields only when set).

    Every field is a str, int or bool, so no deep copy is needed (``asdict``
    deep-copies and dominated the export of large graphs).

    >>> d = evidence_to_dict(Evidence("a", "contacted", "b", "d", 0, 9, "A called B", "called", 2, 8, "r"))
    >>> list(d)[-2:], "correction" in d
    (['url', 'language'], False)
    """
    d = dict(zip(EVIDENCE_FIELDS, _evidence_values(ev)))
    for k, default in OPTIONAL_FIELDS.items():
        if d[k] == default:
            del d[k]
    return d


def evidence_from_dict(d: dict) -> Evidence:
    """Inverse of :func:`evidence_to_dict`; unknown keys are ignored."""
    return Evidence(**{k: d[k] for k in EVIDENCE_FIELDS if k in d})


@dataclass(frozen=True)
class FateClaim:
    """One sentence's claim on a person's fate ("was killed", "survived"): not an edge.

    The build keeps them in ``G.graph["claims"]``; the ``status`` conflicts read them
    (one report has someone killed, another alive). ``negated``: "was not killed",
    "reports that X was killed are false".
    """

    person: str
    status: str  # "killed" | "survived"
    doc: str
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    source_text: str = ""
    source_start: int = -1
    source_end: int = -1
    negated: bool = False
    asserted: bool = True
    date: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    language: str = ""

    def sort_key(self):
        return (self.doc, self.start, self.trigger_start, self.status, self.person)


FATE_FIELDS = tuple(f.name for f in fields(FateClaim))


def fate_to_dict(claim: FateClaim) -> dict:
    return {f: getattr(claim, f) for f in FATE_FIELDS}


def fate_from_dict(d: dict) -> FateClaim:
    return FateClaim(**{k: d[k] for k in FATE_FIELDS if k in d})


@dataclass(frozen=True)
class DocResult:
    """What one document yields: its evidence, fate claims, actor mention counts and discovered actors."""

    doc: str
    evidence: tuple = ()
    claims: tuple = ()  # FateClaim records
    counts: tuple = ()  # ((actor id, mentions), ...) sorted by id
    discovered: tuple = ()  # Actor records first named in this document
    tokens: int = 0
    long_sentences: int = 0  # sentences too long to read for edges (relations.MAX_SENTENCE_TOKENS)
    error: str = ""  # the extraction failed (a bug): the build skips the document and says why

    def to_json(self) -> bytes:
        return json.dumps({
            "doc": self.doc, "tokens": self.tokens, "counts": [list(c) for c in self.counts],
            "long_sentences": self.long_sentences,
            # rows of values in EVIDENCE_FIELDS order: a third of the size of dicts, and faster to read back
            "fields": len(EVIDENCE_FIELDS), "evidence": [[getattr(e, f) for f in EVIDENCE_FIELDS] for e in self.evidence],
            "discovered": [asdict(a) for a in self.discovered],
            "claims": [[getattr(c, f) for f in FATE_FIELDS] for c in self.claims],
        }, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "DocResult":
        d = json.loads(data)
        actors = tuple(Actor(**{k: tuple(v) if isinstance(v, list) else v for k, v in a.items()})
                       for a in d["discovered"])
        if d["fields"] != len(EVIDENCE_FIELDS):
            raise ValueError("evidence rows do not match this graphx's Evidence fields")
        return cls(doc=d["doc"], tokens=int(d["tokens"]), counts=tuple((a, int(n)) for a, n in d["counts"]),
                   evidence=tuple(map(_evidence_from_row, d["evidence"])), discovered=actors,
                   claims=tuple(FateClaim(*row) for row in d.get("claims", ())),
                   long_sentences=int(d.get("long_sentences", 0)))


def _evidence_from_row(row, _fields=EVIDENCE_FIELDS, _new=object.__new__, _set=object.__setattr__):
    """``Evidence(*row)`` for a row this module wrote, three times faster than the frozen
    dataclass's ``__init__`` (a warm rebuild reads every cached record: 77,000 for 5,000 reports)."""
    if len(row) != len(_fields):
        raise ValueError("evidence rows do not match this graphx's Evidence fields")
    e = _new(Evidence)
    _set(e, "__dict__", dict(zip(_fields, row)))
    return e


@dataclass(frozen=True)
class Hop:
    """One step of a path: an edge walked forward (source -> target) or backward."""

    source: str
    target: str
    relation: str
    direction: str  # "forward": from the path's previous actor; "backward": against the arrow
    weight: int
    citations: tuple = ()
    sources: int = 0  # independent sources (distinct outlets, else documents) among the citations


@dataclass(frozen=True)
class Path:
    """A chain of hops between two actors, as returned by :func:`graphx.paths`."""

    actors: tuple
    hops: tuple

    def __len__(self):
        return len(self.hops)

    @property
    def weakest(self) -> int:
        """The smallest number of asserted citations of any hop (how well the chain holds)."""
        return min((h.weight for h in self.hops), default=0)

    @property
    def weakest_sources(self) -> int:
        """The fewest independent sources of any hop."""
        return min((h.sources for h in self.hops), default=0)
