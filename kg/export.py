"""Rendering the graph: RDF formats and their deterministic serialisation, networks and drawings.

Serialisation goes through pyoxigraph over quads sorted by their N-Quads form, so the
same graph always gives the same bytes, whatever ``PYTHONHASHSEED`` is. ``kg export``
calls :func:`export_graph`; the published dataset (:mod:`kg.publish`) uses
:func:`sorted_lines` for its N-Triples and N-Quads files.

Examples
--------
>>> from kg.corpus import build_article
>>> from kg.resources import bundled_article
>>> quads = build_article(bundled_article()).quads()
>>> serialize(quads, RdfFormat.N_QUADS) == serialize(list(reversed(quads)), RdfFormat.N_QUADS)
True
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.formats import DrawingFormat, NetworkFormat, NetworkView, RdfFormat
from kg.namespaces import PREFIXES

__all__ = ["export_graph", "serialize", "sorted_lines", "sorted_quads"]


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Sort quads by graph name, then subject, predicate and object (each as its N-Triples string).

    Parameters
    ----------
    quads
        Any quads.

    Returns
    -------
    list of pyoxigraph.Quad
        The same quads (duplicates kept) in an order that depends only on the quads themselves.

    Examples
    --------
    >>> p, o = ox.NamedNode("urn:x:p"), ox.Literal("1")
    >>> qs = [ox.Quad(ox.NamedNode("urn:x:b"), p, o), ox.Quad(ox.NamedNode("urn:x:a"), p, o)]
    >>> [str(q.subject) for q in sorted_quads(qs)]
    ['<urn:x:a>', '<urn:x:b>']
    """
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def serialize(quads: Iterable[ox.Quad], fmt: RdfFormat = RdfFormat.TURTLE) -> bytes:
    r"""Serialise quads, always to the same bytes; triple formats drop graph names (and duplicates across graphs).

    Parameters
    ----------
    quads
        The graph's quads, in any order.
    fmt
        The RDF format. N-Quads and TriG keep each quad's graph; the others write the triples once each.
        Turtle, TriG, RDF/XML and JSON-LD bind the prefixes of :data:`kg.namespaces.PREFIXES`.

    Returns
    -------
    bytes
        The serialisation, UTF-8.

    See Also
    --------
    export_graph : Also networks and drawings, by ``--format`` name.

    Examples
    --------
    >>> label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    >>> q = ox.Quad(ox.NamedNode("https://w3id.org/fupin-kg/id/x"), label, ox.Literal("廣安市", language="zh-Hant"))
    >>> print(serialize([q]).decode().splitlines()[-1])
    kgid:x rdfs:label "廣安市"@zh-hant .

    The same triple in two named graphs:

    >>> graphs = [ox.NamedNode("https://w3id.org/fupin-kg/id/graph/a"), ox.NamedNode("https://w3id.org/fupin-kg/id/graph/b")]
    >>> twice = [ox.Quad(q.subject, q.predicate, q.object, g) for g in graphs]
    >>> serialize(twice, RdfFormat.N_QUADS).count(b"\n"), serialize(twice, RdfFormat.N_TRIPLES).count(b"\n")
    (2, 1)
    """
    ordered = sorted_quads(quads)
    items: list[ox.Quad] | list[ox.Triple]
    if fmt.is_dataset:
        items = ordered
    else:
        seen: set[ox.Triple] = set()
        triples: list[ox.Triple] = []
        for q in ordered:
            t = q.triple
            if t not in seen:
                seen.add(t)
                triples.append(t)
        triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        items = triples
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML, RdfFormat.JSON_LD) else None
    data = ox.serialize(items, format=fmt.ox, prefixes=prefixes)
    assert data is not None  # with no output file given, pyoxigraph returns the bytes
    return data


def sorted_lines(data: bytes) -> bytes:
    r"""N-Triples or N-Quads lines in byte order, each once: a canonical order that costs one sort of byte strings.

    Parameters
    ----------
    data
        N-Triples or N-Quads, one statement a line, each line ending in a newline.

    Returns
    -------
    bytes
        The distinct lines, sorted as bytes.

    Examples
    --------
    >>> sorted_lines(b"<b> <p> <o> .\n<a> <p> <o> .\n<b> <p> <o> .\n")
    b'<a> <p> <o> .\n<b> <p> <o> .\n'
    """
    return b"".join(sorted(set(data.splitlines(keepends=True))))


def export_graph(
    quads: Iterable[ox.Quad], fmt: str = "ttl", *, view: str | None = None, lang: str = "zh-Hant"
) -> bytes:
    """The graph in one of :data:`kg.formats.EXPORT_FORMATS`: an RDF serialisation, a network or a drawing.

    Parameters
    ----------
    quads
        The graph's quads.
    fmt
        An RDF format (``ttl`` …), a network format (``graphml``, ``gexf``, ``json``) or a drawing (``dot``, ``svg``,
        ``png``).
    view
        Networks: ``full`` (the default) or ``responsibility``; drawings draw the responsibility view unless ``full``.
    lang
        The label language of drawings.

    Returns
    -------
    bytes
        The file's content: UTF-8 text, or PNG.

    Raises
    ------
    DrawingError
        Graphviz is missing or failed (``svg``, ``png``).

    See Also
    --------
    serialize : The RDF formats.

    Examples
    --------
    >>> q = ox.Quad(ox.NamedNode("https://w3id.org/fupin-kg/id/x"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...             ox.Literal("某縣", language="zh-Hant"))
    >>> print(export_graph([q], "nt").decode(), end="")
    <https://w3id.org/fupin-kg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "某縣"@zh-hant .
    >>> import json
    >>> json.loads(export_graph([q], "json"))["nodes"][0]["label"]
    '某縣'
    >>> export_graph([q], "dot").decode().startswith("digraph responsibility {")
    True
    """
    if fmt in {f.value for f in RdfFormat}:
        return serialize(quads, RdfFormat(fmt))
    from kg.graph.draw import render, to_dot
    from kg.graph.network import network, responsibility_view, serialize_network

    if fmt in {f.value for f in NetworkFormat}:
        graph = responsibility_view(quads) if view == NetworkView.RESPONSIBILITY.value else network(quads)
        return serialize_network(graph, NetworkFormat(fmt))
    dot = to_dot(network(quads) if view == NetworkView.FULL.value else responsibility_view(quads), lang)
    return dot.encode("utf-8") if DrawingFormat(fmt) is DrawingFormat.DOT else render(dot, fmt)
