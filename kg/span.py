"""Spans of article text and the repairs made in it: the positions every stage shares.

A :class:`Span` is a half-open ``[start, end)`` range of code points; every fact the
graph states links to one. A :class:`Repair` records a lost character put back.
Offsets count code points of the article's text as decoded (``Article.text``); repairs
never change a text's length, so the same offsets hold in the repaired text
(``Article.clean``) and its Simplified shadow (``Article.shadow``).

Examples
--------
>>> from kg.ingest import read_article
>>> from kg.resources import bundled_article
>>> article = read_article(bundled_article())
>>> first = article.sentences[0]
>>> first.text(article) == article.text[first.start : first.end]
True
>>> all(r.span.text(article) == r.printed and article.clean_at(r.span) == r.repaired for r in article.repairs)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["Repair", "Span"]


class _HasText(Protocol):
    """Anything with a ``text`` (an :class:`~kg.ingest.Article`)."""

    text: str


@dataclass(frozen=True)
class Span:
    """A half-open ``[start, end)`` range of code points in an article's text.

    Spans are frozen (hashable): they key dictionaries and name the text nodes of the graph.

    Parameters
    ----------
    start, end
        Offsets into the text as decoded and normalised (see :mod:`kg.ingest`); ``start <= end``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> Span(2, 5).text(SimpleNamespace(text="四張藍圖全力"))
    '藍圖全'
    >>> Span(2, 5) == Span(2, 5), Span(2, 5).end - Span(2, 5).start
    (True, 3)
    """

    start: int
    end: int

    def text(self, article: _HasText) -> str:
        """The characters of ``article.text`` the span covers.

        Parameters
        ----------
        article
            An :class:`~kg.ingest.Article`, or anything with a ``text`` string.

        Returns
        -------
        str
            ``article.text[start:end]``: the text as printed, before repairs.
        """
        return article.text[self.start : self.end]


@dataclass(frozen=True)
class Repair:
    """One repaired place: what was printed, what it stands for, and where.

    A repair puts back a character the page lost (printed as ``?``), as the repair table
    (``repairs.ttl``) declares; see :meth:`kg.lexicon.Lexicon.apply_repairs`.

    Parameters
    ----------
    printed
        The characters as the page prints them (``華?``).
    repaired
        What they stand for, of the same length (``華鎣``).
    span
        Where they are in the article's text.

    Examples
    --------
    >>> r = Repair("華?", "華鎣", Span(10, 12))
    >>> r.repaired, r.span.end - r.span.start
    ('華鎣', 2)
    """

    printed: str
    repaired: str
    span: Span
