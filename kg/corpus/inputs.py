"""What a command reads: RDF files as they are, article files built through the one build path.

Every command except ``kg build`` (``kg validate``, ``kg export``, ``kg query`` …) takes
its inputs through :func:`read_inputs`, so an article file given to any of them is built
exactly as ``kg build`` builds it, and a graph built before can be given instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.corpus.build import build_corpus
from kg.corpus.files import find_articles, is_rdf_file, read_rdf

__all__ = ["read_inputs"]


def read_inputs(paths: Iterable[Path | str], encoding: str | None = None) -> list[ox.Quad]:
    """Read the quads of RDF files (told by extension) and of article files, built, in the order given.

    Article files are built together (:func:`~kg.corpus.build.build_corpus`, in this
    process), folders searched for them (:func:`~kg.corpus.files.find_articles`).

    Parameters
    ----------
    paths
        RDF files, article files, or ``-`` (an article on standard input).
    encoding
        Force the input encoding of article files.

    Returns
    -------
    list of pyoxigraph.Quad
        The quads of every input, in the order given: an article's in its named graph,
        an RDF file's as the file has them (triples in the default graph).

    Raises
    ------
    InputError, NoArticleBody, ParseError
        The first input that cannot be read or built; nothing is returned.

    Examples
    --------
    >>> from kg.build import graph_iri
    >>> from kg.resources import bundled_article, ontology_path
    >>> quads = read_inputs([ontology_path("dataset.ttl"), bundled_article()])
    >>> graphs = list(dict.fromkeys(q.graph_name for q in quads))  # each graph once, in the order met
    >>> graphs == [ox.DefaultGraph(), ox.NamedNode(graph_iri("000_bdc2813b06239aaa"))]
    True
    >>> read_inputs(["missing.txt"])
    Traceback (most recent call last):
    ...
    kg.errors.InputError: missing.txt: no such file
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
