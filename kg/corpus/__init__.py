"""Running the pipeline over files: one article, a corpus of them, or RDF files beside them.

Every command that reads articles reads them through :func:`build_corpus` (``kg build``) or
:func:`read_inputs` (the others), which builds them through :func:`build_article`.
"""

from kg.corpus.build import ArticleBuild, ArticleGraph, Corpus, Failure, build_article, build_corpus
from kg.corpus.cache import ArticleCache, default_cache_dir
from kg.corpus.files import ARTICLE_SUFFIXES, find_articles, is_rdf_file, read_rdf
from kg.corpus.inputs import read_inputs

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
