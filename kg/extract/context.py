"""Where things are in an article, and when and how often: the context every rule reads.

The rules of :mod:`kg.extract` share these helpers: the zones of a page that state facts
(title, subtitle, body, contributor line), its quotations and 《》 titles, its sentences
and clauses, the mentions inside a span, and the lexicon's frequencies (time phrases are
read by :mod:`kg.extract.periods`).
Every span is a :class:`~kg.span.Span` of offsets into the article's text; splitting
runs over the Simplified shadow (``article.shadow``), which has the same offsets.
Quotations, titles and clauses are cached per text, as every rule asks for them.
"""

from __future__ import annotations

from functools import lru_cache

from kg.ingest import Article
from kg.lexicon import Lexicon
from kg.span import Span
from kg.text import to_hant

from .records import Mention

__all__ = [
    "adjacent_mention",
    "clause_of",
    "clauses",
    "frequency",
    "inside",
    "mentions_in",
    "quoted",
    "script_form",
    "sentence_of",
    "titles",
    "zones",
]


def script_form(article: Article, hans: str) -> str:
    r"""A Simplified lexicon form written in the article's own script.

    Parameters
    ----------
    article : Article
        The article whose script (``article.script``: ``zh-Hans`` or ``zh-Hant``) to write in.
    hans : str
        A form in Simplified script, as the lexicon stores it.

    Returns
    -------
    str
        ``hans`` as is for a Simplified article, else converted to Traditional.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> script_form(parse_article("青崖縣扶貧\n2016年12月13日\n全縣實施“五個一”工程。\n"), "第一书记")
    '第一書記'
    """
    return hans if article.script == "zh-Hans" else to_hant(hans)


def zones(article: Article) -> list[Span]:
    r"""The parts of a page that state facts: title, subtitle, body paragraphs, contributor line.

    The breadcrumb, date line, editor line and page chrome state nothing and are left out.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n全县实施“五个一”工程。\n（青崖县委组织部供稿）\n")
    >>> [article.clean_at(z) for z in zones(article)]
    ['青崖县扶贫', '全县实施“五个一”工程。', '（青崖县委组织部供稿）']
    """
    out = [article.meta["title"]]
    if "subtitle" in article.meta:
        out.append(article.meta["subtitle"])
    out += article.paragraphs
    if "contributor" in article.meta:
        out.append(article.meta["contributor"][0])
    return out


def _pairs(text: str, span: Span, opens: str, closes: str, limit: int) -> list[Span]:
    """Inner spans of balanced quote pairs; an opening mark left unclosed is skipped."""
    out, open_at = [], None
    for i in range(span.start, span.end):
        ch = text[i]
        if ch in opens:
            open_at = i  # a second opening mark supersedes an unclosed first one
        elif ch in closes and open_at is not None:
            if i - open_at - 1 <= limit:
                out.append(Span(open_at + 1, i))
            open_at = None
        elif ch in "。\n" and open_at is not None and not (opens == "《"):
            open_at = None
    return out


def quoted(article: Article) -> list[Span]:
    r"""Inner spans of “…”, 「…」, 『…』 and ASCII-quoted quotations in the zones, in text order.

    A quotation runs up to 40 characters and does not cross a sentence end; an opening mark
    left unclosed is skipped, so unbalanced marks do not derail the rest.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> article = parse_article("标题\n2016年12月13日\n实施“五个一”工程，突出“五个重点。建立「问题清单」。\n")
    >>> [article.clean_at(q) for q in quoted(article)]
    ['五个一', '问题清单']
    """
    return list(_quoted(article.clean, tuple(zones(article))))


@lru_cache(maxsize=64)
def _quoted(clean: str, zone_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    out = []
    for z in zone_spans:
        out += _pairs(clean, z, "“「『", "”」』", 40)
        out += _pairs(clean, z, '"', '"', 40)
    return tuple(sorted(set(out), key=lambda s: s.start))


def titles(article: Article) -> list[Span]:
    r"""Inner spans of 《…》 document titles in the zones (up to 80 characters each).

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> article = parse_article("标题\n2016年12月13日\n编制《扶贫规划（2016—2020年）》《工作计划》。\n")
    >>> [article.clean_at(t) for t in titles(article)]
    ['扶贫规划（2016—2020年）', '工作计划']
    """
    return list(_titles(article.clean, tuple(zones(article))))


@lru_cache(maxsize=64)
def _titles(clean: str, zone_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(s for z in zone_spans for s in _pairs(clean, z, "《", "》", 80))


def clauses(article: Article, span: Span) -> list[Span]:
    r"""Split a span at clause punctuation (，；。：！？), not inside brackets, quotes or 《》.

    The punctuation itself belongs to no clause; blank clauses are dropped.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> article = parse_article("标题\n2016年12月13日\n全县实施“五个一，工程”，编制《规划，计划》。结束。\n")
    >>> [article.clean_at(c) for c in clauses(article, article.paragraphs[0])]
    ['全县实施“五个一，工程”', '编制《规划，计划》', '结束']
    """
    return list(_clauses(article.shadow, article.clean, span))


@lru_cache(maxsize=4096)
def _clauses(text: str, clean: str, span: Span) -> tuple[Span, ...]:
    out, start, depth = [], span.start, 0
    for i in range(span.start, span.end):
        ch = text[i]
        if ch in "(（《“「":
            depth += 1
        elif ch in ")）》”」" and depth:
            depth -= 1
        elif ch in "，,；;。！？﹔：:" and depth == 0:
            if i > start:
                out.append(Span(start, i))
            start = i + 1
    if start < span.end:
        out.append(Span(start, span.end))
    return tuple(s for s in out if clean[s.start : s.end].strip())


def frequency(lexicon: Lexicon, text: str) -> str | None:
    """The code of the lexicon frequency (``frequencies``) that ``text`` names, the lowest rank first.

    Parameters
    ----------
    lexicon : Lexicon
        The lexicon whose ``frequencies`` scheme gives the words (每月 …) and codes (``monthly`` …).
    text : str
        Simplified text to look in.

    Returns
    -------
    str or None
        The code of the first frequency by rank with a word in ``text``, or ``None``.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> frequency(load_lexicon(), "每月向村第一书记发送"), frequency(load_lexicon(), "向村发送")
    ('monthly', None)
    """
    return next(
        (c.prop("code") for c in lexicon.ranked("frequencies") if any(w in text for w in c.prop_values("word"))), None
    )


def inside(span: Span, spans: list[Span]) -> Span | None:
    """The first of ``spans`` that holds ``span`` (ends included), if any.

    Examples
    --------
    >>> inside(Span(3, 5), [Span(0, 2), Span(2, 5), Span(0, 9)]), inside(Span(3, 5), [Span(4, 9)])
    (Span(start=2, end=5), None)
    """
    return next((s for s in spans if s.start <= span.start and span.end <= s.end), None)


def sentence_of(article: Article, pos: int) -> Span:
    r"""The sentence that holds offset ``pos``; the title's span for an offset outside every sentence.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> article = parse_article("标题\n2016年12月13日\n第一句，有两个分句。第二句。\n")
    >>> article.clean_at(sentence_of(article, article.clean.index("分句"))), article.clean_at(sentence_of(article, 0))
    ('第一句，有两个分句。', '标题')
    """
    return next((s for s in article.sentences if s.start <= pos < s.end), article.meta["title"])


def clause_of(article: Article, pos: int) -> Span:
    r"""The clause that holds offset ``pos`` (see :func:`clauses`); its sentence if no clause holds it.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> article = parse_article("标题\n2016年12月13日\n第一句，有两个分句。第二句。\n")
    >>> article.clean_at(clause_of(article, article.clean.index("分句")))
    '有两个分句'
    """
    sent = sentence_of(article, pos)
    return next((c for c in clauses(article, sent) if c.start <= pos < c.end), sent)


def mentions_in(
    mentions: list[Mention], span: Span, kinds: tuple[str, ...] = ("role", "org", "group", "set", "place")
) -> list[Mention]:
    """The mentions of ``kinds`` that lie wholly inside ``span``, in the order given.

    Examples
    --------
    >>> ms = [
    ...     Mention("org", Span(0, 3), "县财政"),
    ...     Mention("role", Span(5, 9), "第一书记"),
    ...     Mention("list", Span(9, 13), "问题清单"),
    ... ]
    >>> [m.form for m in mentions_in(ms, Span(0, 12))], [m.form for m in mentions_in(ms, Span(0, 12), ("org",))]
    (['县财政', '第一书记'], ['县财政'])
    """
    return [m for m in mentions if m.kind in kinds and span.start <= m.span.start and m.span.end <= span.end]


def adjacent_mention(sh: str, fs: Span, ents: list[Mention]) -> Mention | None:
    """The entity a figure counts: written right after it (25名“第一書記”) or right before it (隊員96名).

    Where mentions start together, the longest wins (派出單位負責人 over 派出單位).

    Parameters
    ----------
    sh
        The article's Simplified shadow text.
    fs
        The figure's span.
    ents
        The mentions of the clause.

    Examples
    --------
    >>> text = "选派25名第一书记"
    >>> role = Mention("role", Span(5, 9), "第一书记", key="第一书记")
    >>> adjacent_mention(text, Span(2, 5), [role]).ref
    '第一书记'
    >>> adjacent_mention("队员96名", Span(2, 5), [Mention("role", Span(0, 2), "队员", key="队员")]).ref
    '队员'
    """
    ents = sorted(ents, key=lambda m: (m.span.start, -(m.span.end - m.span.start)))
    for m in ents:
        gap = sh[fs.end : m.span.start]
        if m.span.start >= fs.end and len(gap) <= 1 and gap in ("", "“", "「"):
            return m
    for m in reversed(ents):
        gap = sh[m.span.end : fs.start]
        if m.span.end <= fs.start and gap in ("", "”", "」"):
            return m
    return None
