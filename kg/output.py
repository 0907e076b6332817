"""Writing outputs: a file replaced in one step, and bytes kept as their parts.

Readers of a file written here see the old file or the new one, never half of either.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

__all__ = ["Chunks", "write_atomic"]


class Chunks:
    """Bytes kept as their parts (one per article): written, hashed and read part by part, never joined, so a
    corpus's N-Quads are not copied into one more buffer of their whole size.

    >>> c = Chunks([b"<a> <p> <o> .\\n", b"", b"<b> <p> <o> .\\n"])
    >>> len(c), c.reader().read() == b"".join(c.parts)
    (28, True)
    """

    def __init__(self, parts):
        self.parts = [p for p in parts if p]

    def __len__(self) -> int:
        return sum(map(len, self.parts))

    def sha256(self) -> str:
        h = hashlib.sha256()
        for part in self.parts:
            h.update(part)
        return h.hexdigest()

    def reader(self) -> io.BufferedReader:
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


def write_atomic(path: Path, data) -> None:
    """Replace ``path`` with ``data`` (bytes or :class:`Chunks`) in one step: readers see the old file or the new
    one, never half."""
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
