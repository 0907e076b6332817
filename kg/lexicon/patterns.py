"""Building regular expressions from lexicon forms: alternations, compiled patterns kept, the CJK range."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["CJK", "SLOT", "alternation", "compiled", "first_characters"]

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


#: The digits ``\d`` is read as when a pattern's first characters are worked out: ASCII and full-width.
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def first_characters(pattern: str) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` can start with, or ``None`` when that cannot be told (a pattern that
    can match the empty string, or starts with ``.``, a negated class or a wide range).

    A rule that tries many patterns can then skip every place in a text where none of them can start. ``\d`` is
    read as the ASCII and full-width digits; look-arounds and anchors take no character.

    Examples
    --------
    >>> sorted(first_characters("(?:截至|到)?(?<!\\d)今年"))
    ['今', '到', '截']
    >>> len(first_characters(r"(\d{4})年")), first_characters("a*"), first_characters(".b")
    (20, None, None)
    """
    import importlib
    import sys

    parser = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
    try:
        chars, nullable = _firsts(list(parser.parse(pattern)), parser)
    except (ValueError, re.error):
        return None
    return None if nullable or chars is None else frozenset(chars)


def _firsts(sequence: list, parser) -> tuple[set[str] | None, bool]:
    """The first characters of a parsed sequence and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in sequence:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # takes no character
        if name == "LITERAL":
            return out | {chr(av)}, False
        if name == "IN":
            chars = _class(av)
            return (None, False) if chars is None else (out | chars, False)
        if name == "SUBPATTERN":
            inner, nullable = _firsts(list(av[-1]), parser)
        elif name == "BRANCH":
            parts = [_firsts(list(branch), parser) for branch in av[1]]
            if any(c is None for c, _ in parts):
                return None, False
            inner, nullable = set().union(*(c for c, _ in parts if c)), any(n for _, n in parts)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            inner, nullable = _firsts(list(av[2]), parser)
            nullable = nullable or av[0] == 0
        else:
            return None, False  # ., back-references and the rest: anything may start here
        if inner is None:
            return None, False
        out |= inner
        if not nullable:
            return out, False
    return out, True


def _class(items: list) -> set[str] | None:
    """The characters of a parsed character class; ``None`` for a negated or wide one."""
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < 256:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            chars |= _DIGITS
        else:
            return None
    return chars
