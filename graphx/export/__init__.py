"""Exporters: JSON (node-link), GraphML and GEXF (Gephi), CSV tables, HTML (pyvis explorer), conflicts.json.

Each writes atomically: a temporary file in the target folder, flushed to
disk, then renamed over the old file, so a crash leaves the previous output.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_write, remove_stale_temps, staged
from .conflicts import conflicts_data, write_conflicts
from .gexf import write_gexf
from .graphml import write_graphml
from .html import MAX_ACTORS, MAX_EDGES, write_html
from .json import graph_to_data, write_json
from .tables import CSV_FILES, write_csv

# format -> (file name, writer(G, path)); a None name: writer(G, folder) writes several files.
FORMATS = {"json": ("graph.json", write_json), "graphml": ("graph.graphml", write_graphml),
           "html": ("graph.html", write_html), "conflicts": ("conflicts.json", write_conflicts),
           "gexf": ("graph.gexf", write_gexf), "csv": (None, write_csv)}


def write_all(G, outdir="output", formats=("json", "graphml", "html", "conflicts"), *,
              page_actors: int | None = MAX_ACTORS, page_edges: int | None = MAX_EDGES) -> list[Path]:
    """Write the graph in each format into ``outdir``; return the paths written.

    ``page_actors`` and ``page_edges`` cap the actors and edges the HTML page draws (the
    most connected actors and the best-attested edges first; the page says so); the
    other formats always hold the whole graph. A write that
    fails raises :class:`~graphx.errors.OutputError` saying which outputs were replaced.
    """
    from ..errors import OutputError

    outdir = Path(outdir)
    written = []
    # The page and conflicts.json show the same conflicts: found once (seconds on an archive).
    conflicts = conflicts_data(G) if {"html", "conflicts"} <= set(formats) else None
    stage = None
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(outdir)  # left by a build that was killed while writing
        # all or none: a disk that fills while the set is written leaves the old set whole
        with staged() as stage:
            for fmt in formats:
                name, writer = FORMATS[fmt]
                if name is None:  # several files into the folder (csv)
                    written.extend(writer(G, outdir))
                elif writer is write_html:
                    writer(G, outdir / name, max_actors=page_actors, max_edges=page_edges, conflicts=conflicts)
                    written.append(outdir / name)
                elif writer is write_conflicts and conflicts is not None:
                    writer(G, outdir / name, data=conflicts)
                    written.append(outdir / name)
                else:
                    writer(G, outdir / name)
                    written.append(outdir / name)
    except OSError as exc:
        where = exc.filename or outdir
        replaced = stage.replaced if stage is not None else []
        raise OutputError(f"{where}: cannot write ({exc.strerror or exc}); outputs already there are "
                          "unchanged" + (f" except {', '.join(p.name for p in replaced)}" if replaced else "")
                          ) from None
    return written


__all__ = ["atomic_write", "graph_to_data", "write_all", "write_conflicts", "write_csv", "write_gexf", "write_graphml",
           "write_html", "write_json", "CSV_FILES", "FORMATS"]
