"""Figures: every number the title and body state, with unit, qualifier and status.

:mod:`kg.extract.numbers` finds the numerals and their units; this module places each in
its clause and decides what it is there: a target (a cue such as 力爭 in the clause), a
standard (每年…不少於), a threshold (超過50萬元的企業) or an actual figure, and whether it
is a part of a figure before it (其中…、…). Numerals in slogans and names (五個一) and the
idiomatic 一 of 一條路子 are not figures. What each counts is read by :mod:`kg.extract.counted`,
where and when it holds by :mod:`kg.extract.scope`.
"""

from __future__ import annotations

from bisect import bisect_left

from kg.ingest import Article
from kg.lexicon import Lexicon, compiled
from kg.span import Span

from .context import clause_of, inside, quoted, script_form, sentence_of, titles
from .numbers import FigureMatch, find_figures
from .records import Extraction, Figure
from .scope import article_periods

__all__ = ["find_figures_in"]

#: Punctuation that ends the reach of 其中 (a list of parts runs on through 、 and ，).
_CLAUSE_ENDS = frozenset("\u3002\uff1b;)\uff09")


def find_figures_in(article: Article, lexicon: Lexicon, ex: Extraction) -> None:
    r"""Add every figure of the title and body to ``ex.figures``, in text order.

    Parameters
    ----------
    article : Article
        The article to read.
    lexicon : Lexicon
        Gives the units, qualifiers, and the cues of targets, standards and thresholds.
    ex : Extraction
        Receives the :class:`~kg.extract.records.Figure` records. Later rules read them and refer to them by
        index: :mod:`~kg.extract.counted` says what each counts, :mod:`~kg.extract.scope` where and when it holds.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "截至目前，全县培育养殖户1440余户，其中贫困户300户，力争新建活动室近30个。"
    >>> article, ex = parse_article("标题\n2016年12月13日\n" + text + "\n"), Extraction()
    >>> find_figures_in(article, load_lexicon(), ex)
    >>> [(f.printed, f.value, f.qualifier, f.status, f.part_of) for f in ex.figures]
    [('1440余户', 1440.0, 'more_than', 'actual', None),
     ('300户', 300.0, 'exact', 'actual', 0),
     ('近30个', 30.0, 'nearly', 'target', None)]
    """
    sh, quotes, names = article.shadow, quoted(article), titles(article)
    cues = [f for f, _ in lexicon.forms("target-cues")]
    units = dict(lexicon.forms("units"))
    fact_zones = [article.meta["title"]] + article.paragraphs
    subset_words = lexicon.words("word-subset")
    time_starts = [p.span.start for p in article_periods(article, lexicon)]
    for z in fact_zones:
        for f in find_figures(sh, lexicon, z.start, z.end):
            fs = Span(f.start, f.end)
            in_quote, in_title = inside(fs, quotes), inside(fs, names)
            if f.chinese and (in_quote or in_title):
                continue  # numerals inside slogans and names: 五個一, 二十項重點工程
            clause = clause_of(article, f.start)
            if f.chinese and _idiomatic_one(lexicon, sh, f, clause):
                continue
            sent = sentence_of(article, f.start)
            status = _status(lexicon, sh, f, clause, cues)
            part_of = None
            lead = max(sh.rfind(w, sent.start, f.start) for w in subset_words)
            reach = sh[lead : f.start]
            k = bisect_left(time_starts, lead)  # a time phrase after 其中 starts another statement
            new_time = lead >= 0 and k < len(time_starts) and time_starts[k] < f.start
            leads = [lead] if lead >= 0 and not new_time and not any(c in _CLAUSE_ENDS for c in reach) else []
            if (
                leads and ex.figures
            ):  # the whole is the last figure in the same unit before 其中 (、 may separate parts)
                unit = units[f.unit].iri if f.unit in units else None
                prev = [
                    i
                    for i, g in enumerate(ex.figures)
                    if sent.start <= g.figure_span.start < leads[-1] and g.unit_concept == unit
                ]
                part_of = prev[-1] if prev else None
            ex.figures.append(
                Figure(
                    span=clause,
                    figure_span=fs,
                    printed=article.clean[f.start : f.end],
                    value=f.value,
                    value_min=f.value_min,
                    value_max=f.value_max,
                    unit=article.clean[f.unit_span[0] : f.unit_span[1]]
                    if f.unit_span
                    else script_form(article, f.unit),
                    unit_concept=units[f.unit].iri if f.unit in units else None,
                    qualifier=f.qualifier,
                    qualifier_printed=article.clean[f.qualifier_span[0] : f.qualifier_span[1]]
                    if f.qualifier_span
                    else _printed_qualifier(article, fs, f.qualifier_printed),
                    status=status,
                    counted="",
                    in_name=bool(in_quote or in_title),
                    part_of=part_of,
                )
            )


def _status(lexicon: Lexicon, sh: str, f: FigureMatch, scope: Span, cues: list[str]) -> str:
    """``target`` with a target cue in the clause; ``standard`` after a standard cue in the clause (每年, 不少於);
    ``threshold`` for a bound that modifies a noun (超過50萬元的企業); else ``actual``."""
    before = sh[scope.start : f.start]
    if any(c in before or c in sh[f.start : scope.end] for c in cues):
        return "target"
    standard = lexicon.words("word-standard-cue")
    if any(w in before[-12:] for w in standard) or (f.qualifier_printed or "") in standard:
        return "standard"
    bound = f.qualifier in ("below", "more_than", "at_most", "at_least")
    if sh.startswith(tuple(lexicon.words("word-attributive")), f.end) and (
        bound or before.endswith(tuple(lexicon.words("word-threshold-lead")))
    ):
        return "threshold"
    return "actual"


def _idiomatic_one(lexicon: Lexicon, sh: str, f: FigureMatch, clause: Span) -> bool:
    """一 + measure word that counts nothing: an indefinite article (探索出一條路子), 一戶一策, 一次性,
    每一名 (each). It is a figure only as a frequency after 每年/每月/每季度 (每年安排一次健康體檢)."""
    if sh[f.start] != "一" or f.value != 1:
        return False
    unit = dict(lexicon.forms("units")).get(f.unit)
    if unit is not None and unit.prop("isDuration"):
        return False  # 任期一年, 為期一個月: a duration
    if (
        compiled(r"一.一").match(sh[f.start : f.start + 3])
        or sh.startswith(tuple(lexicon.words("word-adjectival-suffix")), f.end)
        or sh.endswith(tuple(lexicon.words("word-each")), 0, f.start)
    ):
        return True
    return not lexicon.pattern("pattern-frequency-before-one").search(sh[clause.start : f.start])


def _printed_qualifier(article: Article, fs: Span, hans: str | None) -> str | None:
    """The qualifier word as printed: it stands at the start or the end of the figure's span."""
    if not hans:
        return None
    text = article.shadow[fs.start : fs.end]
    at = 0 if text.startswith(hans) else len(text) - len(hans)
    return article.clean[fs.start + at : fs.start + at + len(hans)]
