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
    """RDF serialisations; the first, Turtle, is the default.

    Each member's value is its ``--format`` name; the properties give what pyoxigraph and HTTP
    call it.

    Examples
    --------
    >>> RdfFormat("jsonld"), RdfFormat.TURTLE.media_type
    (<RdfFormat.JSON_LD: 'jsonld'>, 'text/turtle')
    >>> [f.value for f in RdfFormat if f.is_dataset]
    ['nq', 'trig']
    """

    TURTLE = "ttl"
    N_TRIPLES = "nt"
    N_QUADS = "nq"
    TRIG = "trig"
    JSON_LD = "jsonld"
    RDF_XML = "xml"

    @property
    def ox(self) -> pyoxigraph.RdfFormat:
        """The pyoxigraph format (imports pyoxigraph)."""
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

        Parameters
        ----------
        ext
            The extension, with or without its dot, in any case.

        Returns
        -------
        RdfFormat
            The format whose value or usual extension it is (``turtle`` also names Turtle).

        Raises
        ------
        ValueError
            No RDF format has that extension.

        Examples
        --------
        >>> RdfFormat.from_extension(".TTL"), RdfFormat.from_extension("rdf")
        (<RdfFormat.TURTLE: 'ttl'>, <RdfFormat.RDF_XML: 'xml'>)
        >>> RdfFormat.from_extension(".csv")
        Traceback (most recent call last):
        ValueError: unknown RDF file extension: .csv
        """
        ext = ext.lower().lstrip(".")
        for f in cls:
            if ext in (f.value, f.file_extension) or (f is RdfFormat.TURTLE and ext == "turtle"):
                return f
        raise ValueError(f"unknown RDF file extension: .{ext}")


class NetworkFormat(enum.Enum):
    """Network serialisations (networkx, Gephi, Cytoscape, D3).

    GraphML and GEXF load in networkx (``read_graphml``, ``read_gexf``) and Gephi; ``json`` is
    networkx's node-link JSON (``node_link_graph``), which D3 reads.

    Examples
    --------
    >>> [f.value for f in NetworkFormat]
    ['graphml', 'gexf', 'json']
    """

    GRAPHML = "graphml"
    GEXF = "gexf"
    JSON = "json"


class DrawingFormat(enum.Enum):
    """Drawings of the responsibility view (Graphviz): its DOT source, or an SVG or PNG picture.

    Examples
    --------
    >>> DrawingFormat("svg"), DrawingFormat.DOT.value
    (<DrawingFormat.SVG: 'svg'>, 'dot')
    """

    DOT = "dot"
    SVG = "svg"
    PNG = "png"


class NetworkView(enum.Enum):
    """What a network holds: every triple, or only the responsibility view (the edges of responsibility chains).

    Examples
    --------
    >>> [v.value for v in NetworkView]
    ['full', 'responsibility']
    """

    FULL = "full"
    RESPONSIBILITY = "responsibility"


class ResultFormat(enum.Enum):
    """Query answers: a readable table, the W3C SPARQL results formats, or RDF for graphs.

    For a CONSTRUCT or DESCRIBE query, ``table`` and ``ttl`` give Turtle, ``nt`` N-Triples,
    ``json`` JSON-LD and ``xml`` RDF/XML.

    Examples
    --------
    >>> ResultFormat("csv"), ResultFormat.TABLE.value
    (<ResultFormat.CSV: 'csv'>, 'table')
    """

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"
    TURTLE = "ttl"
    N_TRIPLES = "nt"


class ReportFormat(enum.Enum):
    """Validation reports: readable text, a SHACL validation report in Turtle, or JSON.

    Examples
    --------
    >>> [f.value for f in ReportFormat]
    ['text', 'ttl', 'json']
    """

    TEXT = "text"
    TURTLE = "ttl"
    JSON = "json"


class SummaryFormat(enum.Enum):
    """Reports for people or programs: readable text or JSON (chains, evaluation).

    Examples
    --------
    >>> SummaryFormat("json") is SummaryFormat.JSON
    True
    """

    TEXT = "text"
    JSON = "json"


#: Every ``kg export --format``: the RDF formats (the first, Turtle, is the default), then the networks and drawings.
EXPORT_FORMATS = tuple(f.value for f in (*RdfFormat, *NetworkFormat, *DrawingFormat))
