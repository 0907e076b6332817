"""Running the SHACL shapes (the files in ``shapes/``) over built graphs with pySHACL.

:func:`validate` is the validate stage's entry point. Each named graph (one per article) is validated on its own,
together with the vocabulary context (:func:`vocabulary_context`: the ontology's class hierarchy and individuals, the
lexicon's schemes), and graphs are spread over processes. pySHACL runs the core shapes over an rdflib graph and the
SHACL-SPARQL shapes over a pyoxigraph store, where the queries run in Oxigraph. The responsibility chains, which may
cross articles, are then checked once more over the union of the graphs when they share a node. The results are read
into a :class:`~kg.validate.report.Report`.
"""

from __future__ import annotations

import gc
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from multiprocessing import get_context
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.collector import collector_paused
from kg.namespaces import FP, OWL, RDF, RDFS, SKOS, XSD
from kg.store.layout import vocabulary_graphs
from kg.validate.report import KGSH, SEVERITIES, SH, Report, Result, read_results

if TYPE_CHECKING:
    import rdflib

__all__ = ["validate", "load_shapes", "vocabulary_context", "SHAPES_FILES", "Report", "Result", "SEVERITIES"]

#: The shapes files, most severe first.
SHAPES_FILES = ("core.ttl", "vocabularies.ttl", "recommended.ttl", "info.ttl")

#: Shapes whose constraints follow edges that may cross articles; they are run once more over the union.
CROSS_GRAPH_SHAPES = (KGSH + "Responsibility_Shape", KGSH + "ResponsibilityNetwork_Shape")
#: The predicates those shapes follow.
RESPONSIBILITY_PREDICATES = tuple(
    FP + p for p in ("subordinateTo", "coordinatedBy", "dispatchedBy", "followsRequirementsOf")
)

#: What the vocabulary context takes from the ontology and lexicon files: the class hierarchy, the classes of
#: individuals and concepts (closed lists, roles), scheme membership; not the declarations every term has.
_CONTEXT_PREDICATES = {RDFS + "subClassOf", RDF + "type", SKOS + "inScheme"}
_CONTEXT_SKIPPED_TYPES = {
    OWL + "ObjectProperty",
    OWL + "DatatypeProperty",
    OWL + "AnnotationProperty",
    RDF + "Property",
    OWL + "Ontology",
    OWL + "NamedIndividual",
    SKOS + "Concept",
    SKOS + "ConceptScheme",
}


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """Load the shapes graph: every file of :data:`SHAPES_FILES`, as one rdflib graph.

    Parsed once per process; later calls give back the same graph.

    Returns
    -------
    rdflib.Graph
        The shapes, with the prefixes the files bind.

    Raises
    ------
    ParseError
        A shapes file is not valid Turtle.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> shapes = load_shapes()
    >>> (URIRef(KGSH + "Entity_labels"), None, None) in shapes
    True
    """
    import rdflib

    from kg.errors import ParseError
    from kg.resources import shapes_dir

    g = rdflib.Graph()
    for name in SHAPES_FILES:
        path = shapes_dir() / name
        try:
            g.parse(path, format="turtle")
        except Exception as e:  # rdflib raises several unrelated types for syntax errors
            raise ParseError(path, f"not valid Turtle: {e}") from None
    return g


@lru_cache(maxsize=1)
def vocabulary_context() -> tuple[ox.Triple, ...]:
    """Return the triples of the ontology and lexicon that SHACL needs in the data graph.

    ``sh:class`` and ``sh:targetClass`` read ``rdfs:subClassOf`` from the data graph, and the closed lists are the
    ontology's individuals and the lexicon's schemes; so every graph is validated with the ``rdfs:subClassOf``,
    ``rdf:type`` and ``skos:inScheme`` triples of ``fupin.ttl`` and ``lexicon.ttl`` (not the declarations of
    properties, concepts and schemes, which no shape reads).

    Returns
    -------
    tuple of pyoxigraph.Triple
        The triples, computed once per process.

    Examples
    --------
    >>> context = vocabulary_context()
    >>> sorted({t.predicate.value.rsplit("#")[-1] for t in context})
    ['inScheme', 'subClassOf', 'type']
    """
    from kg.resources import vocabulary_triples

    keep = []
    for name in ("fupin.ttl", "lexicon.ttl"):
        for t in vocabulary_triples(name):
            if t.predicate.value in _CONTEXT_PREDICATES and t.object.value not in _CONTEXT_SKIPPED_TYPES:
                keep.append(t)
    return tuple(keep)


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


class _ParameterList(list):
    """A list that answers ``in`` through a set: see :func:`_fast_parameter_lookup`."""

    def __init__(self, items):
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item):
        return item in self._members

    def copy(self):
        return list(self)


@lru_cache(maxsize=1)
def _fast_parameter_lookup() -> None:
    """pySHACL (0.40) checks each predicate of a shape against its list of about 40 SHACL parameters every time the
    shape validates a node: a linear scan of rdflib term comparisons, a quarter of its time on these graphs. It keeps
    that list in a module-level cache; this fills the cache with the same list, made to look up members in a set.
    If pySHACL renames the cache, nothing changes but the speed."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    # pySHACL makes the attribute at run time (by setattr), so its types do not declare it
    shape.CONSTRAINT_PARAMS = (_ParameterList(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)  # type: ignore[attr-defined]


def _validate_graph(graph: str | None, triples: list, use_shapes=None) -> list[Result]:
    """Run pySHACL over one graph's triples plus the vocabulary context.

    Shapes with SHACL-SPARQL constraints run over a pyoxigraph store, where pySHACL hands the queries to
    Oxigraph; the others over an rdflib graph, where pySHACL's core checks are fastest.
    """
    import pyshacl

    _fast_parameter_lookup()
    # pySHACL makes many short-lived objects; with the cycle collector off for the graph's duration it runs about a
    # third faster. What it leaves behind is collected when the collector is back on.
    with collector_paused():
        return _run_pyshacl(pyshacl, graph, triples, use_shapes)


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


_TARGETS = tuple(SH + p for p in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"))


@lru_cache(maxsize=8)
def _shapes_for(active: frozenset):
    """The shapes graph with only the ``active`` shapes targeting anything; the others are there to be referenced."""
    import rdflib

    g = rdflib.Graph(store="SimpleMemory")  # read only, and without contexts its lookups are about twice as fast
    g.namespace_manager = load_shapes().namespace_manager
    g += ((s, p, o) for s, p, o in load_shapes() if str(p) not in _TARGETS or str(s) in active)
    return g


@lru_cache(maxsize=1)
def _shape_predicates() -> frozenset:
    """Every IRI the shapes graph mentions, and the RDF and RDFS terms SHACL reads.

    No shape is closed (sh:closed), so a core shape only looks at predicates the shapes name; triples with other
    predicates cannot change a result of the core pass and are left out of its graph. The SHACL-SPARQL pass sees all.
    """
    from rdflib import URIRef

    shapes = load_shapes()
    if (None, URIRef(SH + "closed"), None) in shapes:
        raise ValueError("a closed shape (sh:closed) needs every triple of the data graph")
    return frozenset({str(x) for t in shapes for x in t if isinstance(x, URIRef)} | {RDF + "type", RDFS + "subClassOf"})


@lru_cache(maxsize=1)
def _top_shapes() -> tuple[list[str], list[str]]:
    """The shapes with targets: those without SHACL-SPARQL constraints, and those with."""
    from rdflib import URIRef

    g = load_shapes()
    sh = lambda name: URIRef(SH + name)
    tops = sorted({s for p in _TARGETS for s in g.subjects(URIRef(p), None)}, key=str)  # shape IRIs, sorted
    return (
        [str(s) for s in tops if (s, sh("sparql"), None) not in g],
        [str(s) for s in tops if (s, sh("sparql"), None) in g],
    )


@lru_cache(maxsize=1)
def _context_terms():
    term = _rdflib_term()
    return tuple((term(t.subject), term(t.predicate), term(t.object)) for t in vocabulary_context())


def _rdflib_graph(triples):
    import rdflib

    g = rdflib.Graph()
    term = _rdflib_term()
    g.addN((term(t.subject), term(t.predicate), term(t.object), g) for t in triples)
    return g


@lru_cache(maxsize=1)
def _rdflib_term():
    """A converter from pyoxigraph terms to rdflib terms that remembers IRIs (a graph repeats them often)."""
    import rdflib

    uri_ref, blank_node, literal = rdflib.URIRef, rdflib.BNode, rdflib.Literal

    @lru_cache(maxsize=65536)
    def iri(value):
        return uri_ref(value)

    def convert(term):
        if isinstance(term, ox.NamedNode):
            return iri(term.value)
        if isinstance(term, ox.BlankNode):
            return blank_node(term.value)
        if term.language:
            return literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD + "string":  # RDF 1.1: "x" and "x"^^xsd:string are one literal; rdflib keeps them apart
            return literal(term.value)
        return literal(term.value, datatype=iri(datatype))

    return convert
