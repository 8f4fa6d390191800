"""Throughput of a build against spaCy's tokenizer alone (the ceiling), on copies of the seeds.

Run on demand (not part of the tests):  python benchmarks/bench_seeds.py [COPIES]
Prints one table and writes benchmarks/results/seeds.json. Figures are ratios on the
same corpus in one run, so they compare across machines better than raw seconds.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy

import graphx

ROOT = Path(__file__).resolve().parent.parent


def main(copies: int = 100) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="graphx-bench-"))
    try:
        for i in range(copies):
            for f in sorted((ROOT / "seeds").iterdir()):
                shutil.copy(f, tmp / f"{i:04d}_{f.name}")
        texts = [p.read_text(encoding="utf-8") for p in sorted(tmp.iterdir())]
        nlp = spacy.blank("en")
        t = time.perf_counter()
        tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts, batch_size=64))
        tok_s = time.perf_counter() - t
        report = graphx.BuildReport()
        t = time.perf_counter()
        G = graphx.build(tmp, report=report)
        build_s = time.perf_counter() - t
        one = graphx.BuildReport()
        t = time.perf_counter()
        graphx.build(ROOT / "seeds", report=one)
        seeds_s = time.perf_counter() - t
    finally:
        shutil.rmtree(tmp)
    result = {
        "documents": len(texts), "tokens": tokens,
        "tokenizer_tokens_per_s": round(tokens / tok_s), "build_tokens_per_s": round(tokens / build_s),
        "ratio_to_tokenizer": round(tok_s / build_s, 3), "build_seconds": round(build_s, 2),
        "edges": G.number_of_edges(), "seeds_build_seconds": round(seeds_s, 3),
    }
    width = max(len(k) for k in result)
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "seeds.json").write_text(json.dumps(result, indent=1) + "\n")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
