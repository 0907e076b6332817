"""Stage 2, extract: an :class:`~kg.ingest.Article` → an :class:`Extraction` of records.

>>> from kg.ingest import read_article
>>> from kg.lexicon import load_lexicon
>>> from kg.resources import bundled_article
>>> ex = extract(read_article(bundled_article()), load_lexicon())
>>> sorted(d.title for d in ex.documents)[0]
'四川省農村扶貧開發條列'
"""

from __future__ import annotations

from kg.ingest import Article

from .facts import find_actions, find_assignments, find_documents, find_leadership, find_lists
from .figures import find_figures_in
from .funding import find_funding
from .mentions import tag
from .persons import find_persons
from .programmes import find_programmes
from .records import Extraction
from .relations import find_relations

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
    find_persons(article, lexicon, ex, mentions)
    find_programmes(article, lexicon, ex, mentions)
    find_relations(article, lexicon, ex, mentions)
    return ex
