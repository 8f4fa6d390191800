"""Who "he", "his", "the latter" point back to: salience across sentences.

A small centering heuristic, adequate for news prose: a subject pronoun means
the person who was the subject most recently; an object or possessive pronoun
prefers a person other than the current clause's subject; "the latter" is the
last person named in the previous sentence, "the former" the first.
"""

from __future__ import annotations


_APOSTROPHES = ("'", "\u2019")  # (quote characters that are apostrophes as often as quotation marks)


def quotation_marks(doc, start: int, i: int) -> list:
    """The quotation marks of the sentence starting at token ``start`` before token ``i`` (with an
    opening mark the sentence before kept: 'Monday. "|I fled'); an odd number: i is quoted."""
    quotes = [k for k in range(start, i) if doc[k].is_quote and doc[k].text not in _APOSTROPHES]
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k >= 0 and doc[k].is_quote and doc[k].text not in _APOSTROPHES and not doc[k].whitespace_:
        quotes.insert(0, k)
    return quotes


class Salience:
    """The salient actors of a document so far, read sentence by sentence.

    ``actors``: the document's :class:`~graphx.extract.index.DocActors` (kinds of table
    and discovered actors alike).
    """

    def __init__(self, actors, gender_of=None):
        self.actors = actors
        self.gender_of = gender_of or (lambda aid: None)  # an actor's gender when its name says it
        self._gender = None  # the pronoun being resolved: "f", "m" or None
        self.history: list[tuple[str | None, list[str]]] = []  # per sentence: (subject, mentions)
        # per sentence: the subject of what its main verb reports, if a verb of speech ("Sakr CLAIMS that
        # ASSAD tried to convince Putin"), else its subject: the last event's party, not its teller
        self.reported: list[str | None] = []
        # organisations the report calls rebels where it names them ("REBELS FROM the Tupac Amaru
        # movement", "MRTA guerrillas"): what "the rebels" may stand for (set by the finder per report)
        self.rebel_orgs: set = set()
        # nouns for the same armed men ([groups] fighting): "these fighters" after "Afghan militiamen"
        self.fighting: set = set()
        # kin the report names ("his WIFE Pojaman"): (owner, kin noun) -> the person, None where two are
        # named so; a later "his wife" of the same owner is that person ([names] kin_titles)
        self.named_kin: dict[tuple[str, str], str | None] = {}
        # per sentence: the people named together ("Fang AND Li", "he AND his security guards"), each a
        # tuple of two or more: what a later "they" may stand for when no group of people does
        self.together: list[list[tuple[str, ...]]] = []
        # "they" read as people named together: the pronoun's offset in the text -> all of them (the
        # resolution gives the first; the extractor copies the event for the others)
        self.joined: dict[int, tuple[str, ...]] = {}

    def _person(self, aid):
        if not aid or self.actors.kind(aid) != "person":
            return False
        g = self._gender
        if g is None:
            return True
        # "she" is a woman, else someone whose name says nothing; "he" is not a woman
        have = self.gender_of(aid)
        return have == g or (have is None and (g == "m" or self._lenient))

    def _owned_group(self, aid):
        """A group of people with an owner ("Syrian soldiers", "his family"): what "they" may stand for. A
        group named only by its words ("rebel fighters", "coup leaders") is left to its own mentions."""
        if not aid or self.actors.kind(aid) != "group":
            return False
        actor = self.actors.get(aid)
        return actor is None or not actor.discovered or bool(actor.member_of)

    def _group(self, aid):
        return bool(aid) and self.actors.kind(aid) in (
            "state", "organisation", "armed_group")

    def resolve(self, kind, i, ctx, exclude, gender=None, group=None) -> str | None:
        """The actor a pronoun of ``kind`` at token ``i`` stands for; ``gender`` ("f", "m") is the
        pronoun's: "she" takes a woman named in the report before anyone whose name says nothing;
        ``group``: the noun of a definite group ("the soldiers")."""
        if kind == "definite":
            return self._definite(i, ctx, {e.actor if hasattr(e, "actor") else e for e in exclude}, group)
        if kind == "armed":
            return self._armed(i, ctx, {e.actor if hasattr(e, "actor") else e for e in exclude})
        if kind == "body":
            return self._body(i, ctx, {e.actor if hasattr(e, "actor") else e for e in exclude})
        self._gender, self._lenient = gender, gender != "f"
        found = self._resolve(kind, i, ctx, exclude)
        if found is None and gender == "f":
            self._lenient = True
            found = self._resolve(kind, i, ctx, exclude)
        self._gender = None
        return found

    def _resolve(self, kind, i, ctx, exclude) -> str | None:
        ex = {e.actor if hasattr(e, "actor") else e for e in exclude}
        if kind == "first":
            return self._quoted_speaker(i, ctx, ex)
        if kind == "first_plural":
            return self._quoted_speaker(i, ctx, ex, side=True)
        before = [p for p in ctx.parties if p.start < i and not p.slot]
        if kind in ("latter", "former"):
            if not self.history:
                return None
            names = [a for a in self.history[-1][1] if self._person(a)] or [
                a for a in self.history[-1][1] if self.actors.kind(a) != "place"]
            if not names:
                return None
            return names[-1] if kind == "latter" else names[0]
        if kind == "group":
            for p in reversed(before):
                if self._group(p.actor) and p.actor not in ex:
                    return p.actor
            if self.history and self._group(self.history[-1][0]) and self.history[-1][0] not in ex:
                return self.history[-1][0]
            return None
        if kind == "country":
            for p in reversed(before):
                if self.actors.kind(p.actor) == "state" and p.actor not in ex:
                    return p.actor
            for subj, _ in reversed(self.history[-2:]):
                if self.actors.kind(subj) == "state" and subj not in ex:
                    return subj
            for _, mentions in reversed(self.history[-2:]):
                states = [a for a in mentions if self.actors.kind(a) == "state" and a not in ex]
                if states:
                    return states[-1]
            return None
        if kind == "plural":
            # the group of people named last before it in the sentence, or the people named together
            # after it ("met Fang and Li when THEY landed")
            # (people named together for "they" / "them" itself, not for "THEIR families")
            bare = ctx.norms[i] in ctx.rules.single.get("plural", ())
            group = next((p for p in reversed(before) if self._owned_group(p.actor) and p.actor not in ex), None)
            here = [r for r in (ctx.resolved(p) if p.slot else p for p in before if p.slot != "plural") if r]
            runs = [run for run in self._coordinated(ctx, here) if group is None or run[1] > group.start]
            found = self._joined(i, ctx, runs[-1:], ex) if runs and bare else None
            if found or group is not None:
                return found or group.actor
            for back, (subj, mentions) in enumerate(reversed(self.history[-3:])):  # (a subject only:
                if subj is None:  # "they" after a group in an object is often others; "Dozens OF soldiers"
                    subj = next((a for a in mentions if self._owned_group(a)), None)  # is a subject)
                if self._owned_group(subj) and subj not in ex:
                    return subj
                if back < 2 and bare and not self._people_before(i, ctx, before):
                    found = self._joined(i, ctx, self.together[-1 - back], ex)  # (else the people named
                    if found:  # together there)
                        return found
            return None
        if kind == "subject":
            for p in before:
                if self._person(p.actor) and ctx.nominative(p) and not p.possessor and p.actor not in ex:
                    return p.actor
            # "... the final hours of Assad in Syria, just before he fled": the
            # only person named earlier in the sentence, even if not a subject.
            others = {p.actor for p in before if self._person(p.actor) and p.actor not in ex}
            if len(others) == 1:
                return others.pop()
            spokesman = self._told_by_spokesman(ctx)
            for k, (subj, mentions) in enumerate(reversed(self.history[-3:])):
                if spokesman and k == 0 and self._person(subj):
                    # ("Dujarric told reporters about Pedersen's meeting. HE held a meeting ..., the
                    # spokesman said": the speaker tells of another person of that sentence)
                    people = [a for a in mentions if self._person(a) and a not in ex and a != subj]
                    if people:
                        return people[0]
                    continue
                if self._person(subj) and subj not in ex:
                    return subj
                people = [a for a in mentions if self._person(a) and a not in ex]
                if people:
                    return people[0]
            return None
        if kind == "possessive":
            speaker = self._speaker(i, ctx, before, ex)
            if speaker:
                return speaker
        # object / possessive: nearest other person (not one inside a relative clause set off by
        # commas and closed before the pronoun: "Colombia, which has had cool relations with the
        # Chavez government, granted HIM asylum" is not about Chavez)
        aside = [(k, close) for k, close in ctx.relative_asides() if close < i]
        for p in reversed(before):
            if self._person(p.actor) and p.actor not in ex and not any(k < p.start < close for k, close in aside):
                return p.actor
        for subj, mentions in reversed(self.history[-3:]):
            people = [a for a in mentions if self._person(a) and a not in ex]
            if people:
                return people[-1]
        return None

    def _people(self, aid) -> bool:
        """A person, or a group of a person's people ("his family", "his security guards")."""
        if not aid:
            return False
        if self.actors.kind(aid) == "person":
            return True
        actor = self.actors.get(aid) if self.actors.kind(aid) == "group" else None
        return actor is not None and bool(actor.member_of) and self.actors.kind(actor.member_of) == "person"

    def _coordinated(self, ctx, parties) -> list[tuple[tuple[str, ...], int]]:
        """The people ``parties`` (resolved, in order) name together, with the token where each run's
        last one starts: runs joined by "and" or a comma ("Fang and Li", "Assad and his family")."""
        runs, run, last, joined = [], [], None, False
        for p in [*parties, None]:
            if p is not None and (p.possessor or not self._people(p.actor)):
                continue
            between = ctx.norms[last.end:p.start] if p is not None and last is not None else None
            if between in (["and"], [","], [",", "and"]):
                joined = joined or between[-1] == "and"
                if p.actor not in run:
                    run.append(p.actor)
            else:
                if len(run) > 1 and joined:  # (a list closed by "and": "Shaibani, Syria's foreign
                    runs.append((tuple(run), last.start))  # minister" is one man)
                run, joined = [p.actor] if p is not None else [], False
            last = p
        return runs

    def _people_before(self, i, ctx, before) -> bool:
        """Whether a group of people is named before ``i`` in the sentence: a group actor, or, where
        parsed, a plural noun that is a subject ("RELIGIOUS FIGURES who met Jammeh said he told THEM"):
        what "they" may stand for rather than people named sentences before."""
        if any(self.actors.kind(p.actor) == "group" for p in before):
            return True
        doc = ctx.doc
        return any(doc[k].pos_ == "NOUN" and doc[k].dep_ in ("nsubj", "nsubjpass") and "Plur" in doc[k].morph.get(
            "Number") for k in range(ctx.start, i))

    def _joined(self, i, ctx, runs, ex) -> str | None:
        """"They" for the people of the last of ``runs`` (see :meth:`_coordinated`) that are not in
        ``ex``: all of them are kept in :attr:`joined` (the extractor copies the event for each), the
        first is returned."""
        for run, _ in reversed(runs):
            people = tuple(a for a in run if a not in ex)
            if len(people) > 1:
                self.joined[ctx.arrays.idx[i]] = people
                return people[0]
        return None

    def _definite(self, i, ctx, ex, noun) -> str | None:
        """"The soldiers": the group with that noun named last before ``i`` in the sentence or in
        the five sentences before; else, for armed men ([groups] fighting), the group named with
        another word for them in the sentence or the two before ("these fighters" after "Afghan
        militiamen")."""
        found = self._last_group(i, ctx, ex, ("_" + noun.replace(" ", "_"),), 5)
        if found is None and noun in self.fighting:
            found = self._last_group(i, ctx, ex, tuple("_" + n for n in self.fighting if n != noun), 2)
        return found

    def _last_group(self, i, ctx, ex, tails, back) -> str | None:
        """The group whose id ends with one of ``tails`` named last before ``i`` in the sentence, else
        in the ``back`` sentences before."""
        return self._named_last(i, ctx, back, lambda aid: aid not in ex and aid.endswith(tails)
                                and self.actors.kind(aid) == "group")

    def _named_last(self, i, ctx, back, fits) -> str | None:
        """The actor that ``fits`` named last before ``i`` in the sentence (a party of its own, not a
        slot), else named last in the ``back`` sentences before; ``None`` if none."""
        for p in reversed([p for p in ctx.parties if p.start < i and not p.slot]):
            if fits(p.actor):
                return p.actor
        for _, mentions in reversed(self.history[-back:]):
            found = [a for a in mentions if fits(a)]
            if found:
                return found[-1]
        return None

    def _armed(self, i, ctx, ex) -> str | None:
        """"The rebels" ([pronouns] armed): the armed group named last before ``i`` in the sentence or
        in the five sentences before (an armed group of the tables, or an organisation the report
        calls by such a word where it names it: :attr:`rebel_orgs`)."""
        def armed(aid):  # the armed group ``aid`` is, or whose fighters it names ("Hezbollah fighters")
            aid = self._body_of(aid)
            if aid and aid not in ex and (self.actors.kind(aid) == "armed_group" or aid in self.rebel_orgs):
                return aid
            return None

        found = self._named_last(i, ctx, 5, lambda aid: armed(aid) is not None)
        return armed(found) if found else None

    def _body(self, i, ctx, ex) -> str | None:
        """"The group", "the movement" ([pronouns] bodies): the organisation or armed group named last
        before ``i`` in the sentence or in the five sentences before (or the one whose people were: "Hamas
        leaders"); ``None`` where another group of people was named after it ("Syrian soldiers ... the
        group": them, which the words do not say)."""
        found = self._named_last(i, ctx, 5, lambda aid: bool(aid) and aid not in ex and self.actors.kind(aid) in (
            "organisation", "armed_group", "group"))
        aid = self._body_of(found) if found else None
        return aid if aid and aid not in ex and self.actors.kind(aid) in ("organisation", "armed_group") else None

    def _body_of(self, aid):
        """The body a group of its people stands for ("Hezbollah fighters", "Hamas leaders"), else ``aid``."""
        if aid and self.actors.kind(aid) == "group":
            return getattr(self.actors.get(aid), "member_of", None)
        return aid

    @staticmethod
    def _told_by_spokesman(ctx) -> bool:
        """Whether the sentence is attributed to "the (UN) spokesman" ([markers] spokespeople) with a
        speech word next to it (", the spokesman said", "the UN spokesman further said")."""
        spokes, speech = ctx.one.get("spokespeople", ()), ctx.one["speech"]
        norms = ctx.norms
        for k in range(ctx.start, ctx.end):
            if norms[k] in spokes and "the" in norms[max(ctx.start, k - 3):k] and any(
                    norms[j] in speech for j in range(k + 1, min(ctx.end, k + 4))):
                return True
        return False

    def _quoted_speaker(self, i, ctx, ex, side=False) -> str | None:
        """"I" / "me" inside a quotation: the person who says it, named right after the closing quote
        with a speech word ('"I left ...," Assad said'), or before the opening quote in the sentence
        with a speech word between them ('Assad said in a statement: "I left ..."'), or, where the
        sentence opens with the quotation, the previous sentence's subject. ``side`` ("we", "us"):
        the side the speaker speaks for: a person's state where the tables know it, else the person;
        a state or organisation that speaks is itself."""
        found = self._quoted(i, ctx, ex, side)
        if found is not None and side and self._person(found):
            state = self.actors.index.state_of.get(found)
            if state and state not in ex:
                return state
        return found

    def _quoted(self, i, ctx, ex, side) -> str | None:
        speaks = (lambda a: self._person(a) or self._group(a)) if side else self._person
        doc = ctx.doc
        quotes = quotation_marks(doc, ctx.start, i)
        if len(quotes) % 2 == 0:
            return None  # (not inside a quotation: "World War I")
        q = quotes[-1]
        speech = ctx.one["speech"]
        close = next((k for k in range(i + 1, ctx.end) if doc[k].is_quote and doc[k].text not in _APOSTROPHES), None)
        if close is not None:
            # '"I left Damascus at dawn," ASSAD SAID' / '..., SAID Assad': named right after the quotation
            for p in [p for p in ctx.parties if close < p.start <= close + 4 and not p.slot and not p.possessor]:
                near = range(max(close + 1, p.start - 2), min(ctx.end, p.end + 2))
                if speaks(p.actor) and p.actor not in ex and any(ctx.norms[k] in speech for k in near):
                    return p.actor
        for p in reversed([p for p in ctx.parties if p.end <= q and not p.slot and not p.possessor]):
            if speaks(p.actor) and p.actor not in ex and ctx.nominative(p) and any(
                    ctx.norms[k] in speech for k in range(p.end, q)):
                return p.actor
        if all(not doc[k].is_alpha for k in range(ctx.start, max(ctx.start, q))) and self.history:
            subj = self.history[-1][0]
            if subj and speaks(subj) and subj not in ex:
                return subj
        return None

    def _speaker(self, i, ctx, before, ex) -> str | None:
        """In reported speech, a possessive in the subject of what is said is the speaker's ("Jalali
        said that HIS calls went unanswered"), not the person named last (needs a parse)."""
        doc = ctx.doc
        tok = doc[i]
        if not tok.dep:  # (no parse: asked of this token alone, since doc.has_annotation reads every token)
            return None
        if tok.dep_ != "poss" or tok.head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        say = verb.head
        if verb.dep_ != "ccomp" or say.i >= i or ctx.norms[say.i] not in ctx.one["speech"]:
            return None
        for p in before:
            if not p.possessor and p.start <= say.i and self._person(p.actor) and p.actor not in ex and any(
                    doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.i == say.i for k in range(p.start, p.end)):
                return p.actor
        return None

    @staticmethod
    def _parsed_subject(ctx) -> str | None:
        """The subject of the sentence's main verb, where the sentence is parsed ("Once considered one
        of the figures in Assad's Syria, MAMLOUK is accused ..."): not the first name in it."""
        doc = ctx.doc
        for p in ctx.parties:
            if p.possessor or not doc[p.start].dep:  # (no parse: asked of the token, not of the doc)
                continue
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" for t in doc[p.start:p.end]):
                r = ctx.resolved(p) if p.slot else p
                if r:
                    return r.actor
        return None

    def previous_subject(self, exclude) -> str | None:
        """The other party of an event whose cue names none ("Putin left THIS REQUEST unanswered"): the
        subject of one of the two sentences before, or of what it reports."""
        for subj in reversed(self.reported[-2:]):
            if subj and subj not in exclude:
                return subj
        return None

    def close_sentence(self, ctx) -> None:
        if ctx.is_heading:
            return
        subject = self._parsed_subject(ctx)
        for p in ctx.parties if subject is None else ():
            if not p.possessor and ctx.nominative(p) and p.slot != "object":
                r = ctx.resolved(p)
                if r:
                    subject = r.actor
                    break
        named = [r for r in (ctx.resolved(p) if p.slot else p for p in ctx.parties) if r]
        self.history.append((subject, [r.actor for r in named]))
        self.together.append(self._coordinated(ctx, named))
        self.reported.append(self._reported_subject(ctx) or subject)

    @staticmethod
    def _reported_subject(ctx) -> str | None:
        """The subject of the clause a verb of speech at the sentence's root reports, where parsed."""
        doc, speech = ctx.doc, ctx.one.get("speech", ())
        roots = [t for t in doc[ctx.start:ctx.end] if t.dep_ == "ROOT" and ctx.norms[t.i] in speech]
        said = {c.i for r in roots for c in r.children if c.dep_ == "ccomp"}
        for p in ctx.parties if said else ():
            if p.possessor:
                continue
            if any(doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.i in said for k in range(p.start, p.end)):
                r = ctx.resolved(p) if p.slot else p
                if r:
                    return r.actor
        return None
