"""Score extraction against hand-made gold edges (``graphx eval``).

Gold file (TOML), one ``[[edge]]`` per (document, sentence, edge)::

    [[edge]]
    doc = "002_fce50c72ea1de802.txt"   # document id (path relative to the input folder)
    source = "Bashar al-Assad"          # any name the alias table resolves (or an actor id)
    type = "contacted"
    target = "Buthaina Shaaban"
    sentence = "... he called his media adviser, Buthaina Shaaban, ..."  # exact text
    explicit = true                     # false: only implied
    lang = "en"                         # optional

Discovered actors (not in the table) are written as they appear; they match
a discovered node whose label is the same name or contains / is contained in
it word for word ("media office" ~ "presidential media office").

Scoring, per relation type present in the gold file (an edge is counted once
per document, from the asserted evidence records):

* precision: predicted edges that are gold edges (plainly stated *or* only
  implied: an implied edge is still a true edge) over all predicted edges;
* recall: plainly stated gold edges found over all plainly stated gold edges
  (``include_implied`` scores recall over the implied ones too).

A predicted citation is *on target* when its sentence is a gold sentence for
that edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._toml import key_line, read_toml, value_line
from .actors import AliasTable
from .errors import ConfigError


@dataclass
class Score:
    tp: int = 0        # predicted edges that are plainly stated gold edges
    implied: int = 0   # predicted edges that are gold edges only implied
    fp: int = 0        # predicted edges not in the gold
    fn: int = 0        # plainly stated gold edges not predicted

    @property
    def precision(self):
        right = self.tp + self.implied
        return right / (right + self.fp) if right + self.fp else 1.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GoldEdge:
    sentences: list = field(default_factory=list)
    explicit: bool = False


@dataclass
class Evaluation:
    per_type: dict = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    false_positives: list = field(default_factory=list)  # (key, [sentences])
    misses: list = field(default_factory=list)  # (key, [sentences])
    citations_on_target: int = 0
    citations_total: int = 0
    warnings: list = field(default_factory=list)  # gold edges that could not be scored, and why


_REQUIRED = ("doc", "source", "type", "target")
_OPTIONAL = {"sentence": str, "explicit": bool, "lang": str, "note": str}


def load_gold(path, table: AliasTable, *, include_implied=False, langs=None, relations=None,
              warnings: list | None = None) -> dict:
    """Gold edges as {(doc, source_id, type, target_id): GoldEdge}.

    Names the table does not resolve become ``"?" + name`` (discovered actors).
    With ``include_implied`` every gold edge counts as plainly stated.

    Every ``[[edge]]`` is checked (required keys present and text, ``explicit`` a boolean, no
    unknown key) with errors naming file and line; a file with no edge (or none in ``langs``)
    is refused: there would be nothing to score. With ``relations`` (the names the lexicon
    knows), a type outside them is reported in ``warnings`` (a list to append to).
    """
    data, lines = read_toml(path)
    out: dict = {}
    extra = sorted(set(data) - {"edge"})
    if extra:
        raise ConfigError(path, value_line(lines, extra[0]) or None, f"unknown top-level key {extra[0]!r}",
                          "a gold file holds [[edge]] tables")
    edges = data.get("edge", [])
    if not isinstance(edges, list) or not all(isinstance(e, dict) for e in edges):
        raise ConfigError(path, None, "expected [[edge]] tables", "see `graphx eval --help`")
    if not edges:
        raise ConfigError(path, None, "no [[edge]] tables: there is nothing to score against",
                          "see `graphx eval --help`")
    headers = [i for i, ln in enumerate(lines, 1) if ln.strip().startswith("[[edge]]")]
    unknown_types: dict = {}
    for n, e in enumerate(edges, 1):
        head = headers[n - 1] if len(headers) == len(edges) else None
        _check_edge(path, lines, head, n, e)
        if relations is not None and e["type"] not in relations:
            unknown_types.setdefault(e["type"], head)
        if langs and e.get("lang", "en") not in langs:
            continue
        ids = []
        for key in ("source", "target"):
            actor = table.actors.get(e[key]) or table.resolve(e[key])
            ids.append(actor.id if actor else "?" + " ".join(e[key].split()))
        g = out.setdefault((e["doc"], ids[0], e["type"], ids[1]), GoldEdge())
        g.sentences.append(e.get("sentence", ""))
        g.explicit |= bool(include_implied or e.get("explicit", True))
    if not out:
        raise ConfigError(path, None, f"no gold edge in {', '.join(langs)}: there is nothing to score against",
                          "check --lang")
    for t, head in unknown_types.items():
        if warnings is not None:
            warnings.append(f"{path}{':' + str(head) if head else ''}: unknown relation type {t!r} (known: "
                            f"{', '.join(sorted(relations))}): its gold edges can only be missed")
    return out


def _check_edge(path, lines, head, n, e) -> None:
    where = f"edge #{n}"
    for key in _REQUIRED:
        if key not in e:
            raise ConfigError(path, head, f"{where}: missing {key}", "see `graphx eval --help`")
        if not isinstance(e[key], str) or not e[key].strip():
            raise ConfigError(path, key_line(lines, key, head) if head else None,
                              f"{where}: {key} must be non-empty text", f'write {key} = "..."')
    for key, value in e.items():
        kind = _OPTIONAL.get(key)
        if key in _REQUIRED:
            continue
        if kind is None:
            raise ConfigError(path, key_line(lines, key, head) if head else None, f"{where}: unknown key {key!r}",
                              "known keys: " + ", ".join(_REQUIRED + tuple(_OPTIONAL)))
        if type(value) is not kind:
            raise ConfigError(path, key_line(lines, key, head) if head else None,
                              f"{where}: {key} must be {'true or false' if kind is bool else 'text'}")


def _words(name: str) -> list:
    return [w for w in "".join(c.lower() if c.isalnum() else " " for c in name).split() if w != "the"]


def _same_name(label: str, name: str) -> bool:
    a, b = _words(label), _words(name)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _gold_id(G, node, gold_names: set) -> str:
    """Map a discovered node to the gold's ``?name`` it stands for, if any."""
    data = G.nodes[node]
    if not data.get("discovered"):
        return node
    names = [data.get("label", "")] + list(data.get("aliases", ()))
    for g in sorted(gold_names):
        if any(_same_name(n, g[1:]) for n in names if n):
            return g
    return node


def evaluate(G, gold: dict, docs=None, langs=None) -> Evaluation:
    """Compare the graph's asserted evidence with gold edges (see the module doc)."""
    scored = {k[2] for k in gold}
    missing = sorted({k[0] for k in gold if docs is not None and k[0] not in docs})
    gold = {k: v for k, v in gold.items() if docs is None or k[0] in docs}
    unknown = {x for k in gold for x in (k[1], k[3]) if x.startswith("?")}
    ids = {n: _gold_id(G, n, unknown) for n in G.nodes}
    predicted: dict = {}
    for s, t, k, d in G.edges(keys=True, data=True):
        if k not in scored:
            continue
        for c in d["citations"]:
            if not c.asserted or (docs is not None and c.doc not in docs):
                continue
            if langs and (c.language or "en") not in langs:
                continue
            predicted.setdefault((c.doc, ids[s], k, ids[t]), []).append(c.text)
    ev = Evaluation()
    if missing:
        ev.warnings.append(f"{len(missing)} gold document(s) are not among the reports read, so their edges are "
                           f"not scored: {', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''}")
    for t in sorted({k[2] for k in gold} | {k[2] for k in predicted}):
        ev.per_type[t] = Score()
    for key, sents in sorted(predicted.items()):
        sc = ev.per_type[key[2]]
        g = gold.get(key)
        if g is None:
            sc.fp += 1
            ev.false_positives.append((key, sents))
            continue
        if g.explicit:
            sc.tp += 1
        else:
            sc.implied += 1
        gold_sents = {" ".join(x.split()) for x in g.sentences}
        for s in sents:
            ev.citations_total += 1
            ev.citations_on_target += " ".join(s.split()) in gold_sents
    for key, g in sorted(gold.items()):
        if g.explicit and key not in predicted:
            ev.per_type[key[2]].fn += 1
            ev.misses.append((key, g.sentences))
    for sc in ev.per_type.values():
        for f in ("tp", "implied", "fp", "fn"):
            setattr(ev.overall, f, getattr(ev.overall, f) + getattr(sc, f))
    return ev


def format_table(ev: Evaluation) -> str:
    """The per-type table ``graphx eval`` prints."""
    rows = [f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'impl':>6}{'fp':>5}{'fn':>5}"]
    for t, sc in list(ev.per_type.items()) + [("overall", ev.overall)]:
        rows.append(f"{t:<12}{sc.precision:>7.2f}{sc.recall:>7.2f}{sc.f1:>7.2f}"
                    f"{sc.tp:>5}{sc.implied:>6}{sc.fp:>5}{sc.fn:>5}")
    return "\n".join(rows)
