r"""Reading the parts of a page from its lines: metadata, body lines, paragraphs and sentences.

The lines come from :mod:`kg.ingest.lines`, one part of the page each (a printed line that held several parts is
cut first). :func:`read_breadcrumb` and :func:`read_header` read the metadata at the top into a ``meta``
dictionary (the keys of :attr:`kg.ingest.Article.meta`); :func:`split_body_line` cuts a line after the date line
where credits, the editor line or page chrome run on from the body (and, in a line that held several parts, where
a paragraph ends); :func:`read_body` sorts those lines into body lines, credit lines and the editor line, and
stops at the page chrome; :func:`paragraphs`, :func:`unique_paragraphs` and :func:`sentences` shape the body.
Every part is a :class:`~kg.span.Span` of the text.

Examples
--------
>>> from kg.lexicon import load_lexicon
>>> from kg.ingest.cues import page_cues
>>> from kg.ingest.lines import page_lines
>>> text = "標題\n2016年12月13日\n第一段。\n(責編:某某)\n"
>>> lines, cues, meta = page_lines(text), page_cues(load_lexicon()), {}
>>> date_at = read_header(text, text, "a.txt", lines, 0, cues, meta)
>>> body, end_at = read_body(text, lines, date_at, load_lexicon(), cues, meta, "a.txt")
>>> [text[s.start : s.end] for s in body], meta["editors"][1]
(['第一段。'], ['某某'])
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kg.errors import InputError, NoArticleBody
from kg.ingest.cues import Cues
from kg.ingest.lines import CRUMB_SEP, Line, cut_line, date_line_source, opens_with_date
from kg.lexicon import Lexicon
from kg.span import Span

__all__ = [
    "CHINA_TZ",
    "paragraphs",
    "read_body",
    "read_breadcrumb",
    "read_header",
    "sentences",
    "split_body_line",
    "unique_paragraphs",
]

#: The time zone of publication dates (China Standard Time).
CHINA_TZ = timezone(timedelta(hours=8))
_SENTENCE_END = re.compile(r"[。！？!?；;﹔]+[”」』]?")
_BLANK = " \t\u3000\u00a0"  # what surrounds a line's text: spaces, tabs, ideographic and no-break spaces
_FULL_STOPS = "。！？"  # full-width: a lone "?" stands for a character the page lost (華?)
_CLOSING = "”」』\"'"
_BOUNDARY = _FULL_STOPS + _CLOSING + ")）】]"  # what may precede a credit or chrome on a run-on line
_PARAGRAPH_END = re.compile(rf"[{_FULL_STOPS}][{_CLOSING}]*(?=(\s+)\S)")
_INDENT = re.compile(r"\s*\u3000|\s{2}")  # a paragraph's indent: two spaces, or an ideographic space


def _stripped_span(line: Line) -> Span:
    lead = len(line.text) - len(line.text.lstrip(_BLANK))
    return Span(line.start + lead, line.start + lead + len(line.text.strip(_BLANK)))


def read_breadcrumb(first: Line, cues: Cues, meta: dict) -> int:
    """Read a breadcrumb (站點 > 欄目) on the first line into ``meta``; the index of the line the title is on.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> meta = {}
    >>> read_breadcrumb(Line(0, "某某网 > 新闻 > 扶贫"), page_cues(load_lexicon()), meta), meta["breadcrumb"][1]
    (1, ['某某网', '新闻', '扶贫'])
    """
    line = first.text
    if CRUMB_SEP.findall(line) and len(CRUMB_SEP.split(line.strip())) >= 2 and not cues.date.search(line[:12]):
        span = _stripped_span(first)
        meta["breadcrumb"] = (span, [p for p in CRUMB_SEP.split(line.strip(_BLANK)) if p])
        return 1
    return 0


def read_header(clean: str, shadow: str, path: Path | str, lines: list[Line], idx: int, cues: Cues, meta: dict) -> int:
    r"""Read the title, subtitle, date and source into ``meta``; the index of the date line (the title's, without).

    Parameters
    ----------
    clean, shadow
        The page's text and its Simplified shadow.
    path
        The page's file, named in errors.
    lines
        The page's lines, one part each.
    idx
        The index of the line the title is on.
    cues
        The page cues.
    meta
        Where the metadata goes.

    Raises
    ------
    NoArticleBody
        Only a title line, or no title before the date line.
    InputError
        The date does not exist.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> from kg.ingest.lines import page_lines
    >>> text, meta = "標題\n2017-11-03 來源:某某網\n正文。", {}
    >>> read_header(text, text, "a.txt", page_lines(text), 0, page_cues(load_lexicon()), meta), meta["source"][1]
    (1, '某某網')
    """
    title_spans, date_at = [], None
    for j in range(idx, min(idx + 5, len(lines))):  # title (and subtitle) lines run until the date line
        line = lines[j]
        m = cues.date.search(line.text)
        if (
            m
            and len(line.text.strip()) < 80
            and (not line.joined or opens_with_date(shadow[line.start : line.end], cues))
        ):
            date_at = j
            break
        title_spans.append(_stripped_span(line))
    if date_at is None:  # no date line: the first line is the title, the date stays unknown
        if len(lines) <= idx + 1:
            raise NoArticleBody(path, "no article body (only a title line)")
        title_spans, date_at = [_stripped_span(lines[idx])], idx
    else:
        start, printed = lines[date_at].start, lines[date_at].text
        m = cues.date.search(printed)
        assert m is not None  # the loop above stopped at this line because it holds a date
        try:
            fields = (m["y"], m["m"], m["d"], m["H"] or 0, m["M"] or 0, m["S"] or 0)
            year, month, day, hour, minute, second = (int(f) for f in fields)
            published = datetime(year, month, day, hour, minute, second, tzinfo=CHINA_TZ)
        except ValueError:
            where = clean.count("\n", 0, start) + 1
            raise InputError(path, f"line {where}: not a valid date: {m.group()}") from None
        meta["published"] = (Span(start + m.start(), start + m.end()), published, m["H"] is not None)
        src = cues.source_inline.search(printed)
        read = date_line_source(shadow, lines[date_at], cues) if lines[date_at].joined else None
        if read:
            meta["source"] = read
        elif src:
            meta["source"] = (Span(start + src.start("who"), start + src.end("who")), src["who"])
    if not title_spans:
        raise NoArticleBody(path, "no title (no line before the date line names the article)")
    meta["title"] = title_spans[0]
    if len(title_spans) > 1:
        meta["subtitle"] = title_spans[1]
    return date_at


def read_body(
    clean: str, lines: list[Line], date_at: int, lexicon: Lexicon, cues: Cues, meta: dict, path: Path | str
) -> tuple[list[Span], int]:
    r"""The body's lines after the date line, up to the editor line or the page chrome (credit lines go to ``meta``);
    and the index of the first line after the content.

    Raises
    ------
    NoArticleBody
        Nothing between the date line and the editor line.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> from kg.ingest.lines import page_lines
    >>> text, meta = "2017-11-03\n正文。\n（某某辦供稿）\n推薦閱讀", {}
    >>> lexicon = load_lexicon()
    >>> body, end_at = read_body(text, page_lines(text), 0, lexicon, page_cues(lexicon), meta, "a.txt")
    >>> len(body), end_at, meta["contributor"][1:]
    (1, 3, ('某某辦', '供稿'))
    """
    chrome_markers = lexicon.chrome_markers
    body_lines: list[Span] = []
    end_at = len(lines)
    for j in range(date_at + 1, len(lines)):
        stripped = lines[j].text.strip(_BLANK)
        e = cues.editors.match(stripped)
        if e:
            names = re.split(r"[、,，\s]+", e["names"].strip())
            meta["editors"] = (_stripped_span(lines[j]), [n for n in names if n])
            end_at = j + 1
            break
        opening = stripped.lstrip("【[·• ")
        if any(
            stripped.startswith(mk) or opening.startswith(mk) or stripped.strip("【】[]·") == mk
            for mk in chrome_markers
        ):
            end_at = j
            break
        credit = stripped[:1] in "(（" or cues.credit_start.match(stripped)
        c = cues.contributor.match(stripped) if credit else None
        if c and len(stripped) < 40 and body_lines:
            role = cues.roles[0] if any(w in stripped for w in cues.contributed) else cues.roles[1]
            meta["contributor"] = (_stripped_span(lines[j]), c["who"].strip(), role)
            continue
        body_lines.append(_stripped_span(lines[j]))
    if not body_lines:
        raise NoArticleBody(path, "no article body (nothing between the date line and the editor line)")
    return body_lines, end_at


def split_body_line(s: str, line: Line, cues: Cues) -> list[Line]:
    """Cut a body line where a credit, the editor line or page chrome runs on from the body; in a line that held
    several parts, cut paragraphs too (whitespace after a sentence end).

    Parameters
    ----------
    s
        The shadow of the page's text.
    line
        A line after the date line.
    cues
        The page cues.

    Returns
    -------
    list of Line
        The parts of the line in text order (the line itself when it holds one part).

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest.cues import page_cues
    >>> text = "第一段。 第二段。(某县扶贫办供稿)(责编:张三)推荐阅读 某县召开大会"
    >>> [p.text for p in split_body_line(text, Line(0, text), page_cues(load_lexicon()))]
    ['第一段。', '第二段。', '(某县扶贫办供稿)', '(责编:张三)', '推荐阅读 某县召开大会']
    """
    text = s[line.start : line.end]
    cuts: list[int] = []
    lead = len(text) - len(text.lstrip())
    credited = bool(cues.credit_inline.match(text, lead))  # a credit line, which an editor line may follow
    for m in cues.credit_inline.finditer(text):
        before = text[: m.start()].rstrip()
        if before and (before[-1] in _BOUNDARY or cuts or credited):
            cuts.append(m.start())
            if text[m.start()] in "(（":
                close = re.search(r"[)）]", text[m.end() - 1 :])
                if close:
                    cuts.append(m.end() - 1 + close.end())
    for m in cues.chrome_inline.finditer(text):
        before = text[: m.start()].rstrip()
        if before and (before[-1] in _BOUNDARY or credited or cuts and m.start() > cuts[0]):
            cuts = [c for c in cuts if c < m.start()] + [m.start()]
            break
    end = cuts[0] if cuts else len(text)
    # a paragraph indent (two spaces, an ideographic space) after a sentence end starts a paragraph; in a line that
    # held several parts any space does
    breaks = [p.end() for p in _PARAGRAPH_END.finditer(text, 0, end) if line.joined or cuts or _INDENT.match(p[1])]
    if not cuts and not breaks:
        return [line]
    return [p._replace(joined=True) for p in cut_line(line, cuts + breaks)]


def unique_paragraphs(text: str, paras: list[Span]) -> tuple[list[Span], list[tuple[Span, Span]]]:
    """Set aside paragraphs that repeat an earlier one word for word (a page-assembly fault, not a second
    statement): the paragraphs kept, and each repeat with its first occurrence.

    Examples
    --------
    >>> text = "這一段重複了兩次，每次都是二十多個字的同一段話。" * 2
    >>> kept, repeated = unique_paragraphs(text, [Span(0, 24), Span(24, 48)])
    >>> kept, repeated
    ([Span(start=0, end=24)], [(Span(start=24, end=48), Span(start=0, end=24))])
    """
    first: dict[str, Span] = {}
    kept, repeated = [], []
    for p in paras:
        key = re.sub(r"\s+", "", text[p.start : p.end])
        if key in first and len(key) > 20:
            repeated.append((p, first[key]))
        else:
            first.setdefault(key, p)
            kept.append(p)
    return kept, repeated


def paragraphs(text: str, lines: list[Span]) -> list[Span]:
    r"""Join lines not separated by a blank line: a line break inside a sentence stays inside its paragraph.

    Examples
    --------
    >>> text = "第一句在\n這裡結束。\n\n第二段。"
    >>> [text[p.start : p.end] for p in paragraphs(text, [Span(0, 4), Span(5, 10), Span(12, 16)])]
    ['第一句在\n這裡結束。', '第二段。']
    """
    out: list[Span] = []
    for span in lines:
        if out and "\n\n" not in text[out[-1].end : span.start] and text[out[-1].end - 1] not in "。！？”」":
            out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def sentences(text: str, para: Span) -> list[Span]:
    """The sentences of a paragraph: each runs to a sentence end (。！？；, with a closing quotation mark).

    Examples
    --------
    >>> text = "第一句。「第二句！」第三句"
    >>> [text[s.start : s.end] for s in sentences(text, Span(0, len(text)))]
    ['第一句。', '「第二句！」', '第三句']
    """
    out, start = [], para.start
    chunk = text[para.start : para.end]
    for m in _SENTENCE_END.finditer(chunk):
        end = para.start + m.end()
        if end > start:
            out.append(Span(start, end))
        start = end
    if start < para.end and text[start : para.end].strip():
        out.append(Span(start, para.end))
    return out
