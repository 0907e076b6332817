"""Where things are in an article: sentences, clauses and the mentions inside a span.

Shared by the fact rules.
"""

from __future__ import annotations

import re

from ..ingest import Article
from ..span import Span
from .mentions import clauses
from .records import Mention

__all__ = ["TIME_REF", "FREQUENCY", "inside", "sentence_of", "clause_of", "mentions_in"]

TIME_REF = re.compile(r"(截至目前|截至\d{4}年\d{1,2}月底?|截至\d{1,2}月底|\d{4}年(?:以来|底|初)?|今年以来|今年\d{1,2}月底?|目前|去年|两年多来|三年来)")
FREQUENCY = {"每月": "monthly", "每周": "weekly", "每季度": "quarterly", "每年": "yearly", "每天": "daily"}


def inside(span: Span, spans: list[Span]) -> Span | None:
    return next((s for s in spans if s.start <= span.start and span.end <= s.end), None)


def sentence_of(article: Article, pos: int) -> Span:
    return next((s for s in article.sentences if s.start <= pos < s.end), article.meta["title"])


def clause_of(article: Article, pos: int) -> Span:
    sent = sentence_of(article, pos)
    return next((c for c in clauses(article, sent) if c.start <= pos < c.end), sent)


def mentions_in(mentions: list[Mention], span: Span, kinds=("role", "org", "group", "set", "place")) -> list[Mention]:
    return [m for m in mentions if m.kind in kinds and span.start <= m.span.start and m.span.end <= span.end]
