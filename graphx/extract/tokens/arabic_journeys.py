"""Who travels with whom in an Arabic sentence, and who gets them out: the companions and
escorts named after a word of ``[clauses] companions`` / ``escorts``, the one smuggled, moved or
granted asylum by a cue whose source is its object, the one who moves them, and the one granting
asylum (a mixin of :class:`~graphx.extract.tokens.arabic_clauses._Sentence`)."""

from __future__ import annotations

from ...nlp.arabic import _CONJUNCTIONS, _TASHKEEL, normalise


class JourneyRules:
    """Rules over a sentence's parties (``self.parties``, ``self.norms``, ``self.doc``) for journeys."""

    def _after_words(self, key, fits, reach=2):
        """(word index, party) for the parties a word of ``key`` introduces, with the lists they head
        ("برفقة عائلته ورجل الأعمال رئيف قوتلي"; "وانضم إليه أفراد من عائلة شاليش، بالإضافة إلى ...")."""
        out, seen = [], set()
        for i in range(self.start, self.end):
            n = self.ex._phrase_at(self.norms, i, key)
            if not n and self.norms[i][:1] in _CONJUNCTIONS:  # "وانضم إليه", "وبرفقته"
                n = self.ex._phrase_at([self.norms[i][1:]] + self.norms[i + 1:i + 4], 0, key)
            if not n:
                continue
            k = i + n
            if k < self.end and self.norms[k] in self.ex.title_words:
                # ("برفقة وزير الخارجية، أسعد الشيباني": the one the title names after its comma)
                k += 1
                while k < self.end and self.norms[k].startswith("ال") and not self.doc[k].is_punct:
                    k += 1
                while k < self.end and self.doc[k].is_punct:
                    k += 1
            first = next((p for p in self.parties if i + n <= p.start < k + reach), None)
            if first is None or first.start in seen:
                continue
            lo = self.clause_of(i)[0]
            lo = max([lo] + [k for k in range(lo, i) if self.norms[k][:1] in _CONJUNCTIONS
                             and self.norms[k][1:] in self.ex.matcher.by_first])  # (from its own verb on)
            if self.ex.markers.has(self.norms, lo, i, "negation"):
                continue  # "لم يكن ماهر الأسد برفقة عائلته": not with them
            if key == "companions" and self.norms[i].lstrip("و") in self.ex.one.get("prepositions", ()) and not (
                    self.ex.kind(first.actor) == "person" or first.actor.endswith(("_family", "_families"))):
                continue  # "مع": with a person or a family ("فر مع عائلته"), not "علاقات مع قيادات"
            for p in self._list_from(first):
                if p.start >= first.start and fits(p) and p.start not in seen:
                    seen.add(p.start)
                    out.append((i, p))
        return out

    def patients(self, hit, cs, ce, relation, last_subject):
        """Who is smuggled or moved: the actor right after the verb or its noun ("بتهريب ماهر الأسد",
        "هُرّب ماهر"), else the subject ("ماهر الأسد هُرّب", "تهريبه": the one talked of)."""
        after = [p for p in self.parties if hit.end <= p.start < hit.end + 2 and self.nominative(p)
                 and self._fits(p, relation, "source")]
        if after and not self.owned(hit):
            k = after[0].end
            if k < self.end and self.doc[k].is_alpha and _TASHKEEL.sub("", self.doc[k].text).endswith(("ا", "اً")) \
                    and not any(p.start == k for p in self.parties):
                return []  # "أرسل أردوغان مبعوثا إلى دمشق": the one after the verb is its subject
            return self._list_from(after[0])
        nxt = hit.end
        if not self.owned(hit) and not self._last_word(hit).startswith("ال") and nxt < self.end and \
                self.doc[nxt].is_alpha and \
                self.norms[nxt] not in self.ex.one.get("prepositions", ()) and \
                not any(p.start <= nxt < p.end for p in self.parties):
            return []  # "أرسل أردوغان مبعوثا إلى دمشق", "أرسلت وفدا": what is sent is no actor
        return self.sources(hit, cs, ce, relation, last_subject)

    def movers(self, hit, cs, ce, patients, subject=True):
        """Who smuggles or moves them: after one of the cue's agent_preps ("عن طريق الضبع", "من قبل
        القوات الروسية"), or the clause's subject before the cue ("الضبع، الذي ... قام بنقل ماهر")."""
        preps = [tuple(normalise(w) for w in p.split()) for p in hit.cue.agent_preps]
        for i in range(hit.end, ce):
            for prep in preps:
                if tuple(self.norms[i:i + len(prep)]) == prep:
                    found = [p for p in self.parties if i + len(prep) <= p.start < i + len(prep) + 2
                             and p.actor not in patients]
                    if found:
                        return found[:1]
        moved = [p for p in self.parties if hit.end <= p.start and p.actor in patients]
        if not subject or not moved:
            return []  # the subject is the one moved ("ماهر الأسد هُرّب")
        between = [p for p in self.parties if hit.end <= p.start < moved[0].start and self.nominative(p)
                   and self.ex.kind(p.actor) not in self.ex.settings_kinds]
        if between:
            return between[:1]  # "نقلت روسيا بشار الأسد إلى موسكو": the subject after the verb
        before = [p for p in self.parties if cs <= p.start and p.end <= hit.start and self.nominative(p)
                  and p.start not in self.aside and p.actor not in patients
                  and self.ex.kind(p.actor) not in self.ex.settings_kinds]
        if before:
            return before[-1:]
        if cs > self.start and self.norms[cs] in self.ex.one.get("relative", ()):
            return [p for p in self.parties if p.end <= cs and p.actor not in patients
                    and all(self.doc[k].is_punct for k in range(p.end, cs))][-1:]
        return []

    def granters(self, hit, cs, ce, relation, granted):
        """Who grants asylum: the state or place named inside the cue, right after it ("ومنحته روسيا"),
        or before it in its clause ("روسيا منحت الأسد"), when the clause names asylum."""
        asylum = self.ex.w.get("asylum", ())
        if not any(self.ex._phrase_at(self.norms, i, "asylum") for i in range(hit.start, min(ce, hit.end + 8))) \
                and asylum:
            return []
        fits = [p for p in self.parties if p.actor not in granted and self._fits(p, relation, "target")
                and cs <= p.start < min(ce, hit.end + 3)]
        after = [p for p in fits if p.start >= hit.start]
        before = [p for p in fits if p.start < hit.start and self.nominative(p)]
        return after[:1] or before[-1:]

