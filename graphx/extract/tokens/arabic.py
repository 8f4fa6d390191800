"""The Arabic extractor: cue hits -> evidence records (see :mod:`graphx.arabic`)."""

from __future__ import annotations

from dataclasses import replace

from ..dates import event_date
from ...lexicon import Lexicon
from ...records import Document, Evidence
from ...records import Mention
from .arabic_clauses import _Hit, _Sentence
from ...nlp.arabic import _ARABIC_LETTER, _CLOSERS, _CONJUNCTIONS, _END_PUNCT, _FUTURE, _PURPOSE, arabic_segments, \
    make_arabic_pipeline, normalise

class ArabicExtractor:
    """Evidence from the Arabic paragraphs of a document (see the module docstring)."""

    def __init__(self, index, lexicon: Lexicon):
        self.index = index
        self.lexicon = lexicon
        self.ar = lexicon.languages.get("ar")
        self.settings_kinds = lexicon.settings_kinds
        self.roles = next(iter(lexicon.with_behaviour("roles")), None)
        self.nlp = None
        words = self.ar.words() if self.ar else {}
        self.w = {k: [tuple(normalise(x) for x in p.split()) for p in v] for k, v in words.items()}
        self.one = {k: {p[0] for p in v if len(p) == 1} for k, v in self.w.items()}
        self.cues: dict[str, list] = {}
        for cue in (self.ar.cues if self.ar else ()):
            for phrase in cue.phrases:
                words_ = tuple(normalise(x) for x in phrase.split())
                self.cues.setdefault(words_[0], []).append((words_, cue))
        for group in self.cues.values():
            group.sort(key=lambda pc: -len(pc[0]))
        self.names = index.arabic_names
        self.capital_of = index.capital_of
        self._status_words = {k: words.get(k, ()) for k in ("killed", "survived")}
        self._status_denial = tuple(c + w for w in words.get("denial", ()) for c in ("",) + _CONJUNCTIONS)  # "ونفى"
        self.demonym_of = index.arabic_demonyms

    # ------------------------------------------------------------ entry
    def extract(self, document: Document):
        """Yield evidence for every Arabic run of ``document.body``."""
        if not self.cues:
            return
        segments = arabic_segments(document.text, document.body_start)
        if not segments:
            return
        if self.nlp is None:
            self.nlp = make_arabic_pipeline(self.index)
        for lo, hi in segments:
            doc = self.nlp(document.text[lo:hi])
            yield from self._doc(document, doc, lo)

    # ------------------------------------------------------------ helpers
    def kind(self, aid):
        actor = self.index.actors.get(aid)
        return actor.kind if actor else "person"

    def as_party(self, aid):
        if aid in self.capital_of:
            return self.capital_of[aid]
        return None if self.kind(aid) in self.settings_kinds else aid

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
            if ent.ent_id_ in self.index.actors:
                prev = parties_all[-1] if parties_all else None
                if prev and prev.actor == ent.ent_id_ and prev.end == ent.start:
                    span = doc[prev.start:ent.end]  # "الرئيس السوري" + "بشار الأسد": one party
                    parties_all[-1] = Mention(prev.actor, span.text, span.start_char, span.end_char, prev.start, ent.end)
                else:
                    parties_all.append(Mention(ent.ent_id_, ent.text, ent.start_char, ent.end_char, ent.start, ent.end))
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
            hits = self._cue_hits(norms, s0, s1)
            ctx.cue_starts = [h.start for h in hits]
            for hit in hits:
                for ev in self._from_hit(document, ctx, hit, off, last_subject):
                    key = (ev.source, ev.relation, ev.target)
                    if key not in seen or (ev.asserted and not seen[key].asserted):
                        seen[key] = ev
            flighty = self._contains(norms, s0, s1, "flight_context")
            visit = self._contains(norms, s0, s1, "visit")
            for ev in seen.values():
                date, _ = event_date(ev.text, doc_date, trigger_offset=ev.trigger_start - ev.start)
                ev = replace(ev, date=date) if date != ev.date else ev
                if self.lexicon.relations[ev.relation].journey and ev.asserted:
                    if ev.rule in self._travel_rules():
                        if visit:
                            yield replace(ev, modality="visit", asserted=False)
                        else:
                            travels.append((ev, flighty))
                        continue
                    fleeing.add(ev.source)
                yield ev
            yield from self._status(document, ctx, off)
            if self.roles:
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
        from .finder import _citation

        rel = self.lexicon.relations[self.roles]
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
            yield Evidence(source=src, relation=self.roles, target=group, **_citation(document, ctx, off),
                           trigger=trig.text, trigger_start=off + trig.start_char, trigger_end=off + trig.end_char,
                           rule="ar-role-title", source_text=p.text, source_start=off + p.start_char,
                           source_end=off + p.end_char)

    def _status(self, document, ctx, off):
        from ..claims import status_claims

        words = self._status_words
        persons = [(p.actor, p.start, p.end, p.text, p.start_char, p.end_char) for p in ctx.parties
                   if self.kind(p.actor) == "person"]
        if persons and any(words.values()):
            yield from status_claims(document, ctx.doc, persons, words, norm=normalise,
                                     negation=self.ar.markers.get("negation", ()), denial=self._status_denial,
                                     sentences=[(ctx.start, ctx.end)], off=off, language="ar")

    def _travel_rules(self):
        return {c.rule for c in self.ar.cues if c.travel}

    def _from_hit(self, document, ctx, hit: _Hit, off, last_subject):
        from .finder import _citation

        cue, relation = hit.cue, self.lexicon.relations[hit.cue.relation]
        cs, ce = ctx.clause_of(hit.start)
        sources = ctx.sources(hit, cs, ce, relation, last_subject)
        src_ids = {p.actor for p in sources}
        targets = ctx.targets(hit, ce, relation, src_ids)
        if not targets and relation.target_fallback:
            targets = ctx.other_before(hit.start, src_ids, last_subject)
        if sources and targets:
            ctx.askers.extend(p for p in sources if p.start >= 0)
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
