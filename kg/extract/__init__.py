"""Stage 2, extract: an :class:`~kg.ingest.Article` → an :class:`Extraction` of records.

>>> from kg.ingest import read_article
>>> from kg.lexicon import load_lexicon
>>> from kg.resources import bundled_article
>>> ex = extract(read_article(bundled_article()), load_lexicon())
>>> sorted(d.title for d in ex.documents)[0]
'四川省農村扶貧開發條列'
"""

from __future__ import annotations

import re

from ..ingest import Article, Span
from .facts import (find_actions, find_assignments, find_documents, find_figures_in, find_funding, find_leadership,
                    find_lists, find_programmes)
from .mentions import clauses, tag
from .records import Extraction, Mention, Relation

__all__ = ["extract", "Extraction"]


def extract(article: Article, lexicon) -> Extraction:
    """Run every rule over the article; return the records, each tied to the span that states it."""
    ex = Extraction()
    mentions = tag(article, lexicon, ex)
    find_figures_in(article, lexicon, ex)
    find_documents(article, lexicon, ex, mentions)
    find_funding(article, lexicon, ex, mentions)
    find_assignments(article, lexicon, ex, mentions)
    find_leadership(article, lexicon, ex, mentions)
    find_lists(article, lexicon, ex, mentions)
    find_actions(article, lexicon, ex, mentions)
    find_programmes(article, lexicon, ex, mentions)
    find_requirements(article, lexicon, ex, mentions)
    return ex


def find_requirements(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """按照省委、廣安市委…的要求: the home place works under the requirements of the bodies named."""
    verbs = [f for f, c in lexicon.forms("relation-verbs") if c.prop("relation", "").endswith("followsRequirementsOf")]
    if not ex.home:
        return
    for sent in article.sentences:
        for clause in clauses(article, sent):
            text = article.shadow[clause.start : clause.end]
            v = next((x for x in verbs if x in text), None)
            end = max(text.rfind("要求"), text.rfind("部署"))
            if not v or end < 0:
                continue
            a, b = clause.start + text.find(v) + len(v), clause.start + end
            for m in mentions:
                if m.kind == "org" and a <= m.span.start and m.span.end <= b:
                    ex.relations.append(Relation(ex.home, "followsRequirementsOf", m.key, "explicit", Span(clause.start, b + 2)))
