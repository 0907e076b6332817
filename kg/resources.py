"""Where the data files that ship inside the package are: ontology, lexicon, shapes, queries, articles, gold.

The package carries everything it needs to run with no input of its own: the vocabulary
(the ontology and the lexicon, gazetteer and repair table, in Turtle), the SHACL shapes, the
SPARQL queries, the bundled article and the evaluation set. This module finds them, wherever
the package is installed; nothing else in the code names a data file's location.

Examples
--------
>>> bundled_article().exists(), ontology_path().name
(True, 'fupin.ttl')
>>> all(ontology_path(name).exists() for name in VOCABULARY_FILES)
True
"""

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
    """Return the filesystem path of a data file that ships inside the package.

    Parameters
    ----------
    package
        The data package, below ``kg`` (``ontology``, ``shapes``, ``queries``, ``articles`` …).
    name
        The file's name in it.

    Returns
    -------
    Path
        Where the file is. It is not checked to exist.

    Examples
    --------
    >>> path = data_file("ontology", "lexicon.ttl")
    >>> path.name, path.exists()
    ('lexicon.ttl', True)
    """
    return Path(str(files(f"kg.{package}").joinpath(name)))


def ontology_path(name: str = "fupin.ttl") -> Path:
    """Return the path of a shipped vocabulary file: the ontology by default, or one of :data:`VOCABULARY_FILES`.

    Parameters
    ----------
    name
        The file's name (``fupin.ttl``, ``lexicon.ttl``, ``gazetteer.ttl``, ``repairs.ttl``).

    Returns
    -------
    Path
        Where the file is. It is not checked to exist.

    Examples
    --------
    >>> ontology_path().read_text(encoding="utf-8").startswith("@prefix")
    True
    """
    return data_file("ontology", name)


@lru_cache(maxsize=8)
def vocabulary_triples(name: str) -> tuple:
    """The triples of a shipped vocabulary file (``fupin.ttl``, ``lexicon.ttl``, ``gazetteer.ttl`` …), parsed once.

    Parameters
    ----------
    name
        One of :data:`VOCABULARY_FILES`.

    Returns
    -------
    tuple of pyoxigraph.Quad
        The file's triples, as quads in the default graph, in file order; the same tuple for every call.

    Examples
    --------
    >>> triples = vocabulary_triples("fupin.ttl")
    >>> triples is vocabulary_triples("fupin.ttl")
    True
    >>> any(t.object.value == "http://www.w3.org/2002/07/owl#Ontology" for t in triples)
    True
    """
    import pyoxigraph as ox

    return tuple(ox.parse(path=ontology_path(name), format=ox.RdfFormat.TURTLE))


def shapes_dir() -> Path:
    """Return the folder of the shipped SHACL shapes (``core.ttl``, ``recommended.ttl`` …).

    Examples
    --------
    >>> (shapes_dir() / "core.ttl").exists()
    True
    """
    return Path(str(files("kg.shapes")))


def queries_dir() -> Path:
    """Return the folder of the shipped SPARQL queries (``cq01.rq`` …, ``chain-up.rq``, ``chain-down.rq``).

    Examples
    --------
    >>> (queries_dir() / "chain-up.rq").exists()
    True
    """
    return Path(str(files("kg.queries")))


def evaluation_set() -> tuple[list[Path], list[Path]]:
    """The evaluation set that ships with the package: its gold files and the folder of its dev articles.

    Returns
    -------
    gold : list of Path
        The gold annotation files (JSON), sorted by name. Each names its article in ``metadata.source_file``.
    articles : list of Path
        The folders the articles are in (the bundled article, the seed, is in :func:`bundled_article`'s folder).

    See Also
    --------
    kg.evaluate.evaluate_files : Scores the extractor on this set.

    Examples
    --------
    >>> gold, articles = evaluation_set()
    >>> [p.name for p in gold]
    ['dev01.json', 'dev02.json', 'dev03.json', 'dev04.json', 'dev05.json', 'seed.json']
    >>> all(folder.is_dir() for folder in articles)
    True
    """
    root = Path(str(files("kg.evalset")))
    return sorted((root / "gold").glob("*.json")), [root / "articles"]


def bundled_article() -> Path:
    """Return the path of the seed article (CPC News, 2016-12-13) that ships with the package.

    It is what the commands build when given no article, and what the examples of this package run on.

    Returns
    -------
    Path
        A text file: the saved news page.

    Examples
    --------
    >>> from kg.ingest import read_article
    >>> article = read_article(bundled_article())
    >>> article.script
    'zh-Hant'
    """
    return data_file("articles", SEED_ARTICLE)
