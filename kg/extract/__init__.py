"""Stage 2, extract: an :class:`~kg.ingest.Article` → an :class:`Extraction` of records.

Extraction reads the fact zones of a page (title, subtitle, body, contributor line) and
writes plain records (:mod:`kg.extract.records`), each tied to the span of text that
states it; :mod:`kg.build` later turns them into triples. Every word list and phrase
pattern comes from the lexicon, so the rules hold for the genre, not for one article.

The steps run in order, each adding to the same :class:`Extraction`:

1. :mod:`~kg.extract.mentions` (with :mod:`~kg.extract.places`) finds places,
   organisations, roles, groups and lists and resolves each to an entity;
2. :mod:`~kg.extract.figures` (with :mod:`~kg.extract.numbers`) reads every number, :mod:`~kg.extract.counted`
   what each counts, and (after the funding rules name the items amounts pay for) :mod:`~kg.extract.scope` where
   and when each holds, through :mod:`~kg.extract.periods`;
3. the rules that read mentions and figures: :mod:`~kg.extract.facts` (documents,
   assignments, group leadership, responsibility lists), :mod:`~kg.extract.actions` (personnel actions),
   :mod:`~kg.extract.funding`, :mod:`~kg.extract.persons`, :mod:`~kg.extract.programmes`
   and :mod:`~kg.extract.relations`.

:mod:`~kg.extract.context` holds what the rules share: zones, quotations, clauses, frequencies.
"""

from __future__ import annotations

from kg.ingest import Article, parse_article
from kg.lexicon import Lexicon, load_lexicon

from .actions import find_actions
from .counted import name_funding_items, read_counted
from .facts import find_assignments, find_documents, find_leadership, find_lists
from .figures import find_figures_in
from .funding import find_funding
from .mentions import tag
from .persons import find_persons
from .programmes import find_programmes
from .records import Extraction
from .relations import find_relations
from .scope import scope_figures

__all__ = ["Extraction", "extract", "extract_text"]


def extract(article: Article, lexicon: Lexicon) -> Extraction:
    """Run every rule over an article; return the records, each tied to the span that states it.

    Parameters
    ----------
    article : Article
        A page split into its parts (:func:`kg.ingest.read_article`, :func:`kg.ingest.parse_article`).
    lexicon : Lexicon
        The genre vocabulary and gazetteer (:func:`kg.lexicon.load_lexicon`).

    Returns
    -------
    Extraction
        The entities and records the article states; an article that states nothing yields empty lists.

    See Also
    --------
    kg.corpus.build_article : extract and build the graph of one article.

    Examples
    --------
    >>> from kg.ingest import read_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.resources import bundled_article
    >>> article = read_article(bundled_article())
    >>> ex = extract(article, load_lexicon())

    The place the article reports from, and how each figure and document title is printed:

    >>> ex.entities[ex.home].en
    'Huaying'
    >>> all(article.clean[f.figure_span.start : f.figure_span.end] == f.printed for f in ex.figures)
    True
    >>> all(article.clean[d.span.start : d.span.end] == "《" + d.title + "》" for d in ex.documents)
    True
    >>> "四川省農村扶貧開發條例" in {d.corrected_title for d in ex.documents}  # 條列 as printed
    True

    Records refer to entities by key:

    >>> all(a.subject in ex.entities for a in ex.assignments)
    True
    >>> all(r.subject in ex.entities and r.object in ex.entities for r in ex.relations)
    True
    """
    ex = Extraction()
    mentions = tag(article, lexicon, ex)
    find_figures_in(article, lexicon, ex)
    read_counted(article, lexicon, ex, mentions)
    find_documents(article, lexicon, ex, mentions)
    find_funding(article, lexicon, ex, mentions)
    name_funding_items(article, lexicon, ex)
    scope_figures(article, lexicon, ex, mentions)
    find_assignments(article, lexicon, ex, mentions)
    find_leadership(article, lexicon, ex, mentions)
    find_lists(article, lexicon, ex, mentions)
    find_actions(article, lexicon, ex, mentions)
    find_persons(article, lexicon, ex, mentions)
    find_programmes(article, lexicon, ex, mentions)
    find_relations(article, lexicon, ex, mentions)
    return ex


def extract_text(text: str, lexicon: Lexicon | None = None) -> Extraction:
    r"""Extract from the text of a page: a title line, a date line, then the body (what :func:`extract` does for an
        article read from a file).

        Parameters
        ----------
        text
            The page's text.
        lexicon
            The lexicon (default: the shipped one).

        Raises
        ------
        NoArticleBody
            The text holds no title or no body.

        Examples
        --------
        >>> ex = extract_text("青崖县扶贫\n2016年12月13日\n全县选派25名第一书记，分配到25个贫困村。\n")
    >>> [(f.printed, f.counted) for f in ex.figures]
        [('25名', '第一书记'), ('25个', '贫困村')]
    """
    lexicon = lexicon or load_lexicon()
    return extract(parse_article(text, lexicon=lexicon), lexicon)
