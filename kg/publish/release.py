"""``kg build``: run the pipeline over articles and publish the dataset into ``out/``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BuildResult", "build_and_publish", "network_files", "ontology_files"]


@dataclass
class BuildResult:
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
    from kg.resources import VOCABULARY_FILES, ontology_path

    return {name: ontology_path(name).read_bytes() for name in VOCABULARY_FILES}


def network_files(quads) -> dict[str, bytes]:
    """The graph as a network (GraphML, for Gephi, Cytoscape, igraph and networkx) and the responsibility view
    as Graphviz DOT (drawn by `dot`; no Graphviz is needed to write it)."""
    from kg.formats import NetworkFormat
    from kg.graph.draw import to_dot
    from kg.graph.network import network, responsibility_view, serialize_network

    return {
        "network.graphml": serialize_network(network(quads), NetworkFormat.GRAPHML),
        "responsibility.dot": to_dot(responsibility_view(quads)).encode("utf-8"),
    }


def build_and_publish(
    paths: list[Path],
    out_dir: Path,
    encoding: str | None = None,
    *,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    progress=None,
) -> BuildResult:
    """Build every article (folders searched), validate, then publish what built.

    An article that cannot be read, cannot be built, or whose graph breaks the core shapes is a failure of that
    file alone: it is listed in ``BuildResult.failures`` and the others are published. If none builds, nothing is
    written.

    Raises
    ------
    NothingBuilt
        No article built; it lists each file's error.
    NonConformant
        Articles together break a shape that spans graphs; nothing is written.
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
