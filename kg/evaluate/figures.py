"""What the matched figures say: the counted noun phrase, the status, the period and the links between figures.

Figures are first matched one-to-one with the gold ``quantities`` (value, qualifier and an overlapping span, as
:func:`kg.evaluate.match.evaluate` does). For each matched pair this module then asks whether the graph says
what the gold says the figure means:

- **counted**: the character F1 of ``fp:counts`` (zh-Hans) against the gold ``counted``, both in Simplified
  script without quotes and spaces, and without the annotator's notes in ASCII brackets (``貧困村(達標退出)`` is
  compared as ``贫困村``); it is right at F1 ≥ 0.8;
- **status**: ``fp:status`` equals the gold ``status``;
- **time**: for a gold item with a ``time``, the observation's period (``fp:iso8601``) equals it at the gold's
  precision, its end within a day; a period where the gold has none is counted as spurious;
- **links**: gold ``part_of`` and ``repeats`` against ``fp:partOf`` and ``fp:sameFigureAs`` between matched figures.

Examples
--------
>>> char_f1("贫困村", "贫困村"), round(char_f1("贫困户", "贫困人口"), 3)
(1.0, 0.571)
>>> counted_form("貧困村(達標退出)")
'贫困村'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kg.text import to_hans

__all__ = ["FigureDetail", "char_f1", "counted_form", "same_period", "score_details"]

#: Character F1 at or above which a counted noun phrase is right.
COUNTED_THRESHOLD = 0.8


def counted_form(text: str | None) -> str:
    """A counted noun phrase as compared: Simplified, without quotes, spaces and notes in ASCII brackets.

    Examples
    --------
    >>> counted_form("“第一書記”(選派)"), counted_form(None)
    ('第一书记', '')
    """
    if not text:
        return ""
    text = re.sub(r"\([^()]*\)", "", text)
    return re.sub(r"[“”「」\"'《》\s]", "", to_hans(text))


def char_f1(predicted: str, gold: str) -> float:
    """The F1 of the characters of ``predicted`` against those of ``gold`` (as multisets).

    Examples
    --------
    >>> char_f1("", ""), char_f1("abc", ""), round(char_f1("abcd", "ab"), 3)
    (1.0, 0.0, 0.667)
    """
    if not predicted and not gold:
        return 1.0
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    p, r = common / len(predicted), common / len(gold)
    return 2 * p * r / (p + r)


def _bounds(iso: str) -> tuple[str | None, str | None]:
    """The two ends of an ISO 8601 time or interval as printed (a duration end is ``None``)."""
    if "/" not in iso:
        return iso, iso
    a, b = iso.split("/", 1)
    return (None if a in ("..", "") or a.startswith("P") else a), (None if b in ("..", "") else b)


def _last_day(bound: str) -> date:
    """The last day a year, month or date stands for."""
    parts = [int(x) for x in bound.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 12, 31)


def same_period(predicted: str | None, gold: str | None) -> bool:
    """Whether ``predicted`` states the period ``gold`` does: the start at the gold's precision, the end within a day.

    Examples
    --------
    >>> same_period("2016-01-01/2017-06-14", "2016/2017-06-14"), same_period("../2017-05-31", "../2017-05-31")
    (True, True)
    >>> same_period("P3Y/2018-09-06", "P3Y/2018-09-06"), same_period("2017", "2018"), same_period(None, "2016")
    (True, False, False)
    """
    if predicted is None or gold is None:
        return predicted is None and gold is None
    (pa, pb), (ga, gb) = _bounds(predicted), _bounds(gold)
    if gold.startswith("P") and predicted.split("/")[0] != gold.split("/")[0]:
        return False
    if (pa is None) != (ga is None) or (pb is None) != (gb is None):
        return False
    if ga is not None and (pa is None or pa[: len(ga)] != ga):
        return False
    if gb is None:
        return True
    assert pb is not None
    try:
        return abs((_last_day(pb) - _last_day(gb)).days) <= 1
    except ValueError:
        return False


@dataclass
class FigureDetail:
    """How many matched figures say what the gold says they mean.

    Examples
    --------
    >>> d = FigureDetail(matched=4, counted_right=3, counted_f1=3.4, status_right=4, timed=2, time_right=1)
    >>> d.rate("counted_right"), d.rate("status_right"), d.time_rate, round(d.mean_counted_f1, 2)
    (0.75, 1.0, 0.5, 0.85)
    """

    matched: int = 0
    counted_right: int = 0
    counted_f1: float = 0.0
    status_right: int = 0
    timed: int = 0
    time_right: int = 0
    time_spurious: int = 0
    links_gold: int = 0
    links_predicted: int = 0
    links_matched: int = 0

    def rate(self, field: str) -> float:
        """``field`` as a share of the matched figures (1.0 when none matched)."""
        return getattr(self, field) / self.matched if self.matched else 1.0

    @property
    def mean_counted_f1(self) -> float:
        """The mean character F1 of the counted noun phrases."""
        return self.counted_f1 / self.matched if self.matched else 1.0

    @property
    def time_rate(self) -> float:
        """The share of matched figures with a gold time whose period is right."""
        return self.time_right / self.timed if self.timed else 1.0

    def __iadd__(self, other: FigureDetail) -> FigureDetail:
        """Add ``other``'s counts to these (micro-averaging)."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def score_details(pairs: list[tuple[dict[str, Any], dict[str, Any]]], links: set[tuple[str, str]]) -> FigureDetail:
    """Score matched (predicted, gold) figure pairs.

    Parameters
    ----------
    pairs
        Predicted rows (``f``, ``counts``, ``status``, ``iso`` keys) with their gold items.
    links
        The predicted links ``(figure, whole or first statement)`` of ``fp:partOf`` and ``fp:sameFigureAs``.

    Examples
    --------
    >>> p = {"f": "x", "counts": "贫困户", "status": "actual", "iso": "2016"}
    >>> g = {"id": "Q1", "counted": "貧困戶", "status": "actual", "time": "2016"}
    >>> d = score_details([(p, g)], set())
    >>> d.counted_right, d.status_right, d.time_right, d.links_gold
    (1, 1, 1, 0)
    """
    d = FigureDetail(matched=len(pairs))
    by_gold = {g["id"]: p["f"] for p, g in pairs if "id" in g}
    for p, g in pairs:
        f1 = char_f1(counted_form(p.get("counts")), counted_form(g.get("counted")))
        d.counted_f1 += f1
        d.counted_right += f1 >= COUNTED_THRESHOLD
        d.status_right += p.get("status") == g.get("status")
        if g.get("time"):
            d.timed += 1
            d.time_right += same_period(p.get("iso"), g["time"])
        elif p.get("iso"):
            d.time_spurious += 1
    gold_links = {
        (by_gold[g["id"]], by_gold[g[k]])
        for _, g in pairs
        for k in ("part_of", "repeats")
        if isinstance(g.get(k), str) and g[k] in by_gold
    }
    matched_figures = set(by_gold.values())
    predicted = {(a, b) for a, b in links if a in matched_figures and b in matched_figures}
    d.links_gold, d.links_predicted = len(gold_links), len(predicted)
    d.links_matched = len(gold_links & (predicted | {(b, a) for a, b in predicted}))
    return d
