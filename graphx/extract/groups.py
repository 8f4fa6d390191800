"""Group actors: "Syrian soldiers", "Hezbollah fighters", "Maher al-Assad's wife and son".

A group of people named by a collective noun and the state, organisation or
person it belongs to is an actor of its own (kind ``group``, ``member_of`` its
owner): soldiers flee, a family is evacuated, a state does neither. The words
are data (``[groups]`` of the language file): ``people`` nouns ("soldiers",
"officials"), ``kin`` nouns ("family", "wife", "son": a person's family), and
``modifiers`` that may stand between the owner and the noun ("army", "security").
The owner is read, in order of the patterns:

* a demonym or an actor's name right before the noun: "Syrian (army) soldiers",
  "Hezbollah fighters", "Iranian diplomats";
* an actor's possessive: "Assad's family", "Maher al-Assad's wife and son";
* an ``of`` phrase: "the family of Maher al-Assad", "relatives of Rami Makhlouf";
* a possessive pronoun ("his family", "its fighters"): resolved with the other
  pronouns of the sentence (:mod:`graphx.extract.tokens.clauses`).

The build gets the group as a discovered actor and an edge ``member-of`` its
owner (``relations.toml``: ``members = true``).
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Actor, Mention
from .sentence import lower_words

KIN_GROUP = "family"


class GroupWords:
    """A language's ``[groups]`` words (lower case).

    An entry may name the noun a group is known by in every language: ``"العسكريين = soldiers"``
    (Arabic "soldiers" makes the same ``syria_soldiers`` as English "Syrian soldiers"); an entry
    without ``=`` is its own noun.

    >>> from graphx.lexicon import Language
    >>> w = GroupWords(Language("ar", groups={"people": ("الجنود = soldiers",), "kin": ("عائلة",)}))
    >>> w.canonical("الجنود"), w.canonical("عائلة")
    ('soldiers', 'family')
    """

    def __init__(self, language, split=None):
        words = language.words()
        split = split or (lambda form: form)
        self.nouns: dict[str, str] = {}  # a form as written (or as ``split`` compares it) -> its noun

        def forms(key):
            out = set()
            for entry in words.get(key, ()):
                form, _, noun = entry.partition("=")
                form = split(form.strip())
                out.add(form)
                if noun.strip() or form not in self.nouns:  # (a noun may be a modifier too)
                    self.nouns[form] = noun.strip() or form
            return out

        self.kin = forms("kin")
        # communities ("Alawites", "Kurds"): a group of their own where no one owns them, else the owner's
        self.communities = forms("communities")
        self.people = forms("people") | self.kin | self.communities
        self.modifiers = forms("modifiers")
        self.quantities = forms("quantities")
        self.envoys = forms("envoys")
        self.met_preps = {split(w) for w in words.get("met_preps", ())}
        # kin nouns that are civilians where a state owns them ("Syrian FAMILIES")
        self.civilian_kin = {split(w) for w in words.get("civilians", ())} & self.kin
        # words joined by a hyphen before the owner: the group is for or against it, not its ("PRO-Assad")
        self.stances = {split(w) for w in words.get("stances", ())}
        self.linkers = {"and", ","}
        # nouns of one person's office ("ambassador", "envoy"): a group only where no name follows
        self.titles = {t for t in words.get("titles", ()) if " " not in t}
        def phrases(key, default):
            """``key``'s phrases as word tuples (split as the tokenizer does: "ambassador's" is
            "ambassador" "'s") -> the noun after "=", else ``default(phrase)``."""
            out: dict[tuple, str] = {}
            for entry in words.get(key, ()):
                form, _, noun = entry.partition("=")
                phrase = tuple(split(w) for w in form.replace("'s", " 's").replace("’s", " ’s").split())
                if phrase:
                    out[phrase] = noun.strip() or default(phrase)
            return out

        # a state's buildings abroad ("embassy", "high commission"): the words -> the place's noun
        self.premises = phrases("premises", " ".join)
        # a group no one owns, named by what it is ("COUP leaders", "FLIGHT crew", "RIOT police"): the
        # words before the noun, and the nouns that only such a group has
        self.unowned = forms("unowned")
        self.unowned_nouns = forms("unowned_nouns")
        # words written like a group noun with its owner that mean something else ("بأسرها": entirely)
        self.idioms = {split(w) for w in words.get("idioms", ())}
        # "people close to X": the phrase's words (lower case) -> the group's noun
        self.close = phrases("close", lambda phrase: phrase[0])

    def canonical(self, noun: str) -> str:
        return KIN_GROUP if noun in self.kin else self.nouns.get(noun, noun)


def demonym_before(lower, j, index) -> int:
    """How many words (2 or 3) before token ``j`` make a demonym of several words ("South African"),
    or 0."""
    return next((k for k in (2, 3) if j - k >= 0 and tuple(lower[j - k:j]) in index.demonym_phrases), 0)


def civilian_endings(language) -> tuple:
    """The id endings of the groups of a language's ``[groups] civilians`` ("..._families",
    "..._asylum_seekers"): people who never advance as an army does."""
    return tuple("_" + w.replace(" ", "_") for w in language.words().get("civilians", ()))


def group_id(owner: str, noun: str) -> str:
    return f"{owner}_{noun.replace(' ', '_')}"


def group_actor(owner: Actor, noun: str, surface: str, demonym: str = "") -> Actor:
    """The group actor of ``owner``'s ``noun`` (a canonical noun: "soldiers", "family")."""
    if noun == KIN_GROUP and owner.kind == "group":  # "their relatives": the officials' families
        label = f"{owner.label}{chr(39) if owner.label.endswith('s') else chr(39) + 's'} families"
    elif noun == KIN_GROUP:
        label = f"{owner.label}'s family"
    else:
        # one name whichever naming came first ("Mexico's ambassador", "the Mexican ambassador"): the
        # owner's first demonym in the tables, else the one written, else the owner's label
        demonym = next((d for d in owner.demonyms if d[:1].isupper()), "") or demonym
        label = f"{demonym[:1].upper()}{demonym[1:]} {noun}" if demonym else f"{owner.label} {noun}"
    aliases = tuple(dict.fromkeys(a for a in (label, " ".join(surface.split())) if a))
    return Actor(id=group_id(owner.id, noun), label=label, kind="group", aliases=aliases, discovered=True,
                 member_of=owner.id)


def remember(discovered: dict, actor: Actor, words: str) -> Actor:
    """``actor`` in ``discovered`` (the one already there if any), with ``words`` among its aliases:
    a discovered group lists the words of every naming ("his family", "his wife")."""
    known = discovered.setdefault(actor.id, actor)
    words = " ".join(words.split())
    if known.discovered and words and words not in known.aliases:
        known = discovered[actor.id] = replace(known, aliases=known.aliases + (words,))
    return known


def find_groups(doc, mentions: list, index, words: GroupWords, discovered: dict) -> list:
    """``mentions`` with the group phrases of ``doc`` as group mentions (an owner's mention
    inside one is replaced by it); new group actors go into ``discovered``."""
    if not words.people:
        return mentions
    lower = lower_words(doc)
    n = len(lower)
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    found: list[tuple[int, int, str, str, str]] = []  # (start, end, owner id, noun, demonym)

    def owner(aid):
        return index.actors.get(aid) or discovered.get(aid)

    i = 0
    while i < n:
        noun = lower[i]
        if noun not in words.people and noun not in words.unowned_nouns:
            i += 1
            continue
        # the nouns of the group: "wife and son", "officers and soldiers"
        j = i
        while j - 1 >= 0 and lower[j - 1] in words.modifiers:
            j -= 1
        # ("SYRIAN regime forces and COMMANDERS OF Iran-backed groups": a noun with an owner of its own
        # after one owned before it is no part of that group; "wife and son OF Maher" share theirs)
        owned = j in by_end or (j - 1 >= 0 and (lower[j - 1] in index.demonym_state or lower[j - 1] in ("'s", "’s")))
        end = i + 1
        while end + 1 < n and lower[end] in words.linkers and lower[end + 1] in words.people and not (
                owned and end + 2 < n and lower[end + 2] == "of"):
            end += 2
        hit = None
        # a demonym of two or three words right before ("South African envoys"), no mention inside it
        phrase = demonym_before(lower, j, index) or None
        if phrase and any(t in by_end or t in by_start for t in range(j - phrase + 1, j)):
            phrase = None
        if j < i and i in by_end and by_end[i].start < j:  # "Syrian army soldiers": the army's, not Syria's
            m = by_end[i]
            hit = (m.start, end, m.actor, "")
        elif j - 1 >= 0 and lower[j - 1] in ("'s", "’s") and (j - 1) in by_end:  # Assad's family
            m = by_end[j - 1]
            hit = (m.start, end, m.actor, "")
        elif j in by_end:  # Hezbollah fighters
            m = by_end[j]
            hit = (m.start, end, m.actor, "")
        elif phrase is not None:  # (the longer first: "EAST GERMAN officials" are not Germany's)
            hit = (j - phrase, end, index.demonym_phrases[tuple(lower[j - phrase:j])], doc[j - phrase:j].text)
        elif j - 1 >= 0 and lower[j - 1] in index.demonym_state:  # Syrian (army) soldiers
            hit = (j - 1, end, index.demonym_state[lower[j - 1]], doc[j - 1].text)
        else:  # the family of Maher al-Assad, relatives of Rami Makhlouf
            k = end + 1 if end < n and lower[end] == "of" else None
            if k is not None and k < n and lower[k] == "the":
                k += 1
            while k is not None and k < n and k not in by_start and lower[k] in words.titles and doc[k].is_title:
                k += 1  # ("senior members of PRESIDENT Bashar al-Assad's government": the person's)
            if k is not None and k in by_start:
                m = by_start[k]
                if m.end + 1 < n and lower[m.end] in ("'s", "’s") and (m.end + 1) in by_start:
                    m = by_start[m.end + 1]  # "members of Iran's Quds Force": the Quds Force's
                nxt = m.end + (1 if m.end < n and lower[m.end] in words.linkers else 0)
                nxt += 1 if nxt < n and lower[nxt] in words.linkers else 0
                other = by_start.get(nxt) or by_start.get(nxt + 1) if nxt > m.end and (
                    nxt in by_start or lower[nxt] == "the") else None
                listed = noun in words.envoys and other is not None and not (
                    other.end < n and lower[other.end] in ("'s", "’s"))
                # ("commanders of IRAN-BACKED groups" are not Iran's: those it backs)
                backed = m.end + 1 < n and lower[m.end] == "-" and lower[m.end + 1] in words.modifiers
                if not listed and not backed:  # ("envoys of Russia, Turkey and Iran" are no group of one owner: the list meets)
                    hit = (i, m.end, m.actor, "")
        if hit is not None and noun not in words.people:
            hit = None  # (a noun only an unowned group has: "Hezbollah leaders" stay Hezbollah)
        if hit is not None and hit[0] >= 2 and lower[hit[0] - 1] == "-" and lower[hit[0] - 2] in words.stances:
            hit = None  # ("PRO-Assad activists" are for him, not his)
        if hit is not None and noun in words.titles and noun not in words.kin and _named(doc, lower, end, by_start):
            hit = None  # ("US ENVOY Tom Barrack", "the US AMBASSADOR to Syria, Robert Ford": a person)
        if hit is not None and owner(hit[2]) is not None and owner(hit[2]).kind != "place":
            last = noun if end == i + 1 else lower[end - 1]
            canonical = words.canonical(last)
            if canonical == KIN_GROUP and last in words.civilian_kin and owner(hit[2]).kind in ("state", "organisation"):
                canonical = last  # ("Syrian FAMILIES": families of Syrians, civilians; not Syria's family)
            found.append((hit[0], hit[1], hit[2], canonical, hit[3]))
            k = hit[0]
            # ("TURKISH and Qatari officials", "Egyptian, SAUDI and Qatari envoys": the noun is each one's)
            while hit[3] and k >= 2 and lower[k - 1] in words.linkers and lower[k - 2] in index.demonym_state \
                    and (k - 2) not in by_start and (k - 2) not in by_end and not doc[k - 2].ent_type_ == "PERSON":
                k -= 2
                found.append((k, k + 1, index.demonym_state[lower[k]], canonical, doc[k].text))
        elif hit is None and words.unowned and i - 1 >= 0 and lower[i - 1] in words.unowned and \
                (i - 1) not in by_end and not any(k in by_start for k in range(i - 1, end)) and \
                not (i - 2 >= 0 and (lower[i - 2] in ("'s", "’s") or lower[i - 2] in index.demonym_state
                                     or (i - 1) in by_end or (i - 2) in by_end)):
            first = i - 1
            if first >= 1 and doc[first - 1].ent_type_ == "NORP" and doc[first - 1].is_title and \
                    (first - 1) not in by_end and lower[first - 1] not in index.demonym_state:
                first -= 1  # (a faith or people no state owns before them: "CHRISTIAN religious leaders")
            found.append((first, end, "", " ".join(lower[first:end]), ""))
        elif hit is None and noun in words.communities and end == i + 1 and doc[i].is_title and \
                i not in by_start and i not in by_end and not (i - 1 >= 0 and (
                    lower[i - 1] in ("'s", "’s", "-") or (i - 1) in by_end or lower[i - 1] in index.demonym_state)):
            found.append((i, end, "", doc[i].text, ""))  # "thousands of ALAWITES": a community of its own
        i = end
    # "people close to the former ruling family of Bashar al-Assad": the group of whom they are close
    # to (its first mention or group within four words, no punctuation between)
    for phrase, noun in words.close.items():
        size = len(phrase)
        for i in range(n - size):
            if tuple(lower[i:i + size]) != phrase:
                continue
            k = i + size
            heads = {f[0]: f for f in found}
            for j in range(k, min(k + 5, n)):
                if j in heads or j in by_start:
                    f = heads.get(j)
                    if f is not None:  # a group: its owner's ("close to the family of X": X's)
                        found.append((i, f[1], f[2], noun, ""))
                    else:
                        found.append((i, by_start[j].end, by_start[j].actor, noun, ""))
                    break
                if doc[j].is_punct:
                    break
    # "thousands of Syrians", "some 450 Afghans": a number of a state's people is a group of its
    # nationals, not the state ("the Iranians told Assad" stays Iran)
    for m in mentions:
        a = owner(m.actor)
        if a is None or a.kind != "state" or not a.people or m.start < 1:
            continue
        if doc[m.start:m.end].text not in a.people:  # (one word or more: "18 EAST GERMANS")
            continue
        k = m.start - 1
        if lower[k] == "of" and k >= 1:
            k -= 1
        if doc[k].like_num or lower[k] in words.quantities:
            found.append((m.start, m.end, a.id, "nationals", ""))
    if not found:
        return mentions
    taken: set = set()
    groups = []
    for start, end, aid, noun, demonym in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        span = doc[start:end]
        if not aid:  # no owner: the group is its own words ("coup leaders")
            gid = "group_" + "_".join(noun.lower().replace("-", " ").split())
            actor = Actor(id=gid, label=noun, kind="group", aliases=(noun,), discovered=True)
            remember(discovered, actor, span.text)
            groups.append(Mention(gid, span.text, span.start_char, span.end_char, start, end))
            continue
        actor = group_actor(owner(aid), noun, span.text, demonym)
        if noun == "nationals" and not demonym and span.text in owner(aid).people:
            # (named by the report's own word, "Syrians": a cached result's names must be its words)
            actor = replace(actor, label=span.text, aliases=(span.text,))
        # (a demonym listed before another's group noun is named by the two: "Turkish officials")
        remember(discovered, actor, span.text if end - start > 1 or not demonym else actor.label)
        groups.append(Mention(actor.id, span.text, span.start_char, span.end_char, start, end))
    kept = [m for m in mentions if not taken.intersection(range(m.start, m.end))]
    return sorted(kept + groups, key=lambda m: m.start)


def _named(doc, lower, end, by_start) -> bool:
    """Whether a person's office word ending at ``end`` has the person's name after it: right after
    ("envoy Tom Barrack"), or after its "to"/"for" phrase and a comma ("ambassador to Syria, Robert
    Ford"), or is a name itself (a capitalised word no table lists)."""
    if end >= len(doc):
        return False
    if lower[end] in ("'s", "’s"):
        return True  # ("the Brazilian AMBASSADOR'S residence": a thing of the office, a place of [groups] premises)
    # (a title-case heading capitalises its "To": "Ambassador To Syria Meets ..." names no one there)
    if end in by_start or (doc[end].is_title and doc[end].pos_ in ("PROPN", "") and lower[end] not in ("to", "for")
                           and not doc[end].is_sent_start):
        return True
    for k in range(end, min(end + 6, len(doc) - 1)):
        if lower[k] == "," and (k + 1 in by_start or doc[k + 1].is_title):
            return lower[end] in ("to", "for", "in")
        if doc[k].is_punct:
            return False
    return False


def premises_actor(owner: Actor, noun: str, surface: str) -> Actor:
    """The place ``owner`` keeps abroad named by ``noun`` ("embassy"): "French embassy", member of France.
    Its label is made of the owner's names only (the first demonym the tables give, else its label),
    so that every report's naming ("the embassy of France", "France's embassy") is the one actor."""
    demonym = next((d for d in owner.demonyms if d[:1].isupper()), "")
    label = f"{demonym or owner.label} {noun}"
    aliases = tuple(dict.fromkeys(a for a in (label, " ".join(surface.split())) if a))
    return Actor(id=group_id(owner.id, noun), label=label, kind="place", aliases=aliases, discovered=True,
                 member_of=owner.id)


def find_premises(doc, mentions: list, index, words: GroupWords, discovered: dict) -> list:
    """``mentions`` with a state's building abroad as a place of its own: "holed up in the French
    embassy", "Ecuador's London embassy", "the embassy of Senegal", "the Indian high commission in
    Male" (the town it stands in is part of the naming, no destination of its own). The state's
    mention inside it is replaced; a group already named with the building ("Iranian embassy staff")
    keeps it. New place actors go into ``discovered``."""
    if not words.premises:
        return mentions
    lower = lower_words(doc)
    n = len(lower)
    by_start = {m.start: m for m in mentions if m.start >= 0}
    by_end = {m.end: m for m in mentions if m.start >= 0}
    taken = {t for m in mentions if m.start >= 0 and (getattr(index.actors.get(m.actor) or discovered.get(m.actor),
                                                              "kind", "") == "group") for t in range(m.start, m.end)}
    possessive = ("'s", "’s")

    def state(aid):
        actor = index.actors.get(aid) or discovered.get(aid)
        return actor if actor is not None and actor.kind in ("state", "organisation") else None

    def place(m):
        actor = index.actors.get(m.actor) or discovered.get(m.actor)
        return m.actor in index.capital_of or (actor is not None and actor.kind == "place")

    firsts = {p[0] for p in words.premises}
    found = []  # (start, end, owner actor, noun)
    last = {}  # noun -> the owner of the last building the report named with it
    for i in range(n):
        if lower[i] not in firsts:  # (most words start no building's name: one set lookup)
            continue
        phrase = next((p for p in words.premises if tuple(lower[i:i + len(p)]) == p), None)
        if phrase is None or taken.intersection(range(i, i + len(phrase))):
            continue
        end = i + len(phrase)
        start, owner = i, None
        covering = next((m for m in mentions if 0 <= m.start < i < m.end <= end), None)
        if covering is not None and covering.start - 1 >= 0 and lower[covering.start - 1] in possessive and \
                lower[covering.start] in index.demonym_state:
            covering = None  # ("Chile's SOVIET EMBASSY", taken as one name: the possessor's, read below)
        if covering is not None:  # a name the NER or the ruler took with the noun: "Senegalese embassy"
            start, owner = covering.start, state(covering.actor)
        else:
            k = i
            if k in by_end and (place(by_end[k]) or state(by_end[k].actor)) and by_end[k].start - 1 >= 0 and \
                    lower[by_end[k].start - 1] in possessive:
                k = by_end[k].start  # Ecuador's LONDON embassy
            elif k - 2 >= 0 and (lower[k - 1] in index.demonym_state or doc[k - 1].is_title) and \
                    lower[k - 2] in possessive:
                k -= 1  # Chile's SOVIET embassy
            if k - 1 >= 0 and lower[k - 1] in possessive and (k - 1) in by_end:
                start, owner = by_end[k - 1].start, state(by_end[k - 1].actor)
            elif k in by_end:  # the U.S. Embassy, the French embassy
                start, owner = by_end[k].start, state(by_end[k].actor)
            elif k - 1 >= 0 and lower[k - 1] in index.demonym_state:
                start, owner = k - 1, state(index.demonym_state[lower[k - 1]])
            elif demonym_before(lower, k, index):  # the SOUTH KOREAN consulate
                w = demonym_before(lower, k, index)
                start, owner = k - w, state(index.demonym_phrases[tuple(lower[k - w:k])])
            elif k - 1 >= 0 and lower[k - 1] in ("its", "their"):
                # "granted asylum by Portugal after seeking refuge in ITS embassy": the state named last
                # before it in the sentence
                lo = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
                owner = next((state(m.actor) for m in reversed(mentions) if lo <= m.start and m.end <= k - 1
                              and state(m.actor) is not None and m.actor not in index.capital_of), None)
                start = k - 1 if owner is not None else start
            else:  # the embassy of (the) Gambia
                j = end if phrase[-1] == "of" else end + 1 if end < n and lower[end] == "of" else None
                j = j + 1 if j is not None and j < n and lower[j] == "the" else j
                if j is not None and j in by_start:
                    owner = state(by_start[j].actor)
                    envoy = index.actors.get(by_start[j].actor) or discovered.get(by_start[j].actor)
                    if owner is None and phrase[-1] == "of" and envoy is not None and envoy.kind == "group" \
                            and envoy.member_of:
                        owner = state(envoy.member_of)  # "the residence OF THE GREEK AMBASSADOR": Greece's
                    end = by_start[j].end if owner is not None else end
                elif k - 1 >= 0 and lower[k - 1] == "the" and words.premises[phrase] in last:
                    # "sought refuge in THE EMBASSY": the one the report named last
                    start, owner = k - 1, last[words.premises[phrase]]
        if owner is None:
            continue
        last[words.premises[phrase]] = owner
        if end + 1 < n and lower[end] == "in" and (end + 1) in by_start and place(by_start[end + 1]):
            end = by_start[end + 1].end  # the Senegalese embassy IN BAMAKO
        found.append((start, end, owner, words.premises[phrase]))
    if not found:
        return mentions
    spans, places = set(), []
    for start, end, owner, noun in found:
        span = doc[start:end]
        actor = remember(discovered, premises_actor(owner, noun, span.text), span.text)
        spans.update(range(start, end))
        places.append(Mention(actor.id, span.text, span.start_char, span.end_char, start, end))
    kept = [m for m in mentions if m.start < 0 or not spans.intersection(range(m.start, m.end))]
    return sorted(kept + places, key=lambda m: m.start)


__all__ = ["GroupWords", "find_groups", "find_premises", "group_actor", "group_id", "premises_actor", "KIN_GROUP"]
