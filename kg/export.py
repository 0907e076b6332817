"""Stage 5, export: RDF formats, deterministic serialisation and the published dataset in ``out/``.

Serialisation goes through pyoxigraph over quads sorted by their N-Quads form, so the
same graph always gives the same bytes, whatever ``PYTHONHASHSEED`` is.
"""

from __future__ import annotations

import enum
import hashlib
import io
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import DCAT, DCT, PREFIXES, RDF, VOID, XSD

__all__ = ["RdfFormat", "Chunks", "serialize", "write_atomic", "publish", "sorted_quads", "sorted_lines", "vocabulary_nquads"]


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


class Chunks:
    """Bytes kept as their parts (one per article): written, hashed and read part by part, never joined, so a
    corpus's N-Quads are not copied into one more buffer of their whole size.

    >>> c = Chunks([b"<a> <p> <o> .\\n", b"", b"<b> <p> <o> .\\n"])
    >>> len(c), c.reader().read() == b"".join(c.parts)
    (28, True)
    """

    def __init__(self, parts):
        self.parts = [p for p in parts if p]

    def __len__(self) -> int:
        return sum(map(len, self.parts))

    def sha256(self) -> str:
        h = hashlib.sha256()
        for part in self.parts:
            h.update(part)
        return h.hexdigest()

    def reader(self) -> io.BufferedReader:
        parts = iter(self.parts)

        class _Stream(io.RawIOBase):
            rest = b""

            def readable(self):
                return True

            def readinto(self, buffer):
                while not self.rest:
                    self.rest = next(parts, None)
                    if self.rest is None:
                        self.rest = b""
                        return 0
                n = min(len(buffer), len(self.rest))
                buffer[:n], self.rest = self.rest[:n], self.rest[n:]
                return n

        return io.BufferedReader(_Stream(), buffer_size=1 << 20)


def write_atomic(path: Path, data) -> None:
    """Replace ``path`` with ``data`` (bytes or :class:`Chunks`) in one step: readers see the old file or the new
    one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for part in data.parts if isinstance(data, Chunks) else [data]:
                f.write(part)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def sorted_lines(data: bytes) -> bytes:
    """N-Triples or N-Quads lines in byte order, each once: a canonical order that costs one sort of byte strings.

    >>> sorted_lines(b"<b> <p> <o> .\\n<a> <p> <o> .\\n<b> <p> <o> .\\n")
    b'<a> <p> <o> .\\n<b> <p> <o> .\\n'
    """
    return b"".join(sorted(set(data.splitlines(keepends=True))))


def vocabulary_nquads(names) -> bytes:
    """The vocabulary files as N-Quads, each in the graph its ``owl:Ontology`` names, in the order given.

    Blank nodes (OWL lists) are named by the file and their order in it, so the bytes do not change between runs.
    """
    from kg.store.layout import store_layout

    out = []
    for name, quads in zip(names, store_layout([], vocabulary=names).values()):
        stem, labels = Path(name).stem, {}

        def stable(term):
            if isinstance(term, ox.BlankNode):
                return labels.setdefault(term, ox.BlankNode(f"{stem}{len(labels)}"))
            return term

        quads = [ox.Quad(stable(q.subject), q.predicate, stable(q.object), q.graph_name) for q in quads]
        out.append(sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS)))
    return b"".join(out)


def publish(blocks: list[bytes], out_dir: Path, ontology_files: dict[str, bytes], version: str, articles: list[str],
            extra_files: dict[str, bytes] | None = None) -> list[Path]:
    """Write the published dataset from the articles' N-Quads, one block per article graph.

    kg.nq and kg.trig hold the whole dataset: each article in its named graph, and the ontology, the lexicon, the
    gazetteer and the repair table each in theirs. kg.ttl, kg.nt and kg.jsonld hold the articles' facts merged into
    one graph. Then the frozen ontology, ``extra_files`` (the validation report, the merge report, the network
    files) and void.ttl. Every file is rendered first (kg.nq as its blocks, not joined), then each is replaced
    atomically.
    """
    from kg.resources import VOCABULARY_FILES

    dataset_nq = Chunks([*blocks, vocabulary_nquads(VOCABULARY_FILES)])
    data = Chunks(blocks)
    data_nt = sorted_lines(ox.serialize((q.triple for q in ox.parse(data.reader(), format=ox.RdfFormat.N_QUADS)),
                                        format=ox.RdfFormat.N_TRIPLES))
    files: dict[str, bytes | Chunks] = {}

    def reserialize(source, fmt: RdfFormat, target: RdfFormat) -> bytes:
        return ox.serialize(ox.parse(source, format=fmt.ox), format=target.ox, prefixes=PREFIXES)

    files["kg.ttl"] = reserialize(data_nt, RdfFormat.N_TRIPLES, RdfFormat.TURTLE)
    files["kg.nt"] = data_nt
    files["kg.nq"] = dataset_nq
    files["kg.trig"] = reserialize(dataset_nq.reader(), RdfFormat.N_QUADS, RdfFormat.TRIG)
    files["kg.jsonld"] = reserialize(data_nt, RdfFormat.N_TRIPLES, RdfFormat.JSON_LD)
    for name, content in sorted(ontology_files.items()):
        files[f"ontology/{version}/{name}"] = content
    files.update(extra_files or {})
    files["void.ttl"] = _void(files, data_nt, version, articles)
    written = []
    for name, content in files.items():
        write_atomic(Path(out_dir) / name, content)
        written.append(Path(out_dir) / name)
    return written


def _void(files: dict[str, bytes], data_nt: bytes, version: str, articles: list[str]) -> bytes:
    """A VoID and DCAT description: the dataset, its distributions, triple counts and SHA-256 checksums."""
    base = "https://w3id.org/fupin-kg/dataset"
    n = ox.NamedNode
    lit = lambda v, dt: ox.Literal(str(v), datatype=n(XSD + dt))  # noqa: E731
    ds = n(base)
    triples = list(ox.parse(data_nt, format=ox.RdfFormat.N_TRIPLES))
    out = [
        ox.Triple(ds, n(RDF + "type"), n(VOID + "Dataset")),
        ox.Triple(ds, n(RDF + "type"), n(DCAT + "Dataset")),
        ox.Triple(ds, n(DCT + "title"), ox.Literal("fupin-kg: poverty-alleviation governance knowledge graph", language="en")),
        ox.Triple(ds, n(DCT + "title"), ox.Literal("扶贫治理知识图谱", language="zh-Hans")),
        ox.Triple(ds, n(DCT + "title"), ox.Literal("扶貧治理知識圖譜", language="zh-Hant")),
        ox.Triple(ds, n(DCT + "license"), n("https://creativecommons.org/licenses/by/4.0/")),
        ox.Triple(ds, n(VOID + "triples"), lit(len(triples), "integer")),
        ox.Triple(ds, n(VOID + "entities"), lit(len({t.subject for t in triples}), "integer")),
        ox.Triple(ds, n(VOID + "vocabulary"), n("https://w3id.org/fupin-kg/ontology#")),
        ox.Triple(ds, n(DCT + "conformsTo"), n(f"https://w3id.org/fupin-kg/ontology/{version}")),
        ox.Triple(ds, n(VOID + "uriSpace"), ox.Literal("https://w3id.org/fupin-kg/id/")),
    ]
    for a in articles:
        out.append(ox.Triple(ds, n(DCT + "source"), n(a)))
    media = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads", "trig": "application/trig",
             "jsonld": "application/ld+json", "tsv": "text/tab-separated-values",
             "graphml": "application/graphml+xml", "dot": "text/vnd.graphviz"}
    for name, data in files.items():
        dist = n(f"{base}/distribution/{name.replace('/', '-')}")
        out += [
            ox.Triple(ds, n(DCAT + "distribution"), dist),
            ox.Triple(dist, n(RDF + "type"), n(DCAT + "Distribution")),
            ox.Triple(dist, n(DCAT + "downloadURL"), n(f"https://w3id.org/fupin-kg/{name}")),
            ox.Triple(dist, n(DCT + "title"), ox.Literal(name)),
            ox.Triple(dist, n(DCAT + "byteSize"), lit(len(data), "nonNegativeInteger")),
            ox.Triple(dist, n("http://spdx.org/rdf/terms#checksum"),
                      ox.Literal(data.sha256() if isinstance(data, Chunks) else hashlib.sha256(data).hexdigest())),
        ]
        ext = name.rsplit(".", 1)[-1]
        if ext in media:
            out.append(ox.Triple(dist, n(DCAT + "mediaType"), n(f"https://www.iana.org/assignments/media-types/{media[ext]}")))
        if name in ("kg.ttl", "kg.nt", "kg.jsonld"):
            out.append(ox.Triple(dist, n(VOID + "triples"), lit(len(triples), "integer")))
    out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(out, format=ox.RdfFormat.TURTLE, prefixes={**PREFIXES, "spdx": "http://spdx.org/rdf/terms#"})
