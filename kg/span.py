"""Spans of article text and the repairs made in it: the positions every stage shares.

A :class:`Span` is a half-open ``[start, end)`` range of code points; every fact the
graph states links to one. A :class:`Repair` records a lost character put back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["Repair", "Span"]


class _HasText(Protocol):
    text: str


@dataclass(frozen=True)
class Span:
    """A half-open ``[start, end)`` range of code points in an article's text.

    Parameters
    ----------
    start, end
        Offsets into the text as decoded and normalised (see :mod:`kg.ingest`).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> Span(2, 5).text(SimpleNamespace(text="四張藍圖全力"))
    '藍圖全'
    """

    start: int
    end: int

    def text(self, article: _HasText) -> str:
        """The characters of ``article.text`` the span covers."""
        return article.text[self.start : self.end]


@dataclass(frozen=True)
class Repair:
    """One repaired place: what was printed, what it stands for, and where.

    Examples
    --------
    >>> r = Repair("華?", "華鎣", Span(10, 12))
    >>> r.repaired, r.span.end - r.span.start
    ('華鎣', 2)
    """

    printed: str
    repaired: str
    span: Span
