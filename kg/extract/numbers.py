"""Numerals and figures: Arabic and Chinese numerals, 萬/億, %, 成, ranges and qualifiers.

The grammar is built from the lexicon's ``units``, ``multipliers`` and ``qualifiers``
schemes; it runs over the Simplified shadow text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["parse_number", "chinese_to_number", "FigureMatch", "figure_pattern", "find_figures"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
ZH_NUMERAL = "零〇一二两三四五六七八九十百千"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def chinese_to_number(s: str) -> int:
    """Value of a Chinese numeral.

    >>> chinese_to_number("二十五"), chinese_to_number("一千三百五十"), chinese_to_number("百")
    (25, 1350, 100)
    >>> chinese_to_number("一万三千"), chinese_to_number("四百六十")
    (13000, 460)
    """
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            total += (section or 1) * _BIG_UNITS[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + section + (digit or 0)


def parse_number(s: str) -> float:
    """Value of an Arabic (half- or full-width) or Chinese numeral.

    >>> parse_number("6.18"), parse_number("２０"), parse_number("三")
    (6.18, 20.0, 3.0)
    """
    s = s.translate(_FULLWIDTH).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return float(chinese_to_number(s))


@dataclass(frozen=True)
class FigureMatch:
    start: int
    end: int
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str
    qualifier: str
    qualifier_printed: str | None
    chinese: bool
    unit_span: tuple[int, int] | None = None


_AR = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_ZH = f"[{ZH_NUMERAL}]+(?:[万亿][{ZH_NUMERAL}]+)*"  # 一万三千: 万 inside a numeral, not its multiplier


@lru_cache(maxsize=8)
def figure_pattern(
    units: tuple,
    infix: tuple,
    before: tuple,
    after: tuple,
    multipliers: tuple,
    percent: tuple = (),
    ordinal: tuple = (),
    ranges: tuple = (),
) -> re.Pattern:
    """The pattern of a figure: a numeral with its multiplier, unit and qualifiers, a range of two, or a
    percentage written with a percent word; not a numeral after a digit or an ordinal prefix."""
    alt = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))
    not_after = "".join(re.escape(c) for c in ordinal if len(c) == 1)
    num = rf"(?:{_AR}|{_ZH})"
    mult = f"(?:{alt(multipliers)})"
    inf = f"(?:{alt(infix)})"
    one = rf"(?P<{{n}}>{num})(?P<{{i1}}>{inf})?(?P<{{m}}>{mult})?(?P<{{i2}}>{inf})?"
    first = one.format(n="num", i1="inf1", m="mult", i2="inf2")
    second = one.format(n="num2", i1="inf3", m="mult2", i2="inf4")
    return re.compile(
        rf"(?<![0-9０-９.{not_after}])(?P<pre>{alt(before)})?(?:(?P<pct>{alt(percent)})(?P<pnum>{num})(?P<ppost>{alt(after)})?|{first}"
        rf"(?:(?P<unit1>{alt(units)})?(?P<dash>{'|'.join(re.escape(r) for r in ranges)}|~|～|-|－|—){second})?"
        rf"(?P<unit>{alt(units)})(?P<post>{alt(after)})?)"
    )


def find_figures(shadow: str, lexicon, start: int = 0, end: int | None = None) -> list[FigureMatch]:
    """Every figure in ``shadow[start:end]``, with value, unit and qualifier resolved by the lexicon."""
    units = {f: c for f, c in lexicon.forms("units")}
    quals = {f: c for f, c in lexicon.forms("qualifiers")}
    mults = {f: float(c.prop("factor")) for f, c in lexicon.forms("multipliers")}
    by_pos = lambda pos: tuple(f for f, c in quals.items() if c.prop("position") == pos)
    pat = figure_pattern(
        tuple(units),
        by_pos("infix"),
        by_pos("before"),
        by_pos("after"),
        tuple(mults),
        tuple(lexicon.words("word-percent")),
        tuple(lexicon.words("word-ordinal")),
        tuple(lexicon.words("word-range")),
    )
    out = []
    end = len(shadow) if end is None else end
    for m in pat.finditer(shadow, start, end):
        if m["pct"]:
            q = quals.get(m["pre"] or m["ppost"] or "")
            out.append(
                FigureMatch(
                    m.start(),
                    m.end(),
                    _tidy(parse_number(m["pnum"]) / 100),
                    None,
                    None,
                    "%",
                    q.prop("qualifierKind") if q else "exact",
                    m["pre"] or m["ppost"],
                    True,
                )
            )
            continue
        unit_c = units[m["unit"]]
        chinese = not re.match(r"[0-9０-９]", m["num"])
        if unit_c.prop("onlyInRange") and not m["dash"]:
            continue
        if m["dash"] and chinese != (not re.match(r"[0-9０-９]", m["num2"])):
            continue
        if unit_c.prop("onlyInRange") and re.fullmatch(r"(19|20)\d\d", m["num"].translate(_FULLWIDTH)):
            continue  # 2016—2020年 is a period, not a quantity of years

        def value(n, mult):
            return parse_number(n) * (mults[mult] if mult else 1)

        factor = float(unit_c.prop("factor") or 1)
        v1 = value(m["num"], m["mult"] or (m["mult2"] if m["dash"] else None)) * factor
        pre, post = m["pre"], m["post"]
        infix = m["inf1"] or m["inf2"]
        if m["pre"] and m["post"]:
            continue  # 近…左右: two qualifiers on one figure is not a pattern of the genre
        if m["dash"]:
            v2 = value(m["num2"], m["mult2"]) * factor
            if v2 < v1:
                continue  # 198至7人: not a range the genre writes; neither number is read as one
            qual, printed = "range", m["dash"]
            vals = (None, _tidy(v1), _tidy(v2))
        else:
            printed = pre or post or None
            q = quals.get(pre or post or infix or "")
            qual = q.prop("qualifierKind") if q else "exact"
            vals = (_tidy(v1), None, None)
        out.append(FigureMatch(m.start(), m.end(), *vals, m["unit"], qual, printed, chinese, m.span("unit")))
    return out


def _tidy(v: float) -> float:
    r = round(v, 10)
    return float(int(r)) if r == int(r) else r
