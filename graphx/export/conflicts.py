"""``conflicts.json``: the contradictory claims of a graph, each side with its citations."""

from __future__ import annotations

from .atomic import atomic_write


def conflicts_data(G, table=None, lazy: bool = False) -> dict:
    """``conflicts.json``'s data (``lazy``: its rows made one at a time when read)."""
    from ..conflicts import conflicts_to_data, find_conflicts

    return conflicts_to_data(G, find_conflicts(G, table), lazy=lazy)


def write_conflicts(G, path, table=None, data: dict | None = None) -> None:
    """Write ``conflicts.json`` atomically (UTF-8, Arabic kept as is); ``data``: already
    computed ``conflicts_data(G, table)``."""
    from .json import iter_indented

    data = data if data is not None else conflicts_data(G, table)
    with atomic_write(path) as f:  # streamed: the same bytes as json.dumps(data, indent=1)
        for piece in iter_indented(data):
            f.write(piece)
