"""What building a corpus gives back: each article built, each file that failed, and the corpus of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pyoxigraph as ox

from kg.errors import BuildDefect, KgError

__all__ = ["ArticleBuild", "Corpus", "Failure"]


@dataclass
class ArticleBuild:
    r"""One article of a corpus, built: its identity and its named graph as N-Quads lines.

    Unlike :class:`ArticleGraph` it keeps only what a corpus needs (it crosses process
    boundaries and is what the :class:`~kg.corpus.cache.ArticleCache` stores).

    Attributes
    ----------
    path : Path
        The file it was built from.
    article_id : str
        The article's identifier.
    title : str
        The title, repaired.
    published : str
        The publication date (and time, where printed) in ISO 8601, or ``"date unknown"``.
    nquads : bytes
        The article's named graph, as N-Quads lines.
    cached : bool
        Whether it came from the cache rather than from this run's extraction.

    Examples
    --------
    >>> built = ArticleBuild(Path("a.txt"), "a", "標題", "2016-12-13", b"<urn:s> <urn:p> <urn:o> <urn:g> .\n")
    >>> [str(q.subject) for q in built.quads()]
    ['<urn:s>']
    """

    path: Path
    article_id: str
    title: str
    published: str  # ISO date or "date unknown"
    nquads: bytes
    cached: bool = False

    def quads(self) -> list[ox.Quad]:
        """The quads of the article's named graph."""
        return list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS))


@dataclass
class Failure:
    """A file that did not build, and why.

    Attributes
    ----------
    path : Path
        The file.
    message : str
        Why, in one line that starts with the path; also what ``str()`` gives.
    error : KgError or None
        The error that stopped the build, if it was one fupin-kg raises on purpose;
        ``None`` for a defect (any other exception), which the message asks to report.

    Examples
    --------
    >>> from kg.errors import InputError
    >>> failure = Failure(Path("a.txt"), "a.txt: file is empty", InputError("a.txt", "file is empty"))
    >>> str(failure)
    'a.txt: file is empty'
    >>> failure.raise_error()
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.txt: file is empty
    """

    path: Path
    message: str
    error: KgError | None = None

    def __str__(self) -> str:
        return self.message

    def raise_error(self) -> NoReturn:
        """Raise the error this failure stands for (a :class:`~kg.errors.BuildDefect` for a defect)."""
        raise self.error if self.error is not None else BuildDefect(self.message)


@dataclass
class Corpus:
    r"""The articles that built (in article-id order) and the files that did not.

    What :func:`build_corpus` returns.

    Attributes
    ----------
    articles : list of ArticleBuild
        The articles that built, in article-id order.
    failures : list of Failure
        The files that did not, in the order given.

    Examples
    --------
    >>> a = ArticleBuild(Path("a.txt"), "a", "標題", "2016-12-13", b"<urn:a> <urn:p> <urn:o> <urn:g> .\n")
    >>> b = ArticleBuild(Path("b.txt"), "b", "標題", "2016-12-14", b"<urn:b> <urn:p> <urn:o> <urn:h> .\n", cached=True)
    >>> corpus = Corpus([a, b])
    >>> corpus.nquads == a.nquads + b.nquads, len(corpus.quads()), corpus.extracted
    (True, 2, 1)
    """

    articles: list[ArticleBuild] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def nquads(self) -> bytes:
        """Every article's named graph, as one N-Quads document."""
        return b"".join(a.nquads for a in self.articles)

    def quads(self) -> list[ox.Quad]:
        """The quads of every article's named graph."""
        from kg.output import Chunks

        return list(ox.parse(Chunks(a.nquads for a in self.articles).reader(), format=ox.RdfFormat.N_QUADS))

    @property
    def extracted(self) -> int:
        """How many articles were extracted in this run (the others came from the cache)."""
        return sum(not a.cached for a in self.articles)
