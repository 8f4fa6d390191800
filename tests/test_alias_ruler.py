"""The alias ruler's groups (issue 17: each process's fixed cost): a demonym pattern followed by a
collective noun finds what the ~7,500 phrase patterns "<demonym> <noun>" it replaces found, and the
Arabic ruler's noun + adjective groups what their ~10,000 phrases found."""

from pathlib import Path

import pytest

from graphx.actors import load_aliases
from graphx.extract import Settings
from graphx.lexicon import load_lexicon
from graphx.nlp import make_pipeline
from graphx.nlp.pipeline import alias_patterns, group_patterns

from .conftest import ROOT

CORPORA = [ROOT / "tests" / "corpora", ROOT.parent / "shared" / "corpora" / "dev" / "corpus", ROOT / "seeds"]


@pytest.fixture(scope="module")
def pipelines():
    settings = Settings(load_aliases(), load_lexicon(), model=None)
    index = settings.index
    nlp = make_pipeline(index, settings.lexicon)
    # the reference: spaCy's own entity ruler with one phrase pattern per demonym and noun
    ref = make_pipeline(index, settings.lexicon)
    ruler = ref.replace_pipe("graphx_aliases", "entity_ruler",
                             config={"phrase_matcher_attr": "NORM", "overwrite_ents": True})
    groups = group_patterns(index)
    crossed = [{"label": label, "pattern": f"{head} {tail}", "id": ent_id} for head, tail, label, ent_id in groups]
    with ref.select_pipes(enable=[]):
        ruler.add_patterns(alias_patterns(index, ref) + crossed)
    demonyms = sorted({g[0] for g in groups})
    nouns = sorted({g[1] for g in groups})
    return nlp, ref, demonyms, nouns


def _ents(doc):
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_groups_are_found_as_the_crossed_phrase_patterns_found_them(pipelines):
    nlp, ref, demonyms, nouns = pipelines
    assert len(demonyms) > 200 and len(nouns) > 30 and any(" " in n for n in nouns)
    texts = []
    for i, d in enumerate(demonyms):  # every demonym (variants too), before a noun, another word, or last
        noun, other = nouns[i % len(nouns)], nouns[(i * 7 + 3) % len(nouns)]
        texts.append(f"{d} {noun} met {d.upper()} {other.title()} and {d} people, then the {d}-{noun} "
                     f"talks; {d} and {d} {other}. {d}")
    found = 0
    for doc_new, doc_ref in zip(nlp.pipe(texts), ref.pipe(texts)):
        assert _ents(doc_new) == _ents(doc_ref), doc_new.text
        found += sum(e.end - e.start > 1 for e in doc_new.ents if e.ent_id_)
    assert found > 2 * len(demonyms)  # the groups were found, not merely missed by both


def test_real_reports_get_the_entities_they_got_from_the_crossed_patterns(pipelines):
    nlp, ref, _, _ = pipelines
    files = sorted(p for folder in CORPORA if folder.is_dir() for p in folder.rglob("*.txt"))
    assert len(files) > 400
    texts = [Path(p).read_text(encoding="utf-8") for p in files]
    groups = 0
    for path, doc_new, doc_ref in zip(files, nlp.pipe(texts), ref.pipe(texts)):
        assert _ents(doc_new) == _ents(doc_ref), path
        groups += sum(1 for e in doc_new.ents if e.ent_id_ and len(e) > 1 and e[-1].lower_ in {"officials", "forces"})
    assert groups > 50


def test_arabic_groups_are_found_as_their_phrase_patterns_found_them():
    """The Arabic pipeline's groups (a noun, then an adjective: "الجنود السوريين", "وفداً تركياً") against
    spaCy's entity ruler given every pattern as a phrase (``AliasRuler.patterns``)."""
    from graphx.nlp.arabic import make_arabic_pipeline

    settings = Settings(load_aliases(), load_lexicon(), model=None)
    titles = settings.lexicon.languages["ar"].words().get("translated_titles", ())
    nlp = make_arabic_pipeline(settings.index, titles)
    ruler = nlp.get_pipe("graphx_aliases")
    assert len(ruler.groups) > 3000
    ref = make_arabic_pipeline(settings.index, titles)
    plain = ref.replace_pipe("graphx_aliases", "entity_ruler", config={"phrase_matcher_attr": "NORM", "overwrite_ents": True})
    plain.add_patterns(ruler.patterns)
    texts = [f"قال {head} {tail} و{head} {tail}، ثم {tail} {head}." for head, tail, _, _ in ruler.groups[::7]]
    files = sorted(p for folder in CORPORA if folder.is_dir() for p in folder.rglob("*.txt"))
    texts += [t for t in (Path(p).read_text(encoding="utf-8") for p in files) if "Language: ar" in t]
    assert len(texts) > 500
    groups = 0
    for doc_new, doc_ref in zip(nlp.pipe(texts), ref.pipe(texts)):
        assert _ents(doc_new) == _ents(doc_ref), doc_new.text[:200]
        groups += sum(1 for e in doc_new.ents if len(e) > 1)
    assert groups > 400
