"""The parse-based argument finder: who a trigger's event involves, read from the dependency tree.

The default with a trained pipeline (a parser). For a trigger it finds the
word that heads it in the tree (the verb of "held talks with", the noun of
"a call with") and reads the roles the cue declares in grammatical terms:

* the **subject**: ``nsubj``/``nsubjpass`` of the verb; a verb without one takes
  it from the verb it is coordinated with ("reached the base AND WAS EVACUATED"),
  the verb whose complement it is ("agreed NOT TO DEPLOY", object control:
  "urged Damascus TO OPEN talks" -> Damascus), the noun a relative or participle
  clause describes ("officials WHO FLED", "soldiers CROSSING"), the verb whose
  preposition governs it ("AFTER FLEEING to"); a noun trigger takes its possessor
  ("Assad's flight"), or the subject of the verb whose object or prepositional
  phrase it is ("HELD talks with", "IN a call with X, Pezeshkian said");
* the **object**: ``dobj``/``dative``/``attr``, or the object of a preposition
  attached to the trigger ("met WITH", "spoke TO", "a call WITH");
* the **oblique**: the object of one of the cue's ``target_preps`` ("fled TO
  Moscow", "crossed INTO Iraq"), every stop of a route ("to Aqaba and finally
  to Cairo");
* the **agent** of a passive ("was received BY Putin").

A word names an actor when a mention covers it; a noun that is none ("top
diplomats FROM the US, the Arab League and Turkey") stands for the actors of
its ``of``/``from`` phrase; conjuncts on either side are listed with it.
Whatever the tree does not give, the offline token finder's answer fills in.
"""

from __future__ import annotations

from ...records import Actor, Mention
from ..groups import KIN_GROUP, group_actor, group_id, remember
from ..mentions import discovered_id
from ..tokens.clauses import phrase_len
from ..tokens.finder import Arguments, TokenArguments

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_OBJ = ("dobj", "dative", "attr", "oprd")
# A verb that only carries a noun trigger: "HELD talks with", "MADE a call to", "RECEIVED asylum in".
_LIGHT_DEPS = ("dobj", "attr", "nsubjpass")
_RELATIVE = ("who", "which", "that", "whom")
# The arguments a name can be of its own (not a name the parser lost: "the bloc ECOWAS" as a verb)
_NOMINAL_DEPS = _SUBJ + _OBJ + ("pobj", "poss", "conj", "appos", "npadvmod", "compound", "nmod")
# Prepositional phrases that say who claims, not who is involved ("ACCORDING TO the ministry").
_ATTRIBUTION = {"according", "per"}
# Nouns standing for the actors of their of/from phrase ("envoys OF A, B and C").
_GROUP_PREPS = ("of", "from")


_TIME_ENTS = frozenset({"DATE", "TIME"})  # entity labels of the trained NER that name a time


class DepArguments:
    """The argument finder over a dependency parse (see the module docstring)."""

    name = "deps"

    def __init__(self, fallback=None):
        self.fallback = fallback or TokenArguments()
        self._groups_met, self._meets = [], False  # (set per cue by arguments)

    # ------------------------------------------------------------ the tree and the mentions
    @staticmethod
    def _cover(ctx) -> dict:
        cover = getattr(ctx, "_dep_cover", None)
        if cover is None:
            cover = {}
            for p in ctx.parties:
                for i in range(p.start, p.end):
                    cover.setdefault(i, p)
            ctx._dep_cover = cover
        return cover

    def _np(self, ctx, tok, seen=None, depth=0) -> list:
        """The parties a noun phrase headed by ``tok`` names (its conjuncts included)."""
        seen = set() if seen is None else seen
        if tok.i in seen or depth > 6:
            return []
        seen.add(tok.i)
        cover = self._cover(ctx)
        out = []
        p = cover.get(tok.i)
        if p is not None:
            # a list the parser hung under the last name ("Qatar's Emir [nmod] and Turkey's Foreign Minister")
            coord = ctx.one["coordination"]
            for child in tok.children:
                q = cover.get(child.i) if child.dep_ in ("nmod", "compound") else None
                if q is not None and q is not p and q.end <= p.start and \
                        all(ctx.norms[k] in coord for k in range(q.end, p.start)):
                    out.append(q)
                elif q is None and child.dep_ in ("nmod", "compound") and child.i < p.start:
                    # "with fellow Assad ally IRAN and opposition supporter Turkey": each of the list
                    # has its descriptor; the parser hangs the first under the last one's
                    for t in child.subtree:
                        q = cover.get(t.i)
                        if q is not None and q is not p and q not in out and t.dep_ in ("nmod", "compound") \
                                and q.end < p.start and ctx.norms[q.end] in coord and ctx.norms[q.end] != "the":
                            out.append(q)
            if p.slot == "counterpart":
                # "his Egyptian, Saudi and Qatari counterparts": the parser hangs the other
                # demonyms (each its own counterpart) under the noun the last one covers
                lo = tok.left_edge.i
                out.extend(q for q in ctx.parties
                           if q is not p and q.slot == "counterpart" and lo <= q.start and q.end <= p.start)
            # (a one-person noun: its plural is a people noun, "ambassador"/"ambassadors")
            people = ctx.rules.group_words.people
            named = [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" and tok.lower_ + "s" in people
                     for o in c.children if o.dep_ == "pobj" and o.i not in seen
                     for q in self._np(ctx, o, seen, depth + 1)] if ctx.actors.kind(p.actor) == "group" else []
            named = [q for q in named if not q.slot and ctx.actors.kind(q.actor) == "person"]  # (not "to MALAYSIA")
            if named:
                # "US AMBASSADOR to Malaysia EDGARD D. KAGAN and Chinese ambassador Ouyang Yujing": the one
                # envoy named after the state he is sent to is that person (and those listed with him)
                return out + named
            out.append(p)
            if p.slot or ctx.actors.kind(p.actor) == "group":
                # "close associates of the Assad government, INCLUDING Ghassan Belal and businessmen Mohammed
                # Hamsho": the people named after the group are of it, and do what it does (not the states
                # of a group of them: "several Arab nations, including the UAE" is told of as the group)
                for child in tok.children:
                    if child.dep_ == "prep" and child.lower_ in ctx.one["list_openers"]:
                        out.extend(q for obj in child.children if obj.dep_ == "pobj"
                                   for q in self._np(ctx, obj, seen, depth + 1) if ctx.actors.kind(q.actor) == "person")
        else:
            # "diplomats from the US", "envoys of A, B and C"; "key allies, including Iran and Russia"
            # ("HIS COUNTRY had asked Russia": the speaker's, as the token rules read it; [pronouns] country)
            place = tok.lower_ in ctx.one["place_nouns"] or (
                tok.lower_ in {ph[-1] for ph in ctx.w.get("country", ())} and
                any(c.dep_ == "poss" and c.pos_ == "PRON" and c.i in self._cover(ctx) for c in tok.children))
            # ("thousands OF Syrian soldiers"; a subject "court IN Senegal", "the government OF Panama": the state it sits
            # in, [clauses] institutions)
            # ("his COUNTERPARTS IN Russia, Qatar and Egypt": each state's own minister, who acts for it)
            preps = ("in", "from", "of") if tok.lower_ in ctx.one.get("counterpart", ()) else \
                _GROUP_PREPS if tok.lower_ in self._envoys(ctx) else ("of", "in", "at") if place else \
                ("of",) if tok.lower_ in ctx.rules.quantity_nouns or tok.like_num else \
                ("in", "of") if tok.lower_ in ctx.one.get("institutions", ()) and tok.dep_ in _SUBJ else ()
            if place:  # "Iraq's territory", "ITS territory": the state it belongs to
                for c in tok.children:
                    if c.dep_ != "poss":
                        continue
                    found = self._np(ctx, c, seen, depth + 1)
                    if not found and c.pos_ == "PRON":
                        # ("THEIR bases": a group of people's, never the last state named)
                        kind = "plural" if c.norm_ in ctx.rules.single.get("plural_forms", ()) else "group"
                        aid = ctx.salience.resolve(kind, c.i, ctx, ())
                        found = [Mention(aid, c.text, c.idx, c.idx + len(c.text), c.i, c.i + 1)] if aid else []
                    out.extend(found)
            for child in tok.children:
                if child.dep_ == "prep" and (child.lower_ in preps or child.lower_ in ctx.one["list_openers"]):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = self._np(ctx, obj, seen, depth + 1)
                            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                            if not found and preps is _GROUP_PREPS and owner is not None and obj.i + 1 not in cover \
                                    and (owner.pos_ != "PRON" or obj.lower_ in ctx.one.get("institutions", ())):
                                # "the leaders of NIGER'S coup", "officials of Iraq's government": whose it
                                # is (where nothing else in the phrase is named: not "West Africa's bloc ECOWAS";
                                # nor a pronoun's thing that is no body: "assured the king OF HIS INTENT")
                                mine = {u.i for u in owner.subtree}
                                if not any(t.i in cover for t in obj.subtree if t.i not in mine):
                                    found = self._np(ctx, owner, seen, depth + 1)
                            out.extend(found)
        if (not out and p is None or p is not None and p.end - 1 == tok.i and not p.slot and
                ctx.actors.kind(p.actor) != "person") and tok.pos_ in ("NOUN", "PROPN"):
            # "a Gulf DELEGATION, LED BY Kuwait's Foreign Minister and the GCC's Secretary-General": those
            # who lead it stand for it (with the state, where a demonym names it: "an official SYRIAN
            # DELEGATION HEADED BY Foreign Minister X, Defense Minister Y and intelligence chief Z")
            for c in tok.children:
                if c.dep_ == "acl" and c.tag_ == "VBG" and c.lower_ in ctx.one.get("representing", ()) and \
                        tok.lower_ in self._envoys(ctx):
                    # "two envoys REPRESENTING the UN and the Commonwealth": those they speak for
                    out.extend(q for o in c.children if o.dep_ == "dobj" for q in self._np(ctx, o, seen, depth + 1))
                if c.dep_ == "acl" and c.lemma_ in ("lead", "head") and c.tag_ == "VBN" and (
                        tok.lower_ in self._envoys(ctx) or tok.lower_ in ctx.one["party_nouns"]):
                    # (a delegation or party, not people "affiliated with the Fourth Division, once LED BY Maher")
                    out.extend(q for a in c.children if a.dep_ == "agent"
                               for o in a.children if o.dep_ == "pobj" for q in self._np(ctx, o, seen, depth + 1))
        if not out and p is None and tok.pos_ == "NOUN" and tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].text == ",":
            # "King Hussein and the Palestine guerrilla CHIEF, MR YASSER ARAFAT,": the person named right
            # after the comma is the noun, where the parser hung the name elsewhere (not its own word
            # "Palestine"); not one who then speaks ("met the army chief, Putin said")
            doc = tok.doc
            q = cover.get(tok.i + 2) or (cover.get(tok.i + 3) if doc[tok.i + 2].is_title else None)
            if q is not None and q.start in (tok.i + 2, tok.i + 3) and not q.slot and \
                    ctx.actors.kind(q.actor) == "person" and (q.end >= len(doc) or doc[q.end].is_punct) and \
                    q.end <= ctx.end:
                out.append(q)
        if not out and p is None:
            # "Russia's Hmeimim airbase": a mention among the words right under it, left to right
            inner = sorted({cover[c.i].start: cover[c.i] for c in tok.children if c.i in cover
                            and c.dep_ in ("compound", "nmod", "appos") and not (
                                # ("AN Aristide lobbyist": a name after "a" describes someone else)
                                c.dep_ == "compound" and tok.pos_ == "NOUN" and not cover[c.i].slot
                                and ctx.actors.kind(cover[c.i].actor) == "person" and cover[c.i].start > 0
                                and ctx.norms[cover[c.i].start - 1] in ("a", "an"))}.items())
            out.extend(q for _, q in inner[:1])
        if not out and p is None and tok.pos_ == "NOUN" and tok.i + 1 < len(tok.doc):
            # "informed the West African bloc ECOWAS": a name right after a common noun is the noun's
            # apposition, where the parser made the name a clause or word of its own (ECOWAS a verb)
            q, name = cover.get(tok.i + 1), tok.doc[tok.i + 1]
            if q is not None and q.start == tok.i + 1 and not q.slot and name.head.i != tok.i and \
                    name.dep_ not in _NOMINAL_DEPS:
                out.append(q)
        if not out and p is None and tok.pos_ == "NOUN" and tok.lower_ not in self._envoys(ctx) and \
                tok.lower_ not in ctx.one.get("press", ()):  # (not "speaking to RUSSIAN MEDIA")
            # "the LEBANESE judiciary": the state's (not "the Iraqi LEADER", a person the words do not name)
            for c in tok.children:
                if c.dep_ == "amod" and c.lower_ in ctx.rules.demonym_state and c.i not in self._cover(ctx):
                    out.append(_demonym_mention(ctx, c))
                    break
        if not out and p is None and tok.pos_ == "NOUN" and tok.lower_ in ctx.one.get("office_holders", ()):
            # "THAILAND'S foreign minister also attended the meeting": a state's minister no table names acts
            # for it, as the token rules read the possessor (a person's, "Assad's minister", is no one named)
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ != "PRON":
                    out.extend(q for q in self._np(ctx, c, seen, depth + 1) if ctx.actors.kind(q.actor) == "state")
        if not out and p is None and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in ctx.one.get("institutions", ()):
            # "CHINA'S foreign ministry demanded that ...", "Syria's government asked": the state's or
            # body's, as the token rules read it (not a person's: "Assad's government" names no act of his)
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ != "PRON":
                    out.extend(q for q in self._np(ctx, c, seen, depth + 1) if ctx.actors.kind(q.actor) != "person")
        kin = p is not None and (p.slot or ctx.actors.kind(p.actor) == "group") and \
            p.text.split()[-1].lower() in ctx.rules.group_words.kin  # ("his wife", a family)
        for child in tok.children:
            # a conjunct is another actor; an apposition names the same one ("the president, Assad"),
            # before what an unnamed head's phrases name ("the president OF AFGHANISTAN, Ashraf Ghani")
            if child.dep_ == "conj" and child.i not in seen and not _opens_clause(ctx.doc, end=child.right_edge.i + 1):
                out.extend(q for q in self._np(ctx, child, seen, depth + 1)
                           if not _kin_apposition(ctx, q, self._envoys(ctx)))
            elif child.dep_ == "appos" and child.i not in seen and (not out or p is None or kin or
                                                                     (p is not None and p.slot == "counterpart")):
                same = self._np(ctx, child, seen, depth + 1)
                listed = any(c.dep_ == "conj" and c.i > child.i for c in tok.children)
                if same and p is None and not listed:
                    # (conjuncts after it stay; and where a conjunct follows it, it is a list's item the
                    # parser took for an apposition: "the UN Secretary General, the president of X, and ...")
                    out = [q for q in out if q.start > child.i]
                elif kin or (p is not None and p.slot == "counterpart"):
                    # "his wife RULA GHANI", "his Russian counterpart, VLADIMIR PUTIN": the person named
                    same = [q for q in same if ctx.actors.kind(q.actor) == "person"]
                    out = [q for q in out if q is not p] if same else out
                out.extend(same)
            elif child.dep_ == "prep" and child.lower_ in ("from", "of") and p is not None and not p.slot and \
                    ctx.actors.kind(p.actor) == "person":
                # "hosted Michel Menassa FROM LEBANON AND SYRIA'S Murhaf Abu Qasra": a person coordinated
                # with the state or place a person's phrase names is another of the list, where the parser
                # hung them there
                for obj in child.children:
                    q = cover.get(obj.i) if obj.dep_ == "pobj" else None
                    if q is None or ctx.actors.kind(q.actor) not in ("state", "place"):
                        continue
                    for g in obj.children:
                        if g.dep_ == "conj" and g.i not in seen and not _opens_clause(ctx.doc, end=g.right_edge.i + 1):
                            out.extend(r for r in self._np(ctx, g, seen, depth + 1)
                                       if not r.slot and ctx.actors.kind(r.actor) == "person")
            elif child.dep_ == "appos" and p is not None:
                # a list the parser hung under the first name's description ("spoke to KHAJI, Senior
                # Advisor to the Foreign Minister, as well as Syrian Foreign Minister SABBAGH"): a
                # conjunct of the apposition that is itself a name is another party (not "president
                # of Syria and head of THE PARTY", a second description of the same person)
                for g in child.children:
                    if g.dep_ == "conj" and g.i not in seen and self._cover(ctx).get(g.i) is not None and \
                            not _opens_clause(ctx.doc, end=g.right_edge.i + 1):
                        out.extend(self._np(ctx, g, seen, depth + 1))
        return out

    @staticmethod
    def _envoys(ctx) -> set:
        """Nouns that stand for the actors of their of/from phrase: group nouns, party nouns, titles."""
        rules = ctx.rules
        cached = getattr(rules, "_dep_envoys", None)
        if cached is None:
            cached = rules._dep_envoys = (set(rules.group_words.people) - set(rules.group_words.kin)) | \
                set(rules.single["party_nouns"]) | {t[-1] for t in rules.w["titles"]} | \
                {t[-1] + "s" for t in rules.w["titles"]}
        return cached

    def _prep_objects(self, ctx, tok, preps=None, exclude=(), depth=0) -> list:
        """The parties of ``tok``'s prepositional phrases (of those prepositions when given, not of
        ``exclude``), and of the legs coordinated with them ("to Hmeimim and then ON TO Moscow")."""
        out = []
        for child in tok.children:
            if child.dep_ in ("prep", "agent", "dative"):
                if preps is not None and child.lower_ == "from" and "from" not in preps and depth < 3:
                    # "took him FROM Banjul TO Dakar": the parser hangs the second leg on the first
                    out.extend(self._prep_objects(ctx, child, preps, exclude, depth + 1))
                    out.extend(p for o in child.children if o.dep_ == "pobj"
                               for p in self._prep_objects(ctx, o, preps, exclude, depth + 1))
                if (preps is not None and child.lower_ not in preps) or child.lower_ in exclude:
                    continue
                out.extend(self._prep_phrase(ctx, child, preps))
            elif child.dep_ == "conj" and child.pos_ in ("ADV", "ADP", "PART") and depth < 3:
                if child.pos_ == "ADP" and any(c.dep_ == "pobj" for c in child.children):  # "... and then TO Russia"
                    if (preps is None or child.lower_ in preps) and child.lower_ not in exclude:
                        out.extend(self._prep_phrase(ctx, child, preps))
                else:
                    out.extend(self._prep_objects(ctx, child, preps, exclude, depth + 1))
        return out

    def _prep_phrase(self, ctx, prep, preps) -> list:
        out = []
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp"):
                found = self._np(ctx, obj)
                if not found and obj.dep_ == "pcomp" and obj.i + 1 < len(obj.doc) and \
                        obj.doc[obj.i + 1].dep_ == "dobj" and obj.doc[obj.i + 1].head.i == obj.i and \
                        obj.doc[obj.i + 1].pos_ == "PROPN":  # "to NEIGHBORING Lebanon": a participle the parser made a verb
                    found = self._np(ctx, obj.doc[obj.i + 1])
                out.extend(found)
            elif obj.dep_ == "prep" and (preps is None or obj.lower_ in preps):  # "up to", "out to"
                out.extend(self._prep_phrase(ctx, obj, preps))
        for conj in prep.children:  # "to Aqaba and finally to Cairo": a coordinated preposition
            if conj.dep_ == "conj" and conj.pos_ == "ADP":
                out.extend(self._prep_phrase(ctx, conj, preps))
        return out

    # ------------------------------------------------------------ roles
    def _head(self, doc, start, end):
        """The trigger's word that heads it in the tree (its head lies outside the trigger)."""
        return _root(doc, start, end)

    def _subjects(self, ctx, verb, depth=0) -> list:
        if depth > 4:
            return []
        # (a date is no subject, and the parser may hang the real one on the auxiliary: "Sharif was
        # MONDAY deported")
        subj = [c for c in verb.children if c.dep_ in _SUBJ and c.ent_type_ not in ("DATE", "TIME")]
        if not subj and any(c.dep_ in _SUBJ for c in verb.children):
            subj = [s for a in verb.children if a.dep_ in ("aux", "auxpass") for s in a.children if s.dep_ in _SUBJ]
        dep, head = verb.dep_, verb.head
        if subj and dep == "relcl" and all(c.lower_ in _RELATIVE or _of_relative(c) for c in subj):
            found = self._np(ctx, head)  # "generals WHO told ...": the noun the clause describes
            personal = any(c.lower_ in ctx.one.get("personal_relative", ()) for c in subj)
            if personal:
                # (a person or group, not a place the parser hung it on: "in hiding in downtown TEHRAN and
                # WHO escaped with him")
                found = [p for p in found if p.slot or ctx.actors.kind(p.actor) not in ("place", "state")]
                up, steps = head, 0
                while not found and up.head.i != up.i and steps < 6 and up.i > 0:
                    # ("Moustafa, an activist based in THE U.S., WHO worked with the rebels": the one the
                    # place describes, up the tree)
                    up, steps = up.head, steps + 1
                    found = [p for p in self._np(ctx, up) if p.slot or ctx.actors.kind(p.actor) in ("person", "group")]
            left = verb.left_edge.i
            if not found and left >= 1 and verb.doc[left - 1].text == ",":
                # (the parser may hang the clause on a noun before: "the scrutiny of Syrian refugees, MANY
                # OF WHOM fled": the one named right before its comma)
                found = [p for p in ctx.parties if p.end == left - 1 and not p.slot and not (
                    personal and ctx.actors.kind(p.actor) in ("place", "state"))]
            if head.dep_ == "conj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
                # "pilots and THEIR families who flew": the clause is about both
                found = self._np(ctx, head.head) + found
            if not found and depth == 0:
                self._nobody = True
            return found
        if subj and dep == "ccomp" and len(subj) == 1 and subj[0].pos_ == "PRON" and \
                subj[0].norm_ in ctx.rules.single.get("plural_forms", ()) and head.pos_ in ("VERB", "AUX"):
            # "India and Brazil said THEY rejected it": the list that says it (two or more named)
            said = [p for c in head.children if c.dep_ in _SUBJ for p in self._np(ctx, c) if not p.slot]
            if len(said) > 1:
                return said
        if len(subj) == 1 and subj[0].lower_ in ctx.rules.quantity_nouns and subj[0].i not in self._cover(ctx) and \
                not any(c.dep_ == "prep" for c in subj[0].children):
            # "instructed its fighters to withdraw, WITH SOME heading to Latakia": some of the group of
            # people named last before it in the sentence
            people = [p for p in ctx.parties if p.end <= subj[0].i and (
                p.slot == "group" or not p.slot and ctx.actors.kind(p.actor) == "group")]
            if people:
                return people[-1:]
        if subj:
            found = [p for c in subj for p in self._np(ctx, c)]
            # "Assad, his wife and two bodyguards fled": the parser may hang the first of the list on the
            # verb (advmod) before the subject; a person or group named there is one of the subjects
            lead = [p for c in verb.children if c.dep_ in ("advmod", "npadvmod", "dep") and c.i < subj[0].i
                    and c.i + 1 < len(verb.doc) and verb.doc[c.i + 1].text == ","
                    for p in self._np(ctx, c) if ctx.actors.kind(p.actor) in ("person", "group")]
            found = lead + found
            if not found and depth == 0 and not any(c.pos_ == "PRON" for c in subj):
                self._nobody = True  # the parse names a subject that is no actor ("army generals told ...")
            return found
        if head.i == verb.i:
            return []
        if dep == "conj":  # "reached the base and was then evacuated": the first verb's subject
            doc, k = verb.doc, verb.i - 1
            while k > 0 and doc[k].dep_ == "advmod" and doc[k].head.i == verb.i:
                k -= 1
            p = self._cover(ctx).get(k)
            if p is not None and not p.slot and doc[k].dep_ == "conj" and doc[k].head.i < p.start and \
                    doc[k].head.pos_ in ("NOUN", "PROPN") and p.start >= 1 and doc[p.start - 1].lower_ == "and":
                # "escaped aboard a hijacked jet AND FRANCE immediately GRANTED asylum": the parser joined the
                # name to the noun before; it is the joined verb's subject
                return [p]
            found = self._subjects(ctx, head, depth + 1)
            if not found and depth == 0 and any(c.dep_ in _SUBJ and c.pos_ in ("NOUN", "PROPN") and
                                                c.ent_type_ not in ("DATE", "TIME") for c in head.children):
                # "VILLAGERS sheltered Rihab Kamel and then HELPED her reach Lebanon": the first verb's
                # subject is no actor, so no one named did the joined verb either
                self._nobody = True
            return found
        if dep == "xcomp":  # object control ("urged Damascus TO open"), else subject control ("agreed to")
            obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            return [p for c in obj for p in self._np(ctx, c)] if obj else self._subjects(ctx, head, depth + 1)
        if dep in ("relcl", "acl"):  # "officials who fled", "soldiers crossing into Iraq"
            found = self._np(ctx, head)
            if not found and head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children):
                return self._owner(ctx, head)  # "for ITS efforts to mediate": the efforts' owner
            if dep == "acl" and head.dep_ == "conj" and head.head.dep_ == "ROOT" and head.head.pos_ in ("NOUN", "PROPN"):
                # "Sheikh Hasina and her younger sister LEFT ...": a sentence with no verb but this one, the
                # parser made it a participle of the list's last noun; the list is its subject
                found = self._np(ctx, head.head) + found
            return found
        if dep == "advcl" and verb.tag_ == "VBG" and head.lower_ in ctx.one.get("perception", ()):
            obj = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]  # "showed officials MEETING X"
            if obj:
                return [p for c in obj for p in self._np(ctx, c)]
        if dep in ("advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return self._subjects(ctx, head, depth + 1)  # "left Damascus to fly to Moscow"
        if dep == "pcomp" and head.dep_ == "prep":  # "after fleeing to Moscow"
            own = [p for c in head.children if c.dep_ == "pobj" and c.i < verb.i for p in self._np(ctx, c)]
            # ("despite QATAR granting him asylum": the parser makes the gerund's subject the preposition's)
            if own:
                return own
            carrier = head.head
            if carrier.pos_ == "NOUN" and any(c.dep_ == "poss" for c in carrier.children):
                return self._owner(ctx, carrier)  # "ITS role in negotiating": the role's owner
            return self._credited(ctx, carrier) or self._subjects(ctx, carrier, depth + 1)
        if dep == "advcl" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
            return self._subjects(ctx, head, depth + 1)  # "escaped from house arrest, FLEEING into the embassy"
        return []

    def _served(self, ctx, verb, depth=0) -> list:
        """The object of the first verb of help ([clauses] support) down ``verb``'s chain of infinitives,
        gerunds and purposes ("refused TO DEPLOY ... TO DEFEND the government": the government)."""
        if depth > 4:
            return []
        for c in verb.children:
            if c.dep_ in ("xcomp", "advcl", "pcomp", "prep"):
                if c.pos_ == "VERB" and c.lemma_ in ctx.one["support"]:
                    return [p for o in c.children if o.dep_ == "dobj" for p in self._np(ctx, o)]
                found = self._served(ctx, c, depth + 1)
                if found:
                    return found
        return []

    def _credited(self, ctx, word) -> list:
        """Who a word of praise or thanks credits with what follows its "for" or "with" ([clauses]
        credit): its object ("THANKED Qatar for brokering"), or who it is owed to ("GRATEFUL to Iraq",
        whose "for" the parser may hang on the copula)."""
        credit = ctx.one.get("credit", ())
        if word.lower_ not in credit:
            word = next((c for c in word.children if c.dep_ == "acomp" and c.lower_ in credit), None)
            if word is None:
                return []
        obj = [p for c in word.children if c.dep_ in ("dobj", "dative") for p in self._np(ctx, c)]
        return obj or self._prep_objects(ctx, word, ("to",))

    def _owner(self, ctx, noun) -> list:
        """Whose a possessed noun is ("Qatar's ROLE in"); a pronoun that names no party ("its") owns it
        for the one a word of praise credits ("praised Jordan for ITS ROLE in mediating": Jordan's)."""
        found = self._noun_subjects(ctx, noun)
        if not found and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "with"):
            return self._credited(ctx, noun.head.head)
        return found

    def _noun_subjects(self, ctx, noun, depth=0) -> list:
        """Who a noun trigger's event is by: its possessor, or the subject of the verb carrying it."""
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if poss:
            return [p for c in poss for p in self._np(ctx, c)]
        # ... or a name or a state's demonym before it ("the US decision", "the RUSSIAN rejection of his
        # request": Russia's, not the subject of the verb carrying it: "Iran condemned ...")
        # (right before the noun, the trigger itself: not a title before a name, "the mediation of PRESIDENT
        # Chávez")
        cover = self._cover(ctx)
        named = [cover[c.i] for c in noun.children if c.i == noun.i - 1 and c.dep_ in ("compound", "nmod")
                 and c.i in cover and cover[c.i].end == noun.i and not cover[c.i].slot] + \
            [_demonym_mention(ctx, c) for c in noun.children if c.i == noun.i - 1 and c.dep_ == "amod"
             and c.lower_ in ctx.rules.demonym_state and c.i not in cover]
        if named and depth == 0:
            return named
        by = self._prep_objects(ctx, noun, ("by",))
        verb = noun.head
        if not by and noun.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            # "It followed mediation between Damiba and Traore BY religious leaders": the parser hangs the
            # by-phrase on the verb, active, that has the noun as object
            by = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
                  for o in c.children if o.dep_ == "pobj" for p in self._np(ctx, o)]
        if by:
            return by
        if noun.lower_ in ctx.one["event_nouns"]:
            # "the arrival OF US citizens in Jeddah", "the safe arrival in Jeddah OF US citizens" (the parser
            # hangs it on the place): who moves, a person or group (not "in the city OF Aqaba")
            phrases = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ctx.one["locative"]
                                for o in p.children if o.dep_ == "pobj"]
            movers = [m for t in phrases for m in self._prep_objects(ctx, t, ("of",))
                      if m.slot or ctx.actors.kind(m.actor) in ("person", "group")]
            if movers:
                return movers
        head = noun.head
        if head.i == noun.i or depth > 3:
            return []
        if noun.dep_ in _LIGHT_DEPS and head.pos_ in ("VERB", "AUX"):
            return self._subjects(ctx, head)
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return self._subjects(ctx, head.head)  # "In a call with X, Pezeshkian reiterated"
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and \
                any(c.dep_ == "poss" for c in head.head.children):
            return self._owner(ctx, head.head)  # "ITS role in mediating": the role's owner
        if noun.dep_ == "conj":
            return self._noun_subjects(ctx, head, depth + 1)
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ctx.one.get("stretches", ()):
            return self._noun_subjects(ctx, head.head, depth + 1)  # "four HOURS OF talks with X"
        return []

    def _inside(self, ctx, nouns) -> list:
        """The actors a thing stands for: the one it belongs to ("Assad's REQUEST", "the ESCAPE of X"),
        came from or is with ("a deal WITH the US", "questions FROM Reuters", "proposals to sit down
        WITH Erdogan")."""
        out = []
        for o in nouns:
            if o.lower_ in ctx.one["event_nouns"]:
                # "organised HIS passage to Dakar": the one who moves, not where to or from
                mine = [p for c in o.children if c.dep_ == "poss" for p in self._np(ctx, c)] + \
                    self._prep_objects(ctx, o, ("of",))
                if mine:
                    out.extend(mine)
                    continue
                # (where it goes from or to is no party: "assisting citizens of third countries in their
                # DEPARTURE FROM Syria" helps no one named)
                out.extend(self._prep_objects(ctx, o, ("with", "of", "by")))
                continue
            out.extend(self._prep_objects(ctx, o, ("with", "from", "of", "by", "to")))
            if o.lower_ in ctx.one["owner_nouns"] or o.lower_ in ctx.one["event_nouns"]:
                out.extend(p for c in o.children if c.dep_ == "poss" for p in self._np(ctx, c))
            if o.lower_ in ctx.one["owner_nouns"]:
                # "a request for ASYLUM FROM Guei": the parser hangs the asker on what was asked for
                out.extend(p for c in o.children if c.dep_ == "prep" and c.lower_ == "for" for n in c.children
                           if n.dep_ == "pobj" and n.lower_ in ctx.one["owner_nouns"]
                           for p in self._prep_objects(ctx, n, ("from",)))
            for clause in o.children:
                if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB":
                    out.extend(self._prep_objects(ctx, clause, ("with",)))
        return out

    def _objects(self, ctx, word, cue, trigger=None) -> list:
        if trigger is not None and trigger[-1].pos_ == "ADP" and trigger[-1].lower_ not in _ATTRIBUTION and not (
                cue.target_preps and trigger[-1].lower_ not in cue.target_preps and (
                    cue.target == "oblique" or
                    any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in trigger[-1].children))):
            # the cue ends on its preposition ("talks WITH", "phone call TO"): its object is the target
            # (not a particle where the target has prepositions of its own: the place left, "pulled OUT of
            # Deir Ezzor", nor the one handed over, "ruled out handing OVER Assad to Syria" refuses Syria)
            found = self._prep_phrase(ctx, trigger[-1], None)
            prep = trigger[-1]
            if self._meets and prep.lower_ in ctx.rules.group_words.met_preps:
                # "met with SEVERAL FOREIGN AND ARAB DELEGATIONS": a group its words describe, kept for
                # where no one else is named (see arguments)
                self._groups_met += [p for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                                     for p in self._described_group(ctx, o)]
            if found and prep.head.i != prep.i:
                # "sought assistance FROM Turkey and weapons FROM Egypt, the UAE and Jordan": the same
                # preposition again on the word the cue hangs on (or on the verb whose object that is)
                up = prep.head.head if prep.head.dep_ == "dobj" and prep.head.head.i != prep.head.i else prep.head
                again = sorted({s.i: s for t in (prep.head, up) for s in t.children}.values(), key=lambda s: s.i)
                found += [q for s in again if s.dep_ == "prep" and s.i > prep.i and s.lower_ == prep.lower_
                          for q in self._prep_phrase(ctx, s, None)]
            if found:
                return found
            things = [o for o in trigger[-1].children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
            if things and trigger[-1].lower_ == "with" and all(
                    o.lower_ not in self._envoys(ctx) and not any(t.i in self._cover(ctx) for t in o.subtree)
                    for o in things):
                # "coordinated WITH neighboring countries", "spoke with reporters": no one named
                self._noobject = True
                return []
            if things and trigger[-1].lower_ not in ("with",):
                # "did not respond to QUESTIONS from Reuters": a thing, and whose it is, or nobody
                self._noobject = True
                return self._inside(ctx, things)
        if trigger is not None and len(trigger) > 1 and trigger[-1].pos_ == "NOUN" and cue.target == "object":
            # the cue ends on its noun ("acted as a MEDIATOR between A and B"): the noun's parties (a
            # possessor inside the cue owns it instead: "ended QATAR'S mediation between A and B")
            # (not a journey's pronoun: "making HIS way to Russia" is the traveller's own way)
            journey = ctx.rules.relations[cue.relation].journey
            owner = [p for c in trigger[-1].children if c.dep_ == "poss" and c.i >= trigger[0].i
                     and not (journey and c.pos_ == "PRON") for p in self._np(ctx, c)]
            if owner and not ctx.rules.relations[cue.relation].go_between:
                return owner
            found = self._prep_objects(ctx, trigger[-1], ("between", "among"))
            if found:
                return found
        if cue.target == "oblique" or cue.target_preps:
            preps = set(cue.target_preps)
            found = self._prep_objects(ctx, word, preps)
            if not found and cue.target_preps and trigger is not None:
                # "ruled out HANDING over Assad TO Syria": on another verb of the cue
                found = [p for t in trigger if t.i != word.i and t.pos_ == "VERB"
                         for p in self._prep_objects(ctx, t, preps)]
            if not found and cue.target_preps:  # "arrived HERE": an adverb naming a place ([clauses] here_after)
                found = [self._cover(ctx)[c.i] for c in word.children if c.dep_ == "advmod" and c.i in self._cover(ctx)]
            if not found and cue.target_preps:  # "fled the country TO Lebanon": the parser hangs it on the object
                found = [p for c in word.children if c.dep_ == "dobj" for p in self._prep_objects(ctx, c, preps)]
            if not found and "to" in preps:  # "had given GONZÁLEZ safe passage": the one given to
                found = [p for c in word.children if c.dep_ == "dative" for p in self._np(ctx, c)]
            if not found and cue.target_preps and ctx.one.get("bound"):
                # "left Jalal-Abad in a plane BOUND FOR Kazakhstan": where the craft it leaves in goes
                found = [p for t in word.subtree if t.lower_ in ctx.one["bound"] and t.head.i != t.i
                         and t.head.lower_ in ctx.one.get("vehicles", ()) for p in self._prep_objects(ctx, t, preps)]
            if not found and word.dep_ in ("xcomp", "conj", "advcl") and word.head.pos_ in ("VERB", "AUX"):
                found = []
            return found
        found = [p for c in word.children if c.dep_ in _OBJ for p in self._np(ctx, c)]
        if not found:  # "prevented HIS PLANE from landing": the craft's owner
            found = [p for c in word.children if c.dep_ == "dobj" and c.lower_ in ctx.one.get("vehicles", ())
                     for p in self._craft_owner(ctx, c)]
        if not found:  # "facilitated THE EVACUATION OF Assad to Moscow", "organised HIS PASSAGE to Dakar", "helped
            # IN THE EVACUATION OF Assad": who moves
            found = self._inside(ctx, [c for c in word.children if c.dep_ == "dobj" and c.lower_ in ctx.one["event_nouns"]]
                                 + [o for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "with")
                                    for o in c.children if o.dep_ == "pobj" and o.lower_ in ctx.one["event_nouns"]])
        if not found and word.lower_ in ctx.one.get("control", ()):
            # "helped HUNDREDS OF Syrian officers flee": the parser makes the one helped the subject of
            # the clause that follows ([clauses] control)
            helped = [s for c in word.children if c.dep_ in ("ccomp", "xcomp") and c.i > word.i
                      for s in c.children if s.dep_ == "nsubj"]
            found = [p for s in helped for p in self._np(ctx, s)]
            if helped and not found:
                self._noobject = True  # ("helped US reach Damascus": someone no table names, not the place)
        if not found:
            # "denied safe passage FOR the former president TO leave": the subject of a for-to clause
            # on the verb or on its object
            clauses = [c for t in [word] + [o for o in word.children if o.dep_ == "dobj"] for c in t.children
                       if c.dep_ in ("advcl", "acl", "ccomp", "xcomp", "relcl") and c.i > word.i
                       and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
            found = [p for c in clauses for s in c.children if s.dep_ == "nsubj" for p in self._np(ctx, s)]
        if not found and any(c.dep_ == "dobj" and c.lower_ in ctx.one["owner_nouns"] for c in word.children):
            # "defied intense PRESSURE FROM Turkey": the parser hangs whose pressure it is on the verb
            found = self._prep_objects(ctx, word, ("from", "by"))
        if not found:
            # "ignored opportunities for reform OFFERED BY several Arab nations": who made what it takes
            found = [q for c in word.children if c.dep_ == "dobj" for a in c.subtree
                     if a.dep_ == "acl" and a.tag_ == "VBN" and a.lower_ in ctx.one.get("lending", ())
                     for g in a.children if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"
                     for q in self._np(ctx, o)]
        # a party, not a setting: "met WITH X", not "met IN Jordan" nor "ACCORDING TO the ministry"
        return found or self._prep_objects(ctx, word, None, set(ctx.one["locative"]) | _ATTRIBUTION)

    def _asked(self, ctx, verb, fallback) -> list:
        """The parties a verb addressed (its objects, and those after "from" or "to" on it or on its
        objects: "asked Turkey and Egypt", "sought aid FROM Turkey and arms FROM Egypt"), when the
        actors ``fallback`` are among them (the token rules' one reading), else nothing."""
        things = [c for c in verb.children if c.dep_ == "dobj"]
        things += [k for t in things for k in t.conjuncts if k.i > t.i]
        found = [p for c in verb.children if c.dep_ in _OBJ for p in self._np(ctx, c)]
        found += [p for t in [verb] + things for p in self._prep_objects(ctx, t, ("from", "to"))]
        found = self._resolved(ctx, found)
        return found if fallback <= {p.actor for p in found} else []

    def _relative_object(self, ctx, verb) -> list:
        """"a summons issued by the Lebanese judiciary, WHICH he refused to comply with": the clause's
        object is the noun it describes (or whose it is)."""
        clause = verb
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl" or clause.head.i == clause.i:
            return []
        rel = [t for t in clause.subtree if t.lower_ in _RELATIVE and t.dep_ in ("dobj", "pobj") and t.i < verb.i]
        if not rel:
            return []
        noun = clause.head
        return self._np(ctx, noun) or self._inside(ctx, [noun])

    def _np_objects(self, ctx, verb) -> list:
        return [p for c in verb.children if c.dep_ in _OBJ for p in self._np(ctx, c)]

    def _agents(self, ctx, verb, cue) -> list:
        return self._prep_objects(ctx, verb, set(cue.agent_preps) | {"by"})

    def _companions(self, ctx, tok, people_only=True) -> list:
        """Who travels with: "fled WITH his family", "Assad, ALONG WITH his son Hafez, ...",
        "Maher, ACCOMPANIED BY his wife, ...": people or groups under ``tok`` (a verb or a subject)."""
        out = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                out.extend(self._prep_phrase(ctx, child, None))
            elif child.lower_ in ("along", "together") and child.dep_ in ("prep", "advmod"):
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ == "with":
                        out.extend(self._prep_phrase(ctx, grand, None))
            elif child.dep_ in ("acl", "advcl") and child.lemma_ == "accompany":
                out.extend(self._prep_objects(ctx, child, ("by",)))
            elif child.dep_ == "prep" and child.lower_ == "in":
                # "taking refuge in Russia IN THE COMPANY OF a few relatives, including Mansour Azzam"
                out.extend(q for o in child.children if o.dep_ == "pobj" and o.lower_ == "company"
                           for q in self._prep_objects(ctx, o, ("of",)))
        if not people_only:
            return out
        return [p for p in out if p.slot or ctx.actors.kind(p.actor) in ("person", "group")]

    def _members_after_object(self, ctx, verb) -> list:
        """"only a handful of confidants accompanied HIM, INCLUDING his ally Mansur Azzam": the people
        listed after a verb's one-person object are of its subject, a group no table names."""
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if len(subj) != 1 or subj[0].pos_ != "NOUN" or len(objs) != 1 or any(k.dep_ == "conj" for k in objs[0].children):
            return []
        if objs[0].pos_ != "PRON":  # (a pronoun stands for one person)
            named = self._np(ctx, objs[0])
            if len(named) != 1 or ctx.actors.kind(named[0].actor) != "person":
                return []
        listed = [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.one["list_openers"] and c.i > objs[0].i
                  for o in c.children if o.dep_ == "pobj" for q in self._np(ctx, o)]
        return [q for q in listed if ctx.actors.kind(q.actor) == "person"]

    def _protectors(self, ctx, verb) -> list:
        """"under Hezbollah's protection", "with the help of Iraq", "under Russian sponsorship": who
        protected or helped those on their way ([groups] protection nouns)."""
        nouns = ctx.rules.protection
        out = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("under", "with"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in nouns:
                    out.extend(self._whose_help(ctx, obj))
        vehicles = ctx.one.get("vehicles", ())
        # "fled in a U.S. AIR FORCE plane", "in a jet PROVIDED BY Nigeria", and where the parser hangs the
        # craft on the phrase before it ("flown to Damascus for the signing ABOARD a U.S. aircraft")
        preps = list(verb.children) + [p for c in verb.children if c.dep_ == "prep" for o in c.children
                                       if o.dep_ == "pobj" for p in o.children]
        for prep in preps:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "on", "aboard", "onboard", "inside", "by"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ in vehicles and not obj.text.isupper():  # (not "CAR")
                        out.extend(self._craft_owner(ctx, obj))
        # "Saudi Arabia's ASSISTANCE in enabling the safe arrival of ...": the help the move is the
        # object of (through a verb of enabling or securing)
        t, steps = verb, 0
        while t.dep_ in ("dobj", "pcomp", "pobj", "prep") and t.head.i != t.i and steps < 4:
            t, steps = t.head, steps + 1
            if t.pos_ == "NOUN" and t.lower_ in nouns:
                out.extend(self._whose_help(ctx, t))
                break
        return out

    def _craft_owner(self, ctx, noun) -> list:
        """Who a craft someone travels in is of: its possessor, a name or demonym before it ("a U.S. Air
        Force plane", "a Russian jet"), or who lent it ("a jet PROVIDED BY Obasanjo", [clauses] lending)."""
        cover, out = self._cover(ctx), []
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod", "amod") and child.i in cover):
                out.extend(self._np(ctx, child))  # ("on a RUSSIAN military plane": a demonym read as a name)
            elif child.dep_ == "amod" and child.lower_ in ctx.rules.demonyms:
                out.append(_demonym_mention(ctx, child))
            elif child.dep_ == "acl" and child.lower_ in ctx.one.get("lending", ()):
                out.extend(self._prep_objects(ctx, child, ("by", "from")))
        return out

    def _whose_help(self, ctx, noun) -> list:
        """Who gives a protection noun's help: its possessor, a demonym ("RUSSIAN sponsorship"), or
        its of/from/by phrase."""
        out = []
        for child in noun.children:
            if child.dep_ == "poss":
                out.extend(self._np(ctx, child))
            elif child.dep_ == "amod" and child.lower_ in ctx.rules.demonyms:  # "Russian sponsorship"
                out.append(_demonym_mention(ctx, child))
        out.extend(self._prep_objects(ctx, noun, ("of", "from", "by")))
        return out

    def _mover_owner(self, ctx, verb, sources):
        """Whose people a verb moves when the words name no owner ("RUSSIA evacuated personnel",
        "RUSSIAN military aircraft are evacuating personnel"): a state or organisation that is its
        subject, or the state of a demonym on its subject noun."""
        for p in sources:
            a = ctx.actors.get(p.actor)
            if a is not None and a.kind in ("state", "organisation", "armed_group"):
                return a
            if a is not None and a.kind == "group" and a.member_of:
                # ("the Aerospace FORCES OF THE RUSSIAN Ministry of Defense transported personnel"): the
                # state or organisation the moving group belongs to
                owner = ctx.actors.get(a.member_of)
                if owner is not None and owner.kind in ("state", "organisation", "armed_group"):
                    return owner
        for subj in (c for c in _controller(verb).children if c.dep_ in _SUBJ):  # ("are continuing TO EVACUATE")
            for c in subj.children:
                if c.dep_ == "amod" and c.lower_ in ctx.rules.demonym_state:
                    return ctx.rules.demonym_state[c.lower_]
        return None

    def _anonymous(self, ctx, tok, owner=None) -> list:
        """A group no table names that flees ("Dozens of officials of the collapsing regime", "senior
        officials", "the fighters"): an actor of its own, named by its words."""
        tok = _counted(ctx, tok)  # "Dozens OF officials", "thousands of soldiers"
        words = ctx.rules.group_words
        if tok.lower_ not in words.people or tok.i in self._cover(ctx):
            return []
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PRON":
                # "its last units": the group of whoever "its" stands for, or no group of its own
                aid = ctx.salience.resolve("group", c.i, ctx, ())
                owner = ctx.actors.get(aid) if aid else None
                if owner is None or owner.kind in ("place", "group"):
                    return []
                return [_group_mention(ctx, owner, tok, ctx.doc[c.i:tok.i + 1].text)]
        if owner is not None and not any(c.dep_ in ("poss", "amod", "compound") for c in tok.children):
            # "(Russian aircraft evacuated) PERSONNEL", "(Ukraine has evacuated another) 34 PERSONS" (its count
            # too, and the words that say whose they are: "personnel OF THE RUSSIAN FOREIGN MISSIONS")
            lo = min([c.i for c in tok.lefts if c.dep_ in ("nummod", "quantmod")] + [tok.i])
            hi = max([t.i for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree] + [tok.i])
            return [_group_mention(ctx, owner, tok, ctx.doc[lo:hi + 1].text)]
        lo = min(t.i for t in tok.subtree)
        while lo < tok.i and ctx.doc[lo].pos_ in ("DET", "NUM", "PUNCT"):
            lo += 1
        hi = tok.i + 1
        span = ctx.doc[lo:hi]
        # (its words without a clause describing it: "confidants[, who fled to Moscow]")
        described = {t.i for c in tok.children if c.dep_ == "relcl" for t in c.subtree}
        full = ctx.doc[min(t.i for t in tok.subtree):max(t.i for t in tok.subtree if t.i not in described) + 1]
        return [_unnamed_group(ctx, span, full.text, tok.text)]

    def _with_groups_met(self, ctx, head, targets, sources) -> list:
        """The targets of a contact whose object is a group its words describe (``_groups_met``):
        those named inside the group's own words say whose it is, and stand for it as before
        ("foreign officials FROM BRITAIN, FRANCE ..."); else the group, with those named elsewhere
        in the clause ("met with several delegations, including from THE U.S.", "talks with his
        European counterparts and BLINKEN"), and not the place where they met ("... in Rome")."""
        settings = set(ctx.one["locative"]) - set(_GROUP_PREPS)
        counterparts = ctx.one.get("counterpart", ())  # ("his counterparts IN Russia": whose they are)
        groups = {p.actor for p in self._groups_met}
        roots = [ctx.doc[p.start:p.end].root for p in self._groups_met]
        joined = {t.i for r in roots for c in r.children if c.dep_ == "conj" for t in c.subtree}
        own = {t.i for r in roots for t in r.subtree} - joined
        named = [p for p in targets if p.actor not in groups and p.start >= 0 and not any(
            t.dep_ == "prep" and t.lower_ in settings and t.head.lower_ not in counterparts
            for t in _path(ctx.doc[p.start], head))]
        if any(p.start in own for p in named):
            return targets
        have = {p.actor for p in sources}
        return [p for p in self._groups_met if p.actor not in have] + [p for p in named if p.actor not in groups]

    def _described_group(self, ctx, tok) -> list:
        """A group no table names, met or spoken to, that its words describe ("several foreign and
        Arab DELEGATIONS", "his European COUNTERPARTS", "the LEADERS of armed groups", "representatives
        of the diplomatic corps"): an actor of its own, named by those words. A group noun of
        ``[groups] people`` or ``[groups] envoys`` with an adjective, a noun before it or an of-phrase
        after it; not a bare "officials" or "reporters", and not one a mention already covers."""
        tok = _counted(ctx, tok)  # "Dozens OF officials", "thousands of soldiers"
        words = ctx.rules.group_words
        if tok.lower_ not in set(words.people) | set(words.envoys) or tok.lower_ in words.kin or \
                tok.tag_ not in ("NNS", "NNPS"):
            return []  # (a group is named in the plural: "the two countries' TOP DIPLOMAT" is one person)
        left = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")]
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        thing = next((o for o in of.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None) \
            if of is not None else None
        if not left and thing is None:
            return []
        lo = min([c.i for c in left for c in c.subtree] + [tok.i])
        hi = tok.i if thing is None else max([c.i for c in thing.lefts for c in c.subtree] + [thing.i])
        if lo > 0 and ctx.doc[lo].text == "-" and not ctx.doc[lo - 1].whitespace_:
            lo -= 1  # ("ANTI-independence leaders": the word before a hyphen the parser hung elsewhere)
        span = ctx.doc[lo:hi + 1]
        if not len(span) or any(t.i in self._cover(ctx) for t in span):
            return []  # ("Syrian officials", "envoys of Russia": the group rule's, or the named actor's)
        return [_unnamed_group(ctx, span, ctx.doc[tok.left_edge.i:tok.right_edge.i + 1].text)]

    def _host(self, ctx, verb) -> list:
        """Who held the gathering a "where" clause tells of ("a summit HOSTED BY Jordan, where ... met"):
        the agent of a hosting verb on the gathering noun the clause hangs on (or on the phrase the
        parser hung it on, up to three words up)."""
        one = ctx.one
        if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
            return []
        node = verb.head
        for _ in range(4):
            if node.lower_ in one.get("gatherings", ()):
                return [p for c in node.children if c.dep_ == "acl" and c.lower_ in one.get("hosting", ())
                        for p in self._prep_objects(ctx, c, ("by",))]
            if node.head.i == node.i:
                break
            node = node.head
        return []

    def _riders(self, ctx, verb) -> list:
        """Who a craft that travels carries ([clauses] vehicles): its owner ("HIS plane landed"), who it
        is said to carry ("the plane CARRYING Assad"), or, where its clause opens the sentence ("When
        the aircraft landed in Termez, GHANI, along with his wife, ..."), the first person or group
        named after that clause, with those along with them."""
        one = ctx.one
        carrier = verb
        while carrier.dep_ in ("xcomp", "conj") and carrier.head.i != carrier.i and \
                not any(c.dep_ in _SUBJ for c in carrier.children):  # "the plane was obliged TO FLY"
            carrier = carrier.head
        crafts = [c for c in carrier.children if c.dep_ in ("nsubj", "nsubjpass")
                  and c.lower_ in one.get("vehicles", ()) and c.i not in self._cover(ctx)]
        if not crafts:
            return []
        craft, out = crafts[0], []
        aboard = ctx.rules.w.get("aboard")
        for t in (verb, carrier) if aboard else ():
            for prep in t.children:  # "flew to Asuncion WITH MORALES ABOARD"
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for o in prep.children:
                        if o.dep_ == "pobj" and any(  # (the parser hangs "aboard" on the name, or after it)
                                ctx.norms[k] in aboard.by_first and phrase_len(ctx.norms, k, aboard)
                                for k in range(o.i, min(o.right_edge.i + 2, ctx.end))):
                            out.extend(self._np(ctx, o))
        if out:
            return out
        # who it is said to carry, else its owner ("Putin's plane CARRYING ASSAD": Assad travelled)
        out = [p for c in craft.children if c.dep_ in ("acl", "prep") and c.lower_ in one.get("carrying", ())
               for o in c.children if o.dep_ in ("dobj", "pobj") for p in self._np(ctx, o)] or [
               p for c in craft.children if c.dep_ == "poss" for p in self._np(ctx, c)]
        if out or verb.dep_ != "advcl" or verb.i > verb.head.i:
            return out
        comma = next((i for i in range(verb.i + 1, ctx.end) if ctx.doc[i].text == ","), None)
        after = [p for p in ctx.parties if comma is not None and p.start > comma and not p.slot
                 and ctx.actors.kind(p.actor) in ("person", "group")]
        if not after:
            return []
        first = after[0]
        tok = ctx.doc[first.end - 1]
        return [first] + self._companions(ctx, verb) + self._companions(ctx, tok)

    def _listed_groups(self, ctx, verb, sources) -> list:
        """People no table names listed with named travellers ("Rajapaksa, his wife and two
        BODYGUARDS travelled to Male"): the group of the first person travelling, member of him."""
        words = ctx.rules.group_words
        people = [ctx.actors.get(p.actor) for p in sources]
        owner = next((a for a in people if a is not None and a.kind == "person"), None) or next(
            (ctx.actors.get(a.member_of) for a in people if a is not None and a.kind == "group" and a.member_of
             and ctx.actors.kind(a.member_of) == "person"), None)  # ("his wife and two bodyguards": his)
        if owner is None:
            return []
        out = []
        for subj in (c for c in verb.children if c.dep_ in _SUBJ):
            for tok in subj.conjuncts:
                if tok.lower_ not in words.people or tok.i in self._cover(ctx) or \
                        any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                    continue  # ("his aides", "members of his family": the group rules name them already)
                out.append(_group_mention(ctx, owner, tok, ctx.doc[tok.left_edge.i:tok.i + 1].text))
        return out

    def _new_places(self, ctx, verb, cue) -> list:
        """A destination no table or NER names ("withdrew to Hermel"): the proper nouns after one of
        the cue's target prepositions are a discovered place."""
        out = []
        preps = set(cue.target_preps) or {"to", "into"}
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.i in self._cover(ctx):
                    continue
                # (the name's own words, not a phrase hung on it: "to Gbadolite ON FRIDAY morning")
                names = [t for t in obj.subtree if t.pos_ == "PROPN" and t.is_title and not any(
                    a.dep_ == "prep" for a in _path(t, obj))]
                if not names or any(t.i in self._cover(ctx) for t in names) or \
                        names[-1].i - names[0].i + 1 != len(names):
                    continue
                if any(t.ent_type_ in _TIME_ENTS for t in names):
                    continue  # "early on Sunday": a time, never a place
                if obj.pos_ != "PROPN" and all(t.head.i == obj.i and t.dep_ in ("compound", "amod") for t in names):
                    continue  # "on the Mediterranean coast": a name describing a common noun is no place named
                span = ctx.doc[names[0].i:names[-1].i + 1]
                label = " ".join(span.text.split())
                did = discovered_id(label)
                if ctx.actors.get(did) is None:
                    ctx.actors.discovered[did] = Actor(id=did, label=label, kind="place", aliases=(label,),
                                                       discovered=True)
                out.append(Mention(did, span.text, span.start_char, span.end_char, span.start, span.end))
        return out

    # ------------------------------------------------------------ the finder
    def arguments(self, ctx, cue, start, end, relation, inferences) -> Arguments:
        base = self.fallback.arguments(ctx, cue, start, end, relation, inferences)
        doc = ctx.doc
        self._nobody = self._noobject = False
        self._groups_met = []
        self._meets = relation.meets  # (a contact: those met may be a group its words describe)
        if not doc.has_annotation("DEP"):
            return base
        head = self._head(doc, start, end)
        verbal = head.pos_ in ("VERB", "AUX")
        passive = verbal and (any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) or (
            # a participle with its agent: "crossed into Lebanon ESCORTED BY the Syrian army"
            head.tag_ == "VBN" and head.dep_ in ("acl", "advcl") and any(c.dep_ == "agent" for c in head.children)
            and not any(c.dep_ in _SUBJ for c in head.children)))
        voice = base.voice
        if cue.voice == "active" and relation.passive_flips and passive:
            voice = "passive"
        brokered = self._brokered(ctx, head, start) if relation.go_between and not relation.journey else None
        if brokered is not None:
            return Arguments(brokered[0], brokered[1], "active", base.clause, base.proxies, False, [])
        if verbal and not relation.journey and not relation.go_between and any(c.dep_ == "oprd" for c in head.children) \
                and any(c.dep_ == "dobj" for c in head.children):
            # "Bush CALLED Taylor's exile an important step", "called him a criminal": naming, no contact
            return Arguments([], [], voice, base.clause, base.proxies, False, [])
        if verbal and relation.journey and head.lower_ in ctx.one.get("retracting", ()) and self._thing_taken(ctx, head):
            # "had WITHDRAWN his application to Russia": a thing taken back, no one moves
            return Arguments([], [], voice, base.clause, base.proxies, False, [])
        if verbal and relation.journey and head.lower_ in ctx.one.get("leading", ()) and \
                any(c.dep_ == "dobj" for c in head.children) and \
                not any(c.dep_ == "prep" and c.lower_ in cue.target_preps for c in head.children):
            # "who HEADS the Observatory": leading, no move
            return Arguments([], [], voice, base.clause, base.proxies, False, [])
        subjects = self._subjects(ctx, head) if verbal else self._noun_subjects(ctx, head)
        told = ctx.set_off(start)  # ("his wife, Fatana, NOW IN EXILE in Germany": Fatana, not the verb's subject)
        if told is not None:
            subjects = told
        if not verbal:
            self._nobody = False  # (only a verb's own subject says that no actor did it)
        helpers, came_from = [], False
        if voice == "active":
            sources = subjects or (self._members_after_object(ctx, head) if verbal else [])
            targets = self._objects(ctx, head, cue, doc[start:end])
            if not targets and verbal and not relation.journey:
                targets = self._relative_object(ctx, head)
            if not targets and not self._groups_met and verbal and self._meets and not self._noobject:
                # "met in Damascus WITH the leaders of armed groups"
                self._groups_met = [p for c in head.children if c.dep_ == "prep"
                                    and c.lower_ in ctx.rules.group_words.met_preps
                                    for o in c.children if o.dep_ == "pobj" for p in self._described_group(ctx, o)]
            if not verbal and head.lower_ in ctx.one["owner_nouns"] and not (relation.journey or relation.go_between):
                # "agreed in telephone CALLS FROM Bokassa's wife": the one the call came from made it, to
                # the one the clause is about
                froms = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
                         for p in self._prep_phrase(ctx, c, None)]
                callers = {p.actor for p in froms}
                called = [p for p in sources or base.sources if p.actor not in callers]
                if froms and called and all(t.actor in callers for t in targets):
                    sources, targets, came_from = froms, called, True
            if relation.journey:
                # (not an object the parser hung on it past a verb joined to it: "She MOVED to Syria and
                # MARRIED Bashar al-Assad")
                movers = [p for c in head.children if c.dep_ == "dobj" and not _past_conjunct_verb(head, c)
                          for p in self._np(ctx, c) if p.slot or ctx.actors.kind(p.actor) in ("person", "group")
                          ] if head.lower_ not in ctx.one.get("departure", ()) else []
                if not movers:  # "Dozens of officials fled": a group no table names
                    owner = self._mover_owner(ctx, head, sources)  # ("Russian aircraft evacuated personnel")
                    movers = [p for c in head.children if c.dep_ == "dobj" for p in self._anonymous(ctx, c, owner)]
                if movers:  # "Russia evacuated Assad to Moscow", "Hezbollah withdrew its fighters to Hermel"
                    helpers, sources = sources, movers
                    if head.lower_ in ctx.one.get("sent_back", ()):
                        helpers = []  # ("Zaire expelled Amin to Senegal": Zaire brokered nothing)
                if head.lower_ in ctx.one.get("homeward", ()):
                    # "Iran REPATRIATED its nationals": its own, brought home from danger, fled there; others
                    # sent back ("Iraq repatriated 2,000 Syrian soldiers") or no one named doing it: no flight
                    home = self._home(ctx, self._resolved(ctx, movers), self._resolved(ctx, helpers))
                    if not movers or not home:
                        return Arguments([], [], voice, base.clause, base.proxies, False, [])
                    targets = targets or home
                if head.lower_ in ctx.one.get("sent_back", ()) and targets:
                    owners = {getattr(ctx.actors.get(p.actor), "member_of", None) for p in sources + movers}
                    targets = [t for t in self._resolved(ctx, targets) if t.actor not in owners]
                    if not targets:  # sent back home: no flight (and not where they had fled, named before)
                        return Arguments([], [], voice, base.clause, base.proxies, False, [])
                if sources and any(c.dep_ in _SUBJ and c.lower_ in ctx.one.get("vehicles", ()) for c in head.children):
                    # "A RUSSIAN Air Force plane carrying Assad landed": the one carried travelled, and
                    # whose craft it was (named in the subject) lent it, as "in a Russian plane" does
                    riders = self._riders(ctx, head)
                    if riders and {p.actor for p in riders} != {p.actor for p in sources}:
                        helpers = helpers + [p for p in sources if p.actor not in {r.actor for r in riders}]
                        sources = riders
                if not sources:
                    sources = self._riders(ctx, head)
                    if sources:
                        self._nobody = False
                if not sources:  # ("Soldiers started fleeing": the subject of "started")
                    sources = [p for c in _controller(head).children if c.dep_ in _SUBJ
                               for p in self._anonymous(ctx, c)]
                rel = next((c for c in head.children if c.dep_ in _SUBJ and c.lower_ in ctx.one["relative"]), None)
                if not sources and head.dep_ == "relcl" and rel is not None:
                    # "a handful of confidants, WHO FLED to Moscow": the group the clause describes, or
                    # those a later word names ("Among those who fled to Lebanon WERE X and Y")
                    sources = ctx.named_after(rel.i, start) or self._anonymous(ctx, head.head)
                if not sources and head.dep_ == "acl" and head.i == start and head.head.i == start - 1:
                    # ... or a participle right after the word ("Among those EVACUATED to Iraq ARE X")
                    sources = ctx.named_after(start, start)
            if relation.journey:  # "Russia helped MAHER flee": the parse often makes "flee" a noun
                moved, forced = ctx.controlling(base.clause[0], start)
                if moved and not helpers:
                    # ("public outcry FORCED him to flee to Nigeria": no one helped him)
                    helpers = [] if forced else [p for p in sources if p.actor not in {m.actor for m in moved}]
                    sources = moved
            if relation.journey and sources:  # those who travel with the subject flee with it
                sources = sources + self._listed_groups(ctx, head, sources) + self._companions(ctx, head) + [
                    q for c in head.children if c.dep_ in _SUBJ for q in self._companions(ctx, c)]
                helpers += self._protectors(ctx, head)
        elif voice == "passive":
            targets = subjects if cue.voice == "active" else subjects
            if verbal and doc[start].pos_ == "ADP" and doc[start].i != head.i and any(
                    ctx.norms[k] in ctx.one.get("requested_by", ()) for k in range(start, end)):
                # "detained BY KYRGYZ AUTHORITIES at the request of Uzbekistan": the request was made to
                # the doer of the passive the phrase is on, not to its subject (an invitation is still
                # the one who came's: "was received by Putin AT THE INVITATION OF Lavrov")
                targets = self._prep_objects(ctx, head, ("by",)) or targets
            if not targets and verbal and head.dep_ == "advcl" and head.head.pos_ in ("VERB", "AUX"):
                targets = self._subjects(ctx, head.head)  # ("crossed into Lebanon escorted by the army": who crossed)
            elif not targets and verbal and head.dep_ == "acl":
                targets = self._np(ctx, head.head)  # ("a convoy escorted by the army")
            last = doc[end - 1]
            # ("at the invitation OF Ouattara": the cue ends on the agent's preposition)
            sources = (self._prep_phrase(ctx, last, None) if last.pos_ == "ADP" and last.lower_ in cue.agent_preps
                       and last.i != head.i else []) or self._agents(ctx, head, cue)
        else:  # recipient: the subject got it (or got no answer) from the object or agent
            targets = subjects
            if not targets and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
                # "Malaysia hosted the meeting, FOLLOWING REQUESTS FROM Bangkok": the verb's subject
                targets = self._subjects(ctx, head.head)
            # "received a wanted notice FROM Interpol": who the thing received came from
            things = [c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"] if verbal else []
            sources = [p for t in things + ([head] if things else []) for p in self._prep_objects(ctx, t, ("from",))]
            sources = sources or self._objects(ctx, head, cue, doc[start:end]) or self._agents(ctx, head, cue)
            if not sources:  # "his appeal for help FROM Moscow was rebuffed", "his calls TO the Kremlin"
                sources = [p for c in head.children if c.dep_ in _SUBJ for t in c.subtree
                           if t.dep_ == "prep" and t.lower_ in cue.agent_preps + ("from",)
                           for p in self._prep_phrase(ctx, t, None)]
            if not sources and base.sources and verbal and head.dep_ == "conj" and head.head.i < head.i:
                # "sought assistance from Turkey and weapons from Egypt, the UAE and Jordan BUT WAS TURNED
                # DOWN": every party the clause before asked, not the last one named
                sources = self._asked(ctx, head.head, {p.actor for p in base.sources})
        if voice == "active" and not verbal and relation.go_between and not relation.journey:
            # "facilitated by THE MEDIATION OF presidents Sassou N'Guesso and Ouattara", "under the
            # mediation of Qatar": those after "of" mediated, for the ones the parse gave the noun
            ofs = self._resolved(ctx, self._prep_objects(ctx, head, ("of",)))
            if ofs:
                mine = {p.actor for p in ofs}
                rest = [p for p in sources + targets if p.actor not in mine]
                if not rest and head.dep_ == "pobj" and head.head.dep_ == "agent":
                    # ("HIS PRESENCE in Dakar had been facilitated by the mediation of ...": whose it was)
                    rest = [p for c in head.head.head.children if c.dep_ == "nsubjpass"
                            for p in self._np(ctx, c) or self._noun_subjects(ctx, c)]
                sources, targets = ofs, rest
        if base.sources and sources and sources is subjects and all(p.slot for p in sources):
            sources = []  # a pronoun: the token rules' reading of pronouns knows more ("HE justified ... HIS failure")
        # (the one who got it is none of those it came from: "the Ortega regime granted HIM asylum")
        named = {p.actor for p in targets if not p.slot} if voice == "recipient" else set()
        sources = self._resolved(ctx, sources, named) or ([] if self._nobody and voice == "active" else base.sources)
        if not came_from and self._session(ctx, head, voice, relation) and targets:
            # "after a mediation WITH Aziz and Condé": a mediation that is no one's own, told as a setting,
            # was held by those it is with, for the one the clause is about
            sources, targets = self._resolved(ctx, targets), sources
        targets = self._resolved(ctx, targets, {p.actor for p in sources})
        if voice == "recipient" and sources and targets and all(p.start >= end for p in sources):
            # ("The entourage ... WAS GREETED BY Ariyoshi and his wife, Jean; by Gen. Bazley and his wife,
            # Dolores": those named after the passive cue are its agents, none of them the one received)
            targets = [p for p in targets if p.start < end]
        if voice == "active" and relation.meets and verbal and head.lemma_ == "visit" and targets and \
                all(ctx.actors.kind(p.actor) == "place" for p in targets):
            # "visited Damascus FOR TALKS WITH the leader of Syria's new administration": the visit is
            # to the ones talked with, not to the place's state
            met = self._resolved(ctx, [p for c in head.children if c.dep_ == "prep" and c.lower_ == "for"
                                       for o in c.children if o.dep_ == "pobj"
                                       for p in self._prep_objects(ctx, o, ("with",))], {p.actor for p in sources})
            targets = met or targets
        if voice == "active" and relation.meets and verbal and targets and doc[end - 1].pos_ == "ADP":
            # "held talks with the head of Syria's new administration, AHMAD AL-SHARAA, FOREIGN MINISTER
            # SHIBANI and ...": the names after the cue's phrase the parser made another object of the verb
            cover, taken = self._cover(ctx), {p.actor for p in sources + targets}
            later = [q for c in head.children if c.dep_ == "dobj" and c.i >= end and c.i in cover and
                     ctx.actors.kind(cover[c.i].actor) == "person" and doc[c.i].left_edge.i > 0 and
                     doc[doc[c.i].left_edge.i - 1].text == "," for q in self._np(ctx, c)]
            targets = targets + self._resolved(ctx, [q for q in later if q.actor not in taken], taken)
        if voice == "active" and relation.meets and len(targets) > 1 and self._delegates(ctx, head, doc[start:end]):
            # "held a meeting with REPRESENTATIVES OF Russia, Turkey and the United States": one meeting,
            # each of those represented met the others (and the subject)
            every = list({p.actor: p for p in sources + targets}.values())
            return Arguments(every, [], voice, base.clause, base.proxies, joint=True)
        if not targets and voice == "passive" and any(c.dep_ == "nsubjpass" and c.pos_ == "PRON" for c in head.children):
            # "they were received by the Assam Rifles", "they" unresolved: nobody else was received
            return Arguments(sources, [], voice, base.clause, base.proxies, False, [])
        if voice == "active" and not relation.journey and "intermediary" in inferences:
            # "The Americans THROUGH the United Arab Emirates asked ...": who the contact went through
            helpers = [p for t in [head] + [c for c in head.children if c.dep_ in _SUBJ]
                       for p in self._prep_objects(ctx, t, ("through", "via"))]
            if not helpers:  # (the words, where the parse lost them: "the Americans through the UAE asked")
                cs = base.clause[0]
                helpers = [p for p in ctx.in_range(cs, start) if not p.slot and p.start > cs and
                           ctx.norms[p.start - 1 if ctx.norms[p.start - 1] != "the" else p.start - 2] in
                           ("through", "via")]
        if cue.joint and voice == "active":
            # those taking part with the subject ("joined the talks, along with his counterparts Y and Z")
            # (and the subject of the verb whose object a noun cue is: "Sharaa, ACCOMPANIED BY Shibani, held
            # DISCUSSIONS with Abbas")
            holder = head.head if not verbal and head.dep_ == "dobj" and head.head.i != head.i else head
            mates = self._resolved(ctx, self._companions(ctx, head, people_only=False) + [
                q for c in {*head.children, *holder.children} if c.dep_ in _SUBJ
                for q in self._companions(ctx, c, people_only=False)])
            ids = {p.actor for p in targets}
            sources = list({p.actor: p for p in sources + [m for m in mates if m.actor not in ids]}.values())
        if cue.joint and verbal and doc[end - 1].lower_ in ("between", "among", *ctx.one.get("together", ())):
            # "the deal was negotiated BETWEEN A, B and C", "the talks BROUGHT TOGETHER A, B and C": those it
            # was between, and no one else
            present = self._resolved(ctx, self._listed_after(ctx, doc[end - 1], end, base.clause[1]))
            if len(present) > 1:
                return Arguments(present, [], voice, base.clause, base.proxies, joint=True)
        if cue.joint and not verbal:
            present = [p for prep in ("between", "among") for p in self._prep_objects(ctx, head, (prep,))]
            if len(present) < 2 and doc[end - 1].lower_ in ("between", "among"):
                # "the talks BETWEEN Shevardnadze, opposition leaders Mikhail Saakashvili and Zurab Zhvania":
                # a list the parser broke up
                present = self._listed_after(ctx, doc[end - 1], end, base.clause[1])
            if doc[end - 1].lower_ == "of" and doc[end - 1].pos_ == "ADP":
                # "with the participation OF A, B and C": the list after the cue (where the parse
                # lost it, the names in the words: a state's adjective before a person is the title's)
                present += self._listed_after(ctx, doc[end - 1], end, base.clause[1])
            present += [p for c in head.children if c.dep_ == "acl" and c.lower_ in ("involving", "including")
                        for p in self._np_objects(ctx, c)]
            present = self._resolved(ctx, present)
            if len(present) > 1:  # those present met each other (and whoever holds the meeting)
                every = list({p.actor: p for p in sources + present}.values())
                return Arguments(every, [], voice, base.clause, base.proxies, joint=True)
            if any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in head.children):
                # "support talks between THE PARTIES": the parties are who the phrase names (here
                # no one), not the subject of the verb carrying the noun
                return Arguments(sources, [], voice, base.clause, base.proxies, False, [])
        if not targets and cue.joint and verbal and len(sources) > 1:
            host = self._resolved(ctx, self._host(ctx, head), {p.actor for p in sources})
            sources = sources + host  # "a summit hosted by Jordan, where A, B and C gathered"
        if not targets and cue.joint and len(sources) > 1 and not (verbal and any(
                c.dep_ == "dobj" and c.i >= end and (c.pos_ in ("PRON", "DET", "NUM") or c.lower_ in ctx.rules.quantity_nouns)
                for c in head.children)):
            # (not where the verb has an object that names no one: "A and B MET SOME OF THEM")
            return Arguments(sources, [], voice, base.clause, base.proxies, joint=True)
        if not targets and relation.journey and verbal and any(c.dep_ == "prt" and c.lower_ == "in" for c in head.children) \
                and any(c.dep_ == "dobj" for c in head.children):
            # "Ivory Coast TOOK him IN, housing him": sheltered, not carried anywhere
            return Arguments([], [], voice, base.clause, base.proxies, False, [])
        if not targets and relation.journey:
            targets = self._new_places(ctx, head, cue)
        if not targets and relation.journey and verbal and ctx.one.get("home_words"):
            # "the Kuwaiti hostages arrived HOME": the state the group belongs to
            home = next((c for t in [head, *doc[start:end]] for c in t.children
                         if c.dep_ in ("advmod", "npadvmod") and c.lower_ in ctx.one["home_words"]), None)
            owners = dict.fromkeys(getattr(ctx.actors.get(p.actor), "member_of", None) for p in sources) if home else {}
            targets = [Mention(o, home.text, home.idx, home.idx + len(home.text), home.i, home.i + 1)
                       for o in owners if o and ctx.actors.kind(o) == "state"]
        props = ctx.one.get("propositions", ())
        if not targets and relation.target_fallback and props and any(
                t.dep_ == "dobj" and t.pos_ == "PRON" and t.lower_ in props for t in head.subtree):
            # "was unwilling to accept THAT": what is refused is a proposition, not the last one named
            return Arguments(sources, [], voice, base.clause, base.proxies, False, helpers)
        if not targets and self._noobject and not relation.target_fallback:
            # (a refusal of a thing refuses whoever offered it: the token rules find the other party)
            return Arguments(sources, [], voice, base.clause, base.proxies, False, helpers)
        if not targets and verbal and relation.target_fallback and voice == "active" and head.dep_ == "conj" and \
                not any(c.dep_ in _OBJ or c.dep_ in ("prep", "ccomp") or c.dep_ == "xcomp" and any(
                    t.i in self._cover(ctx) for t in c.subtree) for c in head.children):
            # (or refused an act that names no one: "... but he REFUSED TO HELP")
            # "officials tried to convince Sharif to go back to London but HE REFUSED": the one asked
            # refused those who asked (not the last name before the cue)
            first, mine = head.head, {p.actor for p in sources}
            asked = [p for t in first.subtree if t.dep_ in _OBJ and t.i < head.i
                     for p in self._resolved(ctx, self._np(ctx, t)) if ctx.actors.kind(p.actor) in ("person", "group")]
            askers = {p.actor for p in self._resolved(ctx, self._subjects(ctx, first))}
            if len({p.actor for p in asked}) == 1 and mine and mine <= askers and any(
                    c.dep_ == "nsubj" and c.pos_ == "PRON" for c in head.children):
                sources, mine = asked[:1], {asked[0].actor}  # ("Putin asked Assad to stay but HE refused": Assad)
            if mine and mine <= {p.actor for p in asked}:
                targets = self._resolved(ctx, self._subjects(ctx, first), mine)
                if targets:
                    return Arguments(sources, targets, voice, base.clause, base.proxies, False, helpers)
        if not targets and verbal and relation.target_fallback and voice == "active" and \
                head.dep_ == "advcl" and self._noobject is False and any(
                c.dep_ == "dobj" and c.lower_ in ctx.one.get("permissions", ()) for c in head.children):
            # "Morales' plane was forced to land after France and Portugal REFUSED air permits": a passage
            # refused in a clause told about another is refused to the one that clause is about (the
            # owner of its craft)
            targets = self._resolved(ctx, self._main_party(ctx, head.head), {p.actor for p in sources})
        objects = [c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")] if verbal else []
        if verbal and not objects and not relation.target_fallback and not any(c.dep_ in _OBJ for c in head.children):
            # "organising and financing THE REBELLION": the object the verb shares with the one joined right
            # after it (not a refusal's: "refused and confirmed HIS ABILITY to go on" refused whoever asked)
            objects = [c for v in head.children if v.dep_ == "conj" and v.pos_ == "VERB" and v.i == head.i + 2
                       and doc[head.i + 1].lower_ in ("and", "or")
                       for c in v.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if not targets and relation.target_fallback and voice == "active":
            # "will not allow Assange safe PASSAGE": a passage refused is refused to the one it is for (the
            # parser may hang them on the passage)
            # ("denied safe passage FOR the former president")
            targets = self._resolved(ctx, [p for o in objects if o.lower_ in ctx.one.get("permissions", ())
                                           for p in [q for c in o.children if c.dep_ in ("nsubj", "poss", "compound", "nmod")
                                                     for q in self._np(ctx, c)] + self._prep_objects(ctx, o, ("for", "to"))],
                                     {p.actor for p in sources})
        if not targets and relation.target_fallback and voice == "active" and verbal and ctx.one.get("support"):
            # "refused to deploy to Aleppo TO DEFEND the Assad government", "decided to refrain from intervening
            # TO SUPPORT the Assad government": help withheld is refused to the one it would have served
            targets = self._resolved(ctx, self._served(ctx, head), {p.actor for p in sources})
        if not targets and voice == "active" and cue.target == "object" and not cue.target_preps and objects:
            # the object names no actor: the one it belongs to ("rejected a deal WITH the United States",
            # "a request FROM Damascus"), or, unless it is a person's title ("asked the former Syrian
            # leader"), nobody ("reached THE AIR BASE" is no contact with someone named later)
            targets = self._resolved(ctx, (relation.go_between and self._prep_objects(ctx, objects[0], (
                "between", "among"))) or self._inside(ctx, objects), {p.actor for p in sources})
            if not targets and not any(o.lower_ in self._envoys(ctx) for o in objects):
                return Arguments(sources, [], voice, base.clause, base.proxies, False, helpers)
        if not targets and verbal and voice == "active" and not relation.journey and cue.target == "object" and \
                not cue.target_preps and not objects and self._setting_only(ctx, head):
            # "helped IN THE DEFENSE of Saddam Hussein": the verb's one phrase is an activity it took part
            # in, not a party (the token rules would take the name inside it)
            return Arguments(sources, [], voice, base.clause, base.proxies, False, helpers)
        # (a group's own state or organisation moving it is no go-between: "Hezbollah withdrew its fighters")
        owners = {ctx.actors.get(p.actor).member_of for p in sources if ctx.actors.get(p.actor) is not None}
        # (nor a maker's name before its model number, nor the model: "the BOEING 707 tanker plane", "the
        # C-141 transport")
        helpers = [h for h in self._resolved(ctx, helpers, {p.actor for p in sources}) if h.actor not in owners
                   and not (0 <= h.end < len(doc) and doc[h.end].like_num) and not any(c.isdigit() for c in h.text)]
        if not targets and relation.go_between and not relation.journey and not verbal:
            # "the go-between IN Mugabe's talks with the armed forces": the sides of the talks it is in
            talks = [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "for", "during")
                     for o in c.children if o.dep_ == "pobj" and o.lower_ in ctx.one.get("gatherings", ())]
            sides = [p for o in talks for c in o.children if c.dep_ == "poss" for p in self._np(ctx, c)]
            targets = self._resolved(ctx, sides + self._inside(ctx, talks), {p.actor for p in sources})
        if not targets and base.targets:
            # (not who says it: "spoke with the Yemeni vice president, A WHITE HOUSE OFFICIAL said")
            base = base._replace(targets=[t for t in base.targets if not self._speaker(ctx, head, t)])
            if verbal and head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
                # (nor one outside a subordinate clause: "Just BEFORE Arafat LEFT by sea, soldiers left in a
                # convoy bound for Damascus": the convoy's destination is not Arafat's)
                lo, hi = head.left_edge.i, head.right_edge.i
                base = base._replace(targets=[t for t in base.targets if lo <= t.start and t.end - 1 <= hi])
        targets = targets or base.targets
        if self._groups_met and voice == "active":
            targets = self._with_groups_met(ctx, head, targets, sources)
        if targets and relation.journey and head.lower_ in ctx.one.get("sent_back", ()):
            # ("Lebanon EXPELLED 70 Syrian soldiers, sending them back to Syria": home is no flight)
            owners = {getattr(ctx.actors.get(p.actor), "member_of", None) for p in sources}
            targets = [t for t in self._resolved(ctx, targets) if t.actor not in owners]
        return Arguments(sources, targets, voice, base.clause, base.proxies, base.joint, helpers)

    @staticmethod
    def _speaker(ctx, head, mention) -> bool:
        """Whether ``mention`` is the subject of a speech verb ([markers] speech) other than the cue's."""
        speech = ctx.one.get("speech", ())
        tok = ctx.doc[mention.start]
        while tok.dep_ not in _SUBJ and tok.head.i != tok.i and tok.i != head.i:
            tok = tok.head
        verb = tok.head
        return tok.dep_ in _SUBJ and verb.i != head.i and verb.lower_ in speech and verb.pos_ in ("VERB", "AUX")

    def _brokered(self, ctx, word, start):
        """A participle describing the thing mediated ("a TURKISH-BROKERED deal between Russia and
        Ukraine", "talks MEDIATED BY Oman between Iran and the US", "agreed to a Qatari-mediated
        ceasefire"): who mediated is the word joined to it by a hyphen or its by-phrase; the parties
        are the thing's between-phrase, or the subjects of the verb it is the object of. ``None``
        where the words are not of that shape or name no mediator."""
        doc = ctx.doc
        if word.pos_ == "NOUN" and word.dep_ == "pobj" and word.head.dep_ == "prep" and \
                word.head.head.pos_ in ("VERB", "AUX"):
            return self._auspices(ctx, word)
        noun = word.head
        if word.dep_ not in ("amod", "acl") or noun.i == word.i or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        mediators = []
        if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            named = self._named_by(ctx, doc[start - 2])  # "TURKISH-brokered"
            mediators = [named] if named is not None else []
        if not mediators and word.dep_ == "acl":
            mediators = self._prep_objects(ctx, word, ("by",))
        if not mediators:
            return None
        parties = self._prep_objects(ctx, noun, ("between", "among")) + [  # (or hung on the mediator)
            p for t in word.subtree if t.dep_ == "prep" and t.lower_ in ("between", "among")
            for p in self._prep_phrase(ctx, t, None)]
        if not parties:
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head if (  # ("AFTER a deal, ...": no)
                noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ not in ctx.one["boundaries"]) \
                else None
            if verb is not None and verb.pos_ == "VERB":
                parties = self._subjects(ctx, verb)
        mediators = self._resolved(ctx, mediators)
        parties = self._resolved(ctx, parties, {p.actor for p in mediators})
        # (no party read: no edge, rather than a name elsewhere in the sentence: "Kyrgyzstan's ousted
        # president fled, in a deal brokered by Russia" did not mediate for Kyrgyzstan)
        return (mediators, parties) if mediators else None

    def _named_by(self, ctx, tok):
        """The party one word names: the mention covering it, or the state of a demonym ("QATARI"), or None."""
        cover = self._cover(ctx)
        if tok.i in cover:
            return cover[tok.i]
        return _demonym_mention(ctx, tok) if tok.lower_ in ctx.rules.demonym_state else None

    @staticmethod
    def _delegates(ctx, head, trigger) -> bool:
        """Whether the party of a contact is a list of those represented by a delegates' noun ("met
        with REPRESENTATIVES OF A, B and C", "talks with the delegations of A and B", "a meeting with
        officials FROM A, B and C")."""
        envoys = ctx.rules.group_words.envoys
        last = trigger[-1]
        preps = [last] if last.pos_ == "ADP" else [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
        return any(o.dep_ == "pobj" and o.lower_ in envoys and any(
            c.dep_ == "prep" and c.lower_ in _GROUP_PREPS and any(g.dep_ == "pobj" and any(
                k.dep_ == "conj" for k in g.children) for g in c.children) for c in o.children)
            for prep in preps for o in prep.children)

    @staticmethod
    def _home(ctx, movers, helpers) -> list:
        """Where those brought home by their own state go: that state ("IRAN repatriated its nationals")."""
        out = {}
        for p in movers:
            owner = getattr(ctx.actors.get(p.actor), "member_of", None)
            if owner is None or ctx.actors.kind(owner) != "state" or owner in out:
                continue
            named = [h for h in helpers if h.actor == owner]
            if named:
                out[owner] = named[0]
        return list(out.values())

    def _auspices(self, ctx, noun):
        """A go-between's noun owned by its mediator, in a phrase setting the scene of a verb ("WITH
        QATARI MEDIATION, Russia and Turkey agreed", "under Egypt's sponsorship, the factions signed"):
        the owner mediated for the verb's subjects (or for those the noun is between). ``None`` where
        the noun has no owner named (the usual reading, and ``_session``'s, apply)."""
        mediators = [p for c in noun.children if c.dep_ == "poss" for p in self._np(ctx, c)] + [
            m for c in noun.children if c.dep_ in ("amod", "compound") for m in [self._named_by(ctx, c)] if m is not None]
        mediators = self._resolved(ctx, mediators)
        if not mediators:  # (no owner: "after a mediation WITH A and B" is read by _session; else no one)
            return None if any(c.dep_ == "prep" for c in noun.children) else ([], [])
        verb = noun.head.head
        # (and whom they dealt with: "the rebels concluded a settlement WITH Damascus")
        parties = self._prep_objects(ctx, noun, ("between", "among")) or self._subjects(ctx, verb) + [
            p for t in [verb] + [c for c in verb.children if c.dep_ == "dobj"]
            for p in self._prep_objects(ctx, t, ("with",))]
        return mediators, self._resolved(ctx, parties, {p.actor for p in mediators})

    def _thing_taken(self, ctx, verb) -> bool:
        """Whether the object of ``verb`` is a thing: no one named in it, no group, place or craft noun."""
        cover, one = self._cover(ctx), ctx.one
        things = ctx.rules.group_words.people | set(one["place_nouns"]) | set(one.get("vehicles", ())) | \
            set(one["party_nouns"]) | set(ctx.rules.quantity_nouns) | {"country", "countries", "capital"}
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        return bool(objs) and all(o.pos_ == "NOUN" and o.lower_ not in things and o.i not in cover and not any(
            c.i in cover for c in o.children if c.dep_ in ("compound", "nmod", "appos", "amod")) for o in objs)

    def _main_party(self, ctx, verb) -> list:
        """Who the clause of ``verb`` is about: its subject, or the owner of the craft that is its subject
        ("MORALES' plane was forced to land")."""
        found = self._subjects(ctx, verb)
        if found:
            return found
        vehicles = ctx.one.get("vehicles", ())
        return [p for c in verb.children if c.dep_ in _SUBJ and c.lower_ in vehicles
                for o in c.children if o.dep_ in ("poss", "nmod") for p in self._np(ctx, o)]

    def _listed_after(self, ctx, prep, end, clause_end) -> list:
        """The list a cue's last preposition governs ("with the participation OF A, B and C"); where the
        parse lost it, the names in the words up to the clause's end (a state's adjective right before
        a person is the title's: "the Russian President Dmitry Medvedev" is one party)."""
        after = self._prep_phrase(ctx, prep, None)
        if len(after) >= 2:
            return after
        doc = ctx.doc
        # (up to the list's verb: "the talks between A, B and C were held ... and overseen by D")
        clause_end = next((k for k in range(end, clause_end) if doc[k].pos_ in ("VERB", "AUX")), clause_end)
        named = [p for p in ctx.in_range(end, clause_end) if not p.slot]
        return [p for k, p in enumerate(named) if not (
            k + 1 < len(named) and ctx.actors.kind(p.actor) == "state" and
            ctx.actors.kind(named[k + 1].actor) == "person" and named[k + 1].start - p.end <= 3 and
            "," not in ctx.norms[p.end:named[k + 1].start])]

    @staticmethod
    def _session(ctx, noun, voice, relation) -> bool:
        """A go-between's noun with no owner of its own ("after a mediation with A and B"), inside a
        preposition's phrase: the ones it is with are the go-betweens. (Its object or subject, "offered
        mediation with A", "A's mediation with B", keeps the usual reading.)"""
        return (relation.go_between and not relation.journey and voice == "active"
                and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj"
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
                and not any(c.dep_ in ("poss", "amod") and (c.dep_ == "poss" or c.i in DepArguments._cover(ctx))
                            for c in noun.children)
                and not any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children))

    def _setting_only(self, ctx, verb) -> bool:
        """Whether the verb's only prepositional phrases are settings ([clauses] locative) headed by a
        thing: a common noun no one is named in, neither a person's title nor a move ("IN the defense",
        not "in the evacuation of Assad")."""
        preps = [c for c in verb.children if c.dep_ == "prep"]
        if not preps:
            return False
        cover, event = self._cover(ctx), ctx.one["event_nouns"]
        for prep in preps:
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if prep.lower_ not in ctx.one["locative"] or not objs or any(
                    o.pos_ != "NOUN" or o.i in cover or o.lower_ in event or o.lower_ in self._envoys(ctx)
                    for o in objs):
                return False
        return True

    @staticmethod
    def _resolved(ctx, parties, exclude=()) -> list:
        out, ids = [], set()
        listed = []
        for p in parties:  # and the actors listed with it, as the words say ("Qatar's Emir and Turkey's ...")
            listed.append(p)
            if not p.slot and p in ctx.parties:
                listed.extend(q for q in ctx.coordinated(ctx.parties, p) if q is not p and _listed(ctx.doc, p, q)
                              and not _kin_apposition(ctx, q, DepArguments._envoys(ctx))
                              and not _owner_of_named(ctx, q))
        for p in listed:
            r = ctx.resolved(p, exclude)
            if r is not None and r.actor not in ids and r.actor not in exclude:
                ids.add(r.actor)
                out.append(r)
        return out



def _of_relative(tok) -> bool:
    """"MANY OF WHOM fled", "some of which": a part of the relative clause's noun is its subject."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in _RELATIVE
                                                             for o in c.children) for c in tok.children)


def _counted(ctx, tok):
    """The group a word of quantity counts ("DOZENS of officials": officials), or ``tok`` itself."""
    if tok.lower_ not in ctx.rules.quantity_nouns:
        return tok
    return next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), tok)


def _unnamed_group(ctx, span, *more) -> Mention:
    """A group no table names, as the words of ``span`` name it: discovered once (its label and the
    fuller phrases ``more`` as aliases), and its mention there."""
    label = " ".join(span.text.split())
    gid = "group_" + discovered_id(label)[2:]
    if ctx.actors.get(gid) is None:
        aliases = tuple(dict.fromkeys(" ".join(x.split()) for x in (label, *more) if x.strip()))
        ctx.actors.discovered[gid] = Actor(id=gid, label=label, kind="group", aliases=aliases, discovered=True)
    return Mention(gid, span.text, span.start_char, span.end_char, span.start, span.end)


def _demonym_mention(ctx, tok):
    """The state a demonym word stands for, as a mention of that word ("RUSSIAN sponsorship")."""
    state = ctx.rules.demonym_state[tok.lower_]
    return Mention(state.id, tok.text, tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1)

def _root(doc, start, end):
    """The word of tokens [start, end) that heads them in the tree (its head lies outside them)."""
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t
    return doc[start]


def _path(tok, top) -> list:
    """The tokens from ``tok`` up to (not including) its ancestor ``top``."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i and len(out) < 50:
        out.append(tok)
        tok = tok.head
    return out


def _past_conjunct_verb(head, child) -> bool:
    """Whether a verb joined to ``head`` ("and married") stands between it and its ``child``."""
    lo, hi = sorted((head.i, child.i))
    return any(t.dep_ == "conj" and t.head.i == head.i and t.pos_ in ("VERB", "AUX") for t in head.doc[lo + 1:hi])


def _controller(verb):
    """The verb whose subject a subjectless infinitive or participle takes ("Soldiers STARTED fleeing",
    "aircraft are CONTINUING to evacuate")."""
    while verb.dep_ == "xcomp" and not any(c.dep_ in _SUBJ for c in verb.children) and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _group_mention(ctx, owner, tok, surface) -> Mention:
    """``tok`` (a group noun) as the mention of ``owner``'s group, the group registered as discovered
    where no table has it ("its fighters", "two bodyguards" of a traveller, "personnel" a state moves)."""
    group = group_actor(owner, ctx.rules.group_words.canonical(tok.lower_), surface)
    if ctx.actors.get(group.id) is None:
        ctx.actors.discovered[group.id] = group
    elif group.id in ctx.actors.discovered:  # (every naming among its aliases: "personnel of the Russian
        # foreign missions in Damascus")
        remember(ctx.actors.discovered, group, surface)
    return Mention(group.id, tok.text, tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1)


def _kin_apposition(ctx, q, titles) -> bool:
    """"Jared Kushner, President Donald Trump's SON-IN-LAW": a family whose owner is named, right after a
    person and a comma (titles skipped), says who that person is; it is no one else on the list (unlike
    "Assad, HIS WIFE and two bodyguards")."""
    member = ctx.actors.get(q.actor)
    if member is None or member.kind != "group" or q.actor != group_id(member.member_of or "", KIN_GROUP) or \
            q.start < 2 or ctx.doc[q.start].pos_ == "PRON":
        return False
    j = q.start - 1
    while j > 0 and ctx.doc[j].lower_ in titles:
        j -= 1
    if ctx.doc[j].text != ",":
        return False
    prev = DepArguments._cover(ctx).get(j - 1)
    return prev is not None and ctx.actors.kind(prev.actor) == "person"


def _listed(doc, p, q) -> bool:
    """Whether the parse agrees that two mentions the words list together are one list: joined by
    ``conj`` or ``appos`` (directly, or through the nouns they modify: "Qatar's Emir and Turkey's
    minister"). "talks in Doha WITH Iran" and "talks with Erdogan, European Commission President
    ..." are no lists."""
    if _modifier(doc, p, q) or _opens_clause(doc, q if p.end <= q.start else p):
        return False

    def descriptor(m):  # "OPPOSITION supporter Turkey", "the PALESTINE guerrilla chief": a name that only
        # describes the noun after it (right after it, or after other words of that noun)
        r = _root(doc, m.start, m.end)
        h = r.head.i
        return m.end < len(doc) and m.end <= h < m.end + 3 and doc[h].pos_ == "NOUN" and (
            r.dep_ == "compound" or r.dep_ == "amod" and r.pos_ == "PROPN" or
            r.dep_ == "nmod" and not any(c.dep_ == "case" for c in r.children)) and all(
            doc[k].dep_ in ("compound", "amod") and doc[k].head.i == h and doc[k].is_lower for k in range(m.end, h))

    if descriptor(p) or descriptor(q):
        return False

    def chain(m):
        r = _root(doc, m.start, m.end)
        while r.dep_ in ("poss", "compound", "nmod", "case") and r.head.i != r.i:  # the noun it modifies
            r = r.head
        out = {r.i}
        while r.dep_ in ("conj", "appos") and r.head.i != r.i and len(out) < 50:
            r = r.head
            out.add(r.i)
        return out

    a, b = chain(p), chain(q)
    return bool(a & b)


def _owner_of_named(ctx, m) -> bool:
    """Whether a mention is the possessor of a title before another's name ("THAILAND'S acting Prime
    Minister Phumtham Wechayachai"): it describes that person, no party of the list."""
    cover, doc = DepArguments._cover(ctx), ctx.doc
    if m.end >= len(doc) or ctx.norms[m.end] != "'s":
        return False
    # (by the words: the parser may lose a typographic "’s")
    for k in range(m.end + 1, min(m.end + 6, len(doc))):
        q = cover.get(k)
        if q is not None:
            return q is not m and not q.slot and ctx.actors.kind(q.actor) == "person"
        if doc[k].is_punct or ctx.norms[k] in ctx.one["coordination"]:
            return False
    return False


def _opens_clause(doc, m=None, end=None) -> bool:
    """Whether a mention (or the words up to ``end``) is the subject of the verb right after it, which
    the parse left without one ("retreated to Lebanon and QUSAYR was seized": the parser joins Qusayr
    to Lebanon and gives "was seized" no subject): a clause of its own, not the last of a list."""
    end = m.end if end is None else end
    if end >= len(doc):
        return False
    t = doc[end]
    if t.pos_ not in ("AUX", "VERB") or t.tag_ in ("VBG", "VBN", "TO"):
        return False
    verb = t.head if t.dep_ in ("aux", "auxpass") else t
    return verb.pos_ in ("AUX", "VERB") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _modifier(doc, p, q) -> bool:
    """Whether the parse makes one of two nearby mentions a prepositional phrase of the other
    ("Hmeimim air base ON the Mediterranean coast"): a setting, not a member of a list."""
    a, b = (p, q) if p.end <= q.start else (q, p)
    return any(t.dep_ == "prep" and a.start <= t.head.i < a.end for t in doc[a.end:b.start])


__all__ = ["DepArguments"]
