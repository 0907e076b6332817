"""Where things are in an article, and when and how often: the context every rule reads.

The zones of a page that state facts, its quotations, 《》 titles, sentences and
clauses, the mentions inside a span, and the lexicon's time phrases and
frequencies. Shared by the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest import Article
from kg.lexicon import Lexicon, compiled
from kg.span import Span
from kg.text import to_hant

from .records import Mention

__all__ = [
    "clause_of",
    "clauses",
    "frequency",
    "inside",
    "mentions_in",
    "quoted",
    "script_form",
    "sentence_of",
    "time_references",
    "titles",
    "zones",
]


def script_form(article: Article, hans: str) -> str:
    """A Simplified lexicon form written in the article's own script."""
    return hans if article.script == "zh-Hans" else to_hant(hans)


def zones(article: Article) -> list[Span]:
    """The parts of a page that state facts: title, subtitle, body paragraphs, contributor line."""
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
    """Inner spans of “…” and 「…」 quotations (unbalanced marks do not derail it)."""
    return list(_quoted(article.clean, tuple(zones(article))))


@lru_cache(maxsize=64)
def _quoted(clean: str, zone_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    out = []
    for z in zone_spans:
        out += _pairs(clean, z, "“「『", "”」』", 40)
        out += _pairs(clean, z, '"', '"', 40)
    return tuple(sorted(set(out), key=lambda s: s.start))


def titles(article: Article) -> list[Span]:
    """Inner spans of 《…》 document titles."""
    return list(_titles(article.clean, tuple(zones(article))))


@lru_cache(maxsize=64)
def _titles(clean: str, zone_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(s for z in zone_spans for s in _pairs(clean, z, "《", "》", 80))


def clauses(article: Article, span: Span) -> list[Span]:
    """Split a span at clause punctuation (not inside brackets or quotes)."""
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


def time_references(lexicon: Lexicon) -> re.Pattern:
    """One pattern for every time phrase of the lexicon's ``time-expressions`` (截至目前, 2015年以來 …).

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> [m.group() for m in time_references(load_lexicon()).finditer("截至2018年8月底，三年来")]
    ['截至2018年8月底', '三年来']
    """
    found = lexicon._cache.get("time-references")
    if found is None:
        patterns = [c.prop("pattern") for c in lexicon.scheme("time-expressions")]
        found = lexicon._cache["time-references"] = compiled("|".join(f"(?:{p})" for p in patterns))
    return found


def frequency(lexicon: Lexicon, text: str) -> str | None:
    """The code of the lexicon frequency (``frequencies``) that ``text`` names, the lowest rank first.

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
    """The first of ``spans`` that holds ``span``, if any."""
    return next((s for s in spans if s.start <= span.start and span.end <= s.end), None)


def sentence_of(article: Article, pos: int) -> Span:
    """The sentence that holds offset ``pos`` (the title, outside the body)."""
    return next((s for s in article.sentences if s.start <= pos < s.end), article.meta["title"])


def clause_of(article: Article, pos: int) -> Span:
    """The clause that holds offset ``pos``."""
    sent = sentence_of(article, pos)
    return next((c for c in clauses(article, sent) if c.start <= pos < c.end), sent)


def mentions_in(mentions: list[Mention], span: Span, kinds=("role", "org", "group", "set", "place")) -> list[Mention]:
    """The mentions of ``kinds`` inside ``span``."""
    return [m for m in mentions if m.kind in kinds and span.start <= m.span.start and m.span.end <= span.end]
