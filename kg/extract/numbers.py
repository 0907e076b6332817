"""Numerals and figures: the number grammar of the genre.

A figure is a numeral with its unit (25名, 6.18萬隻, 百分之五十), optionally a multiplier,
a qualifier before, inside or after it (近, 余, 以上) or a second numeral that makes it a
range (15至20個). Fractions (三分之二, 2/3), ages (60歲以上), household sizes (一家5口),
levels (五級), lengths of time (任期兩年, 為期半年) and approximate counts with no unit
(受益群眾2000余, 近萬, 1.2萬貧困人口) are figures too. The grammar is built once per lexicon
from its ``units``, ``multipliers``, ``qualifiers`` and ``figure-grammar`` schemes and runs
over the Simplified shadow text in one pass; what a figure means in its sentence is left to
:mod:`kg.extract.figures`.

Examples
--------
>>> from kg.lexicon import load_lexicon
>>> text = "驻村3年，三分之二的农户入股，受益群众2000余，2016年12月13日"
>>> [(text[f.start : f.end], f.value, f.unit, f.qualifier) for f in find_figures(text, load_lexicon())]
[('3年', 3.0, '年', 'exact'), ('三分之二', 0.6667, '分之', 'exact'), ('2000余', 2000.0, '', 'more_than')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from kg.lexicon import CJK, Lexicon, alternation, compiled

from .numerals import PLACES, ZH_DIGITS, ZH_NUMERAL, chinese_to_number, decimal_part, parse_number, well_formed

# parse_number and chinese_to_number live in .numerals; they stay importable from here
__all__ = ["parse_number", "chinese_to_number", "FigureMatch", "figure_pattern", "find_figures"]

_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CLAUSE_END = "，,。．；;：:！!？?、）)」』”\"'\n\u3000 "


@dataclass(frozen=True)
class FigureMatch:
    """One figure found by :func:`find_figures`, its value resolved but not yet read in context.

    Attributes
    ----------
    start, end : int
        Offsets of the figure in the text searched, qualifiers included.
    value, value_min, value_max : float or None
        The value (a percentage as a share, 3% is 0.03; a fraction to four places), or the two ends of a range.
    unit : str
        The unit form as written in the shadow text (``%`` for a percentage, ``分之`` or ``/`` for a fraction,
        the empty string for a count with no measure word); a form of the lexicon's ``units`` scheme.
    qualifier, qualifier_printed : str, str or None
        The lexicon's ``qualifierKind`` (``exact`` when none, ``range`` for a range); the qualifier word
        written before or after the numeral, or the range mark.
    chinese : bool
        Whether the numeral is written in Chinese characters.
    unit_span : tuple of int or None
        Offsets of the unit, when it is written after the numeral (not for a percentage, fraction or bare count).
    qualifier_span : tuple of int or None
        Offsets of a qualifier written apart from the figure, before a short verb (至少联系1个); it is then not
        in ``start:end`` and ``qualifier_printed`` is ``None``.

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
    qualifier_span: tuple[int, int] | None = None


_AR = r"(?<![0-9０-９.．/／])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"


class _Unit(NamedTuple):
    """What the grammar needs of a unit form: its factor and the words that keep its numeral from being a figure."""

    factor: float
    not_before: tuple[str, ...]  # 三年来, 三级医院
    not_after: tuple[str, ...]  # 上半年, 每3天
    duration: bool
    only_as_duration: bool
    only_in_range: bool
    infix: str | None  # the qualifier written inside the form (个多月)
    half: bool  # 年半, 个半月


class _Grammar:
    """What :func:`find_figures` reads from the lexicon, derived once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        self.point, self.half = words("figure-decimal-point")[0], words("figure-half")[0]
        self.quals = {f: c.prop("qualifierKind") for f, c in lexicon.forms("qualifiers")}
        self.mults = {f: float(c.prop("factor")) for f, c in lexicon.forms("multipliers")}
        infixes = [f for f, c in lexicon.forms("qualifiers") if c.prop("position") == "infix"]
        self.units = {
            f: _Unit(
                float(c.prop("factor") or 1),
                tuple(c.prop_values("notBefore")),
                tuple(c.prop_values("notAfter")),
                bool(c.prop("isDuration")),
                bool(c.prop("onlyAsDuration")),
                bool(c.prop("onlyInRange")),
                next((q for q in infixes if q in f), None),
                self.half in f,
            )
            for f, c in lexicon.forms("units")
        }
        self.cues, self.tails = tuple(words("figure-duration-cue")), tuple(words("figure-duration-tail"))
        self.pattern = figure_pattern(lexicon)
        # every figure starts with one of these: a digit, a numeral, a multiplier, a qualifier or word before a
        # numeral, an idiom; the pattern is tried only there (a scan for them runs in C, the pattern does not)
        starts = [f for f, c in lexicon.forms("qualifiers") if c.prop("position") == "before"]
        starts += words("word-percent") + words("figure-idioms") + [self.half]
        first = set(ZH_NUMERAL + "万亿0123456789０１２３４５６７８９") | {w[0] for w in starts if w}
        self.first = compiled(f"[{re.escape(''.join(sorted(first)))}]")
        adverbs = alternation(words("figure-adverb-qualifier"))
        self.adverb = compiled(rf"(?P<adv>{adverbs})(?:(?![{ZH_NUMERAL}万亿])[{CJK}]){{1,3}}$")


def figure_pattern(lexicon: Lexicon) -> re.Pattern:
    """The pattern of a figure, built from the lexicon once and kept (:meth:`Lexicon.derived`).

    A figure is a numeral (Arabic, Chinese with an optional decimal point, or the half of a length of
    time) with its multiplier, unit and qualifiers, a range of two, a percentage written with a percent
    word, or a fraction; an idiom with numerals is matched whole so that nothing inside it is read.
    Not a numeral after a digit, an ordinal prefix or a vague prefix (数十个).

    Returns
    -------
    re.Pattern
        With the named groups ``idiom``; ``pre`` (a qualifier before); ``pct``, ``pnum``, ``ppost`` (a
        percentage); ``fden``, ``fmark``, ``fnum`` and ``snum``, ``smark``, ``sden`` with ``fpost``/``spost``
        (fractions); ``num``, ``inf1``, ``mult``, ``inf2``, ``unit1``, ``dash``, ``num2``, ``mult2``, ``unit``,
        ``post`` (a figure or a range).

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> pat = figure_pattern(load_lexicon())
    >>> m = pat.search("共有近3万名干部")
    >>> m["pre"], m["num"], m["mult"], m["unit"]
    ('近', '3', '万', '名')
    >>> [m.group() for m in pat.finditer("培训200余名，新建15至20个，第3名，百分之五十以上，数十个")]
    ['200余名', '15至20个', '百分之五十以上']
    """
    return lexicon.derived("figure-pattern", _build_pattern)


def _build_pattern(lexicon: Lexicon) -> re.Pattern:
    units = [f for f, c in lexicon.forms("units") if f and not c.prop("betweenNumerals")]
    quals = lexicon.forms("qualifiers")
    blockers = lexicon.words("figure-not-qualifier")

    def before_form(q: str) -> str:
        stops = {b[: -len(q)] for b in blockers if b.endswith(q) and len(b) > len(q)}
        return "".join(f"(?<!{re.escape(s)})" for s in sorted(stops)) + re.escape(q)

    before = "|".join(before_form(f) for f, c in quals if c.prop("position") == "before")
    after = alternation(f for f, c in quals if c.prop("position") == "after")
    inf = alternation(f for f, c in quals if c.prop("position") == "infix")
    mult = alternation(f for f, _ in lexicon.forms("multipliers"))
    unit = alternation(units)
    digits = "".join(d for d in ZH_NUMERAL if d not in "十百千")
    zh = f"(?<![{ZH_NUMERAL}万亿])[{ZH_NUMERAL}]+(?:[万亿][{ZH_NUMERAL}]+)*"
    zh += f"(?:{alternation(lexicon.words('figure-decimal-point'))}[{digits}]+)?"
    num = f"(?:{_AR}|{zh})"
    half = alternation(lexicon.words("figure-half"))
    ranges = alternation([*lexicon.words("word-range"), "~", "～", "-", "－", "—"])
    no_start = "".join(w for w in lexicon.words("word-ordinal") + lexicon.words("figure-vague") if len(w) == 1)
    ar_int = r"(?<![0-9０-９.．/／])[0-9０-９]+"
    slash = alternation(lexicon.words("figure-fraction-slash"))
    return compiled(
        rf"(?<![0-9０-９.．{re.escape(no_start)}])(?:(?P<idiom>{alternation(lexicon.words('figure-idioms'))})"
        rf"|(?P<pre>{before})?(?:(?P<pct>{alternation(lexicon.words('word-percent'))})(?P<pnum>{num})"
        rf"(?P<ppost>{after})?"
        rf"|(?P<fden>{num}|{mult})(?P<fmark>{alternation(lexicon.words('figure-fraction-word'))})(?P<fnum>{num})"
        rf"(?P<fpost>{after})?"
        rf"|(?P<snum>{ar_int})(?P<smark>{slash})(?P<sden>[0-9０-９]+)(?![0-9０-９.．/／])(?P<spost>{after})?"
        rf"|(?:(?P<num>{num}|{half})|(?(pre)(?={mult})|(?=(?:{mult})(?:{inf}))))"
        rf"(?P<inf1>{inf})?(?P<mult>{mult})?(?P<inf2>{inf})?"
        rf"(?:(?P<unit1>{unit})?(?P<dash>{ranges})(?P<num2>{num})(?P<inf3>{inf})?(?P<mult2>{mult})?(?P<inf4>{inf})?)?"
        rf"(?:(?P<unit>{unit})|(?(pre)|(?(mult)|(?(inf1)|(?(inf2)|(?={after}))))))(?P<post>{after})?))"
    )


def find_figures(shadow: str, lexicon: Lexicon, start: int = 0, end: int | None = None) -> list[FigureMatch]:
    """Every figure in ``shadow[start:end]``, with value, unit and qualifier resolved by the lexicon.

    Not figures: two qualifiers on one figure, a range of mixed Arabic and Chinese numerals, a range
    that runs backwards (198至7人), a year or a period of years (2016年, 2016—2020年), a number of years
    that is no duration (三年来, 三年行动), a numeral in an idiom or slogan (五个一), a malformed Chinese
    numeral (十三五, 三五个), a grade (三级医院) and a bare number with no unit, multiplier or qualifier.

    Parameters
    ----------
    shadow : str
        Simplified text (an article's ``shadow``).
    lexicon : Lexicon
        Gives the units, multipliers, qualifiers and the figure grammar's words.
    start, end : int
        The part of ``shadow`` to search (all of it by default); offsets stay those of ``shadow``.

    Returns
    -------
    list of FigureMatch
        In text order.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> found = find_figures("发生率降至3%以下，新建活动室15至20个，投入40余万元，60岁以上", load_lexicon())
    >>> [(f.value, f.value_min, f.value_max, f.unit, f.qualifier) for f in found]
    [(0.03, None, None, '%', 'below'), (None, 15.0, 20.0, '个', 'range'), (400000.0, None, None, '元', 'more_than'),
     (60.0, None, None, '岁', 'more_than')]
    >>> [f.value for f in find_figures("近万群众，1.2万贫困人口，任期两年，为期半年，三年来，十三五", load_lexicon())]
    [10000.0, 12000.0, 2.0, 0.5]
    """
    g: _Grammar = lexicon.derived("figure-grammar", _Grammar)
    end = len(shadow) if end is None else end
    out: list[FigureMatch] = []
    at = start
    for c in g.first.finditer(shadow, start, end):
        if c.start() < at or (m := g.pattern.match(shadow, c.start(), end)) is None:
            continue
        at = m.end()
        if m["idiom"] or (m["pre"] and (m["ppost"] or m["fpost"] or m["spost"] or m["post"])):
            continue  # 近…左右: two qualifiers on one figure is not a pattern of the genre
        if m["pct"]:
            out.append(_percent(g, m, m["pnum"], 100.0, "%", m["ppost"]))
        elif m["fmark"]:
            den = g.mults[m["fden"]] if m["fden"] in g.mults else _value(g, m["fden"])
            if den > 0:
                out.append(_percent(g, m, m["fnum"], den, m["fmark"], m["fpost"]))
        elif m["smark"]:
            n, d = parse_number(m["snum"]), parse_number(m["sden"])
            if 0 < n < d:
                out.append(_percent(g, m, m["snum"], d, m["smark"], m["spost"]))
        else:
            f = _figure(g, m, shadow, start, end)
            if f is not None:
                out.append(f)
    return out


def _value(g: _Grammar, numeral: str, mult: str | None = None) -> float:
    """A numeral's value, times its multiplier: 三点五 is 3.5, 一亿三千 + 万 is 130,000,000 (not 10^12)."""
    if numeral[0].isdigit():
        return float(numeral.translate(_FULLWIDTH).replace(",", "")) * (g.mults[mult] if mult else 1)
    if numeral == g.half:
        return 0.5
    whole, _, decimals = numeral.partition(g.point)
    if decimals:
        value = chinese_to_number(whole) + decimal_part(decimals)
        return value * (g.mults[mult] if mult else 1)
    return float(chinese_to_number(whole + mult if mult in _BIG_UNITS else whole)) * (
        g.mults[mult] if mult and mult not in _BIG_UNITS else 1
    )


def _percent(g: _Grammar, m: re.Match, numeral: str, denominator: float, unit: str, post: str | None) -> FigureMatch:
    """A share: a percentage (百分之五十) or a fraction (三分之二, 2/3), with a qualifier before or after."""
    value = _value(g, numeral) / denominator
    value = _tidy(value if unit == "%" else round(value, 4))
    q = m["pre"] or post
    return FigureMatch(
        m.start(), m.end(), value, None, None, unit, g.quals.get(q or "", "exact"), q, not numeral[0].isdigit()
    )


def _figure(g: _Grammar, m: re.Match, sh: str, zone_start: int, zone_end: int) -> FigureMatch | None:
    """A count or measure with its unit (or none), or a range; ``None`` where the match is no figure."""
    num, mult, unit, dash, num2, mult2, pre, post = m.group(
        "num", "mult", "unit", "dash", "num2", "mult2", "pre", "post"
    )
    unit = unit or ""
    u, end = g.units[unit], m.end()
    chinese = num is None or not num[0].isdigit()
    if chinese and num:
        if num == g.half:
            if not u.duration:
                return None
        elif not well_formed(num.partition(g.point)[0]):
            return None
        elif not unit and not any(c in PLACES for c in num + (mult or "")):
            return None  # 三多, 一余: a qualified count in Chinese numerals names its place (近百, 十余)
        elif not unit and mult and not any(c in ZH_DIGITS for c in num):
            return None  # 千万, 十万: adverbs and idioms, not counts
    if (dash and (not unit or chinese == num2[0].isdigit())) or (u.only_in_range and not dash):
        return None
    v1 = _value(g, num or "一", mult or (mult2 if dash else None)) + (0.5 if u.half else 0)
    if chinese and unit and v1 < 10 and end < zone_end and (sh[end] in ZH_DIGITS or sh[end].isdigit()):
        return None  # 五个一, 一户一策, 一家5口: a slogan or a compound
    if u.not_before and sh.startswith(u.not_before, m.end("unit")):
        return None  # 三年来, 三级医院, 成员
    numeral_at = m.start("num") if num else m.start("mult")
    infix = m.group("inf1") or m.group("inf2") or m.group("inf3") or m.group("inf4") or u.infix
    if u.not_after or u.only_as_duration:
        before = sh[max(zone_start, numeral_at - 4) : numeral_at]
        at_head = m.start() == zone_start or sh[m.start() - 1] in _CLAUSE_END
        if any(before.endswith(w) and (at_head or not (pre or "").endswith(w)) for w in u.not_after):
            return None  # 上半年, 每3天; 近三年 at the head of a clause
        if u.only_as_duration and v1 == int(v1) and 1900 <= v1 <= 2099 and not pre:
            return None  # 2016年, 2016—2020年: a year or a period
        ends = end >= zone_end or sh[end] in _CLAUSE_END or sh.startswith(g.tails, end)
        if u.only_as_duration and not (pre or post or infix or dash or ends or before.endswith(g.cues)):
            return None  # 三年累计, 三年行动: a time phrase or a name
    span, apart = m.span("unit") if unit else None, None
    if dash:
        v2 = _value(g, num2, mult2) * u.factor
        if v2 < v1 * u.factor:
            return None  # 198至7人: not a range the genre writes; neither number is read as one
        return FigureMatch(m.start(), end, None, _tidy(v1 * u.factor), _tidy(v2), unit, "range", dash, chinese, span)
    qual = g.quals.get(pre or post or infix or "", "exact")
    if qual == "exact" and (a := g.adverb.search(sh, max(zone_start, numeral_at - 6), numeral_at)):
        qual, apart = g.quals[a["adv"]], a.span("adv")  # 至少联系1个
    value = _tidy(v1 * u.factor)
    return FigureMatch(m.start(), end, value, None, None, unit, qual, pre or post or None, chinese, span, apart)


def _tidy(v: float) -> float:
    r = round(v, 10)
    return float(int(r)) if r == int(r) else r
