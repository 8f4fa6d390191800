"""Issue 17 with the trained pipeline (two passes: the parser over candidate sentences only):
a warm rebuild after one report changed writes the bytes of a cold build, and the Dask
scheduler (``--scheduler local``: worker processes, each loading the pipeline) gives the
output of ``--jobs 1``. Small corpora: these check paths, not speed."""

import os
import shutil

import pytest
from click.testing import CliRunner

from graphx.cli import main
from .conftest import SEEDS, generated_corpus

OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "conflicts.json", "discovered.toml")
CHANGE = "\nVladimir Putin called Recep Tayyip Erdogan on Friday. Assad fled to Moscow with his family.\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Twelve generated reports and the seeds."""
    root = generated_corpus(tmp_path_factory.mktemp("trained-corpus"), 12, 5)
    for f in sorted(SEEDS.iterdir()):
        shutil.copy(f, root / f.name)
    return root


def _build(src, out, *args):
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _outputs(out):
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def test_a_warm_rebuild_after_one_report_changed_writes_the_bytes_of_a_cold_build(trained, corpus, tmp_path):
    src = tmp_path / "reports"
    shutil.copytree(corpus, src)
    n = len(list(src.iterdir()))
    warm = tmp_path / "warm"
    _build(src, warm, "--model", trained, "-q")
    first = _outputs(warm)
    changed = sorted(src.glob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
    said = _build(src, warm, "--model", trained)
    assert f"; {n - 1} from the cache." in said  # one report extracted again, the rest read from the cache
    cold = tmp_path / "cold"
    _build(src, cold, "--model", trained, "--no-cache", "-q")
    rebuilt, fresh = _outputs(warm), _outputs(cold)
    assert "graph.json" in fresh and set(rebuilt) == set(fresh)
    for name in fresh:
        assert rebuilt[name] == fresh[name], f"{name}: the warm rebuild differs from a cold build"
    assert rebuilt["graph.json"] != first["graph.json"]  # the change is in the graph: the comparison can fail
    # and a warm build with nothing changed writes the same bytes again
    said = _build(src, warm, "--model", trained)
    assert f"; {n} from the cache." in said
    assert _outputs(warm) == fresh


@pytest.mark.slow
def test_the_dask_scheduler_with_the_trained_pipeline_gives_the_output_of_jobs_1(trained, corpus, tmp_path):
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("GRAPHX_REQUIRE_DASK"):
            raise
        pytest.skip("dask.distributed not installed (pip install 'graphx[dask]')")
    _build(corpus, tmp_path / "one", "--model", trained, "--no-cache", "-q", "--jobs", "1")
    _build(corpus, tmp_path / "dask", "--model", trained, "--no-cache", "-q", "--scheduler", "local", "--jobs", "2")
    one, dask = _outputs(tmp_path / "one"), _outputs(tmp_path / "dask")
    assert "graph.json" in one and set(one) == set(dask)
    for name in one:
        assert dask[name] == one[name], f"{name}: the Dask build differs from --jobs 1"
    assert trained.encode() in one["graph.json"]  # (the graph names the pipeline that built it)


def test_a_group_the_parse_finds_moving_is_read_back_from_the_cache(trained, tmp_path):
    # "how many troops remained": the parse-based finder discovers a group of no owner
    # (group_how_many_troops); the cache's check took it for a forged row and extracted the
    # report again on every warm build (171 of 300 generated reports)
    import graphx

    src = tmp_path / "reports"
    src.mkdir()
    (src / "a.txt").write_text("Officials would not say how many troops remained at the bases on the coast.\n"
                               "Vladimir Putin called Recep Tayyip Erdogan.\n", encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    cold = graphx.BuildReport()
    graphx.build(src, model=trained, cache=cache, report=cold)
    assert "group_how_many_troops" in {a.id for a in cold.discovered}
    warm = graphx.BuildReport()
    graphx.build(src, model=trained, cache=cache, report=warm)
    assert (warm.extracted, warm.warnings) == (0, [])


def test_a_rebuild_leaves_an_output_whose_bytes_do_not_change_alone(tmp_path):
    from graphx.export import write_all
    from graphx.graph import build_graph

    import graphx

    src = tmp_path / "reports"
    src.mkdir()
    (src / "a.txt").write_text("Vladimir Putin called Recep Tayyip Erdogan.\n", encoding="utf-8")
    G = graphx.build(src, model="blank")
    out = tmp_path / "out"
    write_all(G, out)
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.iterdir()}
    write_all(G, out)  # the same graph: every file keeps its inode (no new file renamed over it)
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.iterdir()} == before
    write_all(build_graph([], []), out)  # another graph: new files
    after = {p.name: p.stat().st_ino for p in out.iterdir()}
    assert after["graph.json"] != before["graph.json"][0]
