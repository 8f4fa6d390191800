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

Only the relation types present in the gold file are scored. An edge is
counted once per document: predicted = the (doc, source, type,
target) of every asserted evidence record; gold = the same of every gold
edge (explicit only, unless ``include_implied``). A predicted citation is
*on target* when its sentence is a gold sentence for that edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._toml import read_toml
from .actors import AliasTable
from .errors import ConfigError


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    per_type: dict = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    false_positives: list = field(default_factory=list)  # (key, [sentences])
    misses: list = field(default_factory=list)  # (key, [sentences])
    citations_on_target: int = 0
    citations_total: int = 0


def load_gold(path, table: AliasTable, *, include_implied=False, langs=None) -> dict:
    """Gold edges as {(doc, source_id, type, target_id): [sentences]}."""
    data, lines = read_toml(path)
    out: dict = {}
    edges = data.get("edge", [])
    if not isinstance(edges, list):
        raise ConfigError(path, None, "expected [[edge]] tables")
    for n, e in enumerate(edges, 1):
        for key in ("doc", "source", "type", "target"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise ConfigError(path, None, f"edge #{n}: missing {key}", "see `graphx eval --help`")
        if not include_implied and not e.get("explicit", True):
            continue
        if langs and e.get("lang", "en") not in langs:
            continue
        ids = []
        for key in ("source", "target"):
            actor = table.actors.get(e[key]) or table.resolve(e[key])
            ids.append(actor.id if actor else "?" + e[key])
        out.setdefault((e["doc"], ids[0], e["type"], ids[1]), []).append(e.get("sentence", ""))
    return out


def evaluate(G, gold: dict, docs=None) -> Evaluation:
    """Compare the graph's asserted evidence with gold edges."""
    # Only the relation types the gold file annotates are scored.
    scored = {k[2] for k in gold}
    predicted: dict = {}
    for s, t, k, d in G.edges(keys=True, data=True):
        if k not in scored:
            continue
        for c in d["citations"]:
            if c.asserted and (docs is None or c.doc in docs):
                predicted.setdefault((c.doc, s, k, t), []).append(c.text)
    gold = {k: v for k, v in gold.items() if docs is None or k[0] in docs}
    ev = Evaluation()
    types = sorted({k[2] for k in gold} | {k[2] for k in predicted})
    for t in types:
        ev.per_type[t] = Score()
    for key, sents in sorted(predicted.items()):
        sc = ev.per_type[key[2]]
        if key in gold:
            sc.tp += 1
            gold_sents = {" ".join(x.split()) for x in gold[key]}
            for s in sents:
                ev.citations_total += 1
                ev.citations_on_target += " ".join(s.split()) in gold_sents
        else:
            sc.fp += 1
            ev.false_positives.append((key, sents))
    for key, sents in sorted(gold.items()):
        if key not in predicted:
            ev.per_type[key[2]].fn += 1
            ev.misses.append((key, sents))
    for sc in ev.per_type.values():
        ev.overall.tp += sc.tp
        ev.overall.fp += sc.fp
        ev.overall.fn += sc.fn
    return ev


def format_table(ev: Evaluation) -> str:
    rows = [f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for t, sc in list(ev.per_type.items()) + [("overall", ev.overall)]:
        rows.append(f"{t:<12}{sc.precision:>7.2f}{sc.recall:>7.2f}{sc.f1:>7.2f}{sc.tp:>5}{sc.fp:>5}{sc.fn:>5}")
    return "\n".join(rows)
