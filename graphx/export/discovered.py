"""``discovered.toml``: the actors a build found that the alias table lacks, as an alias file.

Each entry is ready to review and keep: fix a label or kind, delete what is wrong,
then pass the file (or paste the entries you keep into your own) with
``graphx build --aliases``. The next build then knows them by id, label and alias
instead of discovering them again.
"""

from __future__ import annotations

import re

from .._toml import toml_string
from .atomic import atomic_write

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _found(G) -> list:
    """The discovered actors worth reviewing (not groups: "Syrian soldiers" follows from its owner; nor a
    state's building abroad, "the French embassy", member of its state)."""
    return [n for n, d in G.nodes(data=True) if d.get("discovered") and d.get("kind") != "group"
            and not (d.get("kind") == "place" and _member(G, n))]


def _member(G, n) -> bool:
    return any(d.get("type") == "member-of" for _, _, d in G.out_edges(n, data=True))


def _candidates(G, n) -> tuple:
    """The id and the surname alias ``discovered.toml`` would give actor ``n``."""
    d = G.nodes[n]
    aid = n[2:] if n.startswith("x_") and _ID.match(n[2:]) else n
    words = str(d.get("label", n)).split()
    surname = words[-1] if d.get("kind") == "person" and len(words) > 1 else ""
    return aid, surname


def table_clashes(G, table) -> list:
    """The ids and surnames :func:`discovered_toml` would write that name an actor of ``table``.

    The build records them in ``G.graph["discovered_clashes"]``, so that ``discovered.toml``
    is written as the build's table reads without reading any file the graph names.
    """
    out = set()
    for n in _found(G):
        aid, surname = _candidates(G, n)
        if aid in table.actors or table.resolve(aid) is not None:
            out.add(aid)
        if surname and table.resolve(surname) is not None:
            out.add(surname)
    return sorted(out)


def _clashes(G, table) -> set:
    if table is not None:
        return set(table_clashes(G, table))
    if isinstance(G.graph.get("discovered_clashes"), list):
        return set(G.graph["discovered_clashes"])
    from ..actors import load_aliases  # a graph that does not record them: the shipped tables

    return set(table_clashes(G, load_aliases()))


def discovered_toml(G, table=None) -> str:
    """The text of ``discovered.toml`` for graph ``G`` (discovered actors, most mentioned first).

    An id loses its ``x_`` prefix unless that would name an actor of the table (an entry
    with a table id would add names to that actor). A person's surname becomes an alias
    when no other discovered person and no table actor goes by it, as the build resolved
    "Pira" to "Saadi Ahmed Pira" within a report.

    Examples
    --------
    >>> import tomllib
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
    >>> G = build_graph([Actor("x_saadi_ahmed_pira", "Saadi Ahmed Pira", "person", discovered=True)], [])
    >>> tomllib.loads(discovered_toml(G))["actors"]
    {'saadi_ahmed_pira': {'label': 'Saadi Ahmed Pira', 'kind': 'person', 'aliases': ['Pira']}}
    """
    clashes = _clashes(G, table)
    found = sorted(_found(G), key=lambda n: (-(G.nodes[n].get("mentions") or 0), n))
    surnames: dict[str, int] = {}
    for n in found:
        d = G.nodes[n]
        if d.get("kind") == "person" and len(words := str(d.get("label", "")).split()) > 1:
            surnames[words[-1].lower()] = surnames.get(words[-1].lower(), 0) + 1
    out = [f"# {len(found)} actor(s) this build found that the alias table lacks, most mentioned first.",
           "# Review them: fix a label or kind (person, state, organisation, armed_group, place, outlet),",
           "# delete the wrong ones, then pass the file with graphx build --aliases FILE, or paste the",
           "# entries into your own alias file. graphx build rewrites this file: edit a copy.",
           "# (Groups such as \"Syrian soldiers\" and a state's buildings such as \"the French embassy\" are not",
           "# listed: each build finds them from their owner.)"]
    for n in found:
        d = G.nodes[n]
        label = str(d.get("label", n))
        aid, surname = _candidates(G, n)
        if aid in clashes:
            aid = n
        aliases = [a for a in d.get("aliases", []) if a != label]
        if surname and surnames.get(surname.lower()) == 1 and len(surname) > 2 and surname not in aliases \
                and surname not in clashes:
            aliases.append(surname)
        out += ["", f"[actors.{aid}]  # {d.get('mentions', 0)} mention(s), {G.degree(n)} edge(s)",
                f"label = {toml_string(label)}", f"kind = {toml_string(str(d.get('kind', 'person')))}"]
        if aliases:
            out.append("aliases = [" + ", ".join(map(toml_string, aliases)) + "]")
    return "\n".join(out) + "\n"


def write_discovered(G, path) -> None:
    """Write ``discovered.toml`` atomically (UTF-8)."""
    text = discovered_toml(G)
    with atomic_write(path) as f:
        f.write(text)
