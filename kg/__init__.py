"""fupin-kg: poverty-alleviation governance reports as a provenance-linked RDF knowledge graph.

The pipeline is ``ingest → extract → build → export``; each stage is a function of
the previous stage's value::

    article = ingest.read_article(path)
    records = extract.extract(article, lexicon.load_lexicon())
    graph = build.build(article, records)
    export.serialize(graph, "ttl")
"""

__version__ = "0.1.0"
