"""Exporters: JSON (node-link), GraphML (Gephi), HTML (pyvis explorer).

Each writes atomically: a temporary file in the target folder, flushed to
disk, then renamed over the old file, so a crash leaves the previous output.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_write, remove_stale_temps
from .graphml import write_graphml
from .html import write_html
from .json import graph_to_data, write_json

FORMATS = {"json": ("graph.json", write_json), "graphml": ("graph.graphml", write_graphml),
           "html": ("graph.html", write_html)}


def write_all(G, outdir="output", formats=("json", "graphml", "html")) -> list[Path]:
    """Write the graph in each format into ``outdir``; return the paths written."""
    from ..errors import OutputError

    outdir = Path(outdir)
    written = []
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(outdir)  # left by a build that was killed while writing
        for fmt in formats:
            name, writer = FORMATS[fmt]
            writer(G, outdir / name)
            written.append(outdir / name)
    except OSError as exc:
        where = exc.filename or outdir
        raise OutputError(f"{where}: cannot write ({exc.strerror or exc}); outputs already there are "
                          "unchanged" + (f" except {', '.join(p.name for p in written)}" if written else "")
                          ) from None
    return written


__all__ = ["atomic_write", "graph_to_data", "write_all", "write_graphml", "write_html", "write_json", "FORMATS"]
