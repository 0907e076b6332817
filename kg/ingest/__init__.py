"""Stage 1 of the pipeline, ingest: the bytes of a news page → an :class:`Article`.

Ingest reads a page file and finds its parts, so that later stages can quote any of them
by character offsets. Its modules:

- :mod:`kg.ingest.decode` turns bytes into text: it detects the encoding (UTF-8,
  GB18030/GBK, Big5) and turns a saved web page (HTML) into lines of text;
- :mod:`kg.ingest.article` splits the text into metadata (title, date, source, credits),
  paragraphs, sentences and page chrome, after repairing characters the page lost;
- :mod:`kg.ingest.cues` compiles the lexicon's patterns for the parts of a page;
- :mod:`kg.ingest.lines` gives the page's lines, and cuts a line that holds several parts
  (a page whose line breaks were lost) where the patterns say each part starts;
- :mod:`kg.ingest.parts` reads the metadata, body lines, paragraphs and sentences from the lines.

Examples
--------
>>> from kg.resources import bundled_article
>>> article = read_article(bundled_article())
>>> first = article.sentences[0]
>>> article.body.start <= first.start < first.end <= article.body.end
True
"""

from kg.ingest.article import Article, parse_article, read_article
from kg.ingest.decode import decode, html_text, read_source

__all__ = ["Article", "decode", "html_text", "parse_article", "read_article", "read_source"]
