"""Building articles: one file through the pipeline, or a corpus of them, in parallel and incrementally.

:func:`build_article` takes one file through ingest, extract and build. :func:`build_corpus`
does that for many files, in worker processes, skipping the articles the
:class:`~kg.corpus.cache.ArticleCache` already holds. Each article is built on its own
into its named graph and serialised as N-Quads lines in the order the build states them,
so the corpus is a list of byte blocks in article order: joining them *is* writing the
N-Quads file, and the same inputs always give the same bytes. A file that fails is kept
as a :class:`Failure` and the others go on.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import pyoxigraph as ox

from kg.build import build_nquads
from kg.collector import collector_paused
from kg.corpus.cache import ArticleCache
from kg.corpus.files import find_articles
from kg.corpus.results import ArticleBuild, Corpus, Failure
from kg.errors import InputError, KgError
from kg.extract import extract
from kg.ingest import Article, read_article
from kg.lexicon import load_lexicon

__all__ = ["ArticleGraph", "build_article", "build_corpus"]


@dataclass
class ArticleGraph:
    """An article file built: its ingested text and its named graph as N-Quads.

    What :func:`build_article` returns.

    Attributes
    ----------
    article : Article
        The article as ingested (text, metadata, spans).
    nquads : bytes
        Its named graph, as N-Quads lines in UTF-8.

    Examples
    --------
    >>> from kg.resources import bundled_article
    >>> built = build_article(bundled_article())
    >>> built.article.article_id, len(built.quads()) > 1000
    ('000_bdc2813b06239aaa', True)
    """

    article: Article
    nquads: bytes

    def quads(self) -> list[ox.Quad]:
        """The quads of the named graph."""
        return list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS))


def build_article(path: Path | str, encoding: str | None = None) -> ArticleGraph:
    """Take one article file through the pipeline: ingest → extract → build.

    Parameters
    ----------
    path
        The article file (text or saved web page), or ``-`` for standard input.
    encoding
        Force this input encoding instead of detecting one.

    Returns
    -------
    ArticleGraph
        The article and its named graph.

    Raises
    ------
    InputError
        The file is missing, unreadable, empty or binary, or its date does not exist.
    NoArticleBody
        The file holds no article (no title or no body).

    See Also
    --------
    build_corpus : many files, in parallel, with failures kept apart.

    Examples
    --------
    >>> from kg.build import graph_iri
    >>> from kg.resources import bundled_article
    >>> built = build_article(bundled_article())
    >>> {q.graph_name.value for q in built.quads()} == {graph_iri(built.article.article_id)}
    True
    >>> build_article("no-such-article.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no-such-article.txt: no such file
    """
    lexicon = load_lexicon()
    article = read_article(path, encoding=encoding, lexicon=lexicon)
    return ArticleGraph(article, build_nquads(article, extract(article, lexicon), lexicon))


def build_corpus(
    paths: Iterable[Path | str],
    *,
    jobs: int | None = 1,
    encoding: str | None = None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Build every article file (folders searched) into its named graph.

    A file that fails is kept as a :class:`Failure` and the others go on. Two files that
    would be one article (the same name) are refused: the later one is a failure.

    Parameters
    ----------
    paths
        Article files and folders (see :func:`~kg.corpus.files.find_articles`).
    jobs
        Processes to build in (``None``: the CPU count); ``1`` builds in this process.
    encoding
        Force this input encoding.
    cache_dir
        Where built articles are kept between runs (:class:`~kg.corpus.cache.ArticleCache`); ``None`` builds every
        article afresh.
    progress
        Called with (articles done, articles in all) as articles finish.

    Returns
    -------
    Corpus
        The articles that built, in article-id order, and the files that did not.

    Raises
    ------
    InputError
        A folder holds no article files.

    See Also
    --------
    build_article : one file, its errors raised.

    Examples
    --------
    >>> from kg.resources import bundled_article
    >>> corpus = build_corpus([bundled_article(), "no-such-article.txt"], jobs=1)
    >>> [a.article_id for a in corpus.articles], [str(f) for f in corpus.failures]
    (['000_bdc2813b06239aaa'], ['no-such-article.txt: no such file'])
    """
    files = find_articles(paths)
    cache = ArticleCache(cache_dir) if cache_dir is not None else None
    total = len(files)
    todo: list[tuple[int, Path, str | None]] = []
    slots: list[ArticleBuild | Failure | None] = [None] * total
    for i, path in enumerate(files):
        key = cache.key(path, encoding) if cache else None
        hit = cache.get(key) if cache and key else None
        if hit is not None:
            hit.path = path
            slots[i] = hit
        else:
            todo.append((i, path, key))
    done = total - len(todo)
    if progress:
        progress(done, total)
    keys = {i: key for i, _, key in todo}
    for i, result in _build_all([(i, p, encoding) for i, p, _ in todo], jobs):
        slots[i] = result
        key = keys[i]
        if cache and isinstance(result, ArticleBuild) and key:
            cache.put(key, result)
        done += 1
        if progress:
            progress(done, total)
    return _collect(slots)


def _build_all(jobs_list: list[tuple[int, Path, str | None]], jobs: int | None):
    """Each job's (index, result), in this process or in forked workers, as they finish."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list)))
    if not jobs_list:
        return
    load_lexicon()  # loaded once here, shared by the forked workers (which leave it out of their collections)
    if jobs == 1:
        yield from map(_build_one, jobs_list)
        return
    pool = get_context("fork").Pool(jobs, initializer=gc.freeze)
    try:
        yield from pool.imap_unordered(_build_one, jobs_list, chunksize=max(1, min(16, len(jobs_list) // (jobs * 8))))
    finally:
        pool.terminate()


def _collect(slots: list) -> Corpus:
    """The corpus of the built articles, in article-id order; a clash of article ids is a failure of the later file."""
    corpus = Corpus()
    seen: dict[str, Path] = {}
    for result in slots:
        if isinstance(result, Failure):
            corpus.failures.append(result)
        elif result.article_id in seen:
            clash = InputError(
                result.path,
                f"article id {result.article_id} is already taken by "
                f"{seen[result.article_id]}; rename one of the files",
            )
            corpus.failures.append(Failure(result.path, str(clash), clash))
        else:
            seen[result.article_id] = result.path
            corpus.articles.append(result)
    corpus.articles.sort(key=lambda a: a.article_id)
    return corpus


def _build_one(job: tuple[int, Path, str | None]) -> tuple[int, ArticleBuild | Failure]:
    """Build one article; whatever goes wrong becomes a one-line failure for that file alone."""
    i, path, encoding = job
    try:
        with collector_paused():  # an article makes thousands of small objects and frees them by reference count
            built = build_article(path, encoding)
        article = built.article
        published = article.meta.get("published")
        return i, ArticleBuild(
            path,
            article.article_id,
            article.clean_at(article.meta["title"]),
            published[1].isoformat() if published else "date unknown",
            built.nquads,
        )
    except KgError as e:
        return i, Failure(path, str(e), e)
    except Exception as e:  # an extractor defect must not take the rest of the corpus down with it
        return i, Failure(path, f"{path}: could not be built ({type(e).__name__}: {e}); please report this file")
