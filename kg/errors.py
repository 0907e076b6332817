"""The one error hierarchy of fupin-kg.

The library raises these; the CLI turns each into one ``Error: …`` line and a non-zero exit.

Examples
--------
>>> str(InputError("a.txt", "file is empty"))
'a.txt: file is empty'
>>> isinstance(NoArticleBody("a.txt", "no article body"), InputError)
True
"""

from __future__ import annotations

__all__ = [
    "BuildDefect",
    "DrawingError",
    "EndpointError",
    "InputError",
    "KgError",
    "LexiconError",
    "NoArticleBody",
    "NonConformant",
    "NothingBuilt",
    "ParseError",
    "QueryError",
    "StoreError",
    "TermError",
]


class KgError(Exception):
    """Base class of every error fupin-kg raises on purpose."""


class InputError(KgError):
    """An input file is missing, unreadable, empty or not text.

    Parameters
    ----------
    path
        The input, as the user named it.
    problem
        What is wrong with it, in a few words.
    """

    def __init__(self, path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")

    def __reduce__(self):  # crosses process boundaries (parallel builds) whole
        return type(self), (self.path, self.problem)


class NoArticleBody(InputError):
    """The page holds no article body to extract facts from."""


class ParseError(KgError):
    """A data file (RDF, SPARQL) could not be parsed; carries file, line and column.

    Examples
    --------
    >>> str(ParseError("q.rq", "SPARQL syntax error: expected WHERE", 3, 12))
    'q.rq:3:12: SPARQL syntax error: expected WHERE'
    """

    def __init__(self, path, message: str, line: int | None = None, column: int | None = None):
        self.path, self.message, self.line, self.column = path, message, line, column
        where = f"{path}" + (f":{line}" if line is not None else "") + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        return type(self), (self.path, self.message, self.line, self.column)


class BuildDefect(KgError):
    """The pipeline failed on an input it should have handled: a defect to report, with the file."""


class LexiconError(KgError):
    """The bundled lexicon or repair table is inconsistent, or lacks an entry a rule reads."""


class QueryError(KgError):
    """A SPARQL query failed to parse or to run."""


class TermError(KgError):
    """A term names no node of the responsibility view, or several."""


class DrawingError(KgError):
    """Graphviz is missing or failed to draw."""


class NonConformant(KgError):
    """The graph breaks the core shapes (sh:Violation); carries the validation report."""

    def __init__(self, report):
        self.report = report
        first = next(r for r in report.results if r.severity == "Violation")
        who = first.label or first.focus
        super().__init__(
            f"the graph does not conform to the shapes: {report.counts['Violation']} violations, "
            f"e.g. {who}: {first.message()} (run `kg validate` for the full report)"
        )


class StoreError(KgError):
    """The embedded store cannot be opened, or a load into it failed (and was rolled back)."""


class EndpointError(KgError):
    """A remote SPARQL or Graph Store endpoint refused a request or could not be reached."""


class NothingBuilt(KgError):
    """No article of a build could be built; carries one :class:`~kg.corpus.Failure` per file."""

    def __init__(self, failures):
        self.failures = list(failures)
        super().__init__("\n".join(str(f) for f in self.failures) or "no article files given")
