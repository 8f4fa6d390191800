"""The cache is never trusted over the text: an edited row (checksum recomputed, as anyone
who can write the output folder can do) is checked against the report and extracted again.
"""

import hashlib
import json
import sqlite3
import zlib

import pytest
from click.testing import CliRunner

import graphx
from graphx.cache import CACHE_NAME
from graphx.cli import main
from graphx.records import EVIDENCE_FIELDS

TEXT = "Source: Reuters\n\nPutin called Erdogan on Monday. Lavrov met Fidan in Doha."
F = {name: i for i, name in enumerate(EVIDENCE_FIELDS)}


def _set(field, value, row=0):
    def edit(d):
        d["evidence"][row][F[field]] = value
    return edit


def _invented_actor(d):
    d["discovered"].append({"id": "x_evil_man", "label": "Evil Man", "kind": "person", "aliases": ["Evil Man"],
                            "roles": [], "capital": None, "demonyms": [], "people": [], "located_in": None,
                            "discovered": True, "line": None})
    d["evidence"][0][F["target"]] = "x_evil_man"


def _invented_row(d):
    row = list(d["evidence"][0])
    row[F["relation"]] = "refused"
    d["evidence"].append(row)  # a real quote, but under a relation the sentence does not state...
    row[F["text"]] = "Putin refused Erdogan on Monday."  # ...and with its words changed


FORGERIES = {
    "invented quote": _set("text", "Putin promised Erdogan to invade Syria."),
    "quote of another sentence": _set("text", "Lavrov met Fidan in Doha."),
    "offsets moved": _set("start", 1),
    "trigger changed": _set("trigger", "threatened"),
    "actor words changed": _set("source_text", "Assad"),
    "unknown actor id": _set("target", "no_such_actor"),
    "actor words from another sentence": lambda d: d["evidence"][0].__setitem__(
        slice(F["target_text"], F["target_end"] + 1), ["Lavrov", TEXT.index("Lavrov"), TEXT.index("Lavrov") + 6]),
    "relation unknown": _set("relation", "invaded"),
    "outlet changed": _set("outlet", "Pravda"),
    "attribution invented": _set("attributed_to", "Mossad"),
    "start as a string": _set("start", "0"),
    "flag as a string": _set("asserted", "yes"),
    "offset a float": _set("end", 49.0),
    "text a list": _set("text", ["Putin"]),
    "invented discovered actor": _invented_actor,
    "invented extra row": _invented_row,
    "count of an unknown actor": lambda d: d["counts"].append(["no_such_actor", 3]),
    "count not a number": lambda d: d["counts"].__setitem__(0, [d["counts"][0][0], "many"]),
    "row of another report": lambda d: d.__setitem__("doc", "other.txt"),
    "tokens negative": lambda d: d.__setitem__("tokens", -5),
}


def forge(cache, edit):
    """Edit the one cached row's JSON and recompute its checksum, as an attacker would."""
    db = sqlite3.connect(cache)
    (blob,) = db.execute("SELECT result FROM docs").fetchone()
    data = json.loads(zlib.decompress(blob))
    edit(data)
    blob = zlib.compress(json.dumps(data).encode())
    db.execute("UPDATE docs SET result=?, checksum=?", (blob, hashlib.sha256(blob).hexdigest()))
    db.commit()
    db.close()


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("tamper")
    (base / "in").mkdir()
    (base / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = base / "first"
    r = CliRunner().invoke(main, ["build", str(base / "in"), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    return base, out


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_a_forged_cache_row_is_extracted_again_and_never_shown(first_build, tmp_path, name):
    import shutil

    base, first = first_build
    out = tmp_path / "out"
    shutil.copytree(first, out)
    forge(out / CACHE_NAME, FORGERIES[name])
    r = CliRunner().invoke(main, ["build", str(base / "in"), "-o", str(out), "-q"])
    assert r.exit_code == 0, (r.output, r.stderr, r.exception)
    assert r.stderr.startswith("warning: cache entry for a.txt "), r.stderr
    assert r.stderr.endswith("; extracting it again\n") and r.stderr.count("\n") == 1, r.stderr
    # Every output is what the text says, byte for byte as the first build wrote it.
    for name_ in ("graph.json", "graph.graphml", "graph.html", "conflicts.json"):
        assert (out / name_).read_bytes() == (first / name_).read_bytes(), name_
    p = CliRunner().invoke(main, ["path", "Putin", "Erdogan", "-g", str(out / "graph.json")])
    assert "“Putin called Erdogan on Monday.”" in p.output and "invade" not in p.output
    # The row was replaced by the true extraction: the next build uses it without a word.
    again = CliRunner().invoke(main, ["build", str(base / "in"), "-o", str(out), "-q"])
    assert again.exit_code == 0 and again.stderr == ""


def test_the_unedited_row_is_used(first_build, tmp_path):
    import shutil

    base, first = first_build
    out = tmp_path / "out"
    shutil.copytree(first, out)
    forge(out / CACHE_NAME, lambda d: None)  # re-encoded, same content
    report = graphx.BuildReport()
    graphx.build(base / "in", cache=out / CACHE_NAME, report=report)
    assert report.cached == 1 and report.extracted == 0 and report.warnings == []


@pytest.mark.parametrize("pipeline", ["offline", "trained"])
def test_every_true_result_passes_the_check(pipeline, trained):
    # No false alarm on real reports (English, Arabic, bilingual; discovered actors, attributions;
    # the 400-odd real reports of tests/corpora on both pipelines: groups named in Arabic by an
    # English noun, names read with plain quotes, a header's "Date: not stated", the families of a
    # group, the Arabic reader's travellers named in the sentence before): a false alarm would
    # re-extract a report on every build and warn that its cache entry does not match it.
    from graphx.actors import load_aliases
    from graphx.documents import find_documents, read_document
    from graphx.extract import Settings, extract_batch
    from graphx.lexicon import load_lexicon
    from graphx.validate import group_nouns, result_problem

    from .conftest import ROOT, SEEDS

    s = Settings(load_aliases(), load_lexicon(), model=trained if pipeline == "trained" else None)
    pairs, _ = find_documents([SEEDS, ROOT / "tests" / "gold" / "dev",
                               *sorted((ROOT / "tests" / "corpora").glob("*/corpus"))])
    docs = [read_document(i, p) for i, p in pairs]
    assert len(docs) > 400
    results = extract_batch(s, docs)
    assert sum(len(r.evidence) for r in results) > 1000 and any(r.discovered for r in results)
    assert any(e.attributed_to for r in results for e in r.evidence)
    nouns = group_nouns(s.lexicon)
    problems = [(d.id, result_problem(r, d, s.table, s.lexicon.relations, nouns=nouns)) for r, d in zip(results, docs)]
    assert [p for p in problems if p[1]] == []
