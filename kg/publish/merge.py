"""What a corpus merged: entities that several articles mention under one IRI, and why they are one.

Articles are built separately, and an entity gets the same IRI wherever the same thing is named:
a place from the gazetteer or by its name, a body by its full name, a role by its lexicon concept,
a document by its title, a programme by its name. Names are compared in Simplified script (IRIs
are pinyin slugs of the Simplified form), so 青崖县 in one article and 青崖縣 in another are one
city. This module finds those shared IRIs in the built quads (:func:`find_merges`) and
explains each; ``kg build`` publishes them as ``merges.tsv`` (:func:`merges_tsv`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import FP, ID, LEX, NIF, PLACE, RDF, RDFS, curie

__all__ = ["Merge", "find_merges", "merges_tsv"]

#: Why mentions in different articles are one entity, by the namespace of the IRI they share (checked in order).
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
    """An entity that several articles mention under one IRI, and why they are one.

    Attributes
    ----------
    iri : str
        The shared IRI.
    label : str
        Its zh-Hans label, where it has one (else ``""``).
    reason : str
        Why the mentions are one entity (see :data:`REASONS`).
    articles : list of str
        The local names of the article graphs that mention it, sorted.
    forms : list of str
        How the articles print it, sorted.

    Examples
    --------
    >>> from kg.namespaces import PLACE
    >>> m = Merge(PLACE + "qing-ya-xian", "青崖县", REASONS[1][1], ["a", "b"], ["青崖县", "青崖縣"])
    >>> m.reason
    'same place name, compared in Simplified script'
    """

    iri: str
    label: str  # its zh-Hans label, where it has one
    reason: str
    articles: list[str]  # the article graphs that mention it (local names)
    forms: list[str]  # how the articles print it


def find_merges(quads, gazetteer: frozenset[str] | None = None) -> list[Merge]:
    """Find the entities mentioned in more than one article graph, and say why each is one entity.

    An entity counts as mentioned in a graph where it has ``fp:mentionedAt`` (or, for a
    document, where a mention points to it with ``fp:document``).

    Parameters
    ----------
    quads
        The built quads (pyoxigraph quads), one named graph per article.
    gazetteer
        The IRIs of the gazetteer's places; default: read from the shipped gazetteer.

    Returns
    -------
    list of Merge
        One per shared IRI (blank nodes left out), sorted by IRI.

    See Also
    --------
    merges_tsv : the merges as the published ``merges.tsv``.

    Examples
    --------
    The same county printed in Traditional script in one article and in Simplified in
    another:

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
    >>> find_merges(mention("a", "青崖縣", 10))  # one article only
    []
    """
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
    r"""Write the merge report as tab-separated values, one entity per line, with a header.

    Columns: the entity (as a prefixed name), its label, the reason, the articles
    (space-separated) and the printed forms (separated by `` | ``).

    Parameters
    ----------
    merges
        What :func:`find_merges` found.

    Returns
    -------
    bytes
        The TSV in UTF-8, each line ending in ``\n``.

    Examples
    --------
    >>> from kg.namespaces import PLACE
    >>> m = Merge(PLACE + "qing-ya-xian", "青崖县", "same place name", ["a", "b"], ["青崖县", "青崖縣"])
    >>> print(merges_tsv([m]).decode().replace("\t", " ; "), end="")
    entity ; label ; reason ; articles ; forms
    place:qing-ya-xian ; 青崖县 ; same place name ; a b ; 青崖县 | 青崖縣
    """
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
