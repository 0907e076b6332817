"""Running the SHACL shapes (the files in ``shapes/``) and the Data Cube constraints over built graphs.

:func:`validate` is the validate stage's entry point. Each named graph (one per article) is validated on its own,
together with the vocabulary context (:func:`vocabulary_context`: the ontology's class hierarchy and individuals, the
lexicon's schemes), and graphs are spread over processes. pySHACL runs the core shapes over an rdflib graph and the
SHACL-SPARQL shapes over a pyoxigraph store, where the queries run in Oxigraph; the integrity constraints of the RDF
Data Cube (:mod:`kg.validate.cube`) run over the same graph. The responsibility chains, which may cross articles, are
then checked once more over the union of the graphs when they share a node. The results are read into a
:class:`~kg.validate.report.Report`.
"""

from __future__ import annotations

import gc
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pyoxigraph as ox

from kg.collector import collector_paused
from kg.namespaces import FP, RDF
from kg.store.layout import vocabulary_graphs
from kg.validate.context import (
    SHAPES_FILES,
    _context_terms,
    _fast_parameter_lookup,
    _rdflib_graph,
    _shape_predicates,
    _shapes_for,
    _top_shapes,
    load_shapes,
    vocabulary_context,
)
from kg.validate.cube import check_cube
from kg.validate.report import KGSH, SEVERITIES, SH, Report, Result, read_results

__all__ = ["validate", "load_shapes", "vocabulary_context", "SHAPES_FILES", "Report", "Result", "SEVERITIES", "SH"]

#: Shapes whose constraints follow edges that may cross articles; they are run once more over the union.
CROSS_GRAPH_SHAPES = (KGSH + "Responsibility_Shape", KGSH + "ResponsibilityNetwork_Shape")
#: The predicates those shapes follow.
RESPONSIBILITY_PREDICATES = tuple(
    FP + p for p in ("subordinateTo", "coordinatedBy", "dispatchedBy", "followsRequirementsOf")
)

# -- Validation --------------------------------------------------------------------------------------------------


def validate(quads, jobs: int | None = None) -> Report:
    """Validate quads (one named graph per article) against the shapes.

    Each graph is validated on its own; the responsibility shapes run once more over the union where chains cross.

    Parameters
    ----------
    quads
        Iterable of :class:`pyoxigraph.Quad` (or :class:`pyoxigraph.Triple`, taken as one graph). Quads in the
        vocabulary graphs (the ontology, lexicon, gazetteer and repairs in a kg.nq) are context, not data.
    jobs
        Processes to spread the graphs over; default: the CPU count. ``1`` validates in this process.

    Returns
    -------
    Report
        Every result, in a fixed order; ``conforms`` is false when any result is a Violation.

    Raises
    ------
    ParseError
        A shapes file is not valid Turtle (see :func:`load_shapes`).

    See Also
    --------
    kg.validate.report.Report.text : the report as text.

    Examples
    --------
    The article that ships with the package conforms:

    >>> from kg.corpus import read_inputs
    >>> from kg.resources import bundled_article
    >>> report = validate(read_inputs([bundled_article()]), jobs=1)
    >>> report.conforms, report.counts["Violation"], report.graphs
    (True, 0, 1)

    A programme with no labels does not:

    >>> import pyoxigraph as ox
    >>> from kg.namespaces import FP, RDF
    >>> programme = ox.NamedNode("https://example.org/p")
    >>> triples = [ox.Triple(programme, ox.NamedNode(RDF + "type"), ox.NamedNode(FP + "Programme"))]
    >>> print(validate(triples, jobs=1).text())
    Does not conform: 1 violations, 0 warnings, 0 info (1 triples in 1 graphs)
    <BLANKLINE>
    Violation: <https://example.org/p>
      shape kgsh:Entity_labels · path rdfs:label
      An entity MUST have one rdfs:label in zh-Hant, one in zh-Hans and at most one in en, and no other
    """
    graphs: dict[str, list] = defaultdict(list)
    context = vocabulary_graphs()  # a dataset's vocabulary graphs (kg.nq) are the context every graph gets anyway
    for q in quads:
        if isinstance(q, ox.Quad):
            graph_name = q.graph_name
            if graph_name in context:
                continue
            graphs["" if isinstance(graph_name, ox.DefaultGraph) else graph_name.value].append(q.triple)
        else:
            graphs[""].append(q)
    triples = sum(len(ts) for ts in graphs.values())
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(graphs)))
    names = sorted(graphs)
    if jobs == 1:
        parts = [_validate_graph(name, graphs[name]) for name in names]
    else:
        # Workers are forked and find the graphs where this process left them: nothing is serialised.
        global _SHARED
        _SHARED = graphs
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"), initializer=gc.freeze) as pool:
                parts = list(pool.map(_validate_shared_graph, names, chunksize=max(1, len(names) // (jobs * 4))))
        finally:
            _SHARED = {}
    results = {r.key: r for part in parts for r in part}
    union = _cross_graph_triples(graphs)
    if union:
        for r in _validate_graph(None, union, CROSS_GRAPH_SHAPES):
            if not any(k[2:] == r.key[2:] for k in results):
                results[r.key] = r
    return Report(sorted(results.values(), key=lambda r: r.key), triples, len(graphs))


_SHARED: dict = {}


def _validate_shared_graph(name: str) -> list[Result]:
    return _validate_graph(name, _SHARED[name])


def _cross_graph_triples(graphs: dict[str, list]) -> list:
    """What the cross-article pass needs: the responsibility edges from nodes in several graphs, from nodes that reach
    them, and onward, with the types of their ends.

    A chain from a node that occurs in one graph only stays in that graph until it meets a node that occurs in
    several; so only chains through such shared nodes can differ from what the per-graph checks saw, and a cycle
    across graphs passes through one. Without shared nodes there is nothing to check.
    """
    edges = {name: [t for t in ts if t.predicate.value in RESPONSIBILITY_PREDICATES] for name, ts in graphs.items()}
    home: dict = {}
    shared = set()
    for name, es in edges.items():
        for node in {x for t in es for x in (t.subject, t.object)}:
            if home.setdefault(node, name) != name:
                shared.add(node)
    if not shared:
        return []
    up, down = defaultdict(set), defaultdict(set)
    for t in {t for es in edges.values() for t in es}:
        up[t.subject].add(t)
        down[t.object].add(t.subject)
    start, todo = set(shared), list(shared)  # the shared nodes and all that reach them
    while todo:
        for x in down[todo.pop()] - start:
            start.add(x)
            todo.append(x)
    keep, seen, todo = set(), set(start), list(start)  # and everything up from there
    while todo:
        for t in up[todo.pop()]:
            keep.add(t)
            if t.object not in seen:
                seen.add(t.object)
                todo.append(t.object)
    types = {t for ts in graphs.values() for t in ts if t.predicate.value == RDF + "type" and t.subject in seen}
    return sorted(keep | types, key=str)


def _validate_graph(graph: str | None, triples: list, use_shapes=None) -> list[Result]:
    """Run pySHACL over one graph's triples plus the vocabulary context, and (unless only ``use_shapes`` are run)
    the Data Cube constraints.

    Shapes with SHACL-SPARQL constraints run over a pyoxigraph store, where pySHACL hands the queries to
    Oxigraph; the others over an rdflib graph, where pySHACL's core checks are fastest.
    """
    import pyshacl

    _fast_parameter_lookup()
    # pySHACL makes many short-lived objects; with the cycle collector off for the graph's duration it runs about a
    # third faster. What it leaves behind is collected when the collector is back on.
    with collector_paused():
        results = _run_pyshacl(pyshacl, graph, triples, use_shapes)
        return results + check_cube(triples, graph) if use_shapes is None else results


def _run_pyshacl(pyshacl, graph, triples: list, use_shapes) -> list[Result]:
    core, sparql = _top_shapes()
    if use_shapes is not None:
        core, sparql = [s for s in core if s in use_shapes], [s for s in sparql if s in use_shapes]
    options = dict(inference=None, allow_warnings=True, allow_infos=True)
    used = _shape_predicates()
    data = _rdflib_graph([t for t in triples if t.predicate.value in used])
    data.addN((s, p, o, data) for s, p, o in _context_terms())
    reports = []
    if core:
        reports.append(pyshacl.validate(data, shacl_graph=_shapes_for(frozenset(core)), inplace=True, **options)[1])
    if sparql:
        store = ox.Store()
        store.bulk_extend(
            ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples
        )  # needs no context
        reports.append(pyshacl.validate(store, shacl_graph=_shapes_for(frozenset(sparql)), **options)[1])
    return read_results(reports, triples, graph)
