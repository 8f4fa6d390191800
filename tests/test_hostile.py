"""Messy news folders: every bad file is skipped with a reason, the good ones are built.

Run as root, ``chmod 000`` does not make a file unreadable, so the unreadable
case patches ``open`` (and uses a real ``chmod`` when not root).
"""

import codecs
import errno
import os

import pytest
from click.testing import CliRunner

import graphx
from graphx.cli import main
from graphx.documents import MAX_BYTES, clean_text, decode, find_documents, read_document
from graphx.errors import InputError

GOOD = "Putin called Erdogan on Monday."
GOOD_EDGE = ("vladimir_putin", "recep_tayyip_erdogan", "contacted")


def _reasons(report):
    return {os.path.basename(s.path): s.reason for s in report.skipped}


def _build(paths, **kw):
    report = graphx.BuildReport()
    G = graphx.build(paths, report=report, **kw)
    return G, report


@pytest.fixture()
def messy(tmp_path):
    """A folder with one good report and one of each kind of bad file."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "latin1.txt").write_bytes("Assad fled.\nHe went to Moscow - caf\xe9".encode("latin-1"))
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text(" \n\t\n")
    with open(d / "huge.txt", "wb") as f:  # 50 MB, sparse: costs no disk or memory to make
        f.truncate(50 * 2**20)
    os.mkfifo(d / "pipe.txt")  # reading it would block forever
    os.symlink(d / "gone.txt", d / "broken.txt")
    os.symlink(d / "loop_b.txt", d / "loop_a.txt")
    os.symlink(d / "loop_a.txt", d / "loop_b.txt")
    (d / "sub").mkdir()
    os.symlink(d, d / "sub" / "back")  # a folder loop: in/sub/back -> in
    return d


def test_each_bad_file_is_skipped_with_its_reason_and_the_exit_code_says_so(messy, tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(messy), "-o", str(out), "-q"])
    assert r.exit_code == 3, r.output
    lines = [ln[len("skipped: "):] for ln in r.output.splitlines() if ln.startswith("skipped: ")]
    reasons = {os.path.basename(path): reason for path, reason in (ln.split(": ", 1) for ln in lines)}
    assert len(lines) == len(reasons) == 10
    assert reasons["binary.txt"].startswith("binary file (NUL byte at 8;")
    assert reasons["latin1.txt"] == "not valid UTF-8 at byte 35 (line 2); re-save it as UTF-8"
    assert reasons["empty.txt"] == reasons["blank.md"] == "empty file"
    assert reasons["huge.txt"] == (f"too large (52,428,800 bytes; the limit is {MAX_BYTES:,}: "
                                   "split the file or raise the limit with --max-bytes)")
    assert reasons["pipe.txt"] == "not a regular file (a named pipe)"
    assert reasons["broken.txt"] == f"broken symlink (points to {messy / 'gone.txt'})"
    assert reasons["loop_a.txt"] == reasons["loop_b.txt"] == "symlink loop"
    assert reasons["back"] == "symlink to a folder, not followed (give the folder itself)"
    # The good report is built and every output written.
    G = graphx.load(out / "graph.json")
    assert G.has_edge(GOOD_EDGE[0], GOOD_EDGE[1], key=GOOD_EDGE[2])
    assert [d["id"] for d in G.graph["documents"]] == ["good.txt"]
    assert len(G.graph["skipped"]) == 10
    assert (out / "graph.graphml").exists() and (out / "graph.html").exists()


def test_clean_folder_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    r = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "o"), "-q"])
    assert r.exit_code == 0 and "skipped" not in r.output


def test_max_bytes_can_be_raised_or_turned_off(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + " " * 200)
    with pytest.raises(InputError, match=r"b.txt: too large \(231 bytes; the limit is 100:"):
        read_document("b.txt", tmp_path / "b.txt", max_bytes=100)
    for limit in (231, 0, None):
        assert read_document("b.txt", tmp_path / "b.txt", max_bytes=limit).text.startswith(GOOD)
    r = CliRunner().invoke(main, ["build", str(tmp_path), "--max-bytes", "100", "-o", str(tmp_path / "o"), "-q"])
    assert r.exit_code == 3 and "b.txt: too large (231 bytes" in r.output


@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # BOM + native order
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: t.encode("utf-32"),
], ids=["utf8-bom", "utf16", "utf16-be", "utf16-le", "utf32"])
def test_bom_files_are_read_and_offsets_index_the_decoded_text(tmp_path, encode):
    text = "Title: الأسد\n\nAssad fled to Moscow. " + GOOD
    (tmp_path / "r.txt").write_bytes(encode(text))
    G, report = _build(tmp_path)
    assert not report.skipped and report.documents[0].text == text
    cites = [c for *_, d in G.edges(data=True) for c in d["citations"]]
    assert len(cites) == 2 and all(text[c.start:c.end] == c.text for c in cites)


def test_utf16_without_bom_is_called_binary_with_a_hint():
    with pytest.raises(InputError, match=r"binary file \(NUL byte at 1; if it is UTF-16 text, save it with a BOM"):
        decode("Assad".encode("utf-16-le"), "x.txt")


def test_very_long_line_is_built(tmp_path):
    # One 66 kB line (no line breaks at all): every sentence in it is read.
    (tmp_path / "line.txt").write_text("Putin called Erdogan. " * 3_000 + "Assad fled to Moscow.")
    G, report = _build(tmp_path)
    assert not report.skipped
    assert G.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["weight"] == 3_000
    assert G.has_edge("bashar_al_assad", "moscow", key="fled-to")


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "secret.txt").write_text("Assad fled to Moscow.")
    real_open = os.open

    def fake_open(path, *args, **kwargs):
        if os.path.basename(path) == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    G, report = _build(tmp_path)
    assert _reasons(report) == {"secret.txt": "cannot read (Permission denied)"}
    assert G.has_edge(GOOD_EDGE[0], GOOD_EDGE[1], key=GOOD_EDGE[2])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_really_chmod_000(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "secret.txt").chmod(0)
    _, report = _build(tmp_path)
    assert _reasons(report) == {"secret.txt": "cannot read (Permission denied)"}


def test_file_that_vanishes_during_the_run_is_skipped(tmp_path, monkeypatch):
    import graphx.builder

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD)
    listed = graphx.builder.find_documents

    def list_then_delete(paths, **kwargs):
        found = listed(paths, **kwargs)
        (tmp_path / "b.txt").unlink()  # b.txt was listed, and now it goes before it is read
        return found

    monkeypatch.setattr(graphx.builder, "find_documents", list_then_delete)
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, report=report)
    assert _reasons(report) == {"b.txt": "vanished before it could be read (deleted or moved during the build)"}
    assert [d.id for d in report.documents] == ["a.txt", "c.txt"]
    assert G.edges[GOOD_EDGE[0], GOOD_EDGE[1], GOOD_EDGE[2]]["documents"] == 2


def test_folder_named_like_a_report_is_searched(tmp_path):
    (tmp_path / "odd.txt").mkdir()
    (tmp_path / "odd.txt" / "inner.md").write_text(GOOD)
    pairs, skipped = find_documents([tmp_path])
    assert [p[0] for p in pairs] == ["odd.txt/inner.md"] and not skipped
    with pytest.raises(InputError, match=r"not a regular file \(a folder\)"):
        read_document("odd.txt", tmp_path / "odd.txt")


def test_same_id_from_two_folders_keeps_the_same_one_whatever_the_order(tmp_path):
    for folder, text in (("a", GOOD), ("b", "Assad fled to Moscow.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_text(text)
    one = find_documents([tmp_path / "a", tmp_path / "b"])
    two = find_documents([tmp_path / "b", tmp_path / "a"])
    assert one == two
    assert one[0] == [("r.txt", tmp_path / "a" / "r.txt")]
    assert [s.reason for s in one[1]] == [f"same document id as {tmp_path / 'a' / 'r.txt'}"]
    # The same file given twice is one document, not a clash.
    assert find_documents([tmp_path / "a", tmp_path / "a"]) == (one[0], [])


# ---------------------------------------------------------------- hostile text in the outputs

HOSTILE_TEXT = ("Title: <script>alert('title')</script>\x0b\x01\n"
                "Source: <img src=x onerror=alert(1)> \ufffe\n\n"
                "Putin called\x0b Erdogan <script>alert(2)</script> on Monday.\x1f\n"
                "Assad fled to Moscow ]]> <![CDATA[ \x08 </script><script>alert(3)</script>.\n")


def test_control_characters_and_markup_never_break_json_graphml_or_html(tmp_path):
    import json
    import re
    import xml.etree.ElementTree as ET

    from graphx.export import write_all
    from graphx.export.html import render_html

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    G, report = _build(tmp_path / "in")
    assert not report.skipped
    # A trained model's NER could make an actor of any words: give one a hostile label.
    G.nodes["vladimir_putin"]["label"] = "</script><script>alert(4)</script>\x0b"
    out = tmp_path / "out"
    write_all(G, out)

    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    cites = [c for e in data["edges"] for c in e["citations"]]
    # Characters XML cannot hold are replaced where the text is read, one for one (issue 19):
    # offsets index the text as read, and markup is kept as data, exactly.
    text, replaced = clean_text(HOSTILE_TEXT)
    assert replaced == 6 and report.documents[0].replaced == 6 and len(text) == len(HOSTILE_TEXT)
    assert cites and all(text[c["start"]:c["end"]] == c["text"] for c in cites)
    assert cites[0]["title"] == "<script>alert('title')</script> \ufffd"

    ET.parse(out / "graph.graphml")  # well-formed XML: control characters removed
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert "</script><script>alert(4)</script>" in g.vs["label"]

    page = (out / "graph.html").read_text(encoding="utf-8")
    calm = G.copy()
    calm.nodes["vladimir_putin"]["label"] = "Putin"
    baseline = render_html(calm)
    # No text from the reports opens or closes an element: the page has exactly the
    # script/img tags of a page built from harmless text.
    for tag in ("<script", "</script", "<img", "<![CDATA["):
        assert page.count(tag) == baseline.count(tag), tag
    assert not re.search(r"alert\(\d\)</script>", page)


def test_a_file_over_spacys_length_limit_is_built_when_the_limit_is_raised(tmp_path):
    # spaCy refuses texts over nlp.max_length (1,000,000 characters) with a ValueError;
    # --max-bytes above it must build the file, not crash.
    (tmp_path / "long.txt").write_text("Putin called Erdogan.\n" + "x " * 500_001, encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "o"), "-q"])
    assert r.exit_code == 3 and "long.txt: too large (1,000,024 bytes; the limit is 1,000,000:" in r.output
    r = CliRunner().invoke(main, ["build", str(tmp_path), "--max-bytes", "2000000", "-o", str(tmp_path / "o"), "-q"])
    assert r.exit_code == 0, r.output
    assert graphx.load(tmp_path / "o" / "graph.json").has_edge(*GOOD_EDGE[:2], key=GOOD_EDGE[2])


def test_folder_that_cannot_be_listed_is_skipped(tmp_path, monkeypatch):
    # As root every folder can be listed: make os.walk's scandir refuse one.
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "in.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    pairs, skipped = find_documents([tmp_path])
    assert [p[0] for p in pairs] == ["ok.txt"]
    assert [(s.path, s.reason) for s in skipped] == [(str(tmp_path / "locked"), "cannot list folder (Permission denied)")]


def test_a_report_that_breaks_the_extractor_is_skipped_and_the_rest_build(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from graphx.cli import main
    from graphx.extract.tokens.finder import Extractor

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    (tmp_path / "in" / "bad.txt").write_text("Assad fled to Moscow. TRIGGER-A-BUG")
    real = Extractor.extract

    def extract(self, document, *args):
        if "TRIGGER-A-BUG" in document.text:
            raise IndexError("list index out of range")
        return real(self, document, *args)

    monkeypatch.setattr(Extractor, "extract", extract)
    report = graphx.BuildReport()
    G = graphx.build(tmp_path / "in", report=report)
    assert _reasons(report) == {"bad.txt": "extraction failed (IndexError: list index out of range); "
                                           "this is a bug in graphx, please report it"}
    assert [d.id for d in report.documents] == ["good.txt"]
    assert G.has_edge(*GOOD_EDGE) and not G.has_edge("bashar_al_assad", "moscow")
    # the CLI: outputs written, the file listed, exit status 3; the failure is not cached
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 3 and "bad.txt: extraction failed (IndexError" in r.output
    monkeypatch.setattr(Extractor, "extract", real)
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 0, r.output


def test_sentences_too_long_to_read_are_counted_in_the_summary(tmp_path):
    from click.testing import CliRunner

    from graphx.cli import main
    from graphx.extract.tokens.finder import MAX_SENTENCE_TOKENS

    (tmp_path / "in").mkdir()
    table = " , ".join(["Putin called Erdogan"] * MAX_SENTENCE_TOKENS)  # one "sentence", no full stop
    (tmp_path / "in" / "a.txt").write_text(GOOD + "\n\n" + table + "\n\n" + GOOD)
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert f"1 sentence(s) over {MAX_SENTENCE_TOKENS} tokens were not read for edges" in r.output
    report = graphx.BuildReport()
    graphx.build(tmp_path / "in", report=report)
    assert report.long_sentences == 1
