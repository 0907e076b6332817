"""How the knowledge graph is laid out in a triple store: which named graph each triple goes into.

Each article's triples stay in the article's own named graph. Each vocabulary file that ships with the package
(the ontology, the lexicon, the gazetteer, the repair table) goes into a graph of its own, named by the IRI of
the ``owl:Ontology`` the file declares. Passing ``graph=`` puts every data triple into that one graph instead
(what ``kg load --graph`` does). The embedded store, remote stores and in-memory query stores all use this
layout, so a query sees the same graphs wherever it runs.

Examples
--------
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

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from kg.namespaces import OWL, RDF
from kg.resources import VOCABULARY_FILES, vocabulary_triples

__all__ = ["GraphName", "store_layout", "vocabulary_graph", "vocabulary_graphs", "count_triples"]

#: The name of a graph in a store: an IRI, a blank node, or the default graph.
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


@cache
def vocabulary_graph(name: str) -> ox.NamedNode:
    """The graph a shipped vocabulary file goes into: the IRI of the ``owl:Ontology`` the file declares.

    Parameters
    ----------
    name
        The file name of a vocabulary file, one of :data:`kg.resources.VOCABULARY_FILES`.

    Returns
    -------
    pyoxigraph.NamedNode
        The IRI of the file's ``owl:Ontology``.

    Raises
    ------
    ValueError
        The file declares no ``owl:Ontology``.

    See Also
    --------
    vocabulary_graphs : the graphs of several files at once.

    Examples
    --------
    >>> vocabulary_graph("lexicon.ttl").value
    'https://w3id.org/fupin-kg/lexicon'
    """
    for t in vocabulary_triples(name):
        if t.predicate.value == RDF + "type" and t.object == ox.NamedNode(OWL + "Ontology"):
            subject = t.subject
            assert isinstance(subject, ox.NamedNode), f"{name}: its owl:Ontology is not named by an IRI"
            return subject
    raise ValueError(f"{name} declares no owl:Ontology")


def vocabulary_graphs(vocabulary: Iterable[str] = VOCABULARY_FILES) -> set[ox.NamedNode]:
    """The graphs that the given vocabulary files go into (by default: all the shipped ones).

    Parameters
    ----------
    vocabulary
        File names of shipped vocabulary files.

    Returns
    -------
    set of pyoxigraph.NamedNode
        One graph name per file (see :func:`vocabulary_graph`).

    Examples
    --------
    >>> sorted(g.value for g in vocabulary_graphs())
    ['https://w3id.org/fupin-kg/gazetteer', 'https://w3id.org/fupin-kg/lexicon',
     'https://w3id.org/fupin-kg/ontology', 'https://w3id.org/fupin-kg/repairs']
    >>> vocabulary_graphs(())
    set()
    """
    return {vocabulary_graph(name) for name in vocabulary}


def store_layout(
    quads: Iterable[ox.Quad], *, graph: GraphName | None = None, vocabulary: Iterable[str] = VOCABULARY_FILES
) -> dict[GraphName, list[ox.Quad]]:
    """Group quads by the graph they go into, then add the vocabulary files, each in a graph of its own.

    Graphs keep the order in which they first appear; a triple repeated within one graph is kept once.

    Parameters
    ----------
    quads
        The data: each quad goes into its own graph, unless ``graph`` is given.
    graph
        Put every data quad into this graph instead.
    vocabulary
        File names of the shipped vocabulary files to add (default: all of them; ``()`` for none).

    Returns
    -------
    dict
        Graph name → the quads of that graph, each quad carrying that graph name.

    See Also
    --------
    vocabulary_graph : the graph name of a vocabulary file.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> ex = "https://example.org/"
    >>> quads = [ox.Quad(ox.NamedNode(ex + "a"), ox.NamedNode(ex + "p"), ox.Literal(str(n)), ox.NamedNode(ex + g))
    ...          for n, g in ((1, "g1"), (2, "g2"), (1, "g1"))]
    >>> layout = store_layout(quads, vocabulary=())
    >>> {name.value: len(graph_quads) for name, graph_quads in layout.items()}
    {'https://example.org/g1': 1, 'https://example.org/g2': 1}
    >>> merged = store_layout(quads, graph=ox.DefaultGraph(), vocabulary=())
    >>> [len(graph_quads) for graph_quads in merged.values()]
    [2]
    >>> all(q.graph_name == ox.DefaultGraph() for q in merged[ox.DefaultGraph()])
    True
    """
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


def count_triples(quads: Iterable[ox.Quad]) -> int:
    """The number of distinct triples, whatever graph they are in (what an export in a triple format holds).

    Parameters
    ----------
    quads
        Quads in any graphs.

    Returns
    -------
    int
        How many different (subject, predicate, object) triples there are.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> t = (ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("1"))
    >>> count_triples([ox.Quad(*t, ox.NamedNode("https://example.org/g1")), ox.Quad(*t, ox.DefaultGraph())])
    1
    """
    return len({q.triple for q in quads})
