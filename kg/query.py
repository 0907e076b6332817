"""SPARQL over the built graph, with the ontology, lexicon and gazetteer beside it.

Queries see one default graph: the union of the article graphs and the vocabulary
files, so a query can reach labels of lexicon concepts and ontology classes.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import ParseError, QueryError
from .resources import ontology_path, queries_dir

__all__ = ["open_store", "run_query", "shipped_query", "shipped_queries", "python_value"]

VOCABULARY = ("fupin.ttl", "lexicon.ttl", "gazetteer.ttl", "repairs.ttl")


def open_store(quads, vocabulary=VOCABULARY) -> ox.Store:
    """An in-memory store holding ``quads`` and the ``vocabulary`` files, all in the default graph."""
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    for name in vocabulary:
        store.load(path=str(ontology_path(name)), format=ox.RdfFormat.TURTLE)
    return store


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


def run_query(store: ox.Store, text: str, source: str = "<query>"):
    """Run SPARQL; return rows as lists of plain Python values (str, int, float, bool), or a bool for ASK.

    Raises
    ------
    ParseError
        The query does not parse (message carries line and column).
    """
    try:
        result = store.query(text)
    except SyntaxError as e:
        raise ParseError(source, str(e)) from None
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
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
