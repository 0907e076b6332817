"""``kg eval``: precision and recall of the extractor against gold annotations.

The gold files are read here and nowhere else: they measure the graph, never feed it.
The graph is queried with SPARQL; predicted items are matched one-to-one with gold
items by the rules of the gold README (names or printed forms for entities, value +
qualifier + overlapping span for figures, (amount, per, period) for funding standards).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.text import to_hans

__all__ = ["Score", "Report", "evaluate", "evaluate_files", "CATEGORIES"]

CATEGORIES = [
    "documents",
    "figures",
    "funding_standards",
    "roles",
    "organizations",
    "persons",
    "places",
    "responsibility_lists",
    "actions",
    "programmes",
]
_PREFIX = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def __iadd__(self, other: Score):
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        return self


@dataclass
class Report:
    per_article: dict[str, dict[str, Score]] = field(default_factory=dict)

    @property
    def micro(self) -> dict[str, Score]:
        total = {c: Score() for c in CATEGORIES}
        for scores in self.per_article.values():
            for c, s in scores.items():
                total[c] += s
        return total

    def text(self) -> str:
        rows = [f"{'article':<26} {'category':<20} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6}"]
        blocks = list(self.per_article.items())
        if len(blocks) > 1:
            blocks.append(("micro-average", self.micro))
        for name, scores in blocks:
            for c in CATEGORIES:
                s = scores[c]
                rows.append(
                    f"{name:<26} {c:<20} {s.gold:>5} {s.predicted:>5} {s.matched:>5} "
                    f"{s.precision:>6.3f} {s.recall:>6.3f}"
                )
        return "\n".join(rows)

    def to_json(self) -> str:
        data = {
            name: {
                c: {
                    "gold": s.gold,
                    "predicted": s.predicted,
                    "matched": s.matched,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                }
                for c, s in scores.items()
            }
            for name, scores in [*self.per_article.items(), ("micro-average", self.micro)]
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def _norm(s: str | None) -> str:
    if not s:
        return ""
    from kg.lexicon import load_lexicon

    s = load_lexicon().apply_repairs(s)[0]  # gold may print a lost character as the page does (華?)
    return re.sub(r"[“”「」\"'《》\s]", "", to_hans(s))


def _match(predicted: list, gold: list, same) -> int:
    used, n = set(), 0
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in used and same(p, g):
                used.add(i)
                n += 1
                break
    return n


def _names(item: dict, *keys) -> set[str]:
    out = set()
    for k in keys:
        v = item.get(k)
        for x in v if isinstance(v, list) else [v]:
            if isinstance(x, str):
                out.add(_norm(x))
    return out - {""}


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def evaluate(quads, gold: dict) -> dict[str, Score]:
    """Score one article's graph against its gold annotation."""
    from kg.store.query import open_store, run_query

    store = open_store(quads)
    q = lambda text: run_query(store, _PREFIX + text)
    scores = {}

    def entity_score(cat, rows, gold_items, keys=("name", "printed")):
        pred: dict[str, set] = {}
        for r in rows:
            pred.setdefault(r["s"], set()).add(_norm(r["form"]))
        gold_forms = [_names(g, *keys) for g in gold_items]
        scores[cat] = Score(
            len(gold_items), len(pred), _match(list(pred.values()), gold_forms, lambda p, g: bool(p & g))
        )

    forms = """{ ?s rdfs:label ?form } UNION { ?s fp:mentionedAt/nif:anchorOf ?form }"""
    entity_score(
        "roles",
        q("""SELECT ?s ?form WHERE { { ?s fp:mentionedAt ?m . ?s a org:Role }
        UNION { ?s a org:Post ; rdfs:label ?l FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?x } }
        { ?s skos:prefLabel ?form } UNION { ?s rdfs:label ?form } UNION { ?s fp:mentionedAt/nif:anchorOf ?form } }"""),
        gold.get("roles", []),
    )
    entity_score(
        "organizations",
        q(f"""SELECT ?s ?form WHERE {{ ?s a ?c . ?c rdfs:subClassOf* ?top .
        VALUES ?top {{ org:Organization org:FormalOrganization org:OrganizationalUnit }}
        FILTER NOT EXISTS {{ ?s a fp:NewsPublisher }} {forms} }}"""),
        gold.get("organizations", []),
    )
    entity_score(
        "persons",
        q(f"SELECT ?s ?form WHERE {{ ?s a schema:Person ; fp:mentionedAt ?any . {forms} }}"),
        gold.get("persons", []),
        ("name",),
    )
    entity_score(
        "places",
        q(f"""SELECT ?s ?form WHERE {{ {{ ?s a ?c . ?c rdfs:subClassOf* fp:AdministrativeDivision }}
        UNION {{ ?s a fp:EntitySet ; fp:memberClass ?c . ?c rdfs:subClassOf* fp:AdministrativeDivision }}
        ?s fp:mentionedAt ?any . {forms} }}"""),
        gold.get("places", []),
    )
    entity_score(
        "responsibility_lists",
        q(f"SELECT ?s ?form WHERE {{ ?s a fp:ResponsibilityList . {forms} }}"),
        gold.get("responsibility_lists", []),
        ("name",),
    )
    entity_score(
        "programmes",
        q(f"SELECT ?s ?form WHERE {{ ?s a fp:Programme . {forms} }}"),
        gold.get("programmes", []),
        ("name",),
    )
    entity_score(
        "documents",
        q("SELECT ?s ?form WHERE { ?m fp:document ?s . { ?s dct:title ?form } UNION { ?s fp:correctedTitle ?form } }"),
        gold.get("documents", []),
        ("title", "printed", "corrected_title"),
    )

    figs = q("""SELECT ?f ?v ?min ?max ?q ?b ?e WHERE { ?f a fp:Figure ; fp:qualifier ?qq ; prov:wasDerivedFrom ?sp .
        ?sp nif:beginIndex ?b ; nif:endIndex ?e . BIND(LCASE(STRAFTER(STR(?qq), "#")) AS ?q)
        OPTIONAL { ?f fp:value ?v } OPTIONAL { ?f fp:minValue ?min ; fp:maxValue ?max } }""")
    gq = gold.get("quantities", [])

    def same_fig(p, g):
        qual = g["qualifier"].replace("_", "")
        if p["q"] != qual or not _overlap((p["b"], p["e"]), g.get("figure_span")):
            return False
        if g.get("value") is not None:
            return p["v"] is not None and abs(float(p["v"]) - float(g["value"])) < 1e-9
        return p["min"] is not None and abs(p["min"] - g["value_min"]) < 1e-9 and abs(p["max"] - g["value_max"]) < 1e-9

    scores["figures"] = Score(len(gq), len(figs), _match(figs, gq, same_fig))

    funds = q("""SELECT ?s ?amount ?per ?period WHERE { ?s a fp:FundingStandard .
        OPTIONAL { ?s fp:amount ?amount } OPTIONAL { ?s fp:perUnit ?pu BIND(LCASE(STRAFTER(STR(?pu), "#Per")) AS ?per) }
        OPTIONAL { ?s fp:perPeriod ?pp
                   BIND(IF(STRENDS(STR(?pp), "Once"), "once", LCASE(STRAFTER(STR(?pp), "#Per"))) AS ?period) } }""")
    gf = gold.get("funding_standards", [])

    def same_fund(p, g):
        amount_ok = (p["amount"] is None and g.get("amount") is None) or (
            p["amount"] is not None and g.get("amount") is not None and abs(p["amount"] - g["amount"]) < 1e-6
        )
        return amount_ok and (p["per"] or None) == g.get("per") and (p["period"] or None) == g.get("period")

    scores["funding_standards"] = Score(len(gf), len(funds), _match(funds, gf, same_fund))

    acts = q("""SELECT ?s ?kind ?count ?b ?e WHERE {
        ?s a fp:PersonnelAction ; fp:actionKind ?k ; prov:wasDerivedFrom ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?e .
        BIND(STRAFTER(STR(?k), "action-types-") AS ?kind) OPTIONAL { ?s fp:count ?count } }""")
    ga = gold.get("actions", [])
    scores["actions"] = Score(
        len(ga),
        len(acts),
        _match(
            acts,
            ga,
            lambda p, g: (
                p["kind"] == g["type"] and p["count"] == g.get("count") and _overlap((p["b"], p["e"]), g.get("span"))
            ),
        ),
    )
    return {c: scores[c] for c in CATEGORIES}


def evaluate_files(gold_paths=(), article_dirs=()) -> Report:
    """Score each gold file's article, found by file name among ``article_dirs``, the bundled articles and the
    evaluation set's; with no gold file, score the evaluation set that ships with the package.

    Parameters
    ----------
    gold_paths
        Gold annotation files (JSON, the schema of ``eval/README.md``).
    article_dirs
        Folders to look for their articles in.

    Raises
    ------
    InputError
        A gold file is not JSON, or its article cannot be found.

    Examples
    --------
    >>> report = evaluate_files()
    >>> sorted(report.per_article)
    ['dev01', 'dev02', 'dev03', 'dev04', 'dev05', 'seed']
    >>> report.micro["documents"].recall
    1.0
    """
    from kg.corpus import read_inputs
    from kg.resources import bundled_article, evaluation_set

    shipped_gold, shipped_articles = evaluation_set()
    report = Report()
    dirs = [Path(d) for d in article_dirs] + [bundled_article().parent, *shipped_articles]
    for gp in list(gold_paths) or shipped_gold:
        try:
            gold = json.loads(Path(gp).read_text(encoding="utf-8"))
            name = Path(gold["metadata"]["source_file"]).name
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise InputError(gp, f"not a gold annotation file ({e.__class__.__name__}: {e})") from None
        article = next((d / name for d in dirs if (d / name).exists()), None)
        if article is None:
            raise InputError(gp, f"its article {name} is not in {', '.join(str(d) for d in dirs)}")
        report.per_article[Path(gp).stem] = evaluate(read_inputs([article]), gold)
    return report
