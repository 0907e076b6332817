"""Stage 1, ingest: the bytes of a news page → an :class:`Article`.

:mod:`kg.ingest.decode` turns bytes into text (the encodings of the genre, saved
web pages); :mod:`kg.ingest.article` splits the text into metadata, paragraphs,
sentences and page chrome, with character offsets.
"""

from kg.ingest.article import Article, parse_article, read_article
from kg.ingest.decode import decode, html_text, read_source

__all__ = ["Article", "decode", "html_text", "parse_article", "read_article", "read_source"]
