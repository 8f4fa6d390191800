"""Cue lexicon + clause rules -> evidence records (one per sentence and edge).

Rule-based extraction in the textacy manner: :func:`extract` is a generator
over a spaCy doc that yields :class:`~graphx.records.Evidence`. It needs no
tagger or parser, so it runs on the offline default pipeline. The rules:

* a cue (``data/relations.toml``) names the relation; its voice says on which
  side of it the source and the target stand;
* the source is the clause's subject: the first actor named in the clause that
  does not follow a preposition (a pronoun resolves to the salient person);
* the target is the first actor after the cue (fled-to: after a directional
  preposition); lists ("Qatar and Turkey") give one edge per actor;
* capitals stand for their state except as a flight's destination;
* markers flag negation, denial, hedges, intent, conditions and attempts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from typing import NamedTuple

from spacy.tokens import Doc

from ...lexicon import Cue, Lexicon
from ...records import Document, Mention
from ..coref import Salience
from ..cues import CueMatcher
from ..dates import event_date
from ..evidence import citation, make
from ..groups import KIN_GROUP, GroupWords, civilian_endings
from ..index import ActorIndex, DocActors
from ..markers import Markers
from ..sentence import MAX_SENTENCE_TOKENS, TokenArrays, views
from .clauses import Phrases, SentenceContext, contains, ends_at, phrase_len

__all__ = ["Extractor", "TokenRules", "MAX_SENTENCE_TOKENS"]

# "in 2000": a year named for an event (a journey dated years before the report is no flight in it)
_IN_YEAR = re.compile(r"\bin ((?:1[89]|20)\d\d)\b")


def _status_norm(word: str) -> str:
    return word.lower().replace("’", "'")


class TokenRules:
    """What the English token rules read: the language's word lists compiled by the pipeline's
    norms (phrases as tuples of norms, one-word sets), the relations, and the actor index.
    Data only: the rules (:class:`~graphx.extract.tokens.clauses.SentenceContext`) read it."""

    def __init__(self, nlp, index: ActorIndex, lexicon: Lexicon):
        self.index = index
        self.relations = lexicon.relations
        self.scopes = lexicon.scopes
        norm = lambda s: tuple(t.norm_ for t in nlp.make_doc(s))  # noqa: E731
        self.w = {k: Phrases(norm(p) for p in v) for sec in (lexicon.markers, lexicon.clauses, lexicon.pronouns)
                  for k, v in sec.items()}
        self.single = {k: {p[0] for p in v if len(p) == 1} for k, v in self.w.items()}
        self.multiword_prepositions = Phrases(p for p in self.w["prepositions"] if len(p) > 1)
        self.raw_boundaries = set(lexicon.clauses["boundaries"])  # punctuation bounds by its text
        # one-word demonyms of states ("turkish" -> Turkey)
        self.demonym_state = {d: index.actors[aid] for d, aid in index.demonym_state.items()}
        self.demonyms = set(self.demonym_state)
        self.w["titles"] = Phrases(norm(t) for t in lexicon.names.get("titles", ()))
        self.single["titles"] = {t[0] for t in self.w["titles"] if len(t) == 1}
        # "A Christian family ... THE family": a family no one owns ([names] indefinite)
        self.single["indefinite"] = {w.lower() for w in lexicon.names.get("indefinite", ())}
        self.kin_titles = {norm(t)[0] for t in lexicon.names.get("kin_titles", ()) if len(norm(t)) == 1}
        self.of_party = (self.single["owner_nouns"] | self.single["party_nouns"]
                         | {t[-1] for t in self.w["titles"]} | {t[-1] + "s" for t in self.w["titles"]}
                         | {n.split()[-1] for n in index.collective_nouns})
        # a pronoun's kind by word (the first kind that lists it), and every word that can start
        # a party other than a mention: SentenceContext._parties skips the rest
        self.adverbs = self.single["adverbs"]
        self.markers = Markers(lexicon.english, lambda p: [t.norm_ for t in nlp.make_doc(p)])
        self.pronoun_kinds = {}
        for kind in ("subject", "object", "possessive", "group", "group_possessive", "plural", "first",
                     "first_plural"):
            for word in self.single.get(kind, ()):
                self.pronoun_kinds.setdefault(word, kind)
        self.group_words = GroupWords(lexicon.english)
        # genders: of pronouns, and of people whose first name (or title) says it
        self.pronoun_gender = {**{w: "f" for w in self.single["feminine"]},
                               **{w: "m" for w in self.single["masculine"]}}
        self.female_names = set(lexicon.names.get("female", ()))
        self.protection = set(lexicon.english.groups.get("protection", ()))
        # other words for the same armed men ("these fighters" after "Afghan militiamen"), but not those that
        # stand for an armed group themselves ("the militants": [pronouns] armed)
        self.fighting = set(lexicon.english.groups.get("fighting", ())) - set(self.single.get("armed", ()))
        self.quantity_nouns = set(lexicon.english.groups.get("quantities", ()))
        self.party_starts = (set(self.pronoun_kinds) | self.demonyms | set(self.w["latter"].by_first)
                             | set(self.w["former"].by_first) | set(self.single.get("definite", ())))

    def gender_of(self, actor) -> str | None:
        """"f" when a person's label starts with a woman's first name or title ([names] female)."""
        if actor is None or actor.kind != "person":
            return None
        words = actor.label.lower().replace("-", " ").split()
        titles = self.single["titles"]
        while len(words) > 1 and words[0] in titles and words[0] not in self.female_names:
            words = words[1:]  # "Sheikh Hasina", "President Roza Otunbayeva"
        return "f" if words and words[0] in self.female_names else None


class Extractor:
    """The English token finder: cue hits and clause rules -> evidence; call :meth:`extract` per document."""

    def __init__(self, nlp, index: ActorIndex, lexicon: Lexicon, finder=None):
        self.index = index
        self.lexicon = lexicon
        self.rules = TokenRules(nlp, index, lexicon)
        self.finder = finder or TokenArguments()
        self.w = self.rules.w
        split = lambda p: [t.norm_ for t in nlp.make_doc(p)]  # noqa: E731
        self.matcher = CueMatcher(lexicon.cues, split, lexicon.markers.get("not_cues", ()))
        self.travel_rules = {c.rule for c in lexicon.cues if c.travel and c.travel != "companion"}
        self.companion_rules = {c.rule for c in lexicon.cues if c.travel == "companion"}
        self.touring_titles = Phrases(tuple(t.lower().split()) for t in lexicon.names.get("touring_titles", ()))
        self.place_visit = set(self.w.get("place_visit", ()))  # ([clauses] place_visit, see _met_there)
        self.group_travel_rules = {c.rule for c in lexicon.cues if c.travel == "arrival"}
        # the ids' endings of groups that never advance ([groups] civilians: "..._citizens")
        civilians = lexicon.english.words().get("civilians", ())
        self.civilian_groups = civilian_endings(lexicon.english)
        self._named_civilians = lambda words: bool(set(words.lower().split()) & set(civilians))
        # ... and with a family's ("_family"): those who go with a traveller as his own, never his escort
        self.kin_and_civilians = ("_" + KIN_GROUP,) + self.civilian_groups
        self.stop_rules = {c.rule for c in lexicon.cues if c.travel == "stop"}
        self.journey = next((r.name for r in lexicon.relations.values() if r.journey), None)  # ("fled-to")
        self.tagged_cues = any(c.pos for c in lexicon.cues)
        self.joint_rules = {c.rule for c in lexicon.cues if c.joint}
        # refuges sought: found, unless a refusal of the seeker follows (cue refused_by / request)
        self.sought = {c.rule: c for c in lexicon.cues if c.request}
        self.refusals = {c.refused_by for c in self.sought.values()}  # (the relations that make them requests)
        # contacts whose maker is the by-phrase ("he WAS WELCOMED BY al-Sharaa"): the subject was met
        self.met_by_rules = {c.rule for c in lexicon.cues if c.source == "agent" and not c.travel
                             and lexicon.relations[c.relation].meets}
        # the relation the role rule gives (relations.toml: roles = true), if any
        self.roles = next(iter(lexicon.with_behaviour("roles")), None)
        # the relation the group rule gives (members = true): "Syrian soldiers" -member-of-> Syria
        self.members = next(iter(lexicon.with_behaviour("members")), None)

    def _taken(self, found):
        """The keys of events whose target a later mutual event of the same relation, between them, has
        as one of its parties: "His VISIT follows a MEETING BETWEEN Salam and Sharaa" is no visit to
        either (the meeting's parties are its own)."""
        found = [ev for ev in found if not self.lexicon.relations[ev.relation].journey]
        for ev in found:
            if ev.target_start < 0 or ev.target_start <= ev.trigger_start:
                continue
            if any(o is not ev and o.relation == ev.relation and o.rule in self.joint_rules
                   and ev.trigger_start < o.trigger_start < ev.target_start
                   and ev.target_start in (o.source_start, o.target_start) for o in found):
                yield ev.source, ev.relation, ev.target

    # ------------------------------------------------------------------ main
    def extract(self, document: Document, doc: Doc, mentions: list[Mention], actors: DocActors):
        """Yield the evidence records of one document.

        ``doc`` is the spaCy doc of ``document.body``; offsets in the records
        are into ``document.text``.
        """
        off = document.body_start
        doc_date = document.meta.get("date", "")
        arrays = TokenArrays(doc, document.body)
        norms = arrays.norms
        salience = Salience(actors, lambda aid: self.rules.gender_of(actors.get(aid)))
        armed = self.rules.single.get("armed", ())
        salience.fighting = self.rules.fighting
        if armed:  # an organisation with one of [pronouns] armed within three words of where it is named
            salience.rebel_orgs = {m.actor for m in mentions if m.actor and actors.kind(m.actor) == "organisation"
                                   and any(norms[k] in armed for k in range(max(0, m.start - 3), min(len(norms), m.end + 3)))}
        travels = []  # (evidence, sentence has flight words, the journey a companion's follows or None): decided
        # once the report is read
        fleeing, meeting = set(), set()  # who flees by a plain flight verb / meets a person here
        met_by = {}  # a person met here -> those who met them
        envoys = set()  # those the report names by an office whose holders travel to talk ([names] touring_titles)
        journey_of = {}  # id(contact evidence) -> the journey reading of the same words
        either = []  # ([contact evidence], [journey evidence], (sentence, cue start)): a journey if its
        # traveller (or one who travelled with him) flees here
        told = ()  # the parties of the last meeting the report told ("took part in THE talks")
        legs_of = {}  # traveller -> (sentence number, [(journey evidence, sentence has flight words)])
        gathered = None  # (its venue, its parties): the last joint meeting told with a venue
        sought, refused = [], set()  # (sentence, a refuge sought); (sentence, relation, who was refused)
        every = list(views(doc, arrays, mentions))
        for k, view in enumerate(every):
            if view.too_long:
                continue
            # (a cue whose last word the parser reads as a verb's infinitive marker is no cue, unless its
            # relation's cues may end so: "made an appeal TO protect Syria" names no one appealed to,
            # "declined TO meet" is a refusal; relations.toml infinitive_cues)
            hits = self.matcher(norms, arrays.gaps, view.sent.start, view.sent.end,
                                keep=lambda t: not self._infinitive(doc, t))
            if self.tagged_cues:  # a cue for one part of speech ("meeting" a verb): only where a tagger said so
                hits = [h for h in hits if not h.cue.pos or doc[h.start].pos_ in h.cue.pos]
            ctx = SentenceContext(self.rules, actors, view, norms, salience, {h.start for h in hits}, arrays,
                                  every[k + 1] if k + 1 < len(every) else None)
            if not ctx.is_heading and self.roles:
                for ev in self._roles(document, ctx, off, actors):
                    if self._touring_title(ev.trigger):
                        envoys.add(ev.source)  # ("Syrian FOREIGN MINISTER Bassam Sabbagh arrived in Baghdad")
                    yield ev
            if not ctx.is_heading and self.members:
                yield from self._members(document, ctx, off, actors)
            if hits and not ctx.is_heading:
                seen = {}
                flighty = contains(ctx.norms, ctx.start, ctx.end, self.w["flight_context"])
                visit = contains(ctx.norms, ctx.start, ctx.end, self.w["visit"])
                deploying = "deployment" in self.w and contains(ctx.norms, ctx.start, ctx.end, self.w["deployment"])
                for hit in hits:
                    # (a covered journey only: "travelled" under "travelled to"; "receiving" under
                    # "receiving asylum from" is no reading of its own)
                    journeys = [o for o in hit.covered if self.lexicon.relations[o.cue.relation].journey]
                    readings = [hit, *journeys]
                    if flighty and not visit and journeys:
                        # "after the fall of Damascus, Maher travelled to Baghdad": a journey, not a visit
                        readings = [*journeys, hit]
                    found = []
                    for reading in readings:  # the first reading that finds parties
                        found = list(self._from_cue(document, ctx, reading.cue, reading.start, reading.end, off,
                                                    actors, told, gathered))
                        if found:
                            break
                    if found and reading is hit and journeys and not visit:
                        # "From there, he traveled to Moscow": a contact unless the traveller flees in
                        # this report (decided once it is read: the journey reading is kept aside)
                        alt = list(self._from_cue(document, ctx, journeys[0].cue, journeys[0].start,
                                                  journeys[0].end, off, actors))
                        at = (k, hit.start)  # (the travellers of one verb go together: "Rajapaksa, HIS WIFE
                        # and TWO BODYGUARDS travelled to Male")
                        for ev in found:
                            legs = [j for j in alt if j.source == ev.source]
                            if legs and ev.asserted:
                                journey_of[id(ev)] = (legs, at)
                        if any(ev.asserted for ev in found):
                            others = [j for j in alt if j.source not in {ev.source for ev in found}]
                            if others:
                                either.append(([], [self._dated(j, doc_date) for j in others], at))
                    for ev in found:
                        key = (ev.source, ev.relation, ev.target)
                        if key not in seen or (ev.asserted and not seen[key].asserted) or (
                                ev.asserted and seen[key].rule in self.travel_rules):
                            seen[key] = ev  # a plain flight verb wins over a travel verb
                for key in list(self._taken(seen.values())):
                    ev = seen.pop(key)
                    if ev.asserted and self.lexicon.relations[ev.relation].meets and actors.kind(ev.target) == "person":
                        meeting.add(ev.source)  # (still one who came to talk: "HIS VISIT follows ...")
                for ev in self._together(seen.values(), salience.joined, off):
                    seen.setdefault((ev.source, ev.relation, ev.target), ev)
                for ev in self._visits(ctx, seen.values(), actors, visit, off):
                    seen[(ev.source, ev.relation, ev.target)] = ev
                for ev in self._met_there(seen.values(), actors):
                    seen[(ev.source, ev.relation, ev.target)] = ev
                if not visit:  # (an official's suite on a visit escorts no one)
                    self._escorts(seen, actors, legs_of, k)
                for key, ev in list(seen.items()) if deploying else ():
                    if ev.asserted and ev.rule in self.travel_rules and self.lexicon.relations[ev.relation].journey:
                        seen[key] = replace(ev, modality="deployment", asserted=False)
                if flighty:
                    for ev in list(self._received(list(seen.values()), actors)):
                        seen.setdefault((ev.source, ev.relation, ev.target), ev)
                met = [ev for ev in seen.values() if ev.asserted and ev.rule in self.joint_rules]
                if met:  # who the meeting was with: its targets, or every party where they met jointly
                    told = tuple(dict.fromkeys(a for ev in met for a in (
                        (ev.source, ev.target) if 0 <= ev.target_start < ev.trigger_start else (ev.target,))))
                    joint = [ev for ev in met if 0 <= ev.target_start < ev.trigger_start]
                    parties = tuple(dict.fromkeys(a for ev in met for a in (ev.source, ev.target)))
                    venue = joint and self._venue(ctx, actors, parties, min(ev.trigger_start for ev in joint) - off)
                    if venue:
                        gathered = (venue, parties)
                companions = []
                # those who flee here by a flight verb: where the sentence's flight is theirs, a group entering
                # a city advances ("after the rebels ENTERED Damascus, Assad FLED to Moscow")
                fleers = {e.source for e in seen.values() if e.asserted and e.rule not in self.travel_rules
                          and self.lexicon.relations[e.relation].journey}
                for ev in seen.values():
                    if ev.rule in self.companion_rules:
                        companions.append(ev)  # (after the sentence's own journeys, which it may follow)
                        continue
                    if id(ev) in journey_of:
                        legs, at = journey_of.pop(id(ev))
                        either.append(([self._dated(ev, doc_date)], [self._dated(j, doc_date) for j in legs], at))
                        continue
                    ev = self._dated(ev, doc_date)
                    if ev.asserted and ev.relation in self.refusals:
                        refused.add((k, ev.relation, ev.target))
                    if ev.asserted and ev.rule in self.sought:
                        sought.append((k, ev))  # (decided once the next sentence is read)
                        continue
                    if ev.asserted and self.lexicon.relations[ev.relation].journey:
                        if ev.rule in self.travel_rules:
                            # (a journey made under compulsion, "FORCED TO divert to Nicaragua", is a flight)
                            fled = flighty or self._forced(ctx, ev, off)
                            if fled and ev.rule in self.stop_rules and ev.source not in fleeing:
                                moved = {e.source for e in seen.values() if e.asserted and e.rule not in self.stop_rules
                                         and self.lexicon.relations[e.relation].journey}
                                if moved and ev.source not in moved:
                                    fled = False  # ("WHILE Assad REMAINS in Damascus, his family fled": another's)
                            elif fled and fleers and ev.source not in fleers and ev.rule in self.group_travel_rules \
                                    and actors.kind(ev.source) == "group" and actors.kind(ev.target) != "state":
                                fled = False  # (the flight is another's; "soldiers entered IRAQ as Assad fled"
                                # may be their flight too)
                            travels.append((ev, fled, None))
                            self._leg(legs_of, k, ev, travels[-1][1])
                            continue
                        self._leg(legs_of, k, ev, None)
                        fleeing.add(ev.source)
                    elif ev.asserted and self.lexicon.relations[ev.relation].meets and \
                            actors.kind(ev.target) == "person":
                        meeting.add(ev.source)
                        met_by.setdefault(ev.target, set()).add(ev.source)
                    yield ev
                for ev, leg, flighty_leg in self._accompanied(companions, legs_of, k, set(seen)):
                    ev = self._dated(ev, doc_date)
                    if flighty_leg is None:
                        if ev.asserted:
                            fleeing.add(ev.source)
                        yield ev
                    else:  # decided as the journey it follows is (a tour's companion tours)
                        travels.append((ev, flighty_leg, leg))
            if self.lexicon.status and not ctx.is_heading:
                yield from self._status(document, ctx, off, actors)
            salience.close_sentence(ctx)
        def travel(ev, flighty, touring):
            # "the opposition forces arrived in Damascus": a group arriving is a flight only where
            # the sentence speaks of one (an army entering a city takes it)
            # (a person's family or bodyguards are no army: they arrive where the person does)
            group = actors.get(ev.source) if actors.kind(ev.source) == "group" else None
            advancing = ev.rule in self.group_travel_rules and group is not None and not flighty and \
                not (group.member_of and actors.kind(group.member_of) == "person") and \
                not (ev.source.endswith(self.civilian_groups) and self._named_civilians(ev.source_text))
                # ("US citizens arrived in Jeddah": no army; "THEY entered Damascus" may be one)
            # "Putin remained in Moscow"; "Assad REMAINS IN SYRIA, amidst concerns over the collapse of his
            # government": staying in one's own state is no flight, whatever the sentence speaks of
            staying = ev.rule in self.stop_rules and (not flighty or actors.index.state_of.get(ev.source) == ev.target)
            # "She MOVED to Syria IN 2000": a journey dated years before the report is a life's, no flight
            # in its events (unless its sentence speaks of one)
            years = [int(y) for y in _IN_YEAR.findall(ev.text)] if not flighty and doc_date[:4].isdigit() else ()
            bygone = bool(years) and max(years) < int(doc_date[:4]) - 1
            return replace(ev, modality="travel", asserted=False) if touring or advancing or staying or bygone else ev

        decided, outcome = [], {}  # outcome: id(a journey as found) -> as decided
        # those who travel together with a diplomat on tour tour ("I have just arrived in Saudi Arabia,
        # accompanied by the Minister of Defense ...": the same arrival)
        touring_at = {}
        for ev, flighty, _ in travels:
            if ev.source in meeting and ev.source not in fleeing and not flighty:
                touring_at.setdefault(ev.trigger_start, set()).add(ev.source)

        def touring(ev):
            # "He then flew to Ankara": one who meets people here (or is named by an office that travels to
            # talk) and never flees; or one travelling with such a diplomat, but not the one the diplomat came
            # to meet ("Waite met with Jacobsen ... Jacobsen arrived WITH WAITE in Cyprus": escorted)
            if ev.source not in fleeing and (ev.source in meeting or ev.source in envoys):
                return True
            tourers = touring_at.get(ev.trigger_start)
            return bool(tourers) and not tourers & met_by.get(ev.source, set())

        for ev, flighty, followed in travels:
            leg = outcome.get(id(followed)) if followed is not None else None
            if leg is not None:  # a companion's journey is what the one accompanied made of his
                decided_ev = ev if leg.asserted else replace(ev, modality=leg.modality, asserted=False)
            else:
                decided_ev = travel(ev, flighty, not flighty and touring(ev))
            outcome[id(ev)] = decided_ev
            decided.append(decided_ev)
            yield decided_ev
        # a traveller who flees in this report (a flight verb, or a journey kept as a flight above)
        fled = fleeing | {ev.source for ev in decided if ev.asserted and ev.modality != "travel"}
        fled_at = {at for contact, _, at in either if contact and contact[0].source in fled}
        for contact, legs, at in either:
            if at in fled_at:  # (and those who travelled with him)
                yield from (travel(ev, False, False) if ev.rule in self.travel_rules else ev for ev in legs)
            else:
                yield from contact
        for k, ev in sought:
            # "Dozens of Syrian families SOUGHT REFUGE IN Lebanon overnight": they are there; "Assad initially
            # sought refuge in the UAE. However, his request was denied by Emirati officials": he asked it
            cue = self.sought[ev.rule]
            if {(k, cue.refused_by, ev.source), (k + 1, cue.refused_by, ev.source)} & refused:
                party = actors.as_party(ev.target)
                if party and party != ev.source:
                    yield replace(ev, relation=cue.request, target=party)
            else:
                yield ev

    def _infinitive(self, doc, hit) -> bool:
        """Whether ``hit`` ends in an infinitive marker ("appeal TO protect") and its relation's cues
        may not (relations.toml ``infinitive_cues``)."""
        last = doc[hit.end - 1]
        return hit.end - hit.start > 1 and last.pos_ == "PART" and last.dep_ == "aux" and \
            last.head.i > last.i and last.head.pos_ in ("VERB", "AUX") and \
            not self.lexicon.relations[hit.cue.relation].infinitive_cues

    @staticmethod
    def _together(found, joined: dict, off: int):
        """The same event for each of the people a "they" stands for ("Fang and Li ... when THEY landed
        at Upper Heyford": both landed): the resolution gave the first (see
        :meth:`~graphx.extract.coref.Salience._joined`)."""
        for ev in list(found):
            for side, other in (("source", "target"), ("target", "source")):
                people = joined.get(getattr(ev, side + "_start") - off)
                for aid in people[1:] if people and getattr(ev, side) == people[0] else ():
                    if aid != getattr(ev, other):
                        yield replace(ev, **{side: aid})

    def _escorts(self, seen: dict, actors, legs_of: dict, k: int) -> None:
        """Those who travel with someone as another side's escort take him, they do not flee: "Maher was
        transported to Baghdad, ACCOMPANIED BY IRANIAN REVOLUTIONARY GUARD COMMANDERS" (the IRGC
        mediated his passage), "fled to Moscow accompanied by Russian officers" (Russia did). A state
        or organisation, or a group of one (no family, no civilians), that is not the traveller's own
        side: its journey with him, or its company, becomes the passage it gave (``seen`` is changed)."""
        passage = self.lexicon.inferences_for(self.journey).get("passage") if self.journey else None
        if passage is None:
            return
        journeys = [ev for ev in seen.values() if ev.relation == self.journey and ev.rule not in self.companion_rules]
        for key, ev in list(seen.items()):
            if ev.rule in self.companion_rules:
                at, _ = legs_of.get(ev.target, (None, []))
                goes = any(j.source == ev.target for j in journeys) or (at is not None and k - at <= 2)
                rides = [(ev.target, ev.target_text, ev.target_start, ev.target_end)] if goes else []
            elif ev.relation == self.journey:
                # (not people no table names, listed after the group: "associates of the Assad government,
                # INCLUDING Ghassan Belal and Mohammed Hamsho, sought refuge": its members, not its charges)
                rides = [(j.source, j.source_text, j.source_start, j.source_end) for j in journeys
                         if j is not ev and j.trigger_start == ev.trigger_start and j.target == ev.target
                         and actors.kind(j.source) == "person" and not (
                             j.source_start > ev.source_start and getattr(actors.get(j.source), "discovered", False))]
            else:
                continue
            for traveller, text, lo, hi in rides:
                party = self._escort(actors, ev.source, traveller)
                if party is None:
                    continue
                seen.pop(key, None)
                helped = replace(ev, source=party, relation=passage.gives[0], target=traveller, rule=passage.rule,
                                 target_text=text, target_start=lo, target_end=hi)
                seen.setdefault((party, helped.relation, traveller), helped)
                break

    def _escort(self, actors, aid: str, traveller: str) -> str | None:
        """The party ``aid`` escorts ``traveller`` for (see :meth:`_escorts`), or None."""
        actor = actors.get(aid)
        if actor is None or aid == traveller:
            return None
        owner = aid
        if actor.kind == "group":
            if aid.endswith(self.kin_and_civilians) or not actor.member_of:
                return None  # (a family, refugees, bodyguards no one owns: they go with him)
            owner = actor.member_of
        if actors.kind(owner) not in ("state", "organisation", "armed_group"):
            return None
        if self._own_side(actors, owner, traveller):
            return None
        return actors.as_party(owner) or owner

    @staticmethod
    def _leg(legs_of, k, ev, flighty):
        """Remember a traveller's journeys of sentence ``k`` (the last sentence's only)."""
        at, legs = legs_of.get(ev.source, (None, []))
        legs_of[ev.source] = (k, (legs if at == k else []) + [(ev, flighty)])

    def _accompanied(self, companions, legs_of, k, seen):
        """A companion's journeys: where the one travelled with went in this sentence or the two
        before ("His wife, Yulia, travelled with him"), citing the companion's sentence with the
        place as carried over (no words of it here); (evidence, the journey followed, its flight
        words flag: None for a plain flight)."""
        made = set()
        for ev in companions:
            at, legs = legs_of.get(ev.target, (None, []))
            if at is None or k - at > 2:
                continue
            for leg, flighty in legs:
                key = (ev.source, leg.relation, leg.target)
                if ev.source == leg.target or key in seen or key in made:
                    continue
                made.add(key)
                same = leg.start == ev.start  # (the place named in this sentence keeps its words)
                yield (replace(ev, relation=leg.relation, target=leg.target,
                               target_text=leg.target_text if same else "",
                               target_start=leg.target_start if same else -1,
                               target_end=leg.target_end if same else -1), leg, flighty)

    def _status(self, document, ctx, off, actors):
        """"X was killed" / "X survived": claims on a person's fate (graphx/status.py), not edges."""
        from ..claims import status_claims

        persons = [(p.actor, p.start, p.end, p.text, p.start_char, p.end_char) for p in ctx.parties
                   if not p.pronoun and actors.kind(p.actor) == "person"]
        if not persons:
            return
        yield from status_claims(
            document, ctx.doc, persons, self.lexicon.status, norm=_status_norm,
            negation=self.lexicon.markers.get("negation", ()), denial=self.lexicon.markers.get("denial", ()),
            sentences=[(ctx.start, ctx.end)], off=off, language="en", texts=ctx.arrays.texts)

    def _group_at(self, doc, lo, hi):
        """The state or group the words doc[lo:hi] name ("Kremlin", "the Syrian regime"), if any."""
        text = doc[lo:hi].text
        actor = self.index.resolve(text)
        if actor is None and hi - lo == 2 and doc[lo].norm_ in self.rules.demonyms:
            if doc[hi - 1].norm_ in self.index.collective_nouns:
                actor = self.rules.demonym_state.get(doc[lo].norm_)
        if actor and actor.kind in self.lexicon.relations[self.roles].target_kinds:
            return actor.id
        return self.index.capital_of.get(actor.id) if actor else None

    def _roles(self, document, ctx, off, actors):
        """Person -represents-> state/group from a title between them (see relations.toml)."""
        doc, n = ctx.doc, ctx.norms
        titles = self.w["titles"]
        found = {}
        for p in ctx.parties:
            if p.pronoun or actors.kind(p.actor) != "person":
                continue
            # "<group> <title> <person>" / "<group>'s <title> <person>" / "<demonym> <title> <person>",
            # where the title may be inside the person's own mention ("Iraqi Prime Minister").
            for i in range(max(ctx.start, p.start - 4), p.end):
                k = phrase_len(n, i, titles) if n[i] in titles.by_first else 0
                # the title ends where the name starts, or lies inside the mention
                if not k or not (i + k == p.start or p.start <= i < p.end):
                    continue
                j = i - 1
                if j >= ctx.start and n[j] == "'s":
                    j -= 1
                group = None
                if j >= ctx.start and n[j] in self.rules.demonyms:
                    group = self.rules.demonym_state.get(n[j])
                    group = group.id if group else None
                for width in (1, 2, 3):
                    if group or j - width + 1 < ctx.start:
                        break
                    group = self._group_at(doc, j - width + 1, j + 1)
                    context = group and getattr(self.index.actors.get(group), "context", ())
                    if context and not any(q.actor == group for q in ctx.parties):
                        # ("BELARUSIAN opposition leader": the table's Syrian opposition only where the
                        # report is about Syria, as the mention finder reads its names)
                        group = None
                if group:
                    found.setdefault((p.actor, group), (p, i, i + k))
                    break
            # "<person>, <title> of <group>" / "<title> of <group>, <person>"
            for lo, hi in ((p.end + 1, p.end + 8), (max(ctx.start, p.start - 9), p.start)):
                for i in range(lo, min(hi, ctx.end)):
                    k = phrase_len(n, i, titles) if n[i] in titles.by_first else 0
                    if k and i + k < ctx.end and n[i + k] == "of":
                        g = next((q for q in ctx.in_range(i + k + 1, i + k + 4) if not q.pronoun), None)
                        gid = g and self._group_at(doc, g.start, g.end)
                        # (an apposition: "Awda, commander of the Eighth Brigade"; "the head of X, Sharaa";
                        # not "Fidan held talks with the head of X")
                        beside = (n[p.end] == "," and i - p.end - 1 <= 2) if hi != p.start else (
                            p.start - 1 >= ctx.start and n[p.start - 1] == "," and g is not None
                            and g.end >= p.start - 2)
                        if gid and beside and (hi == p.start) == (g.end <= p.start):
                            found.setdefault((p.actor, gid), (p, i, i + k))
                            break
        for (src, group), (p, t0, t1) in sorted(found.items()):
            if src == group:
                continue
            trig = ctx.words(t0, t1)
            yield make(src, self.roles, group, p, None, trig, "role-title", off, citation(document, ctx.view, off))

    def _flags(self, document, ctx, cs, ce, start, end, relation, off) -> dict:
        """What the sentence says of the trigger's event (markers, attribution) and where it is."""
        negated, hedged, modality = ctx.modality(cs, ce, start, end)
        asserted = not negated and (modality == "fact" or (modality == "attempt" and relation.attempts_count))
        return dict(negated=negated, hedged=hedged, modality=modality, asserted=asserted,
                    attributed_to=ctx.attribution(start), **citation(document, ctx.view, off))

    def _members(self, document, ctx, off, actors):
        """A group named in the sentence belongs to its owner: "Syrian soldiers" -member-of-> Syria; so
        does a state's building abroad ("the French embassy")."""
        seen = set()
        for p in ctx.parties:
            r = ctx.resolved(p) if p.slot else p
            actor = r and actors.get(r.actor)
            if actor is None or actor.kind not in ("group", "place") or not actor.member_of or actor.id in seen:
                continue
            seen.add(actor.id)
            yield make(actor.id, self.members, actor.member_of, r, None, ctx.words(p.start, p.end) if p.start >= 0
                       else ctx.words(ctx.start, ctx.start + 1), "group", off, citation(document, ctx.view, off))

    def _proxy_mediation(self, document, ctx, cs, ce, askers, proxies, off, actors, gives):
        first = proxies[0]
        negated, hedged, modality = ctx.modality(cs, ce, first.start, first.end)
        asserted = not negated and modality in ("fact", "attempt")
        flags = dict(negated=negated, hedged=hedged, modality=modality, asserted=asserted,
                     attributed_to=ctx.attribution(first.start), **citation(document, ctx.view, off))
        verb = ctx.doc[max(ctx.start, first.start - 1):first.start]
        for src in askers:
            src_id = actors.as_party(src.actor)
            for tgt in proxies:
                tgt_id = actors.as_party(tgt.actor)
                if src_id and tgt_id and src_id != tgt_id:
                    yield make(src_id, gives, tgt_id, src, tgt, verb, "mediation-by-proxy", off, flags)

    def _visits(self, ctx, evidence, actors, visit: bool, off: int):
        """A travel verb ("flew to Doha") is a visit where its clause says so (``visit``: the sentence
        has a [markers] visit word; it counts in the travel verb's clause only: not "sending them BACK
        TO Syria after they had crossed into Lebanon"), or the traveller meets someone."""
        # (talks held with any party: "for the first talks with Syria's new leaders")
        meets = {e.source for e in evidence if not self.lexicon.relations[e.relation].journey and e.asserted
                 and (actors.kind(e.target) == "person" or e.rule in self.joint_rules and actors.as_party(e.target))
                 and e.rule not in self.companion_rules}
        # (or was met by a person: "arrived in Damascus and WAS WELCOMED BY interim president al-Sharaa")
        # (not where the sentence speaks of flight: "arrived in Moscow and was received by Putin after he fled")
        if not contains(ctx.norms, ctx.start, ctx.end, self.w["flight_context"]):
            meets |= {e.target for e in evidence if e.rule in self.met_by_rules and e.asserted
                      and actors.kind(e.source) == "person"}
        marks = ()
        if visit:
            first, words = self.w["visit"].by_first, self.w["visit"]
            marks = {ctx.clause_of(i) for i in range(ctx.start, ctx.end)
                     if ctx.norms[i] in first and phrase_len(ctx.norms, i, words)}  # (the clauses holding one)
        for ev in evidence:
            if self.lexicon.relations[ev.relation].journey and ev.rule in self.travel_rules and ev.asserted and (
                    ev.source in meets or marks and ctx.clause_of(ctx.token_at(ev.trigger_start - off)) in marks):
                if self._forced(ctx, ev, off):
                    continue  # ("was FORCED TO divert to Nicaragua, where he met Ortega": no visit)
                yield replace(ev, modality="visit", asserted=False)

    def _met_there(self, evidence, actors):
        """A trip to a place ([clauses] place_visit: "TRAVELED TO Damascus") is no contact of the place
        where the same traveller's contact with someone else is told in the sentence ("... for the first
        talks with Syria's new leaders"): the trip is kept as a visit, not asserted."""
        words = self.place_visit
        if not words:
            return
        place = ("state", "place")
        def trip(ev):
            return tuple(ev.trigger.lower().split()) in words
        contacts = [ev for ev in evidence if ev.asserted and self.lexicon.relations[ev.relation].meets]
        met = {ev.source for ev in contacts if not trip(ev) and actors.kind(ev.target) not in place}
        for ev in contacts:
            if ev.source in met and trip(ev) and actors.kind(ev.target) in place:
                yield replace(ev, modality="visit", asserted=False)

    def _touring_title(self, title: str) -> bool:
        """Whether a title ends in one of [names] touring_titles ("Deputy Foreign Minister")."""
        words = title.lower().split()
        return ends_at(words, len(words), self.touring_titles)

    def _forced(self, ctx, ev, off) -> bool:
        """Whether a journey's trigger comes right after a [markers] compulsion phrase ("forced to")."""
        forced = self.w.get("compulsion")
        return bool(forced) and ends_at(ctx.norms, ctx.token_at(ev.trigger_start - off), forced)

    def _received(self, evidence, actors):
        """In a sentence that speaks of flight, a state or place receiving a person or group ([clauses]
        reception: "Saudi Arabia WELCOMED Ben Ali and his family, a day after they fled") is where they
        fled: the contact read the other way as a journey."""
        words, journey = self.rules.single.get("reception"), self.journey
        if not words or journey is None:
            return
        for ev in evidence:
            if ev.asserted and not self.lexicon.relations[ev.relation].journey and \
                    " ".join(ev.trigger.lower().split()) in words and \
                    actors.kind(ev.source) in ("state", "place") and actors.kind(ev.target) in ("person", "group"):
                yield replace(ev, source=ev.target, relation=journey, target=ev.source, rule="reception",
                              source_text=ev.target_text, source_start=ev.target_start, source_end=ev.target_end,
                              target_text=ev.source_text, target_start=ev.source_start, target_end=ev.source_end)

    def _initiator(self, ctx, sources, actors):
        """The one of a joint meeting's ``sources`` its sentence or the next names as its initiator
        ([clauses] initiative: "at X's initiative", "at the initiative of X", "initiated by X"), if any."""
        words = self.rules.single.get("initiative")
        if not words:
            return None
        norms = ctx.norms
        for view in (ctx.view, ctx.following):
            if view is None or view.too_long or view.is_heading:
                continue
            for i in range(view.start, view.end):
                if norms[i] not in words:
                    continue
                named = [m for m in view.mentions if m.end + 1 == i and norms[m.end] == "'s"
                         or i + 1 < view.end and norms[i + 1] in ("of", "by") and i + 2 <= m.start <= i + 4]
                for m in named:
                    ids = {m.actor, actors.as_party(m.actor)}
                    for p in sources:
                        r = ctx.resolved(p)  # (a named party is itself)
                        if r is not None and (r.actor in ids or self.index.state_of.get(r.actor) in ids):
                            return p
        return None

    def _venue(self, ctx, actors, parties, after: int) -> tuple:
        """Where the sentence's meeting took place ([clauses] venue: "met IN Jordan", "gathered IN the
        Jordanian city of Aqaba"): the first place or state, none of the meeting's ``parties``, named
        up to five words after a venue word and after the trigger (a body offset; else the last
        before it), with the places it lies in (located_in, a capital's state); () if none."""
        words = ctx.one.get("venue")
        if not words:
            return ()
        norms, found = ctx.norms, []
        for m in ctx.view.mentions:
            if m.start < 0 or m.actor in parties or actors.kind(m.actor) not in ("place", "state"):
                continue
            if any(norms[i] in words for i in range(max(ctx.start, m.start - 5), m.start)):
                found.append(m)
        if not found:
            return ()
        later = [m for m in found if m.start_char >= after]
        m = later[0] if later else found[-1]
        out, aid = [], m.actor
        while aid and aid not in out:
            out.append(aid)
            actor = actors.get(aid)
            aid = (actor.located_in if actor else None) or self.index.capital_of.get(aid)
        return tuple(out)

    def _gathered(self, ctx, actors, start, sources, gathered) -> list:
        """Those a joint meeting told before met too, where this sentence's joint meeting is at the
        same venue ([clauses] venue): the one told before took place there, in a place this one lies
        in, or in one that lies in it ("... met in Jordan." then "... gathered in Aqaba", Aqaba lying
        in Jordan). Actors carried over (no words here), the joiners left out."""
        if not gathered:
            return []
        mine = {r.actor for r in (ctx.resolved(p) for p in sources) if r is not None}
        here = self._venue(ctx, actors, mine, ctx.doc[start].idx)
        before, told = gathered
        if not here or not (here[0] in before or before[0] in here):
            return []
        return [Mention(aid, "", -1, -1, -1, -1) for aid in told if aid not in mine]

    def _joined(self, ctx, cue, start, end, sources, told) -> list:
        """Those a definite joining phrase ("took part in THE discussions", cue ``joins``; [pronouns]
        definite; or one with a word of [clauses] additive: "were ALSO in attendance") meets: the
        parties of the last meeting the report told (``told``) other than the joiners, as actors carried
        over from an earlier sentence (no words here); none where the phrase is indefinite or no meeting
        was told."""
        # (told of the meeting, the article is its subject's: "THE meeting was also attended by")
        lo = ctx.clause_of(start)[0] if cue.source == "agent" else start
        if not (cue.joins and told and (ctx.one["definite"].intersection(ctx.norms[lo:end]) or
                                        ctx.one.get("additive", set()).intersection(ctx.norms[lo:end]))):
            return []
        mine = {r.actor for r in (ctx.resolved(p) for p in sources) if r is not None}
        return [Mention(aid, "", -1, -1, -1, -1) for aid in told if aid not in mine]

    def _host(self, actors, place: str, guest: str) -> str | None:
        """The state or organisation whose building (a place a member of it: [groups] premises) took
        ``guest`` in, if not his own side; else None."""
        building = actors.get(place)
        if building is None or building.kind != "place" or not building.member_of:
            return None
        host = actors.as_party(place)
        # (its own: "Syrian diplomats fled to the Syrian embassy")
        if not host or self._own_side(actors, host, guest):
            return None
        return host

    def _own_side(self, actors, party: str, who: str) -> bool:
        """Whether ``party`` is ``who``, what ``who`` is a member of (up the chain), or the state one of
        those speaks for."""
        owners, aid = set(), who
        while aid and aid not in owners:
            owners.add(aid)
            aid = getattr(actors.get(aid), "member_of", None)
        return party in owners or any(self.index.one_side(party, o) for o in owners)

    def _dated(self, ev, doc_date: str):
        date, _ = event_date(ev.text, doc_date, trigger_offset=ev.trigger_start - ev.start)
        return replace(ev, date=date) if date != ev.date else ev

    def _from_cue(self, document, ctx, cue: Cue, start, end, off, actors, told=(), gathered=None):
        relation = self.lexicon.relations[cue.relation]
        inferences = self.lexicon.inferences_for(cue.relation)
        args = self.finder.arguments(ctx, cue, start, end, relation, inferences)
        sources, targets, voice, (cs, ce) = args.sources, args.targets, args.voice, args.clause
        if cue.person_relation and targets and all(actors.kind(t.actor) == "person" for t in targets):
            # "tried to reach HIM" is a contact; "reached the air base" an arrival
            relation = self.lexicon.relations[cue.person_relation]
            inferences = self.lexicon.inferences_for(relation.name)
        if args.proxies:
            # "X engaged Y and Z to leverage their connections to W": Y and Z go between
            # (Y, Z -mediated-> W, as asked), and X mediated through them
            yield from self._proxy_mediation(document, ctx, cs, ce, sources, args.proxies, off, actors,
                                             inferences["mediation-by-proxy"].gives[0])
            sources = args.proxies
        passage = inferences.get("passage") or inferences.get("intermediary")
        if args.helpers and passage:
            # "Russia evacuated Assad", "under Hezbollah's protection": the helper mediated the passage;
            # "the Americans through the UAE asked Assad": the UAE went between both sides
            flags = self._flags(document, ctx, cs, ce, start, end, relation, off)
            sides = [(m, relation.source_kinds) for m in sources]
            if passage.rule == "intermediary":
                sides += [(m, relation.target_kinds) for m in targets]
            for helper in args.helpers:
                hid = actors.as_party(helper.actor)
                for side, kinds in sides:
                    mid = actors.as_kind(side.actor, kinds)
                    if hid and mid and hid != mid:
                        yield make(hid, passage.gives[0], mid, helper, side, ctx.words(start, end), passage.rule, off,
                                   flags)
        joined = self._joined(ctx, cue, start, end, sources, told) if args.joint or not targets else []
        if joined:  # "Carstens and Rubinstein also took part in the discussions": with the other side
            pairs = [(a, b) for a in sources for b in joined]
        elif args.joint:  # each pair of those named together: "envoys of A, B and C met"
            first = self._initiator(ctx, sources, actors)
            if first is not None:  # "... at the Turkish side's initiative": the initiator's contact
                sources = [first, *(p for p in sources if p is not first)]
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
            # ... and those of the same gathering told before ("met in Jordan" ... "gathered in Aqaba")
            pairs += [(a, b) for a in sources for b in self._gathered(ctx, actors, start, sources, gathered)]
        else:
            pairs = [(a, b) for a in sources for b in targets]
        if not pairs:
            return
        flags = self._flags(document, ctx, cs, ce, start, end, relation, off)
        trigger = ctx.words(start, end)
        requester = beneficiary = None
        request, purpose = inferences.get("request-frame"), inferences.get("purpose-mediation")
        refusal = inferences.get("refused-request")
        grant = inferences.get("asylum-grant") if voice == "recipient" else None
        refuge = inferences.get("refuge-host")
        if voice == "active" and (request or purpose):
            requester = request and ctx.requester(start)
            if not requester and purpose:
                # "Lavrov's meetings with X and Y aimed to facilitate al-Assad's safe passage"
                beneficiary = ctx.on_behalf_of(max(b.end for _, b in pairs), sources + targets)
        for src in dict.fromkeys(a for a, _ in pairs):
            src_id = actors.as_kind(src.actor, relation.source_kinds)
            if not src_id:
                continue
            made = False
            for tgt in (b for a, b in pairs if a is src):
                tgt_id = actors.as_kind(tgt.actor, relation.target_kinds, as_party=False, protector=cue.protector,
                                        groups=relation.target_groups)
                if not tgt_id or tgt_id == src_id or (not relation.journey and self.index.one_side(src_id, tgt_id)):
                    granter = not tgt_id and grant and actors.as_party(tgt.actor)
                    if granter and granter != src_id:
                        # "the Daniel Ortega regime granted him asylum": no place to go to, still a grant
                        yield make(granter, grant.gives[0], src_id, tgt, src, trigger, "asylum-grant", off, flags)
                    continue  # (a leader and his own state are one side: "Araghchi held a meeting involving Iran")
                made = True
                yield make(src_id, relation.name, tgt_id, src, tgt, trigger, cue.rule, off, flags)
                granter = grant and actors.as_party(tgt.actor)
                if granter and granter != src_id:
                    # "France granted asylum to him": France dealt with him
                    yield make(granter, grant.gives[0], src_id, tgt, src, trigger, "asylum-grant", off, flags)
                host = refuge and self._host(actors, tgt_id, src_id)
                if host:  # "took refuge at the French embassy": France took him in
                    yield make(host, refuge.gives[0], src_id, tgt, src, trigger, "refuge-host", off, flags)
                if beneficiary:
                    yield make(src_id, purpose.gives[0], tgt_id, src, tgt, beneficiary[1], "purpose-mediation",
                                    off, flags)
                if requester and tgt_id != requester[0].actor:
                    # "At X's request, Y reached out to Z": Y went between X and Z.
                    yield make(src_id, request.gives[-1], tgt_id, src, tgt, requester[1], "request-frame", off,
                                    flags)
                if refusal and ctx.owns_request(tgt):
                    # "turned down Assad's request": Assad had asked (an explicit request). Denying the
                    # refusal ("did not refuse his request") still says he asked.
                    asked = dict(flags, negated=False, asserted=flags["modality"] in ("fact", "attempt")) \
                        if flags["negated"] else flags
                    yield make(tgt_id, refusal.gives[0], src_id, tgt, src, trigger, "refused-request", off, asked)
            if made and beneficiary:  # ... and for the one it served ("Lavrov -mediated-> Assad")
                ben_id = actors.as_kind(beneficiary[0].actor, self.lexicon.relations[purpose.gives[0]].target_kinds,
                                        as_party=False)
                if ben_id and ben_id != src_id:
                    yield make(src_id, purpose.gives[0], ben_id, src, beneficiary[0], beneficiary[1],
                               "purpose-mediation", off, flags)
            req_id = requester and actors.as_party(requester[0].actor)
            if made and req_id and req_id != src_id:
                yield make(req_id, request.gives[0], src_id, requester[0], src, requester[1], "request-frame",
                                off, flags)
                yield make(src_id, request.gives[-1], req_id, src, requester[0], requester[1], "request-frame",
                                off, flags)


class Arguments(NamedTuple):
    """Who a trigger's event involves, as an argument finder reads the sentence."""

    sources: list
    targets: list
    voice: str  # active | passive | recipient, as read in this sentence
    clause: tuple  # (start, end) tokens of the trigger's clause: the markers' scope
    proxies: list = []  # those asked to go between ("engaged Turkey and Qatar TO leverage ...")
    joint: bool = False  # the sources met each other (a joint relation with no one named after the cue)
    helpers: list = []  # who carried, escorted or protected the sources on their way (a passage)


class TokenArguments:
    """The offline argument finder: the clause heuristics of :mod:`.clauses`, no tagger or parser.

    The source is the clause's subject (the first actor named in the clause that no
    preposition governs); the target the first actor after the trigger (after one of
    the cue's target prepositions for an oblique target); lists give one per actor;
    the cue's roles (source/target in relations.toml terms) say which side is which.
    """

    name = "tokens"

    def arguments(self, ctx, cue: Cue, start, end, relation, inferences) -> Arguments:
        cs, ce = ctx.clause_of(start)
        opened = ce < end < ctx.end
        if opened:
            # a cue ending on the word that opens a clause reads its target there, that clause's
            # subject: "requested THAT Russia hand over Assad" (not "that the base's command arrange
            # an evacuation to Russia")
            ce = ctx.clause_of(end)[1]
        voice = cue.voice
        if voice == "active" and relation.passive_flips and ctx.is_passive(start):
            voice = "passive"  # "his requests were rejected" (by whom? only a by-phrase says)
        # a journey cue that sends its object away ([clauses] sent_back: "deported", "expelled")
        sent_back = relation.journey and ctx.norms[end - 1] in ctx.one.get("sent_back", ())
        if voice == "active":
            owner = ctx.possessor_of(start)
            sources = ctx.credited(cs, start) or ([owner] if owner else ctx.subject(cs, start))
            if owner is None and start - 1 > cs and ctx.norms[start - 1] in ("'s", "'") and \
                    not any(p.end == start - 1 for p in ctx.parties):
                sources = []  # "Morales' ARRIVAL": a possessor no table names; not the clause's subject
            told = ctx.set_off(start)  # ("his wife, Fatana, NOW IN EXILE in Germany": Fatana)
            if told is not None:
                sources = told
            if relation.journey:  # "Russia helped MAHER flee to Baghdad": the one helped flees
                sources = ctx.controlled(cs, start) or sources
                if sent_back:
                    # "Zaire EXPELLED AMIN to Senegal": the one sent away goes (his own state is no refuge)
                    sent = [p for p in ctx.in_range(end, min(ce, end + 2)) if not p.possessor and
                            ctx.actors.kind(p.actor) in ("person", "group")][:1]
                    if sent:
                        sources = sent
            elif relation.target_fallback and len(sources) == 1 and sources[0].pronoun:
                asked = ctx.asked_before(cs, sources[0])  # ("Assad asked Putin for help, but HE refused")
                sources = [asked] if asked is not None else sources
            targets = ctx.targets(cue, start, end, ce, sources, **({"window": 3} if opened else {}))
            if relation.go_between and not relation.journey and targets and end < ce and \
                    ctx.norms[end] == "of" and targets[0].start - end <= 3 and \
                    not any("of" in ctx.norms[max(cs, p.start - 3):p.start] for p in sources):
                # "agreed to a truce under the MEDIATION OF Qatar": those after "of" mediated, for the
                # ones the clause is about, as the parse-based finder reads it (not for another
                # go-between's: "terminated the facilitation OF Senator Córdoba and the mediation of ...")
                sources, targets = targets, sources
            if sent_back:
                # ("Lebanon deported 67 Syrian soldiers to Syria": sent back home, no flight)
                home = {getattr(ctx.actors.get(p.actor), "member_of", None) for p in sources}
                targets = [t for t in targets if t.actor not in home]
            if not targets and ce < ctx.end and ctx.doc[ce].text in ("—", "–") and ce - end <= 4:
                # "met with his political council — the Foreign Minister, ... and Buthaina Shaaban"
                _, nce = ctx.clause_of(ce + 1)
                targets = ctx.targets(cue, start, end, nce, sources, window=nce - end)
            if not targets and relation.journey and cs > ctx.start and ctx.norms[cs] in ctx.one["locative_relative"]:
                # "leave Russia, WHERE she was granted asylum": the place named right before the clause
                j = cs - 1 if ctx.doc[cs - 1].is_punct else cs
                place = next((p for p in ctx.in_range(ctx.start, j) if p.end == j and not p.slot), None)
                if place is not None and ctx.actors.kind(place.actor) in ("state", "place"):
                    targets = [place]
            if not targets and relation.target_fallback and not (end < ctx.end and end in ctx.cue_starts
                                                                  and ctx.norms[end - 1] == "to"):
                # (not where the refusal is of an act whose party no table names: "refused TO MEET her father")
                targets = ctx.fallback_other(cs, sources)
            if not targets and cue.joint and len(sources) > 1 and not ctx.unnamed_object(end):
                # "Al-Sudani and Erdogan discuss Syria in a phone call": they met each other
                return Arguments(sources, [], voice, (cs, ce), joint=True)
            if cue.joint and len(targets) > 1 and ctx.norms[end - 1] in ("between", "among", *ctx.one.get("together", ())):
                # "TALKS BETWEEN Russia and Turkey took place": those it was between met (and whoever
                # held them), as the parse-based finder reads it; a verb's phrase ("Qatar HELD TALKS
                # BETWEEN A and B", "the deal WAS NEGOTIATED BETWEEN A and B") names those who met alone
                every = list({p.actor: p for p in (sources if end - start <= 2 else []) + targets}.values())
                return Arguments(every, [], voice, (cs, ce), joint=True)
        elif voice == "passive":
            targets = ctx.by_doer(cs, start) or ctx.subject(cs, start)
            if not targets and cue.joins:
                # "the meeting WITH the Ukrainian delegation was attended by X": the meeting's other side
                targets = [p for p in ctx.in_range(cs, start)
                           if "with" in ctx.norms[max(cs, p.start - 3):p.start] and ctx.resolved(p)][:1]
            sources = ctx.agents(cue, end, ce)
        else:  # recipient: the subject got no answer from (or was visited by) the source
            owner = next((p for p in reversed(ctx.in_range(cs, start)) if p.possessor and ctx.owns_request(p)), None)
            owner = owner and ctx.resolved(owner)
            targets = [owner] if owner else ctx.subject(cs, start)
            ids = {t.actor for t in targets}
            sources = [p for p in ctx.agents_before(cue, cs, start) if p.actor not in ids] or \
                ctx.targets(cue, start, end, ce, targets)
            if not sources and relation.target_fallback:
                sources = ctx.fallback_other(cs, targets)
        proxies = []
        if relation.go_between:
            # "relayed Tehran's message to HTS": the message's owner is a party too
            src_ids = {p.actor for p in sources}
            owners = [r for r in (ctx.resolved(p, src_ids) for p in ctx.in_range(start, end) if p.possessor) if r]
            targets = owners + [t for t in targets if t.actor not in {o.actor for o in owners}]
            if voice == "active" and "mediation-by-proxy" in inferences:
                proxies = ctx.asked_to(cs, start, sources)
        return Arguments(sources, targets, voice, (cs, ce), proxies)
