"""Deprecated name of :mod:`graphx.records` (the one home of record types)."""

from .records import *  # noqa: F401,F403
from .records import EVIDENCE_FIELDS, OPTIONAL_FIELDS, evidence_from_dict, evidence_to_dict  # noqa: F401
