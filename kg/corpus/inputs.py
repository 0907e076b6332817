"""What a command reads: RDF files as they are, article files built through the one build path.

Examples
--------
>>> from kg.resources import bundled_article
>>> quads = read_inputs([bundled_article()])
>>> len(quads) > 1000
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.corpus.build import build_corpus
from kg.corpus.files import find_articles, is_rdf_file, read_rdf

__all__ = ["read_inputs"]


def read_inputs(paths: Iterable[Path | str], encoding: str | None = None) -> list[ox.Quad]:
    """The quads of RDF files (by extension) and of article files, built, in the order given.

    Parameters
    ----------
    paths
        RDF files, article files, or ``-`` (an article on standard input).
    encoding
        Force the input encoding of article files.

    Raises
    ------
    InputError, NoArticleBody, ParseError
        The first input that cannot be read or built; nothing is returned.
    """
    inputs = [
        (True, path) if is_rdf_file(path) else (False, file)
        for path in map(Path, paths)
        for file in ([path] if is_rdf_file(path) else find_articles([path]))
    ]
    articles = [file for rdf, file in inputs if not rdf]
    corpus = build_corpus(articles, jobs=1, encoding=encoding) if articles else None
    if corpus and corpus.failures:
        corpus.failures[0].raise_error()
    built = {a.path: a for a in corpus.articles} if corpus else {}
    quads: list[ox.Quad] = []
    for rdf, file in inputs:
        if rdf:
            quads += read_rdf(file)
        elif file in built:
            quads += built.pop(file).quads()
    return quads
