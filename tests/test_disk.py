"""Full disks and read-only folders: no cache is no reason to fail, and a set of outputs is
written all or none.

The first tests use real small file systems (tmpfs mounts of a few hundred kB, remounted
read-only), which needs root and a working ``mount``: elsewhere they are skipped, and the
tests after them inject the same errors (SQLite's "database or disk is full", ENOSPC) by
monkeypatching, so every case still runs.
"""

import errno
import os
import shutil
import sqlite3
import subprocess

import pytest
from click.testing import CliRunner

from graphx.cache import CACHE_NAME
from graphx.cli import main

OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "conflicts.json", "discovered.toml")
PEOPLE = [("Putin", "Erdogan"), ("Lavrov", "Fidan"), ("Araghchi", "Lavrov"), ("Erdogan", "Sudani"),
          ("Fidan", "Araghchi"), ("Sudani", "Putin")]


def reports(folder, n, start=0):
    """``n`` small reports (each a few calls and meetings, so each cached row takes some room)."""
    folder.mkdir(exist_ok=True)
    for i in range(start, start + n):
        a, b = PEOPLE[i % len(PEOPLE)]
        c, d = PEOPLE[(i + 1) % len(PEOPLE)]
        (folder / f"r{i:03d}.txt").write_text(
            f"Title: Report {i}\nSource: Outlet {i % 7}\n\n{a} called {b} on Monday about report {i}. "
            f"{c} met {d} in Doha on Tuesday. {b} did not respond to {a}, officials said on day {i}. "
            f"{d} later spoke by phone with {c}, the ministry said.\n", encoding="utf-8")
    return folder


def build(*args):
    r = CliRunner().invoke(main, ["build", *map(str, args), "-q"])
    return r


def outputs(folder):
    return {n: (folder / n).read_bytes() for n in OUTPUTS}


# ------------------------------------------------------------------ real small file systems
@pytest.fixture()
def tmpfs(tmp_path):
    """``mount(path, kb)`` mounts a tmpfs of that size at ``path``; ``readonly(path)`` remounts it."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root and mount (the monkeypatched tests below cover it)")
    mounted = []

    def mount(path, kb):
        path.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kb}k,mode=0755", "tmpfs", str(path)],
                              capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(path)
        return path

    def readonly(path):
        subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)

    yield mount, readonly
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_disk_that_fills_while_the_cache_is_written_is_a_warning(tmpfs, tmp_path):
    mount, _ = tmpfs
    corpus = reports(tmp_path / "in", 60)
    small = mount(tmp_path / "small", 96)  # room for an empty cache, not for 60 reports
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_NAME).symlink_to(small / "cache.sqlite")  # the cache on the small disk, outputs elsewhere
    r = build(corpus, "-o", out)
    assert r.exit_code == 0, r.output
    assert r.stderr == (f"warning: cache {out / CACHE_NAME}: cannot write (database or disk is full); "
                        "the build goes on without updating it\n")
    reference = tmp_path / "reference"
    assert build(corpus, "-o", reference, "--no-cache").exit_code == 0
    assert outputs(out) == outputs(reference)


def test_a_read_only_cache_and_one_new_report(tmpfs, tmp_path):
    mount, readonly = tmpfs
    corpus = reports(tmp_path / "in", 5)
    small = mount(tmp_path / "small", 400)
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_NAME).symlink_to(small / "cache.sqlite")
    assert build(corpus, "-o", out).exit_code == 0
    readonly(small)
    reports(corpus, 1, start=5)  # one new report
    r = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[-1] == f"warning: cache {out / CACHE_NAME}: cannot write (read-only file system); " \
                                        "using it without updating it", r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("warning") == 1
    assert "; 5 from the cache." in r.stdout  # the old reports are read from it
    reference = tmp_path / "reference"
    assert build(corpus, "-o", reference, "--no-cache").exit_code == 0
    assert outputs(out) == outputs(reference)


def test_cache_info_and_clear_in_a_read_only_folder(tmpfs, tmp_path):
    mount, readonly = tmpfs
    corpus = reports(tmp_path / "in", 3)
    out = mount(tmp_path / "out", 4096)
    assert build(corpus, "-o", out).exit_code == 0
    readonly(out)
    before = sorted(os.listdir(out))
    r = CliRunner().invoke(main, ["cache", "info", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"{out / CACHE_NAME}: 3 report(s), ") and r.stderr == ""
    r = CliRunner().invoke(main, ["cache", "clear", "-o", str(out)])
    assert r.exit_code == 1
    assert r.output == (f"Error: cannot delete {out / CACHE_NAME} (Read-only file system): the folder {out} is "
                        "read-only for you; delete it where you can write, or leave it: a build with --no-cache "
                        "ignores it\n")
    assert sorted(os.listdir(out)) == before


def test_cache_info_writes_nothing_beside_a_cache_at_rest(tmp_path):
    """`graphx cache info` reads the cache as it is: no -wal or -shm file is made beside it, the cache's
    bytes are unchanged (issue 19: "cache info never writes")."""
    out = tmp_path / "out"
    assert build(reports(tmp_path / "in", 3), "-o", out).exit_code == 0
    before = {n: (out / n).read_bytes() for n in os.listdir(out)}
    r = CliRunner().invoke(main, ["cache", "info", "-o", str(out)])
    assert r.exit_code == 0 and r.output.startswith(f"{out / CACHE_NAME}: 3 report(s), "), r.output
    assert {n: (out / n).read_bytes() for n in os.listdir(out)} == before


def test_a_disk_that_fills_during_the_export_leaves_the_old_set(tmpfs, tmp_path):
    mount, _ = tmpfs
    small_corpus, big_corpus = reports(tmp_path / "small", 1), reports(tmp_path / "big", 30)
    old, new = tmp_path / "old", tmp_path / "new"
    assert build(small_corpus, "-o", old, "--no-cache").exit_code == 0
    assert build(big_corpus, "-o", new, "--no-cache").exit_code == 0
    size = {n: (new / n).stat().st_size for n in OUTPUTS}
    # Room for the old set, the new graph.json and half the new graph.graphml: the set cannot be
    # written whole (writing one file at a time, graph.json alone would have been replaced).
    room = sum((old / n).stat().st_size for n in OUTPUTS) + size["graph.json"] + size["graph.graphml"] // 2
    out = mount(tmp_path / "out", room // 1024 + 8)
    for n in OUTPUTS:
        shutil.copy(old / n, out / n)
    r = build(big_corpus, "-o", out, "--no-cache")
    assert r.exit_code == 1
    assert r.output.startswith("Error: ") and "(No space left on device); outputs already there are unchanged\n" \
        in r.output and r.output.count("\n") == 1, r.output
    assert outputs(out) == outputs(old)
    assert sorted(os.listdir(out)) == sorted(OUTPUTS)  # no temporary file left behind


# ------------------------------------------------------------------ the same errors, injected
class FailingDb:
    """A cache connection whose writes fail as SQLite's do on a full disk or read-only file."""

    def __init__(self, db, error):
        self.db, self.error = db, error

    def execute(self, sql, *a):
        if not sql.lstrip().upper().startswith(("SELECT", "PRAGMA")):
            raise sqlite3.OperationalError(self.error)
        return self.db.execute(sql, *a)

    def executemany(self, sql, *a):
        raise sqlite3.OperationalError(self.error)

    def commit(self):
        raise sqlite3.OperationalError(self.error)

    def __getattr__(self, name):
        return getattr(self.db, name)


@pytest.mark.parametrize("error", ["database or disk is full", "attempt to write a readonly database",
                                   "database is locked", "disk I/O error"])
def test_a_cache_that_cannot_be_written_is_a_warning(tmp_path, monkeypatch, error):
    from graphx.cache import Cache

    corpus = reports(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert build(corpus, "-o", out).exit_code == 0
    reports(corpus, 1, start=4)  # a new report: its row must be written (and a gone one pruned)
    (corpus / "r000.txt").unlink()
    real_open = Cache._open
    monkeypatch.setattr(Cache, "_open", lambda self: FailingDb(real_open(self), error))
    r = build(corpus, "-o", out)
    assert r.exit_code == 0, (r.output, r.exception)
    why = error + (": another build is using it" if "locked" in error else "")
    assert r.stderr == f"warning: cache {out / CACHE_NAME}: cannot write ({why}); the build goes on without updating it\n"
    reference = tmp_path / "reference"
    assert build(corpus, "-o", reference, "--no-cache").exit_code == 0
    assert outputs(out) == outputs(reference)


def test_a_cache_that_cannot_be_opened_for_writing_is_read(tmp_path, monkeypatch):
    import graphx
    from graphx.cache import Cache

    corpus = reports(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert build(corpus, "-o", out).exit_code == 0

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Cache, "_open", full)
    report = graphx.BuildReport()
    graphx.build(corpus, cache=out / CACHE_NAME, report=report)
    assert report.warnings == [f"cache {out / CACHE_NAME}: cannot write (database or disk is full); "
                               "using it without updating it"]
    assert report.cached == 2 and (out / CACHE_NAME).exists()  # read, not deleted

    def locked(self):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Cache, "_open", locked)
    r = build(corpus, "-o", out)
    assert r.exit_code == 0 and r.stderr == (f"warning: cache {out / CACHE_NAME}: cannot open (database is locked: "
                                             "another build is using it); extracting every report without it\n")


def test_disk_full_on_the_third_output_leaves_the_old_set(tmp_path, monkeypatch):
    import graphx
    from graphx.export import write_all

    old = tmp_path / "out"
    assert build(reports(tmp_path / "a", 1), "-o", old, "--no-cache").exit_code == 0
    before = outputs(old)
    G = graphx.build(reports(tmp_path / "b", 3))
    real_fdopen = os.fdopen
    opened = []

    def fdopen(fd, *a, **k):
        f = real_fdopen(fd, *a, **k)
        opened.append(f)
        if len(opened) == 3:
            f.close()
            raise OSError(errno.ENOSPC, "No space left on device", str(old / "graph.html"))
        return f

    monkeypatch.setattr(os, "fdopen", fdopen)
    from graphx.errors import OutputError

    with pytest.raises(OutputError) as info:
        write_all(G, old)
    assert str(info.value) == f"{old / 'graph.html'}: cannot write (No space left on device); outputs already " \
                              "there are unchanged"
    assert outputs(old) == before and sorted(os.listdir(old)) == sorted(OUTPUTS)


def test_a_foreign_database_behind_a_symlink_is_not_changed(tmp_path):
    foreign = tmp_path / "someone" / "data.sqlite"
    foreign.parent.mkdir()
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE accounts (name TEXT)")
    db.execute("INSERT INTO accounts VALUES ('x')")
    db.commit()
    db.close()
    data = foreign.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_NAME).symlink_to(foreign)
    r = build(reports(tmp_path / "in", 1), "-o", out)
    assert r.exit_code == 0, r.output
    assert "is unreadable (not a graphx-cache/1 cache); rebuilding it" in r.stderr
    assert foreign.read_bytes() == data  # not switched to WAL, not deleted
    assert sorted(os.listdir(foreign.parent)) == ["data.sqlite"]
    assert not (out / CACHE_NAME).is_symlink()  # a cache of its own now

