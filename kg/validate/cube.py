"""The integrity constraints of the RDF Data Cube vocabulary, IC-1 to IC-21, in time linear in the observations.

The W3C recommendation states each constraint (section 11.1) as a SPARQL ASK query; IC-12 and IC-17 compare every
pair of observations of a data set. Here each is a pass over dictionaries that index the triples: IC-12 files each
observation under its data set and dimension values, IC-17 sums observations per key, each code list or hierarchy
(IC-19 to IC-21) is walked once into a set. A graph is read with the vocabulary (the structure ``fp:figureStructure``,
its code lists), normalised as in section 10: types implied by ``qb:dataSet``, ``qb:observation``, ``qb:slice``;
``qb:componentProperty`` from ``qb:dimension``, ``qb:measure``, ``qb:attribute``; values attached to data sets and
slices copied to their observations. ``?x a C`` also holds for instances of subclasses of C. An observation lacking
a dimension (IC-11) or with several values for one shares no key (IC-12, IC-17). Names, messages and severities are
in ``shapes/cube.ttl``: all Violations but IC-12's Warning, which says if the two are linked by ``fp:sameFigureAs``.

Examples
--------
>>> import pyoxigraph as ox
>>> data = '''@prefix qb: <http://purl.org/linked-data/cube#> .
... <urn:x:o1> a qb:Observation .'''
>>> [(r.shape.rsplit("#")[-1], r.focus) for r in check_cube(ox.parse(data, format=ox.RdfFormat.TURTLE))]
[('IC-1', 'urn:x:o1')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox

from kg.namespaces import FP, OWL, QB, RDF, RDFS, SKOS, XSD
from kg.validate.report import _LANGS, KGSH, SH, Result, _index, _label, _span

__all__ = ["CONSTRAINTS", "CubeGraph", "check_cube"]

#: The constraints checked, in the recommendation's order.
CONSTRAINTS = tuple(f"IC-{n}" for n in range(1, 22))

_N = ox.NamedNode
TYPE, SUBCLASS, RANGE = _N(RDF + "type"), _N(RDFS + "subClassOf"), _N(RDFS + "range")
CONCEPT, SCHEME, COLLECTION = _N(SKOS + "Concept"), _N(SKOS + "ConceptScheme"), _N(SKOS + "Collection")
IN_SCHEME, MEMBER, INVERSE = _N(SKOS + "inScheme"), _N(SKOS + "member"), _N(OWL + "inverseOf")
SAME_FIGURE = _N(FP + "sameFigureAs")
_Q = {name: _N(QB + name) for name in (
    "Observation DataSet Slice SliceKey DataStructureDefinition DimensionProperty MeasureProperty AttributeProperty "
    "HierarchicalCodeList dataSet observation slice structure component componentProperty componentRequired "
    "componentAttachment dimension measure attribute measureType sliceKey sliceStructure codeList hierarchyRoot "
    "parentChildProperty"
).split()}  # fmt: skip
_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_EMPTY: frozenset = frozenset()
_READ = {t.value for t in (TYPE, SUBCLASS, RANGE, IN_SCHEME, MEMBER, INVERSE, SAME_FIGURE)}
_NAMING = {QB + p for p in ("componentProperty", "dimension", "measure", "attribute", "parentChildProperty")}
_NAMING.add(INVERSE.value)
_UNIQUE = (("IC-1", "Observation", "dataSet"), ("IC-2", "DataSet", "structure"), ("IC-9", "Slice", "sliceStructure"))
_COMPONENT = SH + "SPARQLConstraintComponent"  # the recommendation states each constraint as a SPARQL query


class _Layer:
    """Triples indexed by (subject, predicate), (predicate, object) and predicate, normalised (section 10, phase 1).

    Only what the constraints read is kept: qb's triples, types, classes, ranges, schemes, and the properties that
    qb's triples here or in ``named`` name (components, parent-child properties and their inverses).
    """

    def __init__(self, triples=(), named: frozenset = frozenset()):
        self.sp: dict = defaultdict(set)
        self.po: dict = defaultdict(set)
        self.by_p: dict = defaultdict(list)
        triples = list(triples)
        self.names = named | {t.object.value for t in triples if t.predicate.value in _NAMING}
        keep = _READ | self.names
        for t in triples:
            if (p := t.predicate.value) in keep or p.startswith(QB):
                self.add(t.subject, t.predicate, t.object)
        implied = [(s, "Observation") for s, _ in self.by_p[_Q["dataSet"]]]
        implied += [(o, "Observation") for _, o in self.by_p[_Q["observation"]]]
        implied += [(o, "Slice") for _, o in self.by_p[_Q["slice"]]]
        for kind in ("dimension", "measure", "attribute"):
            for s, o in list(self.by_p[_Q[kind]]):
                self.add(s, _Q["componentProperty"], o)
                implied.append((o, kind.title() + "Property"))
        for node, cls in implied:
            self.add(node, TYPE, _Q[cls])

    def add(self, s, p, o) -> None:
        objects = self.sp[(s, p)]
        if o not in objects:
            objects.add(o)
            self.po[(p, o)].add(s)
            self.by_p[p].append((s, o))


@lru_cache(maxsize=1)
def _vocabulary() -> _Layer:
    """The triples of the ontology and lexicon that the constraints read: types, classes, ranges, schemes, qb."""
    from kg.resources import vocabulary_triples

    return _Layer(t for name in ("fupin.ttl", "lexicon.ttl") for t in vocabulary_triples(name))


@lru_cache(maxsize=1)
def _messages() -> dict[str, tuple[str, dict[str, str]]]:
    """Each constraint's severity and messages by language, from ``shapes/cube.ttl``."""
    from kg.resources import shapes_dir

    found: dict = defaultdict(lambda: ["Violation", {}])
    for t in ox.parse(path=shapes_dir() / "cube.ttl", format=ox.RdfFormat.TURTLE):
        name = t.subject.value.removeprefix(KGSH)
        if t.predicate.value == SH + "severity":
            found[name][0] = t.object.value.removeprefix(SH)
        elif t.predicate.value == SH + "message":
            found[name][1][_LANGS.get(t.object.language, t.object.language)] = t.object.value
    return {k: (severity, messages) for k, (severity, messages) in found.items()}


class CubeGraph:
    """One graph and the vocabulary, indexed for the constraints; :meth:`check` runs them.

    ``lookups`` counts the index reads: after :meth:`check`, a constant plus the same amount for each observation.

    Parameters
    ----------
    triples
        The data: pyoxigraph triples or quads (their graph names are ignored).
    vocabulary
        Read the ontology's and lexicon's declarations too (the structure ``fp:figureStructure``, the code lists).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> ttl = '''@prefix qb: <http://purl.org/linked-data/cube#> .
    ... <urn:x:d> a qb:DataSet .'''
    >>> cube = CubeGraph(ox.parse(ttl, format=ox.RdfFormat.TURTLE), vocabulary=False)
    >>> [(r.shape.rsplit("#")[-1], r.focus, r.severity) for r in cube.check()]
    [('IC-2', 'urn:x:d', 'Violation')]
    """

    def __init__(self, triples, vocabulary: bool = True):
        self.lookups = 0
        self._triples = list(triples)
        self._vocabulary = _vocabulary() if vocabulary else _Layer()
        self._data = _Layer(self._triples, frozenset(self._vocabulary.names))
        self._structures: dict = {}
        self._reached: dict = {}
        self._push_down()

    def objects(self, s, p) -> set | frozenset:
        """The objects of ``s p ?o`` in the data and the vocabulary."""
        self.lookups += 1
        a, b = self._vocabulary.sp.get((s, p)), self._data.sp.get((s, p))
        return (a | b if a and b else a or b) or _EMPTY

    def subjects(self, p, o) -> set | frozenset:
        """The subjects of ``?s p o`` in the data and the vocabulary."""
        self.lookups += 1
        a, b = self._vocabulary.po.get((p, o)), self._data.po.get((p, o))
        return (a | b if a and b else a or b) or _EMPTY

    def pairs(self, p) -> list:
        """Every (subject, object) of predicate ``p``."""
        return self._vocabulary.by_p.get(p, []) + self._data.by_p.get(p, [])

    def classes(self, cls) -> frozenset:
        """``cls`` and its subclasses, by ``rdfs:subClassOf`` in the data and the vocabulary."""
        return self._walk(frozenset([cls]), SUBCLASS, inverse=True)

    def is_a(self, node, cls) -> bool:
        """Whether ``node`` has type ``cls`` or a subclass of it."""
        return not self.objects(node, TYPE).isdisjoint(self.classes(cls))

    def instances(self, cls) -> set:
        """The nodes of type ``cls`` or a subclass of it."""
        return {x for c in self.classes(cls) for x in self.subjects(TYPE, c)}

    def _push_down(self) -> None:
        """Normalisation phase 2: values attached to a data set or a slice hold for each of its observations."""
        for dataset, dsd in self.pairs(_Q["structure"]):
            slices = self.objects(dataset, _Q["slice"])
            for spec in self.objects(dsd, _Q["component"]):
                attached = self.objects(spec, _Q["componentAttachment"])
                for comp in self.objects(spec, _Q["componentProperty"]):
                    sources = [(dataset, self.subjects(_Q["dataSet"], dataset))] if _Q["DataSet"] in attached else []
                    if _Q["Slice"] in attached or self.is_a(comp, _Q["DimensionProperty"]):
                        sources += [(s, self.objects(s, _Q["observation"])) for s in slices]
                    for source, observations in sources:
                        for value in self.objects(source, comp):
                            for obs in observations:
                                self._data.add(obs, comp, value)

    def check(self, graph: str | None = None) -> list[Result]:
        """Run IC-1 to IC-21; return one :class:`~kg.validate.report.Result` per finding, ``graph`` in each."""
        found: list[tuple] = []  # (constraint, focus, path, value)
        q, add = _Q, lambda *f: found.append(f)
        for ic, cls, p in _UNIQUE:
            found += [(ic, x, None, None) for x in self.instances(q[cls]) if len(self.objects(x, q[p])) != 1]
        for dsd in self.instances(q["DataStructureDefinition"]):
            if not any(self.is_a(p, q["MeasureProperty"]) for p in self._components(dsd)):
                add("IC-3", dsd, None, None)
        for dim in self.instances(q["DimensionProperty"]):
            ranges = self.objects(dim, RANGE)
            if not ranges:
                add("IC-4", dim, None, None)
            if CONCEPT in ranges and not self.objects(dim, q["codeList"]):
                add("IC-5", dim, None, None)
        for dsd, spec in self.pairs(q["component"]):
            if any(_boolean(v) is False for v in self.objects(spec, q["componentRequired"])):
                props = self.objects(spec, q["componentProperty"])
                found += [("IC-6", dsd, None, p) for p in props if not self.is_a(p, q["AttributeProperty"])]
        for key in self.instances(q["SliceKey"]):
            owners = self.subjects(q["sliceKey"], key)
            if not any(self.is_a(d, q["DataStructureDefinition"]) for d in owners):
                add("IC-7", key, None, None)
            for p in self.objects(key, q["componentProperty"]):
                found.extend(("IC-8", key, p, d) for d in owners if p not in self._components(d))
        for s, key in self.pairs(q["sliceStructure"]):
            found += [
                ("IC-10", s, d, None) for d in self.objects(key, q["componentProperty"]) if not self.objects(s, d)
            ]
        for dataset, s in self.pairs(q["slice"]):
            for obs in self.objects(s, q["observation"]):
                if dataset not in self.objects(obs, q["dataSet"]):
                    add("IC-18", obs, None, dataset)
        self._check_observations(found)
        return self._results(found, graph)

    def _components(self, dsd) -> frozenset:
        specs = self.objects(dsd, _Q["component"])
        return frozenset(p for spec in specs for p in self.objects(spec, _Q["componentProperty"]))

    def _structure(self, dsd) -> tuple:
        """(dimensions, measures, required components, uses qb:measureType) of a structure, worked out once."""
        if dsd in self._structures:
            return self._structures[dsd]
        q, comps = _Q, self._components(dsd)
        required = {
            p
            for spec in self.objects(dsd, q["component"])
            if any(_boolean(v) for v in self.objects(spec, q["componentRequired"]))
            for p in self.objects(spec, q["componentProperty"])
        }
        dims = sorted((p for p in comps if self.is_a(p, q["DimensionProperty"])), key=str)
        measures = sorted((p for p in comps if self.is_a(p, q["MeasureProperty"])), key=str)
        self._structures[dsd] = (dims, measures, sorted(required, key=str), q["measureType"] in comps)
        return self._structures[dsd]

    def _check_observations(self, found: list) -> None:
        """IC-11 to IC-17 and IC-19 to IC-21: one pass over the observations, keys in dictionaries."""
        q, add = _Q, lambda *f: found.append(f)
        leaders: dict = {}  # IC-12: (data set, dimension values) → the first observation with them
        keys: dict = {}  # observation → its IC-12 keys
        groups: dict = defaultdict(int)  # IC-17: (data set, other dimension values) → measure types there
        typed: list = []  # IC-17: (observation, key, measure count, own measure types)
        for obs in self.instances(q["Observation"]):
            for dataset in self.objects(obs, q["dataSet"]):
                for dsd in self.objects(dataset, q["structure"]):
                    dims, measures, required, by_type = self._structure(dsd)
                    values = [self.objects(obs, d) for d in dims]
                    found.extend(("IC-11", obs, d, None) for d, v in zip(dims, values) if not v)
                    found.extend(("IC-13", obs, a, None) for a in required if not self.objects(obs, a))
                    if dims and all(len(v) == 1 for v in values):
                        key = (dataset, tuple(_canonical(next(iter(v))) for v in values))
                        if key not in leaders or _order(obs) < _order(leaders[key]):
                            leaders[key] = obs
                        keys.setdefault(obs, []).append(key)
                    types = self.objects(obs, q["measureType"]) if by_type else _EMPTY
                    if not by_type:
                        found.extend(("IC-14", obs, m, None) for m in measures if not self.objects(obs, m))
                    found += [("IC-15", obs, m, None) for m in types if not self.objects(obs, m)]
                    found += [
                        ("IC-16", obs, o, None) for m in types for o in measures if o != m and self.objects(obs, o)
                    ]
                    rest = [v for d, v in zip(dims, values) if d != q["measureType"]]
                    if types and all(len(v) == 1 for v in rest):
                        group = (dataset, tuple(_canonical(next(iter(v))) for v in rest))
                        groups[group] += len(types)
                        typed.append((obs, group, len(measures), len(types)))
                    for dim in dims:
                        for lst in self.objects(dim, q["codeList"]):
                            self._check_codes(obs, dim, lst, add)
        self._duplicates(leaders, keys, add)
        counts: dict = defaultdict(int)  # IC-17 groups by observation, as the recommendation's query does
        for obs, group, n, own in typed:
            counts[(obs, n)] += own * groups[group]
        found.extend(("IC-17", obs, None, None) for (obs, n), count in counts.items() if count != n)

    def _check_codes(self, obs, dim, lst, add) -> None:
        """IC-19 (a concept scheme or collection), IC-20 and IC-21 (a hierarchical code list) for one value."""
        for v in self.objects(obs, dim):
            if self.is_a(lst, SCHEME) and not (self.is_a(v, CONCEPT) and lst in self.objects(v, IN_SCHEME)):
                add("IC-19", obs, dim, v)
            if self.is_a(lst, COLLECTION) and not (
                self.is_a(v, CONCEPT) and v in self._walk(frozenset(self.objects(lst, MEMBER)), MEMBER)  # member+
            ):
                add("IC-19", obs, dim, v)
            if self.is_a(lst, _Q["HierarchicalCodeList"]):
                roots = frozenset(self.objects(lst, _Q["hierarchyRoot"]))
                for pcp in self.objects(lst, _Q["parentChildProperty"]):
                    if isinstance(pcp, ox.NamedNode) and v not in self._walk(roots, pcp):
                        add("IC-20", obs, dim, v)
                    for p in self.objects(pcp, INVERSE) if isinstance(pcp, ox.BlankNode) else ():
                        if isinstance(p, ox.NamedNode) and v not in self._walk(roots, p, inverse=True):
                            add("IC-21", obs, dim, v)

    def _walk(self, start: frozenset, p, inverse: bool = False) -> frozenset:
        """``start`` and what is reached from it along ``p`` (or its inverse), worked out once."""
        if (start, p, inverse) not in self._reached:
            seen, todo = set(start), list(start)
            while todo:
                for y in self.subjects(p, todo.pop()) if inverse else self.objects(todo.pop(), p):
                    if y not in seen:
                        seen.add(y)
                        todo.append(y)
            self._reached[(start, p, inverse)] = frozenset(seen)
        return self._reached[(start, p, inverse)]

    def _duplicates(self, leaders: dict, keys: dict, add) -> None:
        """IC-12: each observation filed under a key whose least observation is another; linked or not."""
        parent: dict = {}

        def root(x):
            while parent.get(x, x) != x:
                parent[x] = parent.get(parent[x], parent[x])
                x = parent[x]
            return x

        for s, o in self.pairs(SAME_FIGURE):
            parent[root(s)] = root(o)
        for obs, filed in keys.items():
            for key in filed:
                first = leaders[key]
                if first != obs:
                    add("IC-12-linked" if root(obs) == root(first) else "IC-12-unlinked", obs, None, first)

    def _results(self, found: list, graph: str | None) -> list[Result]:
        about = _index(self._triples) if found else {}
        messages, out = _messages(), []
        for name, focus, path, value in dict.fromkeys(found):
            node, text = _text(focus), _text(value) if value is not None else None
            severity, texts = messages[name]
            iri = text if isinstance(value, ox.NamedNode) else None
            out.append(
                Result(severity, node, KGSH + name.removesuffix("-linked").removesuffix("-unlinked"), _COMPONENT,
                       path=path.value if path is not None else None, label=_label(about, node),
                       value=value.value if isinstance(value, ox.Literal) else text, messages=dict(texts),
                       span=_span(about, node, iri), graph=graph, value_nt=str(value) if value is not None else None)
            )  # fmt: skip
        return out


def check_cube(triples, graph: str | None = None, vocabulary: bool = True) -> list[Result]:
    """Check the Data Cube integrity constraints IC-1 to IC-21 over one graph (with the vocabulary).

    Parameters
    ----------
    triples
        The graph: pyoxigraph triples or quads.
    graph
        The named graph's IRI, kept in each result (see :attr:`~kg.validate.report.Result.graph`).
    vocabulary
        Read the ontology's and lexicon's declarations too.

    Returns
    -------
    list of Result
        One per finding, in no fixed order; shape ``kgsh:IC-n`` names the constraint.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> ttl = '''@prefix qb: <http://purl.org/linked-data/cube#> .
    ... @prefix fp: <https://w3id.org/fupin-kg/ontology#> .
    ... <urn:x:d> a qb:DataSet ; qb:structure fp:figureStructure .
    ... <urn:x:o> qb:dataSet <urn:x:d> .'''
    >>> sorted({r.shape.rsplit("#")[-1] for r in check_cube(ox.parse(ttl, format=ox.RdfFormat.TURTLE))})
    ['IC-11', 'IC-13', 'IC-14']
    """
    return CubeGraph(triples, vocabulary).check(graph)


def _boolean(term) -> bool | None:
    is_boolean = isinstance(term, ox.Literal) and term.datatype.value == XSD + "boolean"
    return {"true": True, "1": True, "false": False, "0": False}.get(term.value) if is_boolean else None


def _canonical(term):
    """A dimension value as compared for equality: numbers by value, other terms as themselves."""
    number = isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC and _NUMBER.fullmatch(term.value)
    return Decimal(term.value) if number else term


def _order(term) -> tuple:
    """A node's place in reading order: numbers in its name compare as numbers (figure/555-558 before 1307-1312)."""
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"(\d+)", _text(term)))


def _text(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value
