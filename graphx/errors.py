"""The one home of graphx's exceptions.

Every error a user can cause derives from :class:`GraphxError` and carries a
message that says what went wrong, where (file and line when there is one) and
how to fix it. The CLI turns these into one-line messages; nothing else does.
"""

from __future__ import annotations


class GraphxError(Exception):
    """Base class for every error graphx raises on purpose."""


class ConfigError(GraphxError):
    """A data file (alias table, cue lexicon) is malformed.

    ``path`` and ``line`` say where; ``line`` is None when the problem has no
    single line (for instance a missing required table).
    """

    def __init__(self, path, line, problem, fix=""):
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{self.path}:{line}" if line else self.path
        msg = f"{where}: {problem}"
        if fix:
            msg += f" ({fix})"
        super().__init__(msg)


class InputError(GraphxError):
    """The documents to build from cannot be used (missing path, nothing to read)."""


class ModelError(GraphxError):
    """A trained spaCy pipeline given with ``--model`` could not be loaded."""


class OutputError(GraphxError):
    """The outputs cannot be written (folder not creatable, disk full, no permission).

    Files already in place are left as they were: each is replaced whole or not at all.
    """


class GraphFileError(GraphxError):
    """A saved graph (JSON or GraphML) cannot be read back."""


class GraphFileWarning(UserWarning):
    """A saved graph was read, but something in it had to be changed (said in the message)."""


class UnknownActorError(GraphxError, KeyError):
    """A name given to a query matches no actor in the graph.

    ``suggestions`` holds close matches (labels), best first.
    """

    def __init__(self, name, suggestions=()):
        self.name = name
        self.suggestions = list(suggestions)
        msg = f"no actor matches {name!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)

    def __str__(self):  # KeyError would otherwise repr() the message
        return self.args[0]


class UnknownRelationError(GraphxError, ValueError):
    """A relation type given to a query is not one the graph knows.

    ``suggestions`` holds close matches, ``known`` every type the graph has.
    """

    def __init__(self, name, suggestions=(), known=()):
        self.name = name
        self.suggestions = list(suggestions)
        self.known = list(known)
        msg = f"no relation type {name!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        elif self.known:
            msg += " (known: " + ", ".join(self.known) + ")"
        super().__init__(msg)
