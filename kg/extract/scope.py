r"""Where and when a figure holds, and which figures state the same: the dimensions of an observation.

After :mod:`kg.extract.figures` and :mod:`kg.extract.counted` have read each figure, this module gives it

- its **area**: the most specific place named in its sentence before it, the last of equals (石筍鎮有貧困戶300戶;
  秦峪縣地處陝西省南部……貧困發生率 is 秦峪縣's), else the article's home place (全縣, or nothing: the place the
  article reports from);
- its **period**: the last time phrase before it in its sentence, resolved against the publication date
  (:mod:`kg.extract.periods`), kept with the phrase as printed;
- its **repeat**: an earlier figure of the article with the same value, unit, status and area whose counted noun
  phrase holds or is held by its own (a title figure the body states again), which it is the same figure as.

Examples
--------
>>> from kg.extract import extract_text
>>> page = "青崖县扶贫\n2016年12月13日\n"
>>> ex = extract_text(page + "青崖县石笋镇鹰嘴岩村有贫困户83户。全县贫困户83户，2015年底脱贫50户。\n")
>>> [(f.printed, f.area, f.same_as) for f in ex.figures]
[('83户', '鹰嘴岩村', None), ('83户', '青崖县', None), ('50户', '青崖县', None)]
>>> ex.figures[2].period.iso
'2015-12-31'
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, datetime

from kg.ingest import Article
from kg.lexicon import Lexicon
from kg.span import Span
from kg.text import to_hans

from .context import sentence_of
from .periods import Period, find_periods
from .records import Extraction, Figure, Mention

__all__ = ["article_periods", "periods_in", "scope_figures"]

_COMMAS = ("\uff0c", ",")


def scope_figures(article: Article, lexicon: Lexicon, ex: Extraction, mentions: Iterable[Mention]) -> None:
    r"""Set the ``area``, ``period`` and ``same_as`` of every figure in ``ex.figures``.

    Parameters
    ----------
    article : Article
        The article; its publication date (``meta["published"]``) anchors relative time phrases.
    lexicon : Lexicon
        Gives the time phrases and how they resolve.
    ex : Extraction
        Its figures get their scope; ``ex.home`` is the place for figures no place in their sentence scopes.
    mentions : iterable of Mention
        The article's resolved mentions, in text order.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> ex = extract_text("青崖县扶贫\n2016年12月13日\n青崖县贫困村25个。\n今年以来，全县25个贫困村通路。\n")
    >>> [(f.printed, f.area, f.same_as, f.period.iso if f.period else None) for f in ex.figures]
    [('25个', '青崖县', None, None), ('25个', '青崖县', 0, '2016/2016-12-13')]
    """
    places = [(m.span.start, m.ref) for m in mentions if m.kind == "place" and m.ref]
    starts = [p for p, _ in places]
    above_home = _above(lexicon, ex)
    levels = {c.prop("instanceClass"): int(c.prop("rank", 0)) for c in lexicon.scheme("place-levels")}
    rank = {k: levels.get(e.cls, 0) for k, e in ex.entities.items() if e.kind == "place"}
    comparison = tuple(lexicon.words("word-comparison"))
    periods = [p for p in article_periods(article, lexicon) if not article.shadow.endswith(comparison, 0, p.span.start)]
    period_ends = [p.span.end for p in periods]
    zones = [article.meta["title"], *article.paragraphs]
    attributive = "".join(lexicon.words("word-attributive"))
    seen: dict[tuple, list[int]] = {}
    for i, f in enumerate(ex.figures):
        sent = sentence_of(article, f.figure_span.start)
        k = bisect_left(starts, f.figure_span.start)
        j = bisect_left(starts, sent.start)
        named = [places[i][1] for i in range(max(j, k - 8), k) if places[i][1] not in above_home]
        f.area = max(reversed(named), key=lambda key: rank.get(key, 0)) if named else ex.home
        rule = f.status in ("standard", "threshold")  # a rule holds in the period its own sentence gives, if any
        f.period = _period_of(article, periods, period_ends, f.figure_span.start, zones, attributive, rule)
        f.per = _per(article, lexicon, ex, i)
        if f.period is not None:
            f.time_ref = article.clean[f.period.span.start : f.period.span.end]
        key = (f.value, f.value_min, f.value_max, f.unit_concept, f.status, f.area)
        f.same_as = _repeated(ex, seen.setdefault(key, []), f)
        seen[key].append(i)


def periods_in(shadow: str, lexicon: Lexicon, published: date | None) -> tuple[Period, ...]:
    r"""Every time phrase of a whole text, found once and kept for the rules that ask again (the last few texts).

    Examples
    --------
    >>> from datetime import date
    >>> from kg.lexicon import load_lexicon
    >>> found = periods_in("截至2018年8月底，三年来", load_lexicon(), date(2018, 9, 6))
    >>> [p.iso for p in found], periods_in("截至2018年8月底，三年来", load_lexicon(), date(2018, 9, 6)) is found
    (['../2018-08-31', 'P3Y/2018-09-06'], True)
    """
    day = published.date() if isinstance(published, datetime) else published
    kept: dict[tuple[str, date | None], tuple[Period, ...]] = lexicon.derived("periods-in-texts", lambda lex: {})
    if (shadow, day) not in kept:
        while len(kept) >= 4:  # the texts being read now, not every text read
            del kept[next(iter(kept))]
        kept[shadow, day] = tuple(find_periods(shadow, lexicon, day))
    return kept[shadow, day]


def article_periods(article: Article, lexicon: Lexicon) -> tuple[Period, ...]:
    r"""Every time phrase of an article, resolved against its publication date (found once per article).

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> article = parse_article("标题\n2016年12月13日\n今年以来，全县脱贫300户。\n")
    >>> [(p.phrase, p.iso) for p in article_periods(article, load_lexicon())]  # the date line's too
    [('2016年12月13日', '2016-12-13'), ('今年以来', '2016/2016-12-13')]
    """
    stated = article.meta.get("published")
    return periods_in(article.shadow, lexicon, stated[1] if stated else None)


def _above(lexicon: Lexicon, ex: Extraction) -> set[str]:
    """The keys of the places the home place lies within (陝西省 for 秦峪縣): they locate it, they do not scope
    the figures of a sentence that names it too."""
    home = ex.entities.get(ex.home or "")
    iri = home.gazetteer_iri if home else None
    ancestors = set()
    while iri in lexicon.places and lexicon.places[iri].parent:
        iri = lexicon.places[iri].parent
        ancestors.add(iri)
    return {k for k, e in ex.entities.items() if e.kind == "place" and (e.gazetteer_iri in ancestors)}


def _per(article: Article, lexicon: Lexicon, ex: Extraction, i: int) -> str | None:
    """What figure ``i`` is given for each of: the count before it when 各 stands between them (32個貧困村各派駐
    1支), or the noun after 每 and a measure word in its clause (每個工作組三至五人); not a period (每年, 每月)."""
    f, sh = ex.figures[i], article.shadow
    before = sh[f.span.start : f.figure_span.start]
    if i and ex.figures[i - 1].figure_span.start >= f.span.start:
        between = sh[ex.figures[i - 1].figure_span.end : f.figure_span.start]
        if any(w in between for w in lexicon.words("word-distributive")):
            return ex.figures[i - 1].counted or None
    frequencies = tuple(w for c in lexicon.scheme("frequencies") for w in c.prop_values("word"))
    for each in lexicon.words("word-each"):
        at = before.rfind(each)
        if at < 0 or before.startswith(frequencies, at):
            continue
        m = lexicon.pattern("pattern-per-each").match(sh, f.span.start + at, f.figure_span.end)
        if m:
            return article.clean[m.start("noun") : m.end("noun")]
    return None


def _repeated(ex: Extraction, earlier: list[int], f: Figure) -> int | None:
    """The first of ``earlier`` (figures with the same value, unit and status) whose counted noun phrase holds or is
    held by ``f``'s (貧困村整村出列 and 貧困村): the figure ``f`` states again."""
    mine = to_hans(f.counted)
    for i in earlier:
        theirs = to_hans(ex.figures[i].counted)
        if mine and theirs and (mine in theirs or theirs in mine):
            return i
    return None


def _period_of(
    article: Article, periods: list[Period], ends: list[int], at: int, zones: list[Span], attributive: str, rule: bool
) -> Period | None:
    """The period of the figure at ``at``: the last time phrase before it in its paragraph (截至目前 scopes the
    sentences after it), skipping one that modifies another figure through the particle (由2014年底的12.5%)."""
    zone = next((z for z in zones if z.start <= at < z.end), None)
    sentence = sentence_of(article, at)
    k = bisect_left(ends, at + 1) - 1
    while k >= 0 and zone is not None and periods[k].span.start >= zone.start:
        p = periods[k]
        if p.span.start < sentence.start and (rule or not _opens_sentence(article, p)):
            k -= 1
            continue
        link = article.shadow[p.span.end : p.span.end + 1] in attributive
        if not link or not article.shadow[p.span.end + 1 : at].strip(attributive):
            return p
        k -= 1
    return None


def _opens_sentence(article: Article, p: Period) -> bool:
    """Whether the time phrase opens its sentence as an adverbial set off by a comma (截至目前，…; 三年來，…;
    在2018年度考核中，…): such a phrase scopes the sentences after it in its paragraph too."""
    sentence = sentence_of(article, p.span.start)
    sh = article.shadow
    comma = min((k for k in (sh.find(c, p.span.end, p.span.end + 5) for c in _COMMAS) if k >= 0), default=-1)
    return p.span.start - sentence.start <= 1 and comma >= 0 and not any(ch.isdigit() for ch in sh[p.span.end : comma])
