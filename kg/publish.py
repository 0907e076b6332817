"""``kg build``: run the pipeline over articles and publish the dataset into ``out/``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .namespaces import FP, RDF

__all__ = ["BuildResult", "build_dataset", "ontology_files"]

ONTOLOGY_FILES = ("fupin.ttl", "lexicon.ttl", "gazetteer.ttl", "repairs.ttl")


@dataclass
class BuildResult:
    out_dir: Path
    articles: list[tuple[str, str, str]]  # (id, title, published)
    triples: int
    counts: Counter
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        lines = []
        for aid, title, when in self.articles:
            lines.append(f"{aid}  {title}  ({when})")
        lines.append(f"{self.triples} triples")
        order = ["Figure", "PolicyDocument", "FundingStandard", "Assignment", "ResponsibilityList", "PersonnelAction",
                 "Programme", "AdministrativeDivision", "Organization", "Role"]
        names = {"Figure": "figures", "PolicyDocument": "documents", "FundingStandard": "funding standards",
                 "Assignment": "assignments", "ResponsibilityList": "responsibility lists", "PersonnelAction": "personnel actions",
                 "Programme": "programmes", "AdministrativeDivision": "places", "Organization": "organisations", "Role": "roles"}
        lines.append(", ".join(f"{self.counts[k]} {names[k]}" for k in order))
        lines.append(f"wrote {len(self.files)} files to {self.out_dir}/")
        return "\n".join(lines)


def ontology_files() -> dict[str, bytes]:
    from .resources import ontology_path

    return {name: ontology_path(name).read_bytes() for name in ONTOLOGY_FILES}


def build_dataset(paths: list[Path], out_dir: Path, encoding: str | None = None) -> BuildResult:
    """Build every article, then publish; if any article fails, nothing is written.

    Raises
    ------
    InputError, NoArticleBody
        An input file is missing, empty, binary or holds no article.
    """
    from . import __version__
    from .build import article_iri
    from .export import publish
    from .pipeline import build_article

    quads, infos = [], []
    for p in paths:
        article, ds = build_article(Path(p))
        quads.extend(ds)
        published = article.meta.get("published")
        infos.append((article.article_id, article.clean_at(article.meta["title"]), published[1].isoformat() if published else "date unknown"))
    files = publish(quads, out_dir, ontology_files(), __version__, [article_iri(a[0]) for a in infos])
    return BuildResult(Path(out_dir), infos, len({q.triple for q in quads}), _counts(quads), files)


def _counts(quads) -> Counter:
    kinds = {
        FP + "Figure": "Figure", FP + "PolicyDocument": "PolicyDocument", FP + "FundingStandard": "FundingStandard",
        FP + "Assignment": "Assignment", FP + "ResponsibilityList": "ResponsibilityList",
        FP + "PersonnelAction": "PersonnelAction", FP + "Programme": "Programme",
    }
    places = {FP + c for c in ("Province", "City", "PrefectureLevelCity", "CountyLevelCity", "County", "District", "Town", "Village")}
    orgs = {FP + c for c in ("PartyCommittee", "PartyDepartment", "GovernmentBody", "GovernmentDepartment", "FinanceBureau",
                             "CoordinationGroup", "LeadingGroup", "WorkTeam", "DispatchingUnit")}
    seen: dict[str, set] = {}
    for q in quads:
        if q.predicate.value != RDF + "type":
            continue
        o = q.object.value
        kind = kinds.get(o) or ("AdministrativeDivision" if o in places else "Organization" if o in orgs else None)
        if kind:
            seen.setdefault(kind, set()).add(q.subject.value)
    roles = {q.subject.value for q in quads if q.predicate.value == FP + "mentionedAt" and "/lexicon/role-" in q.subject.value}
    roles |= {q.subject.value for q in quads if q.predicate.value == RDF + "type" and q.object.value.endswith("org#Post") and "/post/" in q.subject.value}
    c = Counter({k: len(v) for k, v in seen.items()})
    c["Role"] = len(roles)
    return c
