"""Journeys told in legs: the order of a traveller's stops in each report, and a person's route.

A report that takes someone through several places ("reached the Hmeimim air base and
was then evacuated to Russia"; "stayed two days in Amman, then drove on to Aqaba and
finally to Cairo") gives one edge of a journey relation (``journey = true`` in
relations.toml: fled-to) per stop, each citing its sentence. :func:`number_legs` keeps
their order on the evidence: within one report, a traveller's asserted stops, in the
order the report tells them, are legs 1, 2, ... (``Evidence.leg``; a stop told twice is
placed where it is told last, since reports often name the end first; a place a finer stop lies
in is that stop told coarser; a report with one stop for someone numbers nothing). It reads
the evidence only and changes no edge. :func:`graphx.query.route` reads the legs back from a graph,
report by report (:func:`graphx.query.route`, ``graphx route``, the page's actor panel).

The order is the telling: a sentence that tells the end first ("he reached Moscow after a
stop in Latakia") numbers Moscow first.
"""

from __future__ import annotations

from dataclasses import replace


def number_legs(evidence, journeys, located_in=None) -> list:
    """The evidence, each asserted journey citation of a traveller with two or more stops in its
    report numbered with its place in that report's order (``leg``, from 1).

    ``journeys``: the names of the journey relations; ``located_in``: ``{place: what it lies in}``
    (:func:`graphx.conflicts.geography`), so that a place a finer stop lies in ("fled to Russia",
    then "landed in Moscow") is the same stop told coarser, not a leg of its own.

    A report often tells the end first ("Assad's flight to Moscow", then the night in detail):
    a stop's place in the order is where the report tells it last.

    Examples
    --------
    >>> from graphx.records import Evidence
    >>> def ev(target, at, asserted=True):
    ...     return Evidence("assad", "fled-to", target, "r.txt", at, at + 9, "...", "fled", at, at + 4, "travel-verb",
    ...                     asserted=asserted)
    >>> told = [ev("moscow", 5), ev("russia", 7), ev("hmeimim", 10), ev("latakia", 50, False), ev("moscow", 90)]
    >>> [(e.target, e.leg) for e in number_legs(told, {"fled-to"}, {"moscow": "russia"})]
    [('moscow', 2), ('russia', 0), ('hmeimim', 1), ('latakia', 0), ('moscow', 2)]
    """
    located_in = located_in or {}
    told: dict = {}  # (report, traveller) -> {place: where the report tells it last}
    for ev in evidence:
        if ev.asserted and ev.relation in journeys:
            places = told.setdefault((ev.doc, ev.source), {})
            at = (ev.trigger_start, ev.target_start, ev.start)
            places[ev.target] = max(places.get(ev.target, at), at)
    legs: dict = {}
    for key, places in told.items():
        coarse = set()  # the places a stop lies in
        for place in places:
            seen, q = {place}, located_in.get(place)
            while q and q not in seen:
                coarse.add(q)
                seen.add(q)
                q = located_in.get(q)
        stops = sorted((at, place) for place, at in places.items() if place not in coarse)
        if len(stops) > 1:
            legs[key] = {place: k for k, (_, place) in enumerate(stops, 1)}
    out = []
    for ev in evidence:
        mine = legs.get((ev.doc, ev.source)) if ev.asserted and ev.relation in journeys else None
        leg = mine.get(ev.target, 0) if mine else 0
        out.append(replace(ev, leg=leg) if leg != ev.leg else ev)
    return out


__all__ = ["number_legs"]
