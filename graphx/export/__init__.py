"""Exporters: JSON (node-link), GraphML (Gephi), HTML (pyvis explorer), conflicts.json.

Each writes atomically: a temporary file in the target folder, flushed to
disk, then renamed over the old file, so a crash leaves the previous output.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_write
from .conflicts import write_conflicts
from .graphml import write_graphml
from .html import MAX_ACTORS, write_html
from .json import graph_to_data, write_json

FORMATS = {"json": ("graph.json", write_json), "graphml": ("graph.graphml", write_graphml),
           "html": ("graph.html", write_html), "conflicts": ("conflicts.json", write_conflicts)}


def write_all(G, outdir="output", formats=("json", "graphml", "html", "conflicts"), *,
              page_actors: int | None = MAX_ACTORS) -> list[Path]:
    """Write the graph in each format into ``outdir``; return the paths written.

    ``page_actors`` caps the actors the HTML page draws (the most connected first;
    the page says so); the other formats always hold the whole graph.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        name, writer = FORMATS[fmt]
        if writer is write_html:
            writer(G, outdir / name, max_actors=page_actors)
        else:
            writer(G, outdir / name)
        written.append(outdir / name)
    return written


__all__ = ["atomic_write", "graph_to_data", "write_all", "write_conflicts", "write_graphml", "write_html", "write_json", "FORMATS"]
