"""The page written by a process of its own (``write_all(..., jobs=2)``, ``graphx build --jobs 2``): the
bytes of one process, all or none with the other files, and no process or temporary file left behind
whatever fails."""

import errno
import os
import signal

import pytest

import graphx
from graphx.errors import OutputError
from graphx.export import FORMATS, write_all
from graphx.export.parallel import can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork here: the page is written in-process")


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    (src / "a.txt").write_text("Putin called Erdogan. Assad fled to Moscow.\n", encoding="utf-8")
    (src / "b.txt").write_text("Erdogan met Sharaa in Ankara. Qatar mediated between Iran and the US.\n",
                               encoding="utf-8")
    return graphx.build(src / "a.txt", model="blank"), graphx.build(src, model="blank")


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def children():
    import multiprocessing

    return [p for p in multiprocessing.active_children() if p.name == "graphx-page"]


def test_two_jobs_write_the_bytes_of_one(graphs, tmp_path):
    _, G = graphs
    one, two = write_all(G, tmp_path / "one"), write_all(G, tmp_path / "two", jobs=2)
    assert [p.name for p in one] == [p.name for p in two]
    assert files(tmp_path / "one") == files(tmp_path / "two") and "graph.html" in files(tmp_path / "two")
    assert not children()


def test_a_rebuild_that_changes_nothing_leaves_the_page_alone(graphs, tmp_path):
    _, G = graphs
    write_all(G, tmp_path, jobs=2)
    stamp = (tmp_path / "graph.html").stat().st_mtime_ns
    write_all(G, tmp_path, jobs=2)
    assert (tmp_path / "graph.html").stat().st_mtime_ns == stamp
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def _full(G, path, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", str(path))


def _killed(G, path, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize("fmt, writer, says", [
    ("html", _full, "graph.html: cannot write (No space left on device)"),  # the page's process fails
    ("html", _killed, "graph.html: cannot write (the process writing it was killed by signal 9)"),  # or dies
    ("graphml", _full, "graph.graphml: cannot write (No space left on device)"),  # the build's own write fails
])
def test_a_failed_write_on_either_side_leaves_the_old_set_and_no_process(graphs, tmp_path, monkeypatch, fmt, writer,
                                                                           says):
    old, new = graphs
    write_all(old, tmp_path)
    before = files(tmp_path)
    monkeypatch.setitem(FORMATS, fmt, (FORMATS[fmt][0], writer))
    with pytest.raises(OutputError) as info:
        write_all(new, tmp_path, jobs=2)
    assert says in str(info.value) and "outputs already there are unchanged" in str(info.value)
    assert files(tmp_path) == before  # (no temporary file either: files() lists hidden ones too)
    assert not children()


def test_the_cli_writes_the_page_the_same_with_two_jobs(tmp_path):
    from click.testing import CliRunner

    from graphx.cli import main

    runner = CliRunner()
    for jobs in ("1", "2"):
        r = runner.invoke(main, ["build", "seeds", "-o", str(tmp_path / jobs), "-q", "--model", "blank",
                                 "--no-cache", "--jobs", jobs])
        assert r.exit_code == 0, r.output
    assert files(tmp_path / "1") == files(tmp_path / "2")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_the_page_process_dies_with_the_build(graphs, tmp_path):
    """SIGKILL to the build (nothing can run in it then) while its page process writes: that process ends too."""
    import subprocess
    import sys
    import time

    pidfile = tmp_path / "page.pid"
    script = f"""
import os, sys, time, pickle
import graphx
from graphx.export import FORMATS, write_all

def slow(G, path, **kwargs):
    open({str(pidfile)!r}, "w").write(str(os.getpid()))
    time.sleep(60)

FORMATS["html"] = ("graph.html", slow)
G = graphx.build({str(tmp_path / "src")!r}, model="blank")
write_all(G, {str(tmp_path / "out")!r}, jobs=2)
"""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("Putin called Erdogan.\n", encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": os.getcwd()})
    try:
        for _ in range(600):
            if pidfile.exists() and pidfile.read_text():
                break
            time.sleep(0.1)
        page = int(pidfile.read_text())
        build.kill()
        build.wait()
        for _ in range(100):
            try:  # (gone, or a zombie no one has reaped yet: dead all the same)
                with open(f"/proc/{page}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                        break
            except (FileNotFoundError, ProcessLookupError):
                break
            time.sleep(0.1)
        else:
            os.kill(page, signal.SIGKILL)
            pytest.fail("the page process outlived the build")
    finally:
        build.kill()
