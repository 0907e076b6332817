"""The dataset's description in VoID and DCAT: counts, distributions and their checksums.

The published ``void.ttl`` (written by :func:`kg.publish.dataset.write_dataset`) tells a
reader or a harvester what the dataset is (from the shipped ``dataset.ttl``), how many
triples and entities it has, which articles it comes from, and every file it offers, with
its media type, size and SHA-256 checksum.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from kg.namespaces import DCAT, DCT, PREFIXES, RDF, VOID, XSD
from kg.output import Chunks
from kg.resources import data_file

__all__ = ["describe_dataset"]


def describe_dataset(files: dict[str, bytes | Chunks], data_nt: bytes, version: str, articles: list[str]) -> bytes:
    r"""Describe the dataset in VoID and DCAT, as Turtle.

    The description holds the dataset as ``dataset.ttl`` describes it, its triple and
    entity counts, the ontology version it conforms to, its source articles, and one
    ``dcat:Distribution`` per file (download URL, media type, byte size, SHA-256
    checksum). Its triples are sorted, so the same files give the same bytes.

    Parameters
    ----------
    files
        The dataset's files, by path within the dataset, with their content.
    data_nt
        The articles' facts in one graph, as N-Triples (what kg.nt holds): they are counted.
    version
        The version of the package; the dataset conforms to that version of the ontology.
    articles
        The articles' IRIs, the dataset's sources.

    Returns
    -------
    bytes
        Turtle in UTF-8.

    Examples
    --------
    >>> data_nt = b'<https://example.org/s> <https://example.org/p> "o" .\n'
    >>> turtle = describe_dataset({"kg.nt": data_nt}, data_nt, "1.0", ["https://example.org/a"]).decode()
    >>> triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    >>> sorted(t.object.value for t in triples if t.predicate.value == VOID + "triples")
    ['1', '1']
    >>> [t.object.value for t in triples if t.predicate.value == DCAT + "mediaType"]
    ['https://www.iana.org/assignments/media-types/application/n-triples']
    """
    base = "https://w3id.org/fupin-kg/dataset"
    n = ox.NamedNode
    lit = lambda v, dt: ox.Literal(str(v), datatype=n(XSD + dt))
    ds = n(base)
    triples = list(ox.parse(data_nt, format=ox.RdfFormat.N_TRIPLES))
    out = [
        ox.Triple(ds, n(RDF + "type"), n(VOID + "Dataset")),
        ox.Triple(ds, n(RDF + "type"), n(DCAT + "Dataset")),
        *(
            t.triple if isinstance(t, ox.Quad) else t
            for t in ox.parse(path=data_file("ontology", "dataset.ttl"), format=ox.RdfFormat.TURTLE)
        ),
        ox.Triple(ds, n(VOID + "triples"), lit(len(triples), "integer")),
        ox.Triple(ds, n(VOID + "entities"), lit(len({t.subject for t in triples}), "integer")),
        ox.Triple(ds, n(VOID + "vocabulary"), n("https://w3id.org/fupin-kg/ontology#")),
        ox.Triple(ds, n(DCT + "conformsTo"), n(f"https://w3id.org/fupin-kg/ontology/{version}")),
        ox.Triple(ds, n(VOID + "uriSpace"), ox.Literal("https://w3id.org/fupin-kg/id/")),
    ]
    for a in articles:
        out.append(ox.Triple(ds, n(DCT + "source"), n(a)))
    media = {
        "ttl": "text/turtle",
        "nt": "application/n-triples",
        "nq": "application/n-quads",
        "trig": "application/trig",
        "jsonld": "application/ld+json",
        "tsv": "text/tab-separated-values",
        "graphml": "application/graphml+xml",
        "dot": "text/vnd.graphviz",
    }
    for name, data in files.items():
        dist = n(f"{base}/distribution/{name.replace('/', '-')}")
        out += [
            ox.Triple(ds, n(DCAT + "distribution"), dist),
            ox.Triple(dist, n(RDF + "type"), n(DCAT + "Distribution")),
            ox.Triple(dist, n(DCAT + "downloadURL"), n(f"https://w3id.org/fupin-kg/{name}")),
            ox.Triple(dist, n(DCT + "title"), ox.Literal(name)),
            ox.Triple(dist, n(DCAT + "byteSize"), lit(len(data), "nonNegativeInteger")),
            ox.Triple(
                dist,
                n("http://spdx.org/rdf/terms#checksum"),
                ox.Literal(data.sha256() if isinstance(data, Chunks) else hashlib.sha256(data).hexdigest()),
            ),
        ]
        ext = name.rsplit(".", 1)[-1]
        if ext in media:
            out.append(
                ox.Triple(dist, n(DCAT + "mediaType"), n(f"https://www.iana.org/assignments/media-types/{media[ext]}"))
            )
        if name in ("kg.ttl", "kg.nt", "kg.jsonld"):
            out.append(ox.Triple(dist, n(VOID + "triples"), lit(len(triples), "integer")))
    out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    turtle = ox.serialize(out, format=ox.RdfFormat.TURTLE, prefixes={**PREFIXES, "spdx": "http://spdx.org/rdf/terms#"})
    assert turtle is not None  # serialised to bytes, not to a file
    return turtle
