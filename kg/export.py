"""Rendering the graph: RDF formats and their deterministic serialisation, networks and drawings.

Serialisation goes through pyoxigraph over quads sorted by their N-Quads form, so the
same graph always gives the same bytes, whatever ``PYTHONHASHSEED`` is.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.formats import DrawingFormat, NetworkFormat, NetworkView, RdfFormat
from kg.namespaces import PREFIXES

__all__ = ["export_graph", "serialize", "sorted_lines", "sorted_quads"]


def sorted_quads(quads) -> list[ox.Quad]:
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def serialize(quads, fmt: RdfFormat = RdfFormat.TURTLE) -> bytes:
    """Serialise quads; triple formats drop graph names (and duplicates across graphs).

    >>> label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    >>> q = ox.Quad(ox.NamedNode("https://w3id.org/fupin-kg/id/x"), label, ox.Literal("廣安市", language="zh-Hant"))
    >>> print(serialize([q]).decode().splitlines()[-1])
    kgid:x rdfs:label "廣安市"@zh-hant .
    """
    quads = sorted_quads(quads)
    if fmt.is_dataset:
        items = quads
    else:
        seen, items = set(), []
        for q in quads:
            t = q.triple
            if t not in seen:
                seen.add(t)
                items.append(t)
        items.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML, RdfFormat.JSON_LD) else None
    return ox.serialize(items, format=fmt.ox, prefixes=prefixes)


def sorted_lines(data: bytes) -> bytes:
    """N-Triples or N-Quads lines in byte order, each once: a canonical order that costs one sort of byte strings.

    >>> sorted_lines(b"<b> <p> <o> .\\n<a> <p> <o> .\\n<b> <p> <o> .\\n")
    b'<a> <p> <o> .\\n<b> <p> <o> .\\n'
    """
    return b"".join(sorted(set(data.splitlines(keepends=True))))


def export_graph(quads, fmt: str = "ttl", *, view: str | None = None, lang: str = "zh-Hant") -> bytes:
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

    Raises
    ------
    DrawingError
        Graphviz is missing or failed (``svg``, ``png``).

    Examples
    --------
    >>> q = ox.Quad(ox.NamedNode("https://w3id.org/fupin-kg/id/x"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...             ox.Literal("某縣", language="zh-Hant"))
    >>> print(export_graph([q], "nt").decode(), end="")
    <https://w3id.org/fupin-kg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "某縣"@zh-hant .
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
