"""Publishing: a corpus built, validated and written out as a dataset, with what its articles share."""

from kg.publish.release import BuildResult, build_and_publish

__all__ = ["BuildResult", "build_and_publish"]
