"""Rendering the graph: RDF formats and their deterministic serialisation.

Serialisation goes through pyoxigraph over quads sorted by their N-Quads form, so the
same graph always gives the same bytes, whatever ``PYTHONHASHSEED`` is.
"""

from __future__ import annotations

import enum

import pyoxigraph as ox

from kg.namespaces import PREFIXES

__all__ = ["RdfFormat", "serialize", "sorted_lines", "sorted_quads"]


class RdfFormat(enum.Enum):
    """Output formats; the first is the default. Values are the ``--format`` names."""

    TURTLE = "ttl"
    N_TRIPLES = "nt"
    N_QUADS = "nq"
    TRIG = "trig"
    JSON_LD = "jsonld"
    RDF_XML = "xml"

    @property
    def ox(self) -> ox.RdfFormat:
        return {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
                "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}[self.value]

    @property
    def file_extension(self) -> str:
        return {"xml": "rdf"}.get(self.value, self.value)

    @property
    def media_type(self) -> str:
        return self.ox.media_type

    @property
    def is_dataset(self) -> bool:
        return self in (RdfFormat.N_QUADS, RdfFormat.TRIG)

    @classmethod
    def from_extension(cls, ext: str) -> "RdfFormat":
        ext = ext.lower().lstrip(".")
        for f in cls:
            if ext in (f.value, f.file_extension) or (f is RdfFormat.TURTLE and ext == "turtle"):
                return f
        raise ValueError(f"unknown RDF file extension: .{ext}")


def sorted_quads(quads) -> list[ox.Quad]:
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def serialize(quads, fmt: RdfFormat = RdfFormat.TURTLE) -> bytes:
    """Serialise quads; triple formats drop graph names (and duplicates across graphs).

    >>> q = ox.Quad(ox.NamedNode("https://w3id.org/fupin-kg/id/x"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("廣安市", language="zh-Hant"))
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
