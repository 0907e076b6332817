"""Running the pipeline over files: one article, a corpus of them, or RDF files beside them.

Not a stage of its own: this is how the stages (ingest → extract → build) are run over
the files a command is given. Every command that reads articles reads them through
:func:`build_corpus` (``kg build``) or :func:`read_inputs` (the others), which build each
through :func:`build_article`. Its modules:

- :mod:`kg.corpus.files` finds the inputs: article files in folders, RDF files by extension;
- :mod:`kg.corpus.build` builds one article, or a corpus in parallel, keeping failures apart;
- :mod:`kg.corpus.results` holds what a build gives back: articles built, files failed;
- :mod:`kg.corpus.cache` keeps built articles between runs, until the file or the pipeline changes;
- :mod:`kg.corpus.inputs` reads what a command is given: RDF files as they are, articles built.

Examples
--------
>>> from kg.resources import bundled_article
>>> corpus = build_corpus([bundled_article().parent], jobs=1)
>>> [a.article_id for a in corpus.articles], corpus.failures
(['000_bdc2813b06239aaa'], [])
"""

from kg.corpus.build import ArticleGraph, build_article, build_corpus
from kg.corpus.cache import ArticleCache, default_cache_dir
from kg.corpus.files import ARTICLE_SUFFIXES, find_articles, is_rdf_file, read_rdf
from kg.corpus.inputs import read_inputs
from kg.corpus.results import ArticleBuild, Corpus, Failure

__all__ = [
    "ARTICLE_SUFFIXES",
    "ArticleBuild",
    "ArticleCache",
    "ArticleGraph",
    "Corpus",
    "Failure",
    "build_article",
    "build_corpus",
    "default_cache_dir",
    "find_articles",
    "is_rdf_file",
    "read_inputs",
    "read_rdf",
]
