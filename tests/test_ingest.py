from datetime import datetime, timedelta, timezone

import pytest

from kg.errors import InputError, NoArticleBody
from kg.ingest import read_article


def test_seed_metadata_spans(seed_article):
    a = seed_article
    assert a.script == "zh-Hant"
    assert a.clean_at(a.meta["title"]) == "“四張藍圖”全力助推脫貧攻堅"
    assert (a.meta["title"].start, a.meta["title"].end) == (41, 55)
    span, when, has_time = a.meta["published"]
    assert a.text[span.start : span.end] == "2016年12月13日10:07"
    assert when == datetime(2016, 12, 13, 10, 7, tzinfo=timezone(timedelta(hours=8))) and has_time
    assert a.meta["breadcrumb"][1] == ["中國共產黨新聞", "黨建", "黨建專題", "地方黨建動態", "走進四川", "基層黨建聚焦"]
    assert a.meta["contributor"][1:] == ("華鎣市委組織部", "供稿")
    assert a.text[a.meta["contributor"][0].start : a.meta["contributor"][0].end] == "(華?市委組織部供稿)"
    assert a.meta["editors"][1] == ["高巍", "秦華"]


def test_seed_regions(seed_article):
    a = seed_article
    assert (a.content.start, a.content.end) == (0, 2579)
    assert (a.body.start, a.body.end) == (79, 2554)
    assert a.text[a.chrome.start :].startswith("推薦閱讀")
    assert len(a.paragraphs) == 5
    assert all(a.body.start <= s.start < s.end <= a.body.end for s in a.sentences)
    assert a.clean[a.sentences[0].start : a.sentences[0].end].endswith("攻堅戰。")


def test_repairs_recorded_and_offsets_kept(seed_article):
    a = seed_article
    assert len(a.repairs) == 11
    assert all(r.printed == "華?" and r.repaired == "華鎣" for r in a.repairs)
    assert "華?" not in a.clean and len(a.clean) == len(a.text)
    assert all(a.text[r.span.start : r.span.end] == "華?" for r in a.repairs)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "big5"])
def test_encodings_detected(tmp_path, seed_article, encoding):
    text = seed_article.text
    if encoding == "big5":
        text = text.replace("﹔", "；")  # U+FE54 has no Big5 code point
    data = text.encode(encoding, errors="replace" if encoding == "big5" else "strict")
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    a = read_article(path)
    assert a.clean_at(a.meta["title"]) == "“四張藍圖”全力助推脫貧攻堅"
    assert len(a.paragraphs) == 5


def test_crlf_normalised(tmp_path, seed_article):
    path = tmp_path / "crlf.txt"
    path.write_bytes(seed_article.text.replace("\n", "\r\n").encode("utf-8"))
    a = read_article(path)
    assert a.text == seed_article.text


def test_forced_encoding_that_does_not_fit(tmp_path, seed_path):
    with pytest.raises(InputError, match="cannot decode as ascii"):
        read_article(seed_path, encoding="ascii")


@pytest.mark.parametrize(
    "content, error, message",
    [
        (b"", InputError, "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", InputError, "not a text file (binary content)"),
        ("只有一行字".encode(), NoArticleBody, "no article body"),
    ],
)
def test_bad_input(tmp_path, content, error, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as e:
        read_article(path)
    assert str(e.value).startswith(f"{path}: {message}")


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as e:
        read_article(tmp_path / "nope.txt")
    assert str(e.value) == f"{tmp_path / 'nope.txt'}: no such file"
