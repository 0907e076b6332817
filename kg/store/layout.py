"""How the graph is laid out in a triple store: graph name → triples.

Each article's triples stay in the article's named graph; each vocabulary file
(the ontology, the lexicon, the gazetteer, the repair table) goes into a graph of
its own, named by the ``owl:Ontology`` the file declares. ``graph=`` puts every
data triple into one graph instead (what ``kg load --graph`` does).

>>> import pyoxigraph as ox
>>> g = ox.NamedNode("https://example.org/article/1")
>>> q = ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p"), ox.Literal("1"), g)
>>> layout = store_layout([q])
>>> [name.value.rsplit("/", 1)[-1] for name in layout]
['1', 'ontology', 'lexicon', 'gazetteer', 'repairs']
>>> [name.value for name in store_layout([q], graph=ox.NamedNode("https://example.org/g"), vocabulary=())]
['https://example.org/g']
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from kg.namespaces import OWL, RDF
from kg.resources import VOCABULARY_FILES, vocabulary_triples

__all__ = ["GraphName", "store_layout", "vocabulary_graph", "vocabulary_graphs", "count_triples"]

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


@cache
def vocabulary_graph(name: str) -> ox.NamedNode:
    """The graph a vocabulary file goes into: the IRI of the ``owl:Ontology`` it declares."""
    for t in vocabulary_triples(name):
        if t.predicate.value == RDF + "type" and t.object == ox.NamedNode(OWL + "Ontology"):
            return t.subject
    raise ValueError(f"{name} declares no owl:Ontology")


def vocabulary_graphs(vocabulary=VOCABULARY_FILES) -> set[ox.NamedNode]:
    return {vocabulary_graph(name) for name in vocabulary}


def store_layout(
    quads, *, graph: GraphName | None = None, vocabulary=VOCABULARY_FILES
) -> dict[GraphName, list[ox.Quad]]:
    """Group ``quads`` by the graph they go into (``graph`` for all of them, if given), then add the
    ``vocabulary`` files, each in its own graph. Graphs keep the order they first appear in; a triple repeated
    in one graph is kept once."""
    layout: dict[GraphName, list[ox.Quad]] = {}
    for q in quads:
        target = q.graph_name if graph is None else graph
        layout.setdefault(target, []).append(
            q if q.graph_name == target else ox.Quad(q.subject, q.predicate, q.object, target)
        )
    for name in vocabulary:
        target = vocabulary_graph(name)
        layout[target] = [ox.Quad(t.subject, t.predicate, t.object, target) for t in vocabulary_triples(name)]
    return {target: list(dict.fromkeys(graph_quads)) for target, graph_quads in layout.items()}


def count_triples(quads) -> int:
    """Distinct triples, whatever graph they are in (what an export in a triple format holds)."""
    return len({q.triple for q in quads})
