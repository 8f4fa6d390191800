"""graphx: news reports in, a cited actor graph out.

>>> import graphx
>>> G = graphx.build("seeds")                       # doctest: +SKIP
>>> graphx.paths(G, "Assad", "Erdogan")[0]          # doctest: +SKIP

Nothing is imported until first use, so ``import graphx`` and ``graphx --help`` are fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "build": ("graphx.builder", "build"),
    "BuildReport": ("graphx.builder", "BuildReport"),
    "load": ("graphx.query", "load"),
    "paths": ("graphx.query", "paths"),
    "evidence": ("graphx.query", "evidence"),
    "actor": ("graphx.query", "actor"),
    "neighbors": ("graphx.query", "neighbors"),
    "route": ("graphx.query", "route"),
    "explain": ("graphx.query", "explain"),
    "relation_types": ("graphx.query", "relation_types"),
    "independent_sources": ("graphx.graph", "independent_sources"),
    "write_all": ("graphx.export", "write_all"),
    "load_aliases": ("graphx.actors", "load_aliases"),
    "load_lexicon": ("graphx.lexicon", "load_lexicon"),
    "GraphxError": ("graphx.errors", "GraphxError"),
    "UnknownActorError": ("graphx.errors", "UnknownActorError"),
    "UnknownRelationError": ("graphx.errors", "UnknownRelationError"),
    "GraphFileError": ("graphx.errors", "GraphFileError"),
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name):
    if name in _API:
        import importlib

        module, attr = _API[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphx' has no attribute {name!r}")


def __dir__():
    return __all__
