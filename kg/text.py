"""Script conversion and ASCII slugs: the text utilities every stage shares.

Conversion keeps offsets: :func:`shadow` maps Traditional to Simplified one code
point at a time, so an index into the shadow is an index into the original.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache

__all__ = ["to_hans", "to_hant", "shadow", "slug", "romanise", "detect_script"]


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def to_hans(text: str) -> str:
    """Traditional → Simplified (OpenCC ``t2s``).

    >>> to_hans("廣安市委組織部")
    '广安市委组织部'
    """
    return _converter("t2s").convert(text)


@lru_cache(maxsize=65536)
def to_hant(text: str) -> str:
    """Simplified → Traditional (OpenCC ``s2t``).

    >>> to_hant("第一书记")
    '第一書記'
    """
    return _converter("s2t").convert(text)


def shadow(text: str) -> str:
    """A Simplified copy of ``text`` with the same length and offsets.

    >>> shadow("廣安市財政")
    '广安市财政'
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
    """``zh-Hant`` or ``zh-Hans``, by which conversion changes more characters.

    >>> detect_script("貧困發生率"), detect_script("贫困发生率")
    ('zh-Hant', 'zh-Hans')
    """
    sample = text[:4000]
    changed_by_t2s = sum(a != b for a, b in zip(sample, shadow(sample)))
    hant = to_hant(sample)
    changed_by_s2t = sum(a != b for a, b in zip(sample, hant)) if len(hant) == len(sample) else 0
    return "zh-Hant" if changed_by_t2s >= changed_by_s2t and changed_by_t2s > 0 else "zh-Hans"


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _pinyin(hans: str) -> list[str]:
    import os

    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")  # we never mutate its dictionaries
    from pypinyin import lazy_pinyin

    return lazy_pinyin(hans, errors=lambda chars: ["".join(c for c in chars if c.isascii() and c.isalnum())])


def romanise(name: str) -> str:
    """Hanyu Pinyin without tones, syllables run together (a given name's romanisation).

    >>> romanise("曉燕")
    'xiaoyan'
    """
    return "".join(_pinyin(to_hans(name)))


@lru_cache(maxsize=65536)
def slug(name: str, max_length: int = 48) -> str:
    """An ASCII, script-independent slug: pinyin of the Simplified form.

    Long names are cut and suffixed with a hash of the whole name, so slugs stay unique.

    >>> slug("華鎣市"), slug("华蓥市")
    ('hua-ying-shi', 'hua-ying-shi')
    """
    hans = to_hans(name)
    words = _pinyin(hans)
    s = _NON_SLUG.sub("-", "-".join(words).lower()).strip("-") or "x"
    if len(s) > max_length:
        digest = hashlib.sha1(hans.encode("utf-8")).hexdigest()[:8]
        s = s[: max_length - 9].rstrip("-") + "-" + digest
    return s
