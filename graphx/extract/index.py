"""The alias table compiled once per build: everything a stage asks of actors.

:class:`ActorIndex` is built from the :class:`~graphx.actors.AliasTable` and
the lexicon's ``settings_kinds`` (once per :class:`~graphx.extract.Settings`);
the pipelines' alias rulers, the mention finder, the argument finders of every
language and the role rule read it instead of compiling the table themselves.
:meth:`ActorIndex.for_document` adds one document's discovered actors, so that
a rule asking an actor's kind gets the right answer for those too.
"""

from __future__ import annotations

from functools import cached_property

from ..actors import AliasTable
from ..records import Actor
from .groups import KIN_GROUP


def spelling_key(name: str) -> str:
    """A name as it sounds for matching spellings: ascii lower case, no hyphens or apostrophes,
    doubled letters single.

    >>> spelling_key("Abdel-Fattah el-Sissi") == spelling_key("Abdel Fattah el-Sisi")
    True
    """
    import re
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z ]+", " ", ascii_).split()
    return re.sub(r"(.)\1+", r"\1", " ".join(words))


class ActorIndex:
    """Actors by id, their names, demonyms, capitals and acronyms.

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> index = ActorIndex(load_aliases())
    >>> index.demonym_state["turkish"], index.capital_of["moscow"]
    ('turkey', 'russia')
    >>> index.for_document({}).as_party("moscow"), index.for_document({}).as_party("hmeimim_airbase")
    ('russia', None)
    """

    def __init__(self, table: AliasTable, settings_kinds=("place", "outlet"), own_groups=()):
        self.table = table
        self.actors = table.actors
        self.capital_of = table.capital_of
        self.collective_nouns = table.collective_nouns
        self.settings_kinds = tuple(settings_kinds)
        # group nouns whose groups are parties of their own, not their owner's ([groups] own)
        self.own_groups = tuple("_" + n.replace(" ", "_") for n in (KIN_GROUP, *own_groups))
        # one-word demonyms of states, lower case ("turkish" -> turkey): "Turkish and Qatari officials"
        self.demonym_state = {d.lower(): a.id for a in self.actors.values() for d in a.demonyms if " " not in d}
        self.demonym_names = {d.lower() for a in self.actors.values() for d in a.demonyms}  # "sri lankan" too
        # demonyms of two or three words, as word tuples ("south african" -> south_africa)
        self.demonym_phrases = {tuple(d.lower().split()): a.id for a in self.actors.values() for d in a.demonyms
                                if 1 < len(d.split()) <= 3}
        self.collective_last = {n.split()[-1].lower() for n in self.collective_nouns}

    def resolve(self, name: str) -> Actor | None:
        """The actor a name stands for (any alias, role, id or label), or None."""
        return self.table.resolve(name)

    def names(self, actor: Actor):
        return self.table.names(actor)

    @cached_property
    def _person_keys(self) -> dict[str, str]:
        keys: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            for name in self.table.names(actor):
                key = spelling_key(name)
                if key.count(" ") >= 1:
                    keys.setdefault(key, actor.id)
        return keys

    def person_like(self, name: str) -> Actor | None:
        """The table's person whose name is spelt like ``name`` ("Abdel-Fattah el-Sissi" is
        "Abdel Fattah el-Sisi"): the same words up to hyphens, doubled letters and accents, or
        nearly the same (difflib ratio 0.9 or more) with the same last word's first letter.

        >>> from graphx.actors import load_aliases
        >>> ActorIndex(load_aliases()).person_like("Vladimir Poutine").id
        'vladimir_putin'
        """
        key = spelling_key(name)
        if key.count(" ") < 1:
            return None
        keys = self._person_keys
        if key in keys:
            return self.actors[keys[key]]
        seen = self._spelt_like
        if key not in seen:  # (an archive names the same unknown people in report after report)
            seen[key] = self._close_person(key)
        found = seen[key]
        return None if found is None else self.actors[found]

    @cached_property
    def _spelt_like(self) -> dict:
        return {}

    @cached_property
    def _person_keys_by_length(self) -> dict[int, list]:
        by_length: dict[int, list] = {}
        for key in self._person_keys:
            by_length.setdefault(len(key), []).append(key)
        return by_length

    def _close_person(self, key: str) -> str | None:
        """The id of the person whose name key is nearly ``key`` (difflib's ``get_close_matches``,
        n=3, cutoff 0.9, with the same last word's first letter), or None. Only keys whose length
        can pass difflib's own first test (``real_quick_ratio``, which depends on lengths alone) are
        handed to it: the same answer as handing it every key."""
        import difflib

        n = len(key)
        near = [k for length, group in self._person_keys_by_length.items()
                if 2.0 * min(n, length) / (n + length) >= 0.9 for k in group]
        for close in difflib.get_close_matches(key, near, n=3, cutoff=0.9):
            if close.split()[-1][:1] == key.split()[-1][:1]:
                return self._person_keys[close]
        return None

    def one_side(self, a: str, b: str) -> bool:
        """Whether a person and a state are one side: a leader and the state the table's roles make
        him speak for ("Araghchi held a meeting involving Iran" is no contact)."""
        state_of = self.state_of
        return b == state_of.get(a) or state_of.get(b) == a

    @cached_property
    def state_of(self) -> dict[str, str]:
        """A leader's state, read from the table's roles ("Russian President" -> russia,
        "Turkey's Foreign Minister" -> turkey): where a protector who is a person stands for a state.

        >>> from graphx.actors import load_aliases
        >>> ActorIndex(load_aliases()).state_of["vladimir_putin"]
        'russia'
        """
        out: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            for role in self.table.roles_of(actor.id):
                words = role.replace("’", "'").split()
                first = words[0].lower() if words else ""
                state = self.demonym_state.get(first)
                if state is None and first.endswith("'s"):
                    found = self.resolve(words[0][:-2])
                    state = found.id if found is not None and found.kind == "state" else None
                if state:
                    out[actor.id] = state
                    break
        return out

    @cached_property
    def acronyms(self) -> dict[str, set]:
        """Acronyms ("US", "HTS") by actor: they match only when written in capitals ("us" is a pronoun)."""
        out: dict[str, set] = {}
        for actor in self.actors.values():
            for name in self.table.names(actor):
                if name.isupper() and len(name.replace(".", "")) <= 4:
                    out.setdefault(actor.id, set()).add(name.lower())
        return out

    @cached_property
    def arabic_names(self) -> dict[str, str]:
        """Arabic names in their normalised form -> actor id (the first actor listing one wins)."""
        from ..nlp.arabic import _ARABIC_LETTER, normalise

        names: dict[str, str] = {}
        for actor in self.actors.values():
            for name in self.table.names(actor):
                if _ARABIC_LETTER.search(name):
                    names.setdefault(normalise(" ".join(name.split())), actor.id)
        return names

    @cached_property
    def arabic_demonyms(self) -> dict[str, str]:
        """Arabic adjectives of states, normalised ("الروسي" -> russia), for the Arabic role rule."""
        from ..nlp.arabic import _ARABIC_LETTER, normalise

        return {normalise(d): a.id for a in self.actors.values() for d in a.demonyms if _ARABIC_LETTER.search(d)}

    def for_document(self, discovered: dict) -> "DocActors":
        return DocActors(self, discovered)


class DocActors:
    """The index plus the actors one document discovered (by id)."""

    __slots__ = ("index", "discovered")

    def __init__(self, index: ActorIndex, discovered: dict):
        self.index = index
        self.discovered = discovered

    def get(self, aid: str) -> Actor | None:
        return self.index.actors.get(aid) or self.discovered.get(aid)

    def kind(self, aid: str) -> str:
        """An actor's kind; a name nothing else tells is taken for a person."""
        actor = self.get(aid)
        return actor.kind if actor else "person"

    def label(self, aid: str) -> str:
        actor = self.get(aid)
        return actor.label if actor else aid

    def as_kind(self, aid: str, kinds=(), as_party: bool = True, protector: bool = False,
                groups: bool = False) -> str | None:
        """The actor a relation takes at one end: itself when its kind is among ``kinds``; with no
        ``kinds``, the party it stands for (:meth:`as_party`; a group itself with ``groups``); else
        (``as_party``) the party if of those kinds ("Syrian soldiers" flee as a group, Moscow acts for
        Russia); a ``protector`` who is a person stands for the state the table's roles give him."""
        if not kinds:
            if groups and self.kind(aid) == "group":
                return aid
            return self.as_party(aid)
        if self.kind(aid) in kinds:
            return aid
        party = self.as_party(aid) if as_party else None
        if party is None and protector and self.kind(aid) == "person":  # "asylum from Putin": his state
            party = self.index.state_of.get(aid)
        return party if party and self.kind(party) in kinds else None

    def as_party(self, aid: str) -> str | None:
        """Actor id as a party to a contact, refusal or mediation: capitals act for their state;
        a group for the state or organisation it belongs to (not a family); settings (places)
        and reporters (outlets) are no party."""
        if aid in self.index.capital_of:
            return self.index.capital_of[aid]
        actor = self.get(aid)
        if actor is not None and actor.member_of and (
                actor.kind == "place" or actor.kind == "group" and not aid.endswith(self.index.own_groups)):
            # a state's officials, a group's fighters, a state's embassy act for it ("the Russian
            # embassy met them": Russia); a person's family, a state's soldiers or refugees are groups
            # of their own
            return self.as_party(actor.member_of)
        return None if self.kind(aid) in self.index.settings_kinds else aid
