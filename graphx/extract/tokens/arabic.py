"""The Arabic extractor: the Arabic runs of a report -> evidence records.

Per run: the Arabic pipeline's doc (:mod:`graphx.nlp.arabic`), its mentions with the actors the
table lacks (:mod:`.arabic_mentions`: titled names, short names, groups), then per sentence the
cue hits of ``lang/ar.toml`` read by the word-order rules of :mod:`.arabic_clauses` (source,
target, markers, attribution), those travelling with a traveller and those getting them out
(:mod:`.arabic_journeys`), the role rule and the group rule (``member-of``). A travel verb's
trip is decided once the report is read: a flight where the sentence says so, where the traveller
flees, or in a report of flight unless the traveller meets, calls or visits someone in it.
"""

from __future__ import annotations

from dataclasses import replace

from ..dates import event_date
from ...lexicon import Lexicon
from ...records import Document
from ...records import Mention
from ..cues import CueMatcher, Trigger
from ..markers import Markers
from .arabic_mentions import ArabicMentions
from ..evidence import Words, citation, make
from ..groups import civilian_endings
from ..sentence import TokenArrays, views
from .arabic_clauses import _Sentence
from ...nlp.arabic import _CONJUNCTIONS, _TASHKEEL, arabic_segments, \
    make_arabic_pipeline, normalise

# The endings of a plural verb, participle or owner ("يغادروا", "يصلون", "متوجهين", "وصولهم").
_PLURAL = ("وا", "ون", "ين", "هم", "هما")


def _offset(ev, ctx, char):
    """A character offset of the sentence's doc as the evidence's document offset."""
    return ev.start - ctx.start_char + char


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
        self.w_first: dict = {}  # key -> first word -> its phrases (in file order): one lookup per word
        for k, v in self.w.items():
            for ph in v:
                if ph:
                    self.w_first.setdefault(k, {}).setdefault(ph[0], []).append(ph)
        split = lambda p: [normalise(x) for x in p.split()]  # noqa: E731
        self.matcher = CueMatcher(self.ar.cues if self.ar else (), split, words.get("not_cues", ()),
                                  self.ar.proclitics if self.ar else ())
        # possessive pronoun suffixes, longest first, as written (before ة is folded into ه)
        self.suffixes = sorted(words.get("possessive", ()), key=len, reverse=True)
        self.names = index.arabic_names
        self.title_words = {normalise(t.split()[0]) for t in words.get("titles", ())}
        self.capital_of = index.capital_of
        self._status_words = {k: words.get(k, ()) for k in ("killed", "survived")}
        self._status_denial = tuple(c + w for w in words.get("denial", ()) for c in ("",) + _CONJUNCTIONS)  # "ونفى"
        self.demonym_of = index.arabic_demonyms
        self.markers = Markers(self.ar, split, _CONJUNCTIONS) if self.ar else None
        # the table's names, titled names, short names and groups (the Arabic pipeline has no NER)
        self.mentions = ArabicMentions(index, self.ar, verbs=self.matcher.by_first, cue_words=self.matcher.by_first)
        self.members = next(iter(lexicon.with_behaviour("members")), None)
        self.go_between = next(iter(lexicon.with_behaviour("go_between")), None)
        self.actors = index.for_document({})
        cues = self.ar.cues if self.ar else ()
        self.travel_rules = {c.rule for c in cues if c.travel and c.travel != "companion"}
        self._arrival_rules = {c.rule for c in cues if c.travel == "arrival"}
        # groups that never advance (their ids are the English ones: "..._families")
        self._civilian_groups = civilian_endings(lexicon.english)

    # ------------------------------------------------------------ entry
    def extract(self, document: Document, discovered: dict | None = None):
        """Yield evidence for every Arabic run of ``document.body``; the actors found that the table
        lacks (titled names, groups) go into ``discovered``."""
        if not self.matcher.cues:
            return
        segments = arabic_segments(document.text, document.body_start)
        if not segments:
            return
        if self.nlp is None:
            self.nlp = make_arabic_pipeline(self.index, self.ar.words().get("translated_titles", ()) if self.ar else ())
        discovered = {} if discovered is None else discovered
        self.actors = self.index.for_document(discovered)
        for lo, hi in segments:
            doc = self.nlp(document.text[lo:hi])
            yield from self._doc(document, doc, lo, discovered)

    # ------------------------------------------------------------ helpers
    def kind(self, aid):
        return self.actors.kind(aid)

    def as_party(self, aid):
        return self.actors.as_party(aid)

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
        for ph in self.w_first.get(key, {}).get(norms[i], ()) if i < len(norms) else ():
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

    # ------------------------------------------------------------ a document
    def _doc(self, document, doc, off, discovered):
        arrays = TokenArrays(doc)
        norms = [normalise(t) for t in arrays.texts]
        doc_date = document.meta.get("date", "")
        mentions = self.mentions(doc, norms, discovered, doc_date)
        last_subject = None
        carried = (None, [])  # the last sentence's traveller and those travelling with it
        fleeing, meeting, travels = set(), set(), []
        report_flight = False  # the report tells of a flight (a flight verb or [markers] flight_context)
        journey = self.lexicon.relations
        for view in views(doc, arrays, mentions):
            if view.empty or view.is_heading:
                continue  # a heading, a caption or a question
            ctx = _Sentence(self, view, norms)
            seen = {}
            hits = self.matcher(norms, arrays.gaps, view.start, view.end)
            ctx.cue_starts = [h.start for h in hits]
            for hit in hits:
                for ev in self._from_hit(document, ctx, hit, off, last_subject):
                    key = (ev.source, ev.relation, ev.target)
                    if key not in seen or (ev.asserted and not seen[key].asserted):
                        seen[key] = ev
            carried = self._with_companions(ctx, seen, carried, last_subject)
            for ev in self._escorted(document, ctx, seen, off):
                seen.setdefault((ev.source, ev.relation, ev.target), ev)
            flighty = self._contains(norms, view.start, view.end, "flight_context")
            report_flight = report_flight or flighty
            visit = self._contains(norms, view.start, view.end, "visit")
            # those who flee here by a flight verb: the flight the sentence speaks of is theirs, not an
            # advancing group's ("بعد دخول قوات المعارضة ... إلى العاصمة دمشق وهروب الأسد إلى روسيا")
            fleers = {ev.source for ev in seen.values()
                      if ev.asserted and journey[ev.relation].journey and ev.rule not in self.travel_rules}
            for ev in seen.values():
                date, _ = event_date(ev.text, doc_date, trigger_offset=ev.trigger_start - ev.start)
                ev = replace(ev, date=date) if date != ev.date else ev
                if journey[ev.relation].journey and ev.asserted:
                    if ev.rule in self.travel_rules:
                        if visit:
                            yield replace(ev, modality="visit", asserted=False)
                        elif self._advancing(ev):
                            travels.append((ev, flighty and not (fleers - {ev.source}), True))
                        else:
                            travels.append((ev, flighty, False))
                        continue
                    fleeing.add(ev.source)
                elif journey[ev.relation].meets and ev.asserted:
                    meeting.add(ev.source)  # one who meets, calls or visits in the report is no fugitive
                yield ev
            yield from self._status(document, ctx, off)
            if self.roles:
                yield from self._roles(document, ctx, off, doc_date)
            if self.members:
                yield from self._members(document, ctx, off)
            subj = ctx.first_subject()
            if subj:
                last_subject = subj
        report_flight = report_flight or bool(fleeing)
        for ev, flighty, advancing in travels:
            # "غادر ... متجها إلى": a trip is a flight where the sentence says so, where the traveller
            # flees in the report, or in a report of flight unless the traveller meets, calls or visits
            # someone in it (a diplomat's tour, a new ruler's visits); a group's entry only where its
            # sentence speaks of its flight or the group flees in the report
            flight = flighty or ev.source in fleeing or (
                not advancing and report_flight and ev.source not in meeting)
            yield ev if flight else replace(ev, modality="travel", asserted=False)

    def _with_companions(self, ctx, seen, carried, last_subject):
        """Those travelling with a traveller flee with it: "استقل طائرة برفقة عائلته ورجل الأعمال رئيف
        قوتلي، متوجهين إلى العراق"; a plural verb of a later sentence ("وصولهم إلى بيروت", "يغادروا")
        carries them on. Returns the sentence's (traveller, companions) for the next sentence."""
        relations = self.lexicon.relations
        trips = [ev for ev in list(seen.values()) if relations[ev.relation].journey]
        companions = [p for _, p in ctx.companions]
        traveller = next((ev.source for ev in trips), None) or next((p.actor for p in ctx.travellers), None)
        # they travel with the sentence's subject (or the one carried from before when it names none):
        # "غادر ماهر دمشق بعد هروب شقيقه بشار إلى موسكو، حيث رافقته عناصر" is no escort of Bashar
        subject = ctx.first_subject()
        lead = subject.actor if subject else (last_subject.actor if last_subject else traveller)
        for ev in trips:
            if ev.source != lead:
                continue
            plural = _TASHKEEL.sub("", ev.trigger.split()[-1]).endswith(_PLURAL)
            group = companions
            if not group and plural and carried[0] == ev.source:
                group = carried[1]
            for p in group:
                if p.actor == ev.source or (p.actor, ev.relation, ev.target) in seen:
                    continue
                seen[(p.actor, ev.relation, ev.target)] = replace(
                    ev, source=p.actor, source_text=p.text, source_start=_offset(ev, ctx, p.start_char),
                    source_end=_offset(ev, ctx, p.end_char))
        if companions and traveller:
            return traveller, companions
        if traveller and carried[0] == traveller:
            return carried
        return (traveller, []) if traveller else (carried if last_subject and carried[0] == last_subject.actor
                                                  else (None, []))

    def _escorted(self, document, ctx, seen, off):
        """"الهروب إلى بيروت تحت حماية مباشرة من حزب الله": the escort mediated for those fleeing (a
        group's fighters for their organisation)."""
        if not ctx.escorts or not self.go_between:
            return
        relations = self.lexicon.relations
        trips = [ev for ev in seen.values() if relations[ev.relation].journey]
        for i, p in ctx.escorts:
            actor = self.actors.get(p.actor)
            mediator = actor.member_of if actor is not None and actor.kind == "group" and actor.member_of \
                else self.as_party(p.actor)
            n = self._phrase_at(ctx.norms, i, "escorts") or 1
            words = ctx.doc[i:i + n]
            trigger = Words(words.text, words.start_char, words.end_char)
            src = Mention(p.actor, p.text, p.start_char, p.end_char, p.start, p.end)
            for ev in trips:
                if not mediator or mediator == ev.source:
                    continue
                flags = {k: getattr(ev, k) for k in ("negated", "hedged", "modality", "asserted", "attributed_to")}
                flags.update(citation(document, ctx.view, off))
                tgt = Mention(ev.source, ev.source_text, -1, -1, -1, -1)
                made = make(mediator, self.go_between, ev.source, src, tgt, trigger, "ar-escort", off, flags)
                if ev.source_start >= 0:
                    made = replace(made, target_start=ev.source_start, target_end=ev.source_end)
                yield made
            if trips or not mediator:
                continue
            # "هرب ماهر الأسد من سوريا ... مستعينًا بقيادي من قسد": a flight with no destination named
            # still had its helper
            cs, ce = ctx.clause_of(i)
            negated, hedged, modality = ctx.modality(cs, ce, Trigger(None, i, i + n))
            flags = dict(negated=negated, hedged=hedged, modality=modality, asserted=not negated and modality == "fact",
                         attributed_to=ctx.attribution(i), **citation(document, ctx.view, off))
            for t in dict.fromkeys(q.actor for q in ctx.travellers):
                who = next(q for q in ctx.travellers if q.actor == t)
                if t != mediator and self.kind(t) in ("person", "group"):
                    yield make(mediator, self.go_between, t, src, who, trigger, "ar-escort", off, flags)

    def _roles(self, document, ctx, off, doc_date):
        """Person -represents-> state/group: a title then the state's adjective or the group's
        name, within or right before the person's name ("الرئيس الروسي فلاديمير بوتين")."""
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
                # the title must belong to this person: inside the name, or ending right before it (not
                # across a preposition: "رسالة من ملك البحرين إلى الشرع" is another's title)
                if group and i < p.start and (self._joined_preposition(ctx.doc[p.start].text) or any(
                        n[j] in self.one.get("prepositions", ()) for j in range(i + k, p.start))):
                    group = None
                if group and group != p.actor and (i >= p.start or not any(
                        q.start > i and q.start < p.start and self.kind(q.actor) == "person" for q in ctx.parties)) \
                        and not any(q is not p and q.start <= i < q.end and self.kind(q.actor) == "person"
                                    for q in ctx.parties):  # ("التقى أمير الكويت بوتين": another's title)
                    found.setdefault((p.actor, group), (p, i, i + k))
                    break
        for (src, group), (p, t0, t1) in sorted(found.items()):
            trig = ctx.doc[t0:t1]
            yield make(src, self.roles, group, p, None, Words(trig.text, trig.start_char, trig.end_char),
                       "ar-role-title", off, citation(document, ctx.view, off))

    def _members(self, document, ctx, off):
        """A group named in the sentence belongs to its owner: "العسكريين السوريين" -member-of-> Syria."""
        seen = set()
        for p in ctx.parties:
            actor = self.actors.get(p.actor)
            if actor is None or actor.kind != "group" or not actor.member_of or actor.id in seen:
                continue
            seen.add(actor.id)
            words = ctx.doc[p.start:p.end]
            yield make(actor.id, self.members, actor.member_of, p, None,
                       Words(words.text, words.start_char, words.end_char), "ar-group", off,
                       citation(document, ctx.view, off))

    def _status(self, document, ctx, off):
        from ..claims import status_claims

        words = self._status_words
        persons = [(p.actor, p.start, p.end, p.text, p.start_char, p.end_char) for p in ctx.parties
                   if self.kind(p.actor) == "person"]
        if persons and any(words.values()):
            yield from status_claims(document, ctx.doc, persons, words, norm=normalise,
                                     negation=self.ar.markers.get("negation", ()), denial=self._status_denial,
                                     sentences=[(ctx.start, ctx.end)], off=off, language="ar")

    def _advancing(self, ev) -> bool:
        """An entry ([[cue]] travel = "arrival") by a group that may be an army into a place short of a
        state (a city, a base): it advances, and flees only where its sentence says so (not a person's
        family or civilians, as the English reading; a group entering a state may be crossing to safety)."""
        if ev.rule not in self._arrival_rules or self.kind(ev.source) != "group" or \
                ev.source.endswith(self._civilian_groups) or self.kind(ev.target) == "state":
            return False
        group = self.actors.get(ev.source)
        return not (group and group.member_of and self.kind(group.member_of) == "person")

    def _from_hit(self, document, ctx, hit, off, last_subject):
        cue, relation = hit.cue, self.lexicon.relations[hit.cue.relation]
        cs, ce = ctx.clause_of(hit.start)
        moved = relation.journey and cue.voice == "recipient"  # "بتهريب ماهر إلى": the object flees
        sources = ctx.patients(hit, cs, ce, relation, last_subject) if moved else \
            ctx.sources(hit, cs, ce, relation, last_subject)
        listed = ctx.listed_after(hit, ce) if cue.joint else []
        if len(listed) > 1:  # "المحادثات بين A و B": those it was between
            sources = listed[:1]
        src_ids = {p.actor for p in sources}
        if len(listed) > 1:
            targets = [p for p in listed[1:] if p.actor not in src_ids]
        elif moved and cue.target == "subject":
            # "منحت روسيا الأسد اللجوء": the one granting asylum is where the granted one took refuge
            targets = ctx.granters(hit, cs, ce, relation, src_ids)
        else:
            targets = ctx.targets(hit, ce, relation, src_ids)
        if not targets and sources and hit.end - hit.start > 1 and \
                _TASHKEEL.sub("", ctx.doc[hit.end - 1].text).endswith(tuple(self.suffixes)):
            # "وكان في استقباله الشرع": the cue's own suffix is its object, the one the report was just about
            targets = [p for p in ctx.last_sources if p.actor not in src_ids][:1] or (
                [Mention(last_subject.actor, "", -1, -1, -1, -1)]
                if last_subject is not None and last_subject.actor not in src_ids else [])
        if not targets and sources and cue.voice == "recipient" and not moved and cue.target == "subject":
            # "توجه وفد لبناني إلى سوريا تلبية لدعوة الشرع": the one the cue's object dealt with is the
            # clause's subject, named before it
            targets = [p for p in ctx.other_before(hit.start, src_ids, last_subject) if p.start >= cs]
            targets = ctx.listed_with(targets[0]) if len(targets) == 1 else targets  # (and those listed with it)
        if not targets and relation.target_fallback and not ctx.owned(hit):
            # (not "اتهامات رفضها الأسد": what the suffix stands for was refused, not someone named before)
            targets = ctx.other_before(hit.start, src_ids, last_subject)
        if sources and targets and not relation.journey and not moved:
            # those with the subject take part in its meeting ("استقبل الشرع، برفقة وزير الخارجية، أسعد
            # الشيباني، ... وفداً تركياً": both received it)
            tids = {p.actor for p in targets}
            sources = sources + [q for i, q in ctx.along if cs <= i < ce and i > hit.start
                                 and q.actor not in src_ids and q.actor not in tids]
        if sources:
            ctx.last_sources = sources
            if relation.journey:
                ctx.travellers.extend(sources)
        if sources and targets:
            ctx.askers.extend(p for p in sources if p.start >= 0)
        if cue.voice == "recipient" and not moved and not (
                relation.go_between and sources and targets and all(p.start >= hit.end for p in sources)
                and all(0 <= p.start < hit.start for p in targets)):
            # "استقبل X Y": Y came to X (a mediator read as the subject is already the one after the cue, the
            # parties the clause's subject before it: "بدأت المحادثات بين ... في 13 مارس برعاية قطر")
            sources, targets = targets, sources
        if not sources or not targets:
            return
        negated, hedged, modality = ctx.modality(cs, ce, hit)
        asserted = not negated and (modality == "fact" or (modality == "attempt" and relation.attempts_count))
        flags = dict(negated=negated, hedged=hedged, modality=modality, asserted=asserted,
                     attributed_to=ctx.attribution(hit.start), **citation(document, ctx.view, off))
        trigger = ctx.doc[hit.start:hit.end]
        trigger = Words(trigger.text, trigger.start_char, trigger.end_char)
        for src in sources:
            sid = src.actor if relation.source_kinds else self.as_party(src.actor)
            if not sid or (relation.source_kinds and self.kind(sid) not in relation.source_kinds):
                continue
            for tgt in targets:
                if relation.target_kinds:
                    tid = tgt.actor if self.kind(tgt.actor) in relation.target_kinds else None
                else:
                    tid = self.actors.as_kind(tgt.actor, groups=relation.target_groups)
                if not tid or tid == sid:
                    continue
                if not relation.journey and self.index.one_side(sid, tid):
                    continue  # (a minister and his own state are one side: "the call" he made "on Syria")
                yield make(sid, cue.relation, tid, src, tgt, trigger, cue.rule, off, flags)
        if relation.journey and self.go_between and not (moved and cue.target == "subject"):
            # whoever smuggled or moved them mediated the flight ("الضبع ... قام بنقل ماهر", "عن طريق الضبع")
            for mover in ctx.movers(hit, cs, ce, src_ids, subject=moved):
                mid = self.as_party(mover.actor)
                owner = self.actors.get(mover.actor)
                for src in sources:
                    moved_actor = self.actors.get(src.actor)
                    if moved_actor is not None and moved_actor.member_of and \
                            moved_actor.member_of in (mover.actor, owner and owner.member_of):
                        continue  # "أرسلوا عائلاتهم": sending one's own family away is no mediation
                    if mid and mid != src.actor and self.kind(src.actor) in ("person", "group"):
                        yield make(mid, self.go_between, src.actor, mover, src, trigger, "ar-mover", off, flags)
