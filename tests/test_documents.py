import codecs

import pytest

from graphx.documents import decode, find_documents, make_document, parse_header, read_document
from graphx.errors import InputError


@pytest.mark.parametrize("text, meta, body", [
    ("Title: Fall of Assad\nSource: Reuters\nDate: 2024-12-08\n\nAssad fled.",
     {"title": "Fall of Assad", "source": "Reuters", "date": "2024-12-08"}, "Assad fled."),
    ("URL: https://x.test/a\nLanguage: en\n\nBody", {"url": "https://x.test/a", "language": "en"}, "Body"),
    ("title: lower-case keys work\n\nBody", {"title": "lower-case keys work"}, "Body"),
    # An unknown first key is text, not a header.
    ("Syrian Crisis: After decades of rule\n\nMore.", {}, "Syrian Crisis: After decades of rule\n\nMore."),
    # A header must end with a blank line.
    ("Title: no blank line\nAssad fled.", {}, "Title: no blank line\nAssad fled."),
    # Known keys followed by an unknown one: not a header.
    ("Title: A\nAuthor: B\n\nText", {}, "Title: A\nAuthor: B\n\nText"),
    ("", {}, ""),
])
def test_header_table(text, meta, body):
    doc = make_document("d.txt", text)
    assert {k: v for k, v in doc.meta.items()} == meta
    assert doc.body == body
    assert doc.text == text  # offsets are into the whole text


def test_footer_source_names_the_outlet():
    doc = make_document("d.txt", "Assad fled.\n\nSource: Al Jazeera\n\nRelated News\n")
    assert doc.meta["source"] == "Al Jazeera"
    assert parse_header("Assad fled.") == ({}, 0)


def test_ids_are_relative_to_the_folder_given(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "r1.txt").write_text("x")
    (tmp_path / "a" / "r2.md").write_text("x")
    (tmp_path / "a" / "skip.pdf").write_text("x")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    pairs, skipped = find_documents([tmp_path / "a"])
    assert [p[0] for p in pairs] == ["b/r1.txt", "r2.md"]
    pairs, _ = find_documents([tmp_path / "a" / "b" / "r1.txt"])
    assert pairs[0][0] == "r1.txt"


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="nope: no such file or folder"):
        find_documents([str(tmp_path / "nope")])


@pytest.mark.parametrize("data, expected", [
    (codecs.BOM_UTF8 + "Assad".encode(), "Assad"),
    ("الأسد".encode("utf-16"), "الأسد"),
    ("Türkiye".encode(), "Türkiye"),
])
def test_decode(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("data, message", [
    (b"ok \xff bad", "not valid UTF-8 at byte 3"),
    (b"\x00\x01\x02binary", "binary file"),
])
def test_decode_errors_name_the_problem(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "f.txt")


def test_empty_file_is_refused(tmp_path):
    p = tmp_path / "e.txt"
    p.write_text("  \n")
    with pytest.raises(InputError, match="empty file"):
        read_document("e.txt", p)
