"""Stage 4 of the pipeline, validate: the SHACL shapes over the built graphs, and the report of what they find.

The shapes (``shapes/``, the files of :data:`SHAPES_FILES`) say what a well-formed
graph holds: every entity labelled in both scripts, every fact derived from a span of
text, closed lists of kinds, responsibility chains without cycles. A Violation makes a
graph non-conforming (``kg build`` does not publish it); Warnings and Info are reported.
Its modules:

- :mod:`kg.validate.engine` runs the shapes with pySHACL, graph by graph over processes
  (:func:`validate`), with the vocabulary context the shapes need;
- :mod:`kg.validate.context` reads the shapes and that context, and readies what pySHACL is given;
- :mod:`kg.validate.cube` checks the figures as a statistical data cube: the integrity
  constraints IC-1 to IC-21 of the W3C RDF Data Cube vocabulary, in time linear in the observations;
- :mod:`kg.validate.report` reads the results into plain values (:class:`Result`) and
  writes the :class:`Report` as text, JSON or Turtle.

Examples
--------
>>> from kg.corpus import read_inputs
>>> from kg.resources import bundled_article
>>> report = validate(read_inputs([bundled_article()]), jobs=1)
>>> report.conforms, report.text().splitlines()[0].startswith("Conforms: 0 violations")
(True, True)
"""

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
