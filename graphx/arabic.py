"""Arabic reports: spaCy's Arabic tokenizer, the alias table's Arabic names and the
``[arabic]`` cue lexicon of ``data/relations.toml``.

A report may be Arabic, English, or both (an Arabic original followed by its
translation). :func:`arabic_segments` finds the Arabic paragraphs; each run is
tokenized by ``spacy.blank("ar")`` and read by :class:`ArabicExtractor`, which
yields the same :class:`~graphx.types.Evidence` records as the English rules
(``language = "ar"``), so an edge found in both halves cites both sentences.

The rules are general Arabic word-order rules, not a parser:

* words match on a normalised form (:func:`normalise`); a cue may carry a joined
  conjunction (و / ف), a joined ل (a purpose: intent) or a future س (intent);
* the source is the actor right before the cue in its clause, else the actor right
  after it (verb-first order, or the agent of a verbal noun: "زيارة الشرع"), else the
  nearest actor before it in the clause, else the previous clause's or sentence's subject;
* the target is the first actor after the cue that no locative preposition governs
  (fled-to: every place after a target preposition, so a flight's stops are all kept);
  a refusal with no named target points back at the other actor named before it;
* markers (negation, denial, hedge, intent, attempt, condition) come from the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language

from .dates import event_date
from .lexicon import Cue, Lexicon
from .types import Document, Evidence

_TASHKEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_PARAGRAPH = re.compile(r"\n\s*\n")
_END_PUNCT = (".", "!", "…")
_CLOSERS = "\"'”’»)] \n\t"
_CONJUNCTIONS = ("و", "ف")
_PURPOSE = ("ل", "ول", "فل")
_FUTURE = ("س", "وس", "فس")
_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")  # longest first


def normalise(word: str) -> str:
    """The form Arabic words are compared in: no diacritics or tatweel, one alef, ي, ه.

    >>> normalise("اجتماعًا") == normalise("اجتماعا")
    True
    >>> normalise("إلى") == normalise("الى")
    True
    """
    return _TASHKEEL.sub("", word).translate(_FOLD).lower()


def is_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and 2 * sum(1 for c in letters if _ARABIC_LETTER.match(c)) > len(letters)


def arabic_segments(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Character spans of the runs of Arabic paragraphs in ``text[start:]``.

    >>> arabic_segments("English only.\\n\\nالأسد غادر.\\n\\nAnd English.")
    [(15, 26)]
    """
    spans, cur = [], None
    pos = start
    for m in list(_PARAGRAPH.finditer(text, start)) + [None]:
        end = m.start() if m else len(text)
        para = text[pos:end]
        if para.strip():
            if is_arabic(para):
                lo = pos + (len(para) - len(para.lstrip()))
                hi = pos + len(para.rstrip())
                cur = (cur[0], hi) if cur else (lo, hi)
            elif cur:
                spans.append(cur)
                cur = None
        if m is None:
            break
        pos = m.end()
    if cur:
        spans.append(cur)
    return spans


def make_arabic_pipeline(table):
    """``spacy.blank("ar")`` + sentences + normalised norms + the alias ruler."""
    import spacy
    from spacy.util import compile_suffix_regex

    from .nlp import KIND_LABELS, line_breaks  # noqa: F401  (registers graphx_line_breaks)

    names = {}  # Arabic names of the table -> actor
    for actor in table.actors.values():
        for name in table.names(actor):
            if _ARABIC_LETTER.search(name):
                names.setdefault(" ".join(name.split()), actor)
    # A name written with a joined clitic ("ببوتين", "وروسيا", "للأسد") matches through its norm.
    words = sorted({normalise(w) for name in names for w in name.split()})
    starts = sorted({normalise(name.split()[0]) for name in names})
    nlp = spacy.blank("ar")
    # "2024." / "أبدًا." / "”،": a full stop or closing quote glued to a word is split off,
    # so the sentencizer sees it.
    suffixes = list(nlp.Defaults.suffixes or []) + [r"(?<=[\u0600-\u06FF\d])\.", r"[”»\"]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("graphx_line_breaks")
    nlp.add_pipe("graphx_arabic_norms", config={"words": words, "starts": starts})
    ruler = nlp.add_pipe("entity_ruler", name="graphx_aliases",
                         config={"phrase_matcher_attr": "NORM", "overwrite_ents": True})
    ruler.add_patterns([{"label": KIND_LABELS[a.kind], "pattern": name, "id": a.id} for name, a in sorted(
        names.items(), key=lambda kv: (kv[1].id, kv[0]))])
    return nlp


@Language.factory("graphx_arabic_norms", default_config={"words": [], "starts": []})
def make_arabic_norms(nlp, name, words: list, starts: list):
    return ArabicNorms(words, starts)


class ArabicNorms:
    """Token norms in :func:`normalise` form, a joined clitic dropped where the rest starts a
    name of the table and the whole word is not itself a word of one ("ببوتين" -> "بوتين",
    "للأسد" -> "الاسد"), so the alias ruler needs no clitic variants."""

    def __init__(self, words, starts):
        self.words, self.starts = set(words), set(starts)

    def norm(self, word: str) -> str:
        w = normalise(word)
        if w in self.words:
            return w
        for p in _CLITICS:
            if not w.startswith(p):
                continue
            rest = w[len(p):]
            if rest in self.starts:
                return rest
            if p.endswith("ل") and rest.startswith("ل") and "ا" + rest in self.starts:
                return "ا" + rest  # ل + ال is written لل: "للأسد"
        return w

    def __call__(self, doc):
        for tok in doc:
            tok.norm_ = self.norm(tok.text)
        return doc


@dataclass(frozen=True)
class _Party:
    actor: str
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str


@dataclass
class _Hit:
    cue: Cue
    start: int
    end: int
    prefix: str  # "", "purpose" or "future"


class ArabicExtractor:
    """Evidence from the Arabic paragraphs of a document (see the module docstring)."""

    def __init__(self, table, lexicon: Lexicon):
        self.table = table
        self.lexicon = lexicon
        self.ar = lexicon.arabic
        self.nlp = None
        words = self.ar.words if self.ar else {}
        self.w = {k: [tuple(normalise(x) for x in p.split()) for p in v] for k, v in words.items()}
        self.one = {k: {p[0] for p in v if len(p) == 1} for k, v in self.w.items()}
        self.cues: dict[str, list] = {}
        for cue in (self.ar.cues if self.ar else ()):
            for phrase in cue.phrases:
                words_ = tuple(normalise(x) for x in phrase.split())
                self.cues.setdefault(words_[0], []).append((words_, cue))
        for group in self.cues.values():
            group.sort(key=lambda pc: -len(pc[0]))
        self.names = {}
        for actor in table.actors.values():
            for name in table.names(actor):
                if _ARABIC_LETTER.search(name):
                    self.names.setdefault(normalise(" ".join(name.split())), actor.id)
        self.capital_of = {a.capital: a.id for a in table.actors.values() if a.capital}
        self.demonym_of = {normalise(d): a.id for a in table.actors.values() for d in a.demonyms
                           if _ARABIC_LETTER.search(d)}

    # ------------------------------------------------------------ entry
    def extract(self, document: Document):
        """Yield evidence for every Arabic run of ``document.body``."""
        if not self.cues:
            return
        segments = arabic_segments(document.text, document.body_start)
        if not segments:
            return
        if self.nlp is None:
            self.nlp = make_arabic_pipeline(self.table)
        for lo, hi in segments:
            doc = self.nlp(document.text[lo:hi])
            yield from self._doc(document, doc, lo)

    # ------------------------------------------------------------ helpers
    def kind(self, aid):
        actor = self.table.actors.get(aid)
        return actor.kind if actor else "person"

    def as_party(self, aid):
        if aid in self.capital_of:
            return self.capital_of[aid]
        return None if self.kind(aid) in self.one.get("settings", ()) else aid

    def _joined_preposition(self, text: str) -> bool:
        """"ببوتين", "للأسد": a name written with a joined preposition."""
        t = normalise(text)
        for conj in ("", "و", "ف"):
            for prep in self.one.get("joined_prepositions", ()):
                pre = conj + prep
                if not t.startswith(pre) or len(t) <= len(pre) + 1:
                    continue
                rest = t[len(pre):]
                if rest in self.names or (prep == "ل" and rest.startswith("ل") and "ا" + rest in self.names):
                    return True
        return False

    def _phrase_at(self, norms, i, key) -> int:
        for ph in self.w.get(key, ()):
            if tuple(norms[i:i + len(ph)]) == ph:
                return len(ph)
        return 0

    def _contains(self, norms, lo, hi, key) -> bool:
        for i in range(max(lo, 0), hi):
            n = self._phrase_at(norms, i, key)
            if n and i + n <= hi:
                return True
            if norms[i][:1] in _CONJUNCTIONS and (norms[i][1:],) in self.w.get(key, ()):
                return True
        return False

    def _match(self, norms, i, words) -> int:
        """End of ``words`` (a cue phrase, "*" = up to three words) matched at token i, else -1."""
        j = i
        for k, word in enumerate(words):
            if word == "*":
                nxt = words[k + 1] if k + 1 < len(words) else None
                for gap in range(0, 4):
                    if nxt is None or (j + gap < len(norms) and norms[j + gap] == nxt):
                        j += gap
                        break
                else:
                    return -1
                continue
            if j >= len(norms) or norms[j] != word:
                return -1
            j += 1
        return j

    def _cue_hits(self, norms, lo, hi):
        masked = set()
        for i in range(lo, hi):
            n = self._phrase_at(norms, i, "not_cues")
            masked.update(range(i, i + n))
        found = []
        for i in range(lo, hi):
            if i in masked:
                continue
            first = norms[i]
            forms = [(first, "")]
            forms += [(first[len(p):], "") for p in _CONJUNCTIONS if first.startswith(p)]
            forms += [(first[len(p):], "purpose") for p in _PURPOSE if first.startswith(p)]
            forms += [(first[len(p):], "future") for p in _FUTURE if first.startswith(p)
                      and first[len(p):][:1] in ("ي", "ت", "ن")]
            for form, prefix in forms:
                best = None
                for words, cue in self.cues.get(form, ()):
                    end = self._match(norms, i + 1, words[1:]) if len(words) > 1 else i + 1
                    if 0 < end <= hi and (best is None or end > best.end):
                        best = _Hit(cue, i, end, prefix)
                if best:
                    found.append(best)
                    break
        found.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken, out = set(), []
        for h in found:
            if not taken.intersection(range(h.start, h.end)):
                taken.update(range(h.start, h.end))
                out.append(h)
        return sorted(out, key=lambda h: h.start)

    # ------------------------------------------------------------ a document
    def _doc(self, document, doc, off):
        norms = [normalise(t.text) for t in doc]
        parties_all = []
        for ent in doc.ents:
            if ent.ent_id_ in self.table.actors:
                prev = parties_all[-1] if parties_all else None
                if prev and prev.actor == ent.ent_id_ and prev.end == ent.start:
                    span = doc[prev.start:ent.end]  # "الرئيس السوري" + "بشار الأسد": one party
                    parties_all[-1] = _Party(prev.actor, prev.start, ent.end, span.start_char, span.end_char, span.text)
                else:
                    parties_all.append(_Party(ent.ent_id_, ent.start, ent.end, ent.start_char, ent.end_char, ent.text))
        doc_date = document.meta.get("date", "")
        last_subject = None
        fleeing, travels = set(), []
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            s0, s1 = toks[0].i, toks[-1].i + 1
            text = doc[s0:s1].text
            if not text.rstrip(_CLOSERS).endswith(_END_PUNCT):
                continue  # a heading or a caption
            parties = [p for p in parties_all if s0 <= p.start < s1]
            ctx = _Sentence(self, doc, norms, s0, s1, parties)
            seen = {}
            for hit in self._cue_hits(norms, s0, s1):
                for ev in self._from_hit(document, ctx, hit, off, last_subject):
                    key = (ev.source, ev.relation, ev.target)
                    if key not in seen or (ev.asserted and not seen[key].asserted):
                        seen[key] = ev
            flighty = self._contains(norms, s0, s1, "flight_context")
            visit = self._contains(norms, s0, s1, "visit")
            for ev in seen.values():
                date, _ = event_date(ev.text, doc_date, trigger_offset=ev.trigger_start - ev.start)
                ev = replace(ev, date=date) if date != ev.date else ev
                if ev.relation == "fled-to" and ev.asserted:
                    if ev.rule in self._travel_rules():
                        if visit:
                            yield replace(ev, modality="visit", asserted=False)
                        else:
                            travels.append((ev, flighty))
                        continue
                    fleeing.add(ev.source)
                yield ev
            yield from self._status(document, ctx, off)
            if "represents" in self.lexicon.relations:
                yield from self._roles(document, ctx, off, doc_date)
            subj = ctx.first_subject()
            if subj:
                last_subject = subj
        for ev, flighty in travels:
            # "غادر ... متجها إلى": a trip is a flight where the sentence or the report says so
            yield ev if (flighty or ev.source in fleeing) else replace(ev, modality="travel", asserted=False)

    def _roles(self, document, ctx, off, doc_date):
        """Person -represents-> state/group: a title then the state's adjective or the group's
        name, within or right before the person's name ("الرئيس الروسي فلاديمير بوتين")."""
        from .relations import _citation

        rel = self.lexicon.relations["represents"]
        n, found = ctx.norms, {}
        for p in ctx.parties:
            if self.kind(p.actor) != "person":
                continue
            lo = max(ctx.start, p.start - 4)
            for i in range(lo, p.end):
                k = self._phrase_at(n, i, "titles")
                if not k:
                    continue
                group = None
                for j in (i + k, i + k + 1):  # "الرئيس الروسي", "وزير الخارجية التركي"
                    if j < p.end + 1 and j < ctx.end and n[j] in self.demonym_of:
                        group = self.demonym_of[n[j]]
                        break
                if group is None:  # "قائد هيئة تحرير الشام": a group's name after the title
                    for width in (4, 3, 2, 1):
                        aid = self.names.get(" ".join(n[i + k:i + k + width]))
                        if aid and self.kind(aid) in rel.target_kinds:
                            group = aid
                            break
                # the title must belong to this person: inside the name, or ending right before it
                if group and group != p.actor and (i >= p.start or not any(
                        q.start > i and q.start < p.start and self.kind(q.actor) == "person" for q in ctx.parties)):
                    found.setdefault((p.actor, group), (p, i, i + k))
                    break
        for (src, group), (p, t0, t1) in sorted(found.items()):
            trig = ctx.doc[t0:t1]
            yield Evidence(source=src, relation="represents", target=group, **_citation(document, ctx, off),
                           trigger=trig.text, trigger_start=off + trig.start_char, trigger_end=off + trig.end_char,
                           rule="ar-role-title", source_text=p.text, source_start=off + p.start_char,
                           source_end=off + p.end_char)

    def _status(self, document, ctx, off):
        from .status import status_claims

        words = {k: self.ar.words.get(k, ()) for k in ("killed", "survived")}
        persons = [(p.actor, p.start, p.end, p.text, p.start_char, p.end_char) for p in ctx.parties
                   if self.kind(p.actor) == "person"]
        if persons and any(words.values()):
            yield from status_claims(document, ctx.doc, persons, words, norm=normalise,
                                     negation=self.ar.words.get("negation", ()), denial=self.ar.words.get("denial", ()),
                                     sentences=[(ctx.start, ctx.end)], off=off, language="ar")

    def _travel_rules(self):
        return {c.rule for c in self.ar.cues if c.travel}

    def _from_hit(self, document, ctx, hit: _Hit, off, last_subject):
        from .relations import _citation

        cue, relation = hit.cue, self.lexicon.relations[hit.cue.relation]
        cs, ce = ctx.clause_of(hit.start)
        sources = ctx.sources(hit, cs, ce, relation, last_subject)
        src_ids = {p.actor for p in sources}
        targets = ctx.targets(hit, ce, relation, src_ids)
        if not targets and cue.relation == "refused":
            targets = ctx.other_before(hit.start, src_ids, last_subject)
        if cue.voice == "recipient":
            sources, targets = targets, sources  # "استقبل X Y": Y came to X
        if not sources or not targets:
            return
        negated, hedged, modality = ctx.modality(cs, ce, hit)
        asserted = not negated and (modality == "fact" or (modality == "attempt" and relation.attempts_count))
        flags = dict(negated=negated, hedged=hedged, modality=modality, asserted=asserted,
                     attributed_to=ctx.attribution(hit.start), **_citation(document, ctx, off))
        trigger = ctx.doc[hit.start:hit.end]
        for src in sources:
            sid = src.actor if relation.source_kinds else self.as_party(src.actor)
            if not sid or (relation.source_kinds and self.kind(sid) not in relation.source_kinds):
                continue
            for tgt in targets:
                if relation.target_kinds:
                    tid = tgt.actor if self.kind(tgt.actor) in relation.target_kinds else None
                else:
                    tid = self.as_party(tgt.actor)
                if not tid or tid == sid:
                    continue
                yield Evidence(
                    source=sid, relation=cue.relation, target=tid, trigger=trigger.text,
                    trigger_start=off + trigger.start_char, trigger_end=off + trigger.end_char, rule=cue.rule,
                    source_text=src.text, source_start=off + src.start_char if src.start >= 0 else -1,
                    source_end=off + src.end_char if src.start >= 0 else -1, target_text=tgt.text,
                    target_start=off + tgt.start_char if tgt.start >= 0 else -1,
                    target_end=off + tgt.end_char if tgt.start >= 0 else -1, **flags)


class _Sentence:
    """One Arabic sentence: clauses, parties, and the word-order rules."""

    def __init__(self, ex: ArabicExtractor, doc, norms, start, end, parties):
        self.ex, self.doc, self.norms, self.start, self.end = ex, doc, norms, start, end
        self.parties = parties
        self.start_char = doc[start].idx
        self.end_char = doc[end - 1].idx + len(doc[end - 1].text)
        one = ex.one
        self.bounds = [start] + [i for i in range(start + 1, end)
                                 if norms[i] in one.get("boundaries", ()) or doc[i].text in ("؛", ";", ":")]
        self.parties = sorted(parties + self._counterparts(), key=lambda p: p.start)
        self._nominative = {p.start: self._is_nominative(p) for p in self.parties}

    def _counterparts(self):
        """"بحث فيدان مع نظيره القطري": the owner's role with the other nationality names the person."""
        out = []
        for i in range(self.start, self.end - 1):
            if self.norms[i] not in self.ex.one.get("counterpart", ()):
                continue
            adj = self.norms[i + 1]
            owner = next((p for p in reversed(self.parties) if p.end <= i and self.ex.kind(p.actor) == "person"), None)
            actor = owner and self.ex.table.actors.get(owner.actor)
            if not actor or not adj.startswith("ال"):
                continue
            for role in actor.roles:
                words = [normalise(w) for w in role.split()]
                if len(words) > 1 and words[-1].startswith("ال") and words[-1] != adj:
                    found = self.ex.names.get(" ".join(words[:-1] + [adj]))
                    if found and found != actor.id:
                        span = self.doc[i:i + 2]
                        out.append(_Party(found, i, i + 2, span.start_char, span.end_char, span.text))
                        break
        return out

    def clause_of(self, i):
        cs = max(b for b in self.bounds if b <= i)
        later = [b for b in self.bounds if b > i]
        return cs, (later[0] if later else self.end)

    def _prev(self, i):
        j = i - 1
        while j >= self.start and (self.doc[j].is_quote or self.doc[j].text in "()"):
            j -= 1
        return j

    def _is_nominative(self, p) -> bool:
        j = self._prev(p.start)
        if j >= self.start and self.norms[j] in self.ex.one.get("prepositions", ()):
            return False
        return not self.ex._joined_preposition(p.text)

    def nominative(self, p) -> bool:
        return self._nominative.get(p.start, True)

    def _joined_and(self, text) -> bool:
        t = normalise(text)
        return t[:1] == "و" and t[1:] in self.ex.names

    def first_subject(self):
        return next((p for p in self.parties if self.nominative(p) and self.ex.kind(p.actor) == "person"), None)

    def _list_from(self, p, exclude=()):
        """``p`` and the actors listed with it ("إيران، و حزب الله، و روسيا، وحتى الجيش السوري")."""
        coord = self.ex.one.get("coordination", ())
        idx = self.parties.index(p)
        out = [p]
        for step in (-1, 1):
            j = idx + step
            while 0 <= j < len(self.parties):
                q = self.parties[j]
                lo, hi = (q.end, out[0].start) if step < 0 else (out[-1].end, q.start)
                if not 0 <= hi - lo <= 3 or not all(self.norms[k] in coord for k in range(lo, hi)):
                    break
                later = q if step > 0 else out[0]
                if hi == lo and not self._joined_and(later.text):
                    break  # "التقى بوتين أردوغان": subject then object, not a list
                if step < 0:
                    out.insert(0, q)
                else:
                    out.append(q)
                j += step
        return [q for q in out if q.actor not in exclude]

    def _fits(self, p, relation, side):
        kinds = relation.source_kinds if side == "source" else relation.target_kinds
        if kinds:
            return self.ex.kind(p.actor) in kinds
        return self.ex.as_party(p.actor) is not None

    def sources(self, hit, cs, ce, relation, last_subject):
        inside = [p for p in self.parties if hit.start < p.start and p.end <= hit.end and self.nominative(p)
                  and self._fits(p, relation, "source")]
        if inside:
            return self._list_from(inside[0])  # "تلقى الأسد اتصالا من": the subject inside a gapped cue
        before = [p for p in self.parties if cs <= p.start and p.end <= hit.start and self.nominative(p)
                  and self._fits(p, relation, "source")]
        if before and hit.start - before[-1].end <= 2:
            return self._list_from(before[-1])
        after = [p for p in self.parties if hit.end <= p.start < min(ce, hit.end + 2) and self.nominative(p)
                 and self._fits(p, relation, "source")]
        if after:
            return self._list_from(after[0])  # "توسطت قطر وتركيا بين ..."
        if before:
            return self._list_from(before[-1])
        nxt = hit.end
        if nxt < self.end and self.doc[nxt].is_alpha and self.norms[nxt] not in self.ex.one.get("prepositions", ()) \
                and not any(p.start == nxt for p in self.parties):
            # "فر آلاف المدنيين إلى لبنان": the cue's own subject is named, and it is no actor
            return []
        if cs > self.start and self.norms[cs] in self.ex.one.get("relative", ()):
            # "ببوتين الذي كان ...": the relative clause is about the actor right before it
            right_before = [p for p in self.parties if p.end == cs and self._fits(p, relation, "source")]
            return right_before
        # the previous clauses' subject ("كان الأسد في موسكو، حيث طلب ..."), then the last sentence's
        earlier = [p for p in self.parties if p.end <= cs and self.nominative(p) and self._fits(p, relation, "source")]
        if earlier:
            return [earlier[0]]
        if last_subject is not None and self._fits(last_subject, relation, "source"):
            return [_Party(last_subject.actor, -1, -1, -1, -1, "")]
        return []

    def targets(self, hit, ce, relation, src_ids):
        cue = hit.cue
        hi = min(ce, hit.end + cue.window)
        cands = [p for p in self.parties if hit.end <= p.start < hi and p.actor not in src_ids]
        preps = {normalise(w) for w in cue.target_preps}
        if preps:
            out = []
            for p in cands:
                j = self._prev(p.start)
                if j >= self.start and self.norms[j] in preps and self._fits(p, relation, "target"):
                    out.append(p)  # every stop of a flight: "إلى حميميم، ومن ثم إلى موسكو"
            return out
        for p in cands:
            j = self._prev(p.start)
            if j >= hit.end and self.norms[j] in self.ex.one.get("locative", ()):
                continue  # "في موسكو": a setting
            if not self._fits(p, relation, "target"):
                continue
            return [q for q in self._list_from(p, src_ids) if q.start >= hit.end]
        return []

    def other_before(self, start, src_ids, last_subject):
        """A refusal's target when none is named after it: the other actor named before."""
        for p in reversed([p for p in self.parties if p.end <= start]):
            if p.actor not in src_ids and self.ex.as_party(p.actor) and self.ex.kind(p.actor) == "person":
                return [p]
        if last_subject is not None and last_subject.actor not in src_ids:
            return [_Party(last_subject.actor, -1, -1, -1, -1, "")]
        return []

    def modality(self, cs, ce, hit):
        n, ex = self.norms, self.ex
        scope = ex.ar.scopes.get("negation_scope", 3)
        negated = ex._contains(n, max(cs, hit.start - scope), hit.start, "negation") or \
            ex._contains(n, cs, ce, "denial")
        if not negated and cs > self.start and n[cs] in ex.one.get("boundaries", ()):
            # "نفى الكرملين أن يكون الأسد قد فر": a denial right before the clause's "أن"
            negated = ex._contains(n, max(self.start, cs - 6), cs, "denial")
        hedged = ex._contains(n, self.start, self.end, "hedge")
        lo = max(cs, hit.start - ex.ar.scopes.get("intent_scope", 5))
        if ex._contains(n, cs, hit.start, "conditional"):
            return negated, hedged, "conditional"
        attempt = ex._contains(n, lo, hit.start, "attempt")
        intent = hit.prefix in ("purpose", "future") or ex._contains(n, lo, hit.start, "intent")
        if intent and not attempt:
            return negated, hedged, "intent"
        return negated, hedged, "attempt" if attempt else "fact"

    def attribution(self, cue_start) -> str:
        """Who makes the claim: a speaker ("وقال كامل صقر"), "وفقا لـ X" / "حسب X", or an outlet."""
        n, ex = self.norms, self.ex
        speech = ex.one.get("speech", ())
        for i in range(min(cue_start, self.end) - 1, self.start - 1, -1):
            word = n[i]
            if word in speech or (word[:1] in _CONJUNCTIONS and word[1:] in speech):
                who = self._named_near(i + 1)
                if who:
                    return who
        for i in range(self.start, self.end):
            k = ex._phrase_at(n, i, "according_to")
            if not k and n[i][:1] in _CONJUNCTIONS:
                k = 1 if (n[i][1:],) in ex.w.get("according_to", ()) else 0
            if k:
                who = self._named_near(i + k, joined=True)
                if who:
                    return who
        for p in self.parties:
            if ex.kind(p.actor) == "outlet":
                return ex.table.actors[p.actor].label
        return ""

    def _named_near(self, i, joined=False) -> str:
        """The actor (its label) or the few words at token i, after a verb of saying."""
        j = i
        while j < self.end and (self.doc[j].is_quote or self.doc[j].text in ("ل", "لـ")):
            j += 1
        # "كشفت شبكة “إن بي سي نيوز”": a word and quotes may come before the name
        p = next((p for p in self.parties if j <= p.start <= j + 3 and all(
            self.doc[k].is_quote or k == j for k in range(j, p.start))), None)
        if p is not None:
            label = self.ex.table.actors[p.actor].label
            if p.start > j and self.ex.kind(p.actor) == "outlet" and self.doc[j].is_alpha and \
                    self.ex._joined_preposition(p.text):
                return f"{self.doc[j].text} via {label}"  # "مصادر لقناة الجزيرة": sources told Al Jazeera
            return label
        words = []
        while j < self.end and self.doc[j].is_alpha and len(words) < 3:
            words.append(self.doc[j].text)
            j += 1
        if words and joined and words[0].startswith("لل"):
            words[0] = "ال" + words[0][2:]  # "وفقا للتقرير": "التقرير" (the joined ل of "according to")
        return " ".join(words) if words and len(words) <= 3 and j < self.end and not self.doc[j].is_alpha else ""
