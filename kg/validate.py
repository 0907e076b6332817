"""Stage 4, validate: the SHACL shapes in ``shapes/`` over the built graph.

Each named graph (one per article) is validated on its own, together with the
vocabulary context (the ontology's class hierarchy and individuals, the lexicon's
schemes), and graphs are spread over processes. pySHACL runs the core shapes over
an rdflib graph and the SHACL-SPARQL shapes over a pyoxigraph store, where the
queries run in Oxigraph. The responsibility chains, which may cross articles, are
then checked once more over the union of the graphs when they share a node.

>>> from kg.pipeline import build_articles
>>> from kg.resources import bundled_article
>>> report = validate(build_articles([bundled_article()]))
>>> report.conforms, report.counts["Violation"]
(True, 0)
"""

from __future__ import annotations

import gc
import json
import os
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from multiprocessing import get_context

import pyoxigraph as ox

from .namespaces import FP, NIF, OWL, PREFIXES, PROV, RDF, RDFS, SKOS

__all__ = ["Result", "Report", "validate", "load_shapes", "vocabulary_context", "SHAPES_FILES", "SEVERITIES"]

SH = "http://www.w3.org/ns/shacl#"
KGSH = "https://w3id.org/fupin-kg/shapes#"
DCT_TITLE = "http://purl.org/dc/terms/title"

#: The shapes files, most severe first.
SHAPES_FILES = ("core.ttl", "vocabularies.ttl", "recommended.ttl", "info.ttl")
SEVERITIES = ("Violation", "Warning", "Info")

#: Shapes whose constraints follow edges that may cross articles; they are run once more over the union.
CROSS_GRAPH_SHAPES = (KGSH + "Responsibility_Shape", KGSH + "ResponsibilityNetwork_Shape")
#: The predicates those shapes follow.
RESPONSIBILITY_PREDICATES = tuple(FP + p for p in ("subordinateTo", "coordinatedBy", "dispatchedBy", "followsRequirementsOf"))

#: What the vocabulary context takes from the ontology and lexicon files: the class hierarchy, the classes of
#: individuals and concepts (closed lists, roles), scheme membership; not the declarations every term has.
_CONTEXT_PREDICATES = {RDFS + "subClassOf", RDF + "type", SKOS + "inScheme"}
_CONTEXT_SKIPPED_TYPES = {OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty", RDF + "Property",
                          OWL + "Ontology", OWL + "NamedIndividual", SKOS + "Concept", SKOS + "ConceptScheme"}


@dataclass(frozen=True)
class Result:
    """One validation result, in plain values (picklable, JSON-ready)."""

    severity: str
    focus: str
    shape: str
    component: str
    path: str | None = None
    value: str | None = None
    label: str | None = None
    messages: dict = field(default_factory=dict, compare=False, hash=False)
    span: tuple | None = None  # (begin, end, quoted text)
    graph: str | None = None
    value_nt: str | None = field(default=None, compare=False)  # the value as an N-Triples term

    @property
    def value_term(self):
        if self.value_nt is None:
            return None
        return next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {self.value_nt} .", format=ox.RdfFormat.N_TRIPLES))).object

    @property
    def key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.graph or "", self.focus, self.shape, self.component, self.path or "", self.value or "")

    def message(self, lang: str = "en") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")


@dataclass
class Report:
    """What :func:`validate` returns: the results, and the report as text, JSON or RDF."""

    results: list[Result]
    triples: int
    graphs: int

    @property
    def counts(self) -> Counter:
        return Counter(r.severity for r in self.results)

    @property
    def conforms(self) -> bool:
        """No Violation. Warnings and Info are reported but do not stop a build."""
        return not self.counts["Violation"]

    def text(self, lang: str = "en") -> str:
        c = self.counts
        head = (f"{'Conforms' if self.conforms else 'Does not conform'}: {c['Violation']} violations, "
                f"{c['Warning']} warnings, {c['Info']} info ({self.triples} triples in {self.graphs} graphs)")
        lines = [head]
        for r in self.results:
            who = f"{r.label} <{r.focus}>" if r.label else f"<{r.focus}>"
            lines.append(f"\n{r.severity}: {who}")
            detail = [f"shape {_compact(r.shape)}"]
            if r.path:
                detail.append(f"path {_compact(r.path)}")
            if r.value is not None:
                detail.append(f"value {r.value}")
            lines.append("  " + " · ".join(detail))
            lines.append(f"  {r.message(lang)}")
            if r.span:
                lines.append(f"  text [{r.span[0]}, {r.span[1]}): {r.span[2]}")
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps({"conforms": self.conforms, "counts": {s: self.counts[s] for s in SEVERITIES},
                           "triples": self.triples, "graphs": self.graphs,
                           "results": [asdict(r) for r in self.results]}, ensure_ascii=False, indent=2)

    def to_turtle(self) -> bytes:
        """The report as a ``sh:ValidationReport`` graph; same results, same bytes."""
        n, lit = ox.NamedNode, ox.Literal
        report = ox.BlankNode("report")
        out = [ox.Triple(report, n(RDF + "type"), n(SH + "ValidationReport")),
               ox.Triple(report, n(SH + "conforms"), lit("true" if self.conforms else "false", datatype=n(_XSD_BOOLEAN)))]
        for i, r in enumerate(self.results, 1):
            node = ox.BlankNode(f"result{i:05d}")
            out += [ox.Triple(report, n(SH + "result"), node),
                    ox.Triple(node, n(RDF + "type"), n(SH + "ValidationResult")),
                    ox.Triple(node, n(SH + "resultSeverity"), n(SH + r.severity)),
                    ox.Triple(node, n(SH + "focusNode"), _term(r.focus)),
                    ox.Triple(node, n(SH + "sourceShape"), _term(r.shape)),
                    ox.Triple(node, n(SH + "sourceConstraintComponent"), n(r.component))]
            if r.path:
                out.append(ox.Triple(node, n(SH + "resultPath"), n(r.path)))
            if r.value_nt is not None:
                out.append(ox.Triple(node, n(SH + "value"), r.value_term))
            out += [ox.Triple(node, n(SH + "resultMessage"), lit(text, language=lang)) for lang, text in sorted(r.messages.items())]
        prefixes = {"sh": SH, "kgsh": KGSH, **PREFIXES}
        out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return ox.serialize(out, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(text: str):
    return ox.BlankNode(text[2:]) if text.startswith("_:") else ox.NamedNode(text)


def _compact(iri: str) -> str:
    for p, ns in {"kgsh": KGSH, "sh": SH, **PREFIXES}.items():
        if iri.startswith(ns):
            return f"{p}:{iri[len(ns):]}"
    return f"<{iri}>"


# -- Shapes and context ------------------------------------------------------------------------------------------

@lru_cache(maxsize=2)
def load_shapes(directory: str | None = None):
    """The shapes graph: every file of :data:`SHAPES_FILES`, as one rdflib graph.

    Raises
    ------
    ParseError
        A shapes file is not valid Turtle.
    """
    import rdflib

    from .errors import ParseError
    from .resources import shapes_dir

    base = shapes_dir() if directory is None else directory
    g = rdflib.Graph()
    for name in SHAPES_FILES:
        path = os.path.join(base, name)
        try:
            g.parse(path, format="turtle")
        except Exception as e:  # rdflib raises several unrelated types for syntax errors
            raise ParseError(path, f"not valid Turtle: {e}") from None
    return g


@lru_cache(maxsize=1)
def vocabulary_context() -> tuple[ox.Triple, ...]:
    """The triples of the ontology and lexicon that SHACL needs in the data graph.

    ``sh:class`` and ``sh:targetClass`` read ``rdfs:subClassOf`` from the data graph,
    and the closed lists are the ontology's individuals and the lexicon's schemes.
    """
    from .resources import ontology_path

    keep = []
    for name in ("fupin.ttl", "lexicon.ttl"):
        for t in ox.parse(path=ontology_path(name), format=ox.RdfFormat.TURTLE):
            if t.predicate.value in _CONTEXT_PREDICATES and t.object.value not in _CONTEXT_SKIPPED_TYPES:
                keep.append(t)
    return tuple(keep)


# -- Validation --------------------------------------------------------------------------------------------------

def validate(quads, jobs: int | None = None) -> Report:
    """Validate quads (one named graph per article) against the shapes.

    Parameters
    ----------
    quads
        Iterable of :class:`pyoxigraph.Quad` (or :class:`pyoxigraph.Triple`, taken as one graph).
    jobs
        Processes to spread the graphs over; default: the CPU count. ``1`` validates in this process.

    Returns
    -------
    Report
        ``conforms`` is false when any result is a Violation.
    """
    graphs: dict[str, list] = defaultdict(list)
    default = ox.DefaultGraph()
    for q in quads:
        if isinstance(q, ox.Quad):
            graphs["" if q.graph_name == default else q.graph_name.value].append(q.triple)
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

    shape.CONSTRAINT_PARAMS = (_ParameterList(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def _validate_graph(graph: str | None, triples: list, use_shapes=None) -> list[Result]:
    """Run pySHACL over one graph's triples plus the vocabulary context.

    Shapes with SHACL-SPARQL constraints run over a pyoxigraph store, where pySHACL hands the queries to
    Oxigraph; the others over an rdflib graph, where pySHACL's core checks are fastest.
    """
    import pyshacl

    _fast_parameter_lookup()
    # pySHACL makes many short-lived objects; with the cycle collector off for the graph's duration it runs about a
    # third faster. What it leaves behind is collected when the collector is back on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_pyshacl(pyshacl, graph, triples, use_shapes)
    finally:
        if collecting:
            gc.enable()


def _run_pyshacl(pyshacl, graph, triples: list, use_shapes) -> list[Result]:
    core, sparql = _top_shapes()
    if use_shapes is not None:
        core, sparql = [s for s in core if s in use_shapes], [s for s in sparql if s in use_shapes]
    options = dict(inference=None, allow_warnings=True, allow_infos=True)
    used = _shape_predicates()
    data = _rdflib_graph([t for t in triples if t.predicate.value in used])
    data.addN((s, p, o, data) for s, p, o in _context_terms())
    found = []
    if core:
        found += _results(pyshacl.validate(data, shacl_graph=_shapes_for(frozenset(core)), inplace=True, **options)[1], triples, graph)
    if sparql:
        store = ox.Store()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)  # needs no context
        found += _results(pyshacl.validate(store, shacl_graph=_shapes_for(frozenset(sparql)), **options)[1], triples, graph)
    return found


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
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    tops = sorted({s for p in _TARGETS for s in g.subjects(URIRef(p), None)})
    return ([str(s) for s in tops if (s, sh("sparql"), None) not in g], [str(s) for s in tops if (s, sh("sparql"), None) in g])


@lru_cache(maxsize=1)
def _context_terms():
    return tuple(tuple(_to_rdflib(x) for x in (t.subject, t.predicate, t.object)) for t in vocabulary_context())


def _rdflib_graph(triples):
    import rdflib

    g = rdflib.Graph()
    term = _rdflib_term()
    g.addN((term(t.subject), term(t.predicate), term(t.object), g) for t in triples)
    return g


def _to_rdflib(t):
    return _rdflib_term()(t)


@lru_cache(maxsize=1)
def _rdflib_term():
    """A converter from pyoxigraph terms to rdflib terms that remembers IRIs (a graph repeats them often)."""
    import rdflib

    URIRef, BNode, Literal = rdflib.URIRef, rdflib.BNode, rdflib.Literal

    @lru_cache(maxsize=65536)
    def iri(value):
        return URIRef(value)

    def convert(term):
        if isinstance(term, ox.NamedNode):
            return iri(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:  # RDF 1.1: "x" and "x"^^xsd:string are one literal; rdflib keeps them apart
            return Literal(term.value)
        return Literal(term.value, datatype=iri(datatype))

    return convert


def _results(report, triples: list, graph: str | None) -> list[Result]:
    """Plain results from a pySHACL report, with the label and article text of each focus node from ``triples``."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SH as SHNS

    nodes = list(report.objects(None, SHNS.result))
    about = _index(triples) if nodes else {}
    out = []
    for node in nodes:
        get = lambda p: report.value(node, p)  # noqa: E731
        focus, value, path = get(SHNS.focusNode), get(SHNS.value), get(SHNS.resultPath)
        messages = {}
        for m in sorted(report.objects(node, SHNS.resultMessage)):
            lang = _LANGS.get((m.language or "en").lower(), m.language or "en")
            messages.setdefault(lang, str(m))
        out.append(Result(
            severity=str(get(SHNS.resultSeverity)).rsplit("#", 1)[-1],
            focus=_n3(focus), shape=_n3(get(SHNS.sourceShape)), component=str(get(SHNS.sourceConstraintComponent)),
            path=str(path) if isinstance(path, URIRef) else None,
            value=(str(value) if isinstance(value, Literal) else _n3(value)) if value is not None else None,
            value_nt=value.n3() if value is not None else None,
            label=_label(about, str(focus)), messages=messages,
            span=_span(about, str(focus), str(value) if isinstance(value, URIRef) else None), graph=graph,
        ))
    return out


_LANGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def _index(triples) -> dict:
    """subject IRI → predicate IRI → objects (pyoxigraph terms), for the few lookups a report needs."""
    about: dict = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            about[t.subject.value][t.predicate.value].append(t.object)
    return about


def _n3(term) -> str:
    from rdflib import BNode

    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _label(about, node: str) -> str | None:
    """The node's name for a reader: a Traditional label, else any label, title or printed form."""
    props = about.get(node, {})
    for p in (RDFS + "label", SKOS + "prefLabel", DCT_TITLE, FP + "printed"):
        found = {(o.language or "").lower(): o.value for o in sorted(props.get(p, []), key=str)}
        if found:
            return found.get("zh-hant") or found.get("zh-hans") or next(iter(sorted(found.items())))[1]
    return None


def _span(about, focus: str, value: str | None) -> tuple | None:
    """The article text behind a result: the value if it is a span, else the focus node's evidence or first mention."""
    for node in (value, focus):
        if node is not None and NIF + "anchorOf" in about.get(node, {}):
            return _span_of(about, node)
    for p in (PROV + "wasDerivedFrom", FP + "mentionedAt"):
        for s in sorted(o.value for o in about.get(focus, {}).get(p, []) if isinstance(o, ox.NamedNode)):
            if NIF + "anchorOf" in about.get(s, {}):
                return _span_of(about, s)
    return None


def _span_of(about, node: str) -> tuple:
    b, e, a = (next(iter(about[node].get(NIF + x, [])), None) for x in ("beginIndex", "endIndex", "anchorOf"))
    return (_int(b), _int(e), a.value if a is not None else None)


def _int(term):
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        return term.value
