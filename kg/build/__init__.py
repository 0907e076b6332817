"""Stage 3 of the pipeline, build: an article and its extraction → the quads of the article's named graph.

Build turns the records the extractor found into RDF, every fact linked to the span of
article text it comes from (a NIF string node, ``<article>#char=s,e``). Each article is
built on its own into its own named graph, as N-Quads lines in a fixed order, so the
same article always gives the same bytes. Its modules:

- :mod:`kg.build.writer` writes the lines: :class:`~kg.build.writer.GraphWriter` (spans,
  fact nodes, labels in both scripts, statements reified with their basis) and the IRIs
  and literals they use;
- :mod:`kg.build.article` is the entry point (:func:`build_nquads`, :func:`build`): it
  states the article, its metadata and its entities;
- :mod:`kg.build.facts` states the fact nodes: figures, documents, funding standards,
  assignments, group leadership, responsibility lists, personnel actions, programmes,
  named people.

Examples
--------
>>> from kg.extract import extract
>>> from kg.ingest import read_article
>>> from kg.lexicon import load_lexicon
>>> from kg.resources import bundled_article
>>> lexicon = load_lexicon()
>>> article = read_article(bundled_article(), lexicon=lexicon)
>>> quads = build(article, extract(article, lexicon), lexicon)

Every span quotes the article text at its offsets:

>>> from kg.namespaces import NIF
>>> def values(p):
...     return {q.subject: q.object.value for q in quads if q.predicate.value == NIF + p}
>>> begin, end = values("beginIndex"), values("endIndex")
>>> all(article.text[int(begin[s]) : int(end[s])] == text for s, text in values("anchorOf").items())
True
"""

from kg.build.article import build, build_nquads
from kg.build.writer import GAZETTEER, article_iri, graph_iri

__all__ = ["GAZETTEER", "article_iri", "build", "build_nquads", "graph_iri"]
