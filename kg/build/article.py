"""Building an article's named graph: the article, its metadata and its entities, then its facts.

:func:`build_nquads` is the build stage's entry point. It mints the entities' IRIs,
states the article (type, title, date, publisher, contributor, editors, the NIF
context that holds its text, the repairs made in it) and its entities (places, bodies,
roles and posts, groups, lists, sets), then hands the records to :mod:`kg.build.facts`.

Every fact node links to exactly one NIF span (``<article>#char=s,e``, RFC 5147) through
``prov:wasDerivedFrom``; entities list their mentions with ``fp:mentionedAt``. Edges
between entities are also reified as ``fp:Statement`` nodes whose ``fp:basis`` says
whether the article states them (explicit, implicit) or they are administrative
background from the gazetteer. IRIs are ASCII: pinyin slugs for shared entities (so
articles that name the same place, body or document share its IRI), offsets for the
article's own facts.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.build.facts import (
    actions,
    assignments,
    documents,
    funding,
    leadership,
    persons,
    programmes,
    responsibility_lists,
)
from kg.build.observations import observations
from kg.build.writer import GraphWriter, article_iri, integer, named_node
from kg.extract.records import Extraction
from kg.ingest import Article
from kg.lexicon import Lexicon
from kg.namespaces import DCT, FP, ID, NIF, ORG, PLACE, PROV, RDF, SCHEMA, XSD
from kg.span import Span
from kg.text import slug, to_hans

__all__ = ["build", "build_nquads"]


def build(article: Article, ex: Extraction, lexicon: Lexicon) -> list[ox.Quad]:
    """Turn an article and its extraction into the quads of the article's named graph.

    The same graph as :func:`build_nquads`, parsed into pyoxigraph quads.

    Parameters
    ----------
    article
        The article, as ingested (:func:`kg.ingest.read_article`).
    ex
        Its extraction (:func:`kg.extract.extract`).
    lexicon
        The lexicon the extraction used.

    Returns
    -------
    list of pyoxigraph.Quad
        Every quad in the graph :func:`~kg.build.writer.graph_iri` names, each once.

    Examples
    --------
    >>> from kg.build.writer import graph_iri
    >>> from kg.extract import extract
    >>> from kg.ingest import read_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.resources import bundled_article
    >>> lexicon = load_lexicon()
    >>> article = read_article(bundled_article(), lexicon=lexicon)
    >>> quads = build(article, extract(article, lexicon), lexicon)
    >>> {q.graph_name.value for q in quads} == {graph_iri(article.article_id)}
    True
    """
    return list(ox.parse(build_nquads(article, ex, lexicon), format=ox.RdfFormat.N_QUADS))


def build_nquads(article: Article, ex: Extraction, lexicon: Lexicon) -> bytes:
    r"""Turn an article and its extraction into the article's named graph as N-Quads.

    Each quad is written once, in a fixed order (the order of the rules and of the
    text), so the same article always gives the same bytes.

    Parameters
    ----------
    article
        The article, as ingested (:func:`kg.ingest.read_article`).
    ex
        Its extraction (:func:`kg.extract.extract`).
    lexicon
        The lexicon the extraction used (publishers, units, document kinds, surnames).

    Returns
    -------
    bytes
        N-Quads lines in UTF-8, all in the graph :func:`~kg.build.writer.graph_iri` names.

    See Also
    --------
    build : the same graph as pyoxigraph quads.

    Examples
    --------
    An article with nothing but a title, a date and one sentence still states itself,
    its text and its title:

    >>> import pyoxigraph as ox
    >>> from kg.extract import extract
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.namespaces import curie
    >>> lexicon = load_lexicon()
    >>> article = parse_article("標題\n2016年12月13日\n脫貧攻堅會議。\n", path="a.txt")
    >>> data = build_nquads(article, extract(article, lexicon), lexicon)
    >>> data == build_nquads(article, extract(article, lexicon), lexicon)
    True
    >>> for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
    ...     if q.subject.value == article_iri("a") and q.predicate.value.startswith("http://purl.org/dc/terms/"):
    ...         print(curie(q.predicate.value), q.object)
    dct:identifier "a"
    dct:language "zh-Hant"^^<http://www.w3.org/2001/XMLSchema#language>
    dct:title "標題"@zh-hant
    dct:issued "2016-12-13+08:00"^^<http://www.w3.org/2001/XMLSchema#date>
    """
    g = GraphWriter(article)
    iris = _entity_iris(article, ex)
    _article(g, article, ex, lexicon, iris)
    if ex.home:
        g.statement(g.base, DCT + "spatial", iris[ex.home], "implicit", ex.entities[ex.home].spans[0])
    _entities(g, article, ex, lexicon, iris)
    observations(g, ex, lexicon, iris)
    documents(g, article, ex, lexicon, iris)
    funding(g, ex, iris)
    assignments(g, article, ex, iris)
    leadership(g, ex, lexicon, iris)
    responsibility_lists(g, ex, iris)
    actions(g, ex, iris)
    programmes(g, ex)
    persons(g, ex, lexicon, iris)
    for r in ex.relations:
        g.statement(iris[r.subject], FP + r.predicate, iris[r.object], r.basis, r.span)
    return "".join(g.lines).encode("utf-8")


def _entity_iris(article: Article, ex: Extraction) -> dict[str, str]:
    base = article_iri(article.article_id)
    out: dict[str, str] = {}
    for key, e in ex.entities.items():
        if e.kind == "place":
            out[key] = e.gazetteer_iri or PLACE + slug(key)
        elif e.kind == "role":
            # a role the lexicon names is its concept; a post in a named body (市委副書記) is minted under that body
            if e.parent:
                assert e.title is not None  # a post keeps the head title printed after its body
                out[key] = ID + "post/" + slug(e.parent + e.title)
            else:
                assert e.concept is not None  # every role the extractor finds is a lexicon concept
                out[key] = e.concept
        elif e.kind in ("list", "set") or (e.kind == "org" and e.collective):
            out[key] = f"{base}/{e.kind if e.kind != 'org' else 'body'}/{slug(key)}"
        elif e.kind == "industry":
            out[key] = ID + "industry/" + slug(key)
        else:
            out[key] = ID + "org/" + slug(key)
    return out


def _article(g: GraphWriter, article: Article, ex: Extraction, lexicon: Lexicon, iris: dict[str, str]) -> None:
    a, meta = g.base, article.meta
    g.add(a, RDF + "type", FP + "NewsArticle")
    g.add(a, RDF + "type", SCHEMA + "NewsArticle")
    g.add(g.context, RDF + "type", NIF + "Context")
    g.add(g.context, NIF + "isString", ox.Literal(article.text[: article.content.end]))
    g.add(g.context, NIF + "beginIndex", integer(0))
    g.add(g.context, NIF + "endIndex", integer(article.content.end))
    g.add(g.context, FP + "article", a)
    g.add(a, DCT + "identifier", article.article_id)
    g.add(a, DCT + "language", ox.Literal(article.script, datatype=named_node(XSD + "language")))
    title = article.clean_at(meta["title"])
    g.add(a, DCT + "title", ox.Literal(title, language=article.script))
    g.add(a, FP + "titleSpan", g.span(meta["title"]))
    if "subtitle" in meta:
        g.add(a, FP + "subtitle", ox.Literal(article.clean_at(meta["subtitle"]), language=article.script))
    if "published" in meta:
        span, when, has_time = meta["published"]
        value = when.isoformat() if has_time else when.date().isoformat() + "+08:00"
        g.add(a, DCT + "issued", ox.Literal(value, datatype=named_node(XSD + ("dateTime" if has_time else "date"))))
        g.add(a, FP + "issuedSpan", g.span(span))
    if "breadcrumb" in meta:
        span, parts = meta["breadcrumb"]
        g.add(a, FP + "breadcrumb", ox.Literal(" > ".join(parts), language=article.script))
        g.add(a, FP + "sectionPath", ox.Literal(" > ".join(parts[1:]), language=article.script))
        g.add(a, FP + "breadcrumbSpan", g.span(span))
        pub = next((c for f, c in lexicon.forms("publishers") if to_hans(parts[0]) == f), None)
        name = pub.labels.get(article.script) if pub else parts[0]
        assert name is not None  # the lexicon labels every publisher in both scripts
        pub_iri = ID + "org/" + slug(to_hans(name))
        g.add(a, DCT + "publisher", pub_iri)
        g.add(pub_iri, RDF + "type", FP + "NewsPublisher")
        g.labels(pub_iri, name, pub.labels.get("en") if pub else None)
        g.add(pub_iri, FP + "mentionedAt", g.span(span))
        if pub and pub.prop("parentPublisher"):
            parent = next((c for f, c in lexicon.forms("publishers") if f == pub.prop("parentPublisher")), None)
            if parent:
                p_iri = ID + "org/" + slug(parent.hans)
                g.add(p_iri, RDF + "type", FP + "NewsPublisher")
                g.labels(p_iri, parent.labels.get(article.script, parent.hans), parent.labels.get("en"))
                g.statement(pub_iri, ORG + "subOrganizationOf", p_iri, "background", None)
    if "contributor" in meta:
        span, who, role = meta["contributor"]
        if ex.contributor:
            g.add(a, DCT + "contributor", iris[ex.contributor])
        else:
            g.add(a, FP + "contributorName", ox.Literal(who, language=article.script))
        g.add(a, FP + "contributorRole", ox.Literal(role, language="zh-Hans"))
        g.add(a, FP + "contributorSpan", g.span(span))
    if "source" in meta:
        g.add(a, FP + "sourceName", ox.Literal(meta["source"][1], language=article.script))
    if "editors" in meta:
        span, names = meta["editors"]
        for name in names:
            person = ID + "person/" + slug(name)
            g.add(person, RDF + "type", SCHEMA + "Person")
            g.add(person, RDF + "type", PROV + "Agent")
            g.labels(person, name)
            g.add(a, SCHEMA + "editor", person)
        g.add(a, FP + "editorSpan", g.span(span))
    if article.chrome:
        g.add(a, FP + "pageChromeStart", integer(article.chrome.start))
    g.add(a, FP + "bodySpan", g.span(article.body))
    for repeat, first in article.repeated:
        r = g.span(repeat)
        g.add(a, FP + "repeatedPassage", r)
        g.add(r, FP + "repeats", g.span(first))
    for repair in (r for r in article.repairs if r.span.end <= article.content.end):  # page chrome states nothing
        rep = g.fact("repair", repair.span, FP + "TextRepair")
        g.add(rep, FP + "printedForm", repair.printed)
        g.add(rep, FP + "repairedForm", repair.repaired)


def _entities(g: GraphWriter, article: Article, ex: Extraction, lexicon: Lexicon, iris: dict[str, str]) -> None:
    for key, e in ex.entities.items():
        s = iris[key]
        if e.kind == "role" and s == e.concept:
            for span in e.spans:
                g.add(s, FP + "mentionedAt", g.span(span))
            continue
        if e.kind == "role":  # a post in a named body: 市委副書記
            g.add(s, RDF + "type", ORG + "Post")
            g.add(s, ORG + "role", e.concept)
            assert e.parent is not None and e.parent_basis is not None  # a post is minted under its body
            committee = ex.entities[e.parent]
            g.labels(s, key, f"{committee.en}, {e.en}" if committee.en and e.en else None)
            g.statement(s, ORG + "postIn", iris[e.parent], e.parent_basis, e.parent_span)
        elif e.kind in ("set",):
            g.add(s, RDF + "type", FP + "EntitySet")
            g.add(s, FP + "memberClass", e.cls)
            g.labels(s, key, e.en + "s" if e.en else None)
            if e.count is not None:
                g.add(s, FP + "count", integer(e.count))
                _count_figure(g, s, e.count_span)
        elif e.kind == "list":
            g.add(s, RDF + "type", FP + "ResponsibilityList")
            g.add(s, FP + "listKind", e.concept)
            g.labels(s, key, e.en)
        elif e.kind == "org" and e.collective:
            g.add(s, RDF + "type", e.cls)
            g.add(s, RDF + "type", FP + "EntitySet")
            g.add(s, FP + "memberClass", e.cls)
            g.add(s, FP + "organisationKind", e.concept)
            g.labels(s, key, e.en)
            if e.count is not None:
                g.add(s, FP + "count", integer(e.count))
                _count_figure(g, s, e.count_span)
        else:
            g.add(s, RDF + "type", e.cls)
            place = e.jurisdiction
            en = e.en
            if e.kind == "org":  # a body is named by its place: Huaying finance bureau; without one, no English name
                en = f"{ex.entities[place].en} {e.en}" if place and ex.entities[place].en and e.en else None
            g.labels(s, key, en)
            if e.kind == "org" and place:
                g.add(s, FP + "jurisdiction", iris[place])
            if e.concept:
                g.add(s, FP + ("groupKind" if e.kind == "group" else "organisationKind"), e.concept)
        for span in e.spans:
            g.add(s, FP + "mentionedAt", g.span(span))
        if e.parent and e.kind != "role":
            prop = FP + "withinDivision" if e.kind in ("place", "set") else ORG + "subOrganizationOf"
            g.statement(
                s,
                prop,
                iris[e.parent],
                e.parent_basis or "implicit",
                e.parent_span or (e.spans[0] if e.spans else None),
            )
    # party committees answer to the committee of the division above (administrative background)
    committees = {
        e.jurisdiction: k for k, e in ex.entities.items() if e.cls == FP + "PartyCommittee" and e.jurisdiction
    }
    for place, key in committees.items():
        up = ex.entities[place].parent
        while up and up not in committees:
            up = ex.entities[up].parent
        if up:
            g.statement(iris[key], FP + "subordinateTo", iris[committees[up]], "background", None)


def _count_figure(g: GraphWriter, s: str, span: Span | None) -> None:
    """Link a count to the figure that states it (``fp:countFigure``)."""
    if span is not None:
        g.add(s, FP + "countFigure", g.fact_iri("figure", span))
