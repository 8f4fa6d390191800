"""Where a cold build's time goes: throughput of each stage against spaCy's tokenizer.

Run on demand (not part of the tests):

    python benchmarks/bench_stages.py [N] [--repeat K]

On the scale benchmark's corpus of N reports (default 2000), times in this one
process, best of ``--repeat``:

1. ``spacy.blank("en")``'s tokenizer alone (the ceiling bench_scale.py uses);
2. graphx's tokenizer (brackets split off inside tokens);
3. + the sentencizer and line-break sentences;
4. + the alias ruler (an ``entity_ruler`` of the alias table's phrases);
5. + the titled-name finder: graphx's whole spaCy pipeline;
6. + graphx's rules (mentions, clauses, cues, dates, Arabic paragraphs): a cold
   extraction, without reading files or the cache.

Prints a table of tokens/s and ratio to the ceiling; writes benchmarks/results/stages.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]


def _best(fn, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        s = time.perf_counter() - t
        best = s if best is None else min(best, s)
    return best


def main(argv=None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", nargs="?", type=int, default=2000, help="reports in the corpus (default 2000)")
    p.add_argument("--repeat", type=int, default=2, help="runs per stage; the best is kept")
    a = p.parse_args(argv)

    import spacy

    from corpus import generate
    from graphx.actors import load_aliases
    from graphx.documents import find_documents, read_document
    from graphx.extract import Pipeline, Settings
    from graphx.lexicon import load_lexicon

    tmp = Path(tempfile.mkdtemp(prefix="graphx-stages-"))
    try:
        generate(tmp, a.n)
        pairs, _ = find_documents(tmp)
        docs = [read_document(i, path) for i, path in pairs]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    texts = [d.body for d in docs]
    pipeline = Pipeline(Settings(load_aliases(), load_lexicon()))
    nlp = pipeline.nlp
    blank = spacy.blank("en")
    tokens = sum(len(d) for d in blank.tokenizer.pipe(texts))

    def pipe(enable):
        with nlp.select_pipes(enable=enable):
            for _ in nlp.pipe(texts, batch_size=64):
                pass

    names = nlp.pipe_names
    sents = [n for n in names if n in ("sentencizer", "graphx_line_breaks")]
    stages = [
        ("spaCy tokenizer (blank en): the ceiling", lambda: [None for _ in blank.tokenizer.pipe(texts)]),
        ("graphx tokenizer", lambda: [None for _ in nlp.tokenizer.pipe(texts)]),
        ("+ sentences", lambda: pipe(sents)),
        ("+ alias ruler", lambda: pipe(sents + ["graphx_aliases"])),
        ("+ titled names: the whole spaCy pipeline", lambda: pipe(names)),
        ("+ graphx rules: cold extraction", lambda: [None for _ in pipeline.run(docs)]),
    ]
    rows = {"n": a.n, "tokens": tokens, "repeat": a.repeat, "stages": []}
    ceiling = None
    for name, fn in stages:
        s = _best(fn, a.repeat)
        rate = tokens / s
        ceiling = ceiling or rate
        rows["stages"].append({"stage": name, "seconds": s, "tokens_per_s": rate, "ratio": rate / ceiling})
    w = max(len(r["stage"]) for r in rows["stages"])
    print(f"{a.n:,} reports, {tokens:,} tokens (best of {a.repeat})")
    print(f"{'stage':<{w}}  {'seconds':>8}  {'tokens/s':>11}  ratio to ceiling")
    for r in rows["stages"]:
        print(f"{r['stage']:<{w}}  {r['seconds']:8.2f}  {r['tokens_per_s']:11,.0f}  {r['ratio']:.3f}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "stages.json").write_text(json.dumps(rows, indent=1) + "\n")
    return rows


if __name__ == "__main__":
    main()
