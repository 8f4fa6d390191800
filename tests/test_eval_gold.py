"""``graphx eval`` never reports a score it does not have (issue 19): an empty gold file is
refused, gold edges it cannot score are named, and every field is checked with its line.
"""

import pytest
from click.testing import CliRunner

from graphx.cli import main

EDGE = '''[[edge]]
doc = "a.txt"
source = "Vladimir Putin"
type = "{type}"
target = "Recep Tayyip Erdogan"
sentence = "Putin called Erdogan on Monday."
explicit = {explicit}
'''


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Putin called Erdogan on Monday.\n")
    return tmp_path / "in"


def run(gold, corpus, *args):
    return CliRunner().invoke(main, ["eval", str(gold), str(corpus), *args])


def test_an_empty_gold_file_is_refused(tmp_path, corpus):
    gold = tmp_path / "gold.toml"
    gold.write_text("# nothing yet\n")
    r = run(gold, corpus)
    assert r.exit_code == 1
    assert r.output == f"Error: {gold}: no [[edge]] tables: there is nothing to score against (see `graphx eval --help`)\n"


def test_a_language_filter_that_leaves_nothing_is_refused(tmp_path, corpus):
    gold = tmp_path / "gold.toml"
    gold.write_text(EDGE.format(type="contacted", explicit="true"))
    r = run(gold, corpus, "--lang", "ar")
    assert r.exit_code == 1
    assert r.output == f"Error: {gold}: no gold edge in ar: there is nothing to score against (check --lang)\n"


def test_gold_documents_not_in_the_corpus_are_named(tmp_path, corpus):
    gold = tmp_path / "gold.toml"
    gold.write_text(EDGE.format(type="contacted", explicit="true") + "\n" +
                    EDGE.format(type="refused", explicit="true").replace('"a.txt"', '"gone.txt"'))
    r = run(gold, corpus)
    assert r.exit_code == 0, r.output
    assert r.stderr == "warning: 1 gold document(s) are not among the reports read, so their edges are not " \
                       "scored: gone.txt\n"


def test_an_unknown_relation_type_is_named_with_its_line(tmp_path, corpus):
    gold = tmp_path / "gold.toml"
    gold.write_text(EDGE.format(type="contacted", explicit="true") + "\n" + EDGE.format(type="contaced", explicit="true"))
    r = run(gold, corpus)
    assert r.exit_code == 0, r.output
    assert r.stderr == (f"warning: {gold}:9: unknown relation type 'contaced' (known: contacted, fled-to, mediated, "
                        "member-of, refused, represents): its gold edges can only be missed\n")
    assert "\ncontaced       1.00   0.00   0.00    0     0    0    1\n" in r.stdout  # scored as a miss, and said why


@pytest.mark.parametrize("edit, line, problem", [
    (lambda t: t.replace("explicit = true", 'explicit = "yes"'), 7, "edge #1: explicit must be true or false"),
    (lambda t: t.replace('doc = "a.txt"', "doc = 3"), 2, "edge #1: doc must be non-empty text (write doc = \"...\")"),
    (lambda t: t.replace('doc = "a.txt"', 'doc = ""'), 2, "edge #1: doc must be non-empty text (write doc = \"...\")"),
    (lambda t: t.replace("explicit = true", "explict = true"), 7,
     "edge #1: unknown key 'explict' (known keys: doc, source, type, target, sentence, explicit, lang, note)"),
    (lambda t: t.replace('type = "contacted"\n', ""), 1, "edge #1: missing type (see `graphx eval --help`)"),
    (lambda t: t.replace('sentence = "Putin called Erdogan on Monday."', "sentence = 5"), 6,
     "edge #1: sentence must be text"),
])
def test_every_field_is_checked_with_its_line(tmp_path, corpus, edit, line, problem):
    gold = tmp_path / "gold.toml"
    gold.write_text(edit(EDGE.format(type="contacted", explicit="true")))
    r = run(gold, corpus)
    assert r.exit_code == 1
    assert r.output == f"Error: {gold}:{line}: {problem}\n"
