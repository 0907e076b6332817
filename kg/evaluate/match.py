"""Matching one article's graph with its gold annotation, category by category, by the gold files' rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from kg.evaluate.figures import score_details
from kg.evaluate.score import CATEGORIES, ArticleScores, Score
from kg.namespaces import PREFIXES
from kg.text import to_hans

__all__ = ["evaluate"]

_PREFIX = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _norm(s: str | None) -> str:
    """A name as matched: lost characters repaired, in Simplified script, without quotes, brackets or spaces."""
    if not s:
        return ""
    from kg.lexicon import load_lexicon

    s = load_lexicon().apply_repairs(s)[0]  # gold may print a lost character as the page does (華?)
    return re.sub(r"[“”「」\"'《》\s]", "", to_hans(s))


def _pairs(predicted: list[Any], gold: list[Any], same: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    """The predicted items that match a gold item, with it; each gold item matched once (first fit, in order)."""
    used: set[int] = set()
    out = []
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in used and same(p, g):
                used.add(i)
                out.append((p, g))
                break
    return out


def _match(predicted: list[Any], gold: list[Any], same: Callable[[Any, Any], bool]) -> int:
    """How many predicted items match a gold item, each gold item matched once (first fit, in order)."""
    return len(_pairs(predicted, gold, same))


def _names(item: dict[str, Any], *keys: str) -> set[str]:
    """The normalised names a gold item gives under ``keys`` (each a string or a list of them)."""
    out = set()
    for k in keys:
        v = item.get(k)
        for x in v if isinstance(v, list) else [v]:
            if isinstance(x, str):
                out.add(_norm(x))
    return out - {""}


def _overlap(a: Any, b: Any) -> bool:
    """Whether two ``(start, end)`` spans overlap; ``False`` if either is missing."""
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def evaluate(quads: Iterable[Any], gold: dict[str, Any]) -> ArticleScores:
    """Score one article's graph against its gold annotation.

    Parameters
    ----------
    quads
        The article's graph (pyoxigraph quads, as :func:`kg.corpus.read_inputs` gives them); the vocabulary
        is added to it for the queries.
    gold
        The gold annotation, parsed from JSON (the schema of ``eval/README.md``); a missing category
        counts as an empty list.

    Returns
    -------
    ArticleScores
        A :class:`Score` per category, in the order of :data:`CATEGORIES`, and what the matched figures say
        (:class:`~kg.evaluate.figures.FigureDetail`).

    See Also
    --------
    evaluate_files : Scores gold files, finding their articles.

    Examples
    --------
    >>> import json
    >>> from kg.corpus import read_inputs
    >>> from kg.resources import bundled_article, evaluation_set
    >>> quads = read_inputs([bundled_article()])
    >>> gold_files, _ = evaluation_set()
    >>> gold = json.loads(next(p for p in gold_files if p.stem == "seed").read_text(encoding="utf-8"))
    >>> scores = evaluate(quads, gold).scores
    >>> list(scores) == CATEGORIES
    True
    >>> all(s.matched <= min(s.gold, s.predicted) for s in scores.values())
    True

    Against an empty annotation nothing can match, and recall is vacuously perfect:

    >>> empty = evaluate(quads, {}).scores
    >>> sum(s.matched for s in empty.values()), empty["roles"].recall
    (0, 1.0)
    """
    from kg.store.query import open_store, run_query

    store = open_store(quads)
    q = lambda text: run_query(store, _PREFIX + text)
    scores: dict[str, Score] = {}

    def entity_score(
        cat: str,
        rows: list[dict[str, Any]],
        gold_items: list[dict[str, Any]],
        keys: tuple[str, ...] = ("name", "printed"),
    ) -> None:
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

    figs = q("""SELECT ?f ?v ?min ?max ?q ?b ?e ?counts ?status ?iso WHERE {
        ?f a fp:Figure ; fp:qualifier ?qq ; prov:wasDerivedFrom ?sp .
        ?sp nif:beginIndex ?b ; nif:endIndex ?e . BIND(LCASE(STRAFTER(STR(?qq), "#")) AS ?q)
        OPTIONAL { ?f fp:status ?st BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status) }
        OPTIONAL { ?f fp:counts ?counts FILTER(LANG(?counts) = "zh-hans") }
        OPTIONAL { ?f <http://purl.org/linked-data/sdmx/2009/dimension#refPeriod>/fp:iso8601 ?iso }
        OPTIONAL { ?f fp:value ?v } OPTIONAL { ?f fp:minValue ?min ; fp:maxValue ?max } }
        ORDER BY ?b ?e""")
    gq = gold.get("quantities", [])

    def same_fig(p: dict[str, Any], g: dict[str, Any]) -> bool:
        qual = g["qualifier"].replace("_", "")
        if p["q"] != qual or not _overlap((p["b"], p["e"]), g.get("figure_span")):
            return False
        if g.get("value") is not None:
            return p["v"] is not None and abs(float(p["v"]) - float(g["value"])) < 1e-9
        return p["min"] is not None and abs(p["min"] - g["value_min"]) < 1e-9 and abs(p["max"] - g["value_max"]) < 1e-9

    pairs = _pairs(figs, gq, same_fig)
    scores["figures"] = Score(len(gq), len(figs), len(pairs))
    links = {(r["a"], r["b"]) for r in q("SELECT ?a ?b WHERE { ?a fp:partOf|fp:sameFigureAs ?b }")}
    details = score_details(pairs, links)

    funds = q("""SELECT ?s ?amount ?per ?period WHERE { ?s a fp:FundingStandard .
        OPTIONAL { ?s fp:amount ?amount } OPTIONAL { ?s fp:perUnit ?pu BIND(LCASE(STRAFTER(STR(?pu), "#Per")) AS ?per) }
        OPTIONAL { ?s fp:perPeriod ?pp
                   BIND(IF(STRENDS(STR(?pp), "Once"), "once", LCASE(STRAFTER(STR(?pp), "#Per"))) AS ?period) } }""")
    gf = gold.get("funding_standards", [])

    def same_fund(p: dict[str, Any], g: dict[str, Any]) -> bool:
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
    return ArticleScores({c: scores[c] for c in CATEGORIES}, details)
