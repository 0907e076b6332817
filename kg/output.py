r"""Writing outputs: a file replaced in one step, and bytes kept as their parts.

Readers of a file written here see the old file or the new one, never half of either: the
content goes to a temporary file beside the target, which then replaces it in one rename.
A corpus's N-Quads are kept as :class:`Chunks`, one part per article, and written part by part.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = Path(tmp) / "kg.nq"
...     write_atomic(path, Chunks([b"<a> <p> <o> .\n", b"<b> <p> <o> .\n"]))
...     path.read_bytes()
b'<a> <p> <o> .\n<b> <p> <o> .\n'
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["Chunks", "write_atomic"]


class Chunks:
    r"""Bytes kept as their parts (one per article): written, hashed and read part by part, never joined.

    A corpus's N-Quads are not copied into one more buffer of their whole size.

    Parameters
    ----------
    parts
        The parts, in order; empty parts are dropped.

    Examples
    --------
    >>> c = Chunks([b"<a> <p> <o> .\n", b"", b"<b> <p> <o> .\n"])
    >>> len(c), c.reader().read() == b"".join(c.parts)
    (28, True)
    >>> import hashlib
    >>> c.sha256() == hashlib.sha256(b"".join(c.parts)).hexdigest()
    True
    """

    def __init__(self, parts: Iterable[bytes]) -> None:
        self.parts = [p for p in parts if p]

    def __len__(self) -> int:
        """The number of bytes of all the parts together."""
        return sum(map(len, self.parts))

    def sha256(self) -> str:
        """The SHA-256 digest (hex) of the bytes the parts make together, hashed part by part."""
        h = hashlib.sha256()
        for part in self.parts:
            h.update(part)
        return h.hexdigest()

    def reader(self) -> io.BufferedReader:
        """A binary file object that reads the parts one after the other (for a parser that takes a file)."""
        parts = iter(self.parts)

        class _Stream(io.RawIOBase):
            rest = b""

            def readable(self):
                return True

            def readinto(self, buffer):
                while not self.rest:
                    self.rest = next(parts, None)
                    if self.rest is None:
                        self.rest = b""
                        return 0
                n = min(len(buffer), len(self.rest))
                buffer[:n], self.rest = self.rest[:n], self.rest[n:]
                return n

        return io.BufferedReader(_Stream(), buffer_size=1 << 20)


def write_atomic(path: str | os.PathLike[str], data: bytes | Chunks) -> None:
    """Replace ``path`` with ``data`` in one step: readers see the old file or the new one, never half.

    The data is written to a temporary file in the same folder, which then replaces ``path`` by a rename. The new
    file gets the permissions a newly created file gets (``0o666`` less the umask).

    Parameters
    ----------
    path
        The file to write; its folder is made if missing.
    data
        The content: bytes, or :class:`Chunks` written part by part.

    Raises
    ------
    OSError
        The folder or file cannot be written; ``path`` is then as it was, and no temporary file is left.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "out" / "kg.ttl"
    ...     write_atomic(path, b"old")
    ...     write_atomic(path, b"new")
    ...     path.read_bytes(), [p.name for p in path.parent.iterdir()]
    (b'new', ['kg.ttl'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for part in data.parts if isinstance(data, Chunks) else [data]:
                f.write(part)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
