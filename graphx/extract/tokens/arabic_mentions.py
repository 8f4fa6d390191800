"""Arabic mentions: the actors an Arabic run names, with no NER to find the ones the table lacks.

:class:`ArabicMentions` turns a doc of the Arabic pipeline into
:class:`~graphx.records.Mention` records, in four steps:

* the alias table's names (the alias ruler), a title and the name it precedes joined into one;
* people the table lacks, introduced by a title of ``[names] titles`` ("رجل الأعمال رئيف قوتلي",
  "اللواء غسان بلال", "رئيس الاستخبارات التركية إبراهيم كالين"): discovered persons, as the
  English titled-name finder makes them (ids from :func:`~graphx.extract.mentions.discovered_id`);
* a person named in full earlier in the report, named again by one of the name's words ("ماهر الأسد"
  ... "ماهر"; "بسام الصباغ" ... "الصباغ") when no other person of the report shares it;
* group actors ("العسكريين السوريين", "عائلة ماهر الأسد", "عناصر من حزب الله", "عائلته"): the
  ``[groups]`` words, made into the same group actors as English ones (:mod:`graphx.extract.groups`).

New actors go into the ``discovered`` dict the caller passes (one per document).
"""

from __future__ import annotations

from bisect import bisect_left

from ...nlp.arabic import _ARABIC_LETTER, _TASHKEEL, article_variant, normalise
from ...records import Actor, Mention
from ..groups import KIN_GROUP, GroupWords, group_actor
from ..mentions import MentionFinder, discovered_id

_DEFINITE = ("ال", "لل", "بال", "وال", "فال", "كال", "وبال", "ولل")
_JOINED = ("و", "ب", "ل", "ف", "ك")  # one letter joined to a name ("وماهر", "لماهر")
_OWNER_LINKS = ("من", "في")  # "عناصر من حزب الله", "المسؤولين في النظام السوري"


def _span(doc, start, end, actor) -> Mention:
    span = doc[start:end]
    return Mention(actor, span.text, span.start_char, span.end_char, start, end)


def _definite(doc, norms, j) -> bool:
    """Whether word ``j`` has the article: as written, so a name's hamza is no article ("ألكسندر")."""
    return norms[j].startswith(_DEFINITE) and _plain(doc[j].text).startswith(_DEFINITE)


def _comma(doc, k) -> bool:
    """Whether token ``k`` is a comma (Arabic or Latin)."""
    return k < len(doc) and doc[k].text in ("،", ",")


def _plain(text: str) -> str:
    """A word as written, without diacritics (ى and ة kept: "على" is not "علي")."""
    return _TASHKEEL.sub("", text)


class ArabicMentions:
    """The mention stage of the Arabic extractor (see the module docstring)."""

    def __init__(self, index, language, verbs=(), cue_words=()):
        self.index = index
        self.table = MentionFinder(index)
        words = language.words() if language else {}
        # "نائب وزير الخارجية الروسي" (the DEPUTY foreign minister): a role of the table after one of
        # these is another's office (read once the names are found, so its words stay taken)
        self.deputies = {normalise(w) for w in words.get("deputies", ())}
        self.fallen = {normalise(w.split()[0]) for w in words.get("fallen", ())}  # "الرئيس السوري السابق"
        self._roles: dict = {}  # actor id -> its roles, normalised
        self._state_names: dict | None = None  # (see _states)
        norm = lambda p: tuple(normalise(w) for w in p.split())  # noqa: E731
        self.titles: dict[str, list] = {}  # first word -> the titles it starts, longest first
        for t in sorted({norm(t) for t in words.get("titles", ())}, key=len, reverse=True):
            self.titles.setdefault(t[0], []).append(t)
        self.particles = {normalise(w) for w in words.get("particles", ())}
        self.posts = {normalise(w) for w in words.get("posts", ())}  # "السفير السوري في موسكو، NAME،"
        self.relative = {normalise(w) for w in words.get("relative", ())}  # ("للسوريين الذين فروا")
        stops, raw = set(), set()
        for key in ("prepositions", "boundaries", "coordination", "relative", "negation", "speech", "denial",
                    "locative", "determiners"):
            stops.update(normalise(w) for w in words.get(key, ()) if " " not in w)
            raw.update(_plain(w) for w in words.get(key, ()) if " " not in w)
        # stops written with a final ى ("على"): the same word with ي ("علي") is a name after a title
        self._alif_stops = {w for w in raw if w.endswith("ى")}
        stops.update(normalise(w) for w in words.get("offices", ()))  # ("لشؤون الإعلام": a title's words)
        stops.update(verbs)  # a name ends before a verb ("إبراهيم كالين زار دمشق")
        self.verbs = set(verbs)
        self.cue_words = set(cue_words)
        self.stops = stops
        self.groups = GroupWords(language, split=lambda f: " ".join(norm(f))) if language else None
        self.suffixes = sorted(words.get("possessive", ()), key=len, reverse=True)
        self.demonyms = self._demonym_forms(index)

    @staticmethod
    def _demonym_forms(index) -> dict:
        """Every form of a state's Arabic adjective: definite or not, masculine, feminine, plural
        ("السوري" -> سوري، سورية، سوريين، السوريون ...), normalised -> (state id, its English demonym)."""
        out = {}
        for word, aid in index.arabic_demonyms.items():
            actor = index.actors[aid]
            english = next((d for d in actor.demonyms if d.isascii()), actor.label)
            base = word[2:] if word.startswith("ال") else word
            if base.endswith("ه"):
                base = base[:-1]
            for form in (base, base + "ه", base + "ين", base + "ون", base + "ان", base + "تين"):
                for f in (form, "ال" + form):
                    out.setdefault(f, (aid, english))
        # a people's name the table gives in Arabic, a broken plural no suffix makes ("الأتراك": "ضباط
        # أتراك", Turkish officers), with or without its article
        for actor in index.actors.values():
            english = next((d for d in actor.demonyms if d.isascii()), actor.label)
            for word in actor.people:
                word = normalise(word)
                if word.isascii() or " " in word:
                    continue
                base = word[2:] if word.startswith("ال") else word
                for f in (base, "ال" + base):
                    out.setdefault(f, (actor.id, english))
        return out

    # ------------------------------------------------------------ the stage
    def __call__(self, doc, norms, discovered: dict, date: str = "") -> list[Mention]:
        mentions = []
        for m in self.table(doc):
            prev = mentions[-1] if mentions else None
            if prev and prev.end == m.start and (prev.actor == m.actor or self._role_of(doc, prev, m)):
                # "الرئيس السوري" + "بشار الأسد": one party; "الرئيس السوري" + "أحمد الشرع": the role is
                # the named person's (a role of the table names whoever held it when it was written)
                mentions[-1] = _span(doc, prev.start, m.end, m.actor)
            else:
                mentions.append(m)
        mentions = self._adjective_parties(doc, norms, mentions)
        mentions = self._nisba_after_title(doc, norms, mentions)
        mentions = self._titled(doc, norms, mentions, discovered)
        mentions = self._short_names(doc, norms, mentions, discovered)
        mentions = self._groups(doc, norms, mentions, discovered)
        if self.deputies:
            mentions = [m for m in mentions if not self._deputy(doc, norms, m)]
        if date and self.index.table.handovers:  # a role standing alone, passed on by the report's date
            mentions = [m for m in map(lambda m: self._held(doc, norms, m, date), mentions) if m is not None]
        return mentions

    def _held(self, doc, norms, m, date):
        """``m``, or its role's holder on ``date`` (None: no one the table names), unless a word of
        [names] fallen follows it ("الرئيس السوري السابق": the former one)."""
        holder = self.index.table.holder(m.actor, m.text, date)
        if holder == m.actor or (m.end < len(norms) and norms[m.end] in self.fallen):
            return m
        return None if holder is None else _span(doc, m.start, m.end, holder)

    def _deputy(self, doc, norms, m) -> bool:
        """Whether ``m`` is a role of the table right after a deputy's word ([names] deputies)."""
        if m.start < 1 or norms[m.start - 1] not in self.deputies:
            return False
        return normalise(m.text) in self._role_set(m.actor)

    def _role_set(self, aid) -> set:
        """The table's roles of ``aid``, normalised (read once per actor)."""
        roles = self._roles.get(aid)
        if roles is None:
            roles = self._roles[aid] = {normalise(r) for r in getattr(self.index.actors.get(aid), "roles", ())}
        return roles

    def _adjective_parties(self, doc, norms, mentions):
        """"بوساطة قطرية", "اتصالات تركية": a state's adjective right after a cue's noun is the state
        taking part (Qatar mediated)."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = []
        for i in range(1, len(doc)):
            word, prev = norms[i], norms[i - 1]
            if i in taken or word.startswith("ال") or word not in self.demonyms:
                continue
            if any(f in self.cue_words for f in (prev, prev[1:], prev[2:])):
                extra.append(_span(doc, i, i + 1, self.demonyms[word][0]))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _nisba_after_title(self, doc, norms, mentions):
        """"الرئيس السوداني السابق جعفر نميري": a person's one-word name that is also a state's adjective
        (the state's Arabic name with the article and a final ي, "السودان" -> "السوداني") right after a
        title is the adjective: the state, not that person (al-Sudani)."""
        out = []
        for m in mentions:
            word = norms[m.start] if m.end - m.start == 1 else ""
            state = self._states().get(word[2:-1]) if word.startswith("ال") and word.endswith("ي") else None
            if state and getattr(self.index.actors.get(m.actor), "kind", None) == "person" and any(
                    k + self._title_at(norms, k) == m.start for k in range(max(0, m.start - 3), m.start)):
                m = _span(doc, m.start, m.end, state)
            out.append(m)
        return out

    def _states(self) -> dict:
        """States' one-word Arabic names without the article ("سودان" -> sudan), from the index's
        normalised Arabic names, read once."""
        if self._state_names is None:
            self._state_names = {}
            for name, aid in self.index.arabic_names.items():
                if " " not in name and self.index.actors[aid].kind == "state":
                    self._state_names.setdefault(name[2:] if name.startswith("ال") else name, aid)
        return self._state_names

    def _role_of(self, doc, role, name) -> bool:
        """Whether mention ``role`` is one of its actor's roles and ``name`` a person's name."""
        a, b = self.index.actors.get(role.actor), self.index.actors.get(name.actor)
        if a is None or b is None or a.kind != "person" or b.kind != "person":
            return False
        text = normalise(" ".join(role.text.split()))
        return any(normalise(r) == text or text.endswith(normalise(r)) for r in a.roles if _ARABIC_LETTER.search(r))

    # ------------------------------------------------------------ titled names
    def _title_at(self, norms, i) -> int:
        word = norms[i]
        # "ورجل الأعمال", "بالرئيس المصري", "للرئيس": a title with a joined conjunction or preposition
        for w in (word, word[1:] if word[:1] in ("و", "ف") else None,
                  word[1:] if word[:3] == "بال" else "ال" + word[2:] if word[:2] == "لل" else None):
            for t in self.titles.get(w, ()) if w else ():
                if tuple(norms[i + 1:i + len(t)]) == t[1:]:
                    return len(t)
        return 0

    def _name_word(self, doc, norms, j, taken) -> bool:
        return (j < len(doc) and j not in taken and doc[j].is_alpha
                and (norms[j] not in self.stops or self._ya_name(doc[j].text))
                and not (norms[j][:1] in ("و", "ف") and norms[j][1:] in self.verbs) and not doc[j].is_sent_start)

    def _ya_name(self, text: str) -> bool:
        """"علي" (Ali) is a name, not "على" (on), though both normalise alike."""
        plain = _plain(text)
        return plain.endswith("ي") and plain[:-1] + "ى" in self._alif_stops

    def _person_at(self, mentions, discovered, i) -> bool:
        """Whether a person's name starts at token ``i``: words with an article or a "و" before it are a
        title's, not a name ("وزير الخارجية وشؤون المغتربين أيمن الصفدي"); a place there ends the name
        instead ("الدكتور محمود الزهار القاهرة")."""
        for m in mentions:
            if m.start <= i < m.end:
                actor = self.index.actors.get(m.actor) or discovered.get(m.actor)
                return actor is None or actor.kind == "person"
        return False

    def _kin_name(self, doc, norms, j, mentions, discovered):
        """"شقيقه إياد" after "رامي مخلوف": the first name with the kinsman's surname, when the table
        knows that name ("إياد مخلوف")."""
        if not self._name_word(doc, norms, j, set()) or _definite(doc, norms, j):
            return None
        for m in reversed([m for m in mentions if m.end <= j]):
            actor = self.index.actors.get(m.actor) or discovered.get(m.actor)
            if actor is None or actor.kind != "person":
                continue
            words = doc[m.start:m.end].text.split()
            if len(words) < 2:  # "الأسد": the surname of the actor's full Arabic name
                words = next((n.split() for n in self.index.names(actor) if len(n.split()) > 1
                              and _ARABIC_LETTER.search(n)), words)
            if len(words) < 2:
                continue
            aid = self.index.arabic_names.get(normalise(f"{doc[j].text} {words[-1]}"))
            return aid if aid and aid != m.actor else None
        return None

    def _titled(self, doc, norms, mentions, discovered):
        taken = {i for m in mentions for i in range(m.start, m.end)}
        # a role of the table, a word of its own and a name no table knows are that person ("رئيس الوزراء
        # السوري السابق رياض حجاب": the former prime minister named, not the table's holder of the office)
        roles_at = {m.start: m for m in mentions if self._is_role(m)}
        replaced = set()
        found = []
        i = 0
        while i < len(doc):
            k = self._title_at(norms, i) if i not in taken else roles_at[i].end - i if i in roles_at else 0
            if not k:
                i += 1
                continue
            # the title's owner: definite words or an actor's name ("رئيس الاستخبارات التركية")
            j, owner = i + k, 0
            while owner < 3 and j < len(doc) and (j in taken and i not in roles_at or _definite(doc, norms, j)
                                                  and j not in taken) and not self._title_at(norms, j):
                j, owner = j + 1, owner + 1
            # "السفير السوري في موسكو، بشار الجعفري،": the post's place, then the holder's name set off by
            # commas (the place is no party of its own there)
            post = self._post(doc, norms, mentions, j) if owner else None
            if post is not None:
                holder = next((m for m in mentions if m.start == post.end + 1), None)
                if holder is not None and self._kind(holder.actor) == "person" and _comma(doc, holder.end):
                    found.append(_span(doc, i, holder.end, holder.actor))  # (a name the table knows)
                    replaced.update((id(post), id(holder)))
                    taken.update(range(i, holder.end))
                    i = holder.end
                    continue
                if self._name_word(doc, norms, post.end + 1, taken):
                    j = post.end + 1  # (a name no table knows: read below, up to its closing comma)
                else:
                    post = None
            set_off = False
            if post is None and owner and _comma(doc, j) and i not in roles_at and \
                    not any(m.start == j + 1 for m in mentions) and self._name_word(doc, norms, j + 1, taken):
                # "الرئيس النيجري، محمدو يوسفو،": a name no table knows, set off by commas right after the
                # title, is its holder's (read below, up to its closing comma)
                j, set_off = j + 1, True
            if j in taken or not self._name_word(doc, norms, j, taken) or _definite(doc, norms, j) \
                    or self._title_at(norms, j) or norms[j] in self.particles or (i in roles_at and not owner):
                i += 1  # (a role of the table takes a name only after a word of its own: "السابق", former)
                continue
            # the words up to punctuation, a verb or another word of [clauses] (each "عبد الله" one)
            units, end = [], j
            while len(units) < 6 and self._name_word(doc, norms, end, taken) and not self._title_at(norms, end) \
                    and not (units and norms[end][:1] == "و"):  # "أسماء وأبناؤهما": another party
                units.append(end)
                end += 2 if norms[end] in self.particles and self._name_word(doc, norms, end + 1, taken) else 1
            kin = self._kin_name(doc, norms, j, mentions, discovered) if units else None
            if kin:  # "شقيقه إياد"
                found.append(_span(doc, i, j + 1, kin))
                taken.update(range(i, j + 1))
                i = j + 1
                continue
            # the name: two or three words with the article on the last one only ("غسان بلال", "محمد
            # الجلالي"); or those after the last word with the article, which end the title's owner
            # ("رئيس جهاز المخابرات التركية كمال حداد", "وزير شؤون رئاسة الجمهورية منصور عزام")
            definite = [k for k, u in enumerate(units) if _definite(doc, norms, u)]
            if definite and definite[0] < len(units) - 1:
                units = units[definite[-1] + 1:]
            if not 2 <= len(units) <= 3 or _definite(doc, norms, units[0]) or (
                    (definite or norms[units[0]][:1] == "و") and self._person_at(mentions + found, discovered, end)) \
                    or (post is not None or set_off) and not _comma(doc, end):
                i += 1  # ("وشؤون المغتربين أيمن الصفدي": the words before a name are the title's)
                continue
            j = units[0]
            name = " ".join(doc[j:end].text.split())
            known = self.index.arabic_names.get(normalise(name))
            aid = known or discovered_id(name)
            if not known:
                discovered.setdefault(aid, Actor(id=aid, label=name, kind="person", aliases=(name,),
                                                 discovered=True))
            found.append(_span(doc, i, end, aid))  # the title with the name: one party
            taken.update(range(i, end))
            if i in roles_at:
                replaced.add(id(roles_at[i]))
            if post is not None:
                replaced.add(id(post))
            i = end
        if replaced:
            mentions = [m for m in mentions if id(m) not in replaced]
        return sorted(mentions + found, key=lambda m: m.start) if found else mentions

    def _post(self, doc, norms, mentions, j):
        """The place of a title's post at ``j`` ("في موسكو،", [names] posts), when a comma follows it."""
        if j + 1 >= len(doc) or norms[j] not in self.posts:
            return None
        place = next((m for m in mentions if m.start == j + 1), None)
        return place if place is not None and _comma(doc, place.end) else None

    def _kind(self, aid) -> str | None:
        actor = self.index.actors.get(aid)
        return actor.kind if actor is not None else None

    def _is_role(self, m) -> bool:
        """Whether mention ``m`` is one of its person's roles in the table (not the person's name)."""
        actor = self.index.actors.get(m.actor)
        if actor is None or actor.kind != "person":
            return False
        return normalise(" ".join(m.text.split())) in self._role_set(m.actor)

    # ------------------------------------------------------------ short names
    def _short_names(self, doc, norms, mentions, discovered):
        """"ماهر" after "ماهر الأسد": a word of a person's full name names that person, when it names
        no other person of the report and the table gives it to no one else."""
        owners: dict[str, set] = {}
        for m in mentions:
            actor = self.index.actors.get(m.actor) or discovered.get(m.actor)
            if not actor or actor.kind != "person":
                continue
            words = [w for w in (_plain(t.text) for t in doc[m.start:m.end]) if len(w) > 2]
            name = [w for w in words if normalise(w) not in self.particles and not self._title_at([normalise(w)], 0)]
            if len(name) < 2:
                continue
            for w in (name[0], name[-1]):
                n = normalise(w)
                if n in self.stops or (n in self.index.arabic_names and self.index.arabic_names[n] != m.actor):
                    continue
                owners.setdefault(w, set()).add(m.actor)
        short = {w: next(iter(a)) for w, a in owners.items() if len(a) == 1}
        if not short:
            return mentions
        first = {}
        for m in mentions:
            first.setdefault(m.actor, m.start)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = []
        for i, tok in enumerate(doc):
            if i in taken or not tok.is_alpha:
                continue
            w = _plain(tok.text)
            aid = short.get(w) or (short.get(w[1:]) if w[:1] in _JOINED else None)
            if not aid:  # a family name with or without its article ("الصباغ" after "بسام صباغ")
                aid = short.get(article_variant(w))
            if aid and first.get(aid, len(doc)) < i:  # only after the full name
                extra.append(_span(doc, i, i + 1, aid))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    # ------------------------------------------------------------ groups
    def _nationals(self, doc, norms, taken, grouped) -> list:
        """A state's plural adjective used as a noun is a group of its nationals, as English "thousands of
        Syrians" is: after a word of quantity ("العديد من السوريين", "آلاف السوريين"), or written with a
        joined preposition before a relative clause ("للسوريين الذين فروا"). Not after a noun it describes
        ("الجنود السوريين")."""
        out, relative = [], self.relative
        for i in range(1, len(doc)):
            word = norms[i]
            if i in grouped or not word.endswith(("ين", "ون")):
                continue
            form = "ال" + word[2:] if word.startswith("لل") else word
            if not form.startswith("ال") or form not in self.demonyms or \
                    i in taken and taken[i] != self.demonyms[form][0]:
                continue  # (the state the table names by its people, "السوريين", is read as its nationals here)
            k = i - 1 if norms[i - 1] != "من" else i - 2
            counted = k >= 0 and self.quantity(norms[k])
            described = word.startswith("لل") and i + 1 < len(doc) and norms[i + 1] in relative
            if counted or described:
                aid, english = self.demonyms[form]
                out.append((k if counted else i, i + 1, aid, "nationals", english))
        return out

    def quantity(self, word: str) -> bool:
        """Whether ``word`` is a number or quantity word of [groups] quantities ("ثمانية ضباط أتراك")."""
        return self.groups is not None and word in self.groups.quantities

    def group_word(self, doc, norms, i) -> bool:
        """Whether token i is a group noun or a word before one ("وعائلته", "وأفراد", "ومسؤولين")."""
        if self.groups is None:
            return False
        word = norms[i]
        return self._noun_at(doc, norms, i) is not None or word in self.groups.modifiers or \
            (word[:1] in _JOINED and word[1:] in self.groups.modifiers)

    def _noun_at(self, doc, norms, i):
        """(noun, possessive owner?) of a group noun at token i, or None."""
        w = self.groups
        word = norms[i]
        for form in (word, word[1:] if word[:1] in _JOINED else None, "ا" + word[1:] if word.startswith("لل") else None):
            if form and form in w.people:  # "الجنود", "والجنود", "للجنود" (ل + الجنود)
                return form, False
        written = _plain(doc[i].text)  # (ة still itself: "حراسة" is no "حراس" + "ه")
        raw = word
        if raw in w.idioms:  # ("المنطقة بأسرها": the whole region, no family)
            return None
        for suffix in self.suffixes:  # "عائلته", "عائلاتهم": the noun with its owner joined
            if written.endswith(suffix) and raw.endswith(suffix) and len(raw) > len(suffix) + 2:
                stem = raw[:-len(suffix)]
                for form in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                    for f in (form, form[1:] if form and form[:1] in _JOINED else None):
                        if f and f in w.people:
                            return f, True
        return None

    def _groups(self, doc, norms, mentions, discovered):
        if self.groups is None or not self.groups.people:
            return mentions
        n = len(doc)
        by_start = {m.start: m for m in mentions}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        mods = self.groups.modifiers
        found = []  # (start, end, owner id, noun, English demonym)

        def actor(aid):
            return self.index.actors.get(aid) or discovered.get(aid)

        # the later words of a title ("رئيس الوزراء") are no group ("زوجته" alone is the family's)
        in_title = {x for t in range(n) for k in (self._title_at(norms, t),) if k for x in range(t + 1, t + k)}
        i = 0
        while i < n:
            hit = None if i in taken or i in in_title else self._noun_at(doc, norms, i)
            if hit is None:
                i += 1
                continue
            noun, owned = hit
            start, end = i, i + 1
            # words before the noun that belong to the group: "كبار المسؤولين", "أفراد من عائلة" (an
            # adjective with the article only follows its noun)
            while start > 0 and not norms[start - 1].startswith("ال"):
                # (the longest of up to three words: "عدد كبير من الجنود")
                width = next((w for w in (3, 2) if start - w >= 0 and " ".join(norms[start - w:start]) in mods), 0)
                if not width and (norms[start - 1] in mods or
                                  norms[start - 1][1:] in mods and norms[start - 1][:1] in _JOINED):
                    width = 1
                if not width:
                    break
                start -= width
            owner = None
            if owned:
                owner = self._possessor(doc, norms, mentions, found, i, discovered)
            else:
                # adjectives, and more nouns of the same group ("المسؤولين الأمنيين والمقربين")
                j = end
                while j < n and j not in taken and (norms[j] in mods or (
                        norms[j][:1] == "و" and norms[j][1:] in self.groups.people)):
                    j += 1
                if j < n and norms[j] in self.demonyms:  # "العسكريين السوريين", "عائلات سورية"
                    aid, english = self.demonyms[norms[j]]
                    owner, end = (aid, english), j + 1
                    if end < n and end not in taken and norms[end].startswith("ال") and self.quantity(norms[end][2:]):
                        end += 1  # (and their count after them, as the report names them: "الرهائن الفرنسيين الأربعة")
                else:
                    k = j + 1 if j < n and norms[j] in _OWNER_LINKS else j
                    while k < n and (norms[k] in mods or doc[k].is_quote) and k not in taken:
                        k += 1  # (quotes around the owner's name: "عناصر «حزب الله»")
                    if k < n and norms[k] in self.demonyms and k not in taken and k > j:
                        aid, english = self.demonyms[norms[k]]  # "جندي من الجيش السوري": the state's
                        owner, end = (aid, english), k + 1
                    elif k in by_start and (actor(by_start[k].actor) or Actor("", "", "place")).kind != "place":
                        m = by_start[k]
                        army = next((x for x in range(m.start, m.end) if norms[x] in self.demonyms
                                     and all(norms[y] in mods for y in range(m.start, x))), None)
                        if army is not None and army > m.start:  # "الجيش السوري": Syria's army
                            owner = self.demonyms[norms[army]]
                        else:  # a state by its name ("مسؤولو نظام الأسد"): labelled as by its adjective
                            a = actor(m.actor)
                            owner = (m.actor, next((d for d in a.demonyms if d.isascii()), "")
                                     if a.kind == "state" else "")
                        end = m.end
            if owner is not None and owner[0] and actor(owner[0]) is not None:
                found.append((start, end, owner[0], self.groups.canonical(noun), owner[1]))
            elif owner is None and not owned and self.groups.canonical(noun) == KIN_GROUP:
                family = self._surname_family(doc, norms, i, end, taken, discovered)
                if family:  # "أفراد من عائلة شاليش": a family the table does not know, by its surname
                    found.append((start, i + 2, family, "", ""))
                    end = i + 2
            i = end
        one_word = {m.start: m.actor for m in mentions if m.end == m.start + 1}
        found += self._nationals(doc, norms, one_word, {k for f in found for k in range(f[0], f[1])})
        if not found:
            return mentions
        groups, covered = [], set()
        for start, end, aid, noun, demonym in found:
            if not noun:  # a family known by its surname only: discovered as it is named
                groups.append(_span(doc, start, end, aid))
                covered.update(range(start, end))
                continue
            owner = actor(aid)
            if not demonym and owner.kind == "state" and noun != KIN_GROUP:
                # a state's group by its name or suffix ("دبلوماسييها"): labelled as by its adjective
                demonym = next((d for d in owner.demonyms if d.isascii()), "")
            if noun == KIN_GROUP and demonym:
                noun = "families"  # "عائلات سورية": Syrian families, not Syria's family
            surface = doc[start:end].text
            first = norms[start]
            if first.startswith("لل") and "ا" + first[1:] in self.groups.people:
                surface = "ا" + surface[1:]  # "للجنود السوريين": "الجنود السوريين"
            elif first[:1] in _JOINED and (first[1:] in mods or first[1:] in self.groups.people):
                surface = surface[1:]  # "لكبار المسؤولين": the phrase without its joined preposition
            group = group_actor(owner, noun, surface, demonym)
            discovered.setdefault(group.id, group)
            groups.append(_span(doc, start, end, group.id))
            covered.update(range(start, end))
        kept = [m for m in mentions if not covered.intersection(range(m.start, m.end))]
        return sorted(kept + groups, key=lambda m: m.start)

    def _surname_family(self, doc, norms, i, end, taken, discovered):
        """"عائلة شاليش", "آل مخلوف": a family noun, then one word that is a surname (no word of
        [clauses], title, demonym or group word, and the phrase ends there)."""
        j = i + 1
        if end != j or j >= len(doc) or j in taken or not self._name_word(doc, norms, j, taken):
            return None
        word = norms[j]
        if word in self.demonyms or word in self.groups.people or word in self.groups.modifiers or \
                self._title_at(norms, j) or (j + 1 < len(doc) and doc[j + 1].is_alpha
                                             and norms[j + 1] not in self.stops):
            return None
        phrase = " ".join(doc[i:j + 1].text.split())
        phrase = phrase[1:] if norms[i][:1] in _JOINED and norms[i][1:] in self.groups.kin else phrase
        aid = discovered_id(phrase)
        discovered.setdefault(aid, Actor(id=aid, label=phrase, kind="group", aliases=(phrase,), discovered=True))
        return aid

    def _starts(self, mentions):
        """The starts of ``mentions`` (sorted), computed once per list."""
        if getattr(self, "_starts_of", (None,))[0] is not mentions:
            self._starts_of = (mentions, [m.start for m in mentions])
        return self._starts_of[1]

    def _possessor(self, doc, norms, mentions, found, i, discovered):
        """Whose "عائلته" (his family) is: the nearest person before it (a group for "عائلاتهم");
        whose "قواته", "عناصره" (its forces, fighters) are: the nearest person, state or group."""
        word = _plain(doc[i].text)
        plural = word.endswith(("هم", "هن", "هما"))
        kin = self._noun_at(doc, norms, i)[0] in self.groups.kin if self._noun_at(doc, norms, i) else True
        kinds = ("group",) if plural else ("person",) if kin else ("person", "state", "organisation", "armed_group")
        best = None
        first = 0 if kin else doc[i].sent.start  # (its forces: the owner is named in the sentence)
        # the nearest mention before i of those kinds (mentions are sorted by start)
        k = bisect_left(self._starts(mentions), i)
        for m in reversed(mentions[:k]):
            if m.start < first:
                break
            a = self.index.actors.get(m.actor) or discovered.get(m.actor)
            if m.end <= i and a is not None and a.kind in kinds:
                best = (m.start, m.actor)
                break
        for start, end, aid, noun, demonym in found:
            if plural and end <= i and (best is None or start > best[0]):
                owner = self.index.actors.get(aid) or discovered.get(aid)
                if owner is not None:
                    g = group_actor(owner, "families" if noun == KIN_GROUP and demonym else noun, "", demonym)
                    discovered.setdefault(g.id, g)
                    best = (start, g.id)
        return (best[1], "") if best else None


__all__ = ["ArabicMentions"]
