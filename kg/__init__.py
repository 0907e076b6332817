"""fupin-kg: poverty-alleviation governance reports as a provenance-linked RDF knowledge graph.

fupin-kg reads Chinese news articles on poverty alleviation (精准扶贫) and states what they
report (bodies, roles, people, places, documents, figures, funding standards, who answers
to whom) as RDF, each fact linked to the span of article text it comes from.

The pipeline has five stages; each is a function of the previous stage's value:

1. **ingest** (:func:`kg.ingest.read_article`): the bytes of a news page → an ``Article``
   (decoded text, metadata, paragraphs, sentences, repaired characters);
2. **extract** (:func:`kg.extract.extract`): the article and the genre lexicon
   (:func:`kg.lexicon.load_lexicon`) → an ``Extraction`` of records;
3. **build** (:func:`kg.build.build`): article and records → the quads of the article's named graph;
4. **validate** (:func:`kg.validate.validate`): the quads against the SHACL shapes → a ``Report``;
5. **export** (:func:`kg.export.serialize`): the quads → bytes in an RDF format
   (:class:`kg.formats.RdfFormat`).

:mod:`kg.corpus` runs the stages over many files, :mod:`kg.publish` writes the dataset, and
:mod:`kg.cli` is the ``kg`` command over all of it.

Examples
--------
The whole pipeline over the article that ships with the package:

>>> import kg.build, kg.export, kg.extract, kg.ingest, kg.lexicon, kg.resources, kg.validate
>>> from kg.formats import RdfFormat
>>> lexicon = kg.lexicon.load_lexicon()
>>> article = kg.ingest.read_article(kg.resources.bundled_article())
>>> records = kg.extract.extract(article, lexicon)
>>> quads = kg.build.build(article, records, lexicon)
>>> kg.validate.validate(quads).conforms
True
>>> turtle = kg.export.serialize(quads, RdfFormat.TURTLE).decode("utf-8")
>>> turtle.startswith("@prefix")
True
"""

__all__ = ["__version__"]

#: The version of the package, as released.
__version__ = "0.1.0"
