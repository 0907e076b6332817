"""Writing the published dataset: the articles' graphs and the vocabularies in every RDF format, the frozen
ontology, the reports, and the dataset's description (:mod:`kg.publish.void`)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.export import sorted_lines
from kg.formats import RdfFormat
from kg.namespaces import PREFIXES
from kg.output import Chunks, write_atomic
from kg.publish.void import describe_dataset

__all__ = ["vocabulary_nquads", "write_dataset"]


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


def write_dataset(
    blocks: list[bytes],
    out_dir: Path,
    ontology_files: dict[str, bytes],
    version: str,
    articles: list[str],
    extra_files: dict[str, bytes] | None = None,
) -> list[Path]:
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
    data_nt = sorted_lines(
        ox.serialize(
            (q.triple for q in ox.parse(data.reader(), format=ox.RdfFormat.N_QUADS)), format=ox.RdfFormat.N_TRIPLES
        )
    )
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
    files["void.ttl"] = describe_dataset(files, data_nt, version, articles)
    written = []
    for name, content in files.items():
        write_atomic(Path(out_dir) / name, content)
        written.append(Path(out_dir) / name)
    return written
