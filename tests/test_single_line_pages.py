"""Pages whose line breaks are missing build, validate and keep their offsets.

About one page in seventeen of the genre prints its body on a single line, often together with the title, the
date line and the credits (``標題 2016年12月13日10:07 來源：人民網 正文第一句。……`` on one line). Ingest finds
the parts of such a page by the lexicon's patterns (date line, its fields, credits, page chrome, sentence ends).
The pages under ``tests/fixtures/pages/`` are fictional (places, names and figures invented; see the README there):

- ``cpc_one_line_hant.txt``: breadcrumb, title, date, source, body, credits and chrome on one line (Traditional);
- ``title_date_body_one_line_hans.txt``: title, date, source, body and credits on one line (Simplified);
- ``title_then_one_line_hant.txt``: a title line, then one line with date, source, byline, body and credits;
- ``title_body_no_date_hans.txt``: title and body on one line with no date at all;
- ``no_breaks_hans.txt``: breadcrumb, title, labelled date, body, credits and chrome with no space anywhere.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.errors import InputError, NoArticleBody
from kg.extract import extract
from kg.ingest import parse_article, read_article
from kg.lexicon import load_lexicon
from kg.resources import bundled_article

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "tests" / "fixtures" / "pages"
ARTICLES = sorted([bundled_article(), *(REPO / "eval" / "articles").glob("*.txt")])


class Page(NamedTuple):
    title: str
    issued: str | None  # dct:issued as written
    date: str | None  # the date as printed
    figure: tuple[str, int]  # a figure as printed, and its value
    organisation: str  # the label of a body the text names
    source: str | None
    contributor: str
    editors: list[str]
    chrome: str | None  # how the page chrome starts
    paragraphs: int


EXPECTED = {
    "cpc_one_line_hant.txt": Page(
        "「三張清單」壓實駐村幫扶責任",
        "2017-03-21T08:45:00+08:00",
        "2017年03月21日08:45",
        ("138名", 138),
        "嵐江縣委組織部",
        "人民網-中國共產黨新聞網",
        "嵐江縣委組織部",
        ["林思遠", "趙明"],
        "推薦閱讀",
        3,
    ),
    "title_date_body_one_line_hans.txt": Page(
        "桐溪县：“一村一策”让搬迁群众搬得出稳得住",
        "2016-12-13T10:07:00+08:00",
        "2016年12月13日10:07",
        ("6520人", 6520),
        "桐溪县扶贫开发办公室",
        "人民网-中国共产党新闻网",
        "桐溪县扶贫开发办公室",
        ["王敏", "刘洋"],
        None,
        1,
    ),
    "title_then_one_line_hant.txt": Page(
        "雲岫縣：扶貧車間開到家門口\u3000貧困戶就業增收兩不誤",
        "2018-05-09T16:20:00+08:00",
        "2018-05-09 16:20",
        ("38個", 38),
        "雲岫縣扶貧開發辦公室",
        "雲岫縣融媒體中心",
        "雲岫縣融媒體中心",
        ["黃小梅"],
        "相關新聞",
        1,
    ),
    "title_body_no_date_hans.txt": Page(
        "石岭县：第一书记当上“村网红” 带货助农增收",
        None,
        None,
        ("460万元", 4600000),
        "石岭县委组织部",
        None,
        "石岭县委组织部",
        [],
        None,
        1,
    ),
    "no_breaks_hans.txt": Page(
        "“四个一”机制激活驻村帮扶内生动力",
        "2019-08-12T09:05:00+08:00",
        "2019-08-12 09:05",
        ("1.2亿元", 120000000),
        "陇源县委组织部",
        "人民网-中国共产党新闻网",
        "陇源县委组织部",
        ["张岚"],
        "推荐阅读",
        1,
    ),
}

PREFIXES = """
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX fp: <https://w3id.org/fupin-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def test_every_page_is_a_single_line_page():
    assert sorted(p.name for p in PAGES.glob("*.txt")) == sorted(EXPECTED)
    for path in PAGES.glob("*.txt"):
        assert path.read_text(encoding="utf-8").rstrip("\n").count("\n") <= 1, path.name  # the body shares a line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_splits_into_its_parts(name):
    page, a = EXPECTED[name], read_article(PAGES / name)
    assert a.clean_at(a.meta["title"]) == page.title
    published = a.meta.get("published")
    assert (published[1].isoformat() if published else None) == page.issued
    assert (a.clean_at(published[0]) if published else None) == page.date
    assert (a.meta["source"][1] if "source" in a.meta else None) == page.source
    assert a.meta["contributor"][1] == page.contributor
    assert (a.meta["editors"][1] if "editors" in a.meta else []) == page.editors
    assert (a.clean[a.chrome.start : a.chrome.start + len(page.chrome)] if a.chrome else None) == page.chrome
    assert len(a.paragraphs) == page.paragraphs
    assert a.content.start <= a.meta["title"].start < a.meta["title"].end <= a.body.start <= a.body.end
    assert all(a.body.start <= s.start < s.end <= a.body.end for s in a.sentences)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_span_is_the_printed_figure(name):
    a = read_article(PAGES / name)
    ex = extract(a, load_lexicon())
    assert ex.figures
    assert [a.clean[f.figure_span.start : f.figure_span.end] for f in ex.figures] == [f.printed for f in ex.figures]
    assert EXPECTED[name].figure in {(f.printed, f.value) for f in ex.figures}


def _store(ttl: str) -> ox.Store:
    store = ox.Store()
    store.load(ttl.encode("utf-8"), ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_exports_its_title_date_figure_and_organisation(name):
    page = EXPECTED[name]
    result = CliRunner().invoke(main, ["export", "--format", "ttl", str(PAGES / name)])
    assert result.exit_code == 0, result.output
    store = _store(result.output)
    rows = list(store.query(PREFIXES + "SELECT ?t ?d WHERE { ?a dct:title ?t OPTIONAL { ?a dct:issued ?d } }"))
    assert [(r["t"].value, r["d"].value if r["d"] else None) for r in rows] == [(page.title, page.issued)]
    printed, value = page.figure
    assert store.query(
        PREFIXES
        + f'ASK {{ ?f a fp:Figure ; fp:printed ?p ; fp:value ?v FILTER(STR(?p) = "{printed}" && ?v = {value}) }}'
    )
    assert store.query(PREFIXES + f'ASK {{ ?o rdfs:label ?l FILTER(STR(?l) = "{page.organisation}") }}')


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_validates(name):
    result = CliRunner().invoke(main, ["validate", "--jobs", "1", str(PAGES / name)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms: 0 violations")


def test_pages_build_together(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(PAGES), "--out", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    store = _store((out / "kg.ttl").read_text(encoding="utf-8"))
    titles = {r["t"].value for r in store.query(PREFIXES + "SELECT ?t WHERE { ?a a fp:NewsArticle ; dct:title ?t }")}
    assert titles == {p.title for p in EXPECTED.values()}


# -- any bundled or dev article, its line breaks lost ---------------------------------------------------------------


@functools.cache
def _reading(path: Path, text: str | None = None):
    """Title, publication date and figures (as printed) of an article, from its file or from ``text``."""
    a = read_article(path) if text is None else parse_article(text, path=path)
    figures = extract(a, load_lexicon()).figures
    assert [a.clean[f.figure_span.start : f.figure_span.end] for f in figures] == [f.printed for f in figures]
    published = a.meta.get("published")
    return a.clean_at(a.meta["title"]), published and published[1], sorted(f.printed for f in figures)


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(path=st.sampled_from(ARTICLES), sep=st.sampled_from(["", " ", "  ", "\u3000", "\t", "\u3000\u3000", "\u00a0"]))
def test_an_article_joined_into_one_line_reads_as_the_original(path, sep):
    text = read_article(path).text
    joined = sep.join(text.split("\n"))
    assert "\n" not in joined
    assert _reading(path, joined) == _reading(path)


@SETTINGS
@given(data=st.data(), path=st.sampled_from(ARTICLES))
def test_an_article_with_some_line_breaks_lost_reads_as_the_original(data, path):
    """Each line break kept or turned into spaces: the same title, date and figures."""
    lines = read_article(path).text.split("\n")
    seps = data.draw(
        st.lists(st.sampled_from(["\n", " ", "\u3000", "  "]), min_size=len(lines) - 1, max_size=len(lines) - 1)
    )
    text = lines[0] + "".join(s + line for s, line in zip(seps, lines[1:]))
    assert _reading(path, text) == _reading(path)


FRAGMENTS = st.sampled_from(
    [
        "中国共产党新闻", ">>", " > ", "党建", "标题", "“四张蓝图”", "2016年12月13日", "10:07", "2017-06-15 09:30",
        "发布时间：", "来源：", "人民网", "-", "正文", "全县", "32个", "贫困村", "。", "，", "！", " ", "  ", "\u3000",
        "\n", "\n\n", "（", "）", "(", ")", "供稿", "责编：", "责任编辑：", "张三", "、", "推荐阅读", "【", "】", "·",
        "——", "点击:[ 876 ]", "作者：", "记者 ", "字号：大 中 小", "<!-- x -->", "華?", "?", "2016年2月30日",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40))
def test_any_page_text_splits_into_trimmed_parts_or_is_refused(parts):
    text = "".join(parts)
    try:
        a = parse_article(text)
    except (NoArticleBody, InputError):
        return
    spans = [a.meta["title"], *a.paragraphs]
    assert all(s.start < s.end and a.clean_at(s) == a.clean_at(s).strip() for s in spans)
    assert a.content.start <= a.meta["title"].start and a.body.end <= a.content.end
    assert all(a.body.start <= s.start < s.end <= a.body.end for s in a.sentences)
    assert a.chrome is None or a.chrome.start >= a.content.end
