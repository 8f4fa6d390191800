"""Archive speed with the trained pipeline (issue 17), every figure in one run on one corpus.

    python benchmarks/bench_speed.py [N] [--repeat K] [--name NAME]
    python benchmarks/bench_speed.py --corpus tests/corpora/*/corpus ../shared/corpora/dev/corpus --name speed-real

Generates N reports (and 2N) with benchmarks/corpus.py (or, with ``--corpus``, takes every .txt
under the folders given, and the same reports twice as 2N), then measures: spaCy's tokenizer
alone; the trained pipeline's own ``nlp.pipe`` over the same report bodies; ``graphx build``
cold with the trained pipeline (the whole command, in a fresh process); cold offline
(``--model blank``); a warm rebuild after one report changed (whole command); ``--jobs 2``
against ``--jobs 1``; 2N against N; the share of sentences parsed; peak memory of each
build process (``wait4``'s max RSS, children included). Best of ``--repeat`` runs; ratios
come from the same run because the machine is shared. Writes
benchmarks/results/<NAME>.json (default ``speed``).
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
ROOT = HERE.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ENV.pop("GRAPHX_PARSE_ALL", None)


# The command's own peak memory: VmHWM of its process after exec, written as it exits (the
# rusage of a forked child also counts the copy of this process, with its loaded model).
_WRAP = ("import atexit, sys\n"
         "def _peak():\n"
         "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
         "    sys.stderr.write('GRAPHX_PEAK_KB ' + (hwm[0].split()[1] if hwm else '0') + '\\n')\n"
         "atexit.register(_peak)\n"
         "from graphx.cli import main\n"
         "sys.argv = ['graphx'] + sys.argv[1:]\n"
         "main()\n")


def _command(args) -> tuple[float, float, float]:
    """Wall seconds, peak MB (the main process) and CPU seconds (with its children) of one ``graphx`` command."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", _WRAP, *args], env=ENV, cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode:
        raise SystemExit(f"graphx {' '.join(args)} failed:\n{err}")
    peaks = [int(line.split()[1]) for line in err.splitlines() if line.startswith("GRAPHX_PEAK_KB ")]
    return wall, (peaks[-1] / 1024 if peaks else float("nan")), usage.ru_utime + usage.ru_stime


def _best(fn, repeat):
    runs = [fn() for _ in range(repeat)]
    return min(runs, key=lambda r: r[0]), runs


def _bodies(folder):
    from graphx.documents import read_document

    return [read_document(p.name, p) for p in sorted(Path(folder).glob("*.txt"))]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--name", default="speed")
    ap.add_argument("--corpus", nargs="+", action="extend", default=[], metavar="FOLDER",
                    help="folders of real reports (.txt, searched recursively) instead of generated ones")
    a = ap.parse_args(argv)
    sys.path[:0] = [str(ROOT)]
    tmp = Path(tempfile.mkdtemp(prefix="graphx-speed-"))
    res: dict = {"n": a.n, "repeat": a.repeat, "cpus": os.cpu_count(), "date": time.strftime("%Y-%m-%d")}
    try:
        if a.corpus:
            files = sorted(p for folder in a.corpus for p in Path(folder).rglob("*.txt"))
            a.n = res["n"] = len(files)
            res["corpus"] = a.corpus
            for size, copies in ((a.n, 1), (2 * a.n, 2)):
                (tmp / f"c{size}").mkdir()
                for k in range(copies):
                    for i, p in enumerate(files):
                        shutil.copyfile(p, tmp / f"c{size}" / f"{k}-{i:05d}-{p.name}")
        else:
            for size in (a.n, 2 * a.n):
                subprocess.run([sys.executable, str(HERE / "corpus.py"), str(tmp / f"c{size}"), str(size)], check=True,
                               env=ENV, stdout=subprocess.DEVNULL)
        src = tmp / f"c{a.n}"

        # spaCy alone, in this process: the tokenizer and the trained pipeline's own nlp.pipe
        import spacy

        from graphx.nlp import resolve_model

        model = resolve_model(None)
        docs = _bodies(src)
        bodies = [d.body for d in docs]
        nlp = spacy.load(model)
        tokens = sum(len(d) for d in nlp.tokenizer.pipe(bodies))
        res["tokens"] = tokens
        res["model"] = model

        def timed(fn):
            t, c = time.perf_counter(), time.process_time()
            fn()
            return time.perf_counter() - t, time.process_time() - c

        (tok_s, _), _ = _best(lambda: timed(lambda: list(nlp.tokenizer.pipe(bodies))), a.repeat)
        (pipe_s, res["nlp_pipe_cpu_s"]), _ = _best(lambda: timed(lambda: list(nlp.pipe(bodies))), a.repeat)
        res["tokenizer_tokens_per_s"] = tokens / tok_s
        res["nlp_pipe_s"] = pipe_s
        res["nlp_pipe_tokens_per_s"] = tokens / pipe_s
        del nlp

        # the share of sentences parsed, and graphx's extraction alone (in this process)
        from graphx.actors import load_aliases
        from graphx.extract import Pipeline, Settings
        from graphx.lexicon import load_lexicon

        pipeline = Pipeline(Settings(load_aliases(), load_lexicon(), model=model))
        t = time.perf_counter()
        list(pipeline.run(docs))
        res["extract_in_process_s"] = time.perf_counter() - t
        parsing = getattr(pipeline, "parsing", None)  # (a pipeline that parses only candidate sentences)
        if parsing is not None:
            res["sentences"] = parsing.sentences
            res["sentences_parsed"] = parsing.parsed
            res["share_parsed"] = parsing.parsed / parsing.sentences
        else:
            res["share_parsed"] = 1.0  # every sentence is parsed
        del pipeline

        def cold(source, *extra):
            def run():
                out = tmp / "out"
                shutil.rmtree(out, ignore_errors=True)
                return _command(["build", str(source), "-o", str(out), "-q", *extra])
            return run

        (res["cold_s"], res["cold_peak_mb"], res["cold_cpu_s"]), res["cold_runs"] = _best(cold(src), a.repeat)
        (res["offline_s"], res["offline_peak_mb"], res["offline_cpu_s"]), _ = _best(cold(src, "--model", "blank"), a.repeat)
        (res["jobs2_s"], res["jobs2_peak_mb"], res["jobs2_cpu_s"]), _ = _best(cold(src, "--jobs", "2"), a.repeat)
        (res["cold_2n_s"], res["cold_2n_peak_mb"], res["cold_2n_cpu_s"]), _ = _best(cold(tmp / f"c{2 * a.n}"), a.repeat)

        # warm: build into a folder, change one report, build again (the whole command)
        def warm():
            out = tmp / "warm-out"
            work = tmp / "warm-src"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(src, work)
            _command(["build", str(work), "-o", str(out), "-q"])
            first = sorted(work.glob("*.txt"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "\nPutin called Erdogan on Friday.\n",
                             encoding="utf-8")
            return _command(["build", str(work), "-o", str(out), "-q"])

        (res["warm_s"], res["warm_peak_mb"], res["warm_cpu_s"]), _ = _best(warm, a.repeat)

        res["cold_tokens_per_s"] = tokens / res["cold_s"]
        res["cpu_ratios"] = {  # CPU seconds: less moved by other work on the machine than wall time
            "cold_over_nlp_pipe_throughput": res["nlp_pipe_cpu_s"] / res["cold_cpu_s"],
            "warm_over_cold": res["warm_cpu_s"] / res["cold_cpu_s"],
            "time_2n_over_n": res["cold_2n_cpu_s"] / res["cold_cpu_s"],
        }
        res["ratios"] = {
            "cold_over_nlp_pipe_throughput": res["nlp_pipe_s"] / res["cold_s"],
            "warm_over_cold": res["warm_s"] / res["cold_s"],
            "jobs2_speedup": res["cold_s"] / res["jobs2_s"],
            "time_2n_over_n": res["cold_2n_s"] / res["cold_s"],
            "offline_over_cold_speedup": res["cold_s"] / res["offline_s"],
            "cold_over_tokenizer": res["cold_tokens_per_s"] / res["tokenizer_tokens_per_s"],
        }
        # peak memory grows with N (the graph, the cache's results): extrapolate linearly from N and 2N
        per_report = (res["cold_2n_peak_mb"] - res["cold_peak_mb"]) / a.n
        res["peak_mb_20000_extrapolated"] = res["cold_peak_mb"] + per_report * (20000 - a.n)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = HERE / "results" / f"{a.name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    for k, v in res.items():
        print(f"{k:34s} {v if not isinstance(v, float) else round(v, 3)}")


if __name__ == "__main__":
    main()
