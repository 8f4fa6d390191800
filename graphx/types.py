"""Record types that flow through graphx: one home, all frozen dataclasses.

documents -> :class:`Document`; spaCy docs -> :class:`Mention`;
rules -> :class:`Evidence`. The graph stores Evidence on its edges under
``citations``; exporters turn them into plain dicts with :func:`evidence_to_dict`.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields

KINDS = ("person", "state", "organisation", "armed_group", "place", "outlet")


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


@dataclass(frozen=True)
class Mention:
    """An actor named in a document: ``text == document.text[start:end]``."""

    actor: str
    start: int
    end: int
    text: str


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

    def sort_key(self):
        return (self.doc, self.start, self.trigger_start, self.relation, self.source, self.target)


EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
_evidence_values = operator.attrgetter(*EVIDENCE_FIELDS)  # all fields in one C call


def evidence_to_dict(ev: Evidence) -> dict:
    """Plain-dict form used by every exporter (stable key order).

    Every field is a str, int or bool, so no deep copy is needed (``asdict``
    deep-copies and dominated the export of large graphs).
    """
    return dict(zip(EVIDENCE_FIELDS, _evidence_values(ev)))


def evidence_from_dict(d: dict) -> Evidence:
    """Inverse of :func:`evidence_to_dict`; unknown keys are ignored."""
    return Evidence(**{k: d[k] for k in EVIDENCE_FIELDS if k in d})


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
