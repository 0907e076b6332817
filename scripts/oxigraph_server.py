"""Start an Oxigraph server (``oxigraph serve``) on a free loopback port and wait until it answers.

Used by the tests (a server of their own, to kill midway) and by bench/store_speed.py. Run as a script,
it serves a store location until interrupted:  python scripts/oxigraph_server.py DIR
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def oxigraph_binary() -> str:
    """The ``oxigraph`` binary beside this Python (pip package ``oxigraph``), or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server binary is missing: pip install oxigraph")
    return found


def start(location: Path, *, union_default_graph: bool = True, timeout: float = 15.0):
    """(base URL, process) of a server on ``location``; raises RuntimeError if it does not answer in time."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command + (["--union-default-graph"] if union_default_graph else []),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1)
            return url, process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {process.stderr.read().decode()}") from None
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"oxigraph serve did not answer within {timeout:.0f} s")


if __name__ == "__main__":
    url, server = start(Path(sys.argv[1]))
    print(f"{url}/store (Graph Store Protocol), {url}/query (SPARQL)", flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        server.terminate()
