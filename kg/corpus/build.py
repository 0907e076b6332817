"""A corpus of articles: find the files, build each one (in parallel, incrementally), keep what failed.

Each article is built on its own into its named graph and serialised as sorted N-Quads lines,
so the corpus is a list of byte blocks in article order: joining them *is* writing the N-Quads
file, and the same inputs always give the same bytes. A block is cached under a key made of
the file's content, its name, the encoding option and a fingerprint of the pipeline (code,
ontology, lexicon), so an unchanged article is not extracted again, and any change to the
pipeline rebuilds everything.

>>> from kg.resources import bundled_article
>>> corpus = build_corpus([bundled_article()], jobs=1, cache_dir=None)
>>> [a.article_id for a in corpus.articles], corpus.failures
(['000_bdc2813b06239aaa'], [])
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

from kg.errors import InputError, KgError

__all__ = ["ArticleBuild", "Failure", "Corpus", "find_articles", "build_corpus", "default_cache_dir", "ARTICLE_SUFFIXES"]

#: The file names a folder is searched for (other files in it are not articles).
ARTICLE_SUFFIXES = (".txt", ".text", ".htm", ".html")


@dataclass
class ArticleBuild:
    """One article, built: its identity and its named graph as sorted N-Quads lines."""

    path: Path
    article_id: str
    title: str
    published: str  # ISO date or "date unknown"
    nquads: bytes
    cached: bool = False

    def quads(self) -> list[ox.Quad]:
        return list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS))


@dataclass
class Failure:
    path: Path
    message: str  # one line, starting with the path

    def __str__(self) -> str:
        return self.message


@dataclass
class Corpus:
    articles: list[ArticleBuild] = field(default_factory=list)  # in article-id order
    failures: list[Failure] = field(default_factory=list)

    @property
    def nquads(self) -> bytes:
        return b"".join(a.nquads for a in self.articles)

    def quads(self) -> list[ox.Quad]:
        from kg.output import Chunks

        return list(ox.parse(Chunks(a.nquads for a in self.articles).reader(), format=ox.RdfFormat.N_QUADS))

    @property
    def extracted(self) -> int:
        return sum(not a.cached for a in self.articles)


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched recursively for article files (``*.txt``, ``*.html`` …), skipping hidden ones.

    Raises
    ------
    InputError
        A path does not exist, or a folder holds no article file.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise InputError(p, f"no article files ({', '.join('*' + s for s in ARTICLE_SUFFIXES)}) in this folder")
            out += found
        else:
            out.append(p)  # a missing file is reported by its own build, with the others going ahead
    return list(dict.fromkeys(out))


def default_cache_dir() -> Path:
    """``$KG_CACHE``, else fupin-kg/articles in the user cache directory (~/.cache on Linux)."""
    if os.environ.get("KG_CACHE"):
        return Path(os.environ["KG_CACHE"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("fupin-kg")) / "articles"


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A digest of everything that shapes an article's graph: the package's code and its ontology and lexicon."""
    from kg import __version__

    root = Path(__file__).parents[1]
    from kg.resources import ontology_path

    h = hashlib.sha256(__version__.encode())
    for f in sorted(root.rglob("*.py")) + [ontology_path(n) for n in ("fupin.ttl", "lexicon.ttl", "gazetteer.ttl", "repairs.ttl")]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def build_corpus(paths: Iterable[Path], *, jobs: int | None = None, encoding: str | None = None,
                 cache_dir: Path | None = None, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Build every article file (folders searched) into its named graph; a file that fails is kept as a
    :class:`Failure` and the others go on.

    Parameters
    ----------
    jobs
        Processes to build in (default: the CPU count); ``1`` builds in this process.
    cache_dir
        Where built articles are kept between runs; ``None`` builds everything afresh.
    progress
        Called with (articles done, articles in all) as articles finish.

    Raises
    ------
    InputError
        A folder holds no article files.
    """
    files = find_articles(paths)
    total = len(files)
    corpus = Corpus()
    todo: list[tuple[int, Path, str | None]] = []
    slots: list[ArticleBuild | Failure | None] = [None] * total
    for i, path in enumerate(files):
        key = _cache_key(path, encoding) if cache_dir is not None else None
        hit = _read_cache(cache_dir, key) if key else None
        if hit is not None:
            hit.path = path
            slots[i] = hit
        else:
            todo.append((i, path, key))
    done = total - len(todo)
    if progress:
        progress(done, total)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    if todo:
        from kg.lexicon import load_lexicon

        load_lexicon()  # loaded once here, shared by the forked workers (which leave it out of their collections)
    if jobs == 1:
        results = map(_build_one, [(i, p, encoding) for i, p, _ in todo])
        pool = None
    else:
        pool = get_context("fork").Pool(jobs, initializer=gc.freeze)
        results = pool.imap_unordered(_build_one, [(i, p, encoding) for i, p, _ in todo],
                                      chunksize=max(1, min(16, len(todo) // (jobs * 8))))
    keys = {i: key for i, _, key in todo}
    try:
        for i, result in results:
            slots[i] = result
            if isinstance(result, ArticleBuild) and keys[i]:
                _write_cache(cache_dir, keys[i], result)
            done += 1
            if progress:
                progress(done, total)
    finally:
        if pool is not None:
            pool.terminate()
    seen: dict[str, Path] = {}
    for result in slots:
        if isinstance(result, Failure):
            corpus.failures.append(result)
        elif result.article_id in seen:
            corpus.failures.append(Failure(result.path, f"{result.path}: article id {result.article_id} is already "
                                                        f"taken by {seen[result.article_id]}; rename one of the files"))
        else:
            seen[result.article_id] = result.path
            corpus.articles.append(result)
    corpus.articles.sort(key=lambda a: a.article_id)
    return corpus


def _build_one(job: tuple[int, Path, str | None]) -> tuple[int, ArticleBuild | Failure]:
    """Build one article; whatever goes wrong becomes a one-line failure for that file alone."""
    from kg.collector import collector_paused
    from kg.corpus.inputs import article_nquads

    i, path, encoding = job
    try:
        with collector_paused():  # an article makes thousands of small objects and frees them by reference count
            article, nquads = article_nquads(path, encoding)
        published = article.meta.get("published")
        return i, ArticleBuild(path, article.article_id, article.clean_at(article.meta["title"]),
                               published[1].isoformat() if published else "date unknown", nquads)
    except KgError as e:
        return i, Failure(path, str(e))
    except Exception as e:  # an extractor defect must not take the rest of the corpus down with it
        return i, Failure(path, f"{path}: could not be built ({type(e).__name__}: {e}); please report this file")


def _cache_key(path: Path, encoding: str | None) -> str | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None  # its build reports why
    h = hashlib.sha256(pipeline_fingerprint().encode())
    h.update(f"\0{path.name}\0{encoding or ''}\0".encode())
    h.update(content)
    return h.hexdigest()


def _read_cache(cache_dir: Path, key: str) -> ArticleBuild | None:
    try:
        with open(cache_dir / key[:2] / f"{key}.nq", "rb") as f:
            header = json.loads(f.readline())
            return ArticleBuild(Path(header["path"]), header["id"], header["title"], header["published"], f.read(), cached=True)
    except (OSError, ValueError, KeyError):
        return None  # a missing or damaged entry is rebuilt


def _write_cache(cache_dir: Path, key: str, a: ArticleBuild) -> None:
    from kg.output import write_atomic

    header = json.dumps({"path": str(a.path), "id": a.article_id, "title": a.title, "published": a.published},
                        ensure_ascii=False).encode()
    try:
        write_atomic(cache_dir / key[:2] / f"{key}.nq", header + b"\n" + a.nquads)
    except OSError:
        pass  # a cache that cannot be written only costs time
