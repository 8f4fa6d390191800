import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


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
def extract_edges(table):
    """Run the default pipeline over one text; return the set of (source, type, target) asserted."""
    from graphx.documents import make_document
    from graphx.lexicon import load_lexicon
    from graphx.mentions import MentionFinder
    from graphx.nlp import make_pipeline
    from graphx.relations import Extractor

    lex = load_lexicon()
    nlp = make_pipeline(table, lex)
    ex = Extractor(nlp, table, lex)

    def run(text, all_evidence=False):
        doc = make_document("t.txt", text)
        sdoc = nlp(doc.body)
        finder = MentionFinder(table)
        evs = list(ex.extract(doc, sdoc, finder(sdoc), finder.discovered))
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


# tests/bomb_site/sitecustomize.py is for subprocesses (tests/bomb.py), not a module to collect
collect_ignore = ["bomb_site"]
