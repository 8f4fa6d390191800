"""One Arabic sentence: its clauses, the actors named in it, and the word-order rules that
pick a cue's source and target (used by :mod:`.arabic`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...nlp.arabic import _CONJUNCTIONS, _TASHKEEL, normalise
from ...records import Mention
from .arabic_attribution import AttributionRules
from .arabic_journeys import JourneyRules

if TYPE_CHECKING:
    from .arabic import ArabicExtractor


def _plain_word(text: str) -> str:
    return _TASHKEEL.sub("", text)


class _Sentence(JourneyRules, AttributionRules):
    """One Arabic sentence: clauses, parties, and the word-order rules."""

    def __init__(self, ex: ArabicExtractor, view, norms):
        doc, start, end = view.doc, view.start, view.end
        self.ex, self.view, self.doc, self.norms, self.start, self.end = ex, view, doc, norms, start, end
        self.parties = parties = view.mentions
        self.start_char, self.end_char = view.start_char, view.end_char
        one = ex.one
        self.bounds = [start] + [i for i in range(start + 1, end)
                                 if norms[i] in one.get("boundaries", ()) or doc[i].text in ("؛", ";", ":")]
        self.cue_starts: list = []  # where the sentence's cues start (a target lies before the next one)
        self.askers: list = []  # sources of the sentence's earlier cues ("حاول الأسد الاتصال ...")
        self.parties = self._without_title_owners(sorted(parties + self._counterparts(), key=lambda p: p.start))
        self.parties = sorted(self.parties + self._countries() + self._latter(), key=lambda p: p.start)
        self.last_sources: list = []  # the previous cue's sources ("زار دمشق والتقى الشرع": the same visitor)
        self.companions = self._after_words("companions", lambda p: ex.kind(p.actor) in ("person", "group"))
        # those with the subject by a word that is no preposition ("برفقة وزير الخارجية"; not "مع", the "with"
        # of "met with"): they take part in its meeting, and are no object of it
        preps = ex.one.get("prepositions", ())
        self.along = [(i, q) for i, q in self.companions if norms[i].lstrip("و") not in preps]
        self.escorts = self._after_words("escorts", lambda p: ex.as_party(p.actor) is not None, reach=4)
        # parties that are no clause's subject: companions, and those inside a relative clause
        aside = {p.start for _, p in self.companions} | {p.start for _, p in self.escorts}
        relative = ex.one.get("relative", ())
        for b in self.bounds:
            if b > start and norms[b] in relative:
                stop = next((k for k in range(b + 1, end) if doc[k].is_punct or k in self.bounds), end)
                aside.update(p.start for p in self.parties if b < p.start < stop)
        aside.update(self._appositions())
        self.aside = aside
        self.travellers: list = []  # the sources of the sentence's journey cues, with or without a target
        self._nominative = {p.start: self._is_nominative(p) for p in self.parties}

    def _counterparts(self):
        """"بحث فيدان مع نظيره القطري": the owner's role with the other nationality names the person."""
        out = []
        for i in range(self.start, self.end - 1):
            if self.norms[i] not in self.ex.one.get("counterpart", ()):
                continue
            adj = self.norms[i + 1]
            owner = self._person_before(i)
            actor = owner and self.ex.index.actors.get(owner.actor)
            if not actor or not adj.startswith("ال"):
                continue
            for role in self.ex.index.table.roles_of(actor.id):
                words = [normalise(w) for w in role.split()]
                if len(words) > 1 and words[-1].startswith("ال") and words[-1] != adj:
                    found = self.ex.names.get(" ".join(words[:-1] + [adj]))
                    if found and found != actor.id:
                        span = self.doc[i:i + 2]
                        out.append(Mention(found, span.text, span.start_char, span.end_char, i, i + 2))
                        break
        return out

    def _person_before(self, i):
        """The person named last before token ``i`` in the sentence, or None."""
        return next((p for p in reversed(self.parties) if p.end <= i and self.ex.kind(p.actor) == "person"), None)

    def _countries(self):
        """"قال فيدان إن بلاده أبلغت موسكو": the state of the person named last before "his country"
        ([pronouns] country), by the alias table's roles."""
        words, out = self.ex.one.get("country", ()), []
        for i in range(self.start, self.end):
            if self.norms[i] not in words or any(p.start <= i < p.end for p in self.parties):
                continue
            owner = self._person_before(i)
            state = owner and self.ex.index.state_of.get(owner.actor)
            if state:
                span = self.doc[i:i + 1]
                out.append(Mention(state, span.text, span.start_char, span.end_char, i, i + 1))
        return out

    def _latter(self):
        """"ما دفع الأخير للسفر" (which drove the latter to travel, [pronouns] latter): the party named last
        before it in the sentence, a person first unless the word is feminine (ends in ة). Not an adjective after a noun with
        the article ("الاجتماع الأخير", the last meeting)."""
        words, out = self.ex.one.get("latter", ()), []
        for i in range(self.start + 1, self.end):
            if self.norms[i] not in words or any(p.start <= i < p.end for p in self.parties) or \
                    self.norms[i - 1].startswith(("ال", "وال", "بال", "لل", "فال")):
                continue
            before = [p for p in self.parties if p.end <= i and self.ex.kind(p.actor) not in self.ex.settings_kinds]
            person = [p for p in before if self.ex.kind(p.actor) == "person"]
            found = before[-1:] if _plain_word(self.doc[i].text).endswith("ة") else (person or before)[-1:]
            if found:
                span = self.doc[i:i + 1]
                out.append(Mention(found[0].actor, span.text, span.start_char, span.end_char, i, i + 1))
        return out

    def _appositions(self):
        """"بثينة شعبان، المستشارة الإعلامية للرئيس السوري السابق بشار الأسد، دخلت": those named in a
        description set between commas after a person (opened by a title, a family word or a word with
        the article) are no subject of the sentence."""
        out = set()
        titles, kin = self.ex.title_words, self.ex.mentions.groups.kin if self.ex.mentions.groups else set()
        for p in self.parties:
            c = p.end
            if self.ex.kind(p.actor) != "person" or c + 1 >= self.end or self.doc[c].text not in ("،", ","):
                continue
            first = self.norms[c + 1]
            named = any(q.start == c + 1 for q in self.parties)
            # (a party right after the comma heads a list, unless a title opens it: "ماهر الأسد، شقيق بشار")
            if (named and first not in titles) or not (first in titles or first in kin or first.startswith("ال")):
                continue
            stop = next((k for k in range(c + 1, self.end) if self.doc[k].text in ("،", ",", ".", "؛")), self.end)
            out.update(q.start for q in self.parties if c < q.start < stop)
        # and the other way round: "المستشارة الإعلامية للرئيس السوري السابق بشار الأسد، بثينة شعبان دخلت":
        # the person whose title a description opens with, set before the named holder and a comma, is
        # no subject (the holder is)
        for k, p in enumerate(self.parties[:-1]):
            q, c = self.parties[k + 1], p.end
            if self.ex.kind(p.actor) != "person" or self.ex.kind(q.actor) != "person" or q.start != c + 1 \
                    or self.doc[c].text not in ("،", ","):
                continue
            same = [p]  # (one person named twice: "الرئيس السوري السابق بشار الأسد")
            for r in reversed(self.parties[:k]):
                if r.actor != p.actor or same[-1].start - r.end > 2:
                    break
                same.append(r)
            first = same[-1].start
            before = [j for j in range(max(self.start, first - 6), first)
                      if self._title_word(self.norms[j]) and not any(r.start <= j < r.end for r in self.parties)]
            if before and not any(before[-1] < r.start < first for r in self.parties):
                out.update(r.start for r in same)
        return out

    def _title_word(self, word) -> bool:
        """Whether ``word`` is a title, with or without a joined preposition ("للرئيس", "لمستشار")."""
        titles = self.ex.title_words
        if word in titles:
            return True
        return any(word.startswith(prep) and (word[len(prep):] in titles or (
            prep == "ل" and word.startswith("لل") and "ال" + word[2:] in titles))
            for prep in self.ex.one.get("joined_prepositions", ()))

    def _without_title_owners(self, parties):
        """"وزير خارجية النظام السوري، بسام الصباغ": a state or group named inside a title, before
        the person holding it, is whose the title is, not a party of its own."""
        out = []
        for k, p in enumerate(parties):
            nxt = parties[k + 1] if k + 1 < len(parties) else None
            if self.ex.kind(p.actor) != "person" and nxt is not None and self.ex.kind(nxt.actor) == "person" \
                    and nxt.start - p.end <= 2 and all(self.doc[i].is_punct for i in range(p.end, nxt.start)) \
                    and any(0 <= p.start - (i + n) <= 1 for i in range(max(self.start, p.start - 3), p.start)
                            for n in (self.ex._phrase_at(self.norms, i, "titles"),) if n):
                continue
            if self.ex.kind(p.actor) == "person" and nxt is not None and self.ex.kind(nxt.actor) == "person" \
                    and nxt.actor != p.actor and 0 < nxt.start - p.end <= 3 \
                    and self.doc[p.end].is_punct and all(self.doc[i].is_punct or self.norms[i] in self.ex.title_words
                                                         for i in range(p.end, nxt.start)) \
                    and (self.ex._phrase_at(self.norms, p.start, "titles") or self.norms[p.start][1:] in self.ex.title_words
                         and self.norms[p.start][:1] == "و"):
                # ("استقبل الرئيس السوري، أحمد الشرع": the title is the one named after its comma; so is a joined
                # one with an honorific: "، ووزير الخارجية السوري، السيد أسعد الشيباني")
                continue
            out.append(p)
        return out

    def clause_of(self, i):
        cs = max(b for b in self.bounds if b <= i)
        later = [b for b in self.bounds if b > i]
        return cs, (later[0] if later else self.end)

    def _prev(self, i):
        j = i - 1
        skip = self.ex.one.get("determiners", ())
        # (and a state's adjective after such a word: "إلى العاصمة الروسية موسكو")
        # (a hashtag's sign is no word: "توجه إلى #سوريا")
        while j >= self.start and (self.doc[j].is_quote or self.doc[j].text in ("(", ")", "#") or self.norms[j] in skip or (
                self.norms[j] in self.ex.demonym_of and j - 1 >= self.start and self.norms[j - 1] in skip)):
            j -= 1
        return j

    def _is_nominative(self, p) -> bool:
        j = self._prev(p.start)
        if j >= self.start and self.norms[j] in self.ex.one.get("prepositions", ()):
            return False
        if self.ex._joined_preposition(p.text):
            return False
        if self._where(p):
            return False
        if self._construct_owner(p, j):
            return False  # "من نظام بشار الأسد": the regime's owner, no subject ([clauses] construct_nouns)
        if j >= self.start and _plain_word(self.doc[j].text).endswith("ة") and j == p.start - 1 and \
                not self.norms[j].startswith(("ال", "وال", "بال", "لل", "فال")) and \
                self.norms[j] not in self.ex.title_words and not self.ex.mentions.quantity(self.norms[j]) and not any(
                w in self.ex.matcher.by_first for w in (self.norms[j], self.norms[j][1:], self.norms[j][2:])):
            # "سلامة الأسد": after a noun without the article (ة ends no verb) a name is its genitive
            # ("رئيس الاستخبارات التركية إبراهيم كالين" is not); a cue's own noun's genitive is its
            # subject ("زيارة الشرع")
            return False
        # "للرئيس السوري بشار الأسد": a joined preposition on the title of the name
        t = self.norms[p.start]
        for prep in self.ex.one.get("joined_prepositions", ()):
            rest = "ا" + t[2:] if prep == "ل" and t.startswith("لل") else t[len(prep):]
            if t.startswith(prep) and rest in self.ex.title_words:
                return False
        return True

    def _where(self, p) -> bool:
        """"في صالون الشرف بمطار «نيامي»": a place right after a noun written with a joined preposition
        ([clauses] joined_prepositions: "بمطار", at the airport) is that noun's genitive, where something
        happens, neither a subject nor a party."""
        j = self._prev(p.start)
        if j < self.start or self.ex.kind(p.actor) not in self.ex.settings_kinds or self.norms[j].startswith("ال") \
                or any(q.start <= j < q.end for q in self.parties):
            return False
        word = self.norms[j]
        return any(word.startswith(prep) and len(word) > len(prep) + 2 for prep in self.ex.one.get("joined_prepositions", ()))

    def _construct_owner(self, p, j) -> bool:
        """Whether ``p`` follows (at ``j``) a noun of [clauses] construct_nouns ("أقارب مسؤولين سوريين"), or
        one of regime_nouns that is a preposition's object: a separate preposition before it ("مقربة من
        نظام بشار الأسد") or a joined one ("لنظام")."""
        if j != p.start - 1 or j < self.start:
            return False
        word = self.norms[j]
        # (the word as written, or without a joined و or ف: "وأقارب"; "فلول" is a word of its own)
        forms = (word, word[1:]) if word[:1] in ("و", "ف") else (word,)
        if any(w in self.ex.one.get("construct_nouns", ()) for w in forms):
            return True
        regime = self.ex.one.get("regime_nouns", ())
        if any(w in regime for w in forms):
            k = self._prev(j)
            return k >= self.start and self.norms[k] in self.ex.one.get("prepositions", ())
        return any(w.startswith(prep) and w[len(prep):] in regime
                   for w in forms for prep in self.ex.one.get("joined_prepositions", ()))

    def nominative(self, p) -> bool:
        return self._nominative.get(p.start, True)

    def _joined_and(self, p) -> bool:
        """"وروسيا", "ورجل الأعمال رئيف قوتلي", "ووزير ...", "وعائلته": a party written with a joined و
        (not "وزير", "وليد جنبلاط")."""
        t = normalise(p.text)
        if t[:1] != "و":
            return False
        first = t.split()[0][1:]
        return t[1:] in self.ex.names or first in self.ex.title_words or (
            self.ex.kind(p.actor) == "group" and self.ex.mentions.group_word(self.doc, self.norms, p.start))

    def first_subject(self):
        return next((p for p in self.parties if self.nominative(p) and p.start not in self.aside
                     and self.ex.kind(p.actor) in ("person", "group")), None)

    def listed_after(self, hit, ce) -> list:
        """The actors listed right after a cue that ends on its preposition ("المحادثات بين A و B")."""
        after = [p for p in self.parties if hit.end <= p.start < ce]
        return self._list_from(after[0]) if after and after[0].start - hit.end <= 2 else []

    def listed_with(self, p) -> list:
        """``p`` and the actors listed with it (see :meth:`_list_from`)."""
        return self._list_from(p) if p.start >= 0 else [p]

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
                if step > 0 and self._in_title(lo, q, coord, self.parties[j + 1] if j + 1 < len(self.parties) else None):
                    j += step  # ("ووزير الخارجية": the ministry's word inside the next one's title)
                    continue
                titled = self._titled_gap(lo, hi, coord)
                if not titled and (not 0 <= hi - lo <= 3 or not all(self.norms[k] in coord for k in range(lo, hi))):
                    break
                later = q if step > 0 else out[0]
                if hi == lo and not self._joined_and(later):
                    break  # "التقى بوتين أردوغان": subject then object, not a list
                aside = getattr(self, "aside", ())
                if ((out[-1] if step > 0 else q).start in aside) != (later.start in aside):
                    break  # "ماهر الأسد، شقيق بشار،": a description (or companions), not the list
                if step < 0:
                    out.insert(0, q)
                else:
                    out.append(q)
                j += step
        return [q for q in out if q.actor not in exclude]

    def _title_after(self, lo, hi, coord):
        """(where, how long) of a title that opens at ``lo`` after at most two joining words and
        before ``hi``; (where, 0) where none does."""
        k = lo
        while k < hi and self.norms[k] in coord:
            k += 1
        return k, (self.ex.mentions._title_at(self.norms, k) if k < hi and k - lo <= 2 else 0)

    def _in_title(self, lo, q, coord, after=None) -> bool:
        """Whether party ``q`` lies inside a title that opens, after joining words, at ``lo``, or is the
        title's ministry with the person's name right after it ("ووزير الخارجية أسعد الشيباني")."""
        k, n = self._title_after(lo, q.start, coord)
        if not n:
            return False
        return q.end <= k + n or (q.start == k + n and after is not None and after.start == q.end
                                  and self.ex.kind(after.actor) == "person" and q.end - q.start == 1)

    def _titled_gap(self, lo, hi, coord) -> bool:
        """Whether the words between two listed names are a joining و and the second's title with no
        name of its own ("أحمد الشرع، ووزير الخارجية أسعد الشيباني": the list goes on)."""
        k, n = self._title_after(lo, hi, coord)
        joined = k < hi and (self.norms[k].startswith("و") or any(self.norms[j] in ("و", "وكذلك") for j in range(lo, k)))
        # (and the ministry's word: "ووزير الخارجية"; or its state's adjective, a comma and a title before the
        # name: "، ووزير الخارجية السوري، السيد أسعد الشيباني")
        gap = [j for j in range(k + n, hi) if not (self.doc[j].is_punct or self.norms[j] in self.ex.demonym_of
                                                   or self.norms[j] in self.ex.title_words)]
        return joined and bool(n) and 0 <= hi - (k + n) <= 4 and len(gap) <= 1

    def _fits(self, p, relation, side):
        kinds = relation.source_kinds if side == "source" else relation.target_kinds
        if kinds:
            return self.ex.kind(p.actor) in kinds
        return self.ex.as_party(p.actor) is not None

    def _last_word(self, hit) -> str:
        """The cue's last word without its proclitic ("بالتنسيق مع" -> "مع", "بدخول" -> "دخول")."""
        word = self.norms[hit.end - 1]
        if hit.end - 1 == hit.start and word not in self.ex.matcher.by_first:
            for p in self.ex.matcher.prefixes:
                if word.startswith(p.letters) and word[len(p.letters):] in self.ex.matcher.by_first:
                    return word[len(p.letters):]
        return word

    def owned(self, hit) -> bool:
        """"لقائه", "مغادرته", "تهريبهم": the cue's noun carries its owner as a pronoun suffix
        ([pronouns] possessive), so the actor after it is its object, not its subject. The word less
        the suffix must be a cue itself ("مغادرت" -> "مغادرة"), so "توجه" (went) is not "توج" + "ه"."""
        if hit.end - hit.start != 1:
            return False
        raw, word = _TASHKEEL.sub("", self.doc[hit.start].text), self._last_word(hit)
        cues = self.ex.matcher.by_first
        for suffix in self.ex.suffixes:
            if not raw.endswith(suffix) or len(word) <= len(suffix) + 2:
                continue
            stem = word[:-len(suffix)]
            if stem in cues or (stem[-1] == "ت" and stem[:-1] + "ه" in cues) or (stem[-1] == "ئ" and stem[:-1] + "ء" in cues) \
                    or (stem[-1] == "ئ" and stem[:-1] + "ا" in cues):
                return True
        return False

    def sources(self, hit, cs, ce, relation, last_subject):
        inside = [p for p in self.parties if hit.start < p.start and p.end <= hit.end and self.nominative(p)
                  and self._fits(p, relation, "source")]
        if inside:
            return self._list_from(inside[0])  # "تلقى الأسد اتصالا من": the subject inside a gapped cue
        before = [p for p in self.parties if cs <= p.start and p.end <= hit.start and self.nominative(p)
                  and self._fits(p, relation, "source") and p.start not in self.aside]
        if self.last_sources and self.norms[hit.start][:1] in _CONJUNCTIONS and hit.prefix == "" and \
                self.norms[hit.start] not in self.ex.matcher.by_first and (
                    not before or self.ex.kind(before[-1].actor) in self.ex.settings_kinds) and \
                [p for p in self.last_sources if self._fits(p, relation, "source")]:
            # "زار دمشق والتقى الشرع": a verb joined by و to the previous cue shares its subject
            return [p for p in self.last_sources if self._fits(p, relation, "source")]
        if before and hit.start - before[-1].end <= 2 and not self.owned(hit) and not any(
                before[-1].end <= p.start < hit.start and self.nominative(p)
                for p in self.parties):  # (not "غادر ماهر دمشق بعد هروب": دمشق is the object between)
            return self._list_from(before[-1])
        last = self._last_word(hit)
        if last.startswith("ال") and last.endswith(("ين", "ون")) and hit.end - hit.start == 1:
            # "الهاربين عبر مطار دمشق هم: ...": a participle with the article names those who flee;
            # it is a subject's only when it describes the group right before it
            near = [p for p in before if hit.start - p.end <= 2]
            return self._list_from(near[-1]) if near else []
        j = self._prev(hit.start)
        if j >= cs and self.norms[j] in ("من", "ومن") and \
                not last.startswith("ال") and not self.owned(hit) and not any(p.end == j for p in self.parties):
            return []  # "ومنهم من غادر العراق": "who" left, some of them ("بتنسيق مع X") or a noun that carries its owner
        # ("لقائه X"), the actor named next is the object
        object_next = last in self.ex.one.get("prepositions", ()) or self.owned(hit)
        reach = hit.end + 2
        if hit.end < self.end and self.ex._phrase_at(self.norms, hit.end, "titles"):
            reach = hit.end + 8  # "استقبل قائد الإدارة الجديدة في سوريا أحمد الشرع": a titled subject
        after = [p for p in self.parties if hit.end <= p.start < min(ce, reach) and self.nominative(p)
                 and self._fits(p, relation, "source") and (reach == hit.end + 2 or self.ex.kind(p.actor) == "person"
                                                            or p.start < hit.end + 2)]
        if after and not object_next:
            return self._list_from(after[0])  # "توسطت قطر وتركيا بين ..."
        if self._noun_with_agent(hit, last):
            return []  # "فروا إلى لبنان مع توجه المتمردين نحو دمشق": the rebels went, and they are no actor
        # a place far before the cue is its object or setting ("غادر دمشق ... وانتقل"), not its subject
        before = [p for p in before if self.ex.kind(p.actor) not in self.ex.settings_kinds]
        if self.owned(hit):
            # "هروبه", "لقائه X": the owner is the one this sentence is about (its first subject, not
            # the nearest: "لم يبلغ الأسد شقيقه ماهر بفراره"), else the one talked of before, else the
            # subject named after ("لدى لقائه X قال الشرع")
            # ("منحته": him, a person before a group; "منحهم": them, a group first)
            plural = _plain_word(self.doc[hit.start].text).endswith(("هم", "هما", "هن"))
            order = ("group", "person") if plural else ("person", "group")
            topics = [p for p in self.parties if p.end <= hit.start and self.nominative(p)
                      and p.start not in self.aside and self._fits(p, relation, "source")]
            # (the clause's own subject first: "... وقد اعلن الرئيس الفرنسي فرنسوا هولاند ... في اطار زيارته
            # الى سلوفاكيا" is Hollande's visit, not the sentence's first subject's)
            topics = [p for p in topics if p.start >= cs] + [p for p in topics if p.start < cs]
            topic = next((p for kind in order for p in topics if self.ex.kind(p.actor) == kind), None)
            if topic is not None:
                return [topic]
        elif self._own_subject(max([cs] + [p.end for p in before]), hit.start, relation) or \
                self._demonstrative_subject(hit):
            return []  # "كانت فصائل المعارضة قد بدأت بالدخول": the clause's subject is no actor
        elif before:
            if hit.start - 1 > cs and self.doc[hit.start - 1].text in ("،", ",") and \
                    self.doc[hit.start].text[:1] in _CONJUNCTIONS and self.nominative(before[0]):
                # ("وحكم بشار سوريا ... خلفا لوالده حافظ الأسد، وغادر البلاد": a verb joined by و after a
                # comma goes on with the sentence's subject, not the last one named)
                return self._list_from(before[0])
            return self._list_from(before[-1])
        if self.owned(hit):
            if last_subject is not None and self._fits(last_subject, relation, "source"):
                return [Mention(last_subject.actor, "", -1, -1, -1, -1)]
            return [p for p in self.parties if p.start >= hit.end + 2 and self.nominative(p)
                    and self.ex.kind(p.actor) == "person"][:1]
        nxt = hit.end
        if nxt < self.end and self.doc[nxt].is_alpha and self.norms[nxt] not in self.ex.one.get("prepositions", ()) \
                and not object_next and not last.startswith("ال") \
                and not any(p.start == nxt for p in self.parties):
            # "فر آلاف المدنيين إلى لبنان": the cue's own subject is named, and it is no actor
            # (a definite verbal noun has no subject after it: "الإخلاء الفوري إلى روسيا")
            return []
        if cs > self.start and self.norms[cs] in self.ex.one.get("relative", ()):
            # "ببوتين الذي كان ...", "والمقربين من بشار الأسد، الذين اختاروا الهروب": the relative
            # clause is about the actor right before it
            right_before = [p for p in self.parties if p.end <= cs and self._fits(p, relation, "source")
                            and all(self.doc[k].is_punct for k in range(p.end, cs))]
            return right_before or self._named_after(cs, hit, relation)
        if cs > self.start and self.norms[cs] in self.ex.one.get("setting", ()):
            # "... زيارة رئيس المخابرات العراقية حميد الشطري، حيث اجتمع": the visitor just named
            visits = self.ex.one.get("visit_nouns", ())
            visitor = [p for p in self.parties if p.end <= cs and self._fits(p, relation, "source")
                       and self.ex.kind(p.actor) == "person"
                       and any(self.norms[k] in visits for k in range(max(self.start, p.start - 5), p.start))]
            if visitor:
                return visitor[-1:]
        # the previous clauses' subject ("كان الأسد في موسكو، حيث طلب ..."), then the last sentence's
        earlier = [p for p in self.parties if p.end <= cs and self.nominative(p) and self._fits(p, relation, "source")
                   and self.ex.kind(p.actor) not in self.ex.settings_kinds and p.start not in self.aside]
        if earlier:
            return [earlier[0]]
        if last_subject is not None and self._fits(last_subject, relation, "source"):
            return [Mention(last_subject.actor, "", -1, -1, -1, -1)]
        return []

    def _named_after(self, cs, hit, relation) -> list:
        """"الشخصيات التي فرت عبر مطار دمشق هم كل من ...": a relative clause on a word of [clauses]
        named_heads (or a group noun no table names), then a word of [clauses] named_after and the
        people it lists (within a few words): they are who did it."""
        words, heads = self.ex.one.get("named_after", ()), self.ex.one.get("named_heads", ())
        if not words or cs - 1 < self.start or (self.norms[cs - 1] not in heads and not (
                self.ex.mentions.groups and self.ex.mentions.group_word(self.doc, self.norms, cs - 1))) or \
                any(p.start <= cs - 1 < p.end for p in self.parties):
            return []
        for j in range(hit.end, self.end):
            if self.norms[j] not in words:
                continue
            listed = [p for p in self.parties if j < p.start <= j + 12 and self._fits(p, relation, "source")
                      and self.ex.kind(p.actor) in ("person", "group")]
            if not listed:
                return []
            out = [p for p in self._list_from(listed[0]) if self.ex.kind(p.actor) in ("person", "group")]
            for p in self.parties:  # ("علي عباس وقائد القوات الجوية اللواء توفيق خضور ومدير ..."): each item
                # opens with "و" and may carry a title the name does not
                if out and p.start >= out[-1].end and p.start - out[-1].end <= 5 and \
                        self.norms[out[-1].end][:1] == "و" and self.ex.kind(p.actor) in ("person", "group") and \
                        self._fits(p, relation, "source"):
                    out.append(p)
            return out
        return []

    def _noun_with_agent(self, hit, last) -> bool:
        """An indefinite verbal noun right after a preposition ("مع توجه", "بعد وصول") is a noun, and
        the word it governs right after it is its doer: when that word names no actor, the cue has a
        doer of its own that is no actor, not the clause's subject named before."""
        prepositions = self.ex.one.get("prepositions", ())
        j, nxt = self._prev(hit.start), hit.end
        return (hit.end - hit.start == 1 and not last.startswith("ال") and j >= self.start
                and self.norms[j] in prepositions and nxt < self.end and self.doc[nxt].is_alpha
                and self.norms[nxt] not in prepositions and not self.owned(hit)
                and not any(p.start <= nxt < p.end for p in self.parties))

    def _demonstrative_subject(self, hit) -> bool:
        """"هذه المساعدات لم تصل": a demonstrative and a noun that names no actor, right before the
        verb (a negation between), are its subject."""
        j = hit.start - 1
        while j > self.start and self.norms[j] in self.ex.markers.one["negation"]:
            j -= 1
        return (j - 1 >= self.start and self.norms[j].startswith("ال") and self.doc[j].is_alpha
                and self.norms[j - 1] in self.ex.one.get("demonstratives", ())
                and not any(p.start <= j < p.end for p in self.parties))

    def _own_subject(self, lo, hi, relation) -> bool:
        """A verb of ``[clauses] copulas`` (or a particle of ``[clauses] complementizers``) in [lo, hi)
        followed by a word that names no actor, or one that cannot be the relation's source: the clause
        has a subject of its own ("كانت فصائل المعارضة قد بدأت بالدخول": armed groups take cities, they
        do not flee to them; "أن أكثر من 100,000 شخص ... عبروا إلى لبنان")."""
        copulas = set(self.ex.one.get("copulas", ())) | set(self.ex.one.get("complementizers", ()))
        for k in range(lo, hi - 1):
            word = self.norms[k + 1]
            if self.norms[k] in copulas and self.doc[k + 1].is_alpha and word not in self.ex.matcher.by_first \
                    and word not in self.ex.one.get("prepositions", ()) and word != "قد":
                party = next((p for p in self.parties if p.start <= k + 1 < p.end), None)
                if party is None or not self._fits(party, relation, "source"):
                    return True
        return False

    def targets(self, hit, ce, relation, src_ids):
        cue = hit.cue
        asylum = self.ex.one.get("asylum", ())
        # a target lies before the next cue, unless that cue is what is asked or refused ("منح اللجوء ل")
        # (counted from the end of a subject named after the verb: Arabic is verb-first, and "والتقى قائد
        # الإدارة السورية الجديدة أحمد الشرع ووزير الخارجية أسعد الشيباني، اليوم الجمعة، X" has X far from it)
        after = max([hit.end] + [p.end for p in self.parties if p.actor in src_ids and hit.end <= p.start
                                 and p.start - hit.end <= cue.window])
        hi = min([ce, after + cue.window] + [c for c in self.cue_starts if c >= hit.end
                                                and self.norms[c] not in asylum
                                                and (c + 1 >= self.end or self.norms[c + 1] not in asylum)])

        def joined(p):  # (past the verb's window, one joined to the subject by و is more of the subject:
            # "التقى الزياني قائد الإدارة، أحمد الشرع، ووزير الخارجية، أسعد الشيباني")
            k = next((k for k in range(after, p.start) if not self.doc[k].is_punct), p.start)
            return k < p.start and self.norms[k].startswith("و")
        along = {q.actor for _, q in self.along}  # ("برفقة وزير الخارجية": with the subject, no object)
        cands = [p for p in self.parties if hit.end <= p.start < hi and p.actor not in src_ids
                 and p.actor not in along and (p.start < hit.end + cue.window or not joined(p))]
        preps = {normalise(w) for w in cue.target_preps}
        if preps:
            out = []
            skip = self.ex.one.get("determiners", ())
            for p in cands:
                j = self._prev(p.start)
                if j >= self.start and self.norms[j] == "في" and any(
                        self.norms[k] in skip and k - 1 >= self.start and self.norms[k - 1] in preps
                        for k in range(max(self.start, j - 3), j)):
                    j = next(k for k in range(max(self.start, j - 3), j) if self.norms[k] in skip) - 1
                    # "إلى مناطق مختلفة في لبنان": the places are in Lebanon
                if j >= self.start and self.norms[j] in preps and self._fits(p, relation, "target"):
                    out.append(p)  # every stop of a flight: "إلى حميميم، ومن ثم إلى موسكو"
            return out
        def setting(q):  # "في قصر الشعب بدمشق": in Damascus (a joined ب), a setting
            return self.norms[q.start].startswith("ب") and self.ex.kind(q.actor) in ("place", "state") and \
                self.ex._joined_preposition(self.doc[q.start].text) or self._where(q)

        for p in cands:
            j = self._prev(p.start)
            if j >= hit.end and self.norms[j] in self.ex.one.get("locative", ()):
                continue  # "في موسكو": a setting
            if j >= hit.end and self.norms[j] in self.ex.one.get("leaders", ()):
                continue  # "قوات المعارضة بقيادة هيئة تحرير الشام": the group's leader
            if setting(p) or not self._fits(p, relation, "target"):
                continue
            return [q for q in self._list_from(p, src_ids) if q.start >= hit.end and not setting(q)]
        return []

    def other_before(self, start, src_ids, last_subject):
        """A refusal's target when none is named after it: the other actor named before."""
        # the one who asked earlier in the sentence ("حاول الأسد الاتصال بـ…، لكن أبوظبي رفضت الطلب")
        for p in self.askers:
            if p.actor not in src_ids and p.end <= start and self.ex.as_party(p.actor):
                return [p]
        for p in reversed([p for p in self.parties if p.end <= start]):
            if p.actor not in src_ids and self.ex.as_party(p.actor) and self.ex.kind(p.actor) == "person":
                return [p]
        if last_subject is not None and last_subject.actor not in src_ids:
            return [Mention(last_subject.actor, "", -1, -1, -1, -1)]
        return []

    def modality(self, cs, ce, hit):
        r = self.ex.markers.read(self.norms, (self.start, self.end), (cs, ce), (hit.start, hit.end), prefix=hit.prefix)
        if r.negated and hit.start > cs and self.norms[hit.start][:1] in _CONJUNCTIONS and \
                self.norms[hit.start] not in self.ex.matcher.by_first:
            # "جوازات ليست بأسمائهم ويدخلون إلى لبنان": a verb joined by و is a predicate of its own; a
            # negation before it belongs to the one before ("ولم يلتق" carries its own)
            own = self.ex.markers.read(self.norms, (self.start, self.end), (hit.start, ce), (hit.start, hit.end),
                                       prefix=hit.prefix)
            return own.negated, r.hedged, r.modality
        return r.negated, r.hedged, r.modality
