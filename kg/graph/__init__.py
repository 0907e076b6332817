"""The knowledge graph as a network: networkx graphs, chains of responsibility, and pictures.

:mod:`~kg.graph.network`
    the RDF graph as a networkx ``MultiDiGraph`` (:func:`network`), its responsibility view — who answers to
    whom (:func:`responsibility_view`) — and their GraphML, GEXF and JSON (:func:`serialize_network`);
:mod:`~kg.graph.chain`
    the chains up or down from one node of the view, as ``kg chain`` prints them (:func:`chain_report`);
:mod:`~kg.graph.draw`
    the view as a Graphviz picture (:func:`to_dot`, rendered by :func:`kg.graph.draw.render`).

Examples
--------
>>> from kg.corpus import read_inputs
>>> from kg.graph import chain_report, responsibility_view, to_dot
>>> from kg.resources import bundled_article
>>> view = responsibility_view(read_inputs([bundled_article()]))
>>> chain_report(view, "lex:role-first-secretary").node
'https://w3id.org/fupin-kg/lexicon/role-first-secretary'
>>> to_dot(view).startswith("digraph responsibility {")
True
"""

from kg.graph.chain import chain_report
from kg.graph.draw import to_dot
from kg.graph.network import network, responsibility_view, serialize_network

__all__ = ["chain_report", "network", "responsibility_view", "serialize_network", "to_dot"]
