"""Config files (alias tables, cue lexicons, gold edges) are regular files of bounded size
(issue 19): a device, a named pipe, a huge file or TOML nested beyond reading is one clear
error naming the file, never a hang, a MemoryError or a RecursionError.
"""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graphx.cli import main

from .conftest import ROOT, SEEDS

OPTIONS = {"aliases": ["build", "-q", "--no-cache", str(SEEDS / "000_4249c692fd90a8b2.txt"), "--aliases"],
           "lexicon": ["build", "-q", "--no-cache", str(SEEDS / "000_4249c692fd90a8b2.txt"), "--lexicon"],
           "gold": ["eval"]}


def _limit_memory():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))


def graphx(args, tmp_path):
    """The real command in a subprocess: a regression that blocks on a pipe fails, it does not hang the
    suite, and one that reads a device to the end fails at 4 GB instead of filling the machine's memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    try:
        return subprocess.run([sys.executable, "-m", "graphx.cli", *args, "-o", str(tmp_path / "out")]
                              if args[0] == "build" else [sys.executable, "-m", "graphx.cli", *args],
                              env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"graphx {' '.join(args)} did not return (blocked reading?)")


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_a_named_pipe_is_refused_not_read(tmp_path, option):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    done = graphx(OPTIONS[option] + [str(fifo)], tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"Error: {fifo}: not a regular file (a named pipe)\n"


def test_a_device_is_refused(tmp_path):
    done = graphx(OPTIONS["aliases"] + ["/dev/zero"], tmp_path)
    assert done.returncode == 1 and done.stderr == "Error: /dev/zero: not a regular file (a device)\n"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.toml"
    with open(big, "wb") as f:  # sparse: costs no disk
        f.truncate(200 * 2**20)
    r = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path), "-q", "--lexicon", str(big)])
    assert r.exit_code == 1
    assert r.output == (f"Error: {big}: too large (over 33,554,432 bytes) (is it the right file? a data file is "
                        "hand-made text)\n")


@pytest.mark.parametrize("nested", ["x = " + "[" * 5000 + "]" * 5000 + "\n",
                                    "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n"])
def test_toml_nested_too_deeply_is_a_clear_error(tmp_path, nested):
    f = tmp_path / "deep.toml"
    f.write_text(nested)
    r = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path), "-q", "--aliases", str(f)])
    assert r.exit_code == 1
    assert r.output == f"Error: {f}: tables or arrays nested too deeply to read (a data file needs two or three levels)\n"


def test_a_character_no_export_can_hold_is_refused_with_its_line(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[actors.evil]\nkind = "person"\nlabel = "Evil \uffff Man"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path), "-q", "--aliases", str(f)])
    assert r.exit_code == 1
    assert r.output == (f"Error: {f}:3: character U+FFFF at column 15 is not allowed (no GraphML or GEXF reader "
                        "accepts it) (remove it)\n")
