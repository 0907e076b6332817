"""Writing the published dataset: the articles' graphs and the vocabularies in every RDF format, the frozen
ontology, the reports, and the dataset's description (:mod:`kg.publish.void`).

:func:`write_dataset` renders every file first, then replaces each atomically, so a
failed build leaves the previous dataset as it was. :func:`vocabulary_nquads` gives the
vocabulary files (ontology, lexicon, gazetteer, repairs) as N-Quads in their own graphs,
the same bytes on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.export import sorted_lines
from kg.formats import RdfFormat
from kg.namespaces import PREFIXES
from kg.output import Chunks, write_atomic
from kg.publish.void import describe_dataset

__all__ = ["vocabulary_nquads", "write_dataset"]


def _serialize(items: Iterable, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
    """``pyoxigraph.serialize`` into bytes (with no output file given, it returns them)."""
    data = ox.serialize(items, format=fmt, prefixes=prefixes)
    assert data is not None
    return data


def vocabulary_nquads(names: Sequence[str]) -> bytes:
    """Return the vocabulary files as N-Quads, each in the graph its ``owl:Ontology`` names, in the order given.

    Each file's lines are sorted. Blank nodes (OWL lists) are named by the file and their
    order in it (``fupin0``, ``fupin1`` …), so the bytes do not change between runs.

    Parameters
    ----------
    names
        Names of shipped vocabulary files (see :data:`kg.resources.VOCABULARY_FILES`).

    Returns
    -------
    bytes
        N-Quads lines in UTF-8.

    Examples
    --------
    >>> data = vocabulary_nquads(["fupin.ttl"])
    >>> quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    >>> {q.graph_name.value for q in quads}
    {'https://w3id.org/fupin-kg/ontology'}
    >>> sorted({q.subject.value for q in quads if isinstance(q.subject, ox.BlankNode)})[:2]
    ['fupin0', 'fupin1']
    >>> data == vocabulary_nquads(["fupin.ttl"])
    True
    """
    from kg.store.layout import store_layout

    out = []
    for name, quads in zip(names, store_layout([], vocabulary=names).values()):
        stem = Path(name).stem
        labels: dict[ox.BlankNode, ox.BlankNode] = {}

        def stable(term):
            if isinstance(term, ox.BlankNode):
                return labels.setdefault(term, ox.BlankNode(f"{stem}{len(labels)}"))
            return term

        quads = [ox.Quad(stable(q.subject), q.predicate, stable(q.object), q.graph_name) for q in quads]
        out.append(sorted_lines(_serialize(quads, ox.RdfFormat.N_QUADS)))
    return b"".join(out)


def write_dataset(
    blocks: list[bytes],
    out_dir: Path | str,
    ontology_files: dict[str, bytes],
    version: str,
    articles: list[str],
    extra_files: dict[str, bytes] | None = None,
) -> list[Path]:
    r"""Write the published dataset from the articles' N-Quads, one block per article graph.

    kg.nq and kg.trig hold the whole dataset: each article in its named graph, and the ontology, the lexicon, the
    gazetteer and the repair table each in theirs. kg.ttl, kg.nt and kg.jsonld hold the articles' facts merged into
    one graph. Then the frozen ontology, ``extra_files`` (the validation report, the merge report, the network
    files) and void.ttl. Every file is rendered first (kg.nq as its blocks, not joined), then each is replaced
    atomically.

    Parameters
    ----------
    blocks
        Each article's named graph, as N-Quads.
    out_dir
        The folder to write into; made if missing. Files already there that the dataset
        does not name are left alone.
    ontology_files
        The vocabulary files to freeze under ``ontology/<version>/``, by name.
    version
        The version of the package, which names the frozen ontology.
    articles
        The articles' IRIs, the dataset's sources (``dct:source``) in void.ttl.
    extra_files
        More files to write, by path within ``out_dir``, before void.ttl describes them all.

    Returns
    -------
    list of Path
        The files written, in the order above.

    Raises
    ------
    OSError
        A file cannot be written (the files written before it stay replaced).

    Examples
    --------
    >>> import tempfile
    >>> from kg.publish.release import ontology_files
    >>> out = Path(tempfile.mkdtemp())
    >>> block = b'<https://example.org/s> <https://example.org/p> "o" <https://example.org/graph/a> .\n'
    >>> written = write_dataset([block], out, ontology_files(), "1.0", ["https://example.org/a"], {"notes.txt": b"hi"})
    >>> [str(p.relative_to(out)) for p in written]
    ['kg.ttl', 'kg.nt', 'kg.nq', 'kg.trig', 'kg.jsonld', 'ontology/1.0/fupin.ttl', 'ontology/1.0/gazetteer.ttl',
     'ontology/1.0/lexicon.ttl', 'ontology/1.0/repairs.ttl', 'notes.txt', 'void.ttl']
    >>> (out / "kg.nt").read_bytes()
    b'<https://example.org/s> <https://example.org/p> "o" .\n'
    """
    from kg.resources import VOCABULARY_FILES

    dataset_nq = Chunks([*blocks, vocabulary_nquads(VOCABULARY_FILES)])
    data = Chunks(blocks)
    data_nt = sorted_lines(
        _serialize((q.triple for q in ox.parse(data.reader(), format=ox.RdfFormat.N_QUADS)), ox.RdfFormat.N_TRIPLES)
    )
    files: dict[str, bytes | Chunks] = {}

    def reserialize(source, fmt: RdfFormat, target: RdfFormat) -> bytes:
        return _serialize(ox.parse(source, format=fmt.ox), target.ox, PREFIXES)

    files["kg.ttl"] = reserialize(data_nt, RdfFormat.N_TRIPLES, RdfFormat.TURTLE)
    files["kg.nt"] = data_nt
    files["kg.nq"] = dataset_nq
    files["kg.trig"] = reserialize(dataset_nq.reader(), RdfFormat.N_QUADS, RdfFormat.TRIG)
    files["kg.jsonld"] = reserialize(data_nt, RdfFormat.N_TRIPLES, RdfFormat.JSON_LD)
    for name, ontology in sorted(ontology_files.items()):
        files[f"ontology/{version}/{name}"] = ontology
    files.update(extra_files or {})
    files["void.ttl"] = describe_dataset(files, data_nt, version, articles)
    written = []
    for name, content in files.items():
        write_atomic(Path(out_dir) / name, content)
        written.append(Path(out_dir) / name)
    return written
