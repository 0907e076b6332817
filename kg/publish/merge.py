"""What a corpus merged: entities that several articles mention under one IRI, and why they are one.

Articles are built separately, and an entity gets the same IRI wherever the same thing is named:
a place from the gazetteer or by its name, a body by its full name, a role by its lexicon concept,
a document by its title, a programme by its name. Names are compared in Simplified script (IRIs
are pinyin slugs of the Simplified form), so 青崖县 in one article and 青崖縣 in another are one
city. This module finds those shared IRIs in the built quads and explains each.

>>> import pyoxigraph as ox
>>> from kg.namespaces import FP, NIF, PLACE
>>> def mention(graph, form, start):
...     span = ox.NamedNode(f"https://example.org/{graph}#char={start},{start + len(form)}")
...     g = ox.NamedNode(f"https://example.org/graph/{graph}")
...     return [ox.Quad(ox.NamedNode(PLACE + "qing-ya-xian"), ox.NamedNode(FP + "mentionedAt"), span, g),
...             ox.Quad(span, ox.NamedNode(NIF + "anchorOf"), ox.Literal(form), g)]
>>> [m] = find_merges(mention("a", "青崖縣", 10) + mention("b", "青崖县", 3))
>>> m.reason, m.articles, m.forms
('same place name, compared in Simplified script', ['a', 'b'], ['青崖县', '青崖縣'])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import FP, ID, LEX, NIF, PLACE, RDF, RDFS, curie

__all__ = ["Merge", "find_merges", "merges_tsv"]

#: Why mentions in different articles are one entity, by the kind of IRI they share (longest prefix first).
REASONS = (
    (LEX, "the same lexicon concept"),
    (PLACE, "same place name, compared in Simplified script"),
    (ID + "org/", "same full name of the body, compared in Simplified script"),
    (ID + "post/", "same post: the same title in the same body or village"),
    (ID + "doc/", "same document title, compared in Simplified script"),
    (ID + "programme/", "same programme name, compared in Simplified script"),
    (ID + "industry/", "same industry name"),
)


@dataclass
class Merge:
    iri: str
    label: str  # its zh-Hans label, where it has one
    reason: str
    articles: list[str]  # the article graphs that mention it (local names)
    forms: list[str]  # how the articles print it


def find_merges(quads, gazetteer: frozenset[str] | None = None) -> list[Merge]:
    """Entities mentioned (``fp:mentionedAt``, or documents through ``fp:document``) in more than one article graph."""
    if gazetteer is None:
        gazetteer = _gazetteer_places()
    graphs: dict[ox.NamedNode, set] = defaultdict(set)
    spans: dict[ox.NamedNode, set] = defaultdict(set)
    anchors: dict = {}
    labels: dict = {}
    doc_mentions: dict = {}
    mentioned, document, anchor, label = (
        ox.NamedNode(FP + "mentionedAt"),
        ox.NamedNode(FP + "document"),
        ox.NamedNode(NIF + "anchorOf"),
        ox.NamedNode(RDFS + "label"),
    )
    for q in quads:
        p = q.predicate
        if p == mentioned:
            graphs[q.subject].add(q.graph_name)
            spans[q.subject].add(q.object)
        elif p == document:
            graphs[q.object].add(q.graph_name)
            doc_mentions.setdefault(q.object, set()).add(q.subject)
        elif p == anchor:
            anchors[q.subject] = q.object.value
        elif p == label and isinstance(q.object, ox.Literal) and q.object.language == "zh-hans":
            labels[q.subject] = q.object.value
    out = []
    for node, gs in graphs.items():
        if len(gs) < 2 or not isinstance(node, ox.NamedNode):
            continue
        iri = node.value
        reason = (
            "the gazetteer entry"
            if iri in gazetteer
            else next((r for ns, r in REASONS if iri.startswith(ns)), "same IRI")
        )
        forms = sorted({anchors[s] for s in spans.get(node, ()) if s in anchors})
        if node in doc_mentions:
            forms = sorted({labels.get(node, "")} - {""})
        label_ = labels.get(node) or (_concept_label(iri) if iri.startswith(LEX) else "")
        out.append(Merge(iri, label_, reason, sorted(_local(g) for g in gs), forms))
    return sorted(out, key=lambda m: m.iri)


def merges_tsv(merges: list[Merge]) -> bytes:
    """The merge report as tab-separated values, one entity per line, with a header."""
    rows = ["entity\tlabel\treason\tarticles\tforms"]
    rows += [f"{curie(m.iri)}\t{m.label}\t{m.reason}\t{' '.join(m.articles)}\t{' | '.join(m.forms)}" for m in merges]
    return ("\n".join(rows) + "\n").encode("utf-8")


def _local(graph) -> str:
    return graph.value.rsplit("/", 1)[-1] if isinstance(graph, ox.NamedNode) else ""


def _concept_label(iri: str) -> str:
    from kg.lexicon import load_lexicon

    concept = load_lexicon().concept(iri)
    return concept.hans if concept else ""


def _gazetteer_places() -> frozenset[str]:
    from kg.resources import vocabulary_triples

    return frozenset(
        t.subject.value
        for t in vocabulary_triples("gazetteer.ttl")
        if t.predicate.value == RDF + "type" and t.subject.value.startswith(PLACE)
    )
