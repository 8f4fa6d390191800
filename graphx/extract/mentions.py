"""spaCy docs -> actor mentions, and the discovered actors the table lacks."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace

from spacy.attrs import LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from ..actors import normalize
from ..nlp import NER_KINDS
from ..records import Actor, Mention
from .sentence import lower_words
from .dates import calendar_words
from .groups import KIN_GROUP, find_groups, find_premises, group_actor, remember
from .index import ActorIndex
from .tokens.clauses import Phrases, ends_at, phrase_len


def _words(phrase: str) -> tuple:
    """A word list's phrase as the English tokenizer splits it ("long-time" -> long, -, time)."""
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


def _mention(aid: str, span: Span) -> Mention:
    return Mention(aid, span.text, span.start_char, span.end_char, span.start, span.end)


_DASHES = ("—", "–", "-", "―", "--", "_", "//")  # ("FRANKFURT, Germany (AP) _ ...": the wire's underscore; "CAIRO // The ...")


def _dateline_end(doc) -> int:
    """The end of a dateline that opens a report ("MOSCOW —", "RIYADH, May 6 ―", "BEIRUT (Reuters) -"):
    capitalised place words, then within a few tokens a dash; 0 if none."""
    words = [t for t in doc[:12] if not t.is_space]
    if not words or not (words[0].is_upper and words[0].is_alpha and (len(words[0]) > 2 or (
            len(words) > 2 and words[1].text == "-" and not words[0].whitespace_ and words[2].is_upper))):
        return 0  # (a short first word only joined to the next: "AL-MASSAOUDIYE —")
    for k, t in enumerate(words[1:], 1):
        if t.text in _DASHES and not (t.text == "-" and not words[k - 1].whitespace_ and not t.whitespace_):
            return t.i + 1  # (not a hyphen inside a word: "AL-MASSAOUDIYE —")
        if t.text == "):" or t.text == ":" and words[k - 1].text == ")":
            return t.i + 1  # ("PETALING JAYA, Malaysia (JP): ...": the agency's bracket, then a colon)
        if t.is_sent_start and t.i > words[0].i:
            return 0
    return 0


def _first_last(name: str):
    """("Edward", "Snowden") for "Edward J. Snowden" and "Edward Snowden"; the name itself if one word."""
    words = [w for w in name.split() if not (len(w.rstrip(".")) == 1 and w[:1].isupper())]
    return (words[0], words[-1]) if len(words) >= 2 else name


def _initials(name: str, function_words=frozenset()) -> str:
    """The capitals a name's acronym is made of: the first letter of each capitalised word or
    hyphenated part ("Hayat Tahrir al-Sham" -> "HTS", "Syrian Observatory for Human Rights" -> "SOHR"),
    after a first word of ``function_words`` ("THE Saudi Press Agency (SPA)")."""
    words = re.split(r"[\s\-]+", name)
    if words and words[0].lower() in function_words:
        words = words[1:]
    return "".join(w[0] for w in words if w[:1].isupper())


def discovered_id(name: str) -> str:
    """Stable id for a name the table lacks: ``x_`` + ascii slug (+ hash if none).

    >>> discovered_id("Kifah Melhem")
    'x_kifah_melhem'
    """
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")
    if not slug:
        slug = "n" + hashlib.sha1(name.encode()).hexdigest()[:10]
    return "x_" + slug


_LONGEST = 64  # more tokens than any one mention has (a window for finding those around a word)


class MentionFinder:
    """Turn a doc's entities into :class:`~graphx.records.Mention` (table ids or discovered)."""

    def __init__(self, index: ActorIndex, groups=None, titles=(), fallen=(), rulers=(), zones=(), tongue=(),
                 offices=(), routes=(), here_after=(), indefinite=(), capital=(), deputies=(), kin=((), ()),
                 organisation_heads=(), households=(), place_heads=(), state_modifiers=(), seats=(),
                 function_words=(), outlet_heads=()):
        self.table = index
        # "the Iraqi NEWS AGENCY": a news outlet's name, no party ([names] outlet_heads)
        self.outlet_heads = Phrases(tuple(w.lower().split()) for w in outlet_heads)
        # "the new GOVERNMENT IN Damascus": the state's ([names] seats, as (noun, link) pairs)
        self.seats = {tuple(w.lower().split()) for w in seats if len(w.split()) == 2}
        self.function_words = {w.lower() for w in function_words}  # (where a seat's modifiers end)
        # "a Pakistani RELIGIOUS AND GOVERNMENT delegation": words between a demonym and a collective noun
        self.state_modifiers = {w.lower() for w in state_modifiers}
        self._demonym_hashes: dict | None = None  # (the demonyms by the hash of their lower case)
        self.place_heads = {w.lower() for w in place_heads}  # "Bagram AIRFIELD": a place ([names] place_heads)
        # "Jean-Pierre Bemba AND HIS FAMILY": a name these words follow is a person's ([names] households)
        self._households = {tuple(hash_string(w) for w in p.lower().split()) for p in households}
        # "the Ivory Coast Democratic PARTY": an organisation named after a state ([names] organisation_heads)
        self.organisation_heads = {w.lower() for w in organisation_heads}
        # "his WIFE Pojaman": a kinsman's one name after his kin noun and its possessive
        self._kin_words = {hash_string(w.lower()) for w in kin[0]}
        self._kin_owners = {hash_string(w.lower()) for w in kin[1]}
        self._comma = hash_string(",")
        self.deputies = {w.lower() for w in deputies}  # "the DEPUTY foreign minister": another's office
        self.capital = {w.lower() for w in capital}  # "the RUSSIAN CAPITAL": Moscow
        self.indefinite = {w.lower() for w in indefinite}  # "a Hutu like her husband": a kind, no one
        # "arrived HERE": the last word of one of these phrases is the dateline's place
        self.here_after = {tuple(p.lower().split()) for p in here_after if len(p.split()) == 2}
        self.routes = {w.lower() for w in routes}  # "Gedo TO Wajir": two places in one NER span
        # the words of titles and offices: a "person" made of them only is a title ("Foreign Minister")
        self.office_words = {w for t in (*titles, *offices) for w in t.lower().split()}
        self.zones = {z.lower() for z in zones}  # "(0230 GMT)": no actor
        self.tongue = {w.lower() for w in tongue}  # "in the Songo LANGUAGE": no actor
        # "the ousted president": [names] fallen and rulers, as token tuples
        self.fallen = Phrases(_words(w) for w in fallen)
        self.rulers = Phrases(_words(w) for w in rulers)
        self._fallen_memo: dict[str, bool] = {}  # actor id -> the table calls them a fallen ruler
        self._roles_memo: dict[str, set] = {}  # actor id -> its roles, normalised
        self.acronyms = index.acronyms
        self.discovered: dict[str, Actor] = {}
        self.demonyms = index.demonym_state  # "Turkish and Qatari officials"
        self.collective_last = index.collective_last
        self.groups = groups  # groups.GroupWords: "Syrian soldiers", "Assad's family"
        self.titles = {t.split()[-1] for t in titles}  # last words of titles ("president", "minister")
        self.title_words = {w for t in titles for w in t.lower().split()}
        self._title_hashes = {hash_string(t) for t in self.titles}  # (compared with a doc's LOWER array)
        self.calendar = calendar_words()  # "on TUESDAY Odinga spoke": no part of a name

    def __call__(self, doc: Doc, outlet: str = "", date: str = "") -> list[Mention]:
        """The mentions of ``doc``; ``outlet``: the report's publisher (its header's Source), which a
        sentence may name at its end ("..., Caliber.") as who reports it, not as an actor in it;
        ``date``: the report's (YYYY-MM-DD), which decides who holds a role a handover passed on."""
        out = []
        outlet = " ".join(outlet.split()).lower()
        ents = doc.ents  # (read once: spaCy makes a new Span per entity each time)
        # Surnames of the names a title introduced ("Saadi Ahmed Pira" -> "Pira").
        short_names = {ent[-1].text for ent in ents if not ent.ent_id_ and len(ent) > 1}
        # The people this document names in full, by surname and by first and last name: a later
        # "Snowden" (whatever NER calls it) or "Edward J. Snowden" is "Edward Snowden".
        persons = self._full_names(ents)
        lower = doc.to_array(LOWER).tolist()  # (each word's lower case by its hash: no Token per word)
        for ent in self._split_routes(doc, ents):
            aid = ent.ent_id_
            if aid and aid in self.table.actors:
                low = ent.text.lower()
                if not any(c.isalnum() for c in low[:1]):
                    continue  # ("LET'S talk": the tokenizer's norm of that "'s" is "us", no United States)
                if low in self.acronyms.get(aid, ()) and not ent.text.isupper():
                    continue
                if self._one_of_a_kind(doc, ent, aid, low):
                    continue
                out.append(self._longer_name(doc, ent, aid) or _mention(aid, ent))
                continue
            kind = NER_KINDS.get(ent.label_)
            if not kind or ent.label_ == "NORP":
                continue
            if kind != "person" and (self._after_kin(lower, ent.start) or self._household(lower, ent.end)):
                kind = "person"  # "his wife Pojaman", "Bemba and his family", whatever the NER calls them
            elif kind in ("person", "organisation") and len(ent) > 1 and ent[-1].lower_ in self.place_heads:
                kind = "place"  # "flown to Bagram Airfield", whatever the NER calls it
            elif kind in ("person", "organisation") and ent.end < len(doc) and doc[ent.end].is_lower and \
                    doc[ent.end].lower_ in self.place_heads:
                kind = "place"  # "to the Chkalovsky airport": the name with its word
                ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)
            if len(ent) > 1 and ent[-1].lower_ in ("'s", "’s"):
                ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)  # ("TRAVIS TIMMERMAN'S family": his)
            name = " ".join(ent.text.split()).strip(" '\"’“”,;:")  # (a NER span may end on a comma: "Aliyev,")
            if len(name) < 3 or not any(c.isupper() for c in name[:1]) or name.lower() in self.zones or (
                    ent.end < len(doc) and doc[ent.end].lower_ in self.tongue):
                continue
            known = self.table.resolve(name) or (self.table.person_like(name) if kind == "person" else None)
            if known:
                out.append(_mention(known.id, ent))
                continue
            family = self._surname_plural(name)
            if family is not None:  # "the ASSADS": the family of the table's person of that surname
                out.append(_mention(remember(self.discovered, family, ent.text).id, ent))
                continue
            if name.lower() in self.table.demonym_names:
                continue  # "Sri Lankan": an adjective NER took for a name
            if kind in ("person", "organisation") and self.office_words and \
                    all(w in self.office_words for w in name.lower().split()):
                continue  # "Deputy FOREIGN MINISTER Mikhail Bogdanov": a title NER took for a name
                # (or for an organisation: "Secretary of STATE FOR EXTERNAL AFFAIRS Sedat Jobe")
            if outlet and name.lower() == outlet or kind == "organisation" and self._outlet_name(name):
                kind = "outlet"
            same = persons.get(name) or persons.get(_first_last(name))
            if same in self.table.actors:
                if len(ent) == 1:
                    out.append(_mention(same, ent))  # ("Serrano" after "Jorge Serrano": the table's)
                    continue
                same = None
            if same and same != discovered_id(name):
                out.append(_mention(self._discover(persons[same], "person", same), ent))
                continue
            if kind == "person" and len(ent) == 1 and ent.text in short_names:
                continue  # a trained NER's "Pira": resolved below to the full name
            if kind == "person" and ent.end < len(doc) and doc[ent.end].ent_iob_ == "B" and \
                    getattr(self.table.actors.get(doc[ent.end].ent_id_), "kind", None) == "person" and not doc[ent.end - 1].is_punct:
                continue  # "JEAN BEDEL Bokassa": the first names of the table's name after them (_longer_name)
            if kind == "person" and ent.start > 0 and doc[ent.start - 1].lower_ in self.indefinite:
                continue  # "a Hutu like her husband": a kind of person ([names] indefinite)
            out.append(_mention(self._discover(name, kind), ent))
        out = self._titled_names(doc, out, lower)
        if self.organisation_heads:
            out = self._organisations_after_places(doc, out)
        if outlet:
            out = self._outlet_names(out, outlet.split(), lower)
        dateline = _dateline_end(doc)
        if dateline:  # "MOSCOW — Edward Snowden ...": where the report was filed, not an actor in it
            filed = next((m for m in out if m.start < dateline and self._kind(m.actor) in ("place", "state")), None)
            out = [m for m in out if m.start >= dateline]
            if filed is not None and self.here_after:
                # ... but where a journey ends "here" ("Willy Brandt ARRIVED HERE Friday from Baghdad")
                out += [_mention(filed.actor, doc[t.i:t.i + 1]) for t in doc[dateline:]
                        if t.i > 0 and (doc[t.i - 1].lower_, t.lower_) in self.here_after]
                out.sort(key=lambda m: m.start)
        out = self._surname_places(doc, out)
        out = self._capitals(doc, self._short_mentions(doc, self._demonym_lists(doc, self._demonym_phrases(doc, out, lower)),
                                                       ents))
        out = self._seated(doc, out)
        out = self._named_titles(doc, out)
        out = self._held_roles(doc, out, date)
        out = self._title_references(doc, out)
        out = self._in_context(out)
        out = self._fallen_leader(doc, out)
        if self.groups is not None:
            out = find_groups(doc, out, self.table, self.groups, self.discovered)
            out = find_premises(doc, out, self.table, self.groups, self.discovered)
        return self._bracketed_names(doc, out)

    def _outlet_name(self, name: str) -> bool:
        """Whether ``name`` ends in one of [names] outlet_heads ("Iraqi News Agency")."""
        words = name.lower().split()
        return tuple(words) not in self.outlet_heads and ends_at(words, len(words), self.outlet_heads)

    def _surname_plural(self, name: str):
        """The family group of the table's person whose surname ``name`` is the plural of ("Assads",
        "the Gaddafis"), or None."""
        words = name.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) != 1 or len(words[0]) < 4 or not words[0].endswith("s") or not words[0][:1].isupper():
            return None
        owner = self.table.resolve(words[0][:-1])
        if owner is None or owner.kind != "person" or words[0][:-1] not in owner.aliases:
            return None
        return group_actor(owner, KIN_GROUP, name)

    def _surname_places(self, doc: Doc, mentions: list) -> list:
        """"Bishop Rolando José Álvarez LAGOS": a one-word place's name right after a person's, with
        nothing between, is the last word of the name (a second surname), no place."""
        people = {m.end for m in mentions if self._kind(m.actor) == "person"}
        return [m for m in mentions if not (m.start in people and m.end == m.start + 1 and doc[m.start].is_title
                                            and self._kind(m.actor) in ("place", "state"))]

    def _discover(self, name: str, kind: str, aid: str | None = None) -> str:
        """The id of the actor this report discovers by ``name`` (added once to :attr:`discovered`)."""
        aid = aid or discovered_id(name)
        self.discovered.setdefault(aid, Actor(id=aid, label=name, kind=kind, aliases=(name,), discovered=True))
        return aid

    def _actor_named(self, name: str, kind: str, spelt_alike: bool = False) -> str:
        """The id of the table's actor named ``name`` (or, with ``spelt_alike``, the table's person spelt
        like it: :meth:`~graphx.extract.index.ActorIndex.person_like`), else of the one discovered."""
        known = self.table.resolve(name) or (self.table.person_like(name) if spelt_alike else None)
        return known.id if known else self._discover(name, kind)

    def _organisations_after_places(self, doc: Doc, mentions: list) -> list:
        """"The ruling IVORY COAST DEMOCRATIC PARTY asked ...": a state's or place's name followed by
        capitalised words up to an organisation's last word ([names] organisation_heads) is that
        organisation (the table's where it knows the name, else discovered), not the state."""
        out = []
        for m in mentions:
            if self._kind(m.actor) in ("state", "place") and m.end < len(doc):
                j = m.end
                while j < len(doc) and j - m.end < 4 and doc[j].is_title and doc[j].is_alpha and not doc[j].ent_id_:
                    j += 1
                if j > m.end and doc[j - 1].lower_ in self.organisation_heads:
                    span = doc[m.start:j]
                    m = _mention(self._actor_named(" ".join(span.text.split()), "organisation"), span)
            out.append(m)
        return out

    def _one_of_a_kind(self, doc: Doc, ent, aid: str, low: str) -> bool:
        """Whether a role of the table's ``aid`` is said of someone else: one of several holding it, after
        an indefinite article, up to two lower-case words between ("A SENIOR commander of the Syrian
        Democratic Forces facilitated ...": not the SDF's commander; [names] indefinite), or the
        holder's deputy ("the DEPUTY foreign minister of Russia": [names] deputies; Arabic reports read
        theirs in :class:`~graphx.extract.tokens.arabic_mentions.ArabicMentions`)."""
        if not (self.indefinite or self.deputies) or normalize(low) not in self._roles(aid):
            return False
        if ent.start >= 1 and doc[ent.start - 1].lower_ in self.deputies:
            return True
        if not self.indefinite:
            return False
        k = ent.start - 1
        while k >= 0 and ent.start - k <= 2 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in self.indefinite:
            k -= 1
        return k >= 0 and doc[k].lower_ in self.indefinite

    def _roles(self, aid: str) -> set:
        """The table's roles of ``aid``, normalised (read once per actor)."""
        roles = self._roles_memo.get(aid)
        if roles is None:
            actor = self.table.actors.get(aid)
            roles = self._roles_memo[aid] = {normalize(r) for r in getattr(actor, "roles", ())}
        return roles

    @staticmethod
    def _outlet_names(mentions: list, words: list, low: list) -> list:
        """No actor inside the report's own outlet's name where the text names it ("Sara told SYRIA
        DIRECT" names no Syria; the header's Source gives the name). ``low``: the doc's LOWER array."""
        if len(words) < 2:
            return mentions
        words = [hash_string(w) for w in words]
        spans = [(i, i + len(words)) for i in range(len(low) - len(words) + 1) if low[i:i + len(words)] == words]
        if not spans:
            return mentions
        return [m for m in mentions if not any(a <= m.start and m.end <= b and (m.start, m.end) != (a, b)
                                               for a, b in spans)]

    def _household(self, low: list, end: int) -> bool:
        """Whether the words from ``end`` are one of [names] households ("Bemba AND HIS FAMILY")."""
        return any(tuple(low[end:end + len(p)]) == p for p in self._households)

    def _after_kin(self, low: list, i: int) -> bool:
        """Whether token ``i`` follows a kin noun and its possessive ("his WIFE Pojaman"), or those and a
        comma ("Fang and his wife, Li Shuxian, arrived"); ``low``: the doc's LOWER array."""
        if i >= 3 and low[i - 1] == self._comma:
            i -= 1
        return i >= 2 and low[i - 1] in self._kin_words and low[i - 2] in self._kin_owners

    def _titled_names(self, doc: Doc, mentions: list, low: list) -> list:
        """A name a title introduces where NER tagged nothing: "Former prime minister of Pakistan NAWAZ
        SHARIEF and his family left". Two to four capitalised words no entity, mention, title, demonym or
        calendar word covers, right after a title's last word or after "of" and a state named after
        one ("minister of Pakistan"), are a person (the table's, or discovered); so is one such word
        after a kin noun and its possessive ("his wife Pojaman": [names] kin_titles, kin_possessives)."""
        if not self.titles:
            return mentions
        covered = {k for m in mentions for k in range(m.start, m.end)}
        titles, of = self._title_hashes, hash_string("of")
        # right after a title's last word (at a sentence's start only capitalised), or after "minister of
        # Pakistan": a title, "of" and a state
        starts = {i for i in range(1, len(low)) if low[i - 1] in titles and (
            not doc[i - 1].is_sent_start or doc[i - 1].is_title)}
        starts |= {m.end for m in mentions if m.start >= 2 and low[m.start - 1] == of and low[m.start - 2] in titles
                   and self._kind(m.actor) == "state"}
        # ... or after a kin noun and its possessive ("his wife Pojaman"), where one word is a name too
        kin = {i for i in range(2, len(low)) if self._after_kin(low, i)}
        starts |= kin
        added = []
        for i in sorted(starts):
            if i in covered:
                continue
            k = i
            while k < len(doc) and k - i < 4 and k not in covered and doc[k].is_title and doc[k].is_alpha \
                    and len(doc[k]) > 1 and not doc[k].ent_type_ and not doc[k].is_stop \
                    and doc[k].lower_ not in self.title_words and doc[k].lower_ not in self.demonyms \
                    and doc[k].lower_ not in self.calendar and doc[k].lower_ not in self.office_words:
                k += 1
            if k - i < (1 if i in kin else 2) or (k < len(doc) and doc[k].is_title and doc[k].is_alpha):
                continue  # one word; or the run stopped at a capitalised word that may be more of the name
            span = doc[i:k]
            added.append(_mention(self._actor_named(" ".join(span.text.split()), "person", spelt_alike=True), span))
            covered.update(range(i, k))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _capitals(self, doc: Doc, mentions: list) -> list:
        """"the Russian capital" with no name after it ("the Syrian capital Damascus" has its own): the
        capital the world table gives the demonym's state ([names] capital)."""
        if not self.capital:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        added = []
        for t in doc[1:]:
            j = t.i - 1
            if t.lower_ not in self.capital or j in taken or t.i in taken or (t.i + 1 < len(doc) and t.i + 1 in taken):
                continue
            state = self.table.actors.get(self.demonyms.get(doc[j].lower_, ""))
            if state is not None and state.capital and state.capital in self.table.actors:
                added.append(_mention(state.capital, doc[j:t.i + 1]))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _seated(self, doc: Doc, mentions: list) -> list:
        """"The new government in Damascus" ([names] seats, "in", a capital): the table's actor named
        "Syria's new government" if there is one, else the capital's state; the words from the first
        after "the" to the capital are its mention."""
        if not self.seats:
            return mentions
        out = []
        for m in mentions:
            state = self.table.capital_of.get(m.actor) if not m.slot and m.start >= 2 else None
            if state is None or (doc[m.start - 2].lower_, doc[m.start - 1].lower_) not in self.seats:
                out.append(m)
                continue
            first = m.start - 2
            while first > 0 and m.start - first < 5 and doc[first - 1].is_lower and doc[first - 1].is_alpha \
                    and doc[first - 1].pos_ not in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ") \
                    and doc[first - 1].lower_ not in self.function_words:
                first -= 1
            owner = self.table.actors.get(state)
            words = doc[first:m.start - 1].text
            found = None
            if owner is not None:
                found = self.table.resolve(f"{owner.label}'s {words}") or (
                    self.table.resolve(f"{owner.label}'s {doc[m.start - 2].text}"))
            out.append(_mention(found.id if found is not None else state, doc[first:m.end]))
        return out

    def _bracketed_names(self, doc: Doc, mentions: list) -> list:
        """A group named by its description and then, in brackets, by the name the table knows ("the
        US-backed Kurdish Syrian forces (SDF)"): the description is that organisation or group, not
        its demonym's state's group."""
        at = {m.start: m for m in mentions if not m.slot}
        out, short = [], {}
        for m in mentions:
            q = at.get(m.end + 1)
            if (q is not None and not m.slot and m.end + 1 < len(doc) and doc[m.end].text == "(" and
                    q.end < len(doc) and doc[q.end].text == ")" and q.actor != m.actor and
                    self._kind(m.actor) == "group" and self._kind(q.actor) in ("organisation", "armed_group", "group")):
                m = Mention(q.actor, m.text, m.start_char, m.end_char, m.start, m.end, m.possessor)
            elif (not m.slot and m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")"
                  and len(doc[m.end + 1].text) > 1 and doc[m.end + 1].text == _initials(m.text, self.function_words)
                  and self._kind(m.actor) != "person" and (q is None or q.actor in self.discovered)):
                short.setdefault(doc[m.end + 1].text, m.actor)  # "the Saudi Press Agency (SPA)": so named after
            out.append(m)
        if short:
            # the acronym is that actor wherever the report uses it, named so by the NER or not
            out = [m for m in out if not (m.end == m.start + 1 and doc[m.start].text in short)]
            taken = {i for m in out if m.start >= 0 for i in range(m.start, m.end)}
            out += [_mention(short[t.text], doc[t.i:t.i + 1]) for t in doc if t.text in short and t.i not in taken]
            out.sort(key=lambda m: m.start)
        return out

    def _split_routes(self, doc: Doc, ents):
        """``ents``, with a name no table holds that has a [names] routes word inside it in lower
        case ("airlifted from Gedo to Wajir", one GPE to a NER) taken as the names either side."""
        out = []
        for ent in ents:
            cuts = [i for i in range(ent.start + 1, ent.end - 1)
                    if doc[i].text in self.routes] if self.routes and not ent.ent_id_ and len(ent) > 2 else ()
            if not cuts:
                out.append(ent)
                continue
            lo = ent.start
            for cut in (*cuts, ent.end):
                if cut > lo:
                    out.append(Span(doc, lo, cut, label=ent.label))
                lo = cut + 1
        return out

    def _fallen_in_table(self, aid: str) -> bool:
        """Whether the alias table names ``aid`` as a fallen ruler (an alias or role "ousted Syrian president")."""
        memo = self._fallen_memo
        if aid not in memo:
            actor = self.table.actors.get(aid)
            memo[aid] = actor is not None and any(
                phrase_len(w, k, self.fallen) and any(phrase_len(w, j, self.rulers) for j in range(k + 1, len(w)))
                for w in map(_words, actor.aliases + actor.roles) for k in range(len(w)))
        return memo[aid]

    def _fallen_leader(self, doc: Doc, mentions: list) -> list:
        """A ruler's title after a fallen standing, with no name of its own ("Kyrgyzstan's ousted
        president", "the deposed president", "the former Gambian president"): the report's
        protagonist, the person it names most often (the first named, of equals). A demonym inside
        the phrase is the title's, no party of its own. None where the report names no person."""
        if not self.fallen or not self.rulers:
            return mentions
        counts, first = {}, {}
        for m in mentions:
            actor = self.table.actors.get(m.actor) or self.discovered.get(m.actor)
            if actor is not None and actor.kind == "person":
                counts[m.actor] = counts.get(m.actor, 0) + 1
                first.setdefault(m.actor, m.start)
        if not counts:
            return mentions
        low = lower_words(doc)
        # (of those the alias table itself calls fallen rulers, if any: "the ousted president" of a
        # report naming Maher al-Assad more often than his brother is still the one the table calls
        # "ousted Syrian president")
        fallen = [a for a in counts if self._fallen_in_table(a)]
        hero = min(fallen or counts, key=lambda a: (-counts[a], first[a]))
        # "Belarusian President Alexander Lukashenko ... the Belarusian leader": a ruler's title with a
        # demonym the report gave a person before their name is that person's, later
        titled = {}
        for m in mentions:
            if m.actor not in counts:
                continue
            for at in (m.start, m.start + 1):  # (the title before the name, or inside the mention)
                for r in self.rulers:
                    k = at - len(r) if at == m.start else at
                    if k < 1 or tuple(low[k:k + len(r)]) != r or (at != m.start and k + len(r) >= m.end):
                        continue
                    if low[k - 1] in self.demonyms and (at == m.start or k - 1 == m.start):
                        titled.setdefault(low[k - 1], m.actor)
        starts = {m.start: m for m in mentions}
        covered = {i: m for m in mentions for i in range(m.start, m.end)}
        add, drop = [], set()
        i, n = 0, len(doc)
        while i < n:
            k = phrase_len(low, i, self.fallen)
            whose = hero
            if not k and i > 0 and low[i - 1] == "the" and low[i] in titled and (
                    i not in covered or covered[i].end == i + 1):
                k, whose = 0, titled[low[i]]  # "the Belarusian leader"
            elif not k or i in covered or not (i > 0 and low[i - 1] in ("the", "'s", "’s", "a", "an")):
                i += 1
                continue
            if k and low[i - 1] in ("a", "an"):
                whose = None  # ("Hariri, A FORMER Lebanese prime minister": one of them, no one the report means)
            j = i + k
            while more := phrase_len(low, j, self.fallen):  # ("the ousted, exiled president")
                j += more
            inner = []
            if j < n and (low[j] in self.demonyms or low[j] == "military"):
                if j in covered:
                    inner.append(covered[j])
                j += 1
            r = phrase_len(low, j, self.rulers)
            end = j + r
            if not r or any(t in covered and covered[t] not in inner for t in range(i, end)) or (
                    end < n and (end in starts or low[end] == "of" or (doc[end].is_title and doc[end].is_alpha))):
                i += 1  # no ruler's title, or one with a name or an "of" of its own
                continue
            drop.update(id(m) for m in inner)
            holders = {m.actor for m in inner if self._kind(m.actor) == "person"}
            if whose in holders:
                # ("the FORMER Lebanese prime minister" is not the one the table gives the office today:
                # the protagonist among the others, or no one)
                others = [a for a in counts if a not in holders]
                whose = min(others, key=lambda a: (-counts[a], first[a])) if others else None
            if whose is not None:
                add.append(Mention(whose, doc[i:end].text, doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text), i, end))
            i = end
        if not add and not drop:
            return mentions
        return sorted([m for m in mentions if id(m) not in drop] + add, key=lambda m: (m.start, m.end))

    def _named_titles(self, doc: Doc, mentions: list) -> list:
        """Drop a title the table gives one person ("US President" -> its holder) where a person the
        NER or the table names stands right after it, or after it and a comma as its apposition: "the
        US President Barack Obama" and "Erdogan met Syria's president, Ahmed al-Sharaa, in Ankara" are
        Obama and al-Sharaa, not the table's president of the day. (Without a NER only a table name
        after it counts.)"""
        starts = {m.start: m for m in mentions}
        out = []
        for m in mentions:
            if self._is_role(m) and m.end < len(doc):
                nxt = self._named_after(doc, m, starts)
                if nxt is not None and nxt.actor != m.actor:
                    continue
            out.append(m)
        return out

    def _is_role(self, m) -> bool:
        """Whether ``m`` names a person of the table by one of its roles ("Syrian President")."""
        actor = self.table.actors.get(m.actor)
        return actor is not None and actor.kind == "person" and normalize(m.text) in self._roles(m.actor)

    def _named_after(self, doc: Doc, m, starts: dict):
        """The person named right after the title ``m``, or after it and a comma where the name then
        ends its phrase (a comma, a stop or a bracket: an apposition, not a list's next member)."""
        nxt = starts.get(m.end)
        if nxt is None and m.end + 1 < len(doc) and doc[m.end].text == ",":
            j = m.end + 1
            while j < min(m.end + 3, len(doc) - 1) and j not in starts and (
                    doc[j].lower_ in self.title_words or doc[j].text == "."):
                j += 1  # (a title of address: "The French President, MR Nicolas Sarkozy,")
            nxt = starts.get(j)
            if nxt is not None and nxt.end < len(doc) and doc[nxt.end].text not in (",", ".", ")", ";", "—", "–"):
                nxt = None
        return nxt if nxt is not None and self._kind(nxt.actor) == "person" else None

    def _held_roles(self, doc: Doc, mentions: list, date: str) -> list:
        """A role the table's [[handovers]] passed on by the report's ``date`` names its new holder ("the
        Syrian president" in a report of February 2025 is al-Sharaa), or no one where the table names
        no holder on that date ("the French president" in 2007), unless a person's name stands with it
        ("Syrian President Bashar al-Assad", "Assad, the Syrian president,"): the name decides."""
        if not self.table.table.handovers or not date:
            return mentions
        starts = {m.start: m for m in mentions}
        ends = {m.end: m for m in mentions}
        out = []
        for m in mentions:
            holder = self.table.table.holder(m.actor, m.text, date)
            if holder != m.actor and self._is_role(m) and self._named_after(doc, m, starts) is None:
                k = m.start - (1 if m.start and doc[m.start - 1].lower_ == "the" else 0)
                before = ends.get(k - 1) if k and doc[k - 1].text == "," else None
                if before is None or self._kind(before.actor) != "person":
                    if holder is None:
                        continue  # ("the French president" in 2007: not the table's of today)
                    m = replace(m, actor=holder)
            out.append(m)
        return out

    def _kind(self, aid: str) -> str:
        actor = self.table.actors.get(aid) or self.discovered.get(aid)
        return actor.kind if actor is not None else "person"

    def _title_references(self, doc: Doc, mentions: list) -> list:
        """"Army Chief General Ashok Raj Sigdel asked Oli to resign. ... Oli spoke to THE ARMY CHIEF": a
        definite title with no name after it ("the" and the words of a title the report put before one
        person's name earlier, with the word before that title) stands for that person; not where two
        people were introduced by it, nor where the title has a name, an "of" or a demonym with it."""
        if not self.title_words or not mentions:
            return mentions
        low = lower_words(doc)
        persons = {}  # title words before a name ("foreign minister"; "army chief": the word before them) -> ids
        starts = {m.start for m in mentions}
        mentions = sorted(mentions, key=lambda m: m.start)
        firsts = [m.start for m in mentions]
        added = []
        pos = 0
        for i in range(len(doc)):
            while pos < len(mentions) and firsts[pos] < i:  # (the people named before word i, once each)
                m = mentions[pos]
                pos += 1
                if (self.table.actors.get(m.actor) or self.discovered.get(m.actor)) is None or \
                        self._kind(m.actor) != "person":
                    continue
                j = m.start
                while j - 1 >= 0 and low[j - 1] in self.title_words and not doc[j].is_sent_start:
                    j -= 1
                if j == m.start:
                    continue
                run = low[j:m.start]  # "chief general", "foreign minister" (never a part: "DEPUTY prime minister")
                keys = {" ".join(run)}
                if j - 1 >= 0 and doc[j - 1].is_alpha and low[j - 1] != "the" and not doc[j].is_sent_start:
                    keys.add(low[j - 1] + " " + run[0])  # "ARMY chief"
                for key in keys:
                    persons.setdefault(key, set()).add(m.actor)
            if low[i] != "the" or i + 2 > len(doc):
                continue
            k = i + 1
            while k < len(doc) and (low[k] in self.title_words or (k == i + 1 and doc[k].is_alpha and k + 1 < len(doc)
                                                                   and low[k + 1] in self.title_words)):
                k += 1
            if k - i < 2 or low[k - 1] not in self.title_words or (k < len(doc) and (
                    low[k] in ("of", "'s", "’s") or doc[k].is_title or k in starts)):
                continue
            inside = [m for m in mentions[bisect_left(firsts, i - _LONGEST):bisect_left(firsts, k)]
                      if i < m.start < k or i < m.end - 1 < k]
            # (a name NER took inside it that is no person may go: "the ARMY Chief"; not a person, nor past it)
            if low[i + 1] in self.demonyms or any(m.start <= i or m.end > k or self._kind(m.actor) == "person"
                                                  for m in inside):
                continue
            key = " ".join(low[i + 1:k])
            ids = None if (low[i + 1:k] == [low[k - 1]] and (low[k - 1],) in self.rulers) else persons.get(key)
            # ("the president" alone: whose? The report may mean another than the one it titled so)
            if ids and len(ids) == 1:
                span = doc[i + 1:k]
                added.append((Mention(next(iter(ids)), span.text, span.start_char, span.end_char, i + 1, k), inside))
        if not added:
            return mentions
        gone = {id(m) for _, inside in added for m in inside}
        return sorted([m for m in mentions if id(m) not in gone] + [a for a, _ in added], key=lambda m: m.start)

    def _in_context(self, mentions: list) -> list:
        """Drop the mentions of an actor with a ``context`` (alias table key) made by a name other
        than its label, in a report that names none of its context actors: "the rebels" and
        "al-Bashir" are the Syrian ones only where the report is about Syria."""
        actors = self.table.actors
        bound = [m for m in mentions if m.actor in actors and actors[m.actor].context]
        if not bound:
            return mentions
        named = {m.actor for m in mentions}
        by_label = {m.actor for m in bound if normalize(m.text) == normalize(actors[m.actor].label)}
        ok = {a for a in {m.actor for m in bound} if a in by_label or named.intersection(actors[a].context)}
        return [m for m in mentions if m.actor not in actors or not actors[m.actor].context or m.actor in ok]

    def _full_names(self, ents) -> dict:
        """``{surname: person id, (first, last): person id, person id: full name}`` of the people NER
        names in full (two words or more) and the table lacks, and the surnames of the table's people
        the report names in full; a surname two of them share is left out."""
        by_surname: dict = {}
        out: dict = {}
        for ent in ents:
            if ent.ent_id_ and len(ent) > 1 and getattr(self.table.actors.get(ent.ent_id_), "kind", None) == "person" \
                    and ent[-1].is_title and ent[-1].is_alpha:
                # the table's person named in full ("Jorge Serrano"): a later surname it lacks ("Serrano") is his
                by_surname.setdefault(ent[-1].text, set()).add(ent.ent_id_)
            if ent.ent_id_ or NER_KINDS.get(ent.label_) != "person" or len(ent) < 2:
                continue
            name = " ".join(ent.text.split()).strip(" '\"’“”,;:")
            if not name[:1].isupper() or self.table.resolve(name) or name.lower() in self.table.demonym_names:
                continue
            did = discovered_id(name)
            key = _first_last(name)
            if isinstance(key, tuple) and key not in out:
                out[key] = did
                out.setdefault(did, name)
            by_surname.setdefault(name.split()[-1], set()).add(out.get(key, did))
        for surname, ids in by_surname.items():
            if len(ids) == 1 and len(surname) > 2 and surname[:1].isupper():
                out[surname] = next(iter(ids))
        return out

    def _longer_name(self, doc: Doc, ent, aid: str) -> Mention | None:
        """"Rifaat al-Assad": a person's surname alias right after other names is someone else.

        Capitalised words before the alias that are no title, demonym, common word or the
        actor's own first name make a longer name; unless the table knows it, that person
        is discovered (not the table's "Assad")."""
        actor = self.table.actors[aid]
        if actor.kind != "person" or ent.start == 0:
            return None
        if actor.roles and normalize(ent.text) in {normalize(r) for r in actor.roles}:
            return None  # a title, no surname: "Former WEST German Chancellor Willy Brandt" names no "West"
        first = actor.label.split()[0].lower()
        if ent[0].lower_ == first or ent[0].lower_ in self.titles:
            return None  # (nor where the alias opens with a title: "Saudi Arabian Crown PRINCE Mohammed bin Salman")
        j = ent.start
        while j > 0:
            prev = doc[j - 1]
            if not (prev.is_title and prev.is_alpha) or prev.is_stop or prev.ent_id_ or prev.lower_ in self.titles \
                    or prev.lower_ in self.demonyms or prev.lower_ == first or prev.lower_ in self.calendar \
                    or prev.ent_type_ in ("DATE", "TIME"):
                break
            j -= 1
        if j == ent.start:
            return None
        if j > 0 and doc[j - 1].lower_ == first and ent.start - j <= 2:
            # "Geir O Pedersen", "Bishop ROLANDO JOSÉ Álvarez": the table's first name, a middle name or
            # initial, and its surname are the same person
            return _mention(actor.id, doc[j - 1:ent.end])
        span = doc[j:ent.end]
        # ("Jean Bedel Bokassa" is the table's "Jean-Bédel Bokassa": the same words up to hyphens and accents)
        return _mention(self._actor_named(" ".join(span.text.split()), "person", spelt_alike=True), span)

    def _demonym_phrases(self, doc: Doc, out: list, lower: list) -> list:
        """"A high-level Pakistani religious and government DELEGATION": a demonym, words of [names]
        state_modifiers and a one-word collective noun of the table name the state, as "Pakistani
        delegation" does (not "Syrian OPPOSITION delegation": no such word between). ``lower``: the
        doc's LOWER array (a Token is made only where a demonym stands)."""
        if not self.state_modifiers:
            return out
        if self._demonym_hashes is None:
            self._demonym_hashes = {hash_string(d): state for d, state in self.demonyms.items()}
        taken = {i for m in out for i in range(m.start, m.end)}
        extra = []
        for k, h in enumerate(lower):
            state = self._demonym_hashes.get(h)
            if state is None or k in taken or not doc[k].is_title:
                continue
            j = k + 1
            while j < len(doc) and j - k <= 5 and j not in taken and doc[j].lower_ in self.state_modifiers:
                j += 1
            if j - k > 1 and j < len(doc) and j not in taken and doc[j].lower_ in self.table.table.collective_nouns \
                    and doc[j - 1].lower_ not in ("and", "-"):
                i = k  # (with the words before it: "a HIGH-LEVEL Pakistani ... delegation")
                while i > 0 and k - i < 4 and i - 1 not in taken and doc[i - 1].lower_ in self.state_modifiers \
                        and doc[i - 1].lower_ != "and":
                    i -= 1
                extra.append(_mention(state, doc[i:j + 1]))
        return sorted(out + extra, key=lambda m: m.start) if extra else out

    def _demonym_lists(self, doc: Doc, out: list) -> list:
        """"Turkish and Qatari officials": the collective noun is shared, so each demonym
        before it names its state ("Turkish" -> Turkey) as well as the last one."""
        extra = []
        for m in out:
            span = doc[m.start:m.end]
            if len(span) < 2 or span[-1].lower_ not in self.collective_last or \
                    self.demonyms.get(span[0].lower_) != m.actor:
                continue
            i = m.start
            while i >= 2 and doc[i - 1].lower_ in (",", "and", "or") and doc[i - 2].lower_ in self.demonyms:
                i -= 2
                if doc[i].ent_type_:
                    break  # already part of a name
                extra.append(_mention(self.demonyms[doc[i].lower_], doc[i:i + 1]))
        if not extra:
            return out
        taken = {i for m in out for i in range(m.start, m.end)}
        extra = [m for m in extra if m.start not in taken]
        return sorted(out + extra, key=lambda m: m.start)

    def _short_mentions(self, doc: Doc, out: list, ents=None) -> list:
        """Later "Pira" after "PUK spokesperson Saadi Ahmed Pira": the same discovered person.

        A surname names a discovered person of this document when no other
        person of the document shares it; it is matched in Title Case only. So does a one-word name
        the NER tagged once ("Sara told Syria Direct") where it left it untagged ("SARA fled to Lebanon").
        """
        owners: dict[str, set] = {}
        for m in out:
            actor = self.discovered.get(m.actor)
            last = doc[m.end - 1]
            if actor and actor.kind == "person" and last.is_alpha and (m.end - m.start > 1 or last.is_title):
                owners.setdefault(last.text, set()).add(m.actor)
        short = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1 and len(k) > 2}
        if not short:
            return out
        covered = {i for m in out for i in range(m.start, m.end)}
        for ent in (doc.ents if ents is None else ents):
            covered.update(range(ent.start, ent.end))
        extra = []
        # Compare each token's text by its hash (one array, no Token per word of the doc).
        by_hash = {hash_string(k): v for k, v in short.items()}
        for i, h in enumerate(doc.to_array(ORTH).tolist()):
            aid = by_hash.get(h)
            if aid is None or i in covered:
                continue
            start = i
            while start >= 2 and doc[start - 1].text in "-‐" and doc[start - 2].lower_ in ("al", "el") \
                    and start - 2 not in covered:
                start -= 2  # "al-Awda"
            extra.append(_mention(aid, doc[start:i + 1]))
        return sorted(out + extra, key=lambda m: m.start)
