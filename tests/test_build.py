"""The built graph: provenance on every fact, typed literals, labels, ASCII IRIs, aggregates."""

import re

import pyoxigraph as ox

from kg.namespaces import FP, NIF, PROV, RDF, RDFS, XSD

FACT_CLASSES = {
    FP + c for c in ("Figure", "FundingStandard", "Assignment", "DocumentMention", "PersonnelAction", "TextRepair")
}


def _objects(quads, s, p):
    return [q.object for q in quads if q.subject == s and q.predicate.value == p]


def test_every_fact_has_exactly_one_span_that_quotes_the_article(seed_quads, seed_article):
    facts = {q.subject for q in seed_quads if q.predicate.value == RDF + "type" and q.object.value in FACT_CLASSES}
    assert len(facts) > 80
    for f in facts:
        (span,) = _objects(seed_quads, f, PROV + "wasDerivedFrom")
        (b,) = _objects(seed_quads, span, NIF + "beginIndex")
        (e,) = _objects(seed_quads, span, NIF + "endIndex")
        (quote,) = _objects(seed_quads, span, NIF + "anchorOf")
        assert quote.value == seed_article.text[int(b.value) : int(e.value)]
        assert span.value.endswith(f"#char={b.value},{e.value}")


def test_evidence_keeps_the_printed_text_labels_are_repaired(seed_quads):
    anchors = [q.object.value for q in seed_quads if q.predicate.value == NIF + "anchorOf"]
    assert any("華?市" in a for a in anchors)
    labels = [q.object.value for q in seed_quads if q.predicate.value == RDFS + "label"]
    assert labels and not [x for x in labels if "?" in x]
    assert "華鎣市" in labels and "华蓥市" in labels


def test_no_page_chrome_in_graph(seed_quads):
    text = " ".join(q.object.value for q in seed_quads if isinstance(q.object, ox.Literal))
    for chrome in ("推薦閱讀", "問題導向", "人事任免", "掃一掃", "學習微平台"):
        assert chrome not in text


def test_iris_are_ascii(seed_quads):
    for q in seed_quads:
        for t in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(t, ox.NamedNode):
                assert t.value.isascii(), t.value


def test_literals_typed(seed_quads):
    def datatype_of(p):
        return {q.object.datatype.value for q in seed_quads if q.predicate.value == p}

    assert datatype_of(FP + "value") <= {XSD + "integer", XSD + "decimal"}
    assert datatype_of(FP + "amount") == {XSD + "decimal"}
    assert datatype_of("http://purl.org/dc/terms/issued") == {XSD + "dateTime"}
    issued = [q.object.value for q in seed_quads if q.predicate.value == "http://purl.org/dc/terms/issued"]
    assert issued == ["2016-12-13T10:07:00+08:00"]
    below = [q.subject for q in seed_quads if q.predicate.value == FP + "qualifier" and q.object.value == FP + "Below"]
    assert [o.value for o in _objects(seed_quads, below[0], FP + "value")] == ["0.03"]


def test_labels_in_both_scripts_and_english(seed_quads):
    entities = {
        q.subject for q in seed_quads if q.predicate.value == FP + "mentionedAt" and "/lexicon/" not in q.subject.value
    }
    for e in entities:
        langs = {q.object.language for q in seed_quads if q.subject == e and q.predicate.value == RDFS + "label"}
        assert {"zh-hant", "zh-hans"} <= langs, e
    en = {q.object.value for q in seed_quads if q.predicate.value == RDFS + "label" and q.object.language == "en"}
    assert {"Huaying", "Guang'an", "Sichuan", "Huaying finance bureau", "Huaying plan 2015–2017"} <= en


def test_aggregates_stay_aggregates(seed_quads):
    villages = [
        q.subject
        for q in seed_quads
        if q.predicate.value == RDF + "type" and q.object.value in (FP + "PoorVillage", FP + "Village")
    ]
    assert villages == []
    (poor,) = [
        q.subject
        for q in seed_quads
        if q.predicate.value == FP + "memberClass" and q.object.value == FP + "PoorVillage"
    ]
    assert [o.value for o in _objects(seed_quads, poor, FP + "count")] == ["25"]


def test_background_is_not_presented_as_stated(seed_quads):
    statements = {}
    for q in seed_quads:
        if q.predicate.value in (RDF + "subject", RDF + "object", FP + "basis"):
            statements.setdefault(q.subject, {})[q.predicate.value] = q.object.value
    background = [s for s, v in statements.items() if v[FP + "basis"] == FP + "Background"]
    assert background
    for s in background:
        derived = [o.value for o in _objects(seed_quads, s, PROV + "wasDerivedFrom")]
        assert derived == ["https://w3id.org/fupin-kg/gazetteer"]
    pairs = {
        (re.sub(".*/", "", v[RDF + "subject"]), re.sub(".*/", "", v[RDF + "object"]))
        for s, v in statements.items()
        if s in background
    }
    assert ("guang-an-shi", "si-chuan-sheng") in pairs
    assert ("hua-ying-shi", "guang-an-shi") not in pairs  # 廣安華鎣市 states it


def test_dev_articles_build(tmp_path):
    from pathlib import Path

    from kg.corpus import build_article

    for path in sorted((Path(__file__).resolve().parents[1] / "eval" / "articles").glob("dev*.txt")):
        ds = build_article(path).quads()
        assert len(ds) > 300, path.name
