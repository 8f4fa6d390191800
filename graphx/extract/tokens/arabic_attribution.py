"""Who makes an Arabic sentence's claim: a speaker ("وقال كامل صقر"), "وفقا لـ X" / "حسب X", or an
outlet named in it (a mixin of :class:`~graphx.extract.tokens.arabic_clauses._Sentence`)."""

from __future__ import annotations

from ...nlp.arabic import _CONJUNCTIONS


class AttributionRules:
    """The attribution of a sentence's claims (``self.parties``, ``self.norms``, ``self.doc``)."""

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
                return ex.actors.label(p.actor)
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
            label = self.ex.actors.label(p.actor)
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
