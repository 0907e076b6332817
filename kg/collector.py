"""Building large object graphs in Python: the cycle collector paused while they are made."""

from __future__ import annotations

import gc
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused():
    """Pause Python's cycle collector for the block.

    Building hundreds of thousands of small containers (tuples, dicts, graph nodes) triggers collection after
    collection that finds nothing to free; pausing it makes bulk loads about a third faster. What the block
    leaves behind is collected once the collector runs again.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
