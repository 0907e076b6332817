"""Bytes to text: the encodings of the genre's pages, and saved web pages turned into lines of text.

Pages come as UTF-8 (with or without a byte-order mark), GB18030/GBK or Big5; a saved
web page (HTML) is read as its text, one line per block element.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from kg.errors import InputError

__all__ = ["decode", "html_text", "looks_like_html", "read_source"]


def decode(data: bytes, path, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return ``(text, encoding)``.

    Raises
    ------
    InputError
        Empty, binary, or undecodable input.
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(path, "not a text file (binary content)")
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as e:
            raise InputError(path, f"cannot decode as {encoding}: {e}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "gbk", "utf_8"]).best()
    if best is None:
        raise InputError(path, "not a text file (no known encoding fits: UTF-8, GB18030/GBK, Big5)")
    text = str(best)
    controls = sum(1 for c in text[:4000] if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > 8:
        raise InputError(path, "not a text file (binary content)")
    return text, best.encoding


_HTML = re.compile(r"<(?:!doctype\s+html|html|body|p|div|br)\b[^>]*>", re.IGNORECASE)
_SKIPPED = {"head", "script", "style", "noscript"}  # the <title> in <head> repeats the page's heading
_BLOCKS = {
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "blockquote",
    "hr",
}


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a saved web page: an HTML tag of a page or a paragraph near its start.

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><html><body>…"), looks_like_html("標題\\n2016-12-13")
    (True, False)
    """
    return bool(_HTML.search(text[:4000]))


def html_text(page: str) -> str:
    """The text of an HTML page: one line per block element; the head, scripts and styles dropped; entities decoded.

    >>> html_text("<html><body><h1>標題</h1><p>第一段&nbsp;文字</p><script>x()</script><p>第二段</p></body></html>")
    '標題\\n第一段\\xa0文字\\n第二段'
    """
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in _SKIPPED:
                self.skip += 1
            elif tag in _BLOCKS:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if tag in _SKIPPED:
                self.skip = max(0, self.skip - 1)
            elif tag in _BLOCKS:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data.replace("\n", " "))

    parser = _Text()
    parser.feed(page)
    parser.close()
    lines = (line.strip(" \t") for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def read_source(path: Path | str, encoding: str | None = None) -> tuple[str, Path, str]:
    """Read a page file (``-`` reads standard input): ``(text, path, encoding)``.

    Standard input is then called ``stdin``.

    Parameters
    ----------
    path
        The page file, or ``-``.
    encoding
        Force this encoding instead of detecting one.

    Returns
    -------
    tuple
        The decoded text, the path the article is named after, the encoding used.

    Raises
    ------
    InputError
        Missing, unreadable, empty, binary or undecodable input.

    Examples
    --------
    >>> from kg.resources import bundled_article
    >>> text, path, used = read_source(bundled_article())
    >>> used, path.name
    ('utf-8', '000_bdc2813b06239aaa.txt')
    """
    if str(path) == "-":
        text, used = decode(sys.stdin.buffer.read(), "<stdin>", encoding)
        return text, Path("stdin"), used
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not an article file")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror}") from None
    text, used = decode(data, path, encoding)
    return text, path, used
