"""A build killed at any moment (SIGKILL) leaves the previous outputs intact.

Each run is a real ``graphx build`` in a child process that kills itself with
SIGKILL at a chosen moment of the export: halfway through writing a temporary
file, just before and just after each rename. Further runs are killed after
a fixed delay, wherever they happen to be. The runs go in parallel.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import graphx
from graphx.export import write_all

from .conftest import ROOT

OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "conflicts.json", "discovered.toml")

# Builds the graph of REPORTS once, then for each "MODE N OUTDIR" forks a child that
# exports it into OUTDIR and SIGKILLs itself at MODE number N:
#   write N: halfway through the first write to the N-th output temp file
#   before N / after N: just before / just after the N-th rename onto an output
# Prints each child's exit status (negative: killed by that signal).
DRIVER = textwrap.dedent("""
    import os, signal, sys
    import graphx
    from graphx.export import write_all

    G = graphx.build(sys.argv[1])
    real_replace, real_fdopen = os.replace, os.fdopen

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    class HalfThenDie:
        def __init__(self, f):
            self.f = f
        def write(self, data):
            self.f.write(data[:len(data) // 2])
            self.f.flush()
            os.fsync(self.f.fileno())
            die()
        def __getattr__(self, name):
            return getattr(self.f, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.f.__exit__(*exc)

    def child(mode, n, out):
        count = {"replace": 0, "open": 0}

        def replace(src, dst):
            count["replace"] += 1
            if mode == "before" and count["replace"] == n:
                die()
            real_replace(src, dst)
            if mode == "after" and count["replace"] == n:
                die()

        def fdopen(*a, **k):
            f = real_fdopen(*a, **k)
            count["open"] += 1
            return HalfThenDie(f) if mode == "write" and count["open"] == n else f

        os.replace, os.fdopen = replace, fdopen
        write_all(G, out)

    for spec in sys.argv[2:]:
        mode, n, out = spec.split(" ", 2)
        pid = os.fork()
        if pid == 0:
            try:
                child(mode, int(n), out)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        print(-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status), flush=True)
""")


def _env():
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _check_readable(out: Path):
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    ET.parse(out / "graph.graphml")
    assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    json.loads((out / "conflicts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """Outputs of an earlier build and the bytes the new build writes."""
    base = tmp_path_factory.mktemp("crash")
    for name, text in (("small", "Putin called Erdogan on Monday."), ("bigger", "Assad fled to Moscow.")):
        (base / name).mkdir()
        (base / name / "a.txt").write_text(text, encoding="utf-8")
    # a second report that disagrees, so that conflicts.json changes too
    (base / "bigger" / "b.txt").write_text("Assad fled to Tehran.", encoding="utf-8")
    # and a person the alias table lacks, so that discovered.toml changes too
    (base / "bigger" / "c.txt").write_text("PUK spokesperson Saadi Ahmed Pira met Fidan.", encoding="utf-8")
    for src, out in (("small", "old"), ("bigger", "new")):
        write_all(graphx.build(base / src), base / out)
    return base, {n: (base / "old" / n).read_bytes() for n in OUTPUTS}, \
        {n: (base / "new" / n).read_bytes() for n in OUTPUTS}


def _assert_whole(out, old, new):
    """Every output is the previous version or the new one (never a fragment), and readable."""
    got = {name: (out / name).read_bytes() for name in OUTPUTS}
    state = tuple("old" if got[n] == old[n] else "new" if got[n] == new[n] else "BROKEN" for n in OUTPUTS)
    assert "BROKEN" not in state, (out.name, state)
    _check_readable(out)
    # Nothing but the outputs (and hidden temp files) is visible.
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(OUTPUTS)
    return state


@pytest.mark.slow
def test_sigkill_at_each_moment_of_the_export(previous):
    base, old, new = previous
    (base / "driver.py").write_text(DRIVER)
    moments = [(m, n) for m in ("write", "before", "after") for n in range(1, len(OUTPUTS) + 1)]
    specs = []
    for mode, n in moments:
        out = base / f"{mode}{n}"
        shutil.copytree(base / "old", out)
        specs.append(f"{mode} {n} {out}")
    done = subprocess.run([sys.executable, str(base / "driver.py"), str(base / "bigger"), *specs],
                          env=_env(), cwd=base, check=True, capture_output=True, text=True)
    assert done.stdout.split() == [str(-signal.SIGKILL)] * len(moments), done.stderr
    states = {(m, n): _assert_whole(base / f"{m}{n}", old, new) for m, n in moments}
    # The moments hit what they aim at: before the N-th rename, N-1 outputs are new; after it, N.
    # While the new files are written, none is in place yet (the set is renamed at the end).
    for n in range(1, len(OUTPUTS) + 1):
        assert states[("write", n)].count("new") == 0
        assert states[("before", n)].count("new") == n - 1
        assert states[("after", n)].count("new") == n
    # The killed writers' temp files are removed by the next build, which then succeeds.
    out = base / "write1"
    assert any(p.name.endswith(".tmp") for p in out.iterdir())
    subprocess.run([sys.executable, "-m", "graphx.cli", "build", str(base / "bigger"), "-o", str(out), "-q"],
                   env=_env(), check=True, cwd=base)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".graphx-cache")) == sorted(OUTPUTS)
    assert {n: (out / n).read_bytes() for n in OUTPUTS} == new


@pytest.mark.slow
def test_sigkill_of_the_command_after_a_delay(previous):
    # The real command, killed from outside wherever it is (loading, reading, writing).
    base, old, new = previous
    runs = []
    for delay in (0.5, 2.0, 3.5):
        out = base / f"delay{delay}"
        shutil.copytree(base / "old", out)
        proc = subprocess.Popen([sys.executable, "-m", "graphx.cli", "build", str(base / "bigger"), "-o", str(out),
                                 "-q"], env=_env(), cwd=base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append((delay, out, proc))
    started = time.monotonic()
    for delay, out, proc in runs:
        time.sleep(max(0.0, started + delay - time.monotonic()))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        _assert_whole(out, old, new)


def test_stale_temp_of_a_live_writer_is_kept(tmp_path):
    from graphx.export.atomic import remove_stale_temps

    mine = tmp_path / f".graph.json.{os.getpid()}.x.tmp"
    dead = tmp_path / ".graph.json.999999999.y.tmp"
    other = tmp_path / "notes.tmp"
    for p in (mine, dead, other):
        p.write_text("x")
    assert remove_stale_temps(tmp_path) == [dead]
    assert mine.exists() and other.exists() and not dead.exists()


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    from graphx.export.atomic import atomic_write

    target = tmp_path / "graph.json"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as f:
            f.write("half")
            raise RuntimeError("disk full")
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


def test_disk_full_while_writing_is_an_error_naming_what_changed(previous, tmp_path, monkeypatch):
    import errno

    from graphx.errors import OutputError

    base, old, new = previous
    out = tmp_path / "out"
    shutil.copytree(base / "old", out)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith("graph.graphml"):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError) as info:
        write_all(graphx.load(base / "new" / "graph.json"), out)
    assert str(info.value) == (f"{out / 'graph.graphml'}: cannot write (No space left on device); "
                               "outputs already there are unchanged except graph.json")
    assert (out / "graph.graphml").read_bytes() == old["graph.graphml"]
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)  # no temp file left


def test_output_folder_that_cannot_be_made_is_a_one_line_error(tmp_path):
    from click.testing import CliRunner

    from graphx.cli import main

    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text("Putin called Erdogan.")
    (tmp_path / "file").write_text("x")
    r = CliRunner().invoke(main, ["build", str(tmp_path / "r"), "-o", str(tmp_path / "file" / "out"), "-q"])
    assert r.exit_code == 1
    assert r.output == f"Error: {tmp_path / 'file' / 'out'}: cannot write (Not a directory); " \
                       "outputs already there are unchanged\n"
