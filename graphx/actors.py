"""The alias table: which names, roles and demonyms stand for which actor.

The table is data (``graphx/data/actors.toml``), extended by a user's file
(``--aliases``): an entry with a new id adds an actor; an entry with the id of an
actor already loaded adds its aliases, roles, demonyms and people to that actor
(and a label, kind or capital given there overrides the old one), unless it says
``replace = true``, which replaces the whole entry. Every problem is reported
with file, line and fix.

Examples
--------
>>> table = load_aliases()
>>> table.resolve("Khmeimim").id
'hmeimim_airbase'
>>> table.resolve("the Iraqi Prime Minister").label
'Mohammed Shia al-Sudani'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

from ._toml import key_line, read_toml, table_line, table_lines, value_line
from .errors import ConfigError
from .records import KINDS, Actor

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ARTICLES = ("the ", "al ")  # "the Kremlin" answers to "Kremlin" too
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_LIST_KEYS = ("aliases", "roles", "demonyms", "people", "context")
_STR_KEYS = ("label", "kind", "capital", "located_in", "note")
_FLAG_KEYS = ("replace",)


def default_aliases_path() -> Path:
    return Path(str(resources.files("graphx") / "data" / "actors.toml"))


def shipped_alias_paths() -> list[Path]:
    """The shipped alias tables, in load order: the crisis table, then the world gazetteer
    (every state and capital, major cities, international organisations)."""
    return [default_aliases_path(), Path(str(resources.files("graphx") / "data" / "world.toml"))]


def normalize(name: str) -> str:
    """Key used to compare names: NFC, lower case, straight apostrophes, single spaces.

    >>> normalize("  The  Kremlin’s ")
    "the kremlin's"
    """
    name = unicodedata.normalize("NFC", name).replace("’", "'").replace("‘", "'")
    return " ".join(name.lower().split())


@dataclass
class AliasTable:
    """Actors by id plus the name index used to resolve any alias."""

    actors: dict[str, Actor] = field(default_factory=dict)
    collective_nouns: tuple = ()
    handovers: tuple = ()  # Handover records: a role that passed to another actor on a date
    sources: tuple = ()  # files the table was read from, in order
    notes: list = field(default_factory=list)  # where a user's table took over shipped actors or names
    _index: dict[str, str] = field(default_factory=dict, repr=False)
    _origin: dict = field(default_factory=dict, repr=False)  # id -> (file, its lines): where errors point

    def names(self, actor: Actor):
        """Every surface form that names ``actor`` on its own (not demonyms)."""
        yield actor.label
        yield from actor.aliases
        yield from actor.roles
        yield from actor.people

    def resolve(self, name: str) -> Actor | None:
        """The actor a name stands for (any alias, role, id or label), or None."""
        key = normalize(name)
        if key in self._index:
            return self.actors[self._index[key]]
        if key.endswith("'s"):
            key = key[:-2].rstrip()
        for art in ("",) + _ARTICLES:
            if key.startswith(art) and key[len(art):] in self._index:
                return self.actors[self._index[key[len(art):]]]
        return None

    @cached_property
    def capital_of(self) -> dict[str, str]:
        """A capital's id -> its state's id (the capital acts for its state)."""
        return {a.capital: a.id for a in self.actors.values() if a.capital}

    @property
    def version(self) -> str:
        """Content hash of the table (for caches and reports)."""
        import hashlib

        h = hashlib.sha256()
        for aid in sorted(self.actors):
            h.update(repr(replace(self.actors[aid], line=None)).encode())
        h.update(repr(self.collective_nouns).encode())
        if self.handovers:  # (absent from the hash when none: tables without handovers keep their version)
            h.update(repr([replace(o, line=None, path="") for o in self.handovers]).encode())
        return h.hexdigest()[:16]

    @cached_property
    def _handed(self) -> tuple[dict, set]:
        """The handovers by role (sorted by date), and every actor one names (read once per table: the
        mention stage asks for each mention)."""
        by_key: dict = {}
        for h in self.handovers:
            for key in h.keys:
                by_key.setdefault(key, []).append(h)
        return by_key, {a for h in self.handovers for a in (h.source, h.target) if a}

    def roles_of(self, aid: str) -> tuple:
        """The roles ``aid`` holds in the table: its own, then those a handover passes to it
        (al-Shaibani's "Syrian Foreign Minister"), each once: what "his Saudi counterpart" and "his
        country" are read from."""
        actor = self.actors.get(aid)
        own = tuple(actor.roles) if actor is not None else ()
        handed = self._handed_to.get(aid)
        return tuple(dict.fromkeys(own + handed)) if handed else own

    @cached_property
    def _handed_to(self) -> dict:
        """The roles handovers pass to each actor (read once per table)."""
        out: dict = {}
        for h in self.handovers:
            if h.target:
                out[h.target] = out.get(h.target, ()) + tuple(h.roles)
        return out

    def holder(self, aid: str, name: str, date: str) -> str | None:
        """Who a role names in a report of ``date`` (YYYY-MM-DD): ``aid``, the actor the table gives it,
        unless a handover passed the role on by then ("the Syrian president" is Assad in 2024 and
        al-Sharaa in a report of February 2025), or None where the table names no holder on that date
        (before the one who holds it took it, after the one who held it left). Undated reports read
        the table's holder.

        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.toml"
        >>> _ = f.write_text("\\n".join(['[actors.a]', 'label = "A"', 'kind = "person"', 'roles = ["the Chief"]',
        ...     '[actors.b]', 'label = "B"', 'kind = "person"', '[[handovers]]', 'roles = ["the Chief"]',
        ...     'from = "a"', 'to = "b"', 'on = "2020-05-01"', '[[handovers]]', 'roles = ["the Chief"]',
        ...     'to = "a"', 'on = "2010-01-01"']), encoding="utf-8")
        >>> t = load_aliases(f, include_default=False)
        >>> t.holder("a", "The  chief", "2020-04-30"), t.holder("a", "the Chief", "2020-05-01"), t.holder("a", "Chief", "")
        ('a', 'b', 'a')
        >>> t.holder("a", "the Chief", "2009-12-31") is None
        True
        """
        by_key, holders = self._handed
        if aid not in holders or not _ISO_DATE.fullmatch(date[:10]):
            return aid
        date = date[:10]
        for h in by_key.get(_role_key(name), ()):  # (by date: a role passed on twice ends with its latest holder)
            if not h.source:  # the day ``target`` took the role: before it, no one the table names
                if aid == h.target and date < h.on:
                    return None
            elif aid == h.source and h.on <= date:
                if not h.target:  # the day ``source`` left it, to no one the table names
                    return None
                aid = h.target
        return aid


@dataclass(frozen=True)
class Handover:
    """A role that changes hands on a date ([[handovers]] in an alias table): from ``source`` to
    ``target``; with no source, the day ``target`` took it; with no target, the day ``source`` left it."""

    roles: tuple
    source: str
    target: str
    on: str  # YYYY-MM-DD: reports of this date or later read the roles as ``target`` (no one if none)
    path: str = ""
    line: int | None = None
    keys: frozenset = field(default=frozenset(), init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "keys", frozenset(_role_key(r) for r in self.roles))


def _role_key(name: str) -> str:
    """A role as compared for a handover: normalised, without a leading article."""
    key = normalize(name)
    for art in _ARTICLES:
        if key.startswith(art):
            return key[len(art):]
    return key


_HANDOVER_KEYS = ("roles", "from", "to", "on")


def _handovers(data, path, lines) -> list[Handover]:
    """The [[handovers]] of one file (ids and roles are checked once every file is read)."""
    raw = data.get("handovers", [])
    starts = [i for i, text in enumerate(lines, 1) if re.match(r"^\s*\[\[\s*handovers\s*\]\]", text)]
    if not isinstance(raw, list) or not all(isinstance(h, dict) for h in raw):
        raise ConfigError(path, starts[0] if starts else value_line(lines, "handovers"),
                          "handovers must be [[handovers]] tables", "write [[handovers]] with roles, from, to and on")
    out = []
    for k, entry in enumerate(raw):
        line = starts[k] if k < len(starts) else None
        extra = sorted(set(entry) - set(_HANDOVER_KEYS))
        if extra:
            raise ConfigError(path, key_line(lines, extra[0], line), f"handover: unknown key {extra[0]!r}",
                              "known keys: " + ", ".join(_HANDOVER_KEYS))
        for key in ("from", "to"):
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                raise ConfigError(path, key_line(lines, key, line), f"handover: {key} must be an actor id",
                                  f'write {key} = "actor_id"')
        if "from" not in entry and "to" not in entry:
            raise ConfigError(path, line, "handover: no from and no to",
                              'write from = "actor_id" (who held the roles until then), to = "actor_id" (who holds '
                              'them from then on), or both')
        on = entry.get("on")
        on = on.isoformat() if hasattr(on, "isoformat") else on
        if not isinstance(on, str) or not _ISO_DATE.fullmatch(on):
            raise ConfigError(path, key_line(lines, "on", line), f"handover: on must be a date, not {on!r}",
                              'write on = "YYYY-MM-DD" (the first day the role is the new holder\'s)')
        source, target = entry.get("from", "").strip(), entry.get("to", "").strip()
        roles = _as_tuple(entry.get("roles"), path, lines, line, "roles", f"handover {source}->{target}")
        if not roles:
            raise ConfigError(path, key_line(lines, "roles", line), "handover: no roles",
                              'write roles = ["...", "..."]: the roles that change hands')
        out.append(Handover(roles, source, target, on, str(path), line))
    return out


def _check_handovers(table: AliasTable, handovers: list, renamed: dict, shipped: set, lines_of: dict) -> tuple:
    """The handovers whose ids and roles hold, sorted by date. A user's file is held to them (an
    error names its file and line); a shipped handover adapts to the user's table: it follows an
    actor the user's table renamed, and drops a role the user's table gave to another actor."""
    out = []
    for h in handovers:
        user = h.path not in shipped
        if not user:
            h = replace(h, source=renamed.get(h.source, h.source), target=renamed.get(h.target, h.target))
        for key in ("from", "to"):
            aid = h.source if key == "from" else h.target
            if aid and aid not in table.actors:
                raise ConfigError(h.path, key_line(lines_of[h.path], key, h.line), f"handover: {key} {aid!r} is not an actor id",
                                  _did_you_mean(aid, table.actors) or f"add [actors.{aid}] or fix the id")
        if h.source == h.target:
            raise ConfigError(h.path, h.line, f"handover: from and to are both {h.source!r}", "name two actors")
        holder = h.source or h.target  # (the roles are the first holder's, or the only one's)
        own = {_role_key(r) for r in table.actors[holder].roles}
        # (one of its roles, or one an earlier handover passed to it)
        own |= {k for o in handovers if o.on < h.on and o.target == holder and o.source for k in o.keys}
        missing = [r for r in h.roles if _role_key(r) not in own]
        if missing and user:
            raise ConfigError(h.path, value_line(lines_of[h.path], missing[0], h.line or 1) or h.line,
                              f"handover: {missing[0]!r} is not a role of {holder!r}",
                              f"add it to the roles of [actors.{holder}], or hand over one of its roles")
        roles = tuple(r for r in h.roles if r not in missing)
        if roles:
            out.append(replace(h, roles=roles))
    return tuple(sorted(out, key=lambda h: h.on))


def _as_tuple(value, path, lines, line, key, aid):
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    at = key_line(lines, key, line)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, at, f"actor {aid!r}: {key} must be a list of strings",
                          f'write {key} = ["...", "..."]')
    out = []
    for v in value:
        if not v.strip():
            raise ConfigError(path, value_line(lines, v, at or 1) or at, f"actor {aid!r}: empty string in {key}",
                              "remove it")
        if not any(c.isalnum() for c in v):
            # it would match stray punctuation in every report
            raise ConfigError(path, value_line(lines, v, at or 1) or at,
                              f"actor {aid!r}: {key} entry {v!r} has no letter or digit", "remove it")
        out.append(" ".join(v.split()))
    return tuple(dict.fromkeys(out))


def _parse_file(path, known: dict | None = None) -> tuple[dict[str, Actor], tuple, list[str]]:
    """The actors of one file; an id in ``known`` (loaded from earlier files) is extended
    with this file's names unless its entry says ``replace = true``."""
    known = known or {}
    data, lines = read_toml(path)
    unknown_top = set(data) - {"actors", "collective_nouns", "handovers"}
    if unknown_top:
        key = sorted(unknown_top)[0]
        raise ConfigError(path, value_line(lines, key) or None, f"unknown top-level key {key!r}",
                          "an alias table has [actors.ID] tables and collective_nouns")
    raw = data.get("actors", {})
    if not isinstance(raw, dict):
        raise ConfigError(path, None, "'actors' must be a table of [actors.ID] tables")
    actors: dict[str, Actor] = {}
    headers = table_lines(lines, "actors")
    for aid, entry in raw.items():
        line = headers.get(aid) or table_line(lines, "actors", aid)
        if not _ID.match(aid):
            raise ConfigError(path, line, f"bad actor id {aid!r}",
                              "ids are lower-case ascii letters, digits and underscores, "
                              "starting with a letter")
        if not isinstance(entry, dict):
            raise ConfigError(path, line, f"actor {aid!r} must be a table", f"write [actors.{aid}]")
        extra = set(entry) - set(_LIST_KEYS) - set(_STR_KEYS) - set(_FLAG_KEYS)
        if extra:
            raise ConfigError(path, line, f"actor {aid!r}: unknown key {sorted(extra)[0]!r}",
                              "known keys: " + ", ".join(_STR_KEYS + _LIST_KEYS + _FLAG_KEYS))
        for key in _STR_KEYS:
            if key in entry and not isinstance(entry[key], str):
                raise ConfigError(path, key_line(lines, key, line), f"actor {aid!r}: {key} must be a string",
                                  f'write {key} = "..."')
        replacing = entry.get("replace", False)
        if not isinstance(replacing, bool):
            raise ConfigError(path, key_line(lines, "replace", line), f"actor {aid!r}: replace must be true or false",
                              "write replace = true to replace the whole entry, or leave it out to add to it")
        if replacing and aid not in known:
            raise ConfigError(path, key_line(lines, "replace", line),
                              f"actor {aid!r}: replace = true, but no earlier table has this id",
                              _did_you_mean(aid, known) or "remove replace, or use the id of the actor to replace")
        base = known.get(aid) if not replacing else None
        label = (entry.get("label") or (base.label if base and "label" not in entry else "")).strip()
        if not any(c.isalnum() for c in label):
            raise ConfigError(path, key_line(lines, "label", line) if "label" in entry else line,
                              f"actor {aid!r} has an empty or missing label",
                              'add label = "Display Name"' + (
                                  "; to add names to a shipped actor, use its id: " + hint
                                  if "label" not in entry and aid not in known and (hint := _did_you_mean(aid, known))
                                  else ""))
        kind = entry.get("kind", base.kind if base else "")
        if kind not in KINDS:
            raise ConfigError(path, key_line(lines, "kind", line) if "kind" in entry else line,
                              f"actor {aid!r}: unknown kind {kind!r}", "use one of " + ", ".join(KINDS))
        lists = {k: _as_tuple(entry.get(k), path, lines, line, k, aid) for k in _LIST_KEYS}
        if base:  # extend: the earlier names first, then this file's
            lists = {k: tuple(dict.fromkeys(getattr(base, k) + v)) for k, v in lists.items()}
        capital = entry.get("capital", base.capital if base else None) or None
        if kind != "state" and (capital or lists["demonyms"] or lists["people"]):
            raise ConfigError(path, line, f"actor {aid!r}: capital/demonyms/people are for states",
                              'set kind = "state" or remove them')
        actors[aid] = Actor(
            id=aid, label=label, kind=kind, aliases=lists["aliases"], roles=lists["roles"],
            capital=capital, demonyms=lists["demonyms"], people=lists["people"],
            located_in=entry.get("located_in", base.located_in if base else None) or None, line=line,
            context=lists["context"],
        )
    nouns = data.get("collective_nouns", [])
    if not isinstance(nouns, list) or not all(isinstance(n, str) and n.strip() for n in nouns):
        raise ConfigError(path, value_line(lines, "collective_nouns") or None,
                          "collective_nouns must be a list of non-empty strings")
    return actors, tuple(normalize(n) for n in nouns), lines, _handovers(data, path, lines)


def _did_you_mean(aid: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(aid, list(known), n=1, cutoff=0.75)
    return f"did you mean {close[0]!r}?" if close else ""


def load_aliases(*extra_paths, include_default: bool = True) -> AliasTable:
    """Load the shipped table, then each user file on top.

    A user entry whose id is already loaded adds its names (aliases, roles, demonyms,
    people) to that actor; with ``replace = true`` it replaces the entry whole. New ids
    are new actors.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "mine.toml"
    >>> _ = f.write_text('[actors.vladimir_putin]\\naliases = ["V. V. Putin"]\\n', encoding="utf-8")
    >>> table = load_aliases(f)
    >>> table.resolve("V. V. Putin").id, table.resolve("Putin").id
    ('vladimir_putin', 'vladimir_putin')

    Raises :class:`~graphx.errors.ConfigError` naming file and line for syntax
    errors, bad ids, unknown kinds, empty names, dangling capital/located_in
    references and an alias claimed by two actors.
    """
    shipped = shipped_alias_paths() if include_default else []
    paths = shipped + [Path(p) for p in extra_paths if p]
    actors: dict[str, Actor] = {}
    origin: dict[str, tuple[Path, list[str]]] = {}
    nouns: list[str] = []
    notes: list[str] = []
    handovers: list[Handover] = []
    renamed: dict[str, str] = {}  # a shipped id -> the user's id that took its place
    lines_of: dict[str, list] = {}
    for path in paths:
        file_actors, file_nouns, lines, file_handovers = _parse_file(path, actors)
        handovers.extend(file_handovers)
        lines_of[str(path)] = lines
        for aid, actor in file_actors.items():
            if shipped and path not in shipped and aid not in actors:
                actor = _take_over(actor, actors, origin, shipped, f"{path}:{actor.line}", notes, renamed)
            actors[aid] = actor
            origin[aid] = (path, lines)
        nouns.extend(n for n in file_nouns if n not in nouns)
    table = AliasTable(actors=actors, collective_nouns=tuple(nouns), sources=tuple(str(p) for p in paths),
                       _origin=origin)
    table.notes = notes
    _index(table, origin, shipped)
    table.handovers = _check_handovers(table, handovers, renamed, {str(p) for p in shipped}, lines_of)
    return table


def _take_over(actor: Actor, actors: dict, origin: dict, shipped: list, where: str, notes: list,
               renamed: dict) -> Actor:
    """A user's new actor named like a shipped one (its label or id) IS that actor: it takes the
    shipped entry's place, its names and links, under the user's id, label and kind.

    An analyst's table for another crisis may list a state the shipped table knows under
    another id ("us" for "united_states"): one actor, not two, and not an error.
    """
    own = {normalize(n) for n in (actor.id, actor.id.replace("_", " "), actor.label, *actor.aliases, *actor.roles,
                                  *actor.people)}
    same = [a for a in actors.values() if origin.get(a.id, (None,))[0] in shipped
            and own & {normalize(a.id), normalize(a.id.replace("_", " ")), normalize(a.label)}]
    for old in sorted(same, key=lambda a: a.id):
        renamed[old.id] = actor.id
        del actors[old.id]
        del origin[old.id]
        names = (old.label,) + old.aliases
        actor = replace(actor, aliases=tuple(dict.fromkeys(actor.aliases + tuple(n for n in names if n != actor.label))),
                        roles=tuple(dict.fromkeys(actor.roles + old.roles)),
                        demonyms=tuple(dict.fromkeys(actor.demonyms + old.demonyms)) if actor.kind == "state" else (),
                        people=tuple(dict.fromkeys(actor.people + old.people)) if actor.kind == "state" else (),
                        capital=actor.capital or (old.capital if actor.kind == "state" else None),
                        located_in=actor.located_in or old.located_in, context=actor.context or old.context)
        for aid, other in list(actors.items()):  # links to the shipped id now lead to this actor
            if old.id in (other.capital, other.located_in) or old.id in other.context:
                actors[aid] = replace(other, capital=actor.id if other.capital == old.id else other.capital,
                                      located_in=actor.id if other.located_in == old.id else other.located_in,
                                      context=tuple(actor.id if c == old.id else c for c in other.context))
        notes.append(f"{where}: {actor.id!r} ({actor.label}) takes the place of the shipped {old.id!r} "
                     f"({old.label}) and its names")
    return actor


def _index(table: AliasTable, origin, shipped=()) -> None:
    claimed: dict[str, str] = {}
    # In load order (shipped table first, then each --aliases file): a clash is
    # reported where the second claim is made, which is the file to fix.
    order = {p: n for n, p in enumerate(table.sources)}
    for aid in sorted(table.actors, key=lambda a: (order[str(origin[a][0])], table.actors[a].line or 0, a)):
        actor = table.actors[aid]
        path, lines = origin[aid]
        for ref_key, ref in [("capital", actor.capital), ("located_in", actor.located_in)] + [
                ("context", c) for c in actor.context]:
            if ref and ref not in table.actors:
                raise ConfigError(path, value_line(lines, ref, actor.line or 1) or actor.line,
                                  f"actor {aid!r}: {ref_key} {ref!r} is not an actor id",
                                  f"add [actors.{ref}] or fix the id")
        for name in (aid, *table.names(actor)):
            key = normalize(name)
            other = claimed.get(key)
            if other and other != aid and origin[other][0] in shipped and path not in shipped:
                # a user's table names its own actor with a shipped alias: the user's reading wins
                loser = table.actors[other]
                table.actors[other] = replace(loser, **{k: tuple(n for n in getattr(loser, k) if normalize(n) != key)
                                                        for k in ("aliases", "roles", "people")})
                table.notes.append(f"{path}:{actor.line}: {name!r} names {aid!r}, no longer the shipped {other!r}")
            elif other and other != aid:
                first = table.actors[other]
                raise ConfigError(
                    path, value_line(lines, name, actor.line or 1) or actor.line,
                    f"alias {name!r} is claimed by both {other!r} and {aid!r}",
                    f"{other!r} is at {origin[other][0]}:{first.line}; keep the alias on one actor only",
                )
            claimed[key] = aid
    table._index = claimed


def kind_from_name(name: str) -> str | None:
    """The kind a user means, spelled as the page shows it or as the data stores it; None if none.

    >>> kind_from_name("armed group"), kind_from_name("Armed-Group"), kind_from_name("organization")
    ('armed_group', 'armed_group', 'organisation')
    >>> kind_from_name("people") is None
    True
    """
    key = "_".join(name.strip().lower().replace("-", " ").split())
    key = {"organization": "organisation"}.get(key, key)
    return key if key in KINDS else None


def describe(actor: Actor) -> str:
    """One line for listings: ``label (kind) [id]``."""
    return f"{actor.label} ({actor.kind}) [{actor.id}]"
