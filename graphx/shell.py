"""``graphx shell``: an interactive Python session with a graph and the query helpers loaded.

IPython is used when it is installed and the input is a terminal; otherwise
(or with ``plain=True``) the standard library's console, which also reads
commands piped on standard input (then without prompts; the banner goes to stderr).
"""

from __future__ import annotations

import code
import sys

HELPERS = ("actor", "evidence", "explain", "load", "neighbors", "paths", "relation_types")


def namespace(G, path=None) -> dict:
    """The names the session starts with: ``G``, the helpers, ``graphx``, ``nx`` and ``graph_path``.

    >>> from graphx.graph import build_graph
    >>> ns = namespace(build_graph([], []))
    >>> sorted(k for k in ns if not k.startswith("_"))
    ['G', 'actor', 'evidence', 'explain', 'graph_path', 'graphx', 'load', 'neighbors', 'nx', 'paths', 'relation_types']
    """
    import networkx as nx

    import graphx
    from . import query

    ns = {name: getattr(query, name) for name in HELPERS}
    ns.update(G=G, graphx=graphx, nx=nx, graph_path=str(path) if path else None)
    return ns


def banner(G, path=None) -> str:
    """The text shown when the session starts.

    >>> from graphx.graph import build_graph
    >>> banner(build_graph([], []), "g.json").splitlines()[0]
    'graphx shell: G is the graph from g.json (0 actors, 0 edges).'
    """
    where = f" from {path}" if path else ""
    return (f"graphx shell: G is the graph{where} ({G.number_of_nodes()} actors, {G.number_of_edges()} edges).\n"
            f"Loaded: {', '.join(HELPERS)}, graphx, nx (networkx).\n"
            "Try:   print(explain(paths(G, 'Assad', 'Erdogan')[0], G))\n"
            "       evidence(G, 'Putin', 'Assad')[0].text\n"
            "       neighbors(G, 'Assad', types='contacted', direction='out')")


class _Console(code.InteractiveConsole):
    """The standard console, remembering whether any command failed (for piped input)."""

    failed = False

    def showtraceback(self):
        self.failed = True
        super().showtraceback()

    def showsyntaxerror(self, filename=None, **kwargs):
        self.failed = True
        super().showsyntaxerror(filename, **kwargs)


def start(G, path=None, *, plain: bool = False) -> bool:
    """Run the session until the user leaves it (Ctrl-D, ``exit()``) or the input ends.

    Returns False when commands were piped in and one of them raised (a script that
    fails must not look like one that worked), True otherwise.
    """
    ns = namespace(G, path)
    if not plain and sys.stdin.isatty():
        try:
            import IPython
            from traitlets.config import Config
        except ImportError:
            pass
        else:
            cfg = Config()
            cfg.TerminalInteractiveShell.banner2 = banner(G, path) + "\n"
            IPython.start_ipython(argv=[], user_ns=ns, config=cfg)
            return True
    console = _Console(ns)
    if sys.stdin.isatty():
        try:
            import readline  # noqa: F401  (line editing and history in the standard console)
        except ImportError:
            pass
    else:
        # Piped commands: no prompts on stdout, so the output is only what the commands print.
        console.raw_input = lambda prompt="": input()
    console.interact(banner=banner(G, path), exitmsg="")
    if console.buffer and not sys.stdin.isatty():  # the input ended inside an unfinished statement
        console.write("SyntaxError: the input ended inside an unfinished statement: "
                      + " ".join(line.strip() for line in console.buffer)[:80] + "\n")
        console.failed = True
    return sys.stdin.isatty() or not console.failed
