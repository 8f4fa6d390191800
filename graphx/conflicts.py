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
    or "reports that X was killed are false"): the claims ``graphx.status`` finds
    (``G.graph["claims"]``, not edges).
``granted-refused``
    A state refused a person's asylum or refuge (a refused edge whose sentence
    speaks of asylum or refuge), while another citation has the person granted
    asylum or taking refuge there (a fled-to edge to that state or a place in it).

Each rule's words are data: ``[markers] asylum`` in ``relations.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .types import Evidence, evidence_to_dict

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


def places_within(table, ids=None) -> dict:
    """``{id: the place or state it lies in}`` from an alias table (a capital lies in its state),
    for the actors ``ids`` and everything they lie in (every actor when ``ids`` is None).

    A build records this in ``G.graph["within"]``, so that conflicts are read with the table
    the build used without reading any file the graph names.

    >>> from graphx.actors import load_aliases
    >>> within = places_within(load_aliases(), ["hmeimim_airbase"])
    >>> within["hmeimim_airbase"] in within or within["hmeimim_airbase"] == "syria"
    True
    """
    capital_of = table.capital_of
    out: dict = {}
    todo = list(table.actors if ids is None else ids)
    while todo:
        aid = todo.pop()
        if aid in out:
            continue
        actor = table.actors.get(aid)
        parent = actor.located_in if actor and actor.located_in else capital_of.get(aid)
        if parent:
            out[aid] = parent
            todo.append(parent)
    return dict(sorted(out.items()))


def _ancestors(within: dict, aid):
    """The places and the state ``aid`` lies in (itself first)."""
    out, seen = [], set()
    while aid and aid not in seen:
        seen.add(aid)
        out.append(aid)
        aid = within.get(aid)
    return out


def _nested(within, a, b) -> bool:
    return a in _ancestors(within, b) or b in _ancestors(within, a)


def _asserted(cites):
    return tuple(c for c in cites if c.asserted)


def _denials(cites):
    return tuple(c for c in cites if c.negated and c.modality in ("fact", "attempt"))


def _destinations(G, within):
    flights: dict = {}
    for s, t, k, d in G.edges(keys=True, data=True):
        if k != "fled-to":
            continue
        good = _asserted(d["citations"])
        if good:
            flights.setdefault(s, {})[t] = good
    routes: dict = {}  # person -> report -> every place its flights reach, with what they lie in
    for person, places in flights.items():
        for place, cites in places.items():
            for c in cites:
                routes.setdefault(person, {}).setdefault(c.doc, set()).update(_ancestors(within, place))
    for person, places in sorted(flights.items()):
        names = sorted(places)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if _nested(within, a, b):
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
                    sides=(Side(person, "fled-to", a, "asserted", places[a]),
                           Side(person, "fled-to", b, "asserted", places[b])))


def _denied(G):
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


def _granted_refused(G, within, words):
    for s, t, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        if k != "refused":
            continue
        refusals = tuple(c for c in _asserted(d["citations"]) if any(w in c.text.lower() for w in words))
        if not refusals:
            continue
        grants = []
        for _, place, k2, d2 in G.out_edges(t, keys=True, data=True):
            if k2 == "fled-to" and s in _ancestors(within, place):
                grants.extend(c for c in _asserted(d2["citations"])
                              if any(w in c.text.lower() for w in words) or c.rule in ("refuge", "ar-flight"))
        if grants:
            yield Conflict(
                kind="granted-refused", subject=t,
                summary=f"{_label(G, s)} refused {_label(G, t)} asylum, yet {_label(G, t)} found refuge there",
                why="a refusal of asylum or refuge against a citation of the same person granted it or taking "
                    "refuge in that state",
                sides=(Side(s, "refused", t, "asserted", refusals),
                       Side(t, "fled-to", s, "asserted", tuple(sorted(grants, key=Evidence.sort_key)))))


def _status(G):
    from .types import evidence_from_dict

    claims = [evidence_from_dict(d) if isinstance(d, dict) else d for d in G.graph.get("claims", [])]
    by_person: dict = {}
    for c in claims:
        by_person.setdefault(c.source, []).append(c)
    for person, cites in sorted(by_person.items()):
        killed = tuple(c for c in cites if c.relation == "status:killed" and c.asserted)
        alive = tuple(c for c in cites if (c.relation == "status:survived" and c.asserted) or (
            c.relation == "status:killed" and c.negated))
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
    >>> from graphx.types import Actor, Evidence
    >>> people = [Actor("a", "A", "person"), Actor("m", "M", "place"), Actor("t", "T", "place")]
    >>> said = Evidence("a", "fled-to", "m", "one.txt", 0, 15, "A fled to M.", "fled", 2, 6, "r", date="2024-12-08")
    >>> other = Evidence("a", "fled-to", "t", "two.txt", 0, 15, "A fled to T.", "fled", 2, 6, "r", date="2024-12-08")
    >>> [c.kind for c in find_conflicts(build_graph(people, [said, other]), table=None)]
    ['destination']
    """
    # The tables the build used, as the graph records them (G.graph "within" and "asylum_words");
    # a graph that does not (GraphML, an older build) is read with the shipped tables. No file
    # a graph names is ever read: a graph may come from anyone.
    if table is not None:
        within = places_within(table)
    elif isinstance(G.graph.get("within"), dict):
        within = G.graph["within"]
    else:
        from .actors import load_aliases

        within = places_within(load_aliases())
    if lexicon is None and isinstance(G.graph.get("asylum_words"), list):
        words = tuple(G.graph["asylum_words"])
    else:
        from .lexicon import load_lexicon

        words = asylum_words(lexicon or load_lexicon())
    out = list(_destinations(G, within)) + list(_denied(G)) + list(_granted_refused(G, within, words)) + \
        list(_status(G))
    return sorted(out, key=lambda c: (KINDS.index(c.kind), c.subject, c.summary))


def asylum_words(lexicon) -> list:
    """The lexicon's ``[markers] asylum`` words (the granted-refused rule), as text."""
    return [" ".join(w) if isinstance(w, tuple) else w for w in lexicon.markers.get("asylum", ())]


def describe(G, side: Side) -> str:
    """One side's claim in words: "Assad —fled-to→ Moscow", "Maher al-Assad: alive" (its stance apart)."""
    if side.relation.startswith("status:"):
        return f"{_label(G, side.source)}: " + ("killed" if side.relation == "status:killed" else "alive")
    return f"{_label(G, side.source)} —{side.relation}→ {_label(G, side.target)}"


def conflicts_to_data(G, conflicts) -> dict:
    """Plain dicts for ``conflicts.json`` and the page: each side with its full citations."""
    rows = []
    for c in conflicts:
        rows.append({"kind": c.kind, "subject": c.subject, "label": _label(G, c.subject), "summary": c.summary,
                     "why": c.why, "sides": [{
                         "source": s.source, "relation": s.relation, "target": s.target, "stance": s.stance,
                         "claim": describe(G, s),
                         "documents": list(s.documents),
                         "citations": [evidence_to_dict(e) for e in s.citations]} for s in c.sides]})
    return {"rules": {k: r for k, r in _RULES.items()}, "conflicts": rows}


_RULES = {
    "destination": "different reports give different destinations for one person's flight (same day or undated); "
                   "places inside one another and routes a single report tells are not conflicts",
    "denied": "an edge one citation states and another negates or denies",
    "granted-refused": "a state refused a person asylum, yet a citation has the person take refuge there",
    "status": "a person killed in one citation and alive (or the killing denied) in another",
}


__all__ = ["Conflict", "Side", "find_conflicts", "conflicts_to_data", "describe", "places_within", "asylum_words",
           "KINDS"]
