"""``kg build``: run the pipeline over articles and publish the dataset into ``out/``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


__all__ = ["BuildResult", "build_dataset", "ontology_files", "network_files"]



@dataclass
class BuildResult:
    out_dir: Path
    articles: list[tuple[str, str, str]]  # (id, title, published)
    triples: int
    counts: Counter
    files: list[Path] = field(default_factory=list)
    validation: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        lines = [f"{aid}  {title}  ({when})" for aid, title, when in self.articles]
        lines.append(f"{self.triples} triples")
        lines.append(", ".join(f"{self.counts[k]} {k}" for k in SUMMARY_KINDS))
        v = self.validation
        lines.append(f"conforms to the shapes: {v['Violation']} violations, {v['Warning']} warnings, {v['Info']} info")
        lines.append(f"wrote {len(self.files)} files to {self.out_dir}/")
        return "\n".join(lines)


#: What the summary counts: instances of these classes or their subclasses, as the ontology says.
SUMMARY_KINDS = {
    "figures": ["fp:Figure"], "documents": ["fp:PolicyDocument"], "funding standards": ["fp:FundingStandard"],
    "assignments": ["fp:Assignment"], "responsibility lists": ["fp:ResponsibilityList"],
    "personnel actions": ["fp:PersonnelAction"], "programmes": ["fp:Programme"], "places": ["fp:AdministrativeDivision"],
    "organisations": ["org:Organization", "org:FormalOrganization", "org:OrganizationalUnit"], "roles": ["org:Role"],
}


def ontology_files() -> dict[str, bytes]:
    from .resources import VOCABULARY_FILES, ontology_path

    return {name: ontology_path(name).read_bytes() for name in VOCABULARY_FILES}


def network_files(quads) -> dict[str, bytes]:
    """The graph as a network (GraphML, for Gephi, Cytoscape, igraph and networkx) and the responsibility view
    as Graphviz DOT (drawn by `dot`; no Graphviz is needed to write it)."""
    from .draw import to_dot
    from .network import NetworkFormat, network, responsibility_view, serialize_network

    return {"network.graphml": serialize_network(network(quads), NetworkFormat.GRAPHML),
            "responsibility.dot": to_dot(responsibility_view(quads)).encode("utf-8")}


def build_dataset(paths: list[Path], out_dir: Path, encoding: str | None = None) -> BuildResult:
    """Build every article, then publish; if any article fails, nothing is written.

    Raises
    ------
    InputError, NoArticleBody
        An input file is missing, empty, binary or holds no article.
    NonConformant
        The graph breaks the core shapes; nothing is written.
    """
    from . import __version__
    from .build import article_iri
    from .export import publish
    from .pipeline import build_article

    from .errors import NonConformant
    from .validate import validate

    quads, infos = [], []
    for p in paths:
        article, ds = build_article(Path(p), encoding)
        quads.extend(ds)
        published = article.meta.get("published")
        infos.append((article.article_id, article.clean_at(article.meta["title"]), published[1].isoformat() if published else "date unknown"))
    report = validate(quads)
    if not report.conforms:
        raise NonConformant(report)
    files = publish(quads, out_dir, ontology_files(), __version__, [article_iri(a[0]) for a in infos],
                    {"validation-report.ttl": report.to_turtle(), **network_files(quads)})
    return BuildResult(Path(out_dir), infos, len({q.triple for q in quads}), _counts(quads), files, report.counts)


def _counts(quads) -> Counter:
    """Instances per summary kind, by the ontology's subclass closure (roles: those the article mentions, and posts)."""
    from .namespaces import PREFIXES
    from .query import open_store, run_query

    values = " ".join(f'({c} "{kind}")' for kind, classes in SUMMARY_KINDS.items() for c in classes)
    prefix = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    rows = run_query(open_store(quads, ("fupin.ttl", "lexicon.ttl")), prefix + f"""
        SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE {{
          VALUES (?top ?kind) {{ {values} }}
          {{ ?s a ?c . ?c rdfs:subClassOf* ?top . FILTER(?top != org:Role) }}
          UNION {{ ?s a org:Role ; fp:mentionedAt ?m . BIND(org:Role AS ?top) }}
          UNION {{ ?s a org:Post . FILTER NOT EXISTS {{ ?s prov:wasDerivedFrom ?d }} BIND(org:Role AS ?top) }}
        }} GROUP BY ?kind""")
    return Counter({r["kind"]: r["n"] for r in rows})
