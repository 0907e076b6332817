"""The article cache: an article already built is not extracted again while neither it nor the pipeline changes.

:func:`~kg.corpus.build.build_corpus` looks every file up in an :class:`ArticleCache`
before building it, and keeps what it builds there. An entry is keyed by the file's
content, its name, the encoding option and a fingerprint of the pipeline
(:func:`pipeline_fingerprint`: the package's code, ontology and lexicon), so any change
to the pipeline rebuilds every article. An entry is one file: a JSON header line, then
the article's N-Quads. The cache lives in :func:`default_cache_dir` unless told otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from kg.corpus.results import ArticleBuild
from kg.output import write_atomic

__all__ = ["ArticleCache", "default_cache_dir", "pipeline_fingerprint"]


def default_cache_dir() -> Path:
    """Return where built articles are cached unless told otherwise.

    Returns
    -------
    Path
        ``$KG_CACHE`` if set, else ``fupin-kg/articles`` in the user cache directory
        (``~/.cache`` on Linux). The folder is not created here.

    Examples
    --------
    >>> import os
    >>> before = os.environ.get("KG_CACHE")
    >>> os.environ["KG_CACHE"] = "/tmp/kg-cache"
    >>> default_cache_dir()
    PosixPath('/tmp/kg-cache')
    >>> del os.environ["KG_CACHE"]
    >>> default_cache_dir().parts[-2:]
    ('fupin-kg', 'articles')
    >>> if before is not None:
    ...     os.environ["KG_CACHE"] = before
    """
    if os.environ.get("KG_CACHE"):
        return Path(os.environ["KG_CACHE"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("fupin-kg")) / "articles"


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Return a digest of everything that shapes an article's graph: the package's version, code, ontology and lexicon.

    Computed once per process. Any change to a ``.py`` file of the package or to a
    vocabulary file changes it, and with it every cache key.

    Returns
    -------
    str
        A SHA-256 digest, in hexadecimal.

    Examples
    --------
    >>> fingerprint = pipeline_fingerprint()
    >>> len(fingerprint), fingerprint == pipeline_fingerprint()
    (64, True)
    """
    from kg import __version__
    from kg.resources import VOCABULARY_FILES, ontology_path

    root = Path(__file__).parents[1]
    h = hashlib.sha256(__version__.encode())
    for f in sorted(root.rglob("*.py")) + [ontology_path(n) for n in VOCABULARY_FILES]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


class ArticleCache:
    r"""Built articles kept in a folder between runs.

    Parameters
    ----------
    directory
        The cache folder; made when the first entry is written. Entries are spread over
        subfolders named by the first two characters of their key.

    Examples
    --------
    >>> import tempfile
    >>> from kg.corpus.results import ArticleBuild
    >>> from kg.resources import bundled_article
    >>> cache = ArticleCache(Path(tempfile.mkdtemp()))
    >>> key = cache.key(bundled_article(), None)
    >>> cache.get(key) is None
    True
    >>> cache.put(key, ArticleBuild(bundled_article(), "a", "title", "2016-12-13", b"<a> <b> <c> <g> .\n"))
    >>> cache.get(key).cached, cache.get(key).nquads
    (True, b'<a> <b> <c> <g> .\n')
    """

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def key(self, path: Path, encoding: str | None) -> str | None:
        """Return the key of an article file, or ``None`` when it cannot be read (its build says why)."""
        if str(path) == "-":
            return None  # standard input is read once, by its build
        try:
            content = Path(path).read_bytes()
        except OSError:
            return None
        h = hashlib.sha256(pipeline_fingerprint().encode())
        h.update(f"\0{Path(path).name}\0{encoding or ''}\0".encode())
        h.update(content)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.nq"

    def get(self, key: str) -> ArticleBuild | None:
        """Return the article built under ``key``, or ``None`` (a missing or damaged entry is rebuilt)."""
        try:
            with open(self._file(key), "rb") as f:
                header = json.loads(f.readline())
                return ArticleBuild(
                    Path(header["path"]), header["id"], header["title"], header["published"], f.read(), cached=True
                )
        except (OSError, ValueError, KeyError):
            return None

    def put(self, key: str, build: ArticleBuild) -> None:
        """Keep ``build`` under ``key``; a cache that cannot be written only costs time."""
        header = json.dumps(
            {"path": str(build.path), "id": build.article_id, "title": build.title, "published": build.published},
            ensure_ascii=False,
        ).encode()
        try:
            write_atomic(self._file(key), header + b"\n" + build.nquads)
        except OSError:
            pass
