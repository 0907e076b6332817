"""Damaged pages either build or fail with a KgError naming the file: never another exception."""

import random

import pytest

from kg.errors import KgError
from kg.pipeline import build_article


def _mutations(text: str, rng: random.Random):
    lines = text.split("\n")
    yield "\n".join(lines[2:])  # no breadcrumb
    yield "\n".join(line for line in lines if "2016年12月13日" not in line)  # no date line
    yield text[: len(text) // 3]  # cut mid-paragraph
    yield text.replace("“", "").replace("”", "“")  # quotes broken everywhere
    yield text.replace(",", "，").replace("(", "（").replace(")", "）")  # full-width punctuation
    yield "\r\n".join(lines)
    for _ in range(12):
        chars = list(text)
        for _ in range(40):
            i = rng.randrange(len(chars))
            chars[i] = rng.choice(["", "\n", "》", "《", "“", "元", "名", "0", "萬", "余", "以下", "至", "市", "委", " "])
        yield "".join(chars)


def test_damaged_pages(tmp_path, seed_article):
    rng = random.Random(20161213)
    outcomes = {"built": 0, "refused": 0}
    for i, text in enumerate(_mutations(seed_article.text, rng)):
        path = tmp_path / f"m{i}.txt"
        path.write_text(text, encoding="utf-8")
        try:
            build_article(path)
            outcomes["built"] += 1
        except KgError as e:
            assert str(e).startswith(str(path)), e
            outcomes["refused"] += 1
    assert outcomes["built"] >= 15


def test_page_without_date_line_builds(tmp_path, seed_article):
    path = tmp_path / "nodate.txt"
    path.write_text("\n".join(l for l in seed_article.text.split("\n") if "2016年12月13日" not in l), encoding="utf-8")
    article, ds = build_article(path)
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
