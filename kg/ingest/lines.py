r"""The lines of a page, and the parts of a page that share one printed line.

A page usually prints each of its parts on lines of their own: breadcrumb, title, subtitle, date line, body
paragraphs, contributor and editor lines, page chrome. Pages whose line breaks were lost run several parts
together, as far as the whole page on one line (``標題 2016年12月13日10:07 來源：人民網 正文……``). This module
finds where each part starts by the lexicon's patterns (:mod:`kg.ingest.cues`), not by line positions alone, and
cuts such lines into :class:`Line`\ s of one part each:

- a breadcrumb runs into the title: cut after the column, at whitespace, else where a column name ends
  (``…聚焦``) and a title opens (a quotation mark, a place);
- the title runs into the date line: cut before the date (or its label ``发布时间：``), and before a subtitle's
  dash ``——``; with no date, before the whitespace that precedes the first sentence;
- the date line runs into the body: the fields after the date (source, byline, font size, counter …) are read
  one by one, and the body starts where none follows;
- the body runs into credits, the editor line and page chrome: cut by :func:`kg.ingest.parts.split_body_line`.

Patterns are matched over the Simplified shadow of the text; a line keeps its offset into the text, so every
part stays a span of the text as printed.

Examples
--------
>>> from kg.lexicon import load_lexicon
>>> from kg.text import shadow
>>> from kg.ingest.cues import page_cues
>>> text = "標題 2016年12月13日10:07 正文第一句。第二句。"
>>> lines = split_header(shadow(text), page_lines(text), page_cues(load_lexicon()))
>>> [line.text for line in lines]
['標題', '2016年12月13日10:07', '正文第一句。第二句。']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.ingest.cues import Cues
from kg.span import Span

__all__ = ["CRUMB_SEP", "Line", "cut_line", "date_line_source", "opens_with_date", "page_lines", "split_header"]

#: A breadcrumb separator and the spaces around it.
CRUMB_SEP = re.compile(r"\s*(?:>>|＞＞|>|＞|»)\s*")
_SENTENCE_END = "。！？"  # full-width: a lone "?" stands for a character the page lost (華?)
_SPACE = re.compile(r"\s+")
_COMMAS = ("，", ",", "、")  # after a date, they make it part of a sentence
_NUMERIC = re.compile(r"\d{4}\s*[-/.]")  # a date printed in digits alone (2016-12-13), as date lines print it


class Line(NamedTuple):
    """A line of a page, or the part of a printed line that holds one part of the page.

    Attributes
    ----------
    start
        Its offset in the text.
    text
        Its text: ``text == page[start : start + len(text)]``.
    joined
        Whether it shares its printed line with another part of the page.

    Examples
    --------
    >>> Line(3, "正文。").end
    6
    """

    start: int
    text: str
    joined: bool = False

    @property
    def end(self) -> int:
        """The offset just after the line's text."""
        return self.start + len(self.text)


def page_lines(text: str) -> list[Line]:
    r"""The lines of a page that hold text: blank lines and HTML comments (``<!-- … -->``) left out.

    Parameters
    ----------
    text
        The page text (normalised: ``\n`` line ends).

    Returns
    -------
    list of Line
        Each line with its offset; a comment closed on its line leaves the rest of the line as a line.

    Examples
    --------
    >>> [(line.start, line.text) for line in page_lines("<!-- note -->標題\n\n正文。")]
    [(13, '標題'), (17, '正文。')]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.lstrip().startswith("<!--"):
            close = line.find("-->")
            if close == -1:
                continue
            start, line = start + close + 3, line[close + 3 :]
        if line.strip(" \t\u3000\u00a0"):
            out.append(Line(start, line))
    return out


def _part(line: Line, a: int, b: int) -> Line | None:
    """The part ``[a, b)`` of ``line`` (offsets within it), trimmed of spaces; ``None`` if only spaces."""
    piece = line.text[a:b]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Line(line.start + a + lead, piece, True) if piece else None


def cut_line(line: Line, cuts: list[int]) -> list[Line]:
    """``line`` cut at the offsets ``cuts`` (within it), each part trimmed of spaces and marked ``joined``; with no
    cut inside it, the line as it was.

    Examples
    --------
    >>> [(p.start, p.text) for p in cut_line(Line(10, "第一段。 第二段。"), [4])]
    [(10, '第一段。'), (15, '第二段。')]
    """
    bounds = [0, *sorted(set(c for c in cuts if 0 < c < len(line.text))), len(line.text)]
    if len(bounds) == 2:
        return [line]
    return [p for a, b in zip(bounds, bounds[1:]) if (p := _part(line, a, b))]


def _crumb_cut(s: str, cues: Cues) -> tuple[int, int] | None:
    """Where a breadcrumb that runs into the title ends and the title starts, in a line's shadow ``s``: ``None``
    when the line is no breadcrumb or holds the breadcrumb alone."""
    pos = 0
    for m in CRUMB_SEP.finditer(s):
        part = s[pos : m.start()].strip()
        if not part or len(part) > 24 or any(c in part for c in _SENTENCE_END):
            break
        pos = m.end()
    if not pos or cues.date.search(s[:12]):
        return None
    tail = s[pos:].rstrip()
    date = cues.date.search(tail)
    if not (_SPACE.search(tail) or date or any(c in tail for c in _SENTENCE_END) or len(tail) > 16):
        return None  # the column alone: the breadcrumb is the whole line
    best: tuple[int, bool, bool, int] | None = None
    for k in range(2, min(date.start() if date else len(tail), 15)):
        if tail[k - 1].isspace():
            continue
        gap = _SPACE.match(tail, k)
        opens = bool(cues.title_start.match(tail, gap.end() if gap else k))
        score = bool(gap) + opens + bool(cues.column_end.search(tail[:k]))
        # a space or a title opening as early as may be, else the longest column name
        key = (score, bool(gap), opens, -k if gap or opens else k)
        if score and (best is None or key > best):
            best = key
    if best is None:  # no sign where the column ends: the breadcrumb ends with its last separator
        return pos, pos
    k = abs(best[3])
    gap = _SPACE.match(tail, k)
    return pos + k, pos + (gap.end() if gap else k)


def opens_with_date(s: str, cues: Cues, lenient: bool = False) -> re.Match | None:
    """The date a line (its shadow ``s``) opens with, if the line reads as a date line.

    The date may follow a label (``发布时间：``). Unless ``lenient``, a date that is not followed by a space, a
    field of the date line or the end of the line needs a time of day, a label or a numeric form (2016-12-13), so
    that a body sentence that opens with a date (``2017年6月14日上午，…``) is not taken for one; a date followed by
    a comma never is.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> cues = page_cues(load_lexicon())
    >>> opens_with_date("发布时间：2017-06-15 09:30 正文。", cues)["y"], opens_with_date("2017年6月14日，记者", cues)
    ('2017', None)
    """
    m = cues.date.search(s, 0, 40)
    if m is None:
        return None
    labelled = bool(s[: m.start()].strip())
    if labelled and not _is_label(s[: m.start()], cues):
        return None
    after = s[m.end() :]
    if after[:1] in _COMMAS:
        return None
    if lenient or labelled or m["H"] or not after.strip() or after[:1].isspace() or _NUMERIC.match(m.group()):
        return m
    return m if cues.date_field.match(after) else None


def _is_label(before: str, cues: Cues) -> bool:
    label = cues.date_label.search(before)
    return label is not None and not before[: label.start()].strip()


def _fields(s: str, pos: int, cues: Cues) -> tuple[int, tuple[int, int] | None]:
    """Read the fields of a date line from ``pos``: where they end, and the span of the source they name."""
    who = None
    while (f := cues.date_field.match(s, pos)) and f.end() > pos:
        if f["who"] and who is None:
            who = f.span("who")
        pos = f.end()
    return pos, who


def date_line_source(s: str, line: Line, cues: Cues) -> tuple[Span, str] | None:
    """The source a date line names among its fields (``来源：…``), read field by field, with its span.

    Parameters
    ----------
    s
        The shadow of the whole text.
    line
        The date line.
    cues
        The page cues.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> line = Line(0, "2017-11-03 来源:秦峪县扶贫开发办公室点击:[ 876 ]")
    >>> date_line_source(line.text, line, page_cues(load_lexicon()))
    (Span(start=14, end=24), '秦峪县扶贫开发办公室')
    """
    text = s[line.start : line.end]
    m = opens_with_date(text, cues, lenient=True)
    if not m:
        return None
    _, who = _fields(text, m.end(), cues)
    if who is None:
        return None
    return Span(line.start + who[0], line.start + who[1]), line.text[who[0] : who[1]]


def _split_date_line(s: str, line: Line, cues: Cues, lenient: bool) -> list[Line] | None:
    """A date line that runs into the body, cut where its fields end; ``None`` if it is no such line."""
    text = s[line.start : line.end]
    m = opens_with_date(text, cues, lenient)
    if not m:
        return None
    end, _ = _fields(text, m.end(), cues)
    body = end + len(text[end:]) - len(text[end:].lstrip())
    if not any(c in text[body:] for c in _SENTENCE_END):
        return [line]  # the date line alone
    return [p for p in (_part(line, 0, end), _part(line, body, len(text))) if p]


def _split_subtitle(s: str, line: Line, cues: Cues) -> list[Line]:
    """A title line cut before a subtitle's dash, if the line held other parts or a space precedes the dash."""
    text = s[line.start : line.end]
    sub = cues.subtitle_lead.search(text, 1)
    if sub is None or not text[: sub.start()].strip() or not (line.joined or sub.group()[:1].isspace()):
        return [line]
    return [p for p in (_part(line, 0, sub.start()), _part(line, sub.start(), len(text))) if p]


def _split_at_date(s: str, line: Line, cues: Cues) -> list[Line] | None:
    """A title (or subtitle) line that runs into the date line, cut into title, subtitle, date line and body;
    ``None`` if no date follows the title on the line."""
    text = s[line.start : line.end]
    m = cues.date.search(text)
    head = text[: m.start()] if m else ""
    if not m or not head.strip() or "。" in head or len(head) > 150 or text[m.end() : m.end() + 1] in _COMMAS:
        return None
    label = cues.date_label.search(head)
    at = label.start() if label and head[: label.start()].strip() else m.start()
    title = _part(line, 0, at)
    rest = _part(line, at, len(text))
    heads = _split_subtitle(s, title, cues) if title else []
    return heads + ((_split_date_line(s, rest, cues, lenient=True) or [rest]) if rest else [])


def _split_title_body(s: str, line: Line, cues: Cues) -> list[Line]:
    """A title line that runs into the body with no date between: cut at the whitespace before the first sentence
    (the first wide gap, else the last space), else after the first sentence."""
    text = s[line.start : line.end]
    stop = text.find("。")
    lead = len(text) - len(text.lstrip())
    spaces = list(_SPACE.finditer(text, lead, stop))
    wide = [w for w in spaces if len(w.group()) > 1]
    gap = wide[0] if wide else (spaces[-1] if spaces else None)
    if gap:
        a, b = gap.start(), gap.end()
    else:  # nothing separates them: the first sentence stands for the title
        end = re.search(f"[{_SENTENCE_END}]", text)
        a = b = end.end() if end else stop + 1
        a -= text[a - 1] == "。"
    title, body = _part(line, 0, a), _part(line, b, len(text))
    return (_split_subtitle(s, title, cues) if title else []) + ([body] if body else [])


def split_header(s: str, lines: list[Line], cues: Cues) -> list[Line]:
    """Cut the first lines of a page where breadcrumb, title, subtitle, date line and body share a line.

    Parameters
    ----------
    s
        The shadow of the page's text (:func:`kg.text.shadow`).
    lines
        The page's lines (:func:`page_lines`).
    cues
        The page cues (:func:`kg.ingest.cues.page_cues`).

    Returns
    -------
    list of Line
        The lines, those that held several parts cut into one line per part (``joined``); a page that prints
        each part on a line of its own comes back as it was.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> text = "中国共产党新闻>>党建>>基层党建聚焦“四张蓝图”助推脱贫2016年12月13日10:07今年以来，全市……。"
    >>> [line.text for line in split_header(text, page_lines(text), page_cues(load_lexicon()))]
    ['中国共产党新闻>>党建>>基层党建聚焦', '“四张蓝图”助推脱贫', '2016年12月13日10:07', '今年以来，全市……。']
    """
    out = list(lines)
    if not out:
        return out
    first = out[0]
    crumb = _crumb_cut(s[first.start : first.end], cues)
    if crumb is not None:
        out[0:1] = [p for p in (_part(first, 0, crumb[0]), _part(first, crumb[1], len(first.text))) if p]
    title_at = 1 if _is_crumb(s, out[0], cues) else 0
    if title_at >= len(out):
        return out
    title = out[title_at]
    parts = _split_at_date(s, title, cues)
    if parts is None and "。" in title.text:
        parts = _split_title_body(s, title, cues)
    if parts is not None:
        out[title_at : title_at + 1] = parts
        return out
    for j in range(title_at + 1, min(title_at + 5, len(out))):
        split = _split_date_line(s, out[j], cues, lenient=False)
        if split is None and cues.subtitle_lead.match(s, out[j].start):  # a subtitle that runs into the date line
            split = _split_at_date(s, out[j], cues)
        if split is not None:
            out[j : j + 1] = split
            break
        if any(c in out[j].text for c in _SENTENCE_END):
            break
    out[title_at : title_at + 1] = _split_subtitle(s, title, cues)
    return out


def _is_crumb(s: str, line: Line, cues: Cues) -> bool:
    text = s[line.start : line.end]
    return bool(CRUMB_SEP.search(text)) and len(CRUMB_SEP.split(text.strip())) >= 2 and not cues.date.search(text[:12])
