"""Arabic text: the normalised form words are compared in, the Arabic runs of a report, and
the spaCy pipeline that reads them (``spacy.blank("ar")``, clitic-free norms, the alias ruler)."""

from __future__ import annotations

import re

from spacy.language import Language

_TASHKEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_PARAGRAPH = re.compile(r"\n\s*\n")
_END_PUNCT = (".", "!", "…")
_CLOSERS = "\"'”’»)] \n\t"
_CONJUNCTIONS = ("و", "ف")
_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")  # longest first


def normalise(word: str) -> str:
    """The form Arabic words are compared in: no diacritics or tatweel, one alef, ي, ه.

    >>> normalise("اجتماعًا") == normalise("اجتماعا")
    True
    >>> normalise("إلى") == normalise("الى")
    True
    """
    return _TASHKEEL.sub("", word).translate(_FOLD).lower()


def article_variant(word: str) -> str | None:
    """A family name the other way round as to its article: "الصباغ" -> "صباغ", "صباغ" -> "الصباغ"
    (None for a word too short to be a name)."""
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return "ال" + word if len(word) > 2 and not word.startswith("ال") else None


def is_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic."""
    if _ARABIC_LETTER.search(text) is None:  # (most paragraphs of an archive: no letter to count)
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and 2 * sum(1 for c in letters if _ARABIC_LETTER.match(c)) > len(letters)


def arabic_segments(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Character spans of the runs of Arabic paragraphs in ``text[start:]``.

    >>> arabic_segments("English only.\\n\\nالأسد غادر.\\n\\nAnd English.")
    [(15, 26)]
    """
    spans, cur = [], None
    pos = start
    for m in list(_PARAGRAPH.finditer(text, start)) + [None]:
        end = m.start() if m else len(text)
        para = text[pos:end]
        if para.strip():
            if is_arabic(para):
                lo = pos + (len(para) - len(para.lstrip()))
                hi = pos + len(para.rstrip())
                cur = (cur[0], hi) if cur else (lo, hi)
            elif cur:
                spans.append(cur)
                cur = None
        if m is None:
            break
        pos = m.end()
    if cur:
        spans.append(cur)
    return spans


def _titled_in_arabic(index, translated) -> dict:
    """Arabic names of people the table names only in English by a title of a state ("Emir of
    Kuwait", "Kuwait's Emir" -> "أمير الكويت"): ``translated`` lists "english = arabic" titles."""
    titles: dict[str, list] = {}
    for entry in translated:
        english, _, arabic = entry.partition("=")
        if english.strip() and arabic.strip():
            titles.setdefault(english.strip().lower(), []).append(" ".join(arabic.split()))
    if not titles:
        return {}
    pattern = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    forms = (re.compile(rf"^(?:the )?({pattern}) of (?:the )?(.+)$", re.I), re.compile(rf"^(?:the )?(.+?)['’]s ({pattern})$", re.I))
    out = {}
    for actor in index.actors.values():
        if actor.kind != "person":
            continue
        for name in index.names(actor):
            if _ARABIC_LETTER.search(name):
                continue
            for k, form in enumerate(forms):
                m = form.match(" ".join(name.split()))
                if m is None:
                    continue
                title, place = (m.group(1), m.group(2)) if k == 0 else (m.group(2), m.group(1))
                state = index.resolve(place)
                if state is None or state.kind != "state":
                    continue
                for state_name in index.names(state):
                    if _ARABIC_LETTER.search(state_name) and len(state_name.split()) <= 2:
                        for arabic in titles.get(title.lower(), ()):
                            out.setdefault(f"{arabic} {' '.join(state_name.split())}", actor)
    return out


def make_arabic_pipeline(index, translated_titles=()):
    """``spacy.blank("ar")`` + sentences + normalised norms + the alias ruler (``index``: the
    build's :class:`~graphx.extract.index.ActorIndex`; ``translated_titles``: [names]
    translated_titles, for :func:`_titled_in_arabic`)."""
    import spacy
    from spacy.util import compile_suffix_regex

    from .pipeline import KIND_LABELS, line_breaks  # noqa: F401  (registers graphx_line_breaks, graphx_alias_ruler)

    names = {}  # Arabic names of the table -> actor
    for actor in index.actors.values():
        for name in index.names(actor):
            if _ARABIC_LETTER.search(name):
                names.setdefault(" ".join(name.split()), actor)
    for name, actor in _titled_in_arabic(index, translated_titles).items():
        names.setdefault(name, actor)  # (a name the table gives in Arabic wins)
    # A person's family name is written with or without its article ("بسام الصباغ", "بسام صباغ"):
    # the full name in the other form names the same person (where no other name of the table is it)
    for name, actor in list(names.items()):
        parts = name.split()
        if actor.kind != "person" or len(parts) < 2:
            continue
        other = article_variant(parts[-1])
        if other:
            names.setdefault(" ".join(parts[:-1] + [other]), actor)
    # "السلطات العراقية", "الأراضي اللبنانية": an Arabic collective noun of the table, then a state's
    # adjective, names the state (as "Iraqi authorities" does in English)
    nouns = [n for n in index.collective_nouns if _ARABIC_LETTER.search(n)]
    groups = {}  # such names -> (noun, adjective): the ruler finds them as two parts (AliasRuler)

    def group(noun, adj, actor):
        name = f"{noun} {adj}"
        if name not in names:
            names[name] = actor
            groups[name] = (noun, adj)

    for actor in index.actors.values():
        for demonym in actor.demonyms:
            if _ARABIC_LETTER.search(demonym):
                for noun in nouns:
                    group(noun, demonym, actor)
                    if noun.startswith("ال") and demonym.startswith("ال") and " " not in noun:
                        # the same without the article ("وفد تركي"), and in the accusative ("استقبل ...
                        # وفداً تركياً": its tanween is gone from the norms, its alif stays)
                        bare, adj = noun[2:], demonym[2:]
                        group(bare, adj, actor)
                        if not bare.endswith("ة") and not adj.endswith("ة"):
                            group(f"{bare}ا", f"{adj}ا", actor)
    # A name written with a joined clitic ("ببوتين", "وروسيا", "للأسد") matches through its norm.
    words = sorted({normalise(w) for name in names for w in name.split()})
    starts = sorted({normalise(name.split()[0]) for name in names})
    nlp = spacy.blank("ar")
    # "2024." / "أبدًا." / "”،": a full stop or closing quote glued to a word is split off,
    # so the sentencizer sees it.
    suffixes = list(nlp.Defaults.suffixes or []) + [r"(?<=[\u0600-\u06FF\d])\.", r"[”»\"]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("graphx_line_breaks")
    nlp.add_pipe("graphx_arabic_norms", config={"words": words, "starts": starts})
    ruler = nlp.add_pipe("graphx_alias_ruler", name="graphx_aliases")
    entries = sorted(names.items(), key=lambda kv: (kv[1].id, kv[0]))
    ruler.add_patterns([{"label": KIND_LABELS[a.kind], "pattern": name, "id": a.id}
                        for name, a in entries if name not in groups])
    ruler.add_groups((*groups[name], KIND_LABELS[a.kind], a.id) for name, a in entries if name in groups)
    return nlp


@Language.factory("graphx_arabic_norms", default_config={"words": [], "starts": []})
def make_arabic_norms(nlp, name, words: list, starts: list):
    return ArabicNorms(words, starts)


class ArabicNorms:
    """Token norms in :func:`normalise` form, a joined clitic dropped where the rest starts a
    name of the table and the whole word is not itself a word of one ("ببوتين" -> "بوتين",
    "للأسد" -> "الاسد"), so the alias ruler needs no clitic variants."""

    def __init__(self, words, starts):
        self.words, self.starts = set(words), set(starts)

    def norm(self, word: str) -> str:
        w = normalise(word)
        if w in self.words:
            return w
        for p in _CLITICS:
            if not w.startswith(p):
                continue
            rest = w[len(p):]
            if rest in self.starts:
                return rest
            if p.endswith("ل") and rest.startswith("ل") and "ا" + rest in self.starts:
                return "ا" + rest  # ل + ال is written لل: "للأسد"
        return w

    def __call__(self, doc):
        for tok in doc:
            tok.norm_ = self.norm(tok.text)
        return doc
