"""Splitting a news page into its parts: the :class:`Article` every later stage reads.

The second step of ingest, after :mod:`kg.ingest.decode`. The text is normalised (newlines to LF, Unicode to NFC),
the lexicon's repair table puts back characters the page lost (``華?`` → ``華鎣``), and the lines are sorted into:

- the metadata: an optional breadcrumb (``站點 > 欄目``), the title and subtitle, the date line (with an inline
  source), a contributor line and the editor line;
- the body: paragraphs (lines joined unless a blank line or a sentence end separates them) and their sentences;
  a paragraph repeated word for word is set aside;
- the page chrome after the content (links, notices), which states nothing.

Every part is a :class:`~kg.span.Span` of character offsets into the decoded, normalised text, which for a UTF-8 file
with LF line ends is the file exactly as shipped. A saved web page (HTML) is turned into text first, one line per
block element; offsets then index that text. The cue words that recognise each line (date formats, credit words,
chrome markers) come from the lexicon, not from this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kg.errors import InputError, NoArticleBody
from kg.ingest.decode import html_text, looks_like_html, read_source
from kg.lexicon import Lexicon, alternation, load_lexicon
from kg.span import Repair, Span
from kg.text import detect_script, shadow, to_hant

__all__ = ["Article", "parse_article", "read_article"]

CHINA_TZ = timezone(timedelta(hours=8))


@dataclass
class Article:
    r"""A decoded news page split into its parts, each part a span of its text.

    Made by :func:`parse_article` (or :func:`read_article` from a file), never by hand.

    Attributes
    ----------
    article_id
        The article's identifier: the file's stem when it is ASCII, else a hash of it.
    path
        The file the article was read from (``<string>`` for text given directly).
    text
        The page text as decoded and normalised; every offset indexes it.
    clean
        ``text`` with the lexicon's repairs applied (same length, same offsets).
    shadow
        ``clean`` in Simplified script (same offsets), for matching lexicon forms.
    script
        ``"zh-Hant"`` or ``"zh-Hans"``: the script the body is written in.
    encoding
        The encoding the bytes were decoded with.
    repairs
        The characters the repair table put back, with where.
    content
        From the breadcrumb or title to the end of the editor line: what the graph quotes.
    body
        From the first paragraph to the end of the last.
    chrome
        The page chrome after the content, or ``None``.
    paragraphs, sentences
        The body's paragraphs and their sentences, in text order.
    meta
        The metadata found, by key: ``"title"`` (always) and ``"subtitle"`` (spans); ``"published"`` (span,
        :class:`~datetime.datetime` in China time, whether the time of day was printed); ``"source"`` (span, name);
        ``"breadcrumb"`` (span, list of parts); ``"contributor"`` (span, name, role); ``"editors"`` (span, names).
    repeated
        Paragraphs that repeat an earlier one word for word, each with the first occurrence; they yield no facts.

    Examples
    --------
    >>> a = parse_article("標題\n2016年12月13日 來源：人民網\n第一段。\n")
    >>> a.text[a.body.start : a.body.end], a.meta["source"][1]
    ('第一段。', '人民網')
    """

    article_id: str
    path: Path
    text: str
    clean: str
    shadow: str
    script: str
    encoding: str
    repairs: list[Repair]
    content: Span
    body: Span
    chrome: Span | None
    paragraphs: list[Span]
    sentences: list[Span]
    meta: dict = field(default_factory=dict)
    repeated: list[tuple[Span, Span]] = field(default_factory=list)  # (repeat, first occurrence): yields no facts

    def clean_at(self, span: Span) -> str:
        """The repaired text (:attr:`clean`) that ``span`` covers."""
        return self.clean[span.start : span.end]


def read_article(path: Path | str, encoding: str | None = None, lexicon: Lexicon | None = None) -> Article:
    """Read a page file (or standard input) and split it into an :class:`Article` with :func:`parse_article`.

    Parameters
    ----------
    path
        The page file (text or saved web page), or ``-`` for standard input.
    encoding
        Force this encoding instead of detecting one (see :func:`~kg.ingest.decode.decode`).
    lexicon
        The lexicon whose cue words and repairs to use; default :func:`~kg.lexicon.load_lexicon`.

    Returns
    -------
    Article
        The page split into metadata, paragraphs, sentences and chrome.

    Raises
    ------
    InputError
        The file is missing, unreadable, empty, binary or undecodable, or the date it gives does not exist.
    NoArticleBody
        The page holds no title or no article body.

    Examples
    --------
    >>> from kg.resources import bundled_article
    >>> article = read_article(bundled_article())
    >>> article.article_id, article.encoding
    ('000_bdc2813b06239aaa', 'utf-8')
    >>> all(article.body.start <= s.start < s.end <= article.body.end for s in article.sentences)
    True
    """
    text, path, used = read_source(path, encoding)
    return parse_article(text, path=path, encoding=used, lexicon=lexicon)


_CRUMB_SEP = re.compile(r"\s*(?:>>|＞＞|>|＞|»)\s*")
_SENTENCE_END = re.compile(r"[。！？!?；;﹔]+[”」』]?")


@dataclass(frozen=True)
class _Cues:
    """The lexicon's patterns for the parts of a page, compiled once per lexicon."""

    date: re.Pattern
    contributor: re.Pattern
    credit_start: re.Pattern
    source_inline: re.Pattern
    editors: re.Pattern
    contributed: tuple[str, ...]  # the credit words of a contribution, in both scripts
    roles: tuple[str, str]  # the contributor role reported: contributed, or source


def _cues(lexicon: Lexicon) -> _Cues:
    return lexicon.derived("ingest-cues", _make_cues)


def _make_cues(lexicon: Lexicon) -> _Cues:
    def both(key: str) -> list[str]:  # lines are matched as printed: either script
        return [w for f in lexicon.words(key) for w in dict.fromkeys((f, to_hant(f)))]

    slots = {
        "contributed": alternation(both("credit-contributed")),
        "source": alternation(both("credit-source")),
        "editor": alternation(both("credit-editor")),
    }
    return _Cues(
        lexicon.pattern("pattern-date-line"),
        lexicon.pattern("pattern-contributor-line", **slots),
        lexicon.pattern("pattern-credit-start", **slots),
        lexicon.pattern("pattern-source-inline", **slots),
        lexicon.pattern("pattern-editor-line", **slots),
        tuple(both("credit-contributed")),
        (lexicon.entry("credit-contributed").hans, lexicon.entry("credit-source").hans),
    )


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


_BLANK = " \t\u3000\u00a0"  # what surrounds a line's text: spaces, tabs, ideographic and no-break spaces


def _stripped_span(start: int, line: str) -> Span:
    lead = len(line) - len(line.lstrip(_BLANK))
    body = line.strip(_BLANK)
    return Span(start + lead, start + lead + len(body))


def parse_article(
    text: str, path: Path | str | None = None, encoding: str = "utf-8", lexicon: Lexicon | None = None
) -> Article:
    r"""Split decoded page text into an :class:`Article` (the parts are described in the module docstring).

    Parameters
    ----------
    text
        The page text, decoded; a saved web page (HTML) is turned into text first.
    path
        The file the text came from: its stem is the article id, and errors name it. Default ``<string>``.
    encoding
        The encoding the text was decoded from, kept in :attr:`Article.encoding`.
    lexicon
        The lexicon whose cue words and repairs to use; default :func:`~kg.lexicon.load_lexicon`.

    Returns
    -------
    Article
        The page split into its parts.

    Raises
    ------
    NoArticleBody
        The page holds no text, only a title line, no title before the date line, or nothing after the date line.
    InputError
        The date line holds a date that does not exist (2016年2月30日).

    Examples
    --------
    >>> a = parse_article("標題\n2016年12月13日\n第一段。第二句。\n")
    >>> a.clean_at(a.meta["title"]), [a.clean_at(s) for s in a.sentences]
    ('標題', ['第一段。', '第二句。'])
    >>> a.meta["published"][1].isoformat(), parse_article("標題\n正文。\n", path="news/dev01.txt").article_id
    ('2016-12-13T00:00:00+08:00', 'dev01')
    >>> parse_article("標題\n", path="a.txt")
    Traceback (most recent call last):
    ...
    kg.errors.NoArticleBody: a.txt: no article body (only a title line)
    """
    lexicon = lexicon or load_lexicon()
    cues = _cues(lexicon)
    path = Path(path) if path else Path("<string>")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if looks_like_html(text):
        text = html_text(text)
    clean, repairs = lexicon.apply_repairs(text)
    lines = [(s, line) for s, line in _lines(clean) if line.strip(_BLANK) and not line.lstrip().startswith("<!--")]
    if not lines:
        raise NoArticleBody(path, "no article body (the page holds no text)")
    meta: dict = {}
    first_title = _breadcrumb(clean, lines[0], cues, meta)
    date_at = _header(clean, path, lines, first_title, cues, meta)
    body_lines, end_at = _body(lines, date_at, lexicon, cues, meta, path)
    content_end = lines[end_at - 1][0] + len(lines[end_at - 1][1].rstrip()) if end_at else len(clean)
    chrome = Span(lines[end_at][0], len(clean.rstrip())) if end_at < len(lines) else None
    first = meta.get("breadcrumb", (meta["title"],))[0]
    paragraphs, repeated = _unique(clean, _paragraphs(clean, body_lines))
    return Article(
        article_id=_article_id(path),
        path=path,
        text=text,
        clean=clean,
        shadow=shadow(clean),
        script=detect_script(clean[paragraphs[0].start : paragraphs[-1].end]),
        encoding=encoding,
        repairs=repairs,
        content=Span(first.start, content_end),
        body=Span(paragraphs[0].start, paragraphs[-1].end),
        chrome=chrome,
        paragraphs=paragraphs,
        sentences=[s for p in paragraphs for s in _sentences(clean, p)],
        meta=meta,
        repeated=repeated,
    )


def _breadcrumb(clean: str, first_line: tuple[int, str], cues: _Cues, meta: dict) -> int:
    """Read a breadcrumb (站點 > 欄目) on the first line into ``meta``; the index of the line the title starts on."""
    start, line = first_line
    if _CRUMB_SEP.findall(line) and len(_CRUMB_SEP.split(line.strip())) >= 2 and not cues.date.search(line[:12]):
        span = _stripped_span(start, line)
        meta["breadcrumb"] = (span, [p for p in _CRUMB_SEP.split(clean[span.start : span.end]) if p])
        return 1
    return 0


def _header(clean: str, path: Path, lines: list[tuple[int, str]], idx: int, cues: _Cues, meta: dict) -> int:
    """Read the title, subtitle, date and source into ``meta``; the index of the date line (the title's, without)."""
    title_spans, date_at = [], None
    for j in range(idx, min(idx + 5, len(lines))):  # title (and subtitle) lines run until the date line
        start, line = lines[j]
        m = cues.date.search(line)
        if m and (len(line.strip()) < 80):
            date_at = j
            break
        title_spans.append(_stripped_span(start, line))
    if date_at is None:  # no date line: the first line is the title, the date stays unknown
        if len(lines) <= idx + 1:
            raise NoArticleBody(path, "no article body (only a title line)")
        title_spans, date_at = [_stripped_span(*lines[idx])], idx
    else:
        start, line = lines[date_at]
        m = cues.date.search(line)
        assert m is not None  # the loop above stopped at this line because it holds a date
        try:
            fields = (m["y"], m["m"], m["d"], m["H"] or 0, m["M"] or 0, m["S"] or 0)
            year, month, day, hour, minute, second = (int(f) for f in fields)
            published = datetime(year, month, day, hour, minute, second, tzinfo=CHINA_TZ)
        except ValueError:
            where = clean.count("\n", 0, start) + 1
            raise InputError(path, f"line {where}: not a valid date: {m.group()}") from None
        meta["published"] = (Span(start + m.start(), start + m.end()), published, m["H"] is not None)
        src = cues.source_inline.search(line)
        if src:
            meta["source"] = (Span(start + src.start("who"), start + src.end("who")), src["who"])
    if not title_spans:
        raise NoArticleBody(path, "no title (no line before the date line names the article)")
    meta["title"] = title_spans[0]
    if len(title_spans) > 1:
        meta["subtitle"] = title_spans[1]
    return date_at


def _body(
    lines: list[tuple[int, str]], date_at: int, lexicon: Lexicon, cues: _Cues, meta: dict, path: Path
) -> tuple[list[Span], int]:
    """The body's lines after the date line, up to the editor line or the page chrome (credit lines go to ``meta``);
    and the index of the first line after the content."""
    chrome_markers = lexicon.chrome_markers
    body_lines: list[Span] = []
    end_at = len(lines)
    for j in range(date_at + 1, len(lines)):
        start, line = lines[j]
        stripped = line.strip(_BLANK)
        e = cues.editors.match(stripped)
        if e:
            names = re.split(r"[、,，\s]+", e["names"].strip())
            meta["editors"] = (_stripped_span(start, line), [n for n in names if n])
            end_at = j + 1
            break
        if any(stripped.startswith(mk) or stripped.strip("【】[]·") == mk for mk in chrome_markers):
            end_at = j
            break
        credit = stripped[:1] in "(（" or cues.credit_start.match(stripped)
        c = cues.contributor.match(stripped) if credit else None
        if c and len(stripped) < 40 and body_lines:
            role = cues.roles[0] if any(w in stripped for w in cues.contributed) else cues.roles[1]
            meta["contributor"] = (_stripped_span(start, line), c["who"].strip(), role)
            continue
        body_lines.append(_stripped_span(start, line))
    if not body_lines:
        raise NoArticleBody(path, "no article body (nothing between the date line and the editor line)")
    return body_lines, end_at


def _unique(text: str, paragraphs: list[Span]) -> tuple[list[Span], list[tuple[Span, Span]]]:
    """Set aside paragraphs that repeat an earlier one word for word (a page-assembly fault, not a second statement)."""
    first: dict[str, Span] = {}
    kept, repeated = [], []
    for p in paragraphs:
        key = re.sub(r"\s+", "", text[p.start : p.end])
        if key in first and len(key) > 20:
            repeated.append((p, first[key]))
        else:
            first.setdefault(key, p)
            kept.append(p)
    return kept, repeated


def _paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """Join lines not separated by a blank line: a line break inside a sentence stays inside its paragraph."""
    out: list[Span] = []
    for span in lines:
        if out and "\n\n" not in text[out[-1].end : span.start] and text[out[-1].end - 1] not in "。！？”」":
            out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def _sentences(text: str, para: Span) -> list[Span]:
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


def _article_id(path: Path) -> str:
    stem = path.stem
    if re.fullmatch(r"[A-Za-z0-9_.-]+", stem):
        return stem
    import hashlib

    return "a" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:16]
