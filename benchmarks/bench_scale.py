"""Corpus scale (issue 6): throughput against the tokenizer, incremental and parallel builds,
growth from N to 2N, peak memory, and exports of a 100,000-edge graph.

Run on demand (not part of the tests):

    python benchmarks/bench_scale.py [N] [--repeat K] [--big M] [--edges E]

Every build runs in a fresh process (its own peak memory, no warm caches from an earlier
measurement); builds are timed inside that process and the best of ``--repeat`` runs is
kept, because the machines these figures come from are shared. Prints one table and
writes benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]


# ----------------------------------------------------------------------------- one build
def _worker(argv) -> None:
    """``--worker DIR OUT [--jobs N] [--no-cache] [--scheduler S]``: one build, JSON on stdout."""
    p = argparse.ArgumentParser()
    p.add_argument("src")
    p.add_argument("out")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--no-cache", action="store_true")
    p.add_argument("--scheduler")
    a = p.parse_args(argv)
    t0 = time.perf_counter()
    c0 = time.process_time()
    import graphx
    from graphx.cache import cache_path
    from graphx.export import write_all

    t_import = time.perf_counter() - t0
    report = graphx.BuildReport()
    t = time.perf_counter()
    G = graphx.build(a.src, report=report, jobs=a.jobs, scheduler=a.scheduler,
                     cache=None if a.no_cache else cache_path(a.out))
    build_s = time.perf_counter() - t
    built_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    write_all(G, a.out, formats=("json",))
    json_s = time.perf_counter() - t
    json_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    write_all(G, a.out, formats=("graphml",))
    export_s = time.perf_counter() - t + json_s
    self_ = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = time.process_time() - c0
    # the rest of what `graphx build` writes: the page and conflicts.json
    t = time.perf_counter()
    write_all(G, a.out, formats=("html", "conflicts"))
    page_s = time.perf_counter() - t
    print(json.dumps({
        "documents": len(report.documents), "tokens": report.tokens, "extract_s": report.seconds,
        "build_s": build_s, "export_s": export_s, "import_s": t_import,
        "cpu_s": cpu_s, "cached": report.cached, "extracted": report.extracted,
        "edges": G.number_of_edges(), "nodes": G.number_of_nodes(), "evidence": report.evidence,
        "peak_mb": self_.ru_maxrss / 1024, "children_peak_mb": kids.ru_maxrss / 1024,
        "peak_after_build_mb": built_mb, "peak_after_json_mb": json_mb, "json_s": json_s,
        "children_cpu_s": kids.ru_utime + kids.ru_stime, "page_conflicts_s": page_s,
        "peak_after_page_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def build(src, out, *args, repeat=1, prepare=None) -> dict:
    """Best (by build time) of ``repeat`` builds, each in a fresh process."""
    best = None
    for _ in range(repeat):
        if prepare:
            prepare()
        res = subprocess.run([sys.executable, __file__, "--worker", str(src), str(out), *args],
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if res.returncode:
            raise SystemExit(res.stderr)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        if best is None or r["build_s"] < best["build_s"]:
            best = r
    return best


# ----------------------------------------------------------------------------- ceilings
def tokenizer_rate(src, repeat: int) -> tuple[float, int]:
    import spacy

    from graphx.documents import make_document

    # The text graphx tokenizes: a report's body, after its header. (spaCy's tokenizer is
    # ~25x slower on a whole doc once a single "\n" sits between two words, as after a
    # "Key: value" header line: timing whole files would lower the ceiling and flatter graphx.)
    texts = [make_document(p.name, p.read_text(encoding="utf-8")).body for p in sorted(Path(src).glob("*.txt"))]
    nlp = spacy.blank("en")
    best, tokens = None, 0
    for _ in range(repeat):
        t = time.perf_counter()
        tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts, batch_size=64))
        s = time.perf_counter() - t
        best = s if best is None else min(best, s)
    return tokens / best, tokens


def exports(n_edges: int, repeat: int) -> dict:
    from synthetic_graph import synthetic_graph

    from graphx.export.graphml import write_graphml
    from graphx.export.json import write_json

    t = time.perf_counter()
    G = synthetic_graph(n_nodes=max(200, n_edges // 5), n_edges=n_edges, seed=0)
    make_s = time.perf_counter() - t
    out = Path(tempfile.mkdtemp(prefix="graphx-export-"))
    res = {"edges": G.number_of_edges(), "citations": sum(len(d["citations"]) for *_, d in G.edges(data=True)),
           "make_s": make_s}
    try:
        for name, writer, fname in (("json", write_json, "g.json"), ("graphml", write_graphml, "g.graphml")):
            best = None
            for _ in range(repeat):
                t = time.perf_counter()
                writer(G, out / fname)
                s = time.perf_counter() - t
                best = s if best is None else min(best, s)
            res[f"{name}_s"] = best
            res[f"{name}_mb"] = (out / fname).stat().st_size / 1e6
    finally:
        shutil.rmtree(out)
    return res


# ----------------------------------------------------------------------------- the run
def main(argv=None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", nargs="?", type=int, default=2000, help="documents in the corpus (default 2000)")
    p.add_argument("--repeat", type=int, default=2, help="builds per figure; the best is kept")
    p.add_argument("--big", type=int, default=0, help="also build M documents once for peak memory")
    p.add_argument("--edges", type=int, default=100_000, help="edges of the synthetic export graph")
    a = p.parse_args(argv)
    from corpus import generate

    tmp = Path(tempfile.mkdtemp(prefix="graphx-scale-"))
    rows: dict = {"n": a.n, "repeat": a.repeat, "cpus": os.cpu_count(),
                  "load_average_at_start": os.getloadavg()[0]}
    try:
        src, src2 = tmp / "n", tmp / "2n"
        generate(src, a.n)
        generate(src2, 2 * a.n)
        tok_rate, tokens = tokenizer_rate(src, max(3, a.repeat))
        rows["tokens"] = tokens
        rows["tokenizer_tokens_per_s"] = tok_rate

        one = build(src, tmp / "o1", "--no-cache", repeat=a.repeat)
        rows["cold_jobs1"] = one
        rows["cold_tokens_per_s"] = tokens / one["extract_s"]
        rows["ratio_to_tokenizer"] = rows["cold_tokens_per_s"] / tok_rate
        two = build(src, tmp / "o2", "--no-cache", "--jobs", "2", repeat=a.repeat)
        rows["cold_jobs2"] = two
        rows["jobs2_speedup"] = one["extract_s"] / two["extract_s"]

        # incremental: fill the cache, change one report, rebuild
        cached = tmp / "oc"
        fill = build(src, cached, repeat=1)
        rows["cold_with_cache"] = fill
        victim = sorted(src.glob("*.txt"))[a.n // 2]
        original = victim.read_text(encoding="utf-8")
        counter = iter(range(10_000))

        def touch():
            victim.write_text(original + f"\nVladimir Putin called Recep Tayyip Erdogan ({next(counter)}).\n",
                              encoding="utf-8")

        warm = build(src, cached, repeat=max(3, a.repeat), prepare=touch)
        rows["warm_one_changed"] = warm
        rows["warm_fraction_of_cold_extract"] = warm["extract_s"] / fill["extract_s"]
        rows["warm_fraction_of_cold_build"] = (warm["build_s"] + warm["export_s"]) / (
            fill["build_s"] + fill["export_s"])
        # everything `graphx build` does: extraction, graph, JSON, GraphML, the page, conflicts.json
        rows["warm_fraction_of_cold_all"] = (warm["build_s"] + warm["export_s"] + warm["page_conflicts_s"]) / (
            fill["build_s"] + fill["export_s"] + fill["page_conflicts_s"])

        double = build(src2, tmp / "o2n", "--no-cache", repeat=a.repeat)
        rows["cold_2n"] = double
        rows["growth_2n_over_n"] = double["extract_s"] / one["extract_s"]
        rows["growth_2n_over_n_build"] = (double["build_s"] + double["export_s"]) / (one["build_s"] + one["export_s"])

        if a.big:
            big = tmp / "big"
            generate(big, a.big)
            rows["big"] = build(big, tmp / "obig", "--no-cache", repeat=1)
            shutil.rmtree(big)
        rows["exports"] = exports(a.edges, max(2, a.repeat))
        rows["load_average_at_end"] = os.getloadavg()[0]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(rows)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.json").write_text(json.dumps(rows, indent=1) + "\n")
    return rows


def print_table(r: dict) -> None:
    n, tok = r["n"], r["tokenizer_tokens_per_s"]
    lines = [
        ("corpus", f"{n:,} reports, {r['tokens']:,} tokens (2N: {r['cold_2n']['tokens']:,})", ""),
        ("spaCy tokenizer only (ceiling)", f"{tok:,.0f} tokens/s", ""),
        ("cold build, --jobs 1", f"{r['cold_tokens_per_s']:,.0f} tokens/s = {r['ratio_to_tokenizer']:.3f} x tokenizer "
         f"(extract {r['cold_jobs1']['extract_s']:.1f}s, build {r['cold_jobs1']['build_s']:.1f}s, "
         f"export {r['cold_jobs1']['export_s']:.1f}s)", ">= 0.5 x"),
        ("cold build, --jobs 2", f"extract {r['cold_jobs2']['extract_s']:.1f}s = {r['jobs2_speedup']:.2f} x faster",
         ">= 1.6 x"),
        ("warm rebuild, 1 report changed",
         f"extract {r['warm_one_changed']['extract_s']:.2f}s = {100 * r['warm_fraction_of_cold_extract']:.1f}% of cold; "
         f"build+JSON+GraphML {100 * r['warm_fraction_of_cold_build']:.1f}%, "
         f"with page+conflicts {100 * r.get('warm_fraction_of_cold_all', 0):.1f}% "
         f"({r['warm_one_changed']['extracted']} extracted, {r['warm_one_changed']['cached']} cached)", "<= 5%"),
        ("time at 2N / time at N", f"extract {r['growth_2n_over_n']:.2f}; build+export {r['growth_2n_over_n_build']:.2f}",
         "<= 2.2"),
        ("peak memory", f"N: {r['cold_jobs1']['peak_mb']:.0f} MB; 2N: {r['cold_2n']['peak_mb']:.0f} MB; "
         f"--jobs 2 workers: {r['cold_jobs2']['children_peak_mb']:.0f} MB each", ""),
        ("CPU seconds (whole process: extract, graph, exports)",
         f"N {r['cold_jobs1']['cpu_s']:.0f}s; 2N {r['cold_2n']['cpu_s']:.0f}s "
         f"(x{r['cold_2n']['cpu_s'] / r['cold_jobs1']['cpu_s']:.2f}); --jobs 2: parent "
         f"{r['cold_jobs2']['cpu_s']:.0f}s + workers {r['cold_jobs2'].get('children_cpu_s', 0):.0f}s; "
         f"warm {r['warm_one_changed']['cpu_s']:.1f}s = {100 * r['warm_one_changed']['cpu_s'] / r['cold_with_cache']['cpu_s']:.0f}% "
         f"of cold", ""),
    ]
    if "big" in r:
        b = r["big"]
        lines.append((f"{b['documents']:,} reports", f"peak {b['peak_after_build_mb']:.0f} MB built, "
                      f"{b['peak_after_json_mb']:.0f} MB after JSON, {b['peak_mb']:.0f} MB after GraphML, "
                      f"{b.get('peak_after_page_mb', 0):.0f} MB after the page; "
                      f"extract {b['extract_s']:.0f}s, {b['edges']:,} edges, {b['evidence']:,} citations", "< 2 GB"))
    e = r["exports"]
    lines.append((f"export {e['edges']:,} edges ({e['citations']:,} citations)",
                  f"JSON {e['json_s']:.1f}s ({e['json_mb']:.0f} MB), GraphML {e['graphml_s']:.1f}s "
                  f"({e['graphml_mb']:.0f} MB)", "seconds"))
    w = max(len(a) for a, _, _ in lines)
    print(f"{'measure':<{w}}  {'result':<60}  target")
    for a, b, c in lines:
        print(f"{a:<{w}}  {b:<60}  {c}")
    print(f"(best of {r['repeat']}; {r['cpus']} CPUs; load average {r['load_average_at_start']:.1f} at start, "
          f"{r.get('load_average_at_end', 0):.1f} at end)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _worker(sys.argv[2:])
    else:
        main()
