"""The lexicon: the relations (``data/relations.toml``) and each language's words
(``data/lang/en.toml``, ``data/lang/ar.toml``): load and validate.

Kept apart from the rules that use it so that a user's file (``--lexicon``) is
checked before any document is read. Every language file has the same schema:
``[[cue]]`` groups and the sections ``[markers]``, ``[clauses]``, ``[pronouns]``,
``[names]``, ``[status]`` (a section or key a language does not use may be left
out). A problem is a :class:`~graphx.errors.ConfigError` naming file and line.
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

SOURCES = ("subject", "agent", "object")
TARGETS = ("object", "oblique", "subject")
_RELATION = re.compile(r"^[a-z][a-z0-9-]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# The keys of each language section: one schema for every language.
SECTION_KEYS = {
    "markers": ("negation", "denial", "hedge", "intent", "conditional", "attempt", "realised_infinitive",
                "visit", "deployment", "speech", "not_cues", "purpose", "flight_context", "asylum", "according_to", "denial_openers",
                "infinitive", "infinitive_blockers", "infinitive_passive", "modal", "future", "compulsion",
                "spokespeople", "prevention", "prevention_openers", "purpose_preps"),
    "clauses": ("boundaries", "subordinating", "relative", "coordinating", "passive_aux", "prepositions",
                "locative", "determiners", "coordination", "requested_by", "initiative", "topics", "list_openers", "party_nouns",
                "owner_nouns", "joined_prepositions", "construct_nouns", "regime_nouns", "adverbs", "place_nouns", "event_nouns", "companions", "escorts",
                "copulas", "perception", "vehicles", "carrying", "hosting", "gatherings", "control", "coercion", "venue", "reception", "place_visit", "aboard", "bound",
                "departure", "permissions", "lending", "retracting", "leading", "homeward", "home_words", "setting", "visit_nouns", "sent_back",
                "locative_relative", "named_heads", "named_after", "relatives", "contrast", "set_off", "set_off_adverbs",
                "for_another", "credit", "institutions", "personal_relative", "press", "here_after", "representing", "together", "additive", "support", "stretches",
                "demonstratives", "leaders", "complementizers", "office_holders"),
    "pronouns": ("subject", "object", "possessive", "group", "group_possessive", "plural", "first", "first_plural", "counterpart", "nobody", "latter",
                 "former", "country", "definite", "propositions", "armed", "bodies",
                 "feminine", "masculine", "plural_forms"),
    "names": ("titles", "particles", "female", "fallen", "rulers", "zones", "tongue", "offices", "routes",
              "translated_titles", "indefinite", "capital", "seats", "deputies", "kin_titles", "kin_possessives",
              "organisation_heads", "households", "place_heads", "state_modifiers", "posts", "outlet_heads",
              "touring_titles"),
    "status": ("killed", "survived"),
    "groups": ("people", "kin", "modifiers", "quantities", "protection", "own", "envoys", "close", "civilians",
               "unowned", "unowned_nouns", "idioms", "premises", "stances", "fighting",
               "communities", "met_preps"),
}
_SCOPE_KEYS = {"negation_scope": 4, "intent_scope": 5, "denial_reach": 8}  # [markers] integers, with their defaults
_BEHAVIOUR_KEYS = ("meets", "target_fallback", "go_between", "journey", "roles", "members", "target_groups",
                   "infinitive_cues")
_RELATION_KEYS = ("description", "color", "cameo", "plover", "codes_note", "attempts_count", "source_kinds",
                  "target_kinds", "passive_flips") + _BEHAVIOUR_KEYS
_CUE_KEYS = ("relation", "rule", "phrases", "lemmas", "source", "target", "target_preps", "agent_preps", "window",
             "travel", "joint", "person_relation", "protector", "pos", "joins", "refused_by", "request")
# Universal part-of-speech tags a cue's ``pos`` may name (spaCy's coarse tags).
_POS_TAGS = ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "ADP", "ADV")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Named rules the data may switch on (graphx/extract/inference.py, graphx/conflicts.py).
INFERENCE_RULES = ("refused-request", "request-frame", "purpose-mediation", "mediation-by-proxy", "passage", "asylum-grant",
                   "intermediary", "refuge-host")
CONFLICT_RULES = ("destination", "denied", "granted-refused", "status")


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
    # behaviour (relations.toml explains each)
    meets: bool = False
    target_fallback: bool = False
    go_between: bool = False
    journey: bool = False
    roles: bool = False
    members: bool = False
    target_groups: bool = False
    infinitive_cues: bool = False


@dataclass(frozen=True)
class Cue:
    """One group of cue phrases sharing a relation and where its two actors stand."""

    relation: str
    rule: str
    phrases: tuple
    source: str = "subject"
    target: str = "object"
    target_preps: tuple = ()
    agent_preps: tuple = ("by",)
    window: int = 12
    travel: bool | str = False  # a travel verb: a visit, not a flight, where [markers] visit says so;
    # "arrival": also a group's advance, not a flight, unless the sentence speaks of one;
    # "stop": a stay, a flight's stop only where the sentence speaks of flight;
    # "companion": the target is someone travelled with: the source goes where the target's last
    # journey in the report went ("His wife travelled with HIM")
    lemmas: tuple = ()  # lemmas of the cue's head word, for pipelines with a lemmatizer
    joint: bool = False  # a mutual event: those named together before it, and no one after, met each other
    person_relation: str = ""  # the relation the cue states when its target is a person ("reached him")
    pos: tuple = ()  # the first word's part of speech must be one of these (only where a tagger ran)
    joins: bool = False  # taking part in a meeting told before ("took part in THE talks"): its other side
    protector: bool = False  # a person as target stands for his state ("asylum from Putin": Russia)
    # a refuge sought is found, unless the report tells in its sentence or the next that the seeker was
    # refused (an event of relation ``refused_by`` with the seeker as target): then it was a ``request``
    # of the place's party ("sought refuge in the UAE. However, his request was denied": contacted)
    refused_by: str = ""
    request: str = ""
    language: str = "en"
    line: int | None = None

    @property
    def voice(self) -> str:
        """The offline finder's reading of the roles: active, passive or recipient."""
        if self.source == "subject":
            return "active"
        return "passive" if self.source == "agent" else "recipient"


@dataclass(frozen=True)
class Inference:
    """A named rule by which an event of relation ``when`` implies edges of ``gives``."""

    rule: str
    when: str
    gives: tuple
    line: int | None = None


@dataclass(frozen=True)
class ConflictRule:
    rule: str
    relations: tuple = ()
    cue_rules: tuple = ()  # cue groups whose evidence counts on its own (granted-refused: taking refuge)
    line: int | None = None


@dataclass(frozen=True)
class Language:
    """One language's words: cue groups and the marker, clause, pronoun, name and status lists."""

    code: str
    cues: tuple = ()
    markers: dict = field(default_factory=dict)
    clauses: dict = field(default_factory=dict)
    pronouns: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    status: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)
    scopes: dict = field(default_factory=dict)
    proclitics: tuple = ()  # cues.Prefix: letters joined to a word, and what they mean
    path: str = ""

    def words(self) -> dict:
        """Every word list of the language by key (keys are unique across sections)."""
        out = {}
        for section in SECTION_KEYS:
            out.update(getattr(self, section))
        return out


@dataclass
class Lexicon:
    relations: dict[str, Relation]
    languages: dict[str, Language]
    inferences: tuple = ()
    conflicts: tuple = ()
    settings_kinds: tuple = ("place", "outlet")
    version: str = ""
    paths: tuple = ()

    # The English words, which the English rules read (kept as attributes for them).
    @property
    def english(self) -> Language:
        return self.languages.get("en") or Language("en")

    @property
    def cues(self):
        return list(self.english.cues)

    @property
    def markers(self):
        return self.english.markers

    @property
    def clauses(self):
        return self.english.clauses

    @property
    def pronouns(self):
        return self.english.pronouns

    @property
    def names(self):
        return self.english.names

    @property
    def status(self):
        return self.english.status

    @property
    def scopes(self):
        return self.english.scopes

    def inferences_for(self, relation: str) -> tuple:
        """The inference rules an event of ``relation`` triggers, as {rule name: Inference}."""
        return {i.rule: i for i in self.inferences if i.when == relation}

    def with_behaviour(self, key: str) -> tuple:
        """The relations whose behaviour ``key`` is on, in file order."""
        return tuple(r.name for r in self.relations.values() if getattr(r, key))

    def words_of(self, section: str, key: str) -> tuple:
        """A word list across every language (e.g. the asylum words a conflict rule reads)."""
        return tuple(w for lang in self.languages.values() for w in getattr(lang, section).get(key, ()))


def default_lexicon_path() -> Path:
    return Path(str(resources.files("graphx") / "data" / "relations.toml"))


def default_language_path(code: str) -> Path:
    return Path(str(resources.files("graphx") / "data" / "lang" / f"{code}.toml"))


SHIPPED_LANGUAGES = ("en", "ar")


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


def _header_lines(lines, header: str) -> list[int]:
    return [i for i, ln in enumerate(lines, 1) if ln.split("#")[0].strip() == header]


def load_lexicon(*paths) -> Lexicon:
    """Load and validate the lexicon: the shipped files, each replaced by a user's file given.

    A file with a top-level ``language = "xx"`` replaces that language's file
    (``data/lang/xx.toml``; a new code adds a language); any other file replaces
    ``relations.toml``.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> sorted(lex.relations)
    ['contacted', 'fled-to', 'mediated', 'member-of', 'refused', 'represents']
    >>> sorted(lex.languages), lex.with_behaviour("journey")
    (['ar', 'en'], ('fled-to',))
    """
    relations_path = default_lexicon_path()
    language_paths = {code: default_language_path(code) for code in SHIPPED_LANGUAGES}
    for p in paths:
        if not p:
            continue
        p = Path(p)
        data, lines = read_toml(p)
        code = data.get("language")
        if code is None:
            relations_path = p
            continue
        if not isinstance(code, str) or not _LANGUAGE.match(code):
            raise ConfigError(p, key_line(lines, "language", None), f"bad language code {code!r}",
                              'write language = "en" (a two- or three-letter ISO 639 code)')
        language_paths[code] = p
    data, lines = read_toml(relations_path)
    relations, inferences, conflicts, settings = _relations_file(relations_path, data, lines)
    languages = {}
    version = hashlib.sha256("\n".join(lines).encode())
    for code in sorted(language_paths):
        path = language_paths[code]
        ldata, llines = read_toml(path)
        languages[code] = _language_file(path, ldata, llines, relations, code)
        version.update(b"\0" + code.encode() + b"\0" + "\n".join(llines).encode())
    return Lexicon(relations=relations, languages=languages, inferences=inferences, conflicts=conflicts,
                   settings_kinds=settings, version=version.hexdigest()[:16],
                   paths=(str(relations_path),) + tuple(str(language_paths[c]) for c in sorted(language_paths)))


def _relations_file(path, data, lines):
    if "language" in data or "cue" in data:
        raise ConfigError(path, key_line(lines, "language", None) if "language" in data else
                          (_header_lines(lines, "[[cue]]") or [None])[0],
                          "cues belong in a language file", 'add language = "en" at the top of a file of [[cue]] '
                          "groups and word lists; a relations file has [relations.NAME], [[inference]] and [[conflict]]")
    unknown = set(data) - {"relations", "inference", "conflict", "settings_kinds"}
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(path, section_line(lines, key) or value_line(lines, key) or key_line(lines, key, None),
                          f"unknown section {key!r}",
                          "a relations file has [relations.NAME], [[inference]], [[conflict]] and settings_kinds "
                          "(word lists go in a language file: graphx/data/lang/en.toml)")
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
        for key in ("attempts_count", "passive_flips") + _BEHAVIOUR_KEYS:
            if key in spec and not isinstance(spec[key], bool):
                raise ConfigError(path, key_line(lines, key, line), f"relation {name!r}: {key} must be true or false",
                                  f"write {key} = true")
        kinds = {}
        for key in ("source_kinds", "target_kinds"):
            kinds[key] = _kinds(path, lines, line, f"relation {name!r}", key, spec.get(key, []))
        relations[name] = Relation(
            name=name, description=str(spec.get("description", "")), color=str(spec.get("color", "#888888")),
            cameo=str(spec.get("cameo", "")), plover=str(spec.get("plover", "")),
            codes_note=str(spec.get("codes_note", "")),
            attempts_count=spec.get("attempts_count", False), source_kinds=kinds["source_kinds"],
            target_kinds=kinds["target_kinds"], passive_flips=spec.get("passive_flips", True),
            **{k: spec.get(k, False) for k in _BEHAVIOUR_KEYS},
        )
    settings = _kinds(path, lines, None, "settings_kinds", "settings_kinds",
                      data.get("settings_kinds", ["place", "outlet"]))
    inferences = []
    for spec, line in _tables(path, lines, data, "inference"):
        _unknown_keys(path, lines, line, "inference", spec, ("rule", "when", "gives"))
        rule = spec.get("rule")
        if rule not in INFERENCE_RULES:
            raise ConfigError(path, key_line(lines, "rule", line), f"unknown inference rule {rule!r}",
                              "rules: " + ", ".join(INFERENCE_RULES))
        gives = spec.get("gives", [])
        gives = [gives] if isinstance(gives, str) else gives
        if spec.get("when") not in relations:
            raise ConfigError(path, key_line(lines, "when", line), f"inference {rule!r}: relation "
                              f"{spec.get('when')!r} is not defined", "use one of " + ", ".join(sorted(relations)))
        if not isinstance(gives, list) or not gives or any(g not in relations for g in gives):
            raise ConfigError(path, key_line(lines, "gives", line), f"inference {rule!r}: gives must name "
                              "defined relations", "use some of " + ", ".join(sorted(relations)))
        inferences.append(Inference(rule, spec["when"], tuple(gives), line))
    conflicts = []
    for spec, line in _tables(path, lines, data, "conflict"):
        _unknown_keys(path, lines, line, "conflict", spec, ("rule", "relations", "cue_rules"))
        rule = spec.get("rule")
        if rule not in CONFLICT_RULES:
            raise ConfigError(path, key_line(lines, "rule", line), f"unknown conflict rule {rule!r}",
                              "rules: " + ", ".join(CONFLICT_RULES))
        rels_ = spec.get("relations", [])
        if not isinstance(rels_, list) or any(r not in relations for r in rels_):
            raise ConfigError(path, key_line(lines, "relations", line),
                              f"conflict {rule!r}: relations must list defined relations",
                              "use some of " + ", ".join(sorted(relations)))
        arity = {"destination": 1, "granted-refused": 2}.get(rule, 0)
        if len(rels_) != arity:
            raise ConfigError(path, key_line(lines, "relations", line) or line,
                              f"conflict {rule!r} reads {arity} relation(s), not {len(rels_)}",
                              {0: "remove relations", 1: 'write relations = ["fled-to"]',
                               2: 'write relations = ["refused", "fled-to"] (the refusal, then the flight)'}[arity])
        conflicts.append(ConflictRule(rule, tuple(rels_), _words(path, lines, "conflict", "cue_rules",
                                                                 spec.get("cue_rules", []), line), line))
    return relations, tuple(inferences), tuple(conflicts), settings


def _kinds(path, lines, line, what, key, value) -> tuple:
    if not isinstance(value, list):
        raise ConfigError(path, key_line(lines, key, line), f"{what}: {key} must be a list",
                          f'write {key} = ["person", "state"]')
    bad = [k for k in value if k not in KINDS]
    if bad:
        raise ConfigError(path, key_line(lines, key, line), f"{what}: unknown kind {bad[0]!r} in {key}",
                          "use one of " + ", ".join(KINDS))
    return tuple(value)


def _tables(path, lines, data, name):
    """The ``[[name]]`` tables of a file with the line of each header."""
    specs = data.get(name, [])
    if not isinstance(specs, list) or not all(isinstance(s, dict) for s in specs):
        raise ConfigError(path, section_line(lines, name) or value_line(lines, name) or None,
                          f"{name} entries must be [[{name}]] tables")
    at = _header_lines(lines, f"[[{name}]]")
    return [(s, at[n] if n < len(at) else None) for n, s in enumerate(specs)]


def _language_file(path, data, lines, relations, code) -> Language:
    known = {"language", "cue", "proclitic", *SECTION_KEYS, "dates"}
    unknown = set(data) - known
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(path, section_line(lines, key) or value_line(lines, key) or key_line(lines, key, None),
                          f"unknown section {key!r}", "sections: " + ", ".join(sorted(known - {"language"})))
    if data.get("language", code) != code:
        raise ConfigError(path, key_line(lines, "language", None), f"language {data['language']!r} in the file "
                          f"read as {code!r}", f'write language = "{code}"')
    cues = _cues(path, lines, _tables(path, lines, data, "cue"), relations, code)
    sections = {}
    for section, keys in SECTION_KEYS.items():
        table = data.get(section, {})
        header = section_line(lines, section)
        if not isinstance(table, dict):
            raise ConfigError(path, header, f"{section!r} must be a table", f"write [{section}]")
        _unknown_keys(path, lines, header, f"[{section}]", table,
                      keys + (tuple(_SCOPE_KEYS) if section == "markers" else ()))
        sections[section] = {k: _words(path, lines, section, k, table.get(k, []), header) for k in keys}
    groups = sections["groups"]
    if groups.get("communities"):
        # a community ("Alawites") is a party of its own whose arrival is its flight, as refugees are:
        # one of [groups] own and civilians, listed once
        for key in ("own", "civilians"):
            groups[key] = tuple(groups[key]) + tuple(w for w in groups["communities"] if w not in groups[key])
    markers_raw = data.get("markers", {})
    scopes = {}
    for key, default in _SCOPE_KEYS.items():
        value = markers_raw.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(path, key_line(lines, key, section_line(lines, "markers")),
                              f"[markers] {key} must be a whole number of tokens", f"write {key} = {default}")
        scopes[key] = value
    return Language(code=code, cues=tuple(cues), scopes=scopes, path=str(path),
                    proclitics=_proclitics(path, lines, data), **sections)


def _proclitics(path, lines, data) -> tuple:
    """``[[proclitic]]`` tables: letters a word may carry joined to it (Arabic و, ل, س)."""
    from .extract.cues import Prefix

    out = []
    for spec, line in _tables(path, lines, data, "proclitic"):
        _unknown_keys(path, lines, line, "proclitic", spec, ("letters", "meaning", "before"))
        letters = spec.get("letters")
        if not isinstance(letters, str) or not letters.strip():
            raise ConfigError(path, key_line(lines, "letters", line), "a proclitic needs letters",
                              'write letters = "و"')
        meaning = spec.get("meaning", "")
        if meaning not in ("", "purpose", "future"):
            raise ConfigError(path, key_line(lines, "meaning", line), f"unknown proclitic meaning {meaning!r}",
                              'use "" (a conjunction), "purpose" or "future"')
        before = spec.get("before", "")
        if not isinstance(before, str):
            raise ConfigError(path, key_line(lines, "before", line), "before must be a string of letters",
                              'write before = "يتن"')
        out.append(Prefix(letters.strip(), meaning, before))
    return tuple(out)


def _cues(path, lines, tables, relations, code) -> list:
    """Validated :class:`Cue` groups of one language file."""
    cues = []
    phrase_at: dict[str, int | None] = {}
    for spec, line in tables:
        if "voice" in spec:
            raise ConfigError(path, key_line(lines, "voice", line), "voice is replaced by source and target",
                              'passive: source = "agent", target = "subject"; recipient: source = "object", '
                              'target = "subject"; active is the default')
        _unknown_keys(path, lines, line, "cue", spec, _CUE_KEYS)
        rel = spec.get("relation")
        if rel not in relations:
            raise ConfigError(path, key_line(lines, "relation", line) if "relation" in spec else line,
                              f"cue relation {rel!r} is not defined", "use one of " + ", ".join(sorted(relations)))
        for key, allowed, default in (("source", SOURCES, "subject"), ("target", TARGETS, "object")):
            if spec.get(key, default) not in allowed:
                raise ConfigError(path, key_line(lines, key, line), f"unknown {key} {spec[key]!r}",
                                  "use one of " + ", ".join(allowed))
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
        if spec.get("person_relation", "") not in ("", *relations):
            raise ConfigError(path, key_line(lines, "person_relation", line),
                              f"person_relation {spec['person_relation']!r} is not defined",
                              "use one of " + ", ".join(sorted(relations)))
        for key in ("refused_by", "request"):
            if spec.get(key, "") not in ("", *relations):
                raise ConfigError(path, key_line(lines, key, line), f"{key} {spec[key]!r} is not defined",
                                  "use one of " + ", ".join(sorted(relations)))
        if bool(spec.get("refused_by")) != bool(spec.get("request")):
            raise ConfigError(path, key_line(lines, "request" if spec.get("request") else "refused_by", line),
                              "refused_by and request go together",
                              'write both, e.g. refused_by = "refused" and request = "contacted"')
        for key in ("joint", "joins", "protector"):
            if key in spec and not isinstance(spec[key], bool):
                raise ConfigError(path, key_line(lines, key, line), f"{key} must be true or false",
                                  f"write {key} = true")
        if "travel" in spec and spec["travel"] not in (True, False, "arrival", "stop", "companion"):
            raise ConfigError(path, key_line(lines, "travel", line),
                              'travel must be true, false, "arrival", "stop" or "companion"',
                              "write travel = true")
        pos = tuple(t.upper() for t in _words(path, lines, "cue", "pos", spec.get("pos", []), line))
        for tag in pos:
            if tag not in _POS_TAGS:
                raise ConfigError(path, value_line(lines, tag, line) or key_line(lines, "pos", line),
                                  f"unknown part of speech {tag!r}", "use one of " + ", ".join(_POS_TAGS))
        cues.append(Cue(
            relation=rel, rule=str(spec.get("rule") or rel), phrases=phrases,
            source=spec.get("source", "subject"), target=spec.get("target", "object"),
            target_preps=_words(path, lines, "cue", "target_preps", spec.get("target_preps", []), line),
            agent_preps=_words(path, lines, "cue", "agent_preps", spec.get("agent_preps", ["by"]), line),
            window=window, travel=spec.get("travel", False), joint=bool(spec.get("joint", False)),
            person_relation=spec.get("person_relation", ""), protector=bool(spec.get("protector", False)),
            lemmas=_words(path, lines, "cue", "lemmas", spec.get("lemmas", []), line), language=code, line=line,
            pos=pos, joins=bool(spec.get("joins", False)),
            refused_by=spec.get("refused_by", ""), request=spec.get("request", ""),
        ))
    return cues
