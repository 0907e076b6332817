"""Finding the inputs: article files in files and folders, RDF files by their extension.

Commands take files and folders. :func:`find_articles` expands folders into the article
files in them (:data:`ARTICLE_SUFFIXES`); :func:`is_rdf_file` tells an RDF file (a graph
built before) from an article by its extension, and :func:`read_rdf` reads one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, ParseError
from kg.formats import RdfFormat

__all__ = ["ARTICLE_SUFFIXES", "find_articles", "is_rdf_file", "read_rdf"]

#: The file extensions a folder is searched for (other files in it are not articles).
ARTICLE_SUFFIXES = (".txt", ".text", ".htm", ".html")


def find_articles(paths: Iterable[Path | str]) -> list[Path]:
    """List the article files to read: files as given, folders searched for article files.

    A folder is searched recursively for files with an extension of
    :data:`ARTICLE_SUFFIXES` (``*.txt``, ``*.html`` …), skipping hidden files and folders.

    Parameters
    ----------
    paths
        Article files, folders, or ``-`` (standard input). A file that is missing stays in the list: its build
        reports it, and the others go ahead.

    Returns
    -------
    list of Path
        Each file once, in the order given (a folder's files sorted).

    Raises
    ------
    InputError
        A folder holds no article file.

    Examples
    --------
    >>> from kg.resources import bundled_article
    >>> folder = bundled_article().parent
    >>> [p.name for p in find_articles([folder, "missing.txt", folder / "000_bdc2813b06239aaa.txt"])]
    ['000_bdc2813b06239aaa.txt', 'missing.txt']
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise InputError(p, f"no article files ({', '.join('*' + s for s in ARTICLE_SUFFIXES)}) in this folder")
            out += found
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def is_rdf_file(path: Path) -> bool:
    """Tell whether ``path`` names an RDF file, by its extension; the file need not exist.

    Parameters
    ----------
    path
        A file name.

    Returns
    -------
    bool
        ``True`` for an extension of an RDF format (.ttl, .nt, .nq, .trig, .jsonld, .rdf,
        .xml), in any case.

    Examples
    --------
    >>> is_rdf_file(Path("out/kg.nq")), is_rdf_file(Path("out/KG.TTL")), is_rdf_file(Path("article.txt"))
    (True, True, False)
    """
    try:
        RdfFormat.from_extension(Path(path).suffix)
    except ValueError:
        return False
    return bool(Path(path).suffix)


def read_rdf(path: Path) -> list[ox.Quad]:
    """Read an RDF file, in the format its extension names.

    Parameters
    ----------
    path
        The file; its extension names the format (see :func:`is_rdf_file`).

    Returns
    -------
    list of pyoxigraph.Quad
        Its quads; the triples of a graph format are in the default graph.

    Raises
    ------
    ValueError
        The extension names no RDF format.
    ------
    InputError
        The file is missing or unreadable.
    ParseError
        The file is not valid in its format; the error carries line and column.

    Examples
    --------
    >>> from kg.resources import ontology_path
    >>> quads = read_rdf(ontology_path("dataset.ttl"))
    >>> {q.graph_name for q in quads} == {ox.DefaultGraph()}
    True
    >>> read_rdf(Path("missing.ttl"))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: missing.ttl: no such file
    """
    path = Path(path)
    fmt = RdfFormat.from_extension(path.suffix)
    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        return [
            q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for q in ox.parse(path=path, format=fmt.ox)
        ]
    except SyntaxError as e:
        raise ParseError(path, f"not valid {fmt.ox.name}: {e.msg}", e.lineno, e.offset) from None
    except (OSError, ValueError) as e:
        raise InputError(path, str(e)) from None
