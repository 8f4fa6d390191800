"""The cue lexicon (``data/relations.toml``): load and validate.

Kept apart from the rules that use it so that a user's lexicon file
(``--lexicon``) is checked before any document is read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ._toml import key_line, read_toml, section_line, value_line
from .errors import ConfigError
from .records import KINDS

VOICES = ("active", "passive", "recipient")
_RELATION = re.compile(r"^[a-z][a-z0-9-]*$")
_MARKER_KEYS = ("negation", "denial", "hedge", "intent", "conditional", "attempt", "realised_infinitive",
                "visit", "speech", "not_cues", "purpose", "flight_context", "asylum")
_CLAUSE_KEYS = ("boundaries", "subordinating", "relative", "coordinating", "passive_aux", "prepositions",
                "locative", "determiners", "coordination", "requested_by",
                "list_openers", "party_nouns", "owner_nouns")
_PRONOUN_KEYS = ("subject", "object", "possessive", "group", "counterpart", "latter", "former")
_NAME_KEYS = ("titles", "particles")
_SCOPE_KEYS = {"negation_scope": 4, "intent_scope": 5}  # [markers] integers, with their defaults
_RELATION_KEYS = ("description", "color", "cameo", "plover", "codes_note", "attempts_count", "source_kinds",
                  "target_kinds", "passive_flips")
_STATUS_KEYS = ("killed", "survived")
_CUE_KEYS = ("relation", "rule", "phrases", "voice", "target_preps", "agent_preps", "window", "travel")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Relation:
    name: str
    description: str = ""
    color: str = "#888888"
    cameo: str = ""
    plover: str = ""
    codes_note: str = ""  # why an event code is missing (fled-to: no scheme codes a flight)
    attempts_count: bool = False
    source_kinds: tuple = ()
    target_kinds: tuple = ()
    passive_flips: bool = True


@dataclass(frozen=True)
class Cue:
    """One group of cue phrases sharing a relation and a way of finding actors."""

    relation: str
    rule: str
    phrases: tuple
    voice: str = "active"
    target_preps: tuple = ()
    agent_preps: tuple = ("by",)
    window: int = 12
    travel: bool = False  # a travel verb: a visit, not a flight, where [markers] visit says so
    line: int | None = None


@dataclass
class Lexicon:
    relations: dict[str, Relation]
    cues: list[Cue]
    markers: dict[str, tuple] = field(default_factory=dict)
    clauses: dict[str, tuple] = field(default_factory=dict)
    pronouns: dict[str, tuple] = field(default_factory=dict)
    names: dict[str, tuple] = field(default_factory=dict)
    scopes: dict[str, int] = field(default_factory=dict)
    status: dict[str, tuple] = field(default_factory=dict)
    version: str = ""
    path: str = ""
    arabic: "ArabicLexicon | None" = None


@dataclass(frozen=True)
class ArabicLexicon:
    """The ``[arabic]`` section: Arabic cues and marker words (read by :mod:`graphx.arabic`)."""

    cues: tuple
    words: dict
    scopes: dict


def default_lexicon_path() -> Path:
    return Path(str(resources.files("graphx") / "data" / "relations.toml"))


def _words(path, lines, section, key, value, header=None) -> tuple:
    at = key_line(lines, key, header) if header else value_line(lines, key) or None
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        bad = next((v for v in value if not (isinstance(v, str) and v.strip())), None) \
            if isinstance(value, list) else None
        where = (value_line(lines, bad, at or 1) or at) if isinstance(bad, str) else at
        raise ConfigError(path, where, f"[{section}] {key} must be a list of non-empty strings",
                          f'write {key} = ["...", "..."] and remove empty entries')
    return tuple(" ".join(v.lower().split()) for v in value)


def _unknown_keys(path, lines, header, what, entry, known):
    extra = sorted(set(entry) - set(known))
    if extra:
        raise ConfigError(path, key_line(lines, extra[0], header), f"{what}: unknown key {extra[0]!r}",
                          "known keys: " + ", ".join(known))


def load_lexicon(path=None) -> Lexicon:
    """Load and validate a cue lexicon (the shipped one by default).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> sorted(lex.relations)
    ['contacted', 'fled-to', 'mediated', 'refused', 'represents']
    """
    path = Path(path) if path else default_lexicon_path()
    data, lines = read_toml(path)
    unknown = set(data) - {"relations", "cue", "markers", "clauses", "pronouns", "names", "arabic", "status"}
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(path, value_line(lines, key) or None, f"unknown section {key!r}",
                          "sections: relations, cue, markers, clauses, pronouns, names, arabic, status")
    rels = data.get("relations")
    if not isinstance(rels, dict) or not rels:
        raise ConfigError(path, None, "no [relations.NAME] tables", "define at least one relation")
    relations = {}
    for name, spec in rels.items():
        line = next((i for i, ln in enumerate(lines, 1) if ln.strip() in (f"[relations.{name}]",
                                                                          f'[relations."{name}"]')), None)
        if not _RELATION.match(name) or not isinstance(spec, dict):
            raise ConfigError(path, line, f"bad relation {name!r}",
                              "relation names are lower-case words joined by '-'")
        _unknown_keys(path, lines, line, f"relation {name!r}", spec, _RELATION_KEYS)
        if "color" in spec and not (isinstance(spec["color"], str) and _COLOR.match(spec["color"])):
            raise ConfigError(path, key_line(lines, "color", line), f"relation {name!r}: bad color {spec['color']!r}",
                              'write color = "#RRGGBB"')
        kinds = {}
        for key in ("source_kinds", "target_kinds"):
            value = spec.get(key, [])
            if not isinstance(value, list):
                raise ConfigError(path, key_line(lines, key, line), f"relation {name!r}: {key} must be a list",
                                  f'write {key} = ["person", "state"]')
            kinds[key] = tuple(value)
            bad = [k for k in kinds[key] if k not in KINDS]
            if bad:
                raise ConfigError(path, key_line(lines, key, line),
                                  f"relation {name!r}: unknown kind {bad[0]!r} in {key}",
                                  "use one of " + ", ".join(KINDS))
        relations[name] = Relation(
            name=name, description=str(spec.get("description", "")), color=str(spec.get("color", "#888888")),
            cameo=str(spec.get("cameo", "")), plover=str(spec.get("plover", "")),
            codes_note=str(spec.get("codes_note", "")),
            attempts_count=bool(spec.get("attempts_count", False)), source_kinds=kinds["source_kinds"],
            target_kinds=kinds["target_kinds"], passive_flips=bool(spec.get("passive_flips", True)),
        )
    cue_specs = data.get("cue", [])
    if not isinstance(cue_specs, list) or not cue_specs:
        raise ConfigError(path, None, "no [[cue]] entries", "add [[cue]] tables with relation and phrases")
    cue_lines = [i for i, ln in enumerate(lines, 1) if ln.strip() == "[[cue]]"]
    cues = _cues(path, lines, cue_specs, cue_lines, relations)
    sections = {}
    for section, keys in (("markers", _MARKER_KEYS), ("clauses", _CLAUSE_KEYS),
                          ("pronouns", _PRONOUN_KEYS), ("names", _NAME_KEYS), ("status", _STATUS_KEYS)):
        table = data.get(section, {})
        header = section_line(lines, section)
        if not isinstance(table, dict):
            raise ConfigError(path, header, f"{section!r} must be a table", f"write [{section}]")
        _unknown_keys(path, lines, header, f"[{section}]", table,
                      keys + (tuple(_SCOPE_KEYS) if section == "markers" else ()))
        sections[section] = {k: _words(path, lines, section, k, table.get(k, []), header) for k in keys}
    markers_raw = data.get("markers", {})
    scopes = {}
    for key, default in _SCOPE_KEYS.items():
        value = markers_raw.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(path, key_line(lines, key, section_line(lines, "markers")),
                              f"[markers] {key} must be a whole number of tokens", f"write {key} = {default}")
        scopes[key] = value
    version = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    return Lexicon(relations=relations, cues=cues, markers=sections["markers"], clauses=sections["clauses"],
                   pronouns=sections["pronouns"], names=sections["names"], status=sections["status"], scopes=scopes,
                   version=version, path=str(path), arabic=_arabic(path, lines, data.get("arabic"), relations))


def _arabic(path, lines, spec, relations) -> ArabicLexicon | None:
    """The optional ``[arabic]`` section: word lists plus ``[[arabic.cue]]`` groups."""
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise ConfigError(path, value_line(lines, "arabic") or None, "[arabic] must be a table")
    cue_lines = [i for i, ln in enumerate(lines, 1) if ln.strip() == "[[arabic.cue]]"]
    cues = _cues(path, lines, spec.get("cue", []), cue_lines, relations)
    words, scopes = {}, {}
    for key, value in spec.items():
        if key == "cue":
            continue
        if key.endswith("_scope"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(path, value_line(lines, key) or None, f"[arabic] {key} must be a positive integer")
            scopes[key] = value
        else:
            words[key] = _words(path, lines, "arabic", key, value)
    return ArabicLexicon(cues=tuple(cues), words=words, scopes=scopes)


def _cues(path, lines, cue_specs, cue_lines, relations) -> list:
    """Validated :class:`Cue` groups; ``cue_lines`` are the lines of their table headers."""
    if not isinstance(cue_specs, list):
        raise ConfigError(path, None, "cue entries must be [[cue]] tables")
    cues = []
    phrase_at: dict[str, int | None] = {}
    for n, spec in enumerate(cue_specs):
        line = cue_lines[n] if n < len(cue_lines) else None
        if not isinstance(spec, dict):
            raise ConfigError(path, line, "each cue must be a [[cue]] table")
        _unknown_keys(path, lines, line, "cue", spec, _CUE_KEYS)
        rel = spec.get("relation")
        if rel not in relations:
            raise ConfigError(path, key_line(lines, "relation", line) if "relation" in spec else line,
                              f"cue relation {rel!r} is not defined", "use one of " + ", ".join(sorted(relations)))
        voice = spec.get("voice", "active")
        if voice not in VOICES:
            raise ConfigError(path, key_line(lines, "voice", line), f"unknown voice {voice!r}",
                              "use one of " + ", ".join(VOICES))
        if "phrases" not in spec:
            raise ConfigError(path, line, "cue has no phrases", 'add phrases = ["...", "..."]')
        phrases = _words(path, lines, "cue", "phrases", spec["phrases"], line)
        for phrase in phrases:
            if phrase_at.get(phrase, line) != line:  # (twice in one group is harmless)
                at = key_line(lines, "phrases", line) or 1
                raise ConfigError(path, value_line(lines, phrase, at) or at,
                                  f"cue phrase {phrase!r} is also in the [[cue]] at line {phrase_at[phrase]}",
                                  "a phrase belongs to one cue group: remove one of them")
            phrase_at[phrase] = line
        window = spec.get("window", 12)
        if not isinstance(window, int) or isinstance(window, bool) or window < 1:
            raise ConfigError(path, key_line(lines, "window", line), "window must be a positive integer",
                              "write window = 12")
        cues.append(Cue(
            relation=rel, rule=str(spec.get("rule") or rel), phrases=phrases, voice=voice,
            target_preps=_words(path, lines, "cue", "target_preps", spec.get("target_preps", []), line),
            agent_preps=_words(path, lines, "cue", "agent_preps", spec.get("agent_preps", ["by"]), line),
            window=window, travel=bool(spec.get("travel", False)), line=line,
        ))
    return cues
