"""Building regular expressions from lexicon forms: alternations, compiled patterns kept, the CJK range."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["CJK", "SLOT", "alternation", "compiled"]

#: The range of CJK unified ideographs, for character classes of patterns (the ``{cjk}`` slot).
CJK = f"{chr(0x4E00)}-{chr(0x9FFF)}"


@lru_cache(maxsize=4096)
def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile`` with a cache of its own, for the patterns the extractor builds from the lexicon.

    The lexicon's patterns stay compiled while each article adds its own (the ``re`` module's
    small cache would drop the oldest, which are the lexicon's, after a few dozen articles).

    Parameters
    ----------
    pattern
        A regular expression.

    Returns
    -------
    re.Pattern
        The compiled pattern; the same object for the same ``pattern`` while it stays in the cache.

    Raises
    ------
    re.error
        ``pattern`` is not a regular expression.

    Examples
    --------
    >>> compiled(f"[{CJK}]+").findall("第一書記 first secretary")
    ['第一書記']
    >>> compiled("[0-9]{4}年") is compiled("[0-9]{4}年")
    True
    """
    return re.compile(pattern)


#: A ``{name}`` slot of a lexicon pattern, filled by the rule that reads it.
SLOT = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=1024)
def _alternation(forms: tuple[str, ...]) -> str:
    """:func:`alternation` of a tuple of forms, cached."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def alternation(forms: Iterable[str]) -> str:
    """A regular-expression alternation of literal forms, longest first (so the longest form wins).

    Parameters
    ----------
    forms
        Literal strings (surface forms); duplicates are dropped and regular-expression characters escaped.

    Returns
    -------
    str
        ``form|form|…``, longer forms first, forms of the same length in code-point order.

    Examples
    --------
    >>> alternation(["县", "县级市", "市"])
    '县级市|县|市'
    >>> compiled(alternation(["乡镇(街道)领导", "乡镇领导"])).search("各乡镇(街道)领导").group()
    '乡镇(街道)领导'
    """
    return _alternation(tuple(forms))
