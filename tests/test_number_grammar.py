"""The number grammar of the genre (kg.extract.numbers): fractions, percentages and 成, ages, household sizes,
approximate counts with no unit, multipliers before a noun, Chinese numerals with a measure word, levels and
lengths of time are figures; dates, ordinals, slogans, names, time phrases and idioms are not.

The fixtures in tests/fixtures/numbers are short articles of the genre written for these tests (title line, date
line, body paragraphs); each lists every figure the extractor must report, in text order.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.extract.numbers import chinese_to_number, find_figures, parse_number
from kg.ingest import read_article
from kg.lexicon import load_lexicon

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "numbers"

# (printed, value or (min, max) for a range, unit as printed, qualifier) of every figure, in text order
EXPECTED = {
    "shares.txt": [
        ("三分之二", 0.6667, "分之", "exact"),
        ("超过2/3", 0.6667, "/", "more_than"),
        ("三分之一以上", 0.3333, "分之", "more_than"),
        ("9.6%", 0.096, "%", "exact"),
        ("3.2%", 0.032, "%", "exact"),
        ("6.4个百分点", 0.064, "个百分点", "exact"),
        ("近八成", 0.8, "成", "nearly"),
        ("5万元以上", 50000, "元", "more_than"),
        ("百分之三十五点五", 0.355, "%", "exact"),
        ("千分之五", 0.005, "分之", "exact"),
        ("百分之百", 1, "%", "exact"),
    ],
    "ages_households.txt": [
        ("60岁以上", 60, "岁", "more_than"),
        ("60岁以上", 60, "岁", "more_than"),
        ("412人", 412, "人", "exact"),
        ("80周岁以上", 80, "周岁", "more_than"),
        ("57人", 57, "人", "exact"),
        ("100元", 100, "元", "exact"),
        ("18至60周岁", (18, 60), "周岁", "range"),
        ("5口", 5, "口", "exact"),
        ("超过4万元", 40000, "元", "more_than"),
        ("35岁", 35, "岁", "exact"),
        ("3口人以下", 3, "口人", "below"),
    ],
    "approximate.txt": [
        ("近万", 10000, "", "nearly"),
        ("1.2万人", 12000, "人", "exact"),
        ("23个", 23, "个", "exact"),
        ("4.8万余", 48000, "", "more_than"),
        ("近万", 10000, "", "nearly"),
        ("约3000万元", 30000000, "元", "about"),
        ("2000余", 2000, "", "more_than"),
        ("万余名", 10000, "名", "more_than"),
        ("3个", 3, "个", "exact"),  # 签约3个项目: 约 ends 签约, it qualifies nothing
        ("2名", 2, "名", "exact"),  # 约谈2名
        ("1个", 1, "个", "at_least"),  # 至少联系1个: the qualifier stands before the verb
        ("超过500", 500, "", "more_than"),
    ],
    "chinese_counts.txt": [
        ("三级", 3, "级", "exact"),
        ("三级", 3, "级", "exact"),
        ("五级", 5, "级", "exact"),
        ("两名", 2, "名", "exact"),
        ("三个", 3, "个", "exact"),
        ("十余个", 10, "个", "more_than"),
        ("一百二十名", 120, "名", "exact"),
        ("二十多个", 20, "个", "more_than"),
    ],
    "durations.txt": [
        ("两年", 2, "年", "exact"),
        ("3年", 3, "年", "exact"),
        ("860名", 860, "名", "exact"),
        ("两年", 2, "年", "exact"),
        ("两年以上", 2, "年", "more_than"),
        ("3年", 3, "年", "exact"),
        ("半年", 0.5, "年", "exact"),
        ("4.5亿元", 450000000, "元", "exact"),
        ("3至5年", (3, 5), "年", "range"),
        ("3个多月", 3, "个多月", "more_than"),
        ("两个半月", 2.5, "个半月", "exact"),
        ("一年半", 1.5, "年半", "exact"),
    ],
    "traps.txt": [
        ("156个", 156, "个", "exact"),
        ("2046人", 2046, "人", "exact"),
    ],
    "traditional.txt": [
        ("三個", 3, "個", "exact"),
        ("近萬", 10000, "", "nearly"),
        ("三個", 3, "個", "exact"),
        ("近萬", 10000, "", "nearly"),
        ("三分之二", 0.6667, "分之", "exact"),
        ("60歲以上", 60, "歲", "more_than"),
        ("兩名", 2, "名", "exact"),
        ("兩年", 2, "年", "exact"),
        ("2.6億元", 260000000, "元", "exact"),
        ("1.5萬", 15000, "", "exact"),
        ("4.2個百分點", 0.042, "個百分點", "exact"),
        ("近九成", 0.9, "成", "nearly"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_of_the_fixture(name):
    lexicon = load_lexicon()
    ex = extract(read_article(FIXTURES / name, lexicon=lexicon), lexicon)
    got = [
        (f.printed, (f.value_min, f.value_max) if f.qualifier == "range" else f.value, f.unit, f.qualifier)
        for f in ex.figures
    ]
    assert got == EXPECTED[name]


def test_every_fixture_is_checked():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


def test_units_of_the_new_constructs_are_lexicon_concepts():
    lexicon = load_lexicon()
    ex = extract(read_article(FIXTURES / "approximate.txt", lexicon=lexicon), lexicon)
    bare = lexicon.entry("units-bare").iri
    assert [f.unit_concept for f in ex.figures if f.unit == ""] == [bare] * 5
    shares = extract(read_article(FIXTURES / "shares.txt", lexicon=lexicon), lexicon)
    assert {f.unit_concept.rsplit("/", 1)[-1] for f in shares.figures if f.unit in ("分之", "/")} == {"units-fraction"}


def test_a_qualifier_apart_from_its_figure_gives_its_offsets():
    text = "每家企业至少联系1个贫困村，最多补助5000元"
    found = find_figures(text, load_lexicon())
    assert [(text[f.start : f.end], f.qualifier, f.qualifier_printed, f.qualifier_span) for f in found] == [
        ("1个", "at_least", None, (4, 6)),
        ("5000元", "at_most", None, (14, 16)),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一亿三千万元", [(130_000_000, "元")]),  # 万 after a numeral holding 亿 belongs to the numeral
        ("三点五亿元", [(350_000_000, "元")]),
        ("1,200名", [(1200, "名")]),
        ("万分之三", [(0.0003, "分之")]),
        ("近两倍", [(2, "倍")]),
        ("控制在2%以内", [(0.02, "%")]),
        ("为期一年半", [(1.5, "年半")]),
        ("2019/7/22，3/2，零分之三", []),  # a date, an improper fraction, a zero denominator
        ("十三五期间，三五个，千万不能，数十个，几百名", []),  # a name, vague numbers, an adverb
        ("今年上半年，每半年，三年来，近三年，两年多来，3年内，80年代，三年级", []),  # time phrases
        ("三级医院，二级公路，三番五次，千家万户，一成不变", []),  # grades and idioms
        ("第一书记，第3名，五个一，一户一策", []),  # ordinals and slogans
    ],
)
def test_figure_or_not(text, expected):
    assert [(f.value, f.unit) for f in find_figures(text, load_lexicon())] == expected


_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int, liang: bool = False) -> str:
    """``n`` (0 ≤ n < 10^12) written in Chinese numerals as the genre writes them (十万零五, 一亿零一万); with
    ``liang``, a leading 二 before 百, 千, 万 or 亿, or a lone 二, is written 两."""
    if n == 0:
        return "零"

    def below_ten_thousand(k: int) -> str:
        out, zero = "", False
        for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // place % 10
            if d == 0:
                zero = bool(out)
                continue
            out += ("零" if zero else "") + _DIGITS[d] + name
            zero = False
        return out

    out, gap = "", False
    for k, name in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if k == 0:
            gap = bool(out)
            continue
        out += ("零" if out and (gap or k < 1000) else "") + below_ten_thousand(k) + name
        gap = False
    out = out[1:] if out.startswith("一十") else out
    if liang and out.startswith("二") and (len(out) == 1 or out[1] in "百千万亿"):
        out = "两" + out[1:]
    return out


def test_to_chinese_writes_the_usual_forms():
    assert [to_chinese(n) for n in (10, 15, 110, 1005, 1050, 10_000, 100_005, 100_010_000, 110_000_000)] == [
        "十",
        "十五",
        "一百一十",
        "一千零五",
        "一千零五十",
        "一万",
        "十万零五",
        "一亿零一万",
        "一亿一千万",
    ]
    assert [to_chinese(n, liang=True) for n in (2, 2000, 20)] == ["两", "两千", "二十"]


@given(st.integers(0, 99_999_999), st.booleans())
def test_chinese_to_number_reads_every_integer(n, liang):
    assert chinese_to_number(to_chinese(n, liang)) == n
    assert parse_number(to_chinese(n, liang)) == float(n)


@given(st.integers(0, 10**12 - 1), st.booleans())
def test_any_integer_in_chinese_numerals_with_ge_is_one_figure(n, liang):
    numeral = to_chinese(n, liang)
    text = f"全县新建{numeral}个，"
    found = find_figures(text, load_lexicon())
    assert [(text[f.start : f.end], f.value, f.unit, f.qualifier, f.chinese) for f in found] == [
        (numeral + "个", float(n), "个", "exact", True)
    ]


@given(st.integers(1, 999), st.integers(2, 1000))
def test_a_fraction_in_either_notation_is_its_ratio_to_four_places(a, b):
    a = min(a, b - 1)
    lexicon = load_lexicon()
    for written in (f"{a}/{b}", f"{to_chinese(b)}分之{to_chinese(a)}"):
        (f,) = find_figures(f"占全县贫困户的{written}，", lexicon)
        assert (f.value, f.qualifier) == (round(a / b, 4), "exact")
    assert [f.value for f in find_figures("2/3，三分之二", lexicon)] == [0.6667, 0.6667]


@given(st.dates(min_value=datetime.date(1, 1, 1)), st.booleans())
def test_no_figure_inside_a_date(day, chinese):
    if chinese:
        year = "".join("〇一二三四五六七八九"[int(c)] for c in str(day.year))
        date = f"{year}年{to_chinese(day.month)}月{to_chinese(day.day)}日"
    else:
        date = f"{day.year}年{day.month}月{day.day}日"
    for text in (date, f"{date}，", f"于{date}召开会议", f"截至{date}，"):
        assert find_figures(text, load_lexicon()) == []


_ALPHABET = (
    "0123456789.,/%一二两三四五六七八九十百千万亿零〇"
    + "个名户年岁口级成余多近约超过以上以下左右至分之点半第数，。、（）“”"
)


@settings(max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_any_text_gives_figures_inside_it_with_sound_values(text):
    for f in find_figures(text, load_lexicon()):
        assert 0 <= f.start < f.end <= len(text)
        if f.qualifier == "range":
            assert f.value is None and f.value_min is not None and f.value_max is not None
            assert 0 <= f.value_min <= f.value_max
        else:
            assert f.value is not None and f.value >= 0
        if f.unit_span:
            assert text[f.unit_span[0] : f.unit_span[1]] == f.unit
