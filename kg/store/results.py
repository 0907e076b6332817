"""Query answers as the bytes ``kg query`` prints: the W3C SPARQL 1.1 result formats, RDF for graphs, and a table.

The table puts each IRI as a CURIE with its label in the chosen language beside it, literals as their text,
and aligns columns by display width (a CJK character takes two columns). The labels are looked up by a
function the caller gives (:func:`kg.store.query.labeler` makes one), with the query :func:`label_query` writes
and the choice :func:`best_name` makes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.export import serialize
from kg.formats import RdfFormat
from kg.namespaces import curie

__all__ = ["render", "table", "label_query", "best_name", "Labels"]

#: SELECT and ASK answer in table or a W3C results format; CONSTRUCT and DESCRIBE in table (Turtle) or RDF.
_W3C = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_RDF = {
    "table": RdfFormat.TURTLE,
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "json": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
}

#: A function from a list of IRIs to their display names (IRIs without a name may be left out).
Labels = Callable[[list[str]], dict[str, str]]


def render(
    result: ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple], fmt: str = "table", labels: Labels | None = None
) -> bytes:
    r"""A query's answer in the format ``fmt``, as bytes.

    Parameters
    ----------
    result
        Solutions (SELECT), a boolean (ASK), or a list of triples (CONSTRUCT, DESCRIBE).
    fmt
        ``table``, or for solutions and booleans ``csv``, ``tsv``, ``json``, ``xml`` (the W3C SPARQL 1.1 result
        formats); for triples ``ttl``, ``nt``, ``json`` (JSON-LD), ``xml`` (RDF/XML), with ``table`` meaning
        Turtle.
    labels
        Names for the IRIs of a table (see :data:`Labels`); without it, a table shows only CURIEs.

    Returns
    -------
    bytes
        UTF-8 text.

    Raises
    ------
    QueryError
        The format does not hold this kind of result (CSV for a graph, Turtle for solutions).

    See Also
    --------
    table : the table of solutions.

    Examples
    --------
    >>> ex = "https://example.org/"
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode(ex + "a"), ox.NamedNode(ex + "p"), ox.Literal("1")))
    >>> render(store.query("SELECT ?o WHERE { ?s ?p ?o }"), "csv")
    b'o\r\n1\r\n'
    >>> render(store.query("ASK { ?s ?p ?o }"))
    b'true\n'
    >>> render(list(store.query("CONSTRUCT WHERE { ?s ?p ?o }")), "nt")
    b'<https://example.org/a> <https://example.org/p> "1" .\n'
    >>> render(list(store.query("CONSTRUCT WHERE { ?s ?p ?o }")), "csv")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: --format csv holds SELECT and ASK results; a CONSTRUCT or DESCRIBE answers with a graph:
    use table (Turtle), ttl, nt, json (JSON-LD) or xml (RDF/XML)
    """
    if isinstance(result, list):
        if fmt not in _RDF:
            raise QueryError(
                f"--format {fmt} holds SELECT and ASK results; a CONSTRUCT or DESCRIBE answers with a "
                "graph: use table (Turtle), ttl, nt, json (JSON-LD) or xml (RDF/XML)"
            )
        return serialize([ox.Quad(t.subject, t.predicate, t.object) for t in result], _RDF[fmt])
    if fmt in _W3C:
        data = result.serialize(format=_W3C[fmt])
        assert data is not None  # without an output file, serialize answers with the bytes
        return data
    if fmt != "table":
        raise QueryError(f"--format {fmt} holds a graph; SELECT and ASK answer in table, csv, tsv, json or xml")
    if isinstance(result, ox.QueryBoolean):
        return b"true\n" if bool(result) else b"false\n"
    names = [v.value for v in result.variables]
    rows = [[row[name] for name in names] for row in result]
    return table(names, rows, labels).encode("utf-8")


def table(names: list[str], rows: Sequence[Sequence[Any]], labels: Labels | None = None) -> str:
    """A plain-text table of solutions, with a row count.

    IRIs are shown as CURIEs with their name (from ``labels``) in brackets, blank nodes as ``_:id``, literals
    as their text on one line, unbound values as nothing. Columns are aligned for a terminal, where CJK
    characters take two columns.

    Parameters
    ----------
    names
        The column names (the query's variables).
    rows
        One sequence of pyoxigraph terms (or ``None``) per row, in the order of ``names``.
    labels
        Names for the IRIs (see :data:`Labels`); called once, with all IRIs of the table, sorted.

    Returns
    -------
    str
        The table, each line ending in a line break.

    Examples
    --------
    >>> iri = ox.NamedNode("https://w3id.org/fupin-kg/id/place/x")
    >>> print(table(["place", "n"], [[iri, ox.Literal("25", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))]],
    ...             lambda iris: {iris[0]: "某縣"}), end="")
    place           n
    --------------  --
    place:x (某縣)  25
    (1 row)
    """
    iris = sorted({t.value for row in rows for t in row if isinstance(t, ox.NamedNode)})
    names_of = labels(iris) if labels and iris else {}
    cells = [[_cell(t, names_of) for t in row] for row in rows]
    widths = [max([_width(n), 2] + [_width(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def label_query(iris: Iterable[str]) -> str:
    """SPARQL for what names each IRI: its labels and the text it was derived from.

    The labels are ``rdfs:label`` and ``skos:prefLabel``; the text is ``prov:wasDerivedFrom/nif:anchorOf``,
    for facts such as figures that have no label. The query selects ``?s`` (the IRI), ``?name`` and ``?kind``
    (``"label"`` or ``"text"``), which is what :func:`best_name` takes.

    Parameters
    ----------
    iris
        The IRIs to name.

    Returns
    -------
    str
        A SELECT query.

    Examples
    --------
    >>> from kg.store.query import open_store, run_query
    >>> query = label_query(["https://w3id.org/fupin-kg/lexicon/role-first-secretary"])
    >>> query.startswith("SELECT ?s ?name ?kind WHERE { VALUES ?s { <https://w3id.org/fupin-kg/lexicon/")
    True
    >>> sorted((row["name"], row["kind"]) for row in run_query(open_store([], ("lexicon.ttl",)), query))
    [('first secretary', 'label'), ('第一书记', 'label'), ('第一書記', 'label')]
    """
    values = " ".join(f"<{i}>" for i in iris)
    return (
        "SELECT ?s ?name ?kind WHERE { VALUES ?s { " + values + " } "
        "{ ?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?name "
        'BIND("label" AS ?kind) } UNION { ?s <http://www.w3.org/ns/prov#wasDerivedFrom>/'
        '<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?name BIND("text" AS ?kind) } }'
    )


def best_name(names: list[tuple[ox.Literal, str]], lang: str) -> str | None:
    """The best name among those :func:`label_query` found for one IRI.

    That is the label in ``lang``, else in the first of zh-Hant, zh-Hans, en that there is, else any label, else
    the (alphabetically first) text that states the fact, in 「」.

    Parameters
    ----------
    names
        (name, kind) pairs: kind is ``"label"`` or ``"text"``, as :func:`label_query` selects them.
    lang
        The preferred language tag (case does not matter).

    Returns
    -------
    str or None
        The name, or ``None`` if there is none.

    Examples
    --------
    >>> names = [(ox.Literal("Some county", language="en"), "label"), (ox.Literal("某縣", language="zh-Hant"), "label")]
    >>> best_name(names, "zh-Hans")
    '某縣'
    >>> best_name(names, "en")
    'Some county'
    >>> best_name([(ox.Literal("25 個貧困村"), "text")], "en")
    '「25 個貧困村」'
    >>> best_name([], "en") is None
    True
    """
    labels = {(n.language or "").lower(): n.value for n, kind in names if kind == "label"}
    for tag in (lang, "zh-Hant", "zh-Hans", "en", ""):
        if tag.lower() in labels:
            return labels[tag.lower()]
    if labels:
        return next(iter(labels.values()))
    texts = sorted(n.value for n, kind in names if kind == "text")
    return f"「{texts[0]}」" if texts else None


def _cell(term: Any, labels: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        name = curie(term.value)
        return f"{name} ({labels[term.value]})" if term.value in labels else name
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
