"""SPARQL over the graph: in memory, in the embedded store, or at a remote endpoint.

Local queries know the prefixes of the published files. Local stores hold the store layout
(:mod:`kg.store.layout`: each article in its named graph, each vocabulary
file in its own) and queries see the union of all graphs as their default graph, so a query reaches the
labels of lexicon concepts and ontology classes without ``GRAPH``; ``GRAPH ?g`` still names the article.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, ParseError, QueryError
from kg.namespaces import PREFIXES
from kg.resources import VOCABULARY_FILES, queries_dir
from kg.store.layout import store_layout

__all__ = [
    "EndpointTarget",
    "LocalTarget",
    "answer",
    "labeler",
    "open_store",
    "open_target",
    "python_value",
    "query_text",
    "run_query",
    "shipped_queries",
    "shipped_query",
]


def open_store(quads, vocabulary=VOCABULARY_FILES) -> ox.Store:
    """An in-memory store holding ``quads`` and the ``vocabulary`` files, laid out as in the embedded store."""
    store = ox.Store()
    for graph_quads in store_layout(quads, vocabulary=vocabulary).values():
        store.extend(graph_quads)
    return store


@dataclass
class LocalTarget:
    """A pyoxigraph store (in memory, or the embedded store opened for reading). Queries may use the prefixes of
    the published files (``fp:``, ``lex:``, ``kgid:``, ``org:``, ``skos:``, ``rdfs:`` …) without declaring them."""

    store: ox.Store

    def run(self, text: str, origin: str = "query"):
        """``ox.QuerySolutions``, ``ox.QueryBoolean``, or a list of ``ox.Triple`` for CONSTRUCT and DESCRIBE.

        Raises
        ------
        ParseError
            The query does not parse; the error names line and column.
        """
        try:
            result = self.store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as e:
            raise _syntax_error(origin, str(e)) from None
        except OSError as e:
            raise QueryError(f"{origin}: {e}") from None
        return list(result) if isinstance(result, ox.QueryTriples) else result


@dataclass
class EndpointTarget:
    """A SPARQL 1.1 Protocol endpoint (``…/query`` of Oxigraph, ``…/sparql`` of Virtuoso, ``…/ds/sparql`` of Fuseki)."""

    url: str
    retries: int = 4

    def run(self, text: str, origin: str = "query"):
        from kg.store.remote import query_endpoint

        return query_endpoint(self.url, text, retries=self.retries)


@contextmanager
def open_target(
    *,
    data=None,
    store_dir: Path | None = None,
    endpoint: str | None = None,
    encoding: str | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> Iterator[LocalTarget | EndpointTarget]:
    """What a query runs over: a SPARQL endpoint, the embedded store at ``store_dir`` (held for reading while the
    block runs), or ``data``: RDF files and articles (default: the bundled article) in an in-memory store.

    Raises
    ------
    StoreError
        There is no store at ``store_dir``, or another program holds it.
    InputError, ParseError
        An input file cannot be read or built.
    """
    if endpoint:
        yield EndpointTarget(endpoint)
    elif store_dir is not None:
        from kg.store.embedded import reading

        with reading(store_dir, progress=progress) as store:
            yield LocalTarget(store)
    else:
        from kg.corpus import read_inputs
        from kg.resources import bundled_article

        yield LocalTarget(open_store(read_inputs(data or [bundled_article()], encoding)))


def answer(
    target: LocalTarget | EndpointTarget, text: str, origin: str = "query", fmt: str = "table", lang: str = "zh-Hant"
) -> bytes:
    """Run a query over ``target`` and render its answer in ``fmt`` (labels in ``lang`` beside IRIs in a table).

    Raises
    ------
    ParseError, QueryError, EndpointError
        The query does not parse, cannot run, or the endpoint failed; the format does not hold the answer.

    Examples
    --------
    >>> print(answer(LocalTarget(open_store([])), "ASK { ?s ?p ?o }", fmt="json").decode())
    {"head":{},"boolean":true}
    """
    from kg.store.results import render

    return render(target.run(text, origin), fmt, labeler(target, lang))


def labeler(target, lang: str, chunk: int = 400):
    """A function from IRIs to their display names in ``lang``, looked up through ``target`` in batches."""
    from kg.store.results import best_name, label_query

    def labels(iris: list[str]) -> dict[str, str]:
        names: dict[str, list] = {}
        for i in range(0, len(iris), chunk):
            for row in target.run(label_query(iris[i : i + chunk]), "label lookup"):
                names.setdefault(row["s"].value, []).append((row["name"], row["kind"].value))
        return {iri: name for iri, found in names.items() if (name := best_name(found, lang))}

    return labels


def _syntax_error(origin: str, message: str) -> ParseError:
    """pyoxigraph's ``error at 3:12: expected …`` as a ParseError with line and column."""
    message = " ".join(message.split())
    match = re.match(r"error at (\d+):(\d+): (.*)", message)
    line, column, words = (int(match.group(1)), int(match.group(2)), match.group(3)) if match else (None, None, message)
    if len(words) > 160:
        words = words[:160].rsplit(" ", 1)[0] + " …"
    return ParseError(origin, f"SPARQL syntax error: {words}", line, column)


def shipped_queries() -> dict[str, Path]:
    """The competency-question queries that ship with the package, by name (``cq01`` …)."""
    return {p.stem: p for p in sorted(queries_dir().glob("*.rq"))}


def shipped_query(name: str) -> str:
    """The text of a shipped query.

    Raises
    ------
    QueryError
        No shipped query has that name.
    """
    queries = shipped_queries()
    if name not in queries:
        raise QueryError(f"no shipped query named {name!r} (known: {', '.join(queries)})")
    return queries[name].read_text(encoding="utf-8")


def query_text(argument: str) -> tuple[str, str]:
    """(text, origin) of a query given as ``-`` (standard input), a shipped query's name, a file, or the text.

    >>> query_text("cq12")[1]
    'cq12.rq'
    >>> query_text("ASK { ?s ?p ?o }")
    ('ASK { ?s ?p ?o }', 'query')

    Raises
    ------
    InputError
        The argument names a query file (``.rq``, ``.sparql``) that does not exist or is not UTF-8.
    """
    if argument == "-":
        return sys.stdin.read(), "<stdin>"
    if argument in shipped_queries():
        return shipped_query(argument), f"{argument}.rq"
    path = Path(argument)
    looks_like_file = "\n" not in argument and len(argument) < 4096
    if looks_like_file and path.suffix.lower() in (".rq", ".sparql") and not path.is_file():
        raise InputError(path, "no such query file")
    if looks_like_file and path.is_file():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except UnicodeDecodeError:
            raise InputError(path, "not a UTF-8 text file") from None
    return argument, "query"


def run_query(store: ox.Store, text: str, source: str = "<query>"):
    """Run SPARQL over a local store; rows as dicts of plain Python values (str, int, float, bool), a bool for ASK,
    (s, p, o) tuples for CONSTRUCT.

    Raises
    ------
    ParseError
        The query does not parse (message carries line and column).
    """
    result = LocalTarget(store).run(text, source)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, list):
        return [tuple(_py(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in result]
    names = [v.value for v in result.variables]
    return [{n: _py(row[n]) for n in names} for row in result]


def _py(term):
    return None if term is None else python_value(term) if isinstance(term, ox.Literal) else term.value


def python_value(literal: ox.Literal):
    """A literal as Python: xsd integers as int, decimals and doubles as float, booleans as bool, else the text.

    >>> python_value(ox.Literal("25", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    25
    """
    dt = literal.datatype.value.rsplit("#", 1)[-1]
    if dt in ("integer", "nonNegativeInteger", "int", "long"):
        return int(literal.value)
    if dt in ("decimal", "double", "float"):
        return float(literal.value)
    if dt == "boolean":
        return literal.value == "true"
    return literal.value
