"""Responsibility chains: who answers to whom, read off the responsibility view (what ``kg chain`` prints).

The view (:func:`kg.graph.network.responsibility_view`) has edges that run three ways, as the ontology's
``fp:responsibilityView`` declares: *up* edges point from a force to the body it answers to, *down* edges from
a force to what it serves, *attached* edges hang a list, standard, document or action on a node.
:func:`hierarchy` turns the first two into one ``DiGraph`` where every edge points upward; a chain up from a
node is a path in it to a node with nothing above (a top body), a chain down a path to a node with nothing
below (villages, households).

Examples
--------
The examples use a small view, ``_example_view()``: a first secretary (``role``) assigned *down* to the poor
villages (``village``) and coordinated by a leading group *above* it (``group``), and a task list (``list``)
*attached* to the first secretary.

>>> report = chain_report(_example_view(), "village", "up", attached=True)
>>> [chain.nodes for chain in report.chains]
[('village', 'role', 'group')]
>>> report.attached
[('list', 'role', 'fp:decomposedTo')]
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import TermError
from kg.formats import LANGUAGES
from kg.graph.network import display_label, property_label
from kg.namespaces import FP, curie, expand_curie

__all__ = ["Chain", "ChainReport", "hierarchy", "find_node", "chains", "attachments", "chain_report"]

#: How a chain's text marks the basis of an edge.
BASIS_MARKERS = {"explicit": "stated", "implicit": "implied", "background": "background"}


@dataclass(frozen=True)
class Chain:
    """A path of nodes from the start to a top (up) or to a bottom (down); ``steps[i]`` holds the view's edges
    (subject, object, key) between ``nodes[i]`` and ``nodes[i + 1]``.

    Examples
    --------
    >>> [chain] = chains(hierarchy(_example_view()), "village")
    >>> chain.steps
    ((('role', 'village', 'fp:assignedTo'),), (('role', 'group', 'fp:coordinatedBy'),))
    >>> chain.labels(_example_view())
    'poor villages → first secretary → leading group'
    """

    nodes: tuple[str, ...]
    steps: tuple[tuple[tuple[str, str, str], ...], ...]

    def labels(self, view: nx.MultiDiGraph, lang: str = "zh-Hant") -> str:
        """The chain as its nodes' labels in ``lang``, joined by arrows."""
        return " → ".join(display_label(view.nodes[n], lang, curie(n)) for n in self.nodes)


@dataclass
class ChainReport:
    r"""What ``kg chain`` shows: the chains up or down from ``node``, and the view edges ``attached`` along them.

    Examples
    --------
    >>> report = chain_report(_example_view(), "village", "up", attached=True, lang="en")
    >>> print(report.text())
    poor villages  (fp:EntitySet; village)
    1 chains up to 1 tops: leading group
    <BLANKLINE>
    1. poor villages → first secretary → leading group
       first secretary assigned to poor villages  · stated
       first secretary coordinated by leading group  · implied
    <BLANKLINE>
    Attached along the chains:
       task list decomposed to first secretary  · stated
    <BLANKLINE>
    stated: the text says it · implied: follows from the text · background: administrative fact from the
    gazetteer, not stated · -: no statement of its own (part of the fact it belongs to)
    >>> report.to_json().startswith('{\n "node": {\n  "id": "village",\n  "label": "poor villages"')
    True
    """

    view: nx.MultiDiGraph
    node: str
    direction: str
    chains: list[Chain]
    attached: list[tuple[str, str, str]] = field(default_factory=list)  # view edges (item, node, key)
    lang: str = "zh-Hant"

    def label(self, node: str) -> str:
        """The label of ``node`` in the report's language, else its CURIE."""
        return display_label(self.view.nodes[node], self.lang, curie(node))

    def ends(self) -> list[str]:
        """The nodes the chains end at (tops or bottoms), once each, sorted by label."""
        return sorted({c.nodes[-1] for c in self.chains}, key=self.label)

    def text(self) -> str:
        """The report as text: the node, each chain with the evidence of each step, what is attached, a legend."""
        head = self.view.nodes[self.node]
        ends = ", ".join(self.label(n) for n in self.ends())
        lines = [
            f"{self.label(self.node)}  ({head.get('type', 'untyped')}; {curie(self.node)})",
            f"{len(self.chains)} chains {self.direction} to {len(self.ends())} "
            f"{'tops' if self.direction == 'up' else 'ends'}: {ends or '-'}"
            if self.chains
            else f"no chain {self.direction}: nothing is {'above' if self.direction == 'up' else 'below'} it "
            "in the view",
        ]
        for i, chain in enumerate(self.chains, 1):
            lines += ["", f"{i}. {chain.labels(self.view, self.lang)}"]
            lines += [f"   {self._edge_line(e)}" for step in chain.steps for e in step]
        if self.attached:
            lines += ["", "Attached along the chains:"]
            lines += [f"   {line}" for line in self._attached_lines()]
        lines += [
            "",
            "stated: the text says it · implied: follows from the text · background: administrative fact from "
            "the gazetteer, not stated · -: no statement of its own (part of the fact it belongs to)",
        ]
        return "\n".join(lines)

    def _attached_lines(self) -> list[str]:
        """One line per item and relation: '任務清單 分解落實到 第一書記、駐村工作組 · stated [995,1042) …'."""
        grouped: dict[tuple[str, str], list] = {}
        for s, o, key in self.attached:
            grouped.setdefault((s, self.view.edges[s, o, key]["predicate"]), []).append((s, o, key))
        lines = []
        for (item, predicate), edges in sorted(grouped.items(), key=lambda kv: (self.label(kv[0][0]), kv[0][1])):
            data = self.view.edges[edges[0]]
            targets = "、".join(sorted(self.label(o) for _, o, _ in edges))
            sentence = _sentence(self.label(item), property_label(predicate, self.lang), targets, self.lang)
            lines.append(sentence + self._evidence(data))
        return lines

    def _evidence(self, data: dict) -> str:
        marker = BASIS_MARKERS.get(data.get("basis", ""), "-")
        if "begin" in data:
            return f"  · {marker}  [{data['begin']},{data['end']}) {data['text']}"
        return f"  · {marker}" + (f"  (from {data['span']})" if "span" in data else "")

    def _edge_line(self, edge: tuple[str, str, str]) -> str:
        s, o, key = edge
        data = self.view.edges[edge]
        return _sentence(
            self.label(s), property_label(data["predicate"], self.lang), self.label(o), self.lang
        ) + self._evidence(data)

    def to_dict(self) -> dict:
        """The report as JSON-ready data: node, ends, chains with their edges, and what is attached."""
        return {
            "node": self._node(self.node),
            "direction": self.direction,
            "ends": [self._node(n) for n in self.ends()],
            "chains": [
                {
                    "nodes": [self._node(n) for n in c.nodes],
                    "steps": [[self._edge(e) for e in step] for step in c.steps],
                }
                for c in self.chains
            ],
            **({"attached": [self._edge(e) for e in self.attached]} if self.attached else {}),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON, CJK characters unescaped."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def _node(self, node: str) -> dict:
        data = self.view.nodes[node]
        out = {"id": node, "label": self.label(node), "type": data.get("type", "")}
        out.update({f"label@{lang}": data[f"label@{lang}"] for lang in LANGUAGES if f"label@{lang}" in data})
        return out

    def _edge(self, edge: tuple[str, str, str]) -> dict:
        s, o, key = edge
        data = self.view.edges[edge]
        out = {
            "subject": s,
            "subject_label": self.label(s),
            "relation": data["relation"],
            "relation_label": property_label(data["predicate"], self.lang),
            "object": o,
            "object_label": self.label(o),
            "direction": data["direction"],
            "basis": data.get("basis"),
            "background": data.get("basis") == "background",
            "graph": data.get("graph"),
        }
        if "span" in data:
            out["span"] = {k: data[k] for k in ("span", "begin", "end", "text") if k in data}
        return out


def _sentence(subject: str, relation: str, obj: str, lang: str) -> str:
    """'第一書記' '由…統籌' '小組' → '第一書記 由小組統籌'; English reads 'subject relation object'."""
    if "…" in relation:
        return f"{subject} {relation.replace('…', obj)}"
    return f"{subject} {relation} {obj}"


def hierarchy(view: nx.MultiDiGraph) -> nx.DiGraph:
    """Up and down edges of the view as one DiGraph pointing upward; each edge lists the view edges behind it.

    Examples
    --------
    >>> h = hierarchy(_example_view())
    >>> sorted(h.edges)
    [('role', 'group'), ('village', 'role')]
    >>> h.edges["village", "role"]["edges"]
    [('role', 'village', 'fp:assignedTo')]
    """
    h = nx.DiGraph()
    h.add_nodes_from(view)
    for s, o, key, direction in view.edges(keys=True, data="direction"):
        lower, upper = (s, o) if direction == "up" else (o, s) if direction == "down" else (None, None)
        if lower is None:
            continue
        if h.has_edge(lower, upper):
            h.edges[lower, upper]["edges"].append((s, o, key))
        else:
            h.add_edge(lower, upper, edges=[(s, o, key)])
    return h


def chains(h: nx.DiGraph, node: str, direction: str = "up") -> list[Chain]:
    """Every simple path from ``node`` up to a top (nothing above) or down to a bottom (nothing below) in ``h``.

    A path also ends where everything above (below) is on it already, so a cycle ends the chain.

    Examples
    --------
    >>> [c.nodes for c in chains(hierarchy(_example_view()), "village")]
    [('village', 'role', 'group')]
    >>> [c.nodes for c in chains(hierarchy(_example_view()), "group", "down")]
    [('group', 'role', 'village')]
    >>> chains(hierarchy(_example_view()), "group", "up")
    []
    """
    step = h.successors if direction == "up" else h.predecessors
    edge = (lambda a, b: h.edges[a, b]["edges"]) if direction == "up" else (lambda a, b: h.edges[b, a]["edges"])
    found: list[Chain] = []
    path, on_path = [node], {node}

    def walk(current):
        nexts = [n for n in step(current) if n not in on_path]
        if not nexts and len(path) > 1:
            found.append(Chain(tuple(path), tuple(tuple(edge(a, b)) for a, b in zip(path, path[1:]))))
        for n in nexts:
            path.append(n)
            on_path.add(n)
            walk(n)
            path.pop()
            on_path.discard(n)

    walk(node)
    return found


def attachments(view: nx.MultiDiGraph, nodes: Iterable[str]) -> list[tuple[str, str, str]]:
    """The attached edges into ``nodes`` (lists, standards, documents, actions hung on them), and the other
    attached edges of the same items (a standard's payer beside its recipient), sorted.

    Examples
    --------
    >>> attachments(_example_view(), ["role"]), attachments(_example_view(), ["group"])
    ([('list', 'role', 'fp:decomposedTo')], [])
    """
    nodes = set(nodes)
    items = {s for s, o, d in view.edges(data="direction") if d == "attached" and o in nodes}
    return sorted((s, o, k) for s, o, k, d in view.edges(keys=True, data="direction") if d == "attached" and s in items)


def find_node(view: nx.MultiDiGraph, term: str) -> str:
    """The node of the view that ``term`` names: an IRI, a CURIE, or a label in either script or English
    (exact, else the only label that contains it; case does not matter).

    Raises
    ------
    TermError
        No node, or several, answer to the term; the message lists the nearest labels or the candidates.

    Examples
    --------
    >>> view = _example_view()
    >>> find_node(view, "village"), find_node(view, "Leading Group"), find_node(view, "secretary")
    ('village', 'group', 'role')
    >>> find_node(view, "first secretaries")
    Traceback (most recent call last):
    ...
    kg.errors.TermError: no node of the responsibility view is called 'first secretaries'; nearest labels:
    first secretary, poor villages
    """
    term = term.strip()
    iri = expand_curie(term.strip("<>"))
    if iri in view:
        return iri
    labels: dict[str, set[str]] = {}
    for node, data in view.nodes(data=True):
        for lang in LANGUAGES:
            if f"label@{lang}" in data:
                labels.setdefault(data[f"label@{lang}"], set()).add(node)
    folded = term.casefold()
    exact = set().union(*(nodes for label, nodes in labels.items() if label.casefold() == folded))
    containing = set().union(*(nodes for label, nodes in labels.items() if folded in label.casefold()))
    candidates = exact or containing
    if len(candidates) == 1:
        return next(iter(candidates))
    if candidates:
        listed = "; ".join(f"{display_label(view.nodes[n])} <{n}>" for n in sorted(candidates))
        raise TermError(
            f"{term!r} names {len(candidates)} nodes of the responsibility view: {listed}; "
            "name one by its full label or IRI"
        )
    near = difflib.get_close_matches(term, list(labels), n=5, cutoff=0.3)
    hint = f"; nearest labels: {', '.join(near)}" if near else ""
    raise TermError(f"no node of the responsibility view is called {term!r}{hint}")


def chain_report(
    view: nx.MultiDiGraph,
    term: str,
    direction: str = "up",
    *,
    attached: bool = False,
    lang: str = "zh-Hant",
    h: nx.DiGraph | None = None,
) -> ChainReport:
    """The chains up or down from the node ``term`` names, sorted shortest first, with what is attached along them.

    ``h`` is the view's :func:`hierarchy`, if it is at hand (for many reports on one view).

    Raises
    ------
    TermError
        ``term`` names no node of the view, or several.

    Examples
    --------
    >>> from kg.corpus import read_inputs
    >>> from kg.graph.network import responsibility_view
    >>> from kg.resources import bundled_article
    >>> view = responsibility_view(read_inputs([bundled_article()]))
    >>> report = chain_report(view, "first secretary", "up")
    >>> report.node, all(chain.nodes[0] == report.node for chain in report.chains)
    ('https://w3id.org/fupin-kg/lexicon/role-first-secretary', True)
    """
    node = find_node(view, term)
    report = ChainReport(
        view, node, direction, chains(h if h is not None else hierarchy(view), node, direction), lang=lang
    )
    report.chains.sort(key=lambda c: (len(c.nodes), [report.label(n) for n in c.nodes]))
    if attached:
        report.attached = attachments(view, {n for c in report.chains for n in c.nodes} | {node})
    return report


def _example_view() -> nx.MultiDiGraph:
    """The view of the examples (see the module's description), with labels, types, predicates and bases."""
    v = nx.MultiDiGraph()
    for node, kind, label in (
        ("role", "org:Role", "first secretary"),
        ("village", "fp:EntitySet", "poor villages"),
        ("group", "org:Organization", "leading group"),
        ("list", "fp:ResponsibilityList", "task list"),
    ):
        v.add_node(node, type=kind, label=label, **{"label@en": label})
    for s, o, name, direction, basis in (
        ("role", "village", "assignedTo", "down", "explicit"),
        ("role", "group", "coordinatedBy", "up", "implicit"),
        ("list", "role", "decomposedTo", "attached", "explicit"),
    ):
        key = f"fp:{name}"
        v.add_edge(s, o, key=key, predicate=FP + name, relation=key, direction=direction, basis=basis)
    return v
