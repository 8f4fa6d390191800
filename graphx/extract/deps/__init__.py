"""The parse-based argument finder (the default with a trained pipeline that has a parser)."""

from .finder import DepArguments

__all__ = ["DepArguments"]
