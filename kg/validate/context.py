"""What pySHACL is given: the shapes graph, the vocabulary context, and each data graph as rdflib terms.

:func:`load_shapes` reads the shapes files (:data:`SHAPES_FILES`) once per process and :func:`vocabulary_context`
the triples of the ontology and lexicon that the shapes read in the data graph (the class hierarchy, the classes of
individuals, scheme membership). The rest serves :mod:`kg.validate.engine`: the shapes graph with only some shapes
targeting, the predicates any shape names (a core shape sees no other triple), pyoxigraph terms as rdflib terms, and
a faster lookup of pySHACL's constraint parameters.

Examples
--------
>>> len(SHAPES_FILES), SHAPES_FILES[0]
(4, 'core.ttl')
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.namespaces import OWL, RDF, RDFS, SKOS, XSD
from kg.validate.report import SH

if TYPE_CHECKING:
    import rdflib

__all__ = ["SHAPES_FILES", "load_shapes", "vocabulary_context"]

#: The shapes files, most severe first.
SHAPES_FILES = ("core.ttl", "vocabularies.ttl", "recommended.ttl", "info.ttl")

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
    >>> from kg.validate.report import KGSH
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
