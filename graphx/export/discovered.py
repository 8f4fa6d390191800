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


def _table(G):
    """The alias table the build used (its user files from graph.json), or None if it cannot be read."""
    from ..actors import load_aliases
    from ..errors import GraphxError

    try:
        return load_aliases(*G.graph.get("alias_files", []))
    except GraphxError:
        return None


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
    table = table if table is not None else _table(G)
    found = sorted((n for n, d in G.nodes(data=True) if d.get("discovered")),
                   key=lambda n: (-(G.nodes[n].get("mentions") or 0), n))
    surnames: dict[str, int] = {}
    for n in found:
        d = G.nodes[n]
        if d.get("kind") == "person" and len(words := str(d.get("label", "")).split()) > 1:
            surnames[words[-1].lower()] = surnames.get(words[-1].lower(), 0) + 1
    out = [f"# {len(found)} actor(s) this build found that the alias table lacks, most mentioned first.",
           "# Review them: fix a label or kind (person, state, organisation, armed_group, place, outlet),",
           "# delete the wrong ones, then pass the file with graphx build --aliases FILE, or paste the",
           "# entries into your own alias file. graphx build rewrites this file: edit a copy."]
    for n in found:
        d = G.nodes[n]
        label = str(d.get("label", n))
        aid = n[2:] if n.startswith("x_") and _ID.match(n[2:]) else n
        if table is not None and (aid in table.actors or table.resolve(aid) is not None):
            aid = n
        aliases = [a for a in d.get("aliases", []) if a != label]
        words = label.split()
        if d.get("kind") == "person" and len(words) > 1 and surnames.get(words[-1].lower()) == 1 \
                and len(words[-1]) > 2 and words[-1] not in aliases \
                and (table is None or table.resolve(words[-1]) is None):
            aliases.append(words[-1])
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
