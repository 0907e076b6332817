"""What the extractor finds in the seed article: every figure, document, funding standard,
assignment, list and action the text states."""

import pytest

from kg.extract import extract
from kg.ingest import parse_article
from kg.lexicon import load_lexicon

# (printed, value, unit, qualifier) of every figure in the seed's title and body, in order
SEED_FIGURES = [
    ("17個", 17, "個", "exact"),
    ("6個", 6, "個", "exact"),
    ("1932戶", 1932, "戶", "exact"),
    ("5428名", 5428, "名", "exact"),
    ("3%以下", 0.03, "%", "below"),
    ("25個", 25, "個", "exact"),
    ("25個", 25, "個", "exact"),
    ("22名", 22, "名", "exact"),
    ("73個", 73, "個", "exact"),
    ("87名", 87, "名", "exact"),
    ("25個", 25, "個", "exact"),
    ("25名", 25, "名", "exact"),
    ("16名", 16, "名", "exact"),
    ("25名", 25, "名", "exact"),
    ("25個", 25, "個", "exact"),
    ("78個", 78, "個", "exact"),
    ("2697名", 2697, "名", "exact"),
    ("8540名", 8540, "名", "exact"),
    ("6個", 6, "個", "exact"),
    ("5000元", 5000, "元", "exact"),
    ("1200元", 1200, "元", "exact"),
    ("5000元", 5000, "元", "exact"),
    ("2000元", 2000, "元", "exact"),
    ("一次", 1, "次", "exact"),
    ("7名", 7, "名", "exact"),
    ("2名", 2, "名", "exact"),
    ("8名", 8, "名", "exact"),
    ("8期", 8, "期", "exact"),
    ("7名", 7, "名", "exact"),
    ("6名", 6, "名", "exact"),
    ("14人次", 14, "人次", "exact"),
    ("2000余條", 2000, "條", "more_than"),
    ("3500余起", 3500, "起", "more_than"),
    ("4100余次", 4100, "次", "more_than"),
    ("160余次", 160, "次", "more_than"),
    ("1300人次", 1300, "人次", "exact"),
    ("40余萬元", 400000, "元", "more_than"),
    ("1440余戶", 1440, "戶", "more_than"),
    ("6.18萬隻(頭)", 61800, "隻(頭)", "exact"),
    ("3000余畝", 3000, "畝", "more_than"),
    ("200余班次", 200, "班次", "more_than"),
    ("20000余人次", 20000, "人次", "more_than"),
    ("1340人次", 1340, "人次", "exact"),
    ("2648名", 2648, "名", "exact"),
    ("百余個", 100, "個", "more_than"),
    ("1936戶", 1936, "戶", "exact"),
    ("27個", 27, "個", "exact"),
    ("1213戶", 1213, "戶", "exact"),
    ("25個", 25, "個", "exact"),
    ("15個", 15, "個", "exact"),
]


def test_every_seed_figure(seed_extraction):
    got = [(f.printed, f.value, f.unit, f.qualifier) for f in seed_extraction.figures]
    assert got == SEED_FIGURES


def test_figure_status_and_subsets(seed_extraction):
    figs = {(f.printed, f.figure_span.start): f for f in seed_extraction.figures}
    by_printed = lambda p: [f for k, f in figs.items() if k[0] == p]
    assert [f.status for f in by_printed("5428名")] == ["target"]
    assert [f.status for f in by_printed("3%以下")] == ["target"]
    assert {f.status for f in by_printed("5000元")} == {"standard"}
    assert [f.status for f in by_printed("2000余條")] == ["actual"]
    sixteen = by_printed("16名")[0]
    assert seed_extraction.figures[sixteen.part_of].printed == "25名"
    assert seed_extraction.figures[by_printed("1340人次")[0].part_of].printed == "20000余人次"
    assert [f.in_name for f in by_printed("17個")] == [True]
    assert by_printed("40余萬元")[0].time_ref == "截至目前"


def test_seed_documents(seed_extraction):
    docs = {d.title: d for d in seed_extraction.documents}
    kind = lambda d: d.kind.rsplit("document-kinds-", 1)[-1]
    assert {t: (kind(d), d.issuer, d.issuer_basis, d.period_start, d.period_end, d.trial) for t, d in docs.items()} == {
        "華鎣市2015—2017扶貧攻堅規劃": ("plan", ["華鎣市"], "title", 2015, 2017, False),
        "貧困村2016年度脫貧攻堅工作計劃": ("work-plan", ["華鎣市"], "implicit", 2016, 2016, False),
        "四川省農村扶貧開發條列": ("regulation", ["四川省"], "title", None, None, False),
        "華鎣市貧困村“第一書記”扶貧工作職責": ("duties", ["華鎣市"], "title", None, None, False),
        "華鎣市精准扶貧駐村幫扶工作組工作職責": ("duties", ["華鎣市"], "title", None, None, False),
        "華鎣市“五個一”駐村幫扶工作6個責任清單": ("responsibility-list", ["華鎣市"], "title", None, None, False),
        "華鎣市駐村幫扶工作組和駐村干部管理辦法(試行)": ("management-measures", ["華鎣市"], "title", None, None, True),
        "華鎣市干部駐村幫扶工作考核實施細則": ("assessment-rules", ["華鎣市"], "title", None, None, False),
    }
    assert docs["四川省農村扶貧開發條列"].corrected_title == "四川省農村扶貧開發條例"


def test_seed_funding_standards(seed_extraction):
    got = [(f.item, f.kind, f.amount, f.per, f.period, f.payer, f.recipients) for f in seed_extraction.funding]
    both = ["第一書記", "駐村工作組成員"]
    assert got == [
        ("辦公經費", "cash-standard", 5000, "person", "year", "華鎣市財政", ["第一書記"]),
        ("生活等綜合補助經費", "cash-standard", 1200, "person", "month", "華鎣市財政", ["第一書記"]),
        ("工作經費", "cash-standard", 5000, "village", "year", "華鎣市財政", ["駐村工作組"]),
        ("安家費", "cash-standard", 2000, "person", "once", "選派單位", both),
        ("人身意外傷害保險", "budget-line", None, None, "year", "華鎣市財政", both),
        ("健康體檢", "in-kind", None, None, "year", "選派單位", both),
    ]


def test_seed_assignments_and_leadership(seed_extraction):
    got = [
        (a.subject, a.count, a.relation, a.target, a.target_count, a.subset_count) for a in seed_extraction.assignments
    ]
    assert got == [
        ("縣級領導", 22, "assignedTo", "貧困村", 25, None),
        ("市級部門", 73, "assignedTo", "貧困村", 25, None),
        ("駐村幹部", 87, "assignedTo", "貧困村", 25, None),
        ("駐村工作組", 25, "assignedTo", "貧困村", 25, None),
        ("第一書記", 25, "assignedTo", "貧困村", 25, 16),
        ("駐村農技員", 25, "assignedTo", "貧困村", 25, None),
        ("幫扶工作組", 78, "assignedTo", "非貧困村", None, None),
        ("責任人", 2697, "pairedWith", "貧困對象", 8540, None),
    ]
    (lead,) = seed_extraction.leadership
    assert (lead.group, lead.holder, lead.members) == ("“五個一”幫扶力量協調小組", "市委副書記", ["市級相關部門"])
    assert seed_extraction.entities["市委副書記"].parent == "華鎣市委"


def test_seed_lists_and_actions(seed_extraction):
    lists = {x.key: x for x in seed_extraction.lists}
    assert set(lists) == {"問題清單", "任務清單", "責任清單"}
    assert all(
        x.decomposed_to == ["聯繫領導", "駐村聯繫單位", "駐村工作組", "第一書記", "駐村農技員"] for x in lists.values()
    )
    assert (lists["問題清單"].sent_to, lists["問題清單"].frequency) == (["村領導", "幫扶單位", "駐村幹部"], "monthly")
    acts = [
        (a.kind.rsplit("-", 1)[-1] if "care" not in a.kind else "care-visit", a.target, a.count, a.time_ref)
        for a in seed_extraction.actions
    ]
    assert acts == [
        ("care-visit", None, None, None),
        ("promotion", "第一書記", 7, "2015年以來"),
        ("promotion", "第一書記", 2, "2015年以來"),
        ("commendation", "第一書記", 8, "2016年"),
        ("notice", None, 8, None),
        ("replacement", "第一書記", 7, None),
        ("replacement", "駐村工作人員", 6, None),
        ("interview", "單位主要負責人", 14, None),
    ]
    assert seed_extraction.actions[0].actors == ["華鎣市委組織部", "華鎣市直機關工委"]


def test_places_and_home(seed_extraction):
    e = seed_extraction.entities
    assert seed_extraction.home == "華鎣市"
    assert (e["華鎣市"].parent, e["華鎣市"].parent_basis) == ("廣安市", "explicit")
    assert (e["廣安市"].parent, e["廣安市"].parent_basis) == ("四川省", "background")
    assert e["貧困村"].count == 25 and e["貧困村"].collective


def test_programmes_with_mottos(seed_extraction):
    mottos = {p.name: p.motto for p in seed_extraction.programmes if p.motto}
    assert mottos == {
        "內生需求導航圖": "握緊拳頭、精准發力",
        "責任分解作戰圖": "健全機制、明確責任",
        "動態形勢分析圖": "嚴抓嚴管、常態督查",
        "脫貧摘帽奔康圖": "為民解難、為民謀利",
    }
    names = {p.name for p in seed_extraction.programmes}
    assert {"五個一", "兩不愁、三保障", "企業+基地+專合社(種養大戶)+貧困戶", "微信+"} <= names
    assert not names & {"第一書記", "問題清單", "安家費"}  # roles, lists and funding items are not programmes


PAGE = """新闻网 > 扶贫

{title}

2018-05-02 09:00

{body}

（来源：某县融媒体中心）
责任编辑：某编辑

推荐阅读
· 无关的新闻 5000元
"""


def _extract(body, title="某县扶贫工作纪实"):
    return extract(parse_article(PAGE.format(title=title, body=body)), load_lexicon())


@pytest.mark.parametrize(
    "body, expected",
    [
        ("全县二十五个贫困村全部出列，新建公路四百六十公里。", [(25, "个", "exact"), (460, "公里", "exact")]),
        ("投入资金3.5亿元，其中整合资金2.08亿元。", [(350000000, "元", "exact"), (208000000, "元", "exact")]),
        ("每个工作组三至五人，增长8%至10%。", [((3, 5), "人", "range"), ((0.08, 0.1), "%", "range")]),
        (
            "参合比例达到百分之百，报销比例不低于90%，近三成贫困户入股，分红八百元左右。",
            [(1, "%", "exact"), (0.9, "%", "at_least"), (0.3, "成", "nearly"), (800, "元", "about")],
        ),
        ("新建光伏电站１２个，收入5万元以上。", [(12, "个", "exact"), (50000, "元", "more_than")]),
    ],
)
def test_figure_grammar(body, expected):
    got = [
        ((f.value_min, f.value_max) if f.qualifier == "range" else f.value, f.unit, f.qualifier)
        for f in _extract(body).figures
    ]
    assert got == expected


def test_chrome_and_slogans_yield_nothing():
    ex = _extract("落实“五个一”要求，推行一村一品，一次性发放补助。")
    assert ex.figures == []  # 五个一 is a slogan, 一村一品 an idiom, 一次性 an adverb; 5000元 is in the chrome


def test_unbalanced_quote_and_mixed_punctuation():
    ex = _extract(
        "围绕“6个贫困村达标退出和如期“摘帽”的目标,县财政按每人每年4000元的标准安排第一书记工作经费；"
        "《某县“百企帮百村”行动方案（2016—2020年）》印发。"
    )
    assert [p.name for p in ex.programmes] == ["摘帽", "百企帮百村"]  # the unclosed “ before 6 is skipped
    assert [(f.amount, f.per, f.period) for f in ex.funding] == [(4000, "person", "year")]
    (doc,) = ex.documents
    assert (doc.title, doc.period_start, doc.period_end) == ("某县“百企帮百村”行动方案（2016—2020年）", 2016, 2020)
    assert doc.kind.endswith("document-kinds-work-plan")


def test_traps_are_not_funding_standards():
    ex = _extract("合作社统一技术标准，全县投入产业扶贫资金2680万元，贫困户人均增收1200元。")
    assert ex.funding == [] and ex.documents == []


def test_a_new_role_is_a_lexicon_change(tmp_path):
    """Adding a role to the lexicon (data) makes the extractor find it; no code changes."""
    from kg.resources import ontology_path

    for name in ("gazetteer.ttl", "repairs.ttl"):
        (tmp_path / name).write_bytes(ontology_path(name).read_bytes())
    extra = """
lex:role-e-commerce-specialist a skos:Concept, org:Role ;
    skos:inScheme lex:roles ;
    skos:prefLabel "電商專員"@zh-Hant, "电商专员"@zh-Hans, "e-commerce specialist"@en .
"""
    (tmp_path / "lexicon.ttl").write_text(
        ontology_path("lexicon.ttl").read_text(encoding="utf-8") + extra, encoding="utf-8"
    )
    body = "全县选派电商专员12名，分配到12个贫困村。"
    baseline = _extract(body)
    assert "电商专员" not in baseline.entities
    lexicon = load_lexicon(tmp_path)
    ex = extract(parse_article(PAGE.format(title="某县", body=body), lexicon=lexicon), lexicon)
    assert [(a.subject, a.count, a.target, a.target_count) for a in ex.assignments] == [("电商专员", 12, "贫困村", 12)]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("解决了一万三千余名群众的饮水问题。", [(13000, "名", "more_than")]),
        ("2016—2020年，计划搬迁3200户；2016-2020年完成。", [(3200, "户", "exact")]),
        ("探索出一条新路子，每一名干部驻村，一条条硬化路通到家门口，一项也不能少。", []),
        ("每年组织一次健康体检。", [(1, "次", "exact")]),
    ],
)
def test_what_is_not_a_figure(body, expected):
    got = [(f.value, f.unit, f.qualifier) for f in _extract(body).figures]
    assert got == expected


def test_duplicated_paragraph_states_its_facts_once():
    para = "全县组建驻村工作队68支，共有队员204名。"
    ex_once = _extract(para)
    article = parse_article(PAGE.format(title="某县", body=para + "\n\n" + para))
    assert len(article.repeated) == 1
    ex = extract(article, load_lexicon())
    assert (
        [(f.value, f.unit) for f in ex.figures]
        == [(f.value, f.unit) for f in ex_once.figures]
        == [(68, "支"), (204, "名")]
    )


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "派出单位为每名驻村干部购买人身意外伤害保险，每年组织一次健康体检。",
            [
                ("人身意外伤害保险", "budget-line", None, "person", None, "选派单位"),
                ("健康体检", "in-kind", None, None, "year", "选派单位"),
            ],
        ),
        (
            "市县财政按每人每天40元标准发放驻村生活补助，并统一购买人身意外伤害保险。",
            [
                ("驻村生活补助", "cash-standard", 40, "person", "day", "市县财政"),
                ("人身意外伤害保险", "budget-line", None, None, None, "市县财政"),
            ],
        ),
        (
            "每家企业至少联系1个贫困村，每年投入帮扶资金不少于5万元。",
            [("帮扶资金", "cash-standard", 50000, "enterprise", "year", None)],
        ),
    ],
)
def test_funding_rules(body, expected):
    got = [(f.item, f.kind, f.amount, f.per, f.period, f.payer) for f in _extract(body).funding]
    assert got == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "对23名履职不到位的驻村干部进行诫勉谈话，对5个帮扶不力的市直单位进行通报批评。",
            [("admonishment", "驻村干部", 23), ("criticism", "市级部门", 5)],
        ),
        (
            "全市37名第一书记被评为“好”等次，市里召回不胜任第一书记9名。",
            [("rating", "第一书记", 37), ("recall", "第一书记", 9)],
        ),
        ("县委组织部及时约谈派出单位负责人。", [("interview", "派出单位负责人", None)]),  # a post: the head of the unit
        ("考核结果作为提拔使用的重要依据。", []),
    ],
)
def test_action_rules(body, expected):
    got = [(a.kind.split("action-types-")[-1], a.target, a.count) for a in _extract(body).actions]
    assert got == expected


def test_unquoted_programmes():
    ex = _extract("各村实施精准脱贫战略，建立贫困户帮扶台账，推行一村一品，改扩建村级活动室25个，创新实施“微信+”模式。")
    assert [(p.name, p.quoted) for p in ex.programmes] == [
        ("微信+", True),
        ("精准脱贫战略", False),
        ("贫困户帮扶台账", False),
        ("一村一品", False),
    ]


def _fixture_extraction(name):
    from pathlib import Path

    from kg.ingest import read_article

    lexicon = load_lexicon()
    return extract(read_article(Path(__file__).parent / "fixtures" / "corpus" / name, lexicon=lexicon), lexicon)


def test_action_kinds_grades_and_short_body_names():
    ex = _fixture_extraction("constructs_simplified.txt")
    # 被评为“优秀…” is an honour (commendation), 晋升…职称 a title promotion, 评估验收 stands without a count
    assert [(x.kind.rsplit("-", 1)[-1], x.count) for x in ex.actions] == [
        ("commendation", 12),
        ("promotion", 6),
        ("evaluation", None),
    ]
    assert ex.actions[1].kind.endswith("action-types-title-promotion")
    # quoted grades of a scale (“好”“较好”…四个等次) and an honour title are not programmes
    assert ex.programmes == []
    # 县扶贫开发办公室 and 县扶贫办 (in 县扶贫办主任) are one body, named in full; standard departments are bodies
    bodies = {k: e.printed for k, e in ex.entities.items() if e.kind == "org"}
    assert bodies == {
        "松溪县扶贫开发办公室": ["松溪县扶贫开发办公室", "县扶贫办"],
        "松溪县民政局": ["县民政局"],
        "松溪县林业局": ["县林业局"],
        "第三方机构": ["第三方机构"],
    }
    assert ex.entities["县扶贫办主任"].parent == "松溪县扶贫开发办公室"
