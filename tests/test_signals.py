"""No process outlives the build, whatever signal ends it (issue 19).

Each test runs the real command in its own session with real signals. A marked report makes
the worker extracting it hang (tests/bomb.py) and say so in a flag file, so the signal always
lands while workers are busy. Then every process of the session must be gone, and reading the
command's stdout must reach its end (an orphaned worker holding the pipe made a CI step hang).
"""

import os
import signal
import subprocess
import sys
import time

import pytest

from . import bomb
from .conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
# Upper bounds for things that take a second or two: a liveness limit, not a speed test.
STARTED = 180
GONE = 60


@pytest.fixture(autouse=True)
def interruptible():
    """Commands these tests start take Ctrl-C as one started from a terminal does, however pytest was
    started: a background job of a non-interactive shell (``pytest &`` in a script) runs with SIGINT
    ignored, and an ignored signal stays ignored across exec (a handled one is reset to its default),
    so the command would never see the SIGINT these tests send."""
    before = signal.getsignal(signal.SIGINT)
    if before == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def session(sid: int) -> list[int]:
    """Processes whose session is ``sid`` (the command and everything it started)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # session id; zombies are already dead
            pids.append(int(entry))
    return pids


def start(tmp_path, args, hang=True, reports=30):
    docs = tmp_path / "in"
    docs.mkdir(exist_ok=True)
    for i in range(reports):
        (docs / f"r{i:02d}.txt").write_text(f"Putin called Erdogan on day {i}.\n")
    if hang:
        (docs / "r09.txt").write_text("Erdogan called Putin about HANG-HERE.\n")
    flag = tmp_path / "flag"
    flag.mkdir(exist_ok=True)
    env = {**os.environ, "GRAPHX_TEST_BOMB": "1", "GRAPHX_TEST_FLAG": str(flag),
           "PYTHONPATH": os.pathsep.join([str(bomb.SITE), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "graphx.cli", "build", str(docs), "-o", str(tmp_path / "out"),
                             "-q", *args], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    return proc, flag


def wait_for_hang(proc, flag):
    deadline = time.monotonic() + STARTED
    while not any(p.name.startswith("hang.") for p in flag.iterdir()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no worker reached the marked report"
        time.sleep(0.2)


def ended(proc):
    """Wait for the command, read its output to the end, and check that its session is empty."""
    try:
        out, err = proc.communicate(timeout=GONE)  # EOF: nobody holds the pipes any more
    except subprocess.TimeoutExpired:
        left = session(proc.pid)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"the output pipes stayed open: processes left {left}")
    deadline = time.monotonic() + GONE
    while session(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = session(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "processes outlived the build"
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGHUP])
def test_a_signal_to_the_build_ends_its_workers(tmp_path, sig):
    proc, flag = start(tmp_path, ["--jobs", "2", "--no-cache"])
    wait_for_hang(proc, flag)
    assert len(session(proc.pid)) >= 3  # the command and its two workers
    proc.send_signal(sig)
    code, out, err = ended(proc)
    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 128 + sig)
    if sig != signal.SIGKILL:
        assert err == f"Interrupted ({sig.name}): the build stopped.\n"
    assert not (tmp_path / "out" / "graph.json").exists()


@pytest.mark.slow
def test_ctrl_c_prints_one_line_and_ends_every_process(tmp_path):
    proc, flag = start(tmp_path, ["--jobs", "2", "--no-cache"])
    wait_for_hang(proc, flag)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does: the whole process group
    code, out, err = ended(proc)
    assert (code, out, err) == (130, "", "Interrupted (SIGINT): the build stopped.\n")


@pytest.mark.slow
def test_sigkill_of_a_warm_build_ends_its_worker(tmp_path):
    proc, flag = start(tmp_path, [], hang=False)
    assert ended(proc)[0] == 0
    proc, flag = start(tmp_path, [])  # the marked report is new: a worker process extracts it
    wait_for_hang(proc, flag)
    proc.send_signal(signal.SIGKILL)
    assert ended(proc)[0] == -signal.SIGKILL


@pytest.mark.slow
def test_sigkill_of_a_dask_build_ends_its_cluster(tmp_path):
    pytest.importorskip("distributed")
    proc, flag = start(tmp_path, ["--scheduler", "local", "--jobs", "2", "--no-cache"])
    wait_for_hang(proc, flag)
    proc.send_signal(signal.SIGKILL)
    assert ended(proc)[0] == -signal.SIGKILL


@pytest.mark.slow
def test_ctrl_c_of_a_dask_build_prints_one_line(tmp_path):
    pytest.importorskip("distributed")
    proc, flag = start(tmp_path, ["--scheduler", "local", "--jobs", "2", "--no-cache"])
    wait_for_hang(proc, flag)
    os.killpg(proc.pid, signal.SIGINT)  # the build and its Dask workers alike
    code, out, err = ended(proc)
    assert (code, out, err) == (130, "", "Interrupted (SIGINT): the build stopped.\n")
