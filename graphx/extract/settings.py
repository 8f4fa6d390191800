"""What a build's extraction is made of: the alias table, the lexicon and the spaCy pipeline."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..actors import AliasTable
from ..lexicon import Lexicon

# The package's code is part of the cache fingerprint, so a developer editing a rule never
# reads stale results; modules that only read or write finished graphs are left out.
_NOT_EXTRACTION = ("cli.py", "query.py", "evaluate.py", "cache.py", "parallel.py", "graph.py", "validate.py",
                   "_dask.py")


@dataclass(frozen=True)
class Settings:
    """What a pipeline is made of; picklable, so workers can build the same one.

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> from graphx.lexicon import load_lexicon
    >>> s = Settings(load_aliases(), load_lexicon())
    >>> len(s.fingerprint)
    32
    """

    table: AliasTable = field(repr=False)
    lexicon: Lexicon = field(repr=False)
    model: str | None = None

    @cached_property
    def index(self):
        """The alias table compiled once for this build (:class:`~graphx.extract.index.ActorIndex`)."""
        from .index import ActorIndex

        return ActorIndex(self.table, self.lexicon.settings_kinds, self.lexicon.english.groups.get("own", ()))

    @cached_property
    def fingerprint(self) -> str:
        """Hash of everything but the text that decides a document's result."""
        from importlib.metadata import version

        from .. import __version__

        code = hashlib.sha256()
        here = Path(__file__).resolve().parent.parent
        # every module that extracts, sub-packages included (graphx/arabic), not the exporters
        sources = [p for p in here.rglob("*.py") if p.parent.name != "export" and p.name not in _NOT_EXTRACTION]
        for p in sorted(sources) + sorted((here / "data").rglob("*.toml")):  # data/lang/ included
            code.update(p.relative_to(here).as_posix().encode() + b"\0" + p.read_bytes())
        parts = {
            "graphx": __version__, "code": code.hexdigest()[:16], "spacy": version("spacy"),  # not `import spacy`: a warm build never loads it
            "model": _model_version(self.model), "aliases": self.table.version,
            "lexicon": self.lexicon.version,
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def _model_version(model: str | None) -> str:
    if not model:
        return "blank:en"
    meta = Path(model).expanduser() / "meta.json"
    if meta.is_file():  # a saved pipeline: its meta plus when its weights last changed
        newest = max((p.stat().st_mtime_ns for p in meta.parent.rglob("*") if p.is_file()), default=0)
        return f"{model}:{hashlib.sha256(meta.read_bytes()).hexdigest()[:16]}:{newest}"
    try:
        from importlib.metadata import version

        return f"{model}=={version(model)}"
    except Exception:
        return model
