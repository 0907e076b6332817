"""The whole pipeline over one or more article files: ingest → extract → build.

>>> from kg.resources import bundled_article
>>> quads = build_articles([bundled_article()])
>>> len(quads) > 1000
True
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from . import build as build_stage
from .extract import extract
from .ingest import Article, read_article
from .lexicon import load_lexicon

__all__ = ["build_article", "build_articles"]


def build_article(path: Path, encoding: str | None = None) -> tuple[Article, ox.Dataset]:
    """One article file → its ingested form and its named graph.

    Raises
    ------
    InputError, NoArticleBody
        The file is missing, empty, binary or holds no article.
    """
    lexicon = load_lexicon()
    article = read_article(path, encoding=encoding, lexicon=lexicon)
    return article, build_stage.build(article, extract(article, lexicon), lexicon)


def build_articles(paths, encoding: str | None = None) -> list[ox.Quad]:
    """Several article files → the quads of all their named graphs."""
    quads: list[ox.Quad] = []
    for path in paths:
        quads.extend(build_article(Path(path), encoding)[1])
    return quads
