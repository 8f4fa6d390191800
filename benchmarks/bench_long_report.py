"""One long report: build time must grow linearly with the report's size (issue 19, item 6).

    python benchmarks/bench_long_report.py [--model blank|NAME] [SIZES_MB ...]   (default: blank 0.5 1 2)

Writes one report of each size made of the seeds' sentences, one per line (many line breaks:
the case that was quadratic when sentence starts were set line by line), builds each in a fresh
process (``graphx build FILE --no-cache``, best of two) and reports seconds per MB and the ratio of
each size's time to the previous one's (2.0 for a doubling is linear). Saves
``benchmarks/results/long_report.json``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _sentences():
    out = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        body = p.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 20]
    return out


def _report(path: Path, mb: float, sentences) -> None:
    lines, size, k = ["Title: long", "Source: bench", "Date: 2024-12-08", ""], 0, 0
    while size < mb * 1_000_000:
        s = sentences[k % len(sentences)]
        lines.append(s)
        size += len(s.encode("utf-8")) + 1
        k += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    model = "blank"
    if argv[:1] == ["--model"]:
        model, argv = argv[1], argv[2:]
    sizes = [float(a) for a in argv] or [0.5, 1.0, 2.0]
    sentences = _sentences()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            f = Path(tmp) / f"r{mb}.txt"
            _report(f, mb, sentences)
            best = None
            for _ in range(2):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "graphx.cli", "build", str(f), "-o", str(Path(tmp) / "out"),
                                "--no-cache", "-q", "--max-bytes", str(int(mb * 2_000_000) + 1_000_000)]
                               + ([] if model == "default" else ["--model", model]),
                               env=env, check=True, stdout=subprocess.DEVNULL)
                wall = time.perf_counter() - t
                best = wall if best is None else min(best, wall)
            rows.append({"mb": mb, "lines": f.read_text(encoding="utf-8").count("\n"), "seconds": round(best, 2),
                         "seconds_per_mb": round(best / mb, 2)})
            print(rows[-1], flush=True)
    for a, b in zip(rows, rows[1:]):
        b["time_ratio_to_previous"] = round(b["seconds"] / a["seconds"], 2)
        b["size_ratio_to_previous"] = round(b["mb"] / a["mb"], 2)
    res = {"date": time.strftime("%Y-%m-%d"), "model": model, "cpus": os.cpu_count(), "rows": rows}
    out = HERE / "results" / "long_report.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
