"""Numerals and figures: Arabic and Chinese numerals, 萬/億, %, 成, ranges and qualifiers.

A figure is a numeral with its unit (25名, 6.18萬隻, 百分之五十), optionally a multiplier,
a qualifier before, inside or after it (近, 余, 以上) or a second numeral that makes it a
range (15至20個). The grammar is built from the lexicon's ``units``, ``multipliers`` and
``qualifiers`` schemes and runs over the Simplified shadow text; what a figure means in
its sentence is left to :mod:`kg.extract.figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon import Lexicon

__all__ = ["parse_number", "chinese_to_number", "FigureMatch", "figure_pattern", "find_figures"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
ZH_NUMERAL = "零〇一二两三四五六七八九十百千"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def chinese_to_number(s: str) -> int:
    """The value of a Chinese numeral (Simplified), with 十/百/千 inside and 万/亿 between sections.

    Raises
    ------
    ValueError
        ``s`` holds a character that is not part of a Chinese numeral.

    See Also
    --------
    parse_number : also reads Arabic numerals.

    Examples
    --------
    >>> chinese_to_number("二十五"), chinese_to_number("一千三百五十"), chinese_to_number("百")
    (25, 1350, 100)
    >>> chinese_to_number("一万三千"), chinese_to_number("四百六十")
    (13000, 460)
    >>> chinese_to_number("三成")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese numeral: '三成'
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
    """The value of an Arabic (half- or full-width, with thousands commas) or Chinese numeral.

    Raises
    ------
    ValueError
        ``s`` is neither (see :func:`chinese_to_number`).

    Examples
    --------
    >>> parse_number("6.18"), parse_number("２０"), parse_number("1,200"), parse_number("三")
    (6.18, 20.0, 1200.0, 3.0)
    """
    s = s.translate(_FULLWIDTH).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return float(chinese_to_number(s))


@dataclass(frozen=True)
class FigureMatch:
    """One figure found by :func:`find_figures`, its value resolved but not yet read in context.

    Attributes
    ----------
    start, end : int
        Offsets of the figure in the text searched, qualifiers included.
    value, value_min, value_max : float or None
        The value (a percentage as a share, 3% is 0.03), or the two ends of a range.
    unit : str
        The unit form as written in the shadow text (``%`` for a percentage).
    qualifier, qualifier_printed : str, str or None
        The lexicon's ``qualifierKind`` (``exact`` when none, ``range`` for a range); the qualifier word
        written before or after the numeral, or the range mark.
    chinese : bool
        Whether the numeral is written in Chinese characters.
    unit_span : tuple of int or None
        Offsets of the unit, when it is not a percentage.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> text = "共有近30名"
    >>> f = find_figures(text, load_lexicon())[0]
    >>> text[f.start : f.end], f.value, f.unit, f.qualifier, f.qualifier_printed, f.chinese
    ('近30名', 30.0, '名', 'nearly', '近', False)
    """

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
    percentage written with a percent word; not a numeral after a digit or an ordinal prefix.

    Compiled once per set of forms (cached).

    Parameters
    ----------
    units, multipliers : tuple of str
        Unit forms (名, 個) and multiplier forms (万).
    infix, before, after : tuple of str
        Qualifier forms written inside (余), before (近) or after (以上) a numeral.
    percent, ordinal, ranges : tuple of str
        Percent words (百分之), ordinal prefixes (第) and range words (至); a dash is always a range mark.

    Returns
    -------
    re.Pattern
        With the named groups ``pre``, ``num``, ``mult``, ``unit``, ``post``, ``dash``, ``num2`` …, or
        ``pct``, ``pnum`` and ``ppost`` for a percentage.

    Examples
    --------
    >>> pat = figure_pattern(("名", "个"), ("余",), ("近",), ("以上",), ("万",), ("百分之",), ("第",), ("至",))
    >>> m = pat.search("共有近3万名干部")
    >>> m["pre"], m["num"], m["mult"], m["unit"]
    ('近', '3', '万', '名')
    >>> [m.group() for m in pat.finditer("培训200余名，新建15至20个，第3名，百分之五十以上")]
    ['200余名', '15至20个', '百分之五十以上']
    """
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


def find_figures(shadow: str, lexicon: Lexicon, start: int = 0, end: int | None = None) -> list[FigureMatch]:
    """Every figure in ``shadow[start:end]``, with value, unit and qualifier resolved by the lexicon.

    Two qualifiers on one figure, a range of mixed Arabic and Chinese numerals, a range that runs
    backwards (198至7人) and a period of years (2016—2020年) are not figures.

    Parameters
    ----------
    shadow : str
        Simplified text (an article's ``shadow``).
    lexicon : Lexicon
        Gives the units, multipliers, qualifiers and percent, ordinal and range words.
    start, end : int
        The part of ``shadow`` to search (all of it by default); offsets stay those of ``shadow``.

    Returns
    -------
    list of FigureMatch
        In text order.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> found = find_figures("发生率降至3%以下，新建活动室15至20个，投入40余万元", load_lexicon())
    >>> [(f.value, f.value_min, f.value_max, f.unit, f.qualifier) for f in found]
    [(0.03, None, None, '%', 'below'), (None, 15.0, 20.0, '个', 'range'), (400000.0, None, None, '元', 'more_than')]
    """
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
    out: list[FigureMatch] = []
    vals: tuple[float | None, float | None, float | None]
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
        exact, low, high = vals
        out.append(FigureMatch(m.start(), m.end(), exact, low, high, m["unit"], qual, printed, chinese, m.span("unit")))
    return out


def _tidy(v: float) -> float:
    r = round(v, 10)
    return float(int(r)) if r == int(r) else r
