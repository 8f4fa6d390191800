"""Issue 6: the per-document cache, --jobs and the Dask runner give the sequential build's output."""

import os
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

import graphx
from graphx.cli import main

from .conftest import SEEDS

OUTPUTS = ("graph.json", "graph.graphml", "graph.html")
CACHE = ".graphx-cache.sqlite"


SHORT = [
    "Title: Talks\nSource: Reuters\n\nVladimir Putin called Recep Tayyip Erdogan on Sunday.",
    "Qatar mediated between Iran and Turkey, officials said.",
    "Assad fled to Moscow. The Kremlin declined to comment.",
    "President Zorro Hamsho met Hakan Fidan in Doha. Hamsho later flew to Ankara.",
    "Source: Al Jazeera\n\nIraq refused to send troops, Mohammed Shia al-Sudani said.",
    "فرّ بشار الأسد إلى موسكو.",
    "Minister Zorro  Hamsho spoke with Abbas Araghchi by phone.",
    "Turkey did not contact the Syrian government, Fidan said.",
    "Sheikh Mohammed bin Abdulrahman Al Thani hosted Araghchi and Lavrov in Doha.",
    "Rebels led by HTS entered Damascus; Assad's whereabouts were unknown.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds and ten short reports: 15 documents, more than one chunk for two workers."""
    root = tmp_path_factory.mktemp("corpus")
    for f in sorted(SEEDS.iterdir()):
        shutil.copy(f, root / f.name)
    for i, text in enumerate(SHORT):
        (root / f"short_{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """Outputs of the plain sequential build, no cache."""
    out = tmp_path_factory.mktemp("reference")
    run(corpus, out, "--no-cache")
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def reference_report(corpus):
    return as_json(graphx.build(corpus))


def run(corpus, out, *args, code=0):
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), *args])
    assert result.exit_code == code, result.output
    return result


def same_outputs(out, reference):
    for name in OUTPUTS:
        assert (out / name).read_bytes() == reference[name], name


def build_report(corpus, out, **kw):
    report = graphx.BuildReport()
    report.graph = graphx.build(corpus, report=report, cache=out / CACHE, **kw)
    return report


def as_json(G) -> str:
    from graphx.export.json import dumps

    return dumps(G)


def copy_corpus(corpus, tmp_path):
    dst = tmp_path / "reports"
    shutil.copytree(corpus, dst)
    return dst


# ------------------------------------------------------------------ cache
def test_no_cache_writes_no_cache_file(corpus, reference, tmp_path):
    run(corpus, tmp_path, "--no-cache", "-q")
    assert not (tmp_path / CACHE).exists()
    same_outputs(tmp_path, reference)


def test_warm_build_reads_every_report_from_the_cache(corpus, reference, tmp_path):
    cold = build_report(corpus, tmp_path)
    assert (cold.cached, cold.extracted) == (0, 15)
    warm = build_report(corpus, tmp_path)
    assert (warm.cached, warm.extracted) == (15, 0)
    assert warm.tokens == cold.tokens and warm.evidence == cold.evidence
    assert [a.id for a in warm.discovered] == [a.id for a in cold.discovered]
    result = run(corpus, tmp_path)  # the CLI uses the same cache file
    assert "; 15 from the cache." in result.output
    same_outputs(tmp_path, reference)


def test_one_changed_report_is_the_only_one_extracted(corpus, tmp_path):
    docs = copy_corpus(corpus, tmp_path)
    out = tmp_path / "out"
    build_report(docs, out)
    target = sorted(docs.iterdir())[4]
    target.write_text(target.read_text(encoding="utf-8") + "\nVladimir Putin called Recep Tayyip Erdogan.\n",
                      encoding="utf-8")
    report = build_report(docs, out)
    assert (report.cached, report.extracted) == (14, 1)
    # the rebuilt graph equals a fresh build of the changed corpus
    assert as_json(report.graph) == as_json(graphx.build(docs))


def test_a_warm_build_starts_its_worker_before_reading_and_extracts_there(corpus, tmp_path, monkeypatch):
    """With a cache for these settings and a changed report, a worker process builds the pipeline
    while the cache is read (even at --jobs 1); a cold build extracts here, and a build of nothing
    new starts no worker (no pipeline is built)."""
    import graphx.parallel as parallel

    docs = copy_corpus(corpus, tmp_path)
    out = tmp_path / "out"
    started, extracted_here = [], []
    real_start, real_sequential = parallel.start_pool, parallel.run_sequential
    monkeypatch.setattr(parallel, "start_pool", lambda s, jobs: started.append(jobs) or real_start(s, jobs))
    monkeypatch.setattr(parallel, "run_sequential",
                        lambda s, d: extracted_here.append(len(d)) or real_sequential(s, d))
    build_report(docs, out)  # cold: no cache for these settings yet
    assert (started, extracted_here) == ([], [15])
    target = sorted(docs.iterdir())[2]
    target.write_text(target.read_text(encoding="utf-8") + "\nAssad fled to Moscow.\n", encoding="utf-8")
    report = build_report(docs, out)
    assert (report.cached, report.extracted) == (14, 1)
    assert (started, extracted_here) == ([1], [15])  # the changed report went to the worker
    assert as_json(report.graph) == as_json(graphx.build(docs))
    before = list(extracted_here)  # (graphx.build above extracted the 15 here, with no cache)
    report = build_report(docs, out)  # nothing changed: no worker, nothing extracted here
    assert (report.cached, report.extracted, started, extracted_here) == (15, 0, [1], before)


def test_workers_stop_when_their_results_are_not_collected():
    """A failure between starting the workers and reading their results stops them."""
    from graphx.actors import load_aliases
    from graphx.documents import make_document
    from graphx.extract import Settings
    from graphx.lexicon import load_lexicon
    from graphx.parallel import run, start_pool

    settings = Settings(load_aliases(), load_lexicon())
    pool = start_pool(settings, 1)
    running = run(settings, [make_document("a.txt", "Putin called Erdogan.")], pool=pool)
    running.close()  # before a single result was read
    with pytest.raises(RuntimeError):
        pool.submit(len, "x")  # shut down
    pool = start_pool(settings, 1)
    assert list(run(settings, [], pool=pool)) == []  # nothing to extract: stopped at once
    with pytest.raises(RuntimeError):
        pool.submit(len, "x")


def test_removed_report_leaves_the_cache(corpus, tmp_path):
    docs = copy_corpus(corpus, tmp_path)
    out = tmp_path / "out"
    build_report(docs, out)
    sorted(docs.iterdir())[0].unlink()
    report = build_report(docs, out)
    assert (report.cached, report.extracted) == (14, 0)
    n = sqlite3.connect(out / CACHE).execute("SELECT count(*) FROM docs").fetchone()[0]
    assert n == 14


def test_alias_table_change_invalidates_every_report(corpus, tmp_path):
    aliases = tmp_path / "extra.toml"
    aliases.write_text('[actors.zorblat]\nlabel = "Zorblat Kaminsky"\nkind = "person"\n', encoding="utf-8")
    build_report(corpus, tmp_path)
    # a new alias may match in any report: all of them are extracted again
    report = build_report(corpus, tmp_path, aliases=[aliases])
    assert (report.cached, report.extracted) == (0, 15)
    # the same table read from another file is the same table
    again = tmp_path / "copy.toml"
    shutil.copy(aliases, again)
    report = build_report(corpus, tmp_path, aliases=[again])
    assert (report.cached, report.extracted) == (15, 0)


def test_lexicon_change_invalidates_every_report(corpus, tmp_path):
    from graphx.lexicon import default_lexicon_path

    build_report(corpus, tmp_path)
    lex = tmp_path / "relations.toml"
    lex.write_text(default_lexicon_path().read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    # the lexicon's version hashes the file's lines, so any edit re-extracts everything
    report = build_report(corpus, tmp_path, lexicon=lex)
    assert (report.cached, report.extracted) == (0, 15)
    report = build_report(corpus, tmp_path, lexicon=lex)
    assert (report.cached, report.extracted) == (15, 0)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong_schema", "empty_file"])
def test_corrupt_cache_is_rebuilt_not_trusted(corpus, reference, reference_report, tmp_path, damage):
    build_report(corpus, tmp_path)
    path = tmp_path / CACHE
    for extra in ("-wal", "-shm"):
        if os.path.exists(str(path) + extra):
            os.remove(str(path) + extra)
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 200)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 3] + b"\x00" * 100)
    elif damage == "wrong_schema":
        path.unlink()
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE docs (x)")
        db.commit()
        db.close()
    else:
        path.write_bytes(b"")
    if damage == "garbage":  # once through the CLI: the warning is shown, outputs are right
        result = run(corpus, tmp_path)
        assert f"warning: cache {path} is unreadable (file is not a database); rebuilding it" in result.output
        assert "from the cache" not in result.output
        same_outputs(tmp_path, reference)
    else:
        report = build_report(corpus, tmp_path)
        assert (report.cached, report.extracted) == (0, 15)
        if damage != "empty_file":  # an empty file is a valid, empty SQLite database
            assert len(report.warnings) == 1 and "rebuilding it" in report.warnings[0]
        assert as_json(report.graph) == reference_report
    assert build_report(corpus, tmp_path).cached == 15  # and it works again


@pytest.mark.parametrize("damage", ["flipped_byte", "bad_json", "other_document"])
def test_damaged_row_is_extracted_again(corpus, reference_report, tmp_path, damage):
    import hashlib
    import zlib

    build_report(corpus, tmp_path)
    db = sqlite3.connect(tmp_path / CACHE)
    doc, blob = db.execute("SELECT doc, result FROM docs ORDER BY doc LIMIT 1").fetchone()
    if damage == "flipped_byte":  # the checksum no longer matches
        blob = bytes([blob[0] ^ 1]) + blob[1:]
        db.execute("UPDATE docs SET result=? WHERE doc=?", (blob, doc))
    else:  # a checksum that matches a payload that is wrong
        if damage == "bad_json":
            blob = zlib.compress(b'{"doc": ')
        else:
            other = db.execute("SELECT result FROM docs WHERE doc != ? LIMIT 1", (doc,)).fetchone()[0]
            blob = other
        db.execute("UPDATE docs SET result=?, checksum=? WHERE doc=?", (blob, hashlib.sha256(blob).hexdigest(), doc))
    db.commit()
    db.close()
    report = build_report(corpus, tmp_path)
    assert (report.cached, report.extracted) == (14, 1)
    assert len(report.warnings) == 1 and report.warnings[0].startswith(f"cache entry for {doc} is damaged (")
    assert as_json(report.graph) == reference_report


def test_cache_clear_and_info(corpus, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["cache", "info", "-o", str(tmp_path)])
    assert result.exit_code == 0 and result.output == f"No cache in {tmp_path}\n"
    run(corpus, tmp_path, "-q")
    result = runner.invoke(main, ["cache", "info", "-o", str(tmp_path)])
    assert result.exit_code == 0 and ": 15 report(s), " in result.output
    result = runner.invoke(main, ["cache", "clear", "-o", str(tmp_path)])
    assert result.exit_code == 0 and result.output == f"Deleted {tmp_path / CACHE}\n"
    assert not (tmp_path / CACHE).exists()
    assert build_report(corpus, tmp_path).extracted == 15


# ------------------------------------------------------------------ --jobs
def test_jobs_two_gives_byte_identical_outputs(corpus, reference, tmp_path):
    from graphx.parallel import chunked

    assert len(chunked(list(range(15)), 2)) > 1  # the pool really splits this corpus
    run(corpus, tmp_path, "--jobs", "2", "--no-cache", "-q")
    same_outputs(tmp_path, reference)


def test_jobs_with_a_partly_warm_cache(corpus, reference, tmp_path):
    docs = copy_corpus(corpus, tmp_path)
    out = tmp_path / "out"
    build_report(docs, out, jobs=2)
    sorted(docs.iterdir())[7].write_text("Title: changed\n\nAssad fled to Moscow.\n", encoding="utf-8")
    report = build_report(docs, out, jobs=2)
    assert (report.cached, report.extracted) == (14, 1)
    assert as_json(report.graph) == as_json(graphx.build(docs))


def test_discovered_actor_takes_its_label_from_the_first_document(tmp_path):
    from graphx.actors import load_aliases
    from graphx.documents import make_document
    from graphx.extract import Settings, extract_batch, merge
    from graphx.lexicon import load_lexicon

    s = Settings(load_aliases(), load_lexicon())
    docs = [make_document("a.txt", "Minister Zorro Hamsho called Recep Tayyip Erdogan."),
            make_document("b.txt", "President Zorro Hamsho met Vladimir Putin.")]
    results = extract_batch(s, docs)
    merged = merge(results)
    assert [(a.id, a.label) for a in merged.discovered] == [("x_zorro_hamsho", "Zorro Hamsho")]
    assert merged.counts["x_zorro_hamsho"] == 2
    # per document, so the order of extraction does not matter
    assert merge(results) == merge(list(extract_batch(s, docs[::-1]))[::-1])


# ------------------------------------------------------------------ Dask
def _dask():
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("GRAPHX_REQUIRE_DASK"):
            raise
        pytest.skip("dask.distributed not installed (pip install 'graphx[dask]')")
    return distributed


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = _dask()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=":0", silence_logs=40)
    yield cluster
    cluster.close()


def test_dask_build_gives_byte_identical_outputs(corpus, reference, tmp_path, dask_cluster):
    result = run(corpus, tmp_path, "--scheduler", dask_cluster.scheduler_address, "--no-cache", "-q")
    assert result.output == ""
    same_outputs(tmp_path, reference)


def test_dask_build_fills_and_uses_the_cache(corpus, tmp_path, dask_cluster):
    cold = build_report(corpus, tmp_path, scheduler=dask_cluster.scheduler_address)
    assert (cold.cached, cold.extracted) == (0, 15)
    warm = build_report(corpus, tmp_path)
    assert (warm.cached, warm.extracted) == (15, 0)


@pytest.mark.slow
def test_scheduler_local_starts_worker_processes(tmp_path):
    """`--scheduler local`: a LocalCluster of real worker processes, each loading the pipeline."""
    _dask()
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, text in enumerate(SHORT[:4]):
        (docs / f"s{i}.txt").write_text(text + "\n", encoding="utf-8")
    run(docs, tmp_path / "local", "--no-cache", "-q")
    run(docs, tmp_path / "dask", "--no-cache", "-q", "--scheduler", "local", "--jobs", "1")
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_unreachable_scheduler_is_a_clear_error(corpus, tmp_path, monkeypatch):
    _dask()
    monkeypatch.setattr("graphx.parallel.CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path), "--no-cache",
                                       "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in result.output


# ------------------------------------------------------------------ speed-ups keep the output
def test_line_breaks_start_sentences_where_the_token_loop_did():
    import spacy
    from spacy.tokens import Doc

    from graphx.nlp import line_breaks

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    texts += ["A\nB", "A \n\n B\n", "\n\nx", "x\n", "Title\r\nBody text.\n- item\n- item two", "\n", "ab"]
    for doc in nlp.pipe(texts):
        old = Doc(doc.vocab).from_bytes(doc.to_bytes())
        for i, tok in enumerate(old[:-1]):  # the loop line_breaks replaced
            if "\n" in tok.text:
                old[i + 1].is_sent_start = True
        new = line_breaks(doc)
        assert [t.is_sent_start for t in new] == [t.is_sent_start for t in old]


def test_new_graphx_version_invalidates_every_report(corpus, tmp_path, monkeypatch):
    build_report(corpus, tmp_path)
    monkeypatch.setattr(graphx, "__version__", "999.0")
    report = build_report(corpus, tmp_path)
    assert (report.cached, report.extracted) == (0, 15)


def test_a_cache_locked_by_another_build_is_an_error_not_damage(corpus, tmp_path, monkeypatch):
    from graphx.cache import Cache
    from graphx.errors import GraphFileError

    build_report(corpus, tmp_path)
    path = tmp_path / CACHE

    def locked(self):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Cache, "_open", locked)
    with pytest.raises(GraphFileError, match="another build is using it"):
        Cache(path)
    assert path.exists()


def test_fingerprint_covers_the_extraction_sub_packages(monkeypatch, tmp_path):
    """Editing an extraction module in a sub-package (graphx/extract/tokens) or a language's
    words (graphx/data/lang) invalidates the cache; editing an exporter does not."""
    from pathlib import Path

    import graphx.extract.settings as ex
    from graphx.actors import load_aliases
    from graphx.extract import Settings
    from graphx.lexicon import load_lexicon

    pkg = tmp_path / "graphx"
    shutil.copytree(Path(ex.__file__).parents[1], pkg, ignore=shutil.ignore_patterns("__pycache__"))
    table, lex = load_aliases(), load_lexicon()
    monkeypatch.setattr(ex, "__file__", str(pkg / "extract" / "settings.py"))
    before = Settings(table, lex).fingerprint
    with open(pkg / "extract" / "tokens" / "arabic.py", "a", encoding="utf-8") as f:
        f.write("\n# a rule changed\n")
    after_rule = Settings(table, lex).fingerprint
    assert after_rule != before
    with open(pkg / "data" / "lang" / "en.toml", "a", encoding="utf-8") as f:
        f.write("\n# a date word changed\n")
    after_words = Settings(table, lex).fingerprint
    assert after_words != after_rule
    with open(pkg / "export" / "html.py", "a", encoding="utf-8") as f:
        f.write("\n# the page changed\n")
    assert Settings(table, lex).fingerprint == after_words
