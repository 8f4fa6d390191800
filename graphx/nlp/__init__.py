"""spaCy pipelines: the English one (trained by default, offline without one) and the Arabic one."""

from .pipeline import (DEFAULT_PIPELINES, KIND_LABELS, NER_KINDS, OFFLINE_NOTE, describe_model, installed_version,
                       line_breaks, make_pipeline, resolve_model)

__all__ = ["DEFAULT_PIPELINES", "KIND_LABELS", "NER_KINDS", "OFFLINE_NOTE", "describe_model", "installed_version",
           "line_breaks", "make_pipeline", "resolve_model"]
