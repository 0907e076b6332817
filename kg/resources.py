"""Paths of the data files that ship inside the package (ontology, lexicon, shapes, queries, article)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

__all__ = [
    "VOCABULARY_FILES",
    "bundled_article",
    "data_file",
    "evaluation_set",
    "ontology_path",
    "queries_dir",
    "shapes_dir",
    "vocabulary_triples",
]

SEED_ARTICLE = "000_bdc2813b06239aaa.txt"

#: The vocabulary files that ship with the package: the ontology, the lexicon, the gazetteer, the repair table.
VOCABULARY_FILES = ("fupin.ttl", "lexicon.ttl", "gazetteer.ttl", "repairs.ttl")


def data_file(package: str, name: str) -> Path:
    """Return the filesystem path of ``name`` inside the shipped data ``package``."""
    return Path(str(files(f"kg.{package}").joinpath(name)))


def ontology_path(name: str = "fupin.ttl") -> Path:
    return data_file("ontology", name)


@lru_cache(maxsize=8)
def vocabulary_triples(name: str) -> tuple:
    """The triples of a shipped vocabulary file (``fupin.ttl``, ``lexicon.ttl``, ``gazetteer.ttl`` …), parsed once."""
    import pyoxigraph as ox

    return tuple(ox.parse(path=ontology_path(name), format=ox.RdfFormat.TURTLE))


def shapes_dir() -> Path:
    return Path(str(files("kg.shapes")))


def queries_dir() -> Path:
    return Path(str(files("kg.queries")))


def evaluation_set() -> tuple[list[Path], list[Path]]:
    """The evaluation set that ships with the package: its gold files and the folder of its dev articles.

    Examples
    --------
    >>> gold, articles = evaluation_set()
    >>> [p.name for p in gold]
    ['dev01.json', 'dev02.json', 'dev03.json', 'dev04.json', 'dev05.json', 'seed.json']
    """
    root = Path(str(files("kg.evalset")))
    return sorted((root / "gold").glob("*.json")), [root / "articles"]


def bundled_article() -> Path:
    """The seed article (CPC News, 2016-12-13) that ships with the package."""
    return data_file("articles", SEED_ARTICLE)
