"""The article cache: an article already built is not extracted again while neither it nor the pipeline changes.

An entry is keyed by the file's content, its name, the encoding option and a fingerprint of the
pipeline (the package's code, ontology and lexicon), so any change to the pipeline rebuilds every
article. An entry is one file: a JSON header line, then the article's N-Quads.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.output import write_atomic

if TYPE_CHECKING:
    from kg.corpus.build import ArticleBuild

__all__ = ["ArticleCache", "default_cache_dir", "pipeline_fingerprint"]


def default_cache_dir() -> Path:
    """``$KG_CACHE``, else ``fupin-kg/articles`` in the user cache directory (``~/.cache`` on Linux).

    Examples
    --------
    >>> import os
    >>> os.environ["KG_CACHE"] = "/tmp/kg-cache"
    >>> default_cache_dir()
    PosixPath('/tmp/kg-cache')
    >>> del os.environ["KG_CACHE"]
    """
    if os.environ.get("KG_CACHE"):
        return Path(os.environ["KG_CACHE"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("fupin-kg")) / "articles"


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A digest of everything that shapes an article's graph: the package's code, its ontology and lexicon.

    Examples
    --------
    >>> len(pipeline_fingerprint())
    64
    """
    from kg import __version__
    from kg.resources import VOCABULARY_FILES, ontology_path

    root = Path(__file__).parents[1]
    h = hashlib.sha256(__version__.encode())
    for f in sorted(root.rglob("*.py")) + [ontology_path(n) for n in VOCABULARY_FILES]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


class ArticleCache:
    """Built articles kept in ``directory`` between runs.

    Examples
    --------
    >>> import tempfile
    >>> from kg.corpus.build import ArticleBuild
    >>> from kg.resources import bundled_article
    >>> cache = ArticleCache(Path(tempfile.mkdtemp()))
    >>> key = cache.key(bundled_article(), None)
    >>> cache.get(key) is None
    True
    >>> cache.put(key, ArticleBuild(bundled_article(), "a", "title", "2016-12-13", b"<a> <b> <c> <g> .\\n"))
    >>> cache.get(key).cached, cache.get(key).nquads
    (True, b'<a> <b> <c> <g> .\\n')
    """

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def key(self, path: Path, encoding: str | None) -> str | None:
        """The key of an article file, or ``None`` when it cannot be read (its build says why)."""
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
        """The article built under ``key``, or ``None`` (a missing or damaged entry is rebuilt)."""
        from kg.corpus.build import ArticleBuild

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
