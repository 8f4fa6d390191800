"""Claims in the graph that cannot all be true, each side with its citations.

graphx reports contradictions; it never resolves them (every side keeps its
evidence on its edge). :func:`find_conflicts` takes the graph first (networkx
style) and returns :class:`Conflict` records. The rules, each general:

``destination``
    One person fled to two places, each asserted by a different report, on
    the same day (or either undated), where neither place lies in the other
    (Moscow is in Russia, Hmeimim in Syria) and no report names both places for
    that person: a report naming both tells a route ("to Hmeimim, then on to
    Moscow"), reports naming one each offer alternatives.
``denied``
    An edge one citation states and another denies ("X fled to Tehran" / "reports
    that X fled to Tehran are false", "did not respond"): asserted records versus
    negated records of the same event (fact or attempt, not an intent).
``status``
    A person killed in one citation and alive in another ("was killed" / "survived",
    or "reports that X was killed are false"): the :class:`~graphx.records.FateClaim`
    records of the build (``G.graph["claims"]``, not edges).
``granted-refused``
    A state refused a person's asylum or refuge (a refused edge whose sentence
    speaks of asylum or refuge), while another citation has the person granted
    asylum or taking refuge there (a fled-to edge to that state or a place in it).

Which rules run, and on which relations, is data: the ``[[conflict]]`` entries of
``relations.toml``; their words too: ``[markers] asylum`` of each language file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import Evidence, FateClaim, Rows, evidence_to_dict, fate_to_dict

KINDS = ("destination", "denied", "granted-refused", "status")


@dataclass(frozen=True)
class Side:
    """One claim of a conflict: an edge and the citations that make (or deny) it."""

    source: str
    relation: str
    target: str
    stance: str  # "asserted" | "denied"
    citations: tuple = ()

    @property
    def documents(self) -> tuple:
        return tuple(sorted({c.doc for c in self.citations}))


@dataclass(frozen=True)
class Conflict:
    """Claims that cannot all be true; ``why`` says which rule found them."""

    kind: str
    subject: str
    summary: str
    why: str
    sides: tuple = field(default_factory=tuple)


def _label(G, n):
    return G.nodes[n].get("label", n) if n in G else n


def _ancestors(geography, aid):
    """The places and the state ``aid`` lies in (itself first); a capital lies in its state.
    ``geography``: ``{actor id: the place or state it lies in}`` (the build's ``G.graph["geography"]``)."""
    out, seen = [], set()
    while aid and aid not in seen:
        seen.add(aid)
        out.append(aid)
        aid = geography.get(aid)
    return out


def _nested(geography, a, b) -> bool:
    return a in _ancestors(geography, b) or b in _ancestors(geography, a)


def geography(table, within=None) -> dict:
    """``{actor id: what it lies in}`` from an alias table: ``located_in``, else a capital's state;
    with ``within`` (a graph), the entries of its actors and of every place they lie in.

    >>> from graphx.actors import load_aliases
    >>> geography(load_aliases())["moscow"]
    'russia'
    """
    capital_of = table.capital_of
    out = {}
    for aid, actor in table.actors.items():
        parent = actor.located_in or capital_of.get(aid)
        if parent:
            out[aid] = parent
    if within is None:
        return out
    kept = {}
    for n in within:
        while n in out and n not in kept:
            kept[n] = out[n]
            n = out[n]
    return dict(sorted(kept.items()))


def rules_data(lexicon) -> dict:
    """What the conflict rules read of the lexicon, as the build stores it in ``G.graph["conflicts"]``."""
    return {"rules": [{"rule": r.rule, "relations": list(r.relations), "cue_rules": list(r.cue_rules)}
                      for r in lexicon.conflicts],
            "asylum": list(lexicon.words_of("markers", "asylum"))}


def _asserted(cites):
    return tuple(c for c in cites if c.asserted)


def _denials(cites):
    return tuple(c for c in cites if c.negated and c.modality in ("fact", "attempt"))


def _destinations(G, geo, rule, words):
    (flight,) = rule.relations
    flights: dict = {}
    for s, t, k, d in G.edges(keys=True, data=True):
        if k != flight:
            continue
        good = _asserted(d["citations"])
        if good:
            flights.setdefault(s, {})[t] = good
    routes: dict = {}  # person -> report -> every place its flights reach, with what they lie in
    for person, places in flights.items():
        for place, cites in places.items():
            for c in cites:
                routes.setdefault(person, {}).setdefault(c.doc, set()).update(_ancestors(geo, place))
    for person, places in sorted(flights.items()):
        names = sorted(places)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if _nested(geo, a, b):
                    continue
                docs_a = {c.doc for c in places[a]}
                docs_b = {c.doc for c in places[b]}
                if docs_a & docs_b:
                    continue  # one report names both: a route or a sequence, not alternatives
                dates_a = {c.date for c in places[a]}
                dates_b = {c.date for c in places[b]}
                if "" not in dates_a | dates_b and not dates_a & dates_b:
                    continue  # different days: two flights, not two accounts of one
                # a report naming a place in one and a place in the other also tells a route
                # ("to Latakia airport, then to Moscow" against "fled to Russia")
                if any({a, b} <= covered for covered in routes[person].values()):
                    continue
                yield Conflict(
                    kind="destination", subject=person,
                    summary=f"{_label(G, person)} fled to {_label(G, a)} (per {len(docs_a)} report(s)) "
                            f"or to {_label(G, b)} (per {len(docs_b)} report(s))",
                    why="different reports give different destinations for the same flight (same day or "
                        "undated); no report names both, so they are alternatives, not stops of one route",
                    sides=(Side(person, flight, a, "asserted", places[a]),
                           Side(person, flight, b, "asserted", places[b])))


def _denied(G, geo, rule, words):
    for s, t, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        good, denied = _asserted(d["citations"]), _denials(d["citations"])
        # a sentence may both state and deny (two clauses); sides must be different sentences
        denied = tuple(c for c in denied if all((c.doc, c.start) != (g.doc, g.start) for g in good))
        if not good or not denied:
            continue
        yield Conflict(
            kind="denied", subject=s,
            summary=f"{_label(G, s)} —{k}→ {_label(G, t)}: stated {len(good)} time(s), denied {len(denied)} time(s)",
            why="one citation states the event and another says it did not happen (negated or denied)",
            sides=(Side(s, k, t, "asserted", good), Side(s, k, t, "denied", denied)))


def _granted_refused(G, geo, rule, words):
    refusal, flight = rule.relations
    for s, t, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        if k != refusal:
            continue
        refusals = tuple(c for c in _asserted(d["citations"]) if any(w in c.text.lower() for w in words))
        if not refusals:
            continue
        grants = []
        for _, place, k2, d2 in G.out_edges(t, keys=True, data=True):
            if k2 == flight and s in _ancestors(geo, place):
                grants.extend(c for c in _asserted(d2["citations"])
                              if any(w in c.text.lower() for w in words) or c.rule in rule.cue_rules)
        if grants:
            yield Conflict(
                kind="granted-refused", subject=t,
                summary=f"{_label(G, s)} refused {_label(G, t)} asylum, yet {_label(G, t)} found refuge there",
                why="a refusal of asylum or refuge against a citation of the same person granted it or taking "
                    "refuge in that state",
                sides=(Side(s, refusal, t, "asserted", refusals),
                       Side(t, flight, s, "asserted", tuple(sorted(grants, key=Evidence.sort_key)))))


def _status(G, geo, rule, words):
    from .records import fate_from_dict

    claims = [fate_from_dict(d) if isinstance(d, dict) else d for d in G.graph.get("claims", [])]
    by_person: dict = {}
    for c in claims:
        by_person.setdefault(c.person, []).append(c)
    for person, cites in sorted(by_person.items()):
        killed = tuple(c for c in cites if c.status == "killed" and c.asserted)
        alive = tuple(c for c in cites if (c.status == "survived" and c.asserted) or (
            c.status == "killed" and c.negated))
        alive = tuple(c for c in alive if all((c.doc, c.start) != (k.doc, k.start) for k in killed))
        if killed and alive:
            yield Conflict(
                kind="status", subject=person,
                summary=f"{_label(G, person)}: killed per {len({c.doc for c in killed})} report(s), "
                        f"alive per {len({c.doc for c in alive})} report(s)",
                why="one citation has the person killed, another alive or the killing denied",
                sides=(Side(person, "status:killed", person, "asserted", killed),
                       Side(person, "status:survived", person, "asserted", alive)))


def find_conflicts(G, table=None, *, lexicon=None) -> list[Conflict]:
    """Contradictory claims in ``G`` (see the module docstring for the rules).

    Examples
    --------
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> people = [Actor("a", "A", "person"), Actor("m", "M", "place"), Actor("t", "T", "place")]
    >>> said = Evidence("a", "fled-to", "m", "one.txt", 0, 15, "A fled to M.", "fled", 2, 6, "r", date="2024-12-08")
    >>> other = Evidence("a", "fled-to", "t", "two.txt", 0, 15, "A fled to T.", "fled", 2, 6, "r", date="2024-12-08")
    >>> [c.kind for c in find_conflicts(build_graph(people, [said, other]), table=None)]
    ['destination']
    """
    from .lexicon import ConflictRule

    if table is not None:
        geo = geography(table)
    elif isinstance(G.graph.get("geography"), dict):  # what the build knew: no file a graph names is read
        geo = G.graph["geography"]
    else:  # a graph that does not record it (GraphML, an older build): the shipped table's
        from .actors import load_aliases

        geo = geography(load_aliases())
    if lexicon is not None:
        stored = rules_data(lexicon)
    elif isinstance(G.graph.get("conflicts"), dict):
        stored = G.graph["conflicts"]
    else:
        from .lexicon import load_lexicon

        stored = rules_data(load_lexicon())
    words = tuple(stored["asylum"])
    rules = [ConflictRule(r["rule"], tuple(r["relations"]), tuple(r["cue_rules"])) for r in stored["rules"]]
    out = [c for rule in rules for c in RULES[rule.rule](G, geo, rule, words)]
    return sorted(out, key=lambda c: (KINDS.index(c.kind), c.subject, c.summary))


def describe(G, side: Side) -> str:
    """One side's claim in words: "Assad —fled-to→ Moscow", "Maher al-Assad: alive" (its stance apart)."""
    if side.relation.startswith("status:"):
        return f"{_label(G, side.source)}: " + ("killed" if side.relation == "status:killed" else "alive")
    return f"{_label(G, side.source)} —{side.relation}→ {_label(G, side.target)}"


def _to_dict(record) -> dict:
    return fate_to_dict(record) if isinstance(record, FateClaim) else evidence_to_dict(record)


def conflict_row(G, c, most: int | None = None) -> dict:
    """One conflict as plain dicts: each side with its citations (the first ``most`` of them)."""
    return {"kind": c.kind, "subject": c.subject, "label": _label(G, c.subject), "summary": c.summary,
            "why": c.why, "sides": [{
                "source": s.source, "relation": s.relation, "target": s.target, "stance": s.stance,
                "claim": describe(G, s),
                "documents": list(s.documents),
                "citations": [_to_dict(e) for e in s.citations[:most]],
                **({} if most is None else {"citations_total": len(s.citations)})} for s in c.sides]}


def conflicts_to_data(G, conflicts, lazy: bool = False) -> dict:
    """Plain dicts for ``conflicts.json`` and the page: each side with its full citations
    (``lazy``: the rows as :class:`~graphx.records.Rows`, made when read; ``.items`` the conflicts)."""
    rows = Rows(lambda c: conflict_row(G, c), conflicts) if lazy else [conflict_row(G, c) for c in conflicts]
    return {"rules": {k: r for k, r in _RULES.items()}, "conflicts": rows}


# The rules relations.toml's [[conflict]] entries may name.
RULES = {"destination": _destinations, "denied": _denied, "granted-refused": _granted_refused, "status": _status}

_RULES = {
    "destination": "different reports give different destinations for one person's flight (same day or undated); "
                   "places inside one another and routes a single report tells are not conflicts",
    "denied": "an edge one citation states and another negates or denies",
    "granted-refused": "a state refused a person asylum, yet a citation has the person take refuge there",
    "status": "a person killed in one citation and alive (or the killing denied) in another",
}


__all__ = ["Conflict", "Side", "conflict_row", "find_conflicts", "conflicts_to_data", "describe", "geography", "rules_data", "KINDS"]
