"""Damaged pages either build a graph that conforms or fail with a KgError naming the file: never another
exception, never a graph that breaks the shapes."""

import html
import random
from pathlib import Path

import pytest

from kg.corpus import build_article
from kg.errors import KgError
from kg.extract import extract
from kg.lexicon import load_lexicon
from kg.validate import validate

DEV_ARTICLES = Path(__file__).resolve().parents[1] / "eval" / "articles"
DEV = sorted(DEV_ARTICLES.glob("dev0*.txt"))


def _mutations(text: str, rng: random.Random):
    lines = text.split("\n")
    yield "\n".join(lines[2:])  # no breadcrumb
    yield "\n".join(line for line in lines if "2016年12月13日" not in line)  # no date line
    yield text[: len(text) // 3]  # cut mid-paragraph
    yield text.replace("“", "").replace("”", "“")  # quotes broken everywhere
    yield text.replace(",", "，").replace("(", "（").replace(")", "）")  # full-width punctuation
    yield "\r\n".join(lines)
    yield text + text  # the page twice: the second copy is page chrome
    yield "\n".join(rng.sample(lines, len(lines)))  # lines shuffled
    for _ in range(12):
        chars = list(text)
        for _ in range(40):
            i = rng.randrange(len(chars))
            chars[i] = rng.choice(
                ["", "\n", "》", "《", "“", "元", "名", "0", "萬", "余", "以下", "至", "市", "委", " "]
            )
        yield "".join(chars)


@pytest.mark.parametrize("name", ["seed", *(p.name for p in DEV)])
def test_damaged_pages(tmp_path, seed_article, name):
    text = seed_article.text if name == "seed" else (DEV_ARTICLES / name).read_text(encoding="utf-8")
    rng = random.Random(20161213)
    outcomes, quads = {"built": 0, "refused": 0}, []
    for i, page in enumerate(_mutations(text, rng)):
        path = tmp_path / f"m{i}.txt"
        path.write_text(page, encoding="utf-8")
        try:
            quads += build_article(path).quads()
            outcomes["built"] += 1
        except KgError as e:
            assert str(e).startswith(str(path)), e
            outcomes["refused"] += 1
    assert outcomes["built"] >= 14, outcomes
    report = validate(quads)
    assert report.counts["Violation"] == 0, report.text()


def test_a_saved_web_page_builds_like_its_text(tmp_path, seed_article, seed_extraction):
    lines = [line for line in seed_article.text.split("\n") if line.strip()]
    page = (
        "<!DOCTYPE html><html><head><title>CPC News</title><style>p {margin: 0}</style></head><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "<script>track();</script></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article, graph = (built := build_article(path)).article, built.quads()
    ex = extract(article, load_lexicon())
    assert article.clean_at(article.meta["title"]) == "“四張藍圖”全力助推脫貧攻堅"
    assert [(f.value, f.unit) for f in ex.figures] == [(f.value, f.unit) for f in seed_extraction.figures]
    assert [d.title for d in ex.documents] == [d.title for d in seed_extraction.documents]
    assert validate(list(graph)).conforms


def test_a_document_stated_twice_is_two_statements(tmp_path):
    text = (DEV_ARTICLES / "dev01_qingya_first_secretaries.txt").read_text(encoding="utf-8")
    again = "　　县委、县政府印发《青崖县第一书记考核评价细则》，对第一书记实行年度考核。\n\n（来源："
    path = tmp_path / "twice.txt"
    path.write_text(text.replace("（来源：", again, 1), encoding="utf-8")
    graph = build_article(path).quads()
    assert validate(list(graph)).conforms
    statements = [q for q in graph if q.predicate.value.endswith("#predicate") and q.object.value.endswith("#issuer")]
    assert len(statements) == 6  # 县委 and 县政府 issue two documents; the second is stated again: 2 + 2 + 2


def test_page_without_date_line_builds(tmp_path, seed_article):
    path = tmp_path / "nodate.txt"
    lines = [line for line in seed_article.text.split("\n") if "2016年12月13日" not in line]
    path.write_text("\n".join(lines), encoding="utf-8")
    article, ds = (built := build_article(path)).article, built.quads()
    assert "published" not in article.meta
    assert article.clean_at(article.meta["title"]) == "“四張藍圖”全力助推脫貧攻堅"
    assert len(ds) > 3000


@pytest.mark.parametrize("line", ["2016年13月45日10:07", "2016-02-30 10:00"])
def test_impossible_date_is_an_error(tmp_path, seed_article, line):
    path = tmp_path / "baddate.txt"
    path.write_text(seed_article.text.replace("2016年12月13日10:07", line), encoding="utf-8")
    with pytest.raises(KgError) as e:
        build_article(path)
    assert str(e.value) == f"{path}: line 5: not a valid date: {line}"
