r"""Time phrases and the periods they name, in ISO 8601, counted from the publication date.

The lexicon's ``time-expressions`` scheme says both what a time phrase looks like and what period it names.
Each entry has a pattern (``fp:pattern``) whose capturing groups are named, in order, by ``fp:timeFields``, and
templates of the period: ``fp:timeBegin``, ``fp:timeEnd`` and ``fp:timeDuration``. A template is a year, a
year-month or a year-month-day (``{y}-{m}-{last}``) or a duration (``P{n}Y``) whose parts are numbers or slots:

- a group of the pattern (``{y}``, ``{m}``, ``{n}``), read as an Arabic, full-width or Chinese numeral (三, 两);
- ``{year}``, ``{month}``, ``{day}``: the reference date, which is the publication date, or the date a sentence
  opens with where the entry of that date says so (``fp:timeDatesSentence``: 6月14日，记者从…获悉), up to
  the sentence's full stop;
- ``{last}``: the last day of the month the bound names (February and leap years included);

each optionally times a number and plus or minus a number (``{n*3-2}``, ``{year-1}``, ``{month-1}``). A slot
written plainly must name a real month or day; one with arithmetic rolls over (``{month-1}`` in January is
December of the year before). A period without a begin has an open start (``../2017-05-31``), one without an
end an open end; where begin and end are the same it is that one year, month or day (``2016``). With
``fp:timeInPast``, a month or day named without a year that comes later in the year than the reference date is
of the year before. A phrase that reads the reference date and has none is left unresolved, never guessed.
A new time phrase is a new lexicon entry; nothing here names one.

Examples
--------
>>> from datetime import date
>>> from kg.lexicon import load_lexicon
>>> text = "截至今年5月底，三年来共完成2016—2020年规划的一半"
>>> [(p.phrase, p.iso) for p in find_periods(text, load_lexicon(), date(2017, 6, 15))]
[('截至今年5月底', '../2017-05-31'), ('三年来', 'P3Y/2017-06-15'), ('2016—2020年', '2016/2020')]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kg.errors import LexiconError
from kg.lexicon import Concept, Lexicon, compiled
from kg.lexicon.patterns import first_characters
from kg.span import Span
from kg.text import shadow as to_shadow

from .numbers import chinese_to_number

__all__ = ["NO_REFERENCE", "Period", "PeriodGrammar", "find_periods", "parse_period", "period_grammar"]

#: The lexicon scheme of time phrases.
SCHEME = "time-expressions"
#: The slots a template reads from the reference date.
REFERENCE_SLOTS = ("year", "month", "day")
#: Why a relative phrase stays unresolved without a reference date.
NO_REFERENCE = "relative to the publication date, which the article does not give"

_SLOT = r"\{([a-z]\w*)(?:\*(\d+))?(?:([+-])(\d+))?\}"
_PART = r"\d+|\{[^{}]*\}"
_BOUND = re.compile(rf"({_PART})(?:-({_PART}))?(?:-({_PART}))?")
_DURATION = re.compile(rf"P({_PART})([YMWD])")
_SENTENCE_END = re.compile(r"[\n!?\u3002\uff01\uff1f]")


@dataclass(frozen=True)
class Period:
    """A time phrase found in a text and the period it names.

    Parameters
    ----------
    phrase
        The phrase as matched in the Simplified text.
    span
        Where the phrase is: offsets into the text.
    concept
        The IRI of the ``time-expressions`` entry it matched.
    iso
        The period in ISO 8601: ``2016``, ``2014-12-31``, ``2016/2017-06-14``, ``../2017-05-31``,
        ``P3Y/2018-09-06``, ``2019-01/2019-03``; ``None`` when unresolved.
    begin, end
        The bounds as ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` lexical forms (``2016``, ``2019-01``,
        ``2017-05-31``); ``None`` for an open bound, a bound a duration gives, or when unresolved.
    duration
        The ISO 8601 duration counted back from the end (``P3Y``), or ``None``.
    begin_precision, end_precision
        ``year``, ``month`` or ``day``: what each bound names; ``None`` where the bound is.
    relative
        Whether the period is counted from the reference date (今年, 目前, 三年来).
    resolved
        Whether the period is known; if not, ``reason`` says why.
    reason
        Why the period is unresolved (``relative to the publication date, which the article does not give``).

    Examples
    --------
    >>> from datetime import date
    >>> from kg.lexicon import load_lexicon
    >>> p = parse_period("截至2018年8月底", load_lexicon())
    >>> p.iso, p.begin, p.end, p.end_precision, p.relative, p.concept.rsplit("/", 1)[-1]
    ('../2018-08-31', None, '2018-08-31', 'day', False, 'time-as-of-year-month-end')
    >>> q = parse_period("三年来", load_lexicon())
    >>> q.resolved, q.iso, q.reason
    (False, None, 'relative to the publication date, which the article does not give')
    """

    phrase: str
    span: Span
    concept: str
    iso: str | None = None
    begin: str | None = None
    end: str | None = None
    duration: str | None = None
    begin_precision: str | None = None
    end_precision: str | None = None
    relative: bool = False
    resolved: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class _Bound:
    text: str  # the lexical form at its precision
    precision: str
    first: date  # the first and last day it covers
    last: date


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    regex: re.Pattern  # its fp:pattern; group i + 1 is fields[i]
    fields: tuple[str, ...]
    begin: str | None
    end: str | None
    duration: str | None
    in_past: bool
    dates_sentence: bool
    relative: bool


@dataclass(frozen=True)
class PeriodGrammar:
    """Every time phrase of a lexicon: a pattern that finds where a phrase may start (the characters one starts
    with, where they can be told), and the entries. Made once per lexicon by :func:`period_grammar`. Where
    several entries match at one place, the longest wins (2014年底 over 2014年), whatever their order.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> grammar = period_grammar(load_lexicon())
    >>> entry, m = grammar.match("截至2018年8月底", 0)
    >>> m.group(), entry.fields
    ('截至2018年8月底', ('y', 'm'))
    """

    pattern: re.Pattern
    entries: tuple[_Entry, ...]
    by_first: dict[str, tuple[_Entry, ...]] | None = None  # the entries a character can start, when known

    def match(self, text: str, pos: int, endpos: int | None = None) -> tuple[_Entry, re.Match] | None:
        """The entry with the longest match at ``pos`` (the first in pattern order of equals), or ``None``."""
        stop = len(text) if endpos is None else endpos
        best = None
        for e in self.entries if self.by_first is None or pos >= stop else self.by_first.get(text[pos], ()):
            m = e.regex.match(text, pos, stop)
            if m and m.end() > pos and (best is None or m.end() > best[1].end()):
                best = (e, m)
        return best


def period_grammar(lexicon: Lexicon) -> PeriodGrammar:
    r"""The time phrases of ``lexicon``, checked and compiled once per lexicon.

    Raises
    ------
    LexiconError
        An entry's pattern does not compile, has named groups (the patterns are joined into one) or more or
        fewer groups than ``fp:timeFields`` names, or a template is malformed or reads a slot that is neither a
        field nor of the reference date.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> grammar = period_grammar(load_lexicon())
    >>> grammar is period_grammar(load_lexicon()), grammar.pattern.search("自2016年以来").start()
    (True, 0)
    """
    return lexicon.derived("period-grammar", _make_grammar)


def _make_grammar(lexicon: Lexicon) -> PeriodGrammar:
    concepts = sorted(lexicon.scheme(SCHEME), key=lambda c: (-len(c.prop("pattern", "")), c.prop("pattern", "")))
    entries = []
    for c in concepts:
        text, fields = c.prop("pattern"), tuple(c.prop("timeFields", "").split())
        try:
            regex = compiled(text)
        except (re.error, TypeError) as e:
            raise LexiconError(f"lex:{c.key}: fp:pattern is not a regular expression: {e}") from None
        if regex.groupindex or regex.groups != len(fields):
            raise LexiconError(f"lex:{c.key}: fp:pattern needs {len(fields)} unnamed groups, one per fp:timeFields")
        templates = {name: c.prop(name) for name in ("timeBegin", "timeEnd", "timeDuration")}
        read = set()
        for name, t in templates.items():
            if t is None:
                continue
            shape = _DURATION if name == "timeDuration" else _BOUND
            if not shape.fullmatch(t) or any(not re.fullmatch(_SLOT, s) for s in re.findall(r"\{[^{}]*\}", t)):
                raise LexiconError(f"lex:{c.key}: fp:{name} is not a template: {t}")
            read |= {m.group(1) for m in re.finditer(_SLOT, t)}
        if read - set(fields) - set(REFERENCE_SLOTS) - {"last"}:
            raise LexiconError(f"lex:{c.key}: the templates read slots it has not: {sorted(read - set(fields))}")
        flags = (
            c.prop("timeInPast") == "true",
            c.prop("timeDatesSentence") == "true",
            bool(read & set(REFERENCE_SLOTS)),
        )
        begin, end, duration = (templates[k] for k in ("timeBegin", "timeEnd", "timeDuration"))
        entries.append(_Entry(c, regex, fields, begin, end, duration, *flags))
    firsts = [first_characters(e.regex.pattern) for e in entries]
    if entries and all(f is not None for f in firsts):  # scan for the characters a phrase can start with
        chars = set().union(*(f for f in firsts if f))
        by_first = {c: tuple(e for e, f in zip(entries, firsts) if f and c in f) for c in chars}
        return PeriodGrammar(compiled(f"[{''.join(map(re.escape, sorted(by_first)))}]"), tuple(entries), by_first)
    return PeriodGrammar(compiled("|".join(f"(?:{e.regex.pattern})" for e in entries) or "(?!)"), tuple(entries))


def find_periods(
    shadow: str, lexicon: Lexicon, published: date | None, start: int = 0, end: int | None = None
) -> list[Period]:
    r"""Every time phrase of ``shadow[start:end]``, in text order, with the period it names.

    One pass of one pattern finds where each phrase starts; there the longest entry match wins. A relative
    phrase counts from ``published``, or from the date its sentence opens with where the lexicon says such a date
    dates its sentence (6月14日，…，自2016年以来 ends on 14 June).

    Parameters
    ----------
    shadow
        Simplified text (an article's ``shadow``).
    lexicon
        The lexicon whose ``time-expressions`` to find.
    published
        The publication date (a ``datetime`` counts by its date), or ``None`` if the article gives none.
    start, end
        The part of the text to look in; the whole text by default.

    Returns
    -------
    list of Period
        The phrases found; a relative one without a reference date is unresolved (``resolved=False``).

    Examples
    --------
    >>> from datetime import date
    >>> from kg.lexicon import load_lexicon
    >>> text = "6月14日，记者获悉，自2016年以来共选派96名。目前已有32名。"
    >>> [(p.phrase, p.iso) for p in find_periods(text, load_lexicon(), date(2017, 6, 15))]
    [('6月14日', '2017-06-14'), ('自2016年以来', '2016/2017-06-14'), ('目前', '2017-06-15')]
    >>> [(p.phrase, p.iso, p.resolved) for p in find_periods("2014年底，去年", load_lexicon(), None)]
    [('2014年底', '2014-12-31', True), ('去年', None, False)]
    """
    grammar = period_grammar(lexicon)
    if isinstance(published, datetime):
        published = published.date()
    out: list[Period] = []
    dated: date | None = None  # the date the current sentence opens with, if the lexicon says it dates it
    stop, pos, last = len(shadow) if end is None else end, start, start
    while (found := grammar.pattern.search(shadow, pos, stop)) is not None:
        pos = found.start() + 1  # past a place where only an empty match is
        if (hit := grammar.match(shadow, found.start(), stop)) is None:
            continue
        entry, m = hit
        if dated is not None and _SENTENCE_END.search(shadow, last, m.start()):
            dated = None
        values = {name: m.group(i + 1) for i, name in enumerate(entry.fields)}
        period = _resolve(entry, m.group(), Span(m.start(), m.end()), values, dated or published)
        if entry.dates_sentence and period.resolved and period.end_precision == "day" and period.end:
            dated = date.fromisoformat(period.end)
        out.append(period)
        pos = last = m.end()
    return out


def parse_period(text: str, lexicon: Lexicon, published: date | None = None) -> Period | None:
    r"""The first time phrase in ``text`` (either script) and the period it names, or ``None`` if it holds none.

    Examples
    --------
    >>> from datetime import date
    >>> from kg.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> parse_period("兩年多來", lexicon, date(2019, 7, 22)).iso, parse_period("在2018年度考核中", lexicon).iso
    ('P2Y/2019-07-22', '2018')
    >>> parse_period("截至3月底", lexicon, date(2019, 4, 18)).iso, parse_period("全县", lexicon)
    ('../2019-03-31', None)
    """
    found = find_periods(to_shadow(text), lexicon, published)
    return found[0] if found else None


def _number(text: str | None) -> int | None:
    """The value of an Arabic (or full-width) or Chinese numeral; ``None`` for none or an unreadable one."""
    if not text:
        return None
    try:
        return int(text) if text.isdigit() else chinese_to_number(text)
    except ValueError:
        return None


def _resolve(entry: _Entry, phrase: str, span: Span, groups: dict[str, str | None], ref: date | None) -> Period:
    """The period ``entry`` makes of one match, counted from ``ref``."""
    base = Period(phrase, span, entry.concept.iri, relative=entry.relative)
    if entry.begin is None and entry.end is None and entry.duration is None:
        return _unresolved(base, f"lex:{entry.concept.key} gives no fp:timeBegin, fp:timeEnd or fp:timeDuration")
    if entry.relative and ref is None:
        return _unresolved(base, NO_REFERENCE)
    values: dict[str, int | None] = {k: _number(v) for k, v in groups.items()}
    if ref is not None:
        values.update(year=ref.year, month=ref.month, day=ref.day)
    try:
        begin, end, duration = _bounds(entry, values)
        first = begin or end
        if entry.in_past and ref and first and first.first.replace(day=1) > ref.replace(day=1):
            values["year"] = ref.year - 1  # a month or day later in the year than the reference date: the year before
            begin, end, duration = _bounds(entry, values)
    except ValueError as e:
        return _unresolved(base, str(e))
    if begin and end and begin.first > end.last:
        return _unresolved(base, f"it begins ({begin.text}) after it ends ({end.text})")
    if duration:
        iso = f"{duration}/{end.text}" if end else duration
    elif begin and end:
        iso = begin.text if begin.text == end.text else f"{begin.text}/{end.text}"
    else:
        iso = f"{begin.text}/.." if begin else f"../{end.text if end else ''}"
    (b, bp), (e_, ep) = ((x.text, x.precision) if x else (None, None) for x in (begin, end))
    return Period(phrase, span, entry.concept.iri, iso, b, e_, duration, bp, ep, entry.relative, True)


def _unresolved(base: Period, reason: str) -> Period:
    return Period(base.phrase, base.span, base.concept, relative=base.relative, reason=reason)


def _bounds(entry: _Entry, values: dict[str, int | None]) -> tuple[_Bound | None, _Bound | None, str | None]:
    begin = _bound(entry.begin, values) if entry.begin else None
    end = _bound(entry.end, values) if entry.end else None
    duration = None
    if entry.duration:
        m = _DURATION.fullmatch(entry.duration)
        assert m is not None  # checked when the grammar was made
        duration = f"P{_slot(m.group(1), values)[0]}{m.group(2)}"
    return begin, end, duration


def _slot(part: str, values: dict[str, int | None]) -> tuple[int, bool]:
    """The value of one part of a template, and whether arithmetic made it (so it may roll over)."""
    if part.isdigit():
        return int(part), False
    m = re.fullmatch(_SLOT, part)
    assert m is not None  # checked when the grammar was made
    name, times, sign, plus = m.groups()
    value = values.get(name)
    if value is None:
        raise ValueError(f"the phrase gives no {name}")
    if times:
        value *= int(times)
    if plus:
        value += int(plus) if sign == "+" else -int(plus)
    return value, bool(times or plus)


def _bound(template: str, values: dict[str, int | None]) -> _Bound:
    """A bound from its template: a year, year-month or date, rolled over where arithmetic made a part."""
    m = _BOUND.fullmatch(template)
    assert m is not None  # checked when the grammar was made
    parts = [p for p in m.groups() if p is not None]
    year, _ = _slot(parts[0], values)
    month, rolls = _slot(parts[1], values) if len(parts) > 1 else (None, False)
    if month is not None:
        if rolls:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        elif not 1 <= month <= 12:
            raise ValueError(f"no such month: {year}-{month:02d}")
    if not 1 <= year <= 9999:
        raise ValueError(f"no such year: {year}")
    if month is None:
        return _Bound(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))
    days = calendar.monthrange(year, month)[1]
    if len(parts) == 2:
        return _Bound(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, days))
    if parts[2] == "{last}":
        day = date(year, month, days)
    else:
        d, rolls = _slot(parts[2], values)
        if not rolls and not 1 <= d <= days:
            raise ValueError(f"no such date: {year}-{month:02d}-{d:02d}")
        try:
            day = date(year, month, 1) + timedelta(days=d - 1)
        except OverflowError:
            raise ValueError(f"no such date: {year}-{month:02d}-{d}") from None
    return _Bound(day.isoformat(), "day", day, day)
