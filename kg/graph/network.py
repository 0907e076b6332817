"""The graph as a network: a networkx ``MultiDiGraph`` of the RDF graph, and its responsibility view.

``kg export`` writes them as GraphML, GEXF or JSON, ``kg chain`` walks the view, :mod:`kg.graph.draw` draws it.
:func:`network` keeps every triple; :func:`responsibility_view` only who answers to whom and the nodes they join.

Nodes are keyed by IRI (blank nodes by ``_:id``) and carry ``type``, the CURIEs of their ``rdf:type`` classes
(sorted, separated by spaces); ``label@zh-Hant``, ``label@zh-Hans``, ``label@en``, their ``rdfs:label`` or
``skos:prefLabel`` in each language (from the lexicon and ontology for concepts the data only refers to), and
``label``, the Traditional one (or the first there is) for tools that show one label; ``span`` and ``text``, the
text span a fact derives from (``prov:wasDerivedFrom``) and its words; and one attribute per other literal, keyed
by the predicate's CURIE, with ``@lang`` for language-tagged strings (``fp:count`` 25, ``dct:title@zh-hant`` …);
several values of one key are joined by a line break.

Every triple whose object is an IRI or blank node, except ``rdf:type``, is an edge keyed by the predicate's
CURIE and carrying ``predicate`` (the IRI), ``relation`` (the CURIE), ``graph`` (the named graph) and, where a
``fp:Statement`` reifies it, ``basis`` (explicit, implicit or background) and the span that states it (``span``,
``begin``, ``end``, ``text``; for background statements ``span`` is their source, the gazetteer); the statement
nodes themselves are folded into those attributes. Edges of the responsibility view also carry ``direction``:
up, down or attached, as the ontology's ``fp:responsibilityView`` annotation declares for their predicate.
Nothing else is left out: every triple is an edge, a node attribute, a type, or part of a folded statement.

Examples
--------
The bundled article assigns the first secretary *down*; the edge's text is the article's text at its offsets:

>>> from kg.corpus import read_inputs
>>> from kg.ingest import read_article
>>> from kg.resources import bundled_article
>>> view = responsibility_view(read_inputs([bundled_article()]))
>>> role = "https://w3id.org/fupin-kg/lexicon/role-first-secretary"
>>> edge = next(e for _, _, key, e in view.out_edges(role, keys=True, data=True) if key == "fp:assignedTo")
>>> edge["direction"], edge["text"] == read_article(bundled_article()).text[edge["begin"] : edge["end"]]
('down', True)
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.collector import collector_paused
from kg.formats import LANGUAGES, NetworkFormat
from kg.namespaces import FP, NIF, PROV, RDF, RDFS, SKOS, curie, expand_curie
from kg.terms import python_value

__all__ = [
    "display_label",
    "network",
    "property_label",
    "responsibility_view",
    "serialize_network",
    "superclasses",
    "view_directions",
]

_LANGUAGE_TAGS = {**{lang.lower(): lang for lang in LANGUAGES}, **{lang: lang for lang in LANGUAGES}}
_LABELS = (SKOS + "prefLabel", RDFS + "label")
_TYPE = RDF + "type"
_DERIVED_FROM = PROV + "wasDerivedFrom"
_SPAN = {NIF + "beginIndex": "begin", NIF + "endIndex": "end", NIF + "anchorOf": "text"}
#: The literals a responsibility view keeps on its nodes (the full network keeps all of them).
_VIEW_LITERALS = frozenset(_LABELS) | frozenset(_SPAN) | {FP + "count"}
#: What a responsibility view reads besides the view's own predicates.
_VIEW_PREDICATES = (
    frozenset({_TYPE, RDF + "subject", RDF + "predicate", RDF + "object", FP + "basis", _DERIVED_FROM}) | _VIEW_LITERALS
)
_DIRECTIONS = {FP + "Upward": "up", FP + "Downward": "down", FP + "Attached": "attached"}
_VOCABULARY = ("fupin.ttl", "lexicon.ttl", "gazetteer.ttl")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict, dict, dict, dict]:
    """Labels, types, view directions and superclasses declared by the ontology, lexicon and gazetteer."""
    from kg.resources import vocabulary_triples

    labels: dict[str, dict[str, str]] = defaultdict(dict)
    types: dict[str, set[str]] = defaultdict(set)
    directions: dict[str, str] = {}
    parents: dict[str, set[str]] = defaultdict(set)
    for name in _VOCABULARY:
        for t in vocabulary_triples(name):
            p, o = t.predicate.value, t.object
            if p in _LABELS and isinstance(o, ox.Literal) and o.language and o.language.lower() in _LANGUAGE_TAGS:
                labels[t.subject.value].setdefault(_LANGUAGE_TAGS[o.language.lower()], o.value)
            elif p == _TYPE:
                types[t.subject.value].add(o.value)
            elif p == FP + "responsibilityView":
                directions[t.subject.value] = _DIRECTIONS[o.value]
            elif p == RDFS + "subClassOf" and isinstance(o, ox.NamedNode):
                parents[t.subject.value].add(o.value)
    return dict(labels), dict(types), directions, dict(parents)


def superclasses(cls: str) -> set[str]:
    """``cls`` and every class the ontology says it is a subclass of, as CURIEs if ``cls`` is one, else as IRIs.

    Examples
    --------
    >>> sorted(superclasses("fp:FinanceBureau"))
    ['fp:FinanceBureau', 'fp:GovernmentDepartment', 'org:Organization', 'org:OrganizationalUnit']
    """
    parents = _vocabulary()[3]
    iri = expand_curie(cls)
    seen, todo = {iri}, [iri]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return {curie(c) for c in seen} if iri != cls else seen


def view_directions() -> dict[str, str]:
    """The predicates of the responsibility view (IRIs) and their direction: up, down or attached, from the ontology.

    Examples
    --------
    >>> view_directions()["https://w3id.org/fupin-kg/ontology#coordinatedBy"]
    'up'
    """
    return dict(_vocabulary()[2])


def property_label(predicate: str, lang: str = "zh-Hant") -> str:
    """The ontology's label of a property in ``lang`` (zh-Hant, zh-Hans or en), or its CURIE.

    Examples
    --------
    >>> fp = "https://w3id.org/fupin-kg/ontology#"
    >>> property_label(fp + "coordinatedBy"), property_label(fp + "coordinatedBy", "en"), property_label(fp + "x")
    ('由…統籌', 'coordinated by', 'fp:x')
    """
    return _vocabulary()[0].get(predicate, {}).get(lang) or curie(predicate)


def display_label(attrs: dict[str, Any], lang: str = "zh-Hant", fallback: str = "") -> str:
    """A node's label (``attrs``: its attributes) in ``lang``, else another, else its span's words, else ``fallback``.

    Examples
    --------
    >>> display_label({"label@en": "first secretary", "label@zh-Hant": "第一書記"}), display_label({}, fallback="lex:x")
    ('第一書記', 'lex:x')
    """
    for key in (lang, *LANGUAGES):
        if attrs.get(f"label@{key}"):
            return attrs[f"label@{key}"]
    return attrs.get("text") or fallback


def network(quads: Iterable[ox.Quad]) -> nx.MultiDiGraph:
    """Every triple of ``quads`` as a node attribute or an edge of a network (the module's description says which).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> ex, fp = "https://w3id.org/fupin-kg/id/org/", "https://w3id.org/fupin-kg/ontology#"
    >>> role, group = ox.NamedNode(ex + "role"), ox.NamedNode(ex + "group")
    >>> net = network([ox.Quad(role, ox.NamedNode(fp + "coordinatedBy"), group),
    ...                ox.Quad(group, ox.NamedNode(fp + "count"), ox.Literal(3))])
    >>> net.nodes[group.value], list(net.edges(keys=True, data="direction"))
    ({'fp:count': 3}, [('https://w3id.org/fupin-kg/id/org/role', 'https://w3id.org/fupin-kg/id/org/group',
      'fp:coordinatedBy', 'up')])
    """
    with collector_paused():
        return _Assembly(_by_predicate(quads, None), view=False).graph()


def responsibility_view(quads: Iterable[ox.Quad]) -> nx.MultiDiGraph:
    """Only the edges of the responsibility view, the nodes they join, and those nodes' types, labels, counts and spans.

    Examples
    --------
    >>> from kg.corpus import read_inputs
    >>> from kg.resources import bundled_article
    >>> quads = read_inputs([bundled_article()])
    >>> view, full = responsibility_view(quads), network(quads)
    >>> set(view.edges(keys=True)) == {e for e in full.edges(keys=True) if "direction" in full.edges[e]}
    True
    """
    with collector_paused():
        return _Assembly(_by_predicate(quads, view_directions().keys() | _VIEW_PREDICATES), view=True).graph()


def _by_predicate(quads, keep) -> dict[str, list]:
    """The quads grouped by predicate IRI; only those whose predicate is in ``keep``, unless it is None."""
    groups: dict = defaultdict(list)
    if keep is None:
        for q in quads:
            groups[q.predicate].append(q)
    else:
        wanted = {ox.NamedNode(p) for p in keep}
        for q in quads:
            p = q.predicate
            if p in wanted:
                groups[p].append(q)
    return {p.value: qs for p, qs in groups.items()}


def _key(term) -> str:
    return "_:" + term.value if type(term) is ox.BlankNode else term.value


class _Assembly:
    """From quads grouped by predicate to the graph: statements folded into the edges they state.

    Works on pyoxigraph terms (hashed natively) and turns into strings only what the graph keeps; every
    ``q.subject`` makes a new Python object, so each quad is looked at as few times as possible.
    """

    def __init__(self, groups: dict[str, list], view: bool):
        self.groups, self.view = groups, view
        self.directions = view_directions()

    def _map(self, predicate: str) -> dict:
        return {q.subject: q.object for q in self.groups.get(predicate, ())}

    def graph(self) -> nx.MultiDiGraph:
        groups = self.groups
        statement_class = ox.NamedNode(FP + "Statement")
        typed = {q.subject for q in groups.get(_TYPE, ()) if q.object == statement_class}
        predicates, objects = self._map(RDF + "predicate"), self._map(RDF + "object")
        statements: dict[tuple, ox.NamedNode] = {}  # (s, p, o, graph) -> the statement that states it
        for q in groups.get(RDF + "subject", ()):
            st = q.subject
            if st in typed and st in predicates and st in objects:
                quad = (q.object, predicates[st], objects[st], q.graph_name)
                if quad not in statements or st.value < statements[quad].value:
                    statements[quad] = st
        links = [
            (q.subject, q.predicate, q.object, q.graph_name)
            for p in sorted(groups)
            if p != _TYPE and (not self.view or p in self.directions)
            for q in groups[p]
            if type(q.object) is not ox.Literal
        ]
        folded: set = set()
        if not self.view:  # a statement is folded into the edge it states; the view never has one as a subject
            stated = set(links)
            folded = {st for quad, st in statements.items() if quad in stated}
            links = [link for link in links if link[0] not in folded]
        nodes = {link[0] for link in links} | {link[2] for link in links}
        if not self.view:
            nodes |= {q.subject for qs in groups.values() for q in qs}
            nodes -= folded
        cited = nodes | set(statements.values())
        derived = {q.subject: q.object for q in groups.get(_DERIVED_FROM, ()) if q.subject in cited}
        spans = self._span_attributes(set(derived.values()))
        names = {node: _key(node) for node in nodes}

        g = nx.MultiDiGraph()
        attributes = self._node_attributes(nodes, names)
        for node, name in sorted(names.items(), key=lambda item: item[1]):
            attrs = attributes[node]
            if node in derived:
                attrs.update(spans[derived[node]])
            g.add_node(name, **attrs)

        graph_names = {
            graph: ("" if type(graph) is ox.DefaultGraph else _key(graph)) for graph in {link[3] for link in links}
        }
        predicate_names = {p: p.value for p in {link[1] for link in links}}
        rows = sorted(
            (names[s], predicate_names[p], names[o], graph_names[graph], statements.get((s, p, o, graph)))
            for s, p, o, graph in links
        )
        basis = {st: b.value.rsplit("#", 1)[-1].lower() for st, b in self._map(FP + "basis").items()}
        edges, previous, n = [], None, 1
        for s, p, o, graph, st in rows:
            relation = curie(p)
            n = n + 1 if previous == (s, p, o) else 1
            previous = (s, p, o)
            attrs = {"predicate": p, "relation": relation}
            if graph:
                attrs["graph"] = graph
            if p in self.directions:
                attrs["direction"] = self.directions[p]
            if st is not None:
                if st in basis:
                    attrs["basis"] = basis[st]
                if st in derived:
                    attrs.update(spans[derived[st]])
            edges.append((s, o, relation if n == 1 else f"{relation}#{n}", attrs))
        g.add_edges_from(edges)
        return g

    def _span_attributes(self, spans: set) -> dict:
        """``span``, ``begin``, ``end`` and ``text`` of each span node."""
        out: dict[Any, dict[str, Any]] = {span: {"span": _key(span)} for span in spans}
        for predicate, name in _SPAN.items():
            for q in self.groups.get(predicate, ()):
                s = q.subject
                if s in out:
                    o = q.object
                    if type(o) is ox.Literal:
                        out[s][name] = python_value(o)
        return out

    def _node_attributes(self, nodes: set, names: dict) -> dict:
        """Type, labels and (the full network: all; the view: fp:count) literal attributes of ``nodes``."""
        vocab_labels, vocab_types = _vocabulary()[:2]
        types: dict = defaultdict(list)
        for q in self.groups.get(_TYPE, ()):
            s = q.subject
            if s in nodes:
                types[s].append(q.object.value)
        labels: dict = defaultdict(dict)
        other: dict = defaultdict(dict)
        for p in sorted(self.groups):
            if p == _TYPE or (self.view and p not in _VIEW_LITERALS):
                continue
            is_label, name = p in _LABELS, curie(p)
            for q in self.groups[p]:
                s = q.subject
                if s not in nodes:
                    continue
                o = q.object
                if type(o) is not ox.Literal:
                    continue
                lang = o.language
                tag = _LANGUAGE_TAGS.get(lang) if lang else None
                if is_label and tag and tag not in labels[s]:
                    labels[s][tag] = o.value
                elif not self.view or p == FP + "count":
                    other[s].setdefault(f"{name}@{lang}" if lang else name, []).append(python_value(o))
        out = {}
        for node in nodes:
            name = names[node]
            attrs: dict = {}
            node_types = types.get(node) or vocab_types.get(name)
            if node_types:
                attrs["type"] = " ".join(sorted({curie(t) for t in node_types}))
            found, known = labels.get(node, {}), vocab_labels.get(name, {})
            for lang in LANGUAGES:
                value = found.get(lang) or known.get(lang)
                if value:
                    attrs[f"label@{lang}"] = value
            if len(attrs) > ("type" in attrs):
                attrs["label"] = display_label(attrs)
            for key, values in sorted(other.get(node, {}).items()):
                attrs[key] = values[0] if len(values) == 1 else "\n".join(sorted(str(v) for v in values))
            out[node] = attrs
        return out


# -- Serialisation -------------------------------------------------------------------------------------------------


def serialize_network(g: nx.MultiDiGraph, fmt: NetworkFormat) -> bytes:
    """GraphML, GEXF or node-link JSON (``networkx.node_link_graph(data, edges="edges")`` reads it back; D3 takes it).

    Nodes and edges are written sorted, so the same graph always gives the same bytes.

    Examples
    --------
    >>> from kg.formats import NetworkFormat
    >>> g = nx.MultiDiGraph([("a", "b", {"direction": "up"})])
    >>> serialize_network(g, NetworkFormat.JSON).decode().count('"direction": "up"')
    1
    >>> serialize_network(g, NetworkFormat.GRAPHML).startswith(b"<?xml")
    True
    """
    if fmt is NetworkFormat.JSON:
        data = nx.node_link_data(g, edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    g = _uniform_attribute_types(g)
    buf = io.BytesIO()
    if fmt is NetworkFormat.GRAPHML:
        nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _uniform_attribute_types(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF declare one type per attribute: integers that share a key with decimals become floats,
    anything that shares a key with text becomes text."""

    def unify(items):
        kinds = defaultdict(set)
        for _, data in items:
            for k, v in data.items():
                kinds[k].add(type(v))
        for _, data in items:
            for k, v in data.items():
                if str in kinds[k] and not isinstance(v, str):
                    data[k] = str(v)
                elif float in kinds[k] and type(v) is int:
                    data[k] = float(v)

    g = g.copy()
    unify(list(g.nodes(data=True)))
    unify([(None, d) for _, _, d in g.edges(data=True)])
    return g
