"""Whole warm rebuild against a cold build at archive scale, with the trained pipeline (issue 17).

    python benchmarks/bench_warm.py [N] [--repeat K] [--model NAME]

Generates N reports with benchmarks/corpus.py, then, K times: a cold ``graphx build`` (the whole
command, a fresh process, an empty output folder) and, after one report of the N changed, a warm
``graphx build`` into the same folder (the whole command: its cache, the changed report, every
export). The issue's target is the whole warm command ≤ 10 % of the cold build at N = 5,000. Both
builds run in one run of this script, one after the other, because the machine is shared; the
ratio is of the best runs. Writes benchmarks/results/warm-<N>[-<model>].json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_speed import ENV, _best, _command  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--model", default=None, help="e.g. blank (default: graphx's default, the trained pipeline)")
    a = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="graphx-warm-"))
    extra = ["--model", a.model] if a.model else []
    res: dict = {"n": a.n, "repeat": a.repeat, "model": a.model or "default", "cpus": os.cpu_count(),
                 "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    try:
        src = tmp / "corpus"
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(src), str(a.n)], check=True, env=ENV,
                       stdout=subprocess.DEVNULL)
        res["corpus_bytes"] = sum(p.stat().st_size for p in src.glob("*.txt"))
        out = tmp / "out"
        runs = []

        def cold_then_warm():
            shutil.rmtree(out, ignore_errors=True)
            work = tmp / "work"
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(src, work)
            cold = _command(["build", str(work), "-o", str(out), "-q", *extra])
            first = sorted(work.glob("*.txt"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "\nPutin called Erdogan on Friday.\n",
                             encoding="utf-8")
            warm = _command(["build", str(work), "-o", str(out), "-q", *extra])
            runs.append({"cold_s": cold[0], "cold_peak_mb": cold[1], "cold_cpu_s": cold[2],
                         "warm_s": warm[0], "warm_peak_mb": warm[1], "warm_cpu_s": warm[2]})
            return cold[0], warm[0]

        _best(cold_then_warm, a.repeat)
        res["runs"] = runs
        res["cold_s"] = min(r["cold_s"] for r in runs)
        res["warm_s"] = min(r["warm_s"] for r in runs)
        res["warm_over_cold"] = res["warm_s"] / res["cold_s"]
        res["warm_over_cold_cpu"] = min(r["warm_cpu_s"] for r in runs) / min(r["cold_cpu_s"] for r in runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    name = f"warm-{a.n}" + (f"-{a.model}" if a.model else "")
    path = HERE / "results" / f"{name}.json"
    path.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    for k, v in res.items():
        if k != "runs":
            print(f"{k:22s} {v if not isinstance(v, float) else round(v, 3)}")


if __name__ == "__main__":
    main()
