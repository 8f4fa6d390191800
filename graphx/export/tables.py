"""The graph as tables: nodes, edges and citations, one row each (CSV export, ``graphx edges``).

CSV export writes three files next to each other:

- ``nodes.csv``: ``id, label, kind, mentions, edges, discovered, aliases`` (aliases a JSON list);
- ``edges.csv``: one row per (source, relation, target), with the counts and the first and last
  date its citations speak of, as precise as they are ("2024-04" for a month without a day); ``id`` is the edge id used in GraphML and GEXF;
- ``citations.csv``: one row per citation (the quoted sentence and where it is, a reviewed
  correction with who, when and why, the earlier sentence naming an actor this one calls "he"),
  ``edge_id`` linking it to its edge.

The relation is in a ``relation`` column: Gephi's spreadsheet import reads a column named
``type`` as the edge direction. Booleans are written ``true``/``false``. Text that a
spreadsheet would run as a formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or
a CR) is written with a leading ``'``, as OWASP recommends against CSV injection.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..graph import edge_sources
from .atomic import atomic_write
from ..timespan import first_last
from .graphml import edge_id

NODE_FIELDS = ("id", "label", "kind", "mentions", "edges", "discovered", "aliases")
EDGE_FIELDS = ("id", "source", "target", "source_label", "target_label", "relation", "weight", "sources",
               "documents", "outlets", "evidence", "asserted", "hedged", "negated", "first", "last", "cameo",
               "plover")
CITATION_FIELDS = ("edge_id", "source", "relation", "target", "asserted", "negated", "hedged", "modality",
                   "date", "outlet", "doc", "start", "end", "trigger", "attributed_to", "rule", "url", "text",
                   "correction", "corrected_by", "corrected_on", "corrected_why", "antecedent")
CSV_FILES = ("nodes.csv", "edges.csv", "citations.csv")


def node_rows(G, kind: str | None = None) -> list[dict]:
    """One dict per actor (``NODE_FIELDS``), most mentioned first; ``kind`` keeps one kind.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
    >>> G = build_graph([Actor("a", "Ann", "person", aliases=("Annie",)), Actor("x", "X", "state")], [])
    >>> [(r["id"], r["kind"], r["aliases"]) for r in node_rows(G, kind="person")]
    [('a', 'person', '["Ann", "Annie"]')]
    """
    rows = []
    for n, d in G.nodes(data=True):
        if kind and d.get("kind") != kind:
            continue
        rows.append({"id": n, "label": d.get("label", n), "kind": d.get("kind", ""), "mentions": d.get("mentions", 0),
                     "edges": G.degree(n), "discovered": bool(d.get("discovered")),
                     "aliases": json.dumps(list(d.get("aliases", [])), ensure_ascii=False)})
    return sorted(rows, key=lambda r: (-r["mentions"], r["id"]))


def edge_rows(G, types=None) -> list[dict]:
    """One dict per edge (``EDGE_FIELDS``), sorted by source, relation, target.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "Ann", "person"), Actor("b", "Bo", "person")],
    ...                 [Evidence("a", "contacted", "b", "d", 0, 9, "Ann called Bo", "called", 4, 10, "r")])
    >>> r = edge_rows(G)[0]
    >>> r["id"], r["source_label"], r["relation"], r["target_label"], r["weight"], r["sources"]
    ('a|contacted|b', 'Ann', 'contacted', 'Bo', 1, 1)
    """
    types = set([types] if isinstance(types, str) else types or [])
    rows = []
    for s, t, k in sorted(G.edges(keys=True), key=lambda e: (e[0], e[2], e[1])):
        if types and k not in types:
            continue
        d = G.edges[s, t, k]
        cites = d.get("citations", [])
        first, last = first_last(c.date for c in cites)
        rows.append({"id": edge_id(s, t, k), "source": s, "target": t,
                     "source_label": G.nodes[s].get("label", s), "target_label": G.nodes[t].get("label", t),
                     "relation": k, "weight": d.get("weight", 0), "sources": edge_sources(d),
                     "documents": d.get("documents", 0), "outlets": d.get("outlets", 0),
                     "evidence": d.get("evidence", len(cites)), "asserted": bool(d.get("asserted")),
                     "hedged": bool(d.get("hedged")), "negated": d.get("negated", 0), "first": first, "last": last,
                     "cameo": d.get("cameo", ""), "plover": d.get("plover", "")})
    return rows


def citation_rows(G, types=None) -> list[dict]:
    """One dict per citation (``CITATION_FIELDS``), grouped by edge; whitespace in the sentence collapsed.

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "Ann", "person"), Actor("b", "Bo", "person")],
    ...                 [Evidence("a", "contacted", "b", "d", 0, 9, "Ann\\n called Bo", "called", 5, 11, "r")])
    >>> r = citation_rows(G)[0]
    >>> r["edge_id"], r["text"], r["doc"], r["start"]
    ('a|contacted|b', 'Ann called Bo', 'd', 0)
    """
    types = set([types] if isinstance(types, str) else types or [])
    rows = []
    for s, t, k in sorted(G.edges(keys=True), key=lambda e: (e[0], e[2], e[1])):
        if types and k not in types:
            continue
        for c in G.edges[s, t, k].get("citations", []):
            rows.append({"edge_id": edge_id(s, t, k), **{f: getattr(c, f) for f in CITATION_FIELDS[1:]},
                         "text": " ".join(c.text.split()), "antecedent": " ".join(c.antecedent.split())})
    return rows


# A cell a spreadsheet would read as a formula (OWASP, "CSV Injection"): text from the reports
# (a title, an outlet, a URL, a file name, a sentence, an alias) must never run as one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A value as a CSV cell: booleans as true/false, and text that a spreadsheet would take
    for a formula prefixed with ``'`` (shown, not run).

    >>> cell(True), cell("=HYPERLINK(1)"), cell("-2+3"), cell(-2), cell("Assad")
    ('true', "'=HYPERLINK(1)", "'-2+3", -2, 'Assad')
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows, fields) -> str:
    """Rows as CSV text (header first; each value through :func:`cell`).

    >>> print(to_csv([{"a": True, "b": "x, y", "c": "=1+1"}], ("a", "b", "c")), end="")
    a,b,c
    true,"x, y",'=1+1
    """
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: cell(v) for k, v in r.items()})
    return buf.getvalue()


def write_csv(G, outdir) -> list[Path]:
    """Write ``nodes.csv``, ``edges.csv`` and ``citations.csv`` into ``outdir`` (UTF-8, each atomically).

    Examples
    --------
    >>> import tempfile
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
    >>> [p.name for p in write_csv(build_graph([Actor("a", "A", "person")], []), tempfile.mkdtemp())]
    ['nodes.csv', 'edges.csv', 'citations.csv']
    """
    outdir = Path(outdir)
    written = []
    for name, rows, fields in zip(CSV_FILES, (node_rows(G), edge_rows(G), citation_rows(G)),
                                  (NODE_FIELDS, EDGE_FIELDS, CITATION_FIELDS)):
        with atomic_write(outdir / name) as f:
            f.write(to_csv(rows, fields))
        written.append(outdir / name)
    return written
