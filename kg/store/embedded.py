"""The embedded store: a pyoxigraph database on disk that ``kg load`` fills and ``kg query --store`` reads.

It lets the knowledge graph of many articles be loaded once and queried many times, without a server. A store
is a directory::

    DIR/oxigraph/   the database, a plain Oxigraph (RocksDB) store: `oxigraph serve --location DIR/oxigraph` serves it
    DIR/lock        loads hold it exclusively, readers shared
    DIR/rollback/   only while a load runs: a checkpoint of the database as it was before the load

Loads write with pyoxigraph's bulk loader, as fast as ``oxigraph load`` but not transactional by itself. The
checkpoint taken first (hard links, a few milliseconds) makes each load all or nothing: a load that fails is
rolled back before the error is reported, and a load that was killed is rolled back by the next command that
opens the store. Readers wait for a running load and never see half of one.

Examples
--------
>>> import shutil, tempfile
>>> from pathlib import Path
>>> import pyoxigraph as ox
>>> from kg.store.layout import store_layout
>>> directory = Path(tempfile.mkdtemp()) / "store"
>>> ex = "https://example.org/"
>>> quad = ox.Quad(ox.NamedNode(ex + "a"), ox.NamedNode(ex + "p"), ox.Literal("1"), ox.NamedNode(ex + "g"))
>>> load_store(directory, store_layout([quad], vocabulary=())).triples
1
>>> sorted(p.name for p in directory.iterdir())
['lock', 'oxigraph']
>>> store_quads(directory) == [quad]
True
>>> shutil.rmtree(directory.parent)
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.faults import pause_point
from kg.store.layout import GraphName, vocabulary_graphs

__all__ = ["LoadReport", "default_store_dir", "load_store", "reading", "store_quads"]

_DB, _LOCK, _ROLLBACK = "oxigraph", "lock", "rollback"
_PARTIAL, _DISCARD, _FAILED = "rollback.partial", "rollback.discard", "oxigraph.failed"


def default_store_dir() -> Path:
    """The store ``kg load`` and ``kg query --store`` use when given no directory (it need not exist yet).

    That is ``$KG_STORE`` if set and not empty, else ``store`` in the user's data directory for fupin-kg
    (``~/.local/share/fupin-kg/store`` on Linux).

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"KG_STORE": "/srv/kg-store"}):
    ...     str(default_store_dir())
    '/srv/kg-store'
    >>> with mock.patch.dict(os.environ, {"KG_STORE": ""}):
    ...     default_store_dir().parts[-2:]
    ('fupin-kg', 'store')
    """
    if os.environ.get("KG_STORE"):
        return Path(os.environ["KG_STORE"])
    import platformdirs

    return platformdirs.user_data_path("fupin-kg") / "store"


@dataclass
class LoadReport:
    """What a load did, graph by graph: into the embedded store (:func:`load_store`) or to a server.

    ``target`` is the store's directory or the server's URL; ``graphs`` holds per graph its name, the triples sent
    and the action (``"created"``, ``"replaced"`` or ``"added to"``); ``seconds`` is how long the load took.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> report = LoadReport("store", [(ox.NamedNode("https://example.org/g"), 2000, "replaced"),
    ...                               (ox.DefaultGraph(), 3, "created")], seconds=1.5)
    >>> print(report.summary())
    replaced https://example.org/g  2,000 triples
    created  (default graph)  3 triples
    loaded 2 graphs, 2,003 triples into store in 1.5 s
    """

    target: str
    graphs: list[tuple[GraphName, int, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        """The triples sent, summed over all graphs."""
        return sum(n for _, n, _ in self.graphs)

    def summary(self) -> str:
        """A line per graph (action, name as a CURIE, triples) and a closing line with the totals."""
        from kg.namespaces import curie

        lines = [f"{action:<8} {_graph_label(g, curie)}  {n:,} triples" for g, n, action in self.graphs]
        graphs = f"{len(self.graphs)} graph{'s' if len(self.graphs) != 1 else ''}"
        lines.append(f"loaded {graphs}, {self.triples:,} triples into {self.target} in {self.seconds:.1f} s")
        return "\n".join(lines)


def _graph_label(graph: GraphName, curie: Callable[[str], str]) -> str:
    return "(default graph)" if isinstance(graph, ox.DefaultGraph) else curie(graph.value)


def load_store(
    directory: Path,
    layout: dict[GraphName, list[ox.Quad]],
    *,
    append: bool = False,
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Write each graph of ``layout`` into the store at ``directory``, replacing it whole (or adding to it).

    The whole load is one unit: if anything fails, the store is rolled back to its state before the load.
    ``directory`` may be a store, or a new or empty directory, which becomes one; ``layout`` is what
    :func:`kg.store.layout.store_layout` makes; ``progress`` is called with a line of text per graph.

    Raises
    ------
    StoreError
        ``directory`` is not a store, the database is open in another program, or the write failed.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> import pyoxigraph as ox
    >>> directory, g = Path(tempfile.mkdtemp()) / "store", ox.NamedNode("https://example.org/g")
    >>> def layout(value):  # one triple in graph g
    ...     return {g: [ox.Quad(g, g, value, g)]}
    >>> [load_store(directory, layout(ox.Literal(n)), append=n == 3).graphs[0][1:] for n in (1, 2, 3)]
    [(1, 'created'), (1, 'replaced'), (1, 'added to')]
    >>> sorted(q.object.value for q in store_quads(directory))
    ['2', '3']
    >>> shutil.rmtree(directory.parent)
    """
    directory = Path(directory)
    _claim(directory)
    started = time.perf_counter()
    report = LoadReport(target=str(directory))
    with _locked(directory, exclusive=True, progress=progress):
        if _recover(directory):
            progress(f"rolled back an interrupted load into {directory}")
        store = _open_for_writing(directory)
        store.backup(str(directory / _PARTIAL))
        os.rename(directory / _PARTIAL, directory / _ROLLBACK)
        try:
            for i, (graph, quads) in enumerate(layout.items(), 1):
                existed = isinstance(graph, ox.DefaultGraph) or store.contains_named_graph(graph)
                if not append:
                    store.remove_graph(graph)
                store.bulk_extend(quads)
                action = "added to" if append and existed else "replaced" if existed else "created"
                report.graphs.append((graph, len(quads), action))
                progress(f"[{i}/{len(layout)}] {action} {_graph_label(graph, str)}: {len(quads):,} triples")
                pause_point(f"load-graph-{i}")
            store.flush()
        except BaseException as e:
            del store  # closes the database before its directory is swapped back
            _roll_back(directory)
            if isinstance(e, OSError):
                raise StoreError(
                    f"{directory}: the load failed ({e}); the store was rolled back to its state before the load"
                ) from None
            raise
        del store
        _discard(directory / _ROLLBACK)
    report.seconds = time.perf_counter() - started
    return report


@contextmanager
def reading(directory: Path, progress: Callable[[str], None] = lambda message: None) -> Iterator[ox.Store]:
    """The store at ``directory``, opened read-only, while no load can change it.

    A running load is waited for (``progress`` is told), an interrupted one rolled back first.

    Raises
    ------
    StoreError
        There is no store at ``directory``, or another program (an Oxigraph server) has it open.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> import pyoxigraph as ox
    >>> directory, g = Path(tempfile.mkdtemp()) / "store", ox.NamedNode("https://example.org/g")
    >>> _ = load_store(directory, {g: [ox.Quad(g, g, ox.Literal("1"), g)]})
    >>> with reading(directory) as store:
    ...     len(store)
    1
    >>> with reading(directory / "elsewhere") as store:  # doctest: +ELLIPSIS
    ...     pass
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: .../elsewhere: no store here; fill one with `kg load --store .../elsewhere`
    >>> shutil.rmtree(directory.parent)
    """
    directory = Path(directory)
    if not (directory / _DB).is_dir():
        raise StoreError(f"{directory}: no store here; fill one with `kg load --store {directory}`")
    if (directory / _ROLLBACK).exists():  # a load is running, or one was interrupted: wait, or roll it back
        with _locked(directory, exclusive=True, progress=progress):
            if _recover(directory):
                progress(f"rolled back an interrupted load into {directory}")
    with _locked(directory, exclusive=False, progress=progress):
        if (directory / _ROLLBACK).exists():
            raise StoreError(f"{directory}: a load into the store was interrupted just now; run the command again")
        _refuse_if_served(directory)
        yield ox.Store.read_only(str(directory / _DB))


def store_quads(directory: Path, *, vocabulary: bool = False) -> list[ox.Quad]:
    """Every quad in the store at ``directory``; without the vocabulary graphs unless ``vocabulary``.

    Raises
    ------
    StoreError
        As :func:`reading` does.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> import pyoxigraph as ox
    >>> from kg.store.layout import store_layout
    >>> directory, g = Path(tempfile.mkdtemp()) / "store", ox.NamedNode("https://example.org/g")
    >>> quad = ox.Quad(g, g, ox.Literal("1"), g)
    >>> _ = load_store(directory, store_layout([quad]))
    >>> store_quads(directory) == [quad], len(store_quads(directory, vocabulary=True)) > 1
    (True, True)
    >>> shutil.rmtree(directory.parent)
    """
    with reading(directory) as store:
        skip = set() if vocabulary else vocabulary_graphs()
        return [q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name not in skip]


def _claim(directory: Path) -> None:
    """Create the store directory, or check that an existing one is a store (or empty)."""
    if directory.exists() and not directory.is_dir():
        raise StoreError(f"{directory}: not a directory")
    if directory.is_dir() and any(directory.iterdir()) and not (directory / _LOCK).exists():
        raise StoreError(
            f"{directory}: not a fupin-kg store and not empty; give a new or empty directory "
            f"(the database lives in {directory / _DB})"
        )
    directory.mkdir(parents=True, exist_ok=True)
    (directory / _LOCK).touch()


@contextmanager
def _locked(directory: Path, *, exclusive: bool, progress: Callable[[str], None]) -> Iterator[None]:
    import fcntl

    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    fd = os.open(directory / _LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            progress(f"waiting for {'another command' if exclusive else 'a load'} to finish with {directory}")
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)


def _open_for_writing(directory: Path) -> ox.Store:
    try:
        return ox.Store(str(directory / _DB))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(
                f"{directory / _DB}: the database is open in another program (an Oxigraph "
                "server?); stop it, or load through its Graph Store endpoint with --endpoint"
            ) from None
        raise StoreError(f"{directory / _DB}: cannot open the database: {e}") from None


def _refuse_if_served(directory: Path) -> None:
    """A read-only view is undefined while another program writes; refuse if one holds the database's lock."""
    import fcntl

    lock = directory / _DB / "LOCK"
    if not lock.exists():
        return
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_UN)
    except OSError:
        raise StoreError(
            f"{directory / _DB}: the database is open in another program (an Oxigraph server?); "
            "query that server with --endpoint"
        ) from None
    finally:
        os.close(fd)


def _recover(directory: Path) -> bool:
    """Finish what an interrupted load left: restore the checkpoint if there is one. Every step is a rename or
    the removal of something no longer needed, so this is safe to run again after any interruption."""
    for leftover in (_PARTIAL, _DISCARD, _FAILED):
        if (directory / leftover).exists():
            shutil.rmtree(directory / leftover)
    if not (directory / _ROLLBACK).exists():
        return False
    _roll_back(directory)
    return True


def _roll_back(directory: Path) -> None:
    if (directory / _DB).exists():
        os.rename(directory / _DB, directory / _FAILED)
    os.rename(directory / _ROLLBACK, directory / _DB)
    shutil.rmtree(directory / _FAILED, ignore_errors=True)


def _discard(checkpoint: Path) -> None:
    discard = checkpoint.with_name(_DISCARD)
    os.rename(checkpoint, discard)
    shutil.rmtree(discard)
