"""Peak memory of every process of one cold ``graphx build`` at archive scale (issue 17).

    python benchmarks/bench_memory.py 20000                 # trained pipeline (the default)
    python benchmarks/bench_memory.py 20000 --model blank   # the offline pipeline

Generates N reports with ``benchmarks/corpus.py`` (seed 17), runs one cold build (``--no-cache``)
into a temporary folder and samples, once a second, the high-water mark of resident memory
(``VmHWM`` in ``/proc/PID/status``) of the build and of every process under it (extraction
workers). A process's high-water mark only grows, so the last sample before it exits is its peak
up to the last second. Writes ``benchmarks/results/memory-N[-MODEL].json``: wall seconds, the
corpus size, and per process its command and peak MB; the target is < 2 GB per process.
Linux only (it reads ``/proc``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _cmd(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()[:160]
    except OSError:
        return ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=20000)
    ap.add_argument("--model", default=None, help="e.g. blank (default: graphx's default pipeline)")
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "corpus", Path(tmp) / "out"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(src), str(a.n), "17"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        size = sum(p.stat().st_size for p in src.glob("*.txt"))
        cmd = [sys.executable, "-m", "graphx.cli", "build", str(src), "-o", str(out), "--no-cache", "-q",
               "--jobs", str(a.jobs)] + (["--model", a.model] if a.model else [])
        peaks: dict[int, tuple[str, int]] = {}
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while proc.poll() is None:
            for pid in _tree(proc.pid):
                kb = _hwm_kb(pid)
                if kb is not None and kb >= peaks.get(pid, ("", 0))[1]:
                    peaks[pid] = (peaks.get(pid, ("", 0))[0] or _cmd(pid), kb)
            time.sleep(1.0)
        wall = time.perf_counter() - t
        err = proc.stderr.read().decode("utf-8", "replace")
        edges = json.loads((out / "graph.json").read_text(encoding="utf-8"))["edges"] if proc.returncode == 0 else []
    processes = sorted(({"pid": pid, "command": c, "peak_mb": round(kb / 1024, 1)} for pid, (c, kb) in peaks.items()),
                       key=lambda r: -r["peak_mb"])
    res = {"n": a.n, "model": a.model or "default", "jobs": a.jobs, "date": date.today().isoformat(),
           "cpus": os.cpu_count(), "corpus_bytes": size, "exit": proc.returncode, "wall_s": round(wall, 1),
           "edges": len(edges), "peak_mb_max": max((r["peak_mb"] for r in processes), default=None),
           "processes": processes, "stderr_tail": err[-2000:]}
    name = f"memory-{a.n}" + (f"-{a.model}" if a.model else "") + ".json"
    path = ROOT / "benchmarks" / "results" / name
    path.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in res.items() if k != "stderr_tail"}, indent=1))
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
