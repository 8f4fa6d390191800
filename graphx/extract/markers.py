"""Markers: what a sentence asserts of the event its trigger names, for every finder and language.

:class:`Markers` compiles a language's ``[markers]`` word lists by its word
forms and reads, around a trigger and within the clause a finder gives it:

* negation: a negation word just before the trigger (``negation_scope`` words), or
  a verb of stopping and the opener right before it ("PREVENTED Assad FROM fleeing":
  ``[markers] prevention`` within ``intent_scope`` words of ``prevention_openers``);
* denial: a denial anywhere in the clause ("reports that he fled are FALSE"), or
  just before a clause its opener introduces ("Iraq DENIED THAT Maher entered":
  ``[markers] denial_openers`` within ``denial_reach`` words);
* hedge: anywhere in the sentence ("reportedly");
* condition: a conditional word in the clause before the trigger;
* possibility: a modal right before it ("MIGHT be heading for", "MAY have fled");
* attempt and intent: within ``intent_scope`` words before it ("tried to",
  "planned to"), a proclitic of purpose or future (Arabic), or an infinitive
  marker right before the trigger that no ``realised_infinitive`` phrase makes
  an event ("forced TO flee" is one, "wanted TO flee" is not).

A finder says which tokens make the clause; the parse-based finder gives the
trigger's clause in the tree, the token finder its clause between boundary words.
"""

from __future__ import annotations

from typing import NamedTuple

from .tokens.clauses import Phrases, contains, ends_at, phrase_len


class Reading(NamedTuple):
    negated: bool
    hedged: bool
    modality: str  # fact | attempt | intent | conditional | possible


class Markers:
    """A language's marker words by its word forms (``split`` cuts a phrase into them).

    ``conjunctions``: letters a one-word marker may carry joined to it (Arabic و, ف).
    """

    KEYS = ("negation", "denial", "hedge", "intent", "conditional", "attempt", "realised_infinitive",
            "denial_openers", "infinitive", "infinitive_blockers", "infinitive_passive", "determiners", "passive_aux",
            "modal", "future", "prevention", "prevention_openers")
    # auxiliaries that may stand between a modal and the trigger ("might BE heading", "may HAVE fled")
    _BETWEEN = ("be", "have", "been", "has", "had", "also", "already")

    def __init__(self, language, split, conjunctions=()):
        words = language.words()
        self.w = {k: Phrases(tuple(split(p)) for p in words.get(k, ())) for k in self.KEYS}
        self.one = {k: {p[0] for p in v if len(p) == 1} for k, v in self.w.items()}
        self.conjunctions = tuple(conjunctions)
        self.negation_scope = language.scopes["negation_scope"]
        self.intent_scope = language.scopes["intent_scope"]
        self.denial_reach = language.scopes.get("denial_reach", 8)

    def has(self, forms, lo, hi, key) -> bool:
        """A phrase of ``key`` wholly inside tokens [lo, hi) (a one-word one may carry a conjunction)."""
        phrases = self.w[key]
        return contains(forms, lo, hi, phrases) or self._joined(forms, lo, hi, key)

    def _joined(self, forms, lo, hi, key) -> bool:
        """A one-word phrase of ``key`` carrying a conjunction (Arabic و, ف) inside tokens [lo, hi)."""
        single = self.one[key]
        return bool(self.conjunctions) and any(
            forms[i][:1] in self.conjunctions and forms[i][1:] in single for i in range(max(lo, 0), hi))

    def read(self, forms, sentence, clause, trigger, *, prefix="", word_at=None, mention_at=None) -> Reading:
        """What the sentence says of the event at ``trigger`` (token [start, end)).

        ``sentence``/``clause``: token ranges (lo, hi); ``prefix``: the trigger's proclitic
        meaning ("purpose", "future"); ``word_at(i)``/``mention_at(i)``: whether token i is a
        word (not a number or punctuation) / starts a mention (for the infinitive rule).
        """
        s0, s1 = sentence
        cs, ce = clause
        start = trigger[0]
        negated = self.has(forms, max(cs, start - self.negation_scope), start, "negation") or \
            self.has(forms, cs, ce, "denial")
        if not negated and start - 1 > cs and forms[start - 1] in self.one["prevention_openers"]:
            # "Iraq PREVENTED Assad FROM fleeing", "the guards STOPPED them FROM leaving": it did not happen
            negated = self.has(forms, max(cs, start - 1 - self.intent_scope), start - 1, "prevention")
        if not negated and cs > s0 and forms[cs] in self.one["denial_openers"]:
            # "denied reports circulating on social media THAT Maher had crossed"
            negated = self.has(forms, max(s0, cs - self.denial_reach), cs + 1, "denial")
        hedged = self.has(forms, s0, s1, "hedge")
        lo = max(s0, start - self.intent_scope)
        if self.has(forms, cs, start, "conditional"):
            return Reading(negated, hedged, "conditional")
        # a cue that opens on its own negation is a refusal, and the modal right before it is the
        # refusal's ("he WOULD NOT ACCEPT the offer", "COULD NOT ACCEPT the condition"), no plan
        hi = start - 1 if start - 1 > cs and forms[start] in self.one["negation"] else start
        if self._modal(forms, cs, hi):
            return Reading(negated, hedged, "possible")
        attempt = self.has(forms, lo, start, "attempt")
        intent = prefix in ("purpose", "future") or self._intent(forms, lo, hi, mention_at)
        if self._infinitive(forms, s0, cs, start, word_at, mention_at):
            intent = intent or not attempt
        progressive = (start - 1 >= cs and forms[start - 1] in self.one["passive_aux"] and forms[start].endswith("ing")) or (
            trigger[1] - start > 1 and forms[start] in self.one["passive_aux"] and forms[start + 1].endswith("ing"))
        if not intent and progressive and self.has(forms, cs, ce, "future"):  # (or a cue with its "is": "IS MEETING")
            intent = True  # "he WAS TRAVELLING to Saudi Arabia THIS WEEKEND": a plan, not yet done
        if intent and not attempt:
            return Reading(negated, hedged, "intent")
        return Reading(negated, hedged, "attempt" if attempt else "fact")

    def _intent(self, forms, lo, hi, mention_at) -> bool:
        """An intent phrase wholly inside tokens [lo, hi), but not one whose "to" a name follows: "the
        PLAN TO Jordan" is where a plan went, no plan to do anything."""
        if mention_at is None:
            return self.has(forms, lo, hi, "intent")
        phrases, marker = self.w["intent"], self.one["infinitive"]
        for i in range(max(lo, 0), hi):
            if forms[i] not in phrases.by_first:
                continue
            n = phrase_len(forms, i, phrases)
            if n and i + n <= hi and not (forms[i + n - 1] in marker and i + n < hi and mention_at(i + n)):
                return True
        return self._joined(forms, lo, hi, "intent")

    def _modal(self, n, cs, start) -> bool:
        """"he MIGHT be heading for Belarus", "may have fled": a modal right before the trigger."""
        if not self.w["modal"]:
            return False
        j = start
        while j - 1 > cs and n[j - 1] in self._BETWEEN and start - j < 3:
            j -= 1
        return ends_at(n, j, self.w["modal"])

    def _infinitive(self, n, s0, cs, start, word_at, mention_at) -> bool:
        """"wanted TO flee", "urged Damascus TO open talks": an unrealised infinitive."""
        marker, realised = self.one["infinitive"], self.w["realised_infinitive"]
        if not marker:
            return False
        if start - 1 >= s0 and n[start - 1] in marker and not ends_at(n, start, realised):
            j = start - 1  # "FORCED Maher al-Assad TO take refuge": a realised verb, its object, then "to"
            while mention_at and j - 1 >= s0 and mention_at(j - 1):
                j -= 1
            lo = max(s0, j - 8)  # (a phrase's reach: no copy of the report)
            return j == start - 1 or not ends_at(list(n[lo:j]) + [n[start - 1]], j - lo + 1, realised)
        if start - 2 >= cs and n[start - 2] in marker and n[start - 1] in self.one["infinitive_passive"] and \
                not ends_at(n, start - 1, realised):
            return True  # "a goal for the pilots TO BE transferred to the United States"
        return (start - 2 >= cs and n[start - 2] in marker and word_at is not None and word_at(start - 1)
                and n[start - 1] not in self.one["determiners"] and not (mention_at and mention_at(start - 1))
                and n[start - 1] not in self.one["passive_aux"] | self.one["infinitive_blockers"]
                and not ends_at(n, start - 1, realised))


__all__ = ["Markers", "Reading"]
