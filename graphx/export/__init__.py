"""Exporters: JSON (node-link), GraphML and GEXF (Gephi), CSV tables, HTML (pyvis explorer), conflicts.json.

Each writes atomically: a temporary file in the target folder, flushed to
disk, then renamed over the old file, so a crash leaves the previous output.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_write, remove_stale_temps, staged
from .conflicts import conflicts_data, write_conflicts
from .discovered import discovered_toml, write_discovered
from .gexf import write_gexf
from .graphml import write_graphml
from .html import MAX_ACTORS, MAX_EDGES, write_html
from .json import graph_to_data, write_json
from .parallel import can_fork, page_in_child
from .tables import CSV_FILES, write_csv

# format -> (file name, writer(G, path)); a None name: writer(G, folder) writes several files.
FORMATS = {"json": ("graph.json", write_json), "graphml": ("graph.graphml", write_graphml),
           "html": ("graph.html", write_html), "conflicts": ("conflicts.json", write_conflicts),
           "gexf": ("graph.gexf", write_gexf), "csv": (None, write_csv),
           "discovered": ("discovered.toml", write_discovered)}


# A file name's extension -> the format written to that one file (csv writes three files: no).
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".html": "html", ".htm": "html"}


def format_of(path) -> str | None:
    """The format a file name asks for by its extension, or None.

    >>> format_of("x.GEXF"), format_of("out/graph.json"), format_of("out"), format_of("t.csv")
    ('gexf', 'json', None, None)
    """
    return SUFFIXES.get(Path(path).suffix.lower())


def write_one(G, path, fmt: str | None = None) -> Path:
    """Write the graph to the one file ``path`` in ``fmt`` (by default: from its extension).

    Raises ValueError for a format that is not one file (csv) or an unknown extension, and
    :class:`~graphx.errors.OutputError` when the file cannot be written.

    >>> import tempfile, pathlib
    >>> from graphx.graph import build_graph
    >>> p = write_one(build_graph([], []), pathlib.Path(tempfile.mkdtemp()) / "mine.gexf")
    >>> p.name, p.read_text(encoding="utf-8").count("<gexf")
    ('mine.gexf', 1)
    """
    from ..errors import OutputError

    path = Path(path)
    fmt = fmt or format_of(path)
    if fmt not in FORMATS or FORMATS[fmt][0] is None:
        raise ValueError(f"{path}: cannot tell one file's format from {path.suffix or 'no extension'!r}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path.parent)
        FORMATS[fmt][1](G, path)
    except OSError as exc:
        raise OutputError(f"{exc.filename or path}: cannot write ({exc.strerror or exc})") from None
    return path


BUILD_FORMATS = ("json", "graphml", "html", "conflicts", "discovered")


def write_all(G, outdir="output", formats=BUILD_FORMATS, *,
              page_actors: int | None = MAX_ACTORS, page_edges: int | None = MAX_EDGES,
              jobs: int = 1) -> list[Path]:
    """Write the graph in each format into ``outdir``; return the paths written.

    ``page_actors`` and ``page_edges`` cap the actors and edges the HTML page draws (the
    most connected actors and the best-attested edges first; the page says so); the
    other formats always hold the whole graph. ``discovered.toml`` is not written over
    an alias file the build read (``--aliases output/discovered.toml``). A write that
    fails raises :class:`~graphx.errors.OutputError` saying which outputs were replaced.
    ``jobs`` of 2 or more: the page is written by a process of its own while this one
    writes the other files (the same bytes; see :func:`graphx.export.parallel.page_in_child`).
    """
    from ..errors import OutputError

    outdir = Path(outdir)
    written = []
    # The page and conflicts.json show the same conflicts: found once (seconds on an archive).
    # (its rows made as each writer reads them: as dicts they held a large share of an archive's peak)
    conflicts = conflicts_data(G, lazy=True) if {"html", "conflicts"} <= set(formats) else None
    stage = child = None
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(outdir)  # left by a build that was killed while writing
        used = {_resolved(p) for p in G.graph.get("alias_files", [])}
        # all or none: a disk that fills while the set is written leaves the old set whole
        with staged() as stage:
            if jobs > 1 and "html" in formats and can_fork():
                # the page, by a process of its own while this one writes the other files
                name, writer = FORMATS["html"]
                child = page_in_child(writer, G, outdir / name, max_actors=page_actors, max_edges=page_edges,
                                      conflicts=conflicts)
            for fmt in formats:
                name, writer = FORMATS[fmt]
                if fmt == "discovered" and _resolved(outdir / name) in used:
                    continue  # the build read it: rewriting it would drop the actors it holds
                if name is None:  # several files into the folder (csv)
                    written.extend(writer(G, outdir))
                elif fmt == "html" and child is not None:
                    written.append(outdir / name)  # (being written by the child)
                elif writer is write_html:
                    writer(G, outdir / name, max_actors=page_actors, max_edges=page_edges, conflicts=conflicts)
                    written.append(outdir / name)
                elif writer is write_conflicts and conflicts is not None:
                    writer(G, outdir / name, data=conflicts)
                    written.append(outdir / name)
                else:
                    writer(G, outdir / name)
                    written.append(outdir / name)
            if child is not None:
                stage.pending.extend(child.finish())  # (raises what the page's process met)
    except OSError as exc:
        where = exc.filename or outdir
        replaced = stage.replaced if stage is not None else []
        raise OutputError(f"{where}: cannot write ({exc.strerror or exc}); outputs already there are "
                          "unchanged" + (f" except {', '.join(p.name for p in replaced)}" if replaced else "")
                          ) from None
    finally:
        if child is not None:
            child.stop()
    return written


def _resolved(path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)


__all__ = ["BUILD_FORMATS", "atomic_write", "discovered_toml", "format_of", "graph_to_data", "write_all", "write_one",
           "write_conflicts", "write_discovered", "write_csv", "write_gexf", "write_graphml", "write_html", "write_json",
           "CSV_FILES", "FORMATS"]
