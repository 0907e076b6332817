"""``kg build``: run the pipeline over articles, validate what they give, and publish the dataset.

:func:`build_and_publish` is what the ``kg build`` command does: build every article
(:func:`kg.corpus.build_corpus`), validate the graphs (:func:`kg.validate.validate`),
set aside the articles whose graphs break the shapes, find what the rest share
(:mod:`kg.publish.merge`), and write the dataset (:func:`kg.publish.dataset.write_dataset`)
with the validation report, the merge report and the network files. It returns a
:class:`BuildResult`, whose :meth:`~BuildResult.summary` the command prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BuildResult", "build_and_publish", "network_files", "ontology_files"]


@dataclass
class BuildResult:
    """What a build published: the articles, what their graphs hold, how they validated, the files written.

    Attributes
    ----------
    out_dir : Path
        The folder the dataset was written into.
    articles : list of tuple of (str, str, str)
        Each article published: its id, title and publication date (or ``"date unknown"``).
    triples : int
        The distinct triples of the articles' graphs.
    counts : Counter
        Instances per kind of :data:`SUMMARY_KINDS` (``"figures"``, ``"documents"`` …).
    files : list of Path
        The files written.
    validation : Counter
        Results per severity (``"Violation"``, ``"Warning"``, ``"Info"``).
    failures : list of Failure
        One per file that was not published (it did not build, or its graph broke the shapes).
    extracted : int
        How many articles were extracted in this run (the others came from the cache).
    merges : int
        How many entities more than one article mentions (see ``merges.tsv``).

    Examples
    --------
    >>> result = BuildResult(Path("out"), [("a", "標題", "2016-12-13")], 120, Counter(figures=3), [Path("out/kg.nq")])
    >>> result.summary().splitlines()[:2]
    ['a  標題  (2016-12-13)', '120 triples']
    """

    out_dir: Path
    articles: list[tuple[str, str, str]]  # (id, title, published)
    triples: int
    counts: Counter
    files: list[Path] = field(default_factory=list)
    validation: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)  # Failure, one per file that did not build
    extracted: int = 0  # articles extracted in this run (the others came from the cache)
    merges: int = 0  # entities mentioned in more than one article

    def summary(self) -> str:
        """The summary ``kg build`` prints: the articles, the triples, the counts, the validation and the files.

        Up to ten articles are listed one a line (id, title, date); more are counted.

        Examples
        --------
        >>> result = BuildResult(
        ...     Path("out"), [("a", "標題", "2016-12-13"), ("b", "標題二", "date unknown")], 120,
        ...     Counter(figures=3, places=2), [Path("out/kg.nq"), Path("out/kg.ttl")], Counter(Warning=1), merges=1)
        >>> print(result.summary())
        a  標題  (2016-12-13)
        b  標題二  (date unknown)
        120 triples
        3 figures, 0 documents, 0 funding standards, 0 assignments, 0 responsibility lists, 0 personnel actions,
        0 programmes, 2 places, 0 organisations, 0 roles
        1 entities mentioned in more than one article share one IRI (see merges.tsv)
        conforms to the shapes: 0 violations, 1 warnings, 0 info
        wrote 2 files to out/
        """
        if len(self.articles) <= 10:
            lines = [f"{aid}  {title}  ({when})" for aid, title, when in self.articles]
        else:
            lines = [
                f"{len(self.articles)} articles ({self.extracted} extracted, "
                f"{len(self.articles) - self.extracted} unchanged since the last build)"
            ]
        lines.append(f"{self.triples} triples")
        lines.append(", ".join(f"{self.counts[k]} {k}" for k in SUMMARY_KINDS))
        if len(self.articles) > 1:
            lines.append(f"{self.merges} entities mentioned in more than one article share one IRI (see merges.tsv)")
        v = self.validation
        lines.append(f"conforms to the shapes: {v['Violation']} violations, {v['Warning']} warnings, {v['Info']} info")
        lines.append(f"wrote {len(self.files)} files to {self.out_dir}/")
        return "\n".join(lines)


#: What the summary counts: instances of these classes or their subclasses, as the ontology says.
SUMMARY_KINDS = {
    "figures": ["fp:Figure"],
    "documents": ["fp:PolicyDocument"],
    "funding standards": ["fp:FundingStandard"],
    "assignments": ["fp:Assignment"],
    "responsibility lists": ["fp:ResponsibilityList"],
    "personnel actions": ["fp:PersonnelAction"],
    "programmes": ["fp:Programme"],
    "places": ["fp:AdministrativeDivision"],
    "organisations": ["org:Organization", "org:FormalOrganization", "org:OrganizationalUnit"],
    "roles": ["org:Role"],
}


def ontology_files() -> dict[str, bytes]:
    """Return the shipped vocabulary files (ontology, lexicon, gazetteer, repairs) by name, to be frozen in the dataset.

    Returns
    -------
    dict of str to bytes
        Each file of :data:`kg.resources.VOCABULARY_FILES`, as shipped.

    Examples
    --------
    >>> from kg.resources import VOCABULARY_FILES
    >>> files = ontology_files()
    >>> tuple(files) == VOCABULARY_FILES, files["fupin.ttl"][:1]
    (True, b'@')
    """
    from kg.resources import VOCABULARY_FILES, ontology_path

    return {name: ontology_path(name).read_bytes() for name in VOCABULARY_FILES}


def network_files(quads) -> dict[str, bytes]:
    """Render the graph as a network (GraphML) and its responsibility view as Graphviz DOT.

    GraphML opens in Gephi, Cytoscape, igraph and networkx; the DOT file is drawn by
    ``dot`` (no Graphviz is needed to write it).

    Parameters
    ----------
    quads
        The built quads (pyoxigraph quads).

    Returns
    -------
    dict of str to bytes
        ``network.graphml`` and ``responsibility.dot``, by file name.

    See Also
    --------
    kg.graph.network.network, kg.graph.network.responsibility_view

    Examples
    --------
    >>> from kg.corpus import read_inputs
    >>> from kg.resources import bundled_article
    >>> files = network_files(read_inputs([bundled_article()]))
    >>> sorted(files), files["responsibility.dot"].split(b" ")[0]
    (['network.graphml', 'responsibility.dot'], b'digraph')
    """
    from kg.formats import NetworkFormat
    from kg.graph.draw import to_dot
    from kg.graph.network import network, responsibility_view, serialize_network

    return {
        "network.graphml": serialize_network(network(quads), NetworkFormat.GRAPHML),
        "responsibility.dot": to_dot(responsibility_view(quads)).encode("utf-8"),
    }


def build_and_publish(
    paths: Iterable[Path | str],
    out_dir: Path | str,
    encoding: str | None = None,
    *,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Build every article (folders searched), validate, then publish what built.

    An article that cannot be read, cannot be built, or whose graph breaks the core shapes is a failure of that
    file alone: it is listed in ``BuildResult.failures`` and the others are published. If none builds, nothing is
    written.

    Parameters
    ----------
    paths
        Article files and folders (see :func:`kg.corpus.find_articles`).
    out_dir
        The folder to publish into; made if missing. The files of the dataset are replaced
        one by one, each atomically.
    encoding
        Force this input encoding.
    jobs
        Processes to build and validate in (``None``: the CPU count).
    cache_dir
        Where built articles are kept between runs (:class:`kg.corpus.ArticleCache`);
        ``None`` builds every article afresh.
    progress
        Called with (articles done, articles in all) as articles finish building.

    Returns
    -------
    BuildResult
        What was published, and the files that were not.

    Raises
    ------
    NothingBuilt
        No article built; it lists each file's error.
    NonConformant
        Articles together break a shape that spans graphs, or every article breaks the
        shapes; nothing is written.
    InputError
        A folder holds no article files.

    Examples
    --------
    >>> import tempfile
    >>> from kg.resources import bundled_article
    >>> out = Path(tempfile.mkdtemp())
    >>> result = build_and_publish([bundled_article(), out / "missing.txt"], out, jobs=1)
    >>> result.summary().splitlines()[0]
    '000_bdc2813b06239aaa  “四張藍圖”全力助推脫貧攻堅  (2016-12-13T10:07:00+08:00)'
    >>> [str(f).replace(str(out), "out") for f in result.failures]
    ['out/missing.txt: no such file']
    >>> sorted(p.name for p in out.iterdir())  # the dataset, the reports, the network files, the frozen ontology
    ['kg.jsonld', 'kg.nq', 'kg.nt', 'kg.trig', 'kg.ttl', 'merges.tsv', 'network.graphml', 'ontology',
     'responsibility.dot', 'validation-report.ttl', 'void.ttl']
    """
    from kg import __version__
    from kg.build import article_iri, graph_iri
    from kg.corpus import Failure, build_corpus
    from kg.errors import NonConformant, NothingBuilt
    from kg.publish.dataset import write_dataset
    from kg.publish.merge import find_merges, merges_tsv
    from kg.validate import validate

    corpus = build_corpus(paths, jobs=jobs, encoding=encoding, cache_dir=cache_dir, progress=progress)
    if not corpus.articles:
        raise NothingBuilt(corpus.failures)
    quads = corpus.quads()
    report = validate(quads, jobs=jobs)
    broken = {r.graph for r in report.results if r.severity == "Violation"}
    if None in broken or "" in broken:
        raise NonConformant(report)
    if broken:
        for a in [a for a in corpus.articles if graph_iri(a.article_id) in broken]:
            first = next(r for r in report.results if r.graph == graph_iri(a.article_id) and r.severity == "Violation")
            corpus.failures.append(
                Failure(
                    a.path,
                    f"{a.path}: its graph breaks the shapes ({first.label or first.focus}: "
                    f"{first.message()}); run `kg validate {a.path}` for the report",
                )
            )
        corpus.articles = [a for a in corpus.articles if graph_iri(a.article_id) not in broken]
        if not corpus.articles:
            raise NonConformant(report)
        quads = corpus.quads()
        report = validate(quads, jobs=jobs)
    merges = find_merges(quads)
    files = write_dataset(
        [a.nquads for a in corpus.articles],
        out_dir,
        ontology_files(),
        __version__,
        [article_iri(a.article_id) for a in corpus.articles],
        {"validation-report.ttl": report.to_turtle(), "merges.tsv": merges_tsv(merges), **network_files(quads)},
    )
    infos = [(a.article_id, a.title, a.published) for a in corpus.articles]
    return BuildResult(
        Path(out_dir),
        infos,
        len({q.triple for q in quads}),
        _counts(quads),
        files,
        report.counts,
        corpus.failures,
        corpus.extracted,
        len(merges),
    )


def _counts(quads) -> Counter:
    """Instances per summary kind, by the ontology's subclass closure (roles: those the article mentions, and posts)."""
    from kg.namespaces import PREFIXES
    from kg.store.query import open_store, run_query

    values = " ".join(f'({c} "{kind}")' for kind, classes in SUMMARY_KINDS.items() for c in classes)
    prefix = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    rows = run_query(
        open_store(quads, ("fupin.ttl", "lexicon.ttl")),
        prefix
        + f"""
        SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE {{
          VALUES (?top ?kind) {{ {values} }}
          {{ ?s a ?c . ?c rdfs:subClassOf* ?top . FILTER(?top != org:Role) }}
          UNION {{ ?s a org:Role ; fp:mentionedAt ?m . BIND(org:Role AS ?top) }}
          UNION {{ ?s a org:Post . FILTER NOT EXISTS {{ ?s prov:wasDerivedFrom ?d }} BIND(org:Role AS ?top) }}
        }} GROUP BY ?kind""",
    )
    return Counter({r["kind"]: r["n"] for r in rows})
