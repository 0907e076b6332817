"""The whole pipeline over one or more article files: ingest → extract → build.

>>> from kg.resources import bundled_article
>>> quads = build_articles([bundled_article()])
>>> len(quads) > 1000
True
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg import build as build_stage
from kg.extract import extract
from kg.ingest import Article, read_article
from kg.lexicon import load_lexicon

__all__ = ["build_article", "article_nquads", "build_articles", "read_rdf", "load_inputs", "is_rdf_file"]


def build_article(path: Path, encoding: str | None = None) -> tuple[Article, list[ox.Quad]]:
    """One article file → its ingested form and the quads of its named graph.

    Raises
    ------
    InputError, NoArticleBody
        The file is missing, empty, binary or holds no article.
    """
    article, nquads = article_nquads(path, encoding)
    return article, list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))


def article_nquads(path: Path, encoding: str | None = None) -> tuple[Article, bytes]:
    """One article file → its ingested form and its named graph as N-Quads (what a corpus keeps of it)."""
    lexicon = load_lexicon()
    article = read_article(path, encoding=encoding, lexicon=lexicon)
    return article, build_stage.build_nquads(article, extract(article, lexicon), lexicon)


def build_articles(paths, encoding: str | None = None) -> list[ox.Quad]:
    """Several article files → the quads of all their named graphs."""
    quads: list[ox.Quad] = []
    for path in paths:
        quads.extend(build_article(Path(path), encoding)[1])
    return quads


def is_rdf_file(path: Path) -> bool:
    """Whether ``path`` names an RDF file by its extension (.ttl, .nt, .nq, .trig, .jsonld, .rdf, .xml)."""
    from kg.export import RdfFormat

    try:
        RdfFormat.from_extension(Path(path).suffix)
    except ValueError:
        return False
    return bool(Path(path).suffix)


def read_rdf(path: Path) -> list[ox.Quad]:
    """The quads of an RDF file, in the format its extension names.

    Raises
    ------
    InputError
        The file is missing or unreadable.
    ParseError
        The file is not valid in its format; the error carries line and column.
    """
    from kg.errors import InputError, ParseError
    from kg.export import RdfFormat

    path = Path(path)
    fmt = RdfFormat.from_extension(path.suffix)
    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        return [q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                for q in ox.parse(path=path, format=fmt.ox)]
    except SyntaxError as e:
        raise ParseError(path, f"not valid {fmt.ox.name}: {e.msg}", e.lineno, e.offset) from None
    except (OSError, ValueError) as e:
        raise InputError(path, str(e)) from None


def load_inputs(paths, encoding: str | None = None) -> list[ox.Quad]:
    """RDF files as they are, article files built: the quads of all of them."""
    quads: list[ox.Quad] = []
    for path in paths:
        path = Path(path)
        quads.extend(read_rdf(path) if is_rdf_file(path) else build_article(path, encoding)[1])
    return quads
