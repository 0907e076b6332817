"""Named points where long work can be stopped on purpose, so tests interrupt it at a known place.

Tests of "nothing half written" (a build or a load killed part way) need the process to be
at a known step when it is killed; a pause point is such a step, named in the code.

With ``KG_PAUSE_AT`` set to a point's name, the process says ``paused at NAME`` on standard error
when it gets there and waits for a signal; a test reads that line, then kills the process. Without
the variable, a pause point costs one dictionary lookup.

Examples
--------
>>> pause_point("load-graph-1")  # nothing happens unless KG_PAUSE_AT=load-graph-1
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["PAUSE_VARIABLE", "pause_point"]

#: The environment variable that names the point to pause at.
PAUSE_VARIABLE = "KG_PAUSE_AT"


def pause_point(name: str) -> None:
    """Pause here, until a signal arrives, if ``$KG_PAUSE_AT`` names this point.

    Parameters
    ----------
    name
        The point's name (``load-graph-1`` …): the value of :data:`PAUSE_VARIABLE` that stops the process here.

    Notes
    -----
    When paused, the process writes ``paused at NAME`` to standard error and waits until a signal
    ends it (a signal whose handler returns does not end the wait), so the test that set the
    variable must end the process itself, with SIGKILL or SIGTERM.

    Examples
    --------
    >>> pause_point("load-graph-1")  # returns at once unless KG_PAUSE_AT=load-graph-1
    """
    if os.environ.get(PAUSE_VARIABLE) != name:
        return
    sys.stderr.write(f"paused at {name}\n")
    sys.stderr.flush()
    while True:
        signal.pause()
