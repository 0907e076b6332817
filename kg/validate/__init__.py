"""Stage 4, validate: the SHACL shapes over the built graphs, and the report of what they find."""

from kg.validate.engine import SHAPES_FILES, load_shapes, validate, vocabulary_context
from kg.validate.report import KGSH, SEVERITIES, SH, Report, Result

__all__ = [
    "KGSH",
    "SEVERITIES",
    "SH",
    "SHAPES_FILES",
    "Report",
    "Result",
    "load_shapes",
    "validate",
    "vocabulary_context",
]
