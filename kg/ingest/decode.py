"""Bytes to text: the encodings news pages come in, and saved web pages turned into lines of text.

The first step of ingest. Pages come as UTF-8 (with or without a byte-order mark),
GB18030/GBK or Big5: :func:`decode` tries UTF-8 first and otherwise lets
``charset_normalizer`` choose among the Chinese encodings, refusing empty and binary
input. :func:`read_source` reads a file (or standard input) and decodes it. A saved web
page (HTML), recognised by :func:`looks_like_html`, is read as its text by
:func:`html_text`, one line per block element, so that the rest of ingest sees the same
kind of text as a plain-text page.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from kg.errors import InputError

__all__ = ["decode", "html_text", "looks_like_html", "read_source"]


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    r"""Decode the bytes of a page into text, detecting the encoding unless one is given.

    A UTF-8 byte-order mark is dropped; bytes that are not UTF-8 are tried as GB18030,
    Big5 and GBK (whichever fits best).

    Parameters
    ----------
    data
        The bytes of the page.
    path
        The file the bytes came from; only named in error messages.
    encoding
        Decode with this codec (any name Python knows) instead of detecting one.

    Returns
    -------
    tuple of (str, str)
        The text, and the name of the encoding used (``"utf-8-sig"`` when the bytes
        started with a byte-order mark).

    Raises
    ------
    InputError
        The bytes are empty or only whitespace, look binary (NUL bytes or many control
        characters), fit no known encoding, or do not decode in the ``encoding`` given.

    See Also
    --------
    read_source : read a file or standard input and decode it.

    Examples
    --------
    >>> decode("扶貧".encode("utf-8"), "a.txt")
    ('扶貧', 'utf-8')
    >>> decode("扶贫".encode("gb18030"), "a.txt", encoding="gb18030")
    ('扶贫', 'gb18030')
    >>> decode(b"\xef\xbb\xbf" + "扶貧".encode("utf-8"), "a.txt")
    ('扶貧', 'utf-8-sig')
    >>> decode(b"  ", "a.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.txt: file is empty
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
    r"""Tell whether ``text`` is a saved web page rather than plain text.

    A page counts as HTML when a doctype or an ``<html>``, ``<body>``, ``<p>``, ``<div>``
    or ``<br>`` tag occurs in its first 4000 characters.

    Parameters
    ----------
    text
        Decoded page text.

    Returns
    -------
    bool
        ``True`` for a web page, which :func:`html_text` then turns into lines of text.

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><html><body>…"), looks_like_html("標題\n2016-12-13")
    (True, False)
    """
    return bool(_HTML.search(text[:4000]))


def html_text(page: str) -> str:
    r"""Turn an HTML page into plain text, one line per block element.

    Block elements (paragraphs, headings, divisions, list items, table rows …) each
    start a new line; inline markup is dropped and its text kept; the ``<head>`` (whose
    ``<title>`` repeats the page's heading), scripts and styles are left out; character
    references are decoded. Blank lines and the spaces and tabs around each line are
    removed.

    Parameters
    ----------
    page
        The HTML source of a saved web page.

    Returns
    -------
    str
        The page's text, lines separated by ``"\n"``.

    See Also
    --------
    looks_like_html : whether a text needs this.

    Examples
    --------
    >>> html_text("<html><body><h1>標題</h1><p>第一段&nbsp;文字</p><script>x()</script><p>第二段</p></body></html>")
    '標題\n第一段\xa0文字\n第二段'
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
    """Read a page file, or standard input, and decode it.

    Parameters
    ----------
    path
        The page file, or ``-`` to read standard input (which is then called ``stdin``).
    encoding
        Force this encoding instead of detecting one (see :func:`decode`).

    Returns
    -------
    tuple of (str, Path, str)
        The decoded text, the path the article is named after, and the encoding used.

    Raises
    ------
    InputError
        The file is missing, is a folder, cannot be read, or is empty, binary or
        undecodable.

    Examples
    --------
    >>> from kg.resources import bundled_article
    >>> text, path, used = read_source(bundled_article())
    >>> used, path.name
    ('utf-8', '000_bdc2813b06239aaa.txt')
    >>> read_source("no-such-file.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no-such-file.txt: no such file
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
