"""SPARQL over the knowledge graph: in memory, in the embedded store, or at a remote endpoint (``kg query``).

A query runs over a *target*: a :class:`LocalTarget` (a pyoxigraph store, in memory or the embedded store) or
an :class:`EndpointTarget` (a server). :func:`run_query` is the short way for Python code: plain Python values.

Local queries know the prefixes of the published files. Local stores hold the store layout
(:mod:`kg.store.layout`: each article in its named graph, each vocabulary
file in its own) and queries see the union of all graphs as their default graph, so a query reaches the
labels of lexicon concepts and ontology classes without ``GRAPH``; ``GRAPH ?g`` still names the article.

Examples
--------
>>> from kg.corpus import read_inputs
>>> from kg.resources import bundled_article
>>> store = open_store(read_inputs([bundled_article()]))
>>> run_query(store, shipped_query("cq01"))[0]["article"].startswith("https://w3id.org/fupin-kg/id/article/")
True
>>> run_query(store, 'SELECT ?name WHERE { lex:role-first-secretary skos:prefLabel ?name FILTER(lang(?name) = "en") }')
[{'name': 'first secretary'}]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, ParseError, QueryError
from kg.namespaces import PREFIXES
from kg.resources import VOCABULARY_FILES, queries_dir
from kg.store.layout import store_layout
from kg.terms import python_value

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


def open_store(quads: Iterable[ox.Quad], vocabulary: Iterable[str] = VOCABULARY_FILES) -> ox.Store:
    """An in-memory store holding ``quads`` and the ``vocabulary`` files (default: all), in the store layout.

    Examples
    --------
    >>> [g.value for g in open_store([], vocabulary=("lexicon.ttl",)).named_graphs()]
    ['https://w3id.org/fupin-kg/lexicon']
    """
    store = ox.Store()
    for graph_quads in store_layout(quads, vocabulary=vocabulary).values():
        store.extend(graph_quads)
    return store


@dataclass
class LocalTarget:
    """A query target on a pyoxigraph store: one in memory, or the embedded store opened for reading.

    Queries may use the prefixes of the published files (``fp:``, ``lex:``, ``kgid:``, ``org:``, ``skos:``,
    ``rdfs:`` …) without declaring them.

    Examples
    --------
    >>> target = LocalTarget(open_store([]))
    >>> bool(target.run("ASK { ?ontology a owl:Ontology }"))
    True
    >>> target.run("SELECT ?s WHERE {", "bad.rq")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.ParseError: bad.rq:1:18: SPARQL syntax error: expected one of ...
    """

    store: ox.Store

    def run(self, text: str, origin: str = "query") -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
        """Solutions for SELECT, a boolean for ASK, a list of triples for CONSTRUCT and DESCRIBE.

        Raises
        ------
        ParseError
            The query does not parse; the error names ``origin``, line and column.
        QueryError
            The store failed while running it.
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
    """A query target on a SPARQL 1.1 Protocol endpoint (``…/query`` of Oxigraph, ``…/sparql`` of Virtuoso …).

    Making one sends nothing; each :meth:`run` sends a query, retried ``retries`` times after a 5xx answer.

    Examples
    --------
    >>> EndpointTarget("http://localhost:7878/query")
    EndpointTarget(url='http://localhost:7878/query', retries=4)
    """

    url: str
    retries: int = 4

    def run(self, text: str, origin: str = "query") -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
        """Send a query; the answer as :meth:`LocalTarget.run` gives it, or :class:`~kg.errors.EndpointError`."""
        from kg.store.remote import query_endpoint

        return query_endpoint(self.url, text, retries=self.retries)


@contextmanager
def open_target(
    *,
    data: Sequence[str | Path] | None = None,
    store_dir: Path | None = None,
    endpoint: str | None = None,
    encoding: str | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> Iterator[LocalTarget | EndpointTarget]:
    """What a query runs over, held while the ``with`` block runs: a SPARQL endpoint, the embedded store at
    ``store_dir`` (held for reading), or ``data``: RDF files and articles (default: the bundled article) in memory.

    Raises
    ------
    StoreError
        There is no store at ``store_dir``, or another program holds it.
    InputError, ParseError
        An input file cannot be read or built.

    Examples
    --------
    >>> with open_target() as target:
    ...     bool(target.run("ASK { GRAPH ?article { ?s ?p ?o } }"))
    True
    >>> with open_target(endpoint="http://localhost:7878/query") as target:
    ...     target
    EndpointTarget(url='http://localhost:7878/query', retries=4)
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

    ``fmt`` is one of :func:`kg.store.results.render`'s formats; ``origin`` names the query in error messages.

    Raises
    ------
    ParseError, QueryError, EndpointError
        The query does not parse, cannot run, or the endpoint failed; the format does not hold the answer.

    Examples
    --------
    >>> target = LocalTarget(open_store([]))
    >>> print(answer(target, "ASK { ?s ?p ?o }", fmt="json").decode())
    {"head":{},"boolean":true}
    >>> print(answer(target, "SELECT ?l WHERE { lex:role-first-secretary skos:prefLabel ?l } ORDER BY ?l").decode())
    l
    ---------------
    first secretary
    第一书记
    第一書記
    (3 rows)
    """
    from kg.store.results import render

    return render(target.run(text, origin), fmt, labeler(target, lang))


def labeler(target: LocalTarget | EndpointTarget, lang: str, chunk: int = 400) -> Callable[[list[str]], dict[str, str]]:
    """A function from IRIs to their display names in ``lang``, looked up through ``target`` in batches of ``chunk``.

    The function leaves out IRIs without a name; see :func:`kg.store.results.best_name` for which name it picks.

    Examples
    --------
    >>> names = labeler(LocalTarget(open_store([])), "en")
    >>> names(["https://w3id.org/fupin-kg/lexicon/role-first-secretary", "https://example.org/unknown"])
    {'https://w3id.org/fupin-kg/lexicon/role-first-secretary': 'first secretary'}
    """
    from kg.store.results import best_name, label_query

    def labels(iris: list[str]) -> dict[str, str]:
        names: dict[str, list] = {}
        for i in range(0, len(iris), chunk):
            solutions = target.run(label_query(iris[i : i + chunk]), "label lookup")
            assert isinstance(solutions, ox.QuerySolutions)  # the label query is a SELECT
            for row in solutions:
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
    """The queries that ship with the package (the competency questions ``cq01`` …): name → path, sorted by name.

    Examples
    --------
    >>> shipped_queries()["cq01"].name
    'cq01.rq'
    """
    return {p.stem: p for p in sorted(queries_dir().glob("*.rq"))}


def shipped_query(name: str) -> str:
    """The text of a shipped query.

    Raises
    ------
    QueryError
        No shipped query has that name.

    Examples
    --------
    >>> shipped_query("cq01").startswith("# CQ1:")
    True
    >>> shipped_query("cq0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: no shipped query named 'cq0' (known: ..., cq01, cq02, ...)
    """
    queries = shipped_queries()
    if name not in queries:
        raise QueryError(f"no shipped query named {name!r} (known: {', '.join(queries)})")
    return queries[name].read_text(encoding="utf-8")


def query_text(argument: str) -> tuple[str, str]:
    """(text, origin) of a query given as ``-`` (standard input), a shipped query's name, a file, or the text.

    Raises
    ------
    InputError
        The argument names a query file (``.rq``, ``.sparql``) that does not exist or is not UTF-8.

    Examples
    --------
    >>> query_text("cq12")[1]
    'cq12.rq'
    >>> query_text("ASK { ?s ?p ?o }")
    ('ASK { ?s ?p ?o }', 'query')
    >>> query_text("missing.rq")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: missing.rq: no such query file
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


def run_query(store: ox.Store, text: str, source: str = "<query>") -> Any:
    """Run SPARQL over a local store; rows as dicts of plain Python values (str, int, float, bool, ``None`` where
    unbound), a bool for ASK, (s, p, o) tuples for CONSTRUCT. IRIs come as strings, literals as :func:`python_value`.

    Raises
    ------
    ParseError
        The query does not parse (message carries line and column).
    QueryError
        The store failed while running it.

    Examples
    --------
    >>> store = open_store([], vocabulary=("lexicon.ttl",))
    >>> run_query(store, "ASK { lex:role-first-secretary a skos:Concept }")
    True
    >>> run_query(store, 'SELECT ?l (2 * 3 AS ?six) ?nothing WHERE { lex:role-first-secretary skos:prefLabel ?l'
    ...                  ' FILTER(lang(?l) = "en") OPTIONAL { ?l rdfs:comment ?nothing } }')
    [{'l': 'first secretary', 'six': 6, 'nothing': None}]
    """
    result = LocalTarget(store).run(text, source)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, list):
        return [tuple(_py(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in result]
    names = [v.value for v in result.variables]
    return [{n: _py(row[n]) for n in names} for row in result]


def _py(term: Any) -> Any:
    return None if term is None else python_value(term) if isinstance(term, ox.Literal) else term.value
