"""The formats fupin-kg reads and writes, as enums whose values are the ``--format`` names.

Modelled on pyoxigraph's ``RdfFormat``: each enum's first member is the default of its
``--format`` option. This module imports no RDF library, so the command line can build its
choices without loading one.

Examples
--------
>>> RdfFormat.from_extension(".nq"), RdfFormat.RDF_XML.file_extension
(<RdfFormat.N_QUADS: 'nq'>, 'rdf')
>>> [f.value for f in ResultFormat][:3]
['table', 'csv', 'tsv']
>>> EXPORT_FORMATS[0], EXPORT_FORMATS[-1]
('ttl', 'png')
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "EXPORT_FORMATS",
    "LANGUAGES",
    "DrawingFormat",
    "NetworkFormat",
    "NetworkView",
    "RdfFormat",
    "ReportFormat",
    "ResultFormat",
    "SummaryFormat",
]

#: Label languages, in the order a display label falls back through them.
LANGUAGES = ("zh-Hant", "zh-Hans", "en")


class RdfFormat(enum.Enum):
    """RDF serialisations; the first is the default."""

    TURTLE = "ttl"
    N_TRIPLES = "nt"
    N_QUADS = "nq"
    TRIG = "trig"
    JSON_LD = "jsonld"
    RDF_XML = "xml"

    @property
    def ox(self) -> pyoxigraph.RdfFormat:
        """The pyoxigraph format."""
        import pyoxigraph as ox

        return {
            "ttl": ox.RdfFormat.TURTLE,
            "nt": ox.RdfFormat.N_TRIPLES,
            "nq": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG,
            "jsonld": ox.RdfFormat.JSON_LD,
            "xml": ox.RdfFormat.RDF_XML,
        }[self.value]

    @property
    def file_extension(self) -> str:
        """The usual file extension (``rdf`` for RDF/XML)."""
        return {"xml": "rdf"}.get(self.value, self.value)

    @property
    def media_type(self) -> str:
        """The IANA media type (``text/turtle`` …)."""
        return self.ox.media_type

    @property
    def is_dataset(self) -> bool:
        """Whether the format keeps named graphs (N-Quads, TriG)."""
        return self in (RdfFormat.N_QUADS, RdfFormat.TRIG)

    @classmethod
    def from_extension(cls, ext: str) -> RdfFormat:
        """The format a file extension names (``.ttl``, ``turtle``, ``.rdf`` …).

        Raises
        ------
        ValueError
            No RDF format has that extension.
        """
        ext = ext.lower().lstrip(".")
        for f in cls:
            if ext in (f.value, f.file_extension) or (f is RdfFormat.TURTLE and ext == "turtle"):
                return f
        raise ValueError(f"unknown RDF file extension: .{ext}")


class NetworkFormat(enum.Enum):
    """Network serialisations (networkx, Gephi, Cytoscape, D3)."""

    GRAPHML = "graphml"
    GEXF = "gexf"
    JSON = "json"


class DrawingFormat(enum.Enum):
    """Drawings of the responsibility view (Graphviz)."""

    DOT = "dot"
    SVG = "svg"
    PNG = "png"


class NetworkView(enum.Enum):
    """What a network holds: every triple, or the responsibility view."""

    FULL = "full"
    RESPONSIBILITY = "responsibility"


class ResultFormat(enum.Enum):
    """Query answers: a readable table, the W3C SPARQL results formats, or RDF for graphs."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"
    TURTLE = "ttl"
    N_TRIPLES = "nt"


class ReportFormat(enum.Enum):
    """Validation reports: readable text, a SHACL validation report in Turtle, or JSON."""

    TEXT = "text"
    TURTLE = "ttl"
    JSON = "json"


class SummaryFormat(enum.Enum):
    """Reports for people or programs: readable text or JSON (chains, evaluation)."""

    TEXT = "text"
    JSON = "json"


#: Every ``kg export --format``: the RDF formats (the first, Turtle, is the default), then the networks and drawings.
EXPORT_FORMATS = tuple(f.value for f in (*RdfFormat, *NetworkFormat, *DrawingFormat))
