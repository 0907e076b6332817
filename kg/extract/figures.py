"""Figures: every number the title and body state, with unit, qualifier, status and what it counts.

:mod:`kg.extract.numbers` finds the numerals and their units; this module places each in
its clause and decides what it means there: whether it is a target (a cue such as 力爭
in the clause), what it counts, the time phrase it falls under, and whether it is a
subset of the figure before it (其中…). Numerals in slogans and names (五個一) and the
idiomatic 一 of 一條路子 are not figures.
"""

from __future__ import annotations

from kg.ingest import Article
from kg.lexicon import Lexicon, compiled
from kg.span import Span

from .context import clause_of, inside, quoted, script_form, sentence_of, time_references, titles
from .numbers import FigureMatch, find_figures
from .records import Extraction, Figure

__all__ = ["find_figures_in"]


def find_figures_in(article: Article, lexicon: Lexicon, ex: Extraction) -> None:
    r"""Add every figure of the title and body to ``ex.figures``, in text order.

    Parameters
    ----------
    article : Article
        The article to read.
    lexicon : Lexicon
        Gives the units, qualifiers, target cues and time phrases.
    ex : Extraction
        Receives the :class:`~kg.extract.records.Figure` records. Later rules (funding, assignments, actions)
        read them and refer to them by index.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "截至目前，全县培育养殖户1440余户，其中贫困户300户，力争新建活动室近30个。"
    >>> article, ex = parse_article("标题\n2016年12月13日\n" + text + "\n"), Extraction()
    >>> find_figures_in(article, load_lexicon(), ex)
    >>> [(f.printed, f.value, f.qualifier, f.status, f.counted, f.part_of) for f in ex.figures]
    [('1440余户', 1440.0, 'more_than', 'actual', '培育养殖户', None),
     ('300户', 300.0, 'exact', 'actual', '贫困户', 0),
     ('近30个', 30.0, 'nearly', 'target', '力争新建活动室', None)]
    >>> {f.time_ref for f in ex.figures}
    {'截至目前'}
    """
    sh, quotes, names = article.shadow, quoted(article), titles(article)
    cues = [f for f, _ in lexicon.forms("target-cues")]
    units = dict(lexicon.forms("units"))
    fact_zones = [article.meta["title"]] + article.paragraphs
    times = time_references(lexicon)
    subset_lead = lexicon.pattern("pattern-subset-lead")
    for z in fact_zones:
        for f in find_figures(sh, lexicon, z.start, z.end):
            fs = Span(f.start, f.end)
            in_quote, in_title = inside(fs, quotes), inside(fs, names)
            if f.chinese and (in_quote or in_title):
                continue  # numerals inside slogans and names: 五個一, 二十項重點工程
            clause = clause_of(article, f.start)
            if f.chinese and _idiomatic_one(lexicon, sh, f, clause):
                continue
            counted = _counted(article, lexicon, clause, fs)
            clause_text = sh[clause.start : clause.end]
            status = "target" if any(c in clause_text for c in cues) else "actual"
            sent = sentence_of(article, f.start)
            time = list(times.finditer(sh, sent.start, f.start))
            part_of = None
            if subset_lead.search(sh[sent.start : f.start]) and ex.figures:
                prev = [i for i, g in enumerate(ex.figures) if sent.start <= g.figure_span.start < f.start]
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
                    qualifier_printed=_printed_qualifier(article, fs, f.qualifier_printed),
                    status=status,
                    counted=counted,
                    in_name=bool(in_quote or in_title),
                    time_ref=article.clean[time[-1].start() : time[-1].end()] if time else None,
                    part_of=part_of,
                )
            )


def _idiomatic_one(lexicon: Lexicon, sh: str, f: FigureMatch, clause: Span) -> bool:
    """一 + measure word that counts nothing: an indefinite article (探索出一條路子), 一戶一策, 一次性,
    每一名 (each). It is a figure only as a frequency after 每年/每月/每季度 (每年安排一次健康體檢)."""
    if sh[f.start] != "一" or f.value != 1:
        return False
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


def _counted(article: Article, lexicon: Lexicon, clause: Span, fs: Span) -> str:
    """What a figure counts: the words right after it (25個貧困村), else those before it (第一書記7名)."""
    after_match = compiled(r"[^0-9０-９(（，,、。；;﹔]*").match(article.shadow[fs.end : clause.end])
    assert after_match is not None  # a starred pattern matches the empty string too
    after = after_match.group()
    if after.strip('“”「」"') and len(after) <= 16:
        return article.clean[fs.end : fs.end + len(after)].strip('“”「」"')
    before = article.shadow[max(clause.start, fs.start - 12) : fs.start]
    lead_match = lexicon.pattern("pattern-count-lead").match(before)
    assert lead_match is not None  # so does the lead pattern (^[…]*)
    lead = len(lead_match.group())
    return article.clean[fs.start - len(before) + lead : fs.start].strip('“”「」"')
