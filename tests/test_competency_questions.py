"""Each shipped competency-question query answers what the seed article supports."""

import pytest

from kg.store.query import run_query, shipped_queries, shipped_query


def ask(store, name):
    return run_query(store, shipped_query(name), name)


def test_every_question_ships():
    assert sorted(shipped_queries()) == ["chain-down", "chain-up"] + [
        f"cq{n:02d}" for n in (*range(1, 18), *range(19, 24))
    ]


def test_cq01_article(seed_store):
    (row,) = ask(seed_store, "cq01")
    assert row["title"] == "“四張藍圖”全力助推脫貧攻堅"
    assert row["issued"] == "2016-12-13T10:07:00+08:00"
    assert (row["publisher"], row["publisherParent"]) == ("中國共產黨新聞網", "人民網")
    assert row["section"] == "黨建 > 黨建專題 > 地方黨建動態 > 走進四川 > 基層黨建聚焦"
    assert row["contributor"] == "華鎣市委組織部"
    assert sorted(row["editors"].split("、")) == sorted(["高巍", "秦華"])


def test_cq02_where_and_under_whom(seed_store):
    rows = ask(seed_store, "cq02")
    assert {r["place"] for r in rows} == {"華鎣市"} and {r["level"] for r in rows} == {"county-level city"}
    assert {(r["within"], r["withinLevel"], r["basis"]) for r in rows if r["within"]} == {
        ("廣安市", "prefecture-level city", "explicit"),
        ("四川省", "province", "background"),
    }
    assert {r["directedBy"] for r in rows if r["directedBy"]} == {"四川省委", "廣安市委"}


def test_cq03_blueprints(seed_store):
    assert [(r["blueprint"], r["motto"]) for r in ask(seed_store, "cq03")] == [
        ("內生需求導航圖", "握緊拳頭、精准發力"),
        ("責任分解作戰圖", "健全機制、明確責任"),
        ("動態形勢分析圖", "嚴抓嚴管、常態督查"),
        ("脫貧摘帽奔康圖", "為民解難、為民謀利"),
    ]


def test_cq04_targets(seed_store):
    rows = ask(seed_store, "cq04")
    assert [(r["printed"], r["value"], r["qualifier"]) for r in rows if r["printed"]] == [
        ("6個", 6, "exact"),
        ("1932戶", 1932, "exact"),
        ("5428名", 5428, "exact"),
        ("3%以下", 0.03, "below"),
    ]
    assert {"三年脫貧、兩年鞏固、一年致富", "摘帽"} <= {r["goal"] for r in rows}


def test_cq05_programmes(seed_store):
    names = [r["programme"] for r in ask(seed_store, "cq05")]
    assert {
        "十大扶貧攻堅行動",
        "二十項重點工程",
        "17個專項扶貧計劃",
        "因村制宜、因戶施策、整體推進",
        "識真貧、真扶貧、扶真貧",
        "兩不愁、三保障",
        "四個好",
        "五個重點",
        "走基層、送溫暖",
        "四好村",
        "五個一",
    } <= set(names)


def test_cq06_documents(seed_store):
    rows = {r["title"]: r for r in ask(seed_store, "cq06")}
    assert len(rows) == 8
    assert (
        rows["華鎣市2015—2017扶貧攻堅規劃"]["kind"],
        rows["華鎣市2015—2017扶貧攻堅規劃"]["start"],
        rows["華鎣市2015—2017扶貧攻堅規劃"]["end"],
    ) == ("plan", "2015", "2017")
    reg = rows["四川省農村扶貧開發條列"]
    assert (reg["corrected"], reg["kind"], reg["issuer"]) == ("四川省農村扶貧開發條例", "regulation", "四川省")
    assert rows["華鎣市駐村幫扶工作組和駐村干部管理辦法(試行)"]["trial"] is True
    assert {r["kind"] for r in rows.values()} == {
        "plan",
        "work plan",
        "regulation",
        "duties",
        "responsibility list",
        "management measures",
        "assessment rules",
    }


def test_cq07_poor_villages_are_a_set(seed_store):
    assert ask(seed_store, "cq07") == [{"set": "貧困村", "count": 25, "within": "華鎣市", "namedVillages": 0}]


def test_cq08_group(seed_store):
    assert ask(seed_store, "cq08") == [
        {"group": "“五個一”幫扶力量協調小組", "position": "組長", "leader": "市委副書記", "member": "市級相關部門"}
    ]


def test_cq09_forces(seed_store):
    assert [(r["force"], r["headcount"], r["targetCount"], r["subsetCount"]) for r in ask(seed_store, "cq09")] == [
        ("縣級領導", 22, 25, None),
        ("市級部門", 73, 25, None),
        ("駐村幹部", 87, 25, None),
        ("駐村工作組", 25, 25, None),
        ("第一書記", 25, 25, 16),
        ("駐村農技員", 25, 25, None),
    ]


def test_cq10_non_poor_and_pairs(seed_store):
    assert sorted(
        (r["force"], r["headcount"], r["relation"], r["target"], r["targetCount"]) for r in ask(seed_store, "cq10")
    ) == [("幫扶工作組", 78, "assignedTo", "非貧困村", None), ("責任人", 2697, "pairedWith", "貧困對象", 8540)]


def test_cq11_lists(seed_store):
    rows = ask(seed_store, "cq11")
    decomposed = {r["list"]: set() for r in rows}
    for r in rows:
        if r["relation"] == "decomposedTo":
            decomposed[r["list"]].add(r["addressee"])
    assert decomposed == {
        k: {"聯繫領導", "駐村聯繫單位", "駐村工作組", "第一書記", "駐村農技員"}
        for k in ("問題清單", "任務清單", "責任清單")
    }
    assert {(r["addressee"], r["frequency"]) for r in rows if r["relation"] == "sentTo"} == {
        ("村領導", "monthly"),
        ("幫扶單位", "monthly"),
        ("駐村幹部", "monthly"),
    }


def test_cq12_chain_to_the_province(seed_store):
    edges = {(r["from"], r["relation"], r["to"]): r["basis"] for r in ask(seed_store, "cq12")}
    assert edges[("第一書記", "coordinatedBy", "“五個一”幫扶力量協調小組")] == "implicit"
    assert edges[("第一書記", "dispatchedBy", "選派單位")] == "explicit"
    assert edges[("“五個一”幫扶力量協調小組", "subordinateTo", "華鎣市委")] == "implicit"
    assert edges[("華鎣市委", "subordinateTo", "廣安市委")] == "background"
    assert edges[("廣安市委", "subordinateTo", "四川省委")] == "background"


def test_cq13_funding(seed_store):
    assert [(r["item"], r["amount"], r["per"], r["period"], r["payer"]) for r in ask(seed_store, "cq13")] == [
        ("辦公經費", 5000.0, "per person", "per year", "華鎣市財政"),
        ("生活等綜合補助經費", 1200.0, "per person", "per month", "華鎣市財政"),
        ("工作經費", 5000.0, "per village", "per year", "華鎣市財政"),
        ("安家費", 2000.0, "per person", "once (one-time)", "選派單位"),
        ("人身意外傷害保險", None, None, "per year", "華鎣市財政"),
        ("健康體檢", None, None, "per year", "選派單位"),
    ]


def test_cq14_care(seed_store):
    rows = ask(seed_store, "cq14")
    assert {r["body"] for r in rows if r["body"]} == {"華鎣市委組織部", "華鎣市直機關工委"}
    assert "微信+" in {r["programme"] for r in rows}


def test_cq15_incentives_and_sanctions(seed_store):
    assert [(r["kind"], r["role"], r["count"], r["unit"]) for r in ask(seed_store, "cq15")] == [
        ("promotion", "第一書記", 7, "名"),
        ("promotion", "第一書記", 2, "名"),
        ("commendation", "第一書記", 8, "名"),
        ("inspection notice", None, 8, "期"),
        ("replacement", "第一書記", 7, "名"),
        ("replacement", "駐村工作人員", 6, "名"),
        ("interview", "單位主要負責人", 14, "人次"),
    ]


def test_cq16_results(seed_store):
    rows = {r["printed"]: r for r in ask(seed_store, "cq16") if r["time"] == "截至目前"}
    assert (rows["40余萬元"]["value"], rows["40余萬元"]["qualifier"]) == (400000, "more than")
    assert (rows["2000余條"]["value"], rows["1300人次"]["qualifier"]) == (2000, "exact")


@pytest.mark.parametrize("name", ["cq17"])
def test_cq17_industries_and_model(seed_store, name):
    rows = ask(seed_store, name)
    assert {r["industry"] for r in rows if r["industry"]} == {"特色水果", "肉牛", "生態雞", "速生林竹"}
    assert "企業+基地+專合社(種養大戶)+貧困戶" in {r["model"] for r in rows}


def test_cq19_labels(seed_store):
    rows = {r["thing"]: r for r in ask(seed_store, "cq19")}
    assert (
        rows["https://w3id.org/fupin-kg/id/place/hua-ying-shi"]["zhHant"],
        rows["https://w3id.org/fupin-kg/id/place/hua-ying-shi"]["zhHans"],
        rows["https://w3id.org/fupin-kg/id/place/hua-ying-shi"]["en"],
    ) == ("華鎣市", "华蓥市", "Huaying")
    fs = rows["https://w3id.org/fupin-kg/lexicon/role-first-secretary"]
    assert (fs["zhHant"], fs["zhHans"], fs["en"]) == ("第一書記", "第一书记", "first secretary")
    cls = rows["https://w3id.org/fupin-kg/ontology#FundingStandard"]
    assert (cls["zhHant"], cls["zhHans"], cls["en"]) == ("經費標準", "经费标准", "funding standard")


def test_named_graphs_add_no_duplicate_rows(seed_quads, seed_store):
    """Queries see the union of the article and vocabulary graphs; a triple stated in both (a place's label is in
    the article and in the gazetteer) must not double the rows of a shipped query."""
    import pyoxigraph as ox

    from kg.resources import VOCABULARY_FILES, vocabulary_triples

    merged = ox.Store()
    merged.extend(ox.Quad(q.subject, q.predicate, q.object) for q in seed_quads)
    merged.extend(
        ox.Quad(t.subject, t.predicate, t.object) for name in VOCABULARY_FILES for t in vocabulary_triples(name)
    )

    def rows(result):
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        return sorted(
            tuple(str(t) for t in (row if isinstance(row, ox.Triple) else [row[v] for v in result.variables]))
            for row in result
        )

    for name in shipped_queries():
        text = shipped_query(name)
        assert rows(seed_store.query(text, use_default_graph_as_union=True)) == rows(merged.query(text)), name
