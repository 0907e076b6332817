"""Stage 1, ingest: bytes of a news page → an :class:`Article`.

Decodes (UTF-8 with or without BOM, GB18030/GBK, Big5), normalises newlines and
Unicode (NFC), applies the declared repair table, and splits the page into
metadata, body paragraphs and sentences (with character offsets) and page chrome.
Offsets index the decoded, normalised text, which for a UTF-8 file with LF line
ends is the file exactly as shipped. A saved web page (HTML) is turned into text
first, one line per block element; offsets then index that text.
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
    """A decoded page split into its parts. ``text`` is as shipped; ``clean`` has repairs applied."""

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
        return self.clean[span.start : span.end]


def read_article(path, encoding: str | None = None, lexicon=None) -> Article:
    """Read and split a page file (``-`` reads standard input).

    Raises
    ------
    InputError
        Missing, unreadable, empty or binary file.
    NoArticleBody
        The page holds no article body.
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
    found = lexicon._cache.get("ingest")
    if found is None:

        def both(key: str) -> list[str]:  # lines are matched as printed: either script
            return [w for f in lexicon.words(key) for w in dict.fromkeys((f, to_hant(f)))]

        slots = {
            "contributed": alternation(both("credit-contributed")),
            "source": alternation(both("credit-source")),
            "editor": alternation(both("credit-editor")),
        }
        found = lexicon._cache["ingest"] = _Cues(
            lexicon.pattern("pattern-date-line"),
            lexicon.pattern("pattern-contributor-line", **slots),
            lexicon.pattern("pattern-credit-start", **slots),
            lexicon.pattern("pattern-source-inline", **slots),
            lexicon.pattern("pattern-editor-line", **slots),
            tuple(both("credit-contributed")),
            (lexicon.entry("credit-contributed").hans, lexicon.entry("credit-source").hans),
        )
    return found


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


def parse_article(text: str, path=None, encoding: str = "utf-8", lexicon: Lexicon | None = None) -> Article:
    r"""Split decoded page text into an :class:`Article` (see the module docstring).

    Raises
    ------
    NoArticleBody
        The page holds no title or no body.
    InputError
        The date line holds a date that does not exist.

    Examples
    --------
    >>> a = parse_article("標題\n2016年12月13日\n第一段。第二句。\n")
    >>> a.clean_at(a.meta["title"]), [a.clean_at(s) for s in a.sentences]
    ('標題', ['第一段。', '第二句。'])
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
        try:
            fields = (m["y"], m["m"], m["d"], m["H"] or 0, m["M"] or 0, m["S"] or 0)
            published = datetime(*(int(f) for f in fields), tzinfo=CHINA_TZ)  # type: ignore[misc]
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
    body_lines, end_at = [], len(lines)
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
