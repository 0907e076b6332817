"""Script conversion and ASCII slugs: the text utilities every stage shares.

Articles come in Traditional or Simplified Chinese; the lexicon's forms are matched in
Simplified. Conversion keeps offsets: :func:`shadow` maps Traditional to Simplified one
code point at a time, so an index into the shadow is an index into the original.
:func:`slug` makes the ASCII local names of IRIs, the same for both scripts.

Examples
--------
>>> text = "廣安市委組織部"
>>> hans = shadow(text)
>>> hans, len(hans) == len(text)
('广安市委组织部', True)
>>> text[hans.index("组织部"):]
'組織部'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import cast

__all__ = ["to_hans", "to_hant", "shadow", "slug", "romanise", "detect_script"]


@cache
def _converter(config: str):
    """The OpenCC converter for ``config`` (``t2s``, ``s2t``), made once."""
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def to_hans(text: str) -> str:
    """Convert Traditional Chinese to Simplified (OpenCC ``t2s``).

    Parameters
    ----------
    text
        Any text; characters that are not Traditional Chinese pass through.

    Returns
    -------
    str
        The Simplified text. It may differ in length from ``text`` where OpenCC converts a phrase;
        use :func:`shadow` where offsets must hold.

    See Also
    --------
    shadow : The same conversion, keeping offsets.
    to_hant : The other way.

    Examples
    --------
    >>> to_hans("廣安市委組織部")
    '广安市委组织部'
    >>> to_hans("第一书记 first secretary")
    '第一书记 first secretary'
    """
    return _converter("t2s").convert(text)


@lru_cache(maxsize=65536)
def to_hant(text: str) -> str:
    """Convert Simplified Chinese to Traditional (OpenCC ``s2t``).

    Parameters
    ----------
    text
        Any text; characters that are not Simplified Chinese pass through.

    Returns
    -------
    str
        The Traditional text.

    See Also
    --------
    to_hans : The other way.

    Examples
    --------
    >>> to_hant("第一书记")
    '第一書記'
    """
    return _converter("s2t").convert(text)


def shadow(text: str) -> str:
    """A Simplified copy of ``text`` with the same length and offsets.

    Where converting the whole text would change its length, each code point is converted on its
    own, and one that would not stay one code point is kept as it is.

    Parameters
    ----------
    text
        Text in either script.

    Returns
    -------
    str
        A string as long as ``text`` whose ``i``-th character is the Simplified form of ``text[i]``.

    See Also
    --------
    to_hans : The conversion, without the guarantee on offsets.

    Examples
    --------
    >>> shadow("廣安市財政")
    '广安市财政'
    >>> text = "四張藍圖全力助推脫貧攻堅"
    >>> len(shadow(text)) == len(text)
    True
    """
    whole = to_hans(text)
    if len(whole) == len(text):
        return whole
    out = []
    for ch in text:
        c = to_hans(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def detect_script(text: str) -> str:
    """Tell whether a text is in Traditional or Simplified Chinese.

    The text (its first 4000 characters) is written in the script that the *other* conversion would
    change more: a Traditional text changes under ``t2s``, a Simplified one under ``s2t``.

    Parameters
    ----------
    text
        The text (an article body).

    Returns
    -------
    str
        ``zh-Hant`` or ``zh-Hans`` (the BCP 47 tags the graph's labels carry); ``zh-Hans`` when
        neither conversion changes anything.

    Examples
    --------
    >>> detect_script("貧困發生率"), detect_script("贫困发生率")
    ('zh-Hant', 'zh-Hans')
    >>> detect_script("2016")
    'zh-Hans'
    """
    sample = text[:4000]
    changed_by_t2s = sum(a != b for a, b in zip(sample, shadow(sample)))
    hant = to_hant(sample)
    changed_by_s2t = sum(a != b for a, b in zip(sample, hant)) if len(hant) == len(sample) else 0
    return "zh-Hant" if changed_by_t2s >= changed_by_s2t and changed_by_t2s > 0 else "zh-Hans"


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _ascii_alnum(chars: str) -> list[str]:
    """What pypinyin gives for characters that have no pinyin: their ASCII letters and digits, as one word."""
    return ["".join(c for c in chars if c.isascii() and c.isalnum())]


def _pinyin(hans: str) -> list[str]:
    """The toneless pinyin syllables of ``hans``, one per character; runs without pinyin as their ASCII."""
    import os

    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")  # we never mutate its dictionaries
    from pypinyin import lazy_pinyin

    # pypinyin's stubs type an errors callback as returning str, but it accepts (and documents) a list of words
    return lazy_pinyin(hans, errors=cast(Callable[[str], str], _ascii_alnum))


def romanise(name: str) -> str:
    """Romanise a name: Hanyu Pinyin without tones, syllables run together (as a given name is written).

    Parameters
    ----------
    name
        A name in either script.

    Returns
    -------
    str
        Lower-case ASCII letters (and any ASCII digits the name holds).

    See Also
    --------
    slug : Pinyin with hyphens, for IRIs.

    Examples
    --------
    >>> romanise("曉燕"), romanise("晓燕")
    ('xiaoyan', 'xiaoyan')
    """
    return "".join(_pinyin(to_hans(name)))


@lru_cache(maxsize=65536)
def slug(name: str, max_length: int = 48) -> str:
    """Make an ASCII, script-independent slug of a name: the pinyin of its Simplified form, hyphenated.

    Slugs are the local names of the graph's IRIs, so a name gets the same IRI in either script.
    Long names are cut and suffixed with a hash of the whole name, so slugs stay unique.

    Parameters
    ----------
    name
        A name in either script; ASCII letters and digits in it are kept (lower-cased).
    max_length
        The longest slug to make.

    Returns
    -------
    str
        Lower-case ASCII letters, digits and single hyphens, at most ``max_length`` long; ``x`` for a name
        with nothing to spell.

    See Also
    --------
    romanise : Pinyin run together, for given names.

    Examples
    --------
    >>> slug("廣安市"), slug("广安市")
    ('guang-an-shi', 'guang-an-shi')
    >>> slug("2016年"), slug("？")
    ('2016-nian', 'x')
    >>> long = slug("廣安市委組織部" * 5)
    >>> len(long) <= 48, long.startswith("guang-an-shi-wei-zu-zhi-bu")
    (True, True)
    """
    hans = to_hans(name)
    words = _pinyin(hans)
    s = _NON_SLUG.sub("-", "-".join(words).lower()).strip("-") or "x"
    if len(s) > max_length:
        digest = hashlib.sha1(hans.encode("utf-8")).hexdigest()[:8]
        s = s[: max_length - 9].rstrip("-") + "-" + digest
    return s
