"""Two builds of the same reports write byte-identical files, whatever the
hash seed, the order files were created in on disk or the order paths are given."""

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, SEEDS

DEV = ROOT / "tests" / "gold" / "dev"
OUTPUTS = ("graph.json", "graph.graphml", "graph.html")


@pytest.mark.slow
def test_outputs_are_byte_identical_across_hash_seeds_and_file_orders(tmp_path):
    reports = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))  # English and Arabic
    assert len(reports) >= 10
    # The same files, created on disk in opposite orders, in nested folders made in opposite orders.
    for folder, order in (("one", reports), ("two", reports[::-1])):
        for p in order:
            sub = tmp_path / folder / ("dev" if p.parent == DEV else "seeds")
            sub.mkdir(parents=True, exist_ok=True)
            shutil.copy(p, sub / p.name)
    runs = {
        # one folder (ids "seeds/..." and "dev/..."): copies made in opposite orders, two hash seeds
        "a": ("0", [str(tmp_path / "one")]),
        "d": ("1", [str(tmp_path / "two")]),
        # two folders given in either order (ids are the bare file names), two hash seeds
        "b": ("1", [str(tmp_path / "two" / "seeds"), str(tmp_path / "two" / "dev")]),
        "c": ("123", [str(tmp_path / "one" / "dev"), str(tmp_path / "one" / "seeds")]),
    }
    procs = {}
    for name, (seed, paths) in runs.items():
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        procs[name] = subprocess.Popen(
            [sys.executable, "-m", "graphx.cli", "build", *paths, "-o", str(tmp_path / f"out_{name}"), "-q"],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, (name, out, err)
    for group in (("a", "d"), ("b", "c")):
        for f in OUTPUTS:
            first = (tmp_path / f"out_{group[0]}" / f).read_bytes()
            for other in group[1:]:
                assert (tmp_path / f"out_{other}" / f).read_bytes() == first, (f, group[0], other)
