"""The one error hierarchy of fupin-kg: every error the library raises on purpose.

Each error is a :class:`KgError`, whose message is one line a user can act on, naming the
file (and the line, where there is one) at fault. The library raises them; the ``kg``
command prints each as one ``Error: …`` line and exits with a non-zero status. Any other
exception is a defect.

Examples
--------
>>> str(InputError("a.txt", "file is empty"))
'a.txt: file is empty'
>>> isinstance(NoArticleBody("a.txt", "no article body"), InputError)
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.corpus.results import Failure
    from kg.validate.report import Report

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
    """Base class of every error fupin-kg raises on purpose.

    Catch it to handle every failure the library reports, and nothing else.

    Examples
    --------
    >>> try:
    ...     raise QueryError("the query has no WHERE clause")
    ... except KgError as e:
    ...     print(f"Error: {e}")
    Error: the query has no WHERE clause
    """


class InputError(KgError):
    """An input file is missing, unreadable, empty or not text.

    Parameters
    ----------
    path
        The input, as the user named it.
    problem
        What is wrong with it, in a few words.

    Examples
    --------
    >>> e = InputError("articles/a.txt", "no such file")
    >>> str(e), e.path, e.problem
    ('articles/a.txt: no such file', 'articles/a.txt', 'no such file')

    The error survives pickling whole, as it does when a worker process of a parallel build raises it:

    >>> import pickle
    >>> str(pickle.loads(pickle.dumps(e)))
    'articles/a.txt: no such file'
    """

    def __init__(self, path: str | os.PathLike[str], problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str | os.PathLike[str], str]]:
        """Pickle as the arguments it was made with (it crosses process boundaries in parallel builds)."""
        return type(self), (self.path, self.problem)


class NoArticleBody(InputError):
    """The page holds no article body to extract facts from.

    Examples
    --------
    >>> str(NoArticleBody("page.html", "no article body"))
    'page.html: no article body'
    """


class ParseError(KgError):
    """A data file (RDF, SPARQL) could not be parsed; carries file, line and column.

    Parameters
    ----------
    path
        The file, as the user named it (or where the text came from, such as a query given inline).
    message
        What the parser found wrong.
    line, column
        Where it did, 1-based, if the parser says.

    Examples
    --------
    >>> str(ParseError("q.rq", "SPARQL syntax error: expected WHERE", 3, 12))
    'q.rq:3:12: SPARQL syntax error: expected WHERE'
    >>> str(ParseError("kg.ttl", "not valid Turtle"))
    'kg.ttl: not valid Turtle'
    """

    def __init__(self, path: str | os.PathLike[str], message: str, line: int | None = None, column: int | None = None):
        self.path, self.message, self.line, self.column = path, message, line, column
        where = f"{path}" + (f":{line}" if line is not None else "") + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str | os.PathLike[str], str, int | None, int | None]]:
        """Pickle as the arguments it was made with."""
        return type(self), (self.path, self.message, self.line, self.column)


class BuildDefect(KgError):
    """The pipeline failed on an input it should have handled: a defect to report, with the file.

    Examples
    --------
    >>> str(BuildDefect("a.txt: IndexError: list index out of range"))
    'a.txt: IndexError: list index out of range'
    """


class LexiconError(KgError):
    """The bundled lexicon or repair table is inconsistent, or lacks an entry a rule reads.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> load_lexicon().entry("no-such-entry")
    Traceback (most recent call last):
    kg.errors.LexiconError: the lexicon has no entry lex:no-such-entry, which the extractor reads
    """


class QueryError(KgError):
    """A SPARQL query failed to parse or to run.

    Examples
    --------
    >>> isinstance(QueryError("unknown function"), KgError)
    True
    """


class TermError(KgError):
    """A term names no node of the responsibility view, or several.

    Examples
    --------
    >>> str(TermError("no node is labelled 'nowhere'"))
    "no node is labelled 'nowhere'"
    """


class DrawingError(KgError):
    """Graphviz is missing or failed to draw.

    Examples
    --------
    >>> isinstance(DrawingError("Graphviz (dot) is not installed"), KgError)
    True
    """


class NonConformant(KgError):
    """The graph breaks the core shapes (sh:Violation); carries the validation report.

    Parameters
    ----------
    report
        The validation report; it holds at least one ``Violation``, the first of which the message quotes.

    Examples
    --------
    >>> from kg.validate import Report, Result
    >>> result = Result("Violation", "https://w3id.org/fupin-kg/id/x", "kgsh:S", "sh:MinCountConstraintComponent",
    ...                 label="某縣", messages={"en": "a place needs a label"})
    >>> e = NonConformant(Report([result], triples=1, graphs=1))
    >>> print(e)
    the graph does not conform to the shapes: 1 violations, e.g. 某縣: a place needs a label
    (run `kg validate` for the full report)
    >>> e.report.conforms
    False
    """

    def __init__(self, report: Report):
        self.report = report
        first = next(r for r in report.results if r.severity == "Violation")
        who = first.label or first.focus
        super().__init__(
            f"the graph does not conform to the shapes: {report.counts['Violation']} violations, "
            f"e.g. {who}: {first.message()} (run `kg validate` for the full report)"
        )


class StoreError(KgError):
    """The embedded store cannot be opened, or a load into it failed (and was rolled back).

    Examples
    --------
    >>> isinstance(StoreError("store: locked by another process"), KgError)
    True
    """


class EndpointError(KgError):
    """A remote SPARQL or Graph Store endpoint refused a request or could not be reached.

    Examples
    --------
    >>> str(EndpointError("http://localhost:7878/store: 401 Unauthorized"))
    'http://localhost:7878/store: 401 Unauthorized'
    """


class NothingBuilt(KgError):
    """No article of a build could be built; carries one :class:`~kg.corpus.Failure` per file.

    Parameters
    ----------
    failures
        Why each file did not build; the message has one line per failure.

    Examples
    --------
    >>> from pathlib import Path
    >>> from kg.corpus import Failure
    >>> failures = [Failure(Path("a.txt"), "a.txt: file is empty"), Failure(Path("b.txt"), "b.txt: no such file")]
    >>> e = NothingBuilt(failures)
    >>> print(e)
    a.txt: file is empty
    b.txt: no such file
    >>> str(NothingBuilt([]))
    'no article files given'
    """

    def __init__(self, failures: Iterable[Failure]):
        self.failures = list(failures)
        super().__init__("\n".join(str(f) for f in self.failures) or "no article files given")
