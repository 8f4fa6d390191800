"""spaCy docs -> actor mentions, and the discovered actors the table lacks."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .actors import AliasTable
from .nlp import NER_KINDS
from .types import Actor


@dataclass(frozen=True)
class TokenMention:
    """A mention located by tokens in a spaCy doc (start/end are token indices)."""

    actor: str
    start: int
    end: int
    span: Span = field(compare=False, hash=False, repr=False)

    @property
    def text(self) -> str:
        return self.span.text


def discovered_id(name: str) -> str:
    """Stable id for a name the table lacks: ``x_`` + ascii slug (+ hash if none).

    >>> discovered_id("Kifah Melhem")
    'x_kifah_melhem'
    """
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")
    if not slug:
        slug = "n" + hashlib.sha1(name.encode()).hexdigest()[:10]
    return "x_" + slug


def _acronyms(table: AliasTable) -> dict[str, set]:
    # Acronyms ("US", "HTS") match only when written in capitals: "us" is a pronoun.
    out: dict[str, set] = {}
    for actor in table.actors.values():
        for name in table.names(actor):
            if name.isupper() and len(name.replace(".", "")) <= 4:
                out.setdefault(actor.id, set()).add(name.lower())
    return out


class MentionFinder:
    """Turn a doc's entities into :class:`TokenMention` (table ids or discovered)."""

    def __init__(self, table: AliasTable):
        self.table = table
        self.acronyms = _acronyms(table)
        self.discovered: dict[str, Actor] = {}

    def __call__(self, doc: Doc) -> list[TokenMention]:
        out = []
        for ent in doc.ents:
            aid = ent.ent_id_
            if aid and aid in self.table.actors:
                low = ent.text.lower()
                if low in self.acronyms.get(aid, ()) and not ent.text.isupper():
                    continue
                out.append(TokenMention(aid, ent.start, ent.end, ent))
                continue
            kind = NER_KINDS.get(ent.label_)
            if not kind or ent.label_ == "NORP":
                continue
            name = " ".join(ent.text.split()).strip(" '\"’“”")
            if len(name) < 3 or not any(c.isupper() for c in name[:1]):
                continue
            known = self.table.resolve(name)
            if known:
                out.append(TokenMention(known.id, ent.start, ent.end, ent))
                continue
            did = discovered_id(name)
            if did not in self.discovered:
                self.discovered[did] = Actor(id=did, label=name, kind=kind, aliases=(name,), discovered=True)
            out.append(TokenMention(did, ent.start, ent.end, ent))
        return out
