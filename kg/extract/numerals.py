"""Reading numerals: Arabic (half- or full-width, with thousands commas) and Chinese, with their places,
the 万 and 亿 sections, a decimal part and the digit strings of years (二〇一六).

What a numeral counts, and whether it is a figure at all, is the business of :mod:`kg.extract.numbers`.

Examples
--------
>>> chinese_to_number("一千三百五十"), parse_number("4.36"), well_formed("十三五")
(1350, 4.36, False)
"""

from __future__ import annotations

import re

__all__ = ["ZH_NUMERAL", "ZH_DIGITS", "PLACES", "chinese_to_number", "parse_number", "well_formed", "decimal_part"]

#: The value of each Chinese digit.
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: The characters a Chinese numeral is written with before 万 or 亿: digits and the places 十, 百, 千.
ZH_NUMERAL = "零〇一二两三四五六七八九十百千"
#: The place words of Chinese numerals.
PLACES = "十百千万亿"
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，／", "0123456789.,/")


def chinese_to_number(s: str) -> int:
    """The value of a Chinese numeral (Simplified), with 十/百/千 inside and 万/亿 between sections.

    A string of three or more digits with no place word (二〇一六) is read digit by digit.

    Raises
    ------
    ValueError
        ``s`` holds a character that is not part of a Chinese numeral.

    See Also
    --------
    parse_number : also reads Arabic numerals.

    Examples
    --------
    >>> chinese_to_number("二十五"), chinese_to_number("一千三百五十"), chinese_to_number("百")
    (25, 1350, 100)
    >>> chinese_to_number("一万三千"), chinese_to_number("十万零五"), chinese_to_number("一亿三千万")
    (13000, 100005, 130000000)
    >>> chinese_to_number("二〇一六")
    2016
    >>> chinese_to_number("三成")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese numeral: '三成'
    """
    if len(s) >= 3 and all(ch in ZH_DIGITS for ch in s):
        return int("".join(str(ZH_DIGITS[ch]) for ch in s))
    high, mid, section, digit = 0, 0, 0, None  # above 亿, the 万 part below it, the part below 万, last digit
    for ch in s:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch == "万":
            mid += ((section + (digit or 0)) or 1) * 10_000
            section, digit = 0, None
        elif ch == "亿":
            high = ((high + mid + section + (digit or 0)) or 1) * 100_000_000
            mid, section, digit = 0, 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return high + mid + section + (digit or 0)


def parse_number(s: str) -> float:
    """The value of an Arabic (half- or full-width, with thousands commas) or Chinese numeral.

    Raises
    ------
    ValueError
        ``s`` is neither (see :func:`chinese_to_number`).

    Examples
    --------
    >>> parse_number("6.18"), parse_number("２０"), parse_number("1,200"), parse_number("三")
    (6.18, 20.0, 1200.0, 3.0)
    """
    s = s.translate(_FULLWIDTH).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return float(chinese_to_number(s))


def well_formed(zh: str) -> bool:
    """Whether a Chinese numeral is written as the genre writes counts: no two non-zero digits side by side
    (三五个 is a vague number, 十三五 a name), unless it is a string of digits (二〇一六).

    Examples
    --------
    >>> [well_formed(s) for s in ("二十五", "一千零五", "二〇一六", "三五", "十三五")]
    [True, True, True, False, False]
    """
    if len(zh) >= 3 and all(c in ZH_DIGITS for c in zh):
        return True
    return not any(
        a in ZH_DIGITS and b in ZH_DIGITS and a not in "零〇" and b not in "零〇" for a, b in zip(zh, zh[1:])
    )


def decimal_part(digits: str) -> float:
    """The value of the digits after a decimal point, read one by one (三点一四: 一四 is 0.14).

    Examples
    --------
    >>> decimal_part("五"), decimal_part("一四"), decimal_part("05")
    (0.5, 0.14, 0.05)
    """
    return float("0." + "".join(str(ZH_DIGITS[c]) if c in ZH_DIGITS else c for c in digits.translate(_FULLWIDTH)))
