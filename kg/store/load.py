"""Loading inputs into a triple store: the embedded store, or a server's Graph Store Protocol endpoint.

This is ``kg load``: read RDF files and build articles, lay the quads out in graphs
(:func:`kg.store.layout.store_layout`), and write the graphs to the embedded store
(:func:`kg.store.embedded.load_store`) or send them to a server (:func:`kg.store.remote.load_graphs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.corpus import read_inputs
from kg.resources import VOCABULARY_FILES, bundled_article
from kg.store.embedded import LoadReport, default_store_dir, load_store
from kg.store.layout import store_layout

__all__ = ["load_inputs"]


def load_inputs(
    paths: Iterable[str | Path] = (),
    *,
    store_dir: Path | None = None,
    endpoint: str | None = None,
    graph: ox.NamedNode | None = None,
    append: bool = False,
    vocabulary: bool = True,
    retries: int = 4,
    encoding: str | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Load RDF files and articles (default: the bundled article) into a store, each graph replaced whole.

    Everything is read and built before anything is written, so an input that fails leaves the store as it was.

    Parameters
    ----------
    paths
        RDF files (N-Quads and TriG keep their graphs) and article files, built first.
    store_dir
        The embedded store to load into (the default target: :func:`~kg.store.embedded.default_store_dir`).
    endpoint
        A Graph Store Protocol URL to load into instead.
    graph
        Put every data triple into this graph (default: each article in its own named graph).
    append
        Add to the graphs instead of replacing them.
    vocabulary
        Also load the ontology, lexicon, gazetteer and repair table, each into its own graph.
    retries
        Endpoint: retries after a 5xx answer or a broken connection.
    encoding
        Force the input encoding of article files.
    progress
        Called with a line of progress.

    Returns
    -------
    LoadReport
        What was loaded into which graph.

    Raises
    ------
    StoreError, EndpointError
        The store or the server refused the load (the embedded store is rolled back).
    InputError, ParseError
        An input cannot be read or built; nothing is loaded.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> from kg.store.embedded import store_quads
    >>> directory = Path(tempfile.mkdtemp()) / "store"
    >>> report = load_inputs(store_dir=directory, vocabulary=False)
    >>> [(graph.value.startswith("https://w3id.org/fupin-kg/id/graph/"), action) for graph, _, action in report.graphs]
    [(True, 'created')]
    >>> report.triples == len(store_quads(directory))
    True
    >>> [action for _, _, action in load_inputs(store_dir=directory, vocabulary=False).graphs]
    ['replaced']
    >>> shutil.rmtree(directory.parent)
    """
    progress("reading the input…")
    layout = store_layout(
        read_inputs(list(paths) or [bundled_article()], encoding),
        graph=graph,
        vocabulary=VOCABULARY_FILES if vocabulary else (),
    )
    if endpoint:
        from kg.store.remote import load_graphs

        return load_graphs(endpoint, layout, append=append, retries=retries, progress=progress)
    return load_store(
        store_dir if store_dir is not None else default_store_dir(), layout, append=append, progress=progress
    )
