"""Splitting a news page into its parts: the :class:`Article` every later stage reads.

The second step of ingest, after :mod:`kg.ingest.decode`. The text is normalised (newlines to LF, Unicode to NFC),
the lexicon's repair table puts back characters the page lost (``華?`` → ``華鎣``), and the lines are sorted into:

- the metadata: an optional breadcrumb (``站點 > 欄目``), the title and subtitle, the date line (with an inline
  source), a contributor line and the editor line;
- the body: paragraphs (lines joined unless a blank line or a sentence end separates them) and their sentences;
  a paragraph repeated word for word is set aside;
- the page chrome after the content (links, notices), which states nothing.

A page whose line breaks were lost (title, date line and body on one line, or the whole page on one) is cut into
the same parts by the lexicon's patterns for the date line and its fields, credits, page chrome and sentence ends
(:mod:`kg.ingest.lines`, :func:`kg.ingest.parts.split_body_line`).

Every part is a :class:`~kg.span.Span` of character offsets into the decoded, normalised text, which for a UTF-8 file
with LF line ends is the file exactly as shipped. A saved web page (HTML) is turned into text first, one line per
block element; offsets then index that text. The cue words that recognise each line (date formats, credit words,
chrome markers) come from the lexicon, not from this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import NoArticleBody
from kg.ingest.cues import page_cues
from kg.ingest.decode import html_text, looks_like_html, read_source
from kg.ingest.lines import page_lines, split_header
from kg.ingest.parts import (
    paragraphs,
    read_body,
    read_breadcrumb,
    read_header,
    sentences,
    split_body_line,
    unique_paragraphs,
)
from kg.lexicon import Lexicon, load_lexicon
from kg.span import Repair, Span
from kg.text import detect_script, shadow

__all__ = ["Article", "parse_article", "read_article"]


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
    cues = page_cues(lexicon)
    path = Path(path) if path else Path("<string>")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if looks_like_html(text):
        text = html_text(text)
    clean, repairs = lexicon.apply_repairs(text)
    hans = shadow(clean)
    lines = split_header(hans, page_lines(clean), cues)
    if not lines:
        raise NoArticleBody(path, "no article body (the page holds no text)")
    meta: dict = {}
    first_title = read_breadcrumb(lines[0], cues, meta)
    date_at = read_header(clean, hans, path, lines, first_title, cues, meta)
    lines[date_at + 1 :] = [part for line in lines[date_at + 1 :] for part in split_body_line(hans, line, cues)]
    body_lines, end_at = read_body(clean, lines, date_at, lexicon, cues, meta, path)
    content_end = lines[end_at - 1].start + len(lines[end_at - 1].text.rstrip()) if end_at else len(clean)
    chrome = Span(lines[end_at].start, len(clean.rstrip())) if end_at < len(lines) else None
    first = meta.get("breadcrumb", (meta["title"],))[0]
    kept, repeated = unique_paragraphs(clean, paragraphs(clean, body_lines))
    return Article(
        article_id=_article_id(path),
        path=path,
        text=text,
        clean=clean,
        shadow=hans,
        script=detect_script(clean[kept[0].start : kept[-1].end]),
        encoding=encoding,
        repairs=repairs,
        content=Span(first.start, content_end),
        body=Span(kept[0].start, kept[-1].end),
        chrome=chrome,
        paragraphs=kept,
        sentences=[s for p in kept for s in sentences(clean, p)],
        meta=meta,
        repeated=repeated,
    )


def _article_id(path: Path) -> str:
    stem = path.stem
    if re.fullmatch(r"[A-Za-z0-9_.-]+", stem):
        return stem
    import hashlib

    return "a" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:16]
