"""Triple stores: where the knowledge graph is kept and queried.

The package lays the graph out in named graphs, keeps it in a store on disk or sends it to a server, and runs
SPARQL over it:

:mod:`~kg.store.layout`
    which graph each triple goes into (each article in its own, each vocabulary file in its own);
:mod:`~kg.store.embedded`
    the embedded store: a pyoxigraph database in a directory, loaded all or nothing;
:mod:`~kg.store.remote`
    servers, through the SPARQL 1.1 Protocol and the Graph Store Protocol;
:mod:`~kg.store.load`
    ``kg load``: build the inputs and load them into either;
:mod:`~kg.store.query`
    ``kg query``: SPARQL over an in-memory store, the embedded store or a server;
:mod:`~kg.store.results`
    answers as tables and in the W3C result formats.

The names most callers need are importable from here. :func:`~kg.store.load.load_inputs` is imported on first
use, as it brings in the whole article pipeline, which reading a store or running a query does not need.

Examples
--------
>>> from kg.store import open_store, run_query
>>> store = open_store([], vocabulary=("lexicon.ttl",))
>>> run_query(store, "ASK { lex:role-first-secretary a skos:Concept }")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.store.embedded import LoadReport, default_store_dir
from kg.store.layout import store_layout
from kg.store.query import open_store, run_query

if TYPE_CHECKING:
    from kg.store.load import load_inputs

__all__ = ["LoadReport", "default_store_dir", "load_inputs", "open_store", "run_query", "store_layout"]


def __getattr__(name: str) -> Any:
    """Import :func:`~kg.store.load.load_inputs` when it is first asked for (PEP 562)."""
    if name == "load_inputs":
        from kg.store.load import load_inputs

        return load_inputs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
