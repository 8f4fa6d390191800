"""Reviewed corrections: an analyst's verdicts on the graph, kept as data and applied at build time.

A corrections file (``corrections.toml``, given with ``graphx build --corrections``) lists what a
person checked. Every entry says who (``by``), when (``date``) and why (``why``, required):

.. code-block:: toml

    [[reject]]                      # the edge is wrong: its citations leave the graph
    source = "Bashar al-Assad"      # any alias or id of an actor of the build
    type = "fled-to"
    target = "Chad"
    doc = "r0042.txt"               # optional: only that report's citations ...
    sentence = "driven 100,000 people to flee"   # ... optional: only those whose sentence has this
    by = "Ana"
    date = 2025-01-10
    why = "100,000 people fled, not Assad"

    [[confirm]]                     # checked against the source: recorded on the citations
    [[retype]]                      # the same selectors, plus to = "contacted"
    [[merge]]                       # actor = "x_amal_ayoub" and into = "Amal Ayoub": one actor
    [[alias]]                       # actor = "vladimir_putin", aliases = ["V. Putin"]

Edge corrections apply after extraction, to the graph (:func:`correct`): extraction rules are
never edited, every correction survives rebuilds, and each one is recorded on the citations it
touched (``correction``, ``corrected_by``, ``corrected_on``, ``corrected_why``). Rejected
citations leave their edges but stay in ``G.graph["rejected"]``; what each correction matched
is in ``G.graph["corrections"]``, and one that matches nothing is reported, not fatal (the
reports it was written for may have changed). ``[[alias]]`` entries are names for the alias
table, added before extraction (:func:`extend_table`).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._toml import key_line, read_toml
from .documents import display_path
from .errors import ConfigError

KINDS = ("reject", "confirm", "retype", "merge", "alias")
_COMMON = ("by", "date", "why")
_EDGE = ("source", "type", "target", "doc", "sentence")
KEYS = {"reject": _EDGE, "confirm": _EDGE, "retype": _EDGE + ("to",), "merge": ("actor", "into"),
        "alias": ("actor", "aliases", "roles")}
REQUIRED = {"reject": ("source", "type", "target"), "confirm": ("source", "type", "target"),
            "retype": ("source", "type", "target", "to"), "merge": ("actor", "into"), "alias": ("actor", "aliases")}
REMEMBERED = ".graphx-corrections"  # in the output folder: the corrections file its builds use


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file (names as written; ``line`` is its ``[[kind]]`` header)."""

    kind: str
    path: str
    line: int
    by: str = ""
    date: str = ""
    why: str = ""
    source: str = ""
    type: str = ""
    target: str = ""
    doc: str = ""
    sentence: str = ""
    to: str = ""
    actor: str = ""
    into: str = ""
    aliases: tuple = ()
    roles: tuple = ()

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def describe(self) -> str:
        """``[[reject]] Assad —fled-to→ Chad`` (the names as the file writes them)."""
        if self.kind == "merge":
            return f"[[merge]] {self.actor} into {self.into}"
        if self.kind == "alias":
            return f"[[alias]] {', '.join(self.aliases + self.roles)} for {self.actor}"
        what = f"[[{self.kind}]] {self.source} —{self.type}→ {self.target}"
        if self.kind == "retype":
            what += f" as {self.to}"
        if self.doc:
            what += f" in {self.doc}"
        if self.sentence:
            what += f' ("{_short(self.sentence)}")'
        return what


@dataclass
class Outcome:
    """What one correction did in one build: ``citations`` it touched (0: it matched nothing)."""

    correction: Correction
    citations: int = 0
    problem: str = ""  # why it matched nothing
    applied: bool = False  # an [[alias]] is applied (to the table) even when no citation shows it

    def __post_init__(self):
        self.applied = self.applied or self.citations > 0

    def as_dict(self) -> dict:
        c = self.correction
        return {"kind": c.kind, "file": c.path, "line": c.line, "what": c.describe(), "by": c.by, "date": c.date,
                "why": c.why, "citations": self.citations, "applied": self.applied, "problem": self.problem}

    def message(self) -> str:
        """The warning for a correction that matched nothing."""
        return f"{self.correction.where}: {self.correction.describe()} matches nothing in this build: {self.problem}"


@dataclass
class Corrections:
    """A parsed corrections file."""

    path: str = ""
    entries: list = field(default_factory=list)
    lines: list = field(default_factory=list, repr=False)  # the file's text, for errors found later

    def __bool__(self):
        return bool(self.entries)

    def of(self, *kinds):
        return [c for c in self.entries if c.kind in kinds]


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def _header_lines(lines: list[str], kind: str) -> list[int]:
    """1-based lines of each ``[[kind]]`` header, in order."""
    import re

    pat = re.compile(r"^\s*\[\[\s*" + re.escape(kind) + r"\s*\]\]\s*(#.*)?$")
    return [i for i, line in enumerate(lines, 1) if pat.match(line)]


def load_corrections(path, relations=None) -> Corrections:
    """Read and check a corrections file; errors name file and line.

    ``relations``: the relation types the build knows (checked in ``type`` and ``to``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "corrections.toml"
    >>> _ = f.write_text('[[reject]]\\nsource = "Assad"\\ntype = "fled-to"\\ntarget = "Chad"\\n'
    ...                  'by = "Ana"\\ndate = 2025-01-10\\nwhy = "people fled, not Assad"\\n', encoding="utf-8")
    >>> c = load_corrections(f).entries[0]
    >>> c.describe(), c.line, c.date
    ('[[reject]] Assad —fled-to→ Chad', 1, '2025-01-10')
    """
    data, lines = read_toml(path)
    out = Corrections(str(path), lines=lines)
    for key in data:
        if key not in KINDS:
            close = difflib.get_close_matches(key, KINDS, n=1)
            raise ConfigError(path, _first_line(lines, key), f"unknown correction [[{key}]]",
                              f"did you mean [[{close[0]}]]?" if close else "use one of " +
                              ", ".join(f"[[{k}]]" for k in KINDS))
        if not isinstance(data[key], list):
            raise ConfigError(path, _first_line(lines, key), f"{key} must be written [[{key}]] (a list of tables)")
    for kind in KINDS:
        heads = _header_lines(lines, kind)
        for n, entry in enumerate(data.get(kind, [])):
            line = heads[n] if n < len(heads) else None
            out.entries.append(_parse(path, lines, kind, entry, line, relations))
    out.entries.sort(key=lambda c: c.line or 0)
    return out


def _first_line(lines, key):
    import re

    pat = re.compile(r"^\s*\[\[?\s*" + re.escape(key) + r"\b|^\s*" + re.escape(key) + r"\s*=")
    return next((i for i, x in enumerate(lines, 1) if pat.match(x)), None)


def _parse(path, lines, kind, entry, line, relations) -> Correction:
    allowed = KEYS[kind] + _COMMON
    for key in entry:
        if key not in allowed:
            raise ConfigError(path, key_line(lines, key, line), f"[[{kind}]]: unknown key {key!r}",
                              "keys: " + ", ".join(allowed))
    values = {}
    for key in allowed:
        if key not in entry:
            continue
        v = entry[key]
        at = key_line(lines, key, line)
        if key in ("aliases", "roles"):
            v = [v] if isinstance(v, str) else v
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                raise ConfigError(path, at, f"[[{kind}]]: {key} must be a list of names", f'write {key} = ["..."]')
            values[key] = tuple(" ".join(x.split()) for x in v)
        elif key == "date":
            if isinstance(v, _dt.datetime):
                v = v.date()
            if isinstance(v, _dt.date):
                v = v.isoformat()
            try:
                _dt.date.fromisoformat(v)
            except (TypeError, ValueError):
                raise ConfigError(path, at, f"[[{kind}]]: date {v!r} is not a date",
                                  "write date = 2025-01-31 (year-month-day)") from None
            values[key] = v
        elif not isinstance(v, str):
            raise ConfigError(path, at, f"[[{kind}]]: {key} must be a string", f'write {key} = "..."')
        else:
            values[key] = v.strip()
    for key in REQUIRED[kind] + ("why",):
        if not values.get(key):
            raise ConfigError(path, key_line(lines, key, line) if key in entry else line,
                              f"[[{kind}]]: {key} is " + ("empty" if key in entry else "missing"),
                              "say why: it is shown beside the edge and in the exports" if key == "why"
                              else f'add {key} = "..."')
    for key in ("type", "to"):
        if relations is not None and values.get(key) and values[key] not in relations:
            close = difflib.get_close_matches(values[key], list(relations), n=1)
            raise ConfigError(path, key_line(lines, key, line), f"[[{kind}]]: unknown relation {values[key]!r}",
                              f"did you mean {close[0]!r}?" if close else "use one of " + ", ".join(sorted(relations)))
    if kind == "retype" and values["to"] == values["type"]:
        raise ConfigError(path, key_line(lines, "to", line), f"[[retype]]: to is the edge's own type {values['to']!r}",
                          "give another type, or use [[confirm]]")
    return Correction(kind=kind, path=str(path), line=line or 0, **values)


# ---- names first: [[alias]] entries extend the alias table before extraction

def extend_table(table, corrections: Corrections):
    """The alias table with the ``[[alias]]`` entries' names added (a new table; errors name the line).

    >>> from graphx.actors import load_aliases
    >>> c = Corrections("c.toml", [Correction("alias", "c.toml", 3, why="w", actor="Putin", aliases=("V. Putin",))])
    >>> extend_table(load_aliases(), c).resolve("V. Putin").id
    'vladimir_putin'
    """
    from .actors import AliasTable, _index

    fixes = corrections.of("alias")
    if not fixes:
        return table
    actors = dict(table.actors)
    for c in fixes:
        found = table.resolve(c.actor) or table.actors.get(c.actor)
        if found is None:
            names = [n for a in table.actors.values() for n in (a.label, *a.aliases)] + list(table.actors)
            close = difflib.get_close_matches(c.actor, names, n=1)
            raise ConfigError(c.path, c.line, f"[[alias]]: no actor {c.actor!r} in the alias table",
                              f"did you mean {close[0]!r}?" if close else "give an actor id or a name the table knows")
        a = actors[found.id]
        actors[found.id] = replace(a, aliases=tuple(dict.fromkeys(a.aliases + c.aliases)),
                                   roles=tuple(dict.fromkeys(a.roles + c.roles)), line=c.line)
    lines = corrections.lines
    # where a clash is reported: the changed actors at their [[alias]] entry (checked last)
    origin = dict(table._origin)
    origin.update({aid: (Path(corrections.path), lines) for aid in actors if actors[aid] is not table.actors[aid]})
    new = AliasTable(actors=actors, collective_nouns=table.collective_nouns,
                     sources=table.sources + (corrections.path,), _origin=origin)
    _index(new, origin)
    return new


# ---- after extraction: the graph's edges

def correct(G, corrections: Corrections, table=None):
    """Apply the edge and actor corrections to a built graph: ``(corrected graph, outcomes)``.

    Merges come first (so that later entries may name the merged actor), then the rest in the
    order of the file. ``G`` is not changed. ``table``, the alias table of the build, lets a
    name of an actor these reports never mention be reported as such.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> ev = Evidence("a", "fled-to", "b", "d.txt", 0, 14, "A's war: flee.", "flee", 9, 13, "r")
    >>> G = build_graph([Actor("a", "Ann", "person"), Actor("b", "Chad", "state")], [ev])
    >>> c = Correction("reject", "c.toml", 1, by="Ana", why="not Ann", source="Ann", type="fled-to", target="Chad")
    >>> H, outcomes = correct(G, Corrections("c.toml", [c]))
    >>> H.number_of_edges(), outcomes[0].citations, H.graph["rejected"][0]["corrected_by"]
    (0, 1, 'Ana')
    """
    from .graph import refresh_counts

    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["citations"] = list(d["citations"])  # (the copy shares G's lists)
    H.graph = dict(G.graph)
    rejected: list = []
    outcomes = []
    outcomes = [_alias(H, c) for c in corrections.of("alias")]  # (already in the table: recorded here)
    entries = corrections.of("merge") + [c for c in corrections.entries if c.kind not in ("merge", "alias")]
    for c in entries:
        outcomes.append(_merge(H, c, rejected, table) if c.kind == "merge" else _edge(H, c, rejected, table))
    outcomes.sort(key=lambda o: o.correction.line)
    refresh_counts(H)
    from .records import evidence_to_dict

    H.graph["corrections"] = [o.as_dict() for o in outcomes]
    H.graph["rejected"] = list(G.graph.get("rejected", [])) + [evidence_to_dict(e) for e in rejected]
    # (absolute, as the alias and lexicon files are: the graph is read from other folders too)
    H.graph["corrections_file"] = display_path(os.path.abspath(corrections.path))
    return H, outcomes


def _note(ev, what: str, c: Correction):
    """``ev`` with the correction recorded (several corrections of one citation are joined by "; ")."""
    def join(old, new):
        return f"{old}; {new}" if old else new

    return replace(ev, correction=join(ev.correction, what), corrected_by=join(ev.corrected_by, c.by or "-"),
                   corrected_on=join(ev.corrected_on, c.date or "-"), corrected_why=join(ev.corrected_why, c.why))


def _alias(H, c: Correction) -> Outcome:
    """Record an ``[[alias]]`` entry on the citations whose actor was named by one of its names."""
    from .actors import normalize

    names = {normalize(n) for n in c.aliases + c.roles}
    hits = 0
    for _, _, d in H.edges(data=True):
        cites = d["citations"]
        for i, e in enumerate(cites):
            if normalize(e.source_text) in names or normalize(e.target_text) in names:
                cites[i] = _note(e, f"named by the alias {', '.join(c.aliases + c.roles)} added", c)
                hits += 1
    return Outcome(c, citations=hits, applied=True)


def _resolve(H, name: str, table=None):
    from .errors import UnknownActorError
    from .query import actor

    try:
        return actor(H, name), ""
    except UnknownActorError as exc:
        known = table.resolve(name) if table is not None else None
        if known is not None:
            return None, f"{known.label} is not named in these reports"
        return None, str(exc)


def _selected(c: Correction, ev) -> bool:
    if c.doc and ev.doc != c.doc:
        return False
    return not c.sentence or " ".join(c.sentence.split()) in " ".join(ev.text.split())


def _edge(H, c: Correction, rejected: list, table=None) -> Outcome:
    from .graph import add_evidence

    s, problem = _resolve(H, c.source, table)
    t, problem2 = _resolve(H, c.target, table) if s else (None, "")
    if not s or not t:
        return Outcome(c, problem=problem or problem2)
    if not H.has_edge(s, t, key=c.type):
        return Outcome(c, problem=f"no {c.type} edge from {H.nodes[s]['label']} to {H.nodes[t]['label']}")
    d = H.edges[s, t, c.type]
    hit = [e for e in d["citations"] if _selected(c, e)]
    if not hit:
        return Outcome(c, problem="none of the edge's citations is " + (
            f"in {c.doc}" if c.doc and not c.sentence else "in that sentence"))
    keep = [e for e in d["citations"] if not _selected(c, e)]
    if c.kind == "confirm":
        d["citations"] = [_note(e, "confirmed", c) if _selected(c, e) else e for e in d["citations"]]
    elif c.kind == "reject":
        d["citations"] = keep
        rejected.extend(_note(e, "rejected", c) for e in hit)
    elif c.kind == "retype":
        d["citations"] = keep
        for e in hit:
            add_evidence(H, replace(_note(e, f"retyped from {c.type}", c), relation=c.to),
                         _relations(H))
    if not d["citations"]:
        H.remove_edge(s, t, key=c.type)
    return Outcome(c, citations=len(hit))


class _Rel:
    def __init__(self, d):
        self.cameo, self.plover, self.codes_note = d.get("cameo", ""), d.get("plover", ""), d.get("codes_note", "")


def _relations(H) -> dict:
    return {name: _Rel(d) for name, d in H.graph.get("relations", {}).items()}


def _merge(H, c: Correction, rejected: list, table=None) -> Outcome:
    from .graph import add_evidence

    x, problem = _resolve(H, c.actor, table)
    y, problem2 = _resolve(H, c.into, table) if x else (None, "")
    if not x or not y:
        return Outcome(c, problem=problem or problem2)
    if x == y:
        return Outcome(c, problem=f"{c.actor!r} and {c.into!r} are already one actor")
    what = f"merged {H.nodes[x]['label']} ({x}) into {H.nodes[y]['label']}"
    moved = 0
    for s, t, k, d in list(H.in_edges(x, keys=True, data=True)) + list(H.out_edges(x, keys=True, data=True)):
        if not H.has_edge(s, t, key=k):
            continue  # (a self-loop, seen twice)
        for e in d["citations"]:
            e = _note(replace(e, source=y if e.source == x else e.source, target=y if e.target == x else e.target),
                      what, c)
            moved += 1
            if e.source == e.target:  # an edge between the two merged actors has no meaning left
                rejected.append(e)
            else:
                add_evidence(H, e, _relations(H))
        H.remove_edge(s, t, key=k)
    nx_, ny = H.nodes[x], H.nodes[y]
    ny["aliases"] = list(dict.fromkeys(list(ny.get("aliases", [])) + list(nx_.get("aliases", []))))
    ny["mentions"] = ny.get("mentions", 0) + nx_.get("mentions", 0)
    H.remove_node(x)
    if "claims" in H.graph:  # fate claims ("X was killed") follow the actor
        H.graph["claims"] = [{**cl, "person": y if cl.get("person") == x else cl.get("person")}
                             for cl in H.graph["claims"]]
    return Outcome(c, citations=moved)


# ---- the output folder remembers which corrections file its builds use

def remembered(outdir) -> Path | None:
    """The corrections file earlier builds into ``outdir`` used (None: none)."""
    f = Path(outdir) / REMEMBERED
    try:
        text = f.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None


def remember(outdir, path) -> None:
    """Record ``path`` (made absolute) as the corrections file of ``outdir``; None forgets it."""
    from .export.atomic import atomic_write

    f = Path(outdir) / REMEMBERED
    if path is None:
        f.unlink(missing_ok=True)
        return
    Path(outdir).mkdir(parents=True, exist_ok=True)
    with atomic_write(f) as out:
        out.write(str(Path(path).resolve()) + "\n")
