"""Publishing: a corpus built, validated and written out as a dataset, with what its articles share.

Not a stage of its own: publishing is what ``kg build`` does after running the stages over
a corpus. Its modules:

- :mod:`kg.publish.release` runs it all (:func:`build_and_publish`) and sums it up
  (:class:`BuildResult`);
- :mod:`kg.publish.dataset` writes the dataset's files: the graphs in every RDF format,
  the vocabularies, the frozen ontology;
- :mod:`kg.publish.merge` finds the entities several articles share, for ``merges.tsv``;
- :mod:`kg.publish.void` describes the dataset in VoID and DCAT (``void.ttl``).
"""

from kg.publish.release import BuildResult, build_and_publish

__all__ = ["BuildResult", "build_and_publish"]
