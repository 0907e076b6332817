"""Running the pipeline over files: one article, a corpus of them, or RDF files beside them."""

from kg.corpus.build import ARTICLE_SUFFIXES, ArticleBuild, Corpus, Failure, build_corpus, default_cache_dir, find_articles
from kg.corpus.inputs import article_nquads, build_article, build_articles, is_rdf_file, load_inputs, read_rdf

__all__ = ["ARTICLE_SUFFIXES", "ArticleBuild", "Corpus", "Failure", "article_nquads", "build_article", "build_articles",
           "build_corpus", "default_cache_dir", "find_articles", "is_rdf_file", "load_inputs", "read_rdf"]
