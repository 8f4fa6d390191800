"""Clause-level reading of one sentence without a parser.

:class:`SentenceContext` splits a sentence into clauses at boundary words
(data: ``[clauses]`` of the lexicon), finds a clause's subject, a cue's
targets and agents, and the markers that change what the clause asserts.
All word lists come from the lexicon; nothing here names an actor.
"""

from __future__ import annotations

from bisect import bisect_right

from ...records import Mention
from ..coref import quotation_marks
from ..evidence import Words
from ..groups import KIN_GROUP, group_actor, group_id, remember
from ..sentence import TokenArrays

_END_PUNCT = (".", "!", "…")
_QUESTION = ("?", "\u061f")  # ؟ Arabic question mark
_CLOSERS = "\"'”’»)] \n\t"


class Phrases(list):
    """A list of phrases (tuples of norms) indexed by first word, longest first."""

    def __init__(self, phrases=()):
        super().__init__(phrases)
        self.by_first: dict[str, list] = {}
        for ph in sorted(self, key=len, reverse=True):
            if ph:
                self.by_first.setdefault(ph[0], []).append(ph)
        # last words, for ends_at (None if an empty phrase, which ends anywhere, is listed)
        self.by_last = None if not all(self) else {ph[-1] for ph in self}


def phrase_len(norms, i, phrases) -> int:
    """Length of the longest phrase (tuple of norms) starting at token i, else 0."""
    if i >= len(norms):
        return 0
    for ph in phrases.by_first.get(norms[i], ()):
        n = len(ph)
        if i + n <= len(norms) and tuple(norms[i:i + n]) == ph:
            return n
    return 0


def contains(norms, lo, hi, phrases) -> bool:
    """True if a phrase lies wholly inside tokens [lo, hi)."""
    first = phrases.by_first
    for i in range(max(lo, 0), hi):
        if norms[i] not in first:  # (most words start no phrase: skip the call)
            continue
        n = phrase_len(norms, i, phrases)
        if n and i + n <= hi:
            return True
    return False


def ends_at(norms, i, phrases) -> bool:
    """True if a phrase ends right before token i."""
    last = getattr(phrases, "by_last", None)
    if last is not None and not (0 < i <= len(norms) and norms[i - 1] in last):
        return False  # (no phrase ends with the word before i: skip the comparisons)
    return any(_ends_with(norms, i, ph) if "*" in ph else i - len(ph) >= 0 and tuple(norms[i - len(ph):i]) == ph
               for ph in phrases)


def _ends_with(norms, i, ph) -> bool:
    """Whether ``ph`` (with "*": one to three words of any kind) ends right before token i."""
    if not ph:
        return True
    if ph[-1] == "*":
        return any(_ends_with(norms, i - k, ph[:-1]) for k in (1, 2, 3) if i - k >= 0)
    return i >= 1 and norms[i - 1] == ph[-1] and _ends_with(norms, i - 1, ph[:-1])


class SentenceContext:
    """The clause heuristics over one sentence (a :class:`~graphx.extract.sentence.SentenceView`):
    its clauses, parties (mentions and pronouns) and the rules that pick a cue's actors."""

    def __init__(self, rules, actors, view, norms, salience, cue_starts=(), arrays: TokenArrays | None = None,
                 following=None):
        doc, sent = view.doc, view.sent
        self.rules, self.actors, self.view, self.doc, self.sent, self.norms = rules, actors, view, doc, sent, norms
        self.cue_starts = cue_starts
        self.following = following  # the next sentence's view (its mentions only: "at X's initiative")
        self.w, self.one = rules.w, rules.single
        self.salience = salience
        self.w_adverbs = rules.adverbs
        arrays = self.arrays = arrays if arrays is not None else TokenArrays(doc)
        texts = arrays.texts
        self.start, self.end, self.start_char, self.end_char = view.start, view.end, view.start_char, view.end_char
        self.is_heading = view.is_heading
        mentions = view.mentions
        bounds = self.one["boundaries"]
        raw = rules.raw_boundaries
        # Words match by norm; punctuation by its own text (the norm of "-" in
        # "al-Sabbagh" is the same as a dash's).
        punct = arrays.is_punct
        # (a word right after a negation is no boundary: "has NOT YET spoken with him", "not until")
        nots = self.one.get("negation", ())
        self.bounds = [self.start] + [i for i in range(self.start + 1, self.end)
                                      if ((texts[i] in raw) if punct[i] else (norms[i] in bounds
                                                                              and norms[i - 1] not in nots))]
        sub = phrase_len(norms, self.start, self.w["subordinating"])
        # the comma closing the clause a sentence opens with ("Following his talks with X, Y ..."), or None
        self.fronted_comma = comma = None
        if sub:
            self.fronted_comma = comma = next((i for i in range(self.start + sub, self.end) if texts[i] == ","), None)
            if comma is not None and comma + 1 < self.end:
                self.bounds = sorted(set(self.bounds) | {comma + 1})
        self._subjects = {}
        self._asides = None  # (see relative_asides)
        # nouns whose "of" still leads to the party: "representatives of HTS", "the leader of Iran"
        self.of_party = rules.of_party
        self._attribution = None
        self._speakers: dict = {}
        self.parties = []
        self.parties = self._parties(mentions)
        # "Erdogan called Putin, and Sudani called Araghchi": "and" + a name + a cue opens a clause.
        starts = {p.start: p for p in self.parties}
        extra = []
        for i in range(self.start + 1, self.end - 2):
            if norms[i] != "and":
                continue
            p = starts.get(i + 1)
            if norms[i] == "and" and p is not None and not p.pronoun or (
                    norms[i] == "and" and p is not None and (p.slot == "subject" or p.group)):
                # (a pronoun's group too: "fled to Russia, and HIS BROTHER remained in Damascus")
                k = p.end
                while k < self.end and norms[k] in self.w_adverbs:
                    k += 1
                # (or after words naming no one: "detained on an arrest warrant AND Japanese diplomats VISITED
                # with Fujimori" is two clauses; "Assad's envoy and Putin met" one list)
                if k in cue_starts and (any(self.start <= c < i for c in cue_starts) or i - self.start > 4 and not any(
                        i - 4 <= q.end <= i for q in self.parties if q is not p)):
                    extra.append(i + 1)
        # "state media later said HE had arrived": what is said is a clause of its own
        # (unless the verb is itself a cue: "told Saqr that ...").
        speech = self.one["speech"]
        extra += [i + 1 for i in range(self.start, self.end - 1)
                  if norms[i] in speech and i not in cue_starts and not (
                      {norms[i - 1], norms[i - 2]} & self.one["passive_aux"])]
        if extra:
            self.bounds = sorted(set(self.bounds) | set(extra))

    # ------------------------------------------------------------ parties
    def _chars(self, lo, hi):
        """(text, start_char, end_char) of tokens [lo, hi), read from the doc's text (as ``doc[lo:hi]``
        would give, without making a Span and a Token per word)."""
        idx, texts = self.arrays.idx, self.arrays.texts
        a, b = idx[lo], idx[hi - 1] + len(texts[hi - 1])
        return self.arrays.text[a:b], a, b

    def words(self, lo, hi) -> Words:
        """Tokens [lo, hi) (lo < hi) as a trigger: text and character offsets."""
        return Words(*self._chars(lo, hi))

    def _parties(self, mentions):
        out = []
        ms = {m.start: m for m in mentions}
        norms = self.norms
        # words that can start a party other than a mention (pronouns, "the latter", demonyms)
        starters = self.rules.party_starts
        i = self.start
        while i < self.end:
            m = ms.get(i)
            if m is None and norms[i] not in starters:
                i += 1
                continue
            if m is not None:
                poss = m.end < len(norms) and norms[m.end] == "'s"
                prev = out[-1] if out else None
                if prev is not None and prev.actor == m.actor and prev.end == m.start and not prev.pronoun:
                    # "Iraqi Prime Minister" + "Mohammed Shia al-Sudani": one party, title and name
                    out[-1] = Mention(m.actor, *self._chars(prev.start, m.end), prev.start, m.end, possessor=poss)
                else:
                    out.append(Mention(m.actor, *self._chars(m.start, m.end), m.start, m.end, possessor=poss))
                i = m.end
                continue
            norm = norms[i]
            country = self.w.get("country")
            n = phrase_len(norms, i, country) if country and norm in country.by_first else 0
            if n:
                aid = self.salience.resolve("country", i, self, ())
                if aid:
                    poss = i + n < self.end and norms[i + n] == "'s"
                    out.append(Mention(aid, *self._chars(i, i + n), i, i + n, possessor=poss, pronoun=True))
                    i += n
                    continue
            if norm in self.one.get("definite", ()):
                k = i + 1
                while k < self.end and norms[k] in self.rules.group_words.modifiers:
                    k += 1
                if k < self.end and k not in ms and norms[k] in self.rules.group_words.people and not (
                        k + 1 < self.end and norms[k + 1] in ("of", "'s", "from")):
                    aid = self.salience.resolve("definite", i, self, (),
                                                group=self.rules.group_words.canonical(norms[k]))
                    if not aid and norms[k] == KIN_GROUP:
                        aid = self._the_family(i, k)
                    if aid:
                        out.append(Mention(aid, *self._chars(i, k + 1), i, k + 1, pronoun=True))
                        i = k + 1
                        continue
                if k < self.end and k not in ms and norms[k] in self.one.get("armed", ()) and not (
                        k + 1 < self.end and norms[k + 1] in ("of", "'s", "from")):
                    aid = self.salience.resolve("armed", i, self, ())  # "THE REBELS": the armed group named last
                    if aid:
                        out.append(Mention(aid, *self._chars(i, k + 1), i, k + 1, pronoun=True))
                        i = k + 1
                        continue
                # (where the sentence is parsed: the token rules would make "THE GROUP has instructed its fighters
                # to withdraw, with some heading to Latakia" the travellers' subject)
                k = body_noun(self.arrays.texts, norms, i, self.end, self.one.get("bodies", ()), self.rules.demonyms, ms,
                              self.one["relative"]) if self.doc[i].dep else None
                if k is not None:
                    aid = self.salience.resolve("body", i, self, ())  # "THE TERROR GROUP": the body named last
                    if aid:
                        out.append(Mention(aid, *self._chars(i, k + 1), i, k + 1, pronoun=True))
                        i = k + 1
                        continue
            n = (phrase_len(norms, i, self.w["latter"]) or phrase_len(norms, i, self.w["former"])
                 if norm in self.w["latter"].by_first or norm in self.w["former"].by_first else 0)
            if n and i + n < self.end and (phrase_len(norms, i + n, self.rules.w["titles"]) or
                                           norms[i + n] == "'s"):
                n = 0  # "the former president's brother": a title, not "the former"
            if n and any(k in ms for k in range(i + 1, i + n + 1)):
                n = 0  # "the former Syrian leader": a name (a mention) starts inside or right after it
            if n and i + n < self.end and norms[i + n] in self.rules.demonyms:
                n = 0  # "the former Syrian president": an adjective of a name, not "the former"
            if n:
                which = "latter" if phrase_len(norms, i, self.w["latter"]) else "former"
                named = list(dict.fromkeys(q.actor for q in out if not q.slot and q.actor and
                                           self.actors.kind(q.actor) != "place"))
                if len(named) >= 2:  # "by the militants and the US, with THE LATTER requesting": of this sentence's
                    aid = named[-1] if which == "latter" else named[0]
                else:
                    aid = self.salience.resolve(which, i, self, ())
                if aid:
                    out.append(Mention(aid, *self._chars(i, i + n), i, i + n, pronoun=True))
                i += n
                continue
            if norm in self.rules.demonyms:
                # "his Egyptian, Saudi and Qatari counterparts": one party per demonym
                run, j = [i], i + 1
                while j + 1 < self.end and norms[j] in (",", "and"):
                    k = j + 1 + (norms[j] == "," and norms[j + 1] == "and")
                    if k >= self.end or norms[k] not in self.rules.demonyms:
                        break
                    run.append(k)
                    j = k + 1
                if j < self.end and norms[j] in self.one["counterpart"]:
                    for k in run:
                        hi = j + 1 if k == run[-1] else k + 1
                        out.append(Mention("", *self._chars(k, hi), k, hi, pronoun=True, slot="counterpart"))
                    i = j + 1
                    continue
            kind = self.rules.pronoun_kinds.get(norm)
            both = kind == "object" and norm in self.rules.single["possessive"]  # ("her")
            if kind in ("possessive", "group_possessive") or both:
                # "his family", "its fighters", "HER younger sister": a pronoun that names its owner's group
                k = i + 1
                while k < self.end and norms[k] in self.rules.group_words.modifiers:
                    k += 1
                if k < self.end and norms[k] in self.rules.group_words.people:
                    kind = "possessive" if both else kind
                    end = k + 1
                    while end + 1 < self.end and norms[end] in ("and", ",") and \
                            norms[end + 1] in self.rules.group_words.people:
                        end += 2
                    out.append(Mention("", *self._chars(i, end), i, end, pronoun=True,
                                       slot="possessive" if kind == "possessive" else "group",
                                       group=self.rules.group_words.canonical(norms[k])))
                    i = end
                    continue
                if not both:
                    kind = "possessive" if kind == "possessive" else None
            if kind == "first_plural" and not self._quoted(i):
                kind = None  # (the reporter's "we": "as WE go to air, coup leader George Speight ...")
            if kind is not None:
                text, at = self.arrays.texts[i], self.arrays.idx[i]
                out.append(Mention("", text, at, at + len(text), i, i + 1,
                                   possessor=(kind == "possessive"), pronoun=True, slot=kind))
            i += 1
        return out

    def _quoted(self, i) -> bool:
        """Whether token i lies inside a quotation opened in its sentence (or right before it)."""
        return len(quotation_marks(self.doc, self.start, i)) % 2 == 1

    def _the_family(self, i, k) -> str | None:
        """"THE FAMILY would be flown to Moscow", where no family was named before: the family of the
        person the report is about (as "his family"), unless a family no one owns was just introduced
        ("A CHRISTIAN FAMILY sheltered them ... the family")."""
        lo = max(0, self.start - 60)
        indefinite = self.rules.single.get("indefinite", ())
        if any(self.norms[j] in indefinite and KIN_GROUP in self.norms[j + 1:j + 4] for j in range(lo, i)):
            return None
        owner = self.salience.resolve("subject", i, self, ())
        actor = self.actors.get(owner) if owner else None
        if actor is None or actor.kind != "person":
            return None
        gid = group_id(owner, KIN_GROUP)
        if self.actors.get(gid) is None or gid in self.actors.discovered:
            remember(self.actors.discovered, group_actor(actor, KIN_GROUP, self.doc[i:k + 1].text),
                     self.doc[i:k + 1].text)
        return gid

    def resolved(self, p: Mention, exclude=()) -> Mention | None:
        """A pronoun party with its actor filled in (None if unresolved)."""
        if not p.slot:
            return p
        kind = p.slot
        if kind == "counterpart":
            return self._counterpart(p)
        if kind == "possessive" and p.group:
            kind = "subject"  # "Assad and HIS family": the owner is the one the clause is about
        elif kind == "possessive" and not p.possessor:
            kind = "object"  # "her" as an object
        elif kind == "group" and p.group == self.rules.group_words.canonical("family"):
            kind = "plural"  # "officials and THEIR relatives": a group of people's, never a state's family
        gender = self.rules.pronoun_gender.get(self.norms[p.start])
        if kind == "possessive" and p.possessor and "for_another" in self.w and \
                ends_at(self.norms, p.start, self.w["for_another"]):
            # "Moi ARRANGED FOR HIS flight": another's than the verb's subject's ([clauses] for_another)
            cs, _ = self.clause_of(p.start)
            exclude = [*exclude, *(s.actor for s in self.subject(cs, p.start) if s.actor)]
        aid = self._fronted(p, gender) if kind in ("subject", "possessive") else None
        # ("spoke with HIS wife": the owner may be the one who speaks; the group is not)
        if not aid and p.group and gender == "f":
            # "Alqunun had refused to meet HER father", "Hasina and HER younger sister": the woman named last
            # before it in the sentence (or someone whose name says nothing), not the main clause's subject
            aid = next((q.actor for q in reversed(self.parties) if q.end <= p.start and not q.pronoun and q.actor
                        and self.actors.kind(q.actor) == "person"
                        and self.rules.gender_of(self.actors.get(q.actor)) in ("f", None)), None)
        aid = aid or self.salience.resolve(kind, p.start, self, () if p.group else exclude, gender)
        if not aid:
            return None
        if p.group and (group_id(aid, p.group) in exclude or aid in exclude and not group_id(aid, p.group).endswith(
                self.actors.index.own_groups)):
            return None  # ("sent ITS envoys to Damascus": the sender's own, who act for it, are no other party)
        if p.group:  # "his family": the owner's group
            owner = self.actors.get(aid)
            if owner is None:
                return None
            if gender == "f" and self.rules.gender_of(owner) != "f" and not any(q.actor == aid for q in self.parties):
                return None  # ("she had been told HER son": a woman's, not a man named sentences before)
            person = self._named_kin(p, aid)
            if person:  # "his wife Pojaman", and a later "his wife" of the same man: she
                return Mention(person, p.text, p.start_char, p.end_char, p.start, p.end, p.possessor, True)
            gid = group_id(aid, p.group)
            if p.group == KIN_GROUP and aid.endswith("_" + KIN_GROUP):
                gid = aid  # ("the Hariris ... THEIR children": the family's own, no family of a family)
            elif self.actors.get(gid) is None or gid in self.actors.discovered:
                remember(self.actors.discovered, group_actor(owner, p.group, p.text), p.text)
            aid = gid
        return Mention(aid, p.text, p.start_char, p.end_char, p.start, p.end, p.possessor, True)

    def _named_kin(self, p: Mention, owner: str) -> str | None:
        """The person a kin pronoun ("his wife") stands for: the one named right after it ("his wife
        Pojaman", "his wife, Li Shuxian,"), else the one named so before for the same owner ([names]
        kin_titles); none where two are named with the same kin noun ("his son Hafez" ... "his son Karim")."""
        kin = self.norms[p.end - 1] if p.end - p.start == 2 else None
        if kin not in self.rules.kin_titles:
            return None
        at = p.end + 1 if p.end < self.end and self.arrays.texts[p.end] == "," else p.end
        named = next((q for q in self.parties if q.start == at and not q.pronoun and q.actor
                      and self.actors.kind(q.actor) == "person"), None)
        memory, key = self.salience.named_kin, (owner, kin)
        if named is None:
            return memory.get(key)
        if memory.setdefault(key, named.actor) != named.actor:
            memory[key] = None
        return named.actor

    def relative_asides(self) -> list:
        """(comma, closing comma) of each relative clause ([clauses] relative) the sentence sets off
        by a comma on each side (", which ... ,"), and of each kinship told of the one named before
        ([clauses] relatives: "Maher al-Assad, BROTHER OF the deposed president Bashar al-Assad, ..."),
        read once per sentence."""
        if self._asides is None:
            relative, texts, norms = self.one.get("relative", ()), self.arrays.texts, self.norms
            relatives, articles = self.one.get("relatives", ()), self.one.get("determiners", ())
            self._asides = []
            for k in range(self.start + 1, self.end - 1):
                kin = k + 2 if k + 3 < self.end and norms[k + 1] in articles else k + 1  # (", THE brother of")
                if texts[k] == "," and (norms[k + 1] in relative or (
                        kin + 1 < self.end and norms[kin] in relatives and norms[kin + 1] == "of")):
                    close = next((j for j in range(k + 2, self.end) if texts[j] == ","), None)
                    if close is not None:
                        self._asides.append((k, close))
        return self._asides

    def _fronted(self, p: Mention, gender) -> str | None:
        """"Following HIS discussion with Aliyev, ERDOGAN had a phone call": a pronoun in the clause a
        sentence opens with (a word of [clauses] subordinating, up to the first comma), with no person
        named before it there, stands for the person named right after that comma (the main clause's
        subject). None where that does not hold."""
        comma = self.fronted_comma
        if comma is None or p.start > comma or any(
                q.start < p.start and not q.pronoun and self.actors.kind(q.actor) == "person" for q in self.parties):
            return None
        q = next((q for q in self.parties if comma < q.start <= comma + 4), None)
        if q is None or q.pronoun or q.possessor or self.actors.kind(q.actor) != "person" or \
                any(self.arrays.texts[k] == "," or self.norms[k] in self.one["prepositions"]
                    for k in range(comma + 1, q.start)):
            return None
        known = self.rules.gender_of(self.actors.get(q.actor))  # ("f", or None: not known to be a woman)
        return None if (gender == "f") != (known == "f") and gender is not None else q.actor

    def _counterpart(self, p: Mention) -> Mention | None:
        """"his Egyptian counterpart": the person whose title is the owner's with this demonym."""
        j = p.start - 1
        while j >= self.start and (self.norms[j] in self.rules.demonyms or self.norms[j] in (",", "and")):
            j -= 1
        if j < self.start:
            return None
        owner = None
        if self.norms[j] in self.one["possessive"]:
            owner = self.salience.resolve("subject", j, self, ())
        elif self.norms[j] == "'s":
            owner = next((q.actor for q in self.parties if q.end == j and not q.pronoun), None)
        actor = owner and self.rules.index.actors.get(owner)
        if actor is None:
            return None
        demonym = self.doc[p.start].text
        for role in self.rules.index.table.roles_of(owner):
            words = role.split()
            if len(words) > 1 and words[0].lower() in self.rules.demonyms:
                found = self.rules.index.resolve(demonym + " " + " ".join(words[1:]))
                if found and found.id != owner:
                    return Mention(found.id, p.text, p.start_char, p.end_char, p.start, p.end, False, True)
        return None

    def in_range(self, lo, hi):
        return [p for p in self.parties if lo <= p.start < hi]

    # ------------------------------------------------------------ clauses
    def token_at(self, char: int) -> int:
        """The sentence's token at a body offset (the last one starting at or before it)."""
        return max(self.start, min(bisect_right(self.arrays.idx, char, self.start, self.end) - 1, self.end - 1))

    def clause_of(self, i):
        cs = max(b for b in self.bounds if b <= i)
        later = [b for b in self.bounds if b > i]
        return cs, (later[0] if later else self.end)

    def _prev_word(self, i):
        # Skips determiners and demonyms: "in the Russian Hmeimim base" -> "in".
        j = i - 1
        while j >= self.start and (self.norms[j] in self.one["determiners"] or self.norms[j] in self.rules.demonyms):
            j -= 1
        return j

    def possessor_of(self, start):
        """A possessor right before a noun cue: "Lavrov's meetings", "his doomed appeal"."""
        for p in reversed(self.in_range(max(self.start, start - 4), start)):
            if not p.possessor:
                return None
            gap = start - p.end - (0 if p.pronoun else 1)
            if not 0 <= gap <= 1:
                return None
            if p.pronoun:
                # "HE justified to Al-Sudani HIS failure to respond": the clause's subject
                # (or, past a speech verb, the sentence's: "He explained to X his refusal ...")
                cs, _ = self.clause_of(p.start)
                for lo in dict.fromkeys((cs, self.start)):
                    subj = [s for s in self.subject(lo, p.start) if s.pronoun and s.actor != p.actor]
                    if len(subj) == 1:
                        return Mention(subj[0].actor, p.text, p.start_char, p.end_char, p.start, p.end, True, True)
            return self.resolved(p)
        return None

    def is_passive(self, start):
        """"was rejected", "were reportedly denied": an auxiliary right before a participle cue."""
        j = start - 1
        while j >= self.start and self.norms[j] in self.w_adverbs:
            j -= 1
        return j >= self.start and self.norms[j] in self.one["passive_aux"] and self.doc[start].text.lower().endswith(
            ("ed", "en", "wn", "ld", "ght", "nt"))

    def nominative(self, p: Mention) -> bool:
        if p.slot == "subject":
            return True  # "before HE fled": a subject pronoun is never a preposition's object
        j = self._prev_word(p.start)
        if j < self.start:
            return True
        if self.norms[j] == "of" and j - 1 >= self.start and (self.norms[j - 1] in self.rules.quantity_nouns or
                                                             self.doc[j - 1].like_num) and \
                self.actors.kind(p.actor) == "group" and (j - 2 < self.start or self.norms[j - 2] not in
                                                          self.one["prepositions"]):
            return True  # "THOUSANDS OF Syrian families have flocked to ...": the quantity's group is the subject
        if self.norms[j].endswith("ing") and j - 1 >= self.start and (
                self.norms[j - 1] in self.one["prepositions"] or self.norms[j - 1] in self.one["subordinating"]):
            return False  # "since OUSTING Assad", "after MEETING Erdogan": the gerund's object
        if self.norms[j] == "in" and j - 1 >= self.start and self.norms[j - 1] in self.one.get("institutions", ()) and \
                not any(self.norms[k] in self.one["prepositions"] for k in range(max(self.start, j - 4), j - 1)) and \
                self.actors.kind(p.actor) in ("state", "place"):
            # "a COURT IN Senegal rejected": the state where the institution sits (not after a preposition:
            # "opened channels WITH the new authorities in Damascus")
            return True
        return self.norms[j] not in self.one["prepositions"] and not ends_at(
            self.norms, j + 1, self.rules.multiword_prepositions)

    def _opens_list(self, p: Mention) -> bool:
        j = self._prev_word(p.start)
        return j >= self.start and ends_at(self.norms, j + 1, self.w["list_openers"])

    def coordinated(self, parties, first: Mention, exclude=()):
        """``first`` plus the actors listed with it ("Qatar and Turkey", "Iran, Hezbollah and Russia")."""
        coord = self.one["coordination"]
        idx = parties.index(first)
        chosen = [first]
        j = idx - 1
        free = self.nominative(first)
        # "At the behest of Putin, Lavrov ...": a preposition's object does not join a subject.
        while j >= 0 and 0 < chosen[0].start - parties[j].end <= 4 and all(
                self.norms[k] in coord for k in range(parties[j].end, chosen[0].start)) and (
                not free or self.nominative(parties[j]) or self._opens_list(parties[j])):
            chosen.insert(0, parties[j])
            j -= 1
        j = idx + 1
        while j < len(parties) and 0 < parties[j].start - chosen[-1].end <= 4 and all(
                self.norms[k] in coord for k in range(chosen[-1].end, parties[j].start)) and (
                parties[j].slot != "subject") and not (  # "talks with the opposition, HE said"
                parties[j].possessor and self.norms[chosen[-1].end] == ","):  # "Maher, BASHAR's brother"
            chosen.append(parties[j])
            j += 1
        out = []
        for p in chosen:
            r = self.resolved(p, exclude)
            if r and r.actor not in {o.actor for o in out}:
                out.append(r)
        return out

    def subject(self, cs, cue_start):
        """The parties that are the subject of the clause starting at ``cs``."""
        key = (cs, cue_start)
        if key in self._subjects:
            return self._subjects[key]
        self._subjects[key] = []  # guards against recursion
        cands = self.in_range(cs, cue_start)
        found = []
        plain = [p for p in cands if not p.possessor and p.slot != "object" and self.nominative(p)]
        # "his brother MAHER fled", "his wife, ASMA, left": the relative named right after is the subject
        plain = [p for p in plain if not self._named_relative(p, cands)]
        k = cue_start - 1
        while k > cs and self.norms[k] in self.w_adverbs:
            k -= 1
        if plain and k >= cs and self.norms[k] in self.one.get("nobody", ()) and plain[-1].end <= k:
            # "the two Syrian families WE meet here": the reporter's "we" right before the verb is its
            # subject (a clause with no "who"), not the noun before it
            plain = []
        if plain:
            found = self.coordinated(cands, plain[0])
        if not found:
            poss = [p for p in cands if p.possessor and self.nominative(p)]
            if poss:
                found = [r for r in [self.resolved(poss[0])] if r]
        if not found and cs > self.start:
            word = self.norms[cs]
            if word in self.one["relative"]:
                before = [p for p in self.in_range(self.start, cs) if not p.pronoun]
                # (not past a group no table names: "accompanied by a handful of CONFIDANTS, who fled")
                covered = {k for p in self.in_range(self.start, cs) for k in range(p.start, p.end)}
                if before and word in self.one.get("personal_relative", ()) and \
                        self.actors.kind(before[-1].actor) in ("place", "state"):
                    pass  # "who" is a person or group, not the place before it ("in downtown TEHRAN and WHO escaped")
                elif before and not any(self.norms[k] in self.rules.group_words.people and k not in covered
                                        for k in range(before[-1].end, cs)):
                    found = [before[-1]]
                elif not before or before[-1].end < cs - 1:
                    found = self.named_after(cs, cue_start)
            elif word in self.one["coordinating"]:
                pcs, _ = self.clause_of(cs - 1)
                found = self.subject(pcs, cs)
        self._subjects[key] = found
        return found

    def _named_relative(self, p: Mention, parties) -> bool:
        """Whether ``p`` is a relative ([groups] kin: "his brother", "his wife") whose name follows it,
        right after or after a comma ("his brother MAHER", "his wife, ASMA,")."""
        if p.text.split()[-1].lower() not in self.rules.group_words.kin or not (
                p.slot or self.actors.kind(p.actor) == "group"):
            return False
        after = p.end + 1 if p.end < self.end and self.arrays.texts[p.end] == "," else p.end
        return any(q.start == after and not q.slot and self.actors.kind(q.actor) == "person" for q in parties)

    def unnamed_object(self, end) -> bool:
        """Whether the cue ending at ``end`` has an object that names no actor ("A and B MET SOME OF
        THEM", "met them"): then they did not meet each other."""
        if end >= self.end or any(p.start == end for p in self.parties if not p.slot or self.resolved(p)):
            return False
        return self.norms[end] in self.one.get("object", ()) or self.norms[end] in self.rules.quantity_nouns

    def set_off(self, start):
        """"his wife, Fatana, and three children, NOW IN EXILE in Germany": a state phrase set off by a
        comma ([clauses] set_off, after words of [clauses] set_off_adverbs) is about the people named
        right before the comma, not the clause's subject. None where the cue is no such phrase or no
        one is named right before it (then the clause's subject is read as usual); [] where the
        phrase is about someone no table names ("Assad's BROTHER, now in exile": not Assad)."""
        if "set_off" not in self.w or not phrase_len(self.norms, start, self.w["set_off"]):
            return None
        j = start - 1
        while j > self.start and self.norms[j] in self.one.get("set_off_adverbs", ()):
            j -= 1
        if j <= self.start or self.arrays.texts[j] != ",":
            return None
        before = [p for p in self.in_range(self.start, j) if p.end <= j and not p.pronoun]
        if not before or j - before[-1].end > 4:
            return None
        last = before[-1]
        gap = [self.norms[k] for k in range(last.end, j)]
        people = self.actors.kind(last.actor) in ("person", "group")
        if gap and (not people or not set(gap) & self.one["coordination"] or last.possessor):
            return []  # ("Assad's brother, now in exile": someone no table names)
        if not people:
            return None  # ("lived in Paris, in exile": the place is the setting)
        return [p for p in self.coordinated(self.parties, last) if self.actors.kind(p.actor) in ("person", "group")]

    def asked_before(self, cs, pronoun):
        """"Assad asked Putin for help, but HE refused": a pronoun that would stand for the subject of the
        clause before (this one opened by a word of [clauses] contrast) refuses for the one that clause's subject asked (its
        one other party, after a cue) -- the one asked is who answers. None where that does not hold."""
        r = self.resolved(pronoun)
        if r is None or cs <= self.start or self.norms[cs] not in self.one.get("contrast", ()):
            return None
        pcs, _ = self.clause_of(cs - 1)
        subj = self.subject(pcs, cs)
        if [p.actor for p in subj] != [r.actor]:
            return None
        others = [p for p in self.in_range(subj[0].end, cs) if not p.pronoun and p.actor != r.actor]
        if len({p.actor for p in others}) != 1 or self.actors.kind(others[0].actor) not in ("person", "state") or \
                not any(subj[0].end <= c < others[0].start for c in self.cue_starts):
            return None
        return others[0]

    def named_after(self, cs, cue_start):
        """"Among THOSE WHO fled to Lebanon WERE Ali Mamlouk and Maher al-Assad": a relative clause
        on "those" or a group noun no table names, then a word of [clauses] named_after and the people
        it lists (within a few words): they are who did it."""
        words, heads = self.one.get("named_after", ()), self.one.get("named_heads", ())
        if not words or not (self.norms[cs - 1] in heads or self.norms[cs - 1] in self.rules.group_words.people):
            return []
        for j in range(cue_start + 1, self.end):
            if self.norms[j] in self.one["boundaries"]:
                return []
            if self.norms[j] not in words:
                continue
            listed = [p for p in self.in_range(j + 1, min(self.end, j + 7)) if not p.pronoun and not p.possessor]
            if listed and self.actors.kind(listed[0].actor) in ("person", "group"):
                return [p for p in self.coordinated(self.in_range(j + 1, self.end), listed[0])
                        if self.actors.kind(p.actor) in ("person", "group")]
            return []
        return []

    def targets(self, cue, start, end, ce, sources, window=None):
        """Actors the cue points at, after it in its clause."""
        src_ids = {s.actor for s in sources}
        hi = min(ce, end + (window or cue.window))
        cands = [p for p in self.in_range(start + 1, hi)]
        found, pending_prep = [], False
        for k, p in enumerate(cands):
            j = self._prev_word(p.start)
            prev = self.norms[j] if j >= self.start else ""
            nxt = cands[k + 1] if k + 1 < len(cands) else None
            if p.possessor and nxt is not None and nxt.start - p.end <= 4 and not nxt.pronoun and not p.end < end \
                    and not self.one["prepositions"].intersection(self.norms[p.end:nxt.start]):
                # (a possessor inside the cue owns the cue's noun: "ended QATAR'S mediation between A and B";
                # so does one whose noun a preposition follows: "rejected QATAR'S mediation between A and B")
                # "at Russia's Hmeimim airbase" -> Hmeimim; "his adviser, Buthaina Shaaban" -> Shaaban
                pending_prep = prev in cue.target_preps if cue.target_preps else prev not in self.one["locative"]
                continue
            if prev in ("from", "of") and j > self.start and self.norms[j - 1] in self.one["owner_nouns"]:
                ok = True  # "rejected a request from Damascus"
            elif prev == "of" and j > end and self.doc[j - 1].is_alpha and self.norms[j - 1] not in self.of_party:
                continue  # "called the collapse OF Assad's government": a thing, not the party
            elif cue.target_preps:
                ok = prev in cue.target_preps or pending_prep or self._described_place(cue, j, end)
            elif prev in self.one.get("topics", ()):
                ok = False  # "a telephone conversation ABOUT Syria": a topic
            else:
                ok = (prev not in self.one["locative"] or j == end - 1) or pending_prep
            pending_prep = False
            if not ok:
                continue
            if p.pronoun and not p.possessor and p.end < self.end and (
                    self.norms[p.end] in self.one.get("relatives", ()) or self.norms[p.end] in self.one["titles"]
                    or self.norms[p.end] in self.rules.group_words.kin):
                continue  # "refused to meet HER father": her father, not her
            if p.pronoun and p.possessor and (p.start - end > 1 or not any(
                    self.norms[k] in self.one["owner_nouns"] for k in range(p.end, min(p.end + 3, self.end)))):
                # "refused and confirmed HIS ability": a later clause's possessive;
                # "met with HIS political council": someone else, not him.
                continue
            r = self.resolved(p, src_ids)
            if r is None or r.actor in src_ids:
                continue
            if self.rules.relations[cue.relation].journey and cue.window > 12:
                found.append(r)  # a flight's stops: "to Iraq and then on to Russia"
                continue
            return [x for x in self.coordinated(cands, p, src_ids) if x.actor not in src_ids]
        return found

    def controlled(self, cs, start):
        """"Russia HELPED Maher flee", "allowed the officials TO escape": the ones a verb of helping,
        letting or making ([clauses] control) puts right before a cue (or its "to"), who do what the
        cue says, not the verb's subject. Empty when no such verb stands right before them."""
        return self.controlling(cs, start)[0]

    def controlling(self, cs, start) -> tuple[list, bool]:
        """:meth:`controlled`, and whether its verb forces them ([clauses] coercion: "FORCED him to
        flee"), which makes the verb's subject no helper of their passage."""
        verbs = self.one.get("control")
        if not verbs:
            return [], False
        end = start - 1 if start - 1 > cs and self.norms[start - 1] in self.one["infinitive"] else start
        last = next((p for p in self.in_range(cs, end) if p.end == end), None)
        if last is None or last.possessor:
            return [], False
        listed = self.coordinated(self.in_range(cs, end), last, set()) or [last]
        first = min(p.start for p in listed)
        j = first - 1
        while j > cs and self.norms[j] in self.one["determiners"]:
            j -= 1
        if j < cs or self.norms[j] not in verbs:
            return [], False
        return [r for r in (self.resolved(p) for p in listed) if r is not None], \
            self.norms[j] in self.one.get("coercion", ())

    def credited(self, cs, start):
        """"THANKED Qatar for brokering", "praised Jordan for its role in mediating", "grateful to Iraq
        for its efforts to mediate": the one a word of praise or thanks ([clauses] credit) credits with
        the cue, not the clause's subject. Empty unless such a word, its object and "for"/"with" stand
        right before the cue (or before a possessive, a noun and "in"/"to")."""
        credit = self.one.get("credit")
        if not credit:
            return []
        j = start - 1
        while j > cs and start - j <= 4 and self.norms[j] not in ("for", "with"):
            j -= 1
        if j <= cs or self.norms[j] not in ("for", "with"):
            return []
        between = self.norms[j + 1:start]
        if between and not (len(between) == 3 and self.rules.pronoun_kinds.get(between[0]) in
                            ("possessive", "group_possessive") and between[2] in ("in", "to")):
            return []
        last = next((p for p in self.in_range(cs, j) if p.end == j and not p.possessor), None)
        if last is None:
            return []
        k = last.start - 1
        while k > cs and self.norms[k] in self.one["determiners"]:
            k -= 1
        if k > cs and self.norms[k] == "to":
            k -= 1  # "grateful TO Iraq"
        if k < cs or self.norms[k] not in credit:
            return []
        found = self.resolved(last)
        return [found] if found is not None else []

    def asked_to(self, cs, start, subjects):
        """"engaging Turkey and Qatar TO leverage ...": the object list right before the "to" of
        a cue's infinitive, when it is not the clause's subject (the ones asked to act)."""
        if start - 1 <= cs or self.norms[start - 1] != "to":
            return []
        before = [p for p in self.in_range(cs, start - 1) if p.end == start - 1]
        if not before or before[0].possessor or self.nominative(before[0]) and not self.in_range(cs, before[0].start):
            return []
        ids = {s.actor for s in subjects}
        out = self.coordinated(self.in_range(cs, start), before[0], ids)
        return [p for p in out if p.actor not in ids]

    def on_behalf_of(self, after, parties):
        """"... to facilitate al-Assad's safe passage": a purpose verb after "to" (markers
        ``purpose``) and a third party it serves, within the sentence: (party, verb span)."""
        n, ids = self.norms, {p.actor for p in parties}
        for i in range(after, self.end - 1):
            if n[i] != "to":
                continue
            k = i + 1
            while k < self.end and self.doc[k].is_quote:
                k += 1
            if k < self.end and n[k] in self.one["purpose"]:
                for p in self.in_range(k + 1, min(self.end, k + 8)):
                    r = self.resolved(p, ids)
                    if r is not None and r.actor not in ids and self.actors.kind(r.actor) == "person":
                        return r, self.doc[k:k + 1]
        return None

    def _described_place(self, cue, j, end) -> bool:
        """"for the Russian air base AT Hmeimim": a place named after a described one that
        follows a target preposition (only words between, no other actor)."""
        places = self.one.get("place_nouns", ())
        # (or one in apposition to it: "fled to the Russian CAPITAL Moscow", "to the port city, Latakia")
        if j < end or not (self.norms[j] in ("at", "in", "of") or self.norms[j] in places or (
                self.norms[j] == "," and j - 1 >= end and self.norms[j - 1] in places)):
            return False
        for k in range(j - 1, max(end - 1, j - 7), -1):
            if self.norms[k] in cue.target_preps:
                return not self.in_range(k + 1, j)
            if not self.doc[k].is_alpha:
                return False
        return False

    def owns_request(self, p: Mention) -> bool:
        """"Assad's request", "his appeals", "a plea from Damascus", "a demand by Iraq": p made the request."""
        n, nouns = self.norms, self.one["owner_nouns"]
        if p.start < 0:
            return False
        if p.possessor:
            return any(n[k] in nouns for k in range(p.end, min(p.end + 4, self.end)))
        if p.end < self.end and n[p.end] in nouns:
            return True  # "a U.S. request", "an Iranian request": the name or demonym before the noun
        coord = self.one["coordination"]
        while True:
            j = self._prev_word(p.start)
            if j > self.start and n[j] in ("from", "of", "by") and n[j - 1] in nouns:
                return True
            if j > self.start and n[j] in (",", "'s", "’s"):
                # "a request for asylum FROM Ivory Coast's ousted military leader, General Robert Guei": the
                # one the noun's "from" names, with a possessor before it or a name in apposition after it
                k = next((k for k in range(j - 1, max(self.start, j - 9), -1) if n[k] in (",", "from", "of", "by")), 0)
                if k > self.start and n[k] != "," and n[k - 1] in nouns:
                    return True
            # "the requests from Switzerland, Belgium and France": each one listed made its own
            before = [q for q in self.in_range(self.start, p.start) if q.end <= p.start]
            if not before or not (0 < p.start - before[-1].end <= 2) or not all(
                    n[k] in coord for k in range(before[-1].end, p.start)):
                return False
            p = before[-1]

    def requester(self, before):
        """"At X's request" / "at the behest of X" before token ``before``: (X, the noun's span)."""
        n, nouns = self.norms, self.one["requested_by"]
        for i in range(self.start, before - 2):
            if n[i] not in ("at", "on", "upon"):
                continue
            k = next((k for k in range(i + 1, min(i + 5, before)) if n[k] in nouns), None)
            if k is None:
                continue
            owner = [p for p in self.in_range(i + 1, k) if p.possessor]
            if not owner and k + 2 < before and n[k + 1] == "of":
                owner = self.in_range(k + 2, k + 3)
            r = owner and self.resolved(owner[-1])
            if r:
                return r, self.doc[k:k + 1]
        return None

    def agents_before(self, cue, cs, start):
        """"His calls TO the Kremlin went unanswered": the party after an agent word before the cue."""
        for p in self.in_range(cs, start):
            j = self._prev_word(p.start)
            if j >= cs and self.norms[j] in cue.agent_preps and not p.pronoun:
                return [p]
        return []

    def agents(self, cue, end, ce):
        """The by-phrase agent of a passive cue."""
        cands = self.in_range(end, min(ce, end + cue.window))
        for p in cands:
            j = self._prev_word(p.start)
            if j >= end - 1 and (self.norms[j] in cue.agent_preps or j == end - 1):
                return self.coordinated(cands, p)
            if p.start - end <= 5 and not any(self.doc[k].is_punct for k in range(end, p.start)) and \
                    self.norms[end - 1] in cue.agent_preps and all(
                        self.doc[k].is_title or self.norms[k] in self.one["determiners"] for k in range(end, p.start)):
                # (a title before the name: "attended BY Syrian Foreign Minister Asaad al-Shaibani")
                return self.coordinated(cands, p)
        return []

    def by_doer(self, cs, start) -> list:
        """Who did what a cue opened by a preposition is about, where a passive names them before it
        ("detained BY KYRGYZ AUTHORITIES at the request of Uzbekistan": asked of them, not of the
        subject); [] where the cue opens no such phrase or no by-phrase comes before it in its clause."""
        asked = self.one.get("requested_by", ())
        if self.norms[start] not in ("at", "on", "upon") or not any(
                self.norms[k] in asked for k in range(start, min(start + 6, self.end))):
            return []  # (an invitation is the one who came's: "was received by Putin AT THE INVITATION OF")
        by = [p for p in self.in_range(cs, start) if not p.slot and p.start >= 1 and (
            self.norms[p.start - 1] == "by" or p.start >= 2 and self.norms[p.start - 1] in ("the", "a", "an")
            and self.norms[p.start - 2] == "by")]
        return by[-1:]

    def fallback_other(self, cs, exclude):
        """The other party when a cue names none: an earlier clause's subject or last actor."""
        ex = {e.actor for e in exclude}
        if cs > self.start:
            pcs, _ = self.clause_of(cs - 1)
            speech = self.one.get("speech", ())
            if speech and any(self.norms[k] in speech for k in range(pcs, cs)):
                # "Lavrov SAID that Assad had refused": the one reporting it is no party of it
                ex |= {r.actor for r in (self.resolved(p) for p in self.in_range(pcs, cs)) if r}
            prev = [s for s in self.subject(pcs, cs) if s.actor not in ex]
            if prev:
                return prev
            before = [r for r in (self.resolved(p, ex) for p in self.in_range(self.start, cs))
                      if r and r.actor not in ex]
            if before:
                return [before[-1]]
        aid = self.salience.previous_subject(ex)
        if aid:
            return [Mention(aid, "", -1, -1, -1, -1, pronoun=True)]
        return []

    # ------------------------------------------------------------ markers
    def modality(self, cs, ce, start, end):
        r = self.rules.markers.read(self.norms, (self.start, self.end), (cs, ce), (start, end),
                                    word_at=lambda i: self.doc[i].is_alpha,
                                    mention_at=lambda i: any(p.start <= i < p.end for p in self.parties))
        modality = r.modality
        # (the cue's own token asked: doc.has_annotation reads every token of an unparsed doc, per cue)
        if modality == "fact" and self.doc[start].dep:
            # "Aristide WOULD stay in the country for a few days and possibly HEAD to South Africa": a
            # verb joined to another shares its auxiliary (where the parse says so)
            verb = self.doc[start]
            if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.lower_ in self.one.get("purpose_preps", ()) and \
                    verb.head.head.pos_ == "VERB" and self.start <= verb.head.head.i:
                # "will return to Jordan FOR urgent MEETINGS with ...": the meetings are the journey's
                # purpose, as planned as the journey is (however many words lie between)
                verb = verb.head.head
                aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and self.start <= c.i < verb.i]
                if aux:
                    own = self.rules.markers.read(self.norms, (self.start, self.end), (aux[0].i, ce),
                                                  (verb.i, verb.i + 1))
                    if own.modality in ("intent", "possible", "conditional"):
                        return r.negated, r.hedged, own.modality
            first = verb
            while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX"):
                first = first.head
            if first is not verb and self.start <= first.i and not any(c.dep_ in ("aux", "auxpass")
                                                                       for c in verb.children):
                aux = [c for c in first.children if c.dep_ in ("aux", "auxpass") and c.i < first.i]
                if aux:
                    own = self.rules.markers.read(self.norms, (self.start, self.end), (aux[0].i, ce),
                                                  (first.i, first.i + 1))
                    if own.modality in ("intent", "possible", "conditional"):
                        modality = own.modality
        return r.negated, r.hedged, modality

    def attribution(self, cue_start: int) -> str:
        """Who the sentence says makes the claim of the event at ``cue_start``, if anyone.

        In order: a speaker whose words hold the event ("Peskov told reporters
        that ...", "..., Iraqi security sources told Reuters."), "according to
        X", an outlet named in the sentence, "sources".
        """
        if cue_start not in self._speakers:
            self._speakers[cue_start] = self._speaker(cue_start) or self._other_attribution()
        return self._speakers[cue_start]

    def _speaker(self, cue_start) -> str:
        n, speech = self.norms, self.one["speech"]
        texts = self.arrays.texts
        last_comma = max((i for i in range(self.start, self.end) if texts[i] == ","), default=-1)
        # the verb closes the sentence after the event (", X later confirmed."), else the
        # nearest verb before the event ("X said that ...")
        # (a closing verb ends the sentence: ", the diplomats said." not ", while X denied that ...")
        closing = [i for i in range(max(last_comma, cue_start) + 1, self.end) if n[i] in speech
                   and "that" not in n[i + 1:self.end]]
        before = [i for i in range(cue_start - 1, self.start, -1) if n[i] in speech]
        for i in (closing if last_comma > cue_start else []) + before:
            if n[i - 1] in self.one["passive_aux"]:
                continue  # "Assad is said to have ...": a hedge, not a speaker
            if n[i - 1] in self.one["determiners"] or ends_at(n, i + 1, self.w["denial"]):
                continue  # "the reports that ...", "denied reports that ...": a noun, not a verb of saying
            j = i - 1
            while j >= self.start and n[j] in self.w_adverbs | {"later", "earlier", "had", "has", "have"}:
                j -= 1
            via = self._via_outlet(i)
            p = next((p for p in self.parties if p.end == j + 1), None)
            if p is not None:
                r = self.resolved(p)
                if r is None:
                    continue
                actor = self.rules.index.actors.get(r.actor)
                return (actor.label if (actor and r.pronoun) else r.text) + via
            words = []
            while j >= self.start and self.doc[j].is_alpha and n[j] not in self.one["boundaries"] and \
                    n[j] not in self.one["prepositions"] and n[j] not in speech and len(words) < 5:
                words.insert(0, self.doc[j].text)
                j -= 1
            while words and words[0].lower() in self.one["determiners"] | {"a", "an", "the"}:
                words.pop(0)
            if words and words[-1].lower() not in ("it", "they", "which", "who", "this"):
                return " ".join(words) + via
        return ""

    def _via_outlet(self, verb: int) -> str:
        """" via Al Jazeera" when the speaker told an outlet ("sources told Al Jazeera"):
        the outlet carries the claim, the speaker makes it."""
        p = next((p for p in self.parties if p.start == verb + 1 and not p.pronoun), None)
        if p is None or self.actors.kind(p.actor) != "outlet":
            return ""
        actor = self.rules.index.actors.get(p.actor)
        return " via " + (actor.label if actor else p.text)

    def _other_attribution(self) -> str:
        if self._attribution is None:
            self._attribution = self._find_attribution()
        return self._attribution

    def _find_attribution(self) -> str:
        for p in self.parties:
            if not p.pronoun and self.actors.kind(p.actor) == "outlet":
                actor = self.rules.index.actors.get(p.actor)
                return actor.label if actor else p.text
        n = self.norms
        for i in range(self.start, self.end - 2):
            if n[i] == "according" and n[i + 1] == "to":
                words = []
                for t in self.doc[i + 2:min(self.end, i + 9)]:
                    if t.is_punct and t.text not in "-‐":  # "well-informed sources"
                        break
                    words.append(t.text_with_ws)
                return "".join(words).strip(" -‐")
        for i in range(self.start, self.end):
            if n[i] == "sources":
                j = i
                while j > self.start and i - j < 4 and (self.doc[j - 1].is_alpha or self.doc[j - 1].text == "-") and \
                        n[j - 1] not in self.one["prepositions"] and n[j - 1] not in self.one["boundaries"]:
                    j -= 1
                return self.doc[j:i + 1].text
        return ""


def body_noun(texts, norms, i, end, bodies, demonyms, starts=(), relative=()) -> int | None:
    """Where "the" at ``i`` opens a word for an organisation named before ([pronouns] bodies), the
    index of that noun: after up to three lower-case words or demonyms ("the Palestinian militant
    GROUP"), not before "of", a possessive, a name or a relative word (``relative``: "the group of
    soldiers", "the group Hamas", "the militant group THAT toppled Assad" describes a body, no
    pronoun), and no mention among the words (``starts``: where mentions start). Else ``None``."""
    if not bodies:
        return None
    k = i + 1
    while k < end and k - i <= 4 and norms[k] not in bodies and (k not in starts or norms[k] in demonyms) and (
            texts[k][:1].islower() or norms[k] in demonyms) and texts[k].replace("-", "").isalpha():
        k += 1
    if k >= end or norms[k] not in bodies or k in starts or k - i > 4:
        return None
    if k + 1 < end and (norms[k + 1] in ("of", "'s", "’s", "from", "that", *relative) or texts[k + 1][:1].isupper()
                        or k + 1 in starts):
        return None
    return k
