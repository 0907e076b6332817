"""Synthetic data for benchmarks: the seed article's graph replicated under fresh IRIs.

Each copy is a graph of its own (``…/graph/<article>-c<i>``) whose project IRIs carry the suffix ``-c<i>``, so
copies share nothing but the vocabulary: N copies are N articles' worth of facts, entities and spans.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.namespaces import ID

__all__ = ["replicate", "seed_quads"]

_SEGMENT = re.compile(re.escape(ID) + r"([a-z]+)/([^/#]+)")


def seed_quads() -> list[ox.Quad]:
    from kg.corpus import read_inputs
    from kg.resources import bundled_article

    return read_inputs([bundled_article()])


def _fresh(term, suffix: str):
    if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
        return ox.NamedNode(_SEGMENT.sub(lambda m: f"{ID}{m[1]}/{m[2]}{suffix}", term.value, count=1))
    return term


def replicate(quads: list[ox.Quad], triples: int) -> list[ox.Quad]:
    """At least ``triples`` triples: whole copies of ``quads``, each in its own named graph."""
    per_copy = len({q.triple for q in quads})
    copies = max(1, -(-triples // per_copy))
    out = []
    for i in range(copies):
        suffix = f"-c{i}"
        out.extend(
            ox.Quad(_fresh(q.subject, suffix), q.predicate, _fresh(q.object, suffix), _fresh(q.graph_name, suffix))
            for q in quads
        )
    return out
