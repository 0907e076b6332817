"""The fact nodes of an article's graph, one function per kind of extraction record.

:func:`~kg.build.article.build_nquads` calls these after stating the article and its entities. Each writes records of
the extraction ``ex`` into the article's graph ``g``: a fact node minted from the offsets of the span that states it
(``<article>/figure/21-26``) and derived from it, its values, and the edges it implies, reified with their basis;
``iris`` maps entity keys to IRIs. Each example states a hand-made record in a one-sentence article (at offset 15).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.build.writer import GraphWriter, decimal, integer, named_node
from kg.extract.records import Extraction
from kg.ingest import Article
from kg.lexicon import Lexicon
from kg.namespaces import DCT, FP, ID, ORG, PROV, RDF, SCHEMA, XSD
from kg.span import Span
from kg.text import romanise, slug, to_hans

__all__ = [
    "actions",
    "assignments",
    "documents",
    "funding",
    "leadership",
    "persons",
    "programmes",
    "responsibility_lists",
]


def _count_figure(g: GraphWriter, ex: Extraction, s: str, span: Span, count: int) -> None:
    """Link ``s``'s count to the figure in ``span`` that states it (``fp:countFigure``), if there is one."""
    stated = next((f for f in ex.figures if span.start <= f.figure_span.start < span.end and f.value == count), None)
    if stated is not None:
        g.add(s, FP + "countFigure", g.fact_iri("figure", stated.figure_span))


def _figure_iri(g: GraphWriter, ex: Extraction, index: int) -> str:
    """The IRI of the figure node of ``ex.figures[index]`` (stated by :func:`figures`)."""
    return g.fact_iri("figure", ex.figures[index].figure_span)


def _camel(code: str) -> str:
    return "".join(p.capitalize() for p in re.split(r"[_-]", code))


def documents(g: GraphWriter, article: Article, ex: Extraction, lexicon: Lexicon, iris: dict[str, str]) -> None:
    r"""State the documents: each document once, each mention of it as an ``fp:DocumentMention`` fact.

    A document's IRI is a slug of its title (corrected, where misprinted), so articles citing it share it; it gets its
    kind, class, period, titles and labels (an English one from its issuer, kind and period). Issuers are statements.

    Examples
    --------
    >>> from kg.extract.records import Document
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.namespaces import LEX
    >>> from kg.span import Span
    >>> article = parse_article("標題\n2016年12月13日\n編制了《扶貧規劃》。\n", path="a.txt")
    >>> d = Document(Span(18, 24), "扶貧規劃", None, LEX + "document-kinds-plan", FP + "Plan", None, None, None, None,
    ...              False)
    >>> g = GraphWriter(article)
    >>> documents(g, article, Extraction(documents=[d]), load_lexicon(), {})
    >>> f'<{g.base}/document/18-24> <{FP}document> <{ID}doc/fu-pin-gui-hua> {g.g} .\n' in g.lines
    True
    """
    kinds = {c.iri: c for c in lexicon.scheme("document-kinds")}
    for d in ex.documents:
        title = d.corrected_title or d.title
        doc = ID + "doc/" + slug(title, 64)
        g.add(doc, RDF + "type", d.cls)
        g.add(doc, RDF + "type", FP + "PolicyDocument")
        g.labels(doc, d.title, None, DCT + "title")
        g.labels(doc, d.title, _doc_en(d, kinds, ex))
        if d.corrected_title:
            g.labels(doc, d.corrected_title, None, FP + "correctedTitle")
        g.add(doc, FP + "documentKind", d.kind)
        g.add(doc, FP + "isTrial", ox.Literal("true" if d.trial else "false", datatype=named_node(XSD + "boolean")))
        if d.period_start:
            g.add(doc, FP + "periodStart", ox.Literal(str(d.period_start), datatype=named_node(XSD + "gYear")))
            g.add(doc, FP + "periodEnd", ox.Literal(str(d.period_end), datatype=named_node(XSD + "gYear")))
        m = g.fact("document", d.span, FP + "DocumentMention")
        g.add(m, FP + "document", doc)
        if d.verb:
            g.add(m, FP + "verb", ox.Literal(d.verb, language=article.script))
        for issuer in d.issuer or []:
            g.statement(
                doc, FP + "issuer", iris[issuer], "implicit" if d.issuer_basis == "implicit" else "explicit", d.span
            )
        if d.issuer_basis:
            g.add(m, FP + "issuerBasis", FP + {"title": "FromTitle"}.get(d.issuer_basis, _camel(d.issuer_basis)))


def _doc_en(d, kinds, ex: Extraction) -> str | None:
    kind = kinds[d.kind].labels.get("en")
    who = ex.entities[d.issuer[0]].en if d.issuer and d.issuer_basis != "implicit" else None
    period = (
        f" {d.period_start}–{d.period_end}"
        if d.period_start and d.period_end != d.period_start
        else (f" {d.period_start}" if d.period_start else "")
    )
    trial = " (trial)" if d.trial else ""
    return f"{who + ' ' if who else ''}{kind}{period}{trial}" if kind else None


def funding(g: GraphWriter, ex: Extraction, iris: dict[str, str]) -> None:
    r"""State the funding standards: each an ``fp:FundingStandard`` with its amount, per what, how often, paid by whom.

    A standard whose amount is a figure links that figure's node (``fp:amountFigure``).

    Examples
    --------
    >>> from kg.extract.records import FundingStandard
    >>> from kg.ingest import parse_article
    >>> g = GraphWriter(parse_article("標題\n2016年12月13日\n按每人每年5000元安排辦公經費。\n", path="a.txt"))
    >>> s = FundingStandard(g.article.sentences[0], "經費", "cash-standard", 5000.0, "CNY", "person", "year", None, [])
    >>> funding(g, Extraction(funding=[s]), {})
    >>> f'<{g.base}/funding/15-32> <{FP}perPeriod> <{FP}PerYear> {g.g} .\n' in g.lines
    True
    """
    for f in ex.funding:
        s = g.fact("funding", f.span, FP + "FundingStandard")
        g.add(s, FP + "fundingKind", FP + _camel(f.kind))
        if f.amount is not None:
            g.add(s, FP + "amount", decimal(f.amount))
            g.add(s, FP + "currency", f.currency)
        if f.per:
            g.add(s, FP + "perUnit", FP + "Per" + _camel(f.per))
        if f.period:
            g.add(s, FP + "perPeriod", FP + ("Once" if f.period == "once" else "Per" + _camel(f.period)))
        g.labels(s, f.item, None, FP + "item")
        if f.payer:
            g.add(s, FP + "payer", iris[f.payer])
        for r in f.recipients:
            g.add(s, FP + "recipient", iris[r])
        if f.figure is not None:
            g.add(s, FP + "amountFigure", _figure_iri(g, ex, f.figure))


def assignments(g: GraphWriter, article: Article, ex: Extraction, iris: dict[str, str]) -> None:
    r"""State the assignments (who is sent to whom, how many) as ``fp:Assignment`` nodes and as statements.

    A target the lexicon does not name (貧困對象) becomes a counted ``fp:EntitySet`` of the article, added to ``iris``.

    Examples
    --------
    >>> from kg.extract.records import Assignment
    >>> from kg.ingest import parse_article
    >>> article = parse_article("標題\n2016年12月13日\n25名幹部分配到貧困對象。\n", path="a.txt")
    >>> iris = {"幹部": "https://example.org/cadres"}
    >>> x = Assignment(article.sentences[0], "幹部", 25, "assignedTo", "貧困對象", None)
    >>> g = GraphWriter(article)
    >>> assignments(g, article, Extraction(assignments=[x]), iris)
    >>> f'<https://example.org/cadres> <{FP}assignedTo> <{iris["貧困對象"]}> {g.g} .\n' in g.lines, iris["貧困對象"]
    (True, 'https://w3id.org/fupin-kg/id/article/a/set/pin-kun-dui-xiang')
    """
    for x in ex.assignments:
        s = g.fact("assignment", x.span, FP + "Assignment")
        g.add(s, FP + "assignee", iris[x.subject])
        if x.count is not None:
            g.add(s, FP + "headcount", integer(x.count))
            _count_figure(g, ex, s, x.span, x.count)
        target = iris.get(x.target)
        if target is None:  # a population the lexicon does not name, e.g. 貧困對象: a counted set
            target = f"{g.base}/set/{slug(x.target)}"
            g.add(target, RDF + "type", FP + "EntitySet")
            g.labels(target, x.target)
            if x.target_count:
                g.add(target, FP + "count", integer(x.target_count))
                _count_figure(g, ex, target, x.span, x.target_count)
            iris[x.target] = target
        g.add(s, FP + "assignmentTarget", target)
        if x.subset_count is not None:
            g.add(s, FP + "subsetCount", integer(x.subset_count))
            assert x.subset_label is not None  # a subset is counted and described together
            g.labels(s, x.subset_label, None, FP + "subsetDescription")
        g.statement(iris[x.subject], FP + x.relation, target, "explicit", x.span)


def leadership(g: GraphWriter, ex: Extraction, lexicon: Lexicon, iris: dict[str, str]) -> None:
    r"""State who leads a group: each position (組長, 副組長) an ``org:Post`` in the group, held by a role.

    The group links it (``fp:leaderPost``); the leader's holder and the members are statements (``fp:ledBy`` …).

    Examples
    --------
    >>> from kg.extract.records import Entity, GroupLeadership
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.namespaces import LEX
    >>> g = GraphWriter(parse_article("標題\n2016年12月13日\n小組由書記任組長。\n", path="a.txt"))
    >>> x = GroupLeadership(g.article.sentences[0], "小組", LEX + "role-group-leader", "書記")
    >>> ex = Extraction(entities={"小組": Entity("小組", "group", FP + "CoordinationGroup")}, leadership=[x])
    >>> leadership(g, ex, load_lexicon(), {"小組": "https://example.org/g", "書記": "https://example.org/s"})
    >>> f"<https://example.org/g> <{FP}ledBy> <https://example.org/s> {g.g} .\n" in g.lines
    True
    """
    for x in ex.leadership:
        s = g.fact("leadership", x.span, ORG + "Post")
        position, group = lexicon.concept(x.position), ex.entities[x.group]
        assert position is not None  # the extractor takes positions from the lexicon
        en = f"{group.en}, {position.labels['en']}" if group.en and "en" in position.labels else None
        g.labels(s, x.group + position.labels.get(g.article.script, position.hans), en)  # 協調小組組長
        g.add(s, ORG + "role", x.position)
        g.add(s, ORG + "postIn", iris[x.group])
        if x.holder:
            g.add(s, FP + "heldBy", iris[x.holder])
        g.add(
            iris[x.group], FP + ("leaderPost" if x.position.endswith("/role-group-leader") else "deputyLeaderPost"), s
        )
        if x.holder and x.position.endswith("/role-group-leader"):
            g.statement(iris[x.group], FP + "ledBy", iris[x.holder], "explicit", x.span)
        for m in x.members:
            g.statement(iris[x.group], ORG + "hasMember", iris[m], "explicit", x.span)


def responsibility_lists(g: GraphWriter, ex: Extraction, iris: dict[str, str]) -> None:
    r"""State the responsibility lists: whom each is broken down to and sent to, and how often.

    A list is an entity; here it is derived from its span, and its edges are statements (``fp:decomposedTo`` …).

    Examples
    --------
    >>> from kg.extract.records import ResponsibilityList
    >>> from kg.ingest import parse_article
    >>> from kg.span import Span
    >>> g = GraphWriter(parse_article("標題\n2016年12月13日\n問題清單每月分解到工作組。\n", path="a.txt"))
    >>> x = ResponsibilityList(Span(15, 19), "問題清單", ["工作組"], Span(19, 27), frequency="monthly")
    >>> responsibility_lists(g, Extraction(lists=[x]), {"問題清單": "https://example.org/l", "工作組": "https://example.org/t"})
    >>> f"<https://example.org/l> <{FP}frequency> <{FP}Monthly> {g.g} .\n" in g.lines
    True
    """
    for x in ex.lists:
        s = iris[x.key]
        g.add(s, PROV + "wasDerivedFrom", g.span(x.span))
        for t in x.decomposed_to:
            g.statement(s, FP + "decomposedTo", iris[t], "explicit", x.decomposed_span)
        for t in x.sent_to:
            g.statement(s, FP + "sentTo", iris[t], "explicit", x.sent_span)
        if x.frequency:
            g.add(s, FP + "frequency", FP + _camel(x.frequency))


def actions(g: GraphWriter, ex: Extraction, iris: dict[str, str]) -> None:
    r"""State the personnel actions (promotions, commendations, care visits …): who did what to whom, how many.

    Each is a fact node of its action class, with its kind, verb, role, actors, time and count (and its figure).

    Examples
    --------
    >>> from kg.extract.records import Action
    >>> from kg.ingest import parse_article
    >>> from kg.namespaces import LEX
    >>> g = GraphWriter(parse_article("標題\n2016年12月13日\n看望慰問第一書記。\n", path="a.txt"))
    >>> kind = LEX + "action-types-care-visit"
    >>> x = Action(g.article.sentences[0], kind, FP + "CareVisit", "看望慰問", "第一書記", None, None)
    >>> actions(g, Extraction(actions=[x]), {"第一書記": LEX + "role-first-secretary"})
    >>> f"<{g.base}/action/15-24> <{FP}affectedRole> <{LEX}role-first-secretary> {g.g} .\n" in g.lines
    True
    """
    for x in ex.actions:
        s = g.fact("action", x.span, x.cls)
        g.add(s, RDF + "type", FP + "PersonnelAction")
        g.add(s, FP + "actionKind", x.kind)
        g.add(s, FP + "verb", ox.Literal(x.verb, language=g.article.script))
        if x.target:
            g.add(s, FP + "affectedRole", iris[x.target])
        if x.count is not None:
            g.add(s, FP + "count", integer(x.count))
            assert x.figure is not None  # a count is a figure of the article
            g.add(s, FP + "countFigure", _figure_iri(g, ex, x.figure))
        for a in x.actors:
            g.add(s, PROV + "wasAssociatedWith", iris[a])
        if x.time_ref:
            g.add(s, FP + "timeReference", ox.Literal(x.time_ref, language=g.article.script))


def programmes(g: GraphWriter, ex: Extraction) -> None:
    r"""State the programmes (named campaigns and schemes), each once, with where the article mentions them.

    A programme's IRI is a slug of its name, so articles naming it share it; a motto is a second label (``fp:motto``).

    Examples
    --------
    >>> from kg.extract.records import Programme
    >>> from kg.ingest import parse_article
    >>> from kg.span import Span
    >>> g = GraphWriter(parse_article("標題\n2016年12月13日\n實施“雨露計劃”。\n", path="a.txt"))
    >>> programmes(g, Extraction(programmes=[Programme(Span(17, 23), "雨露計劃", quoted=True)]))
    >>> f"<{ID}programme/yu-lu-ji-hua> <{FP}mentionedAt> <{g.base}#char=17,23> {g.g} .\n" in g.lines
    True
    """
    for p in ex.programmes:
        s = ID + "programme/" + slug(p.name, 64)
        g.add(s, RDF + "type", FP + "Programme")
        g.labels(s, p.name)
        g.add(s, FP + "mentionedAt", g.span(p.span))
        if p.motto:
            g.labels(s, p.motto, None, FP + "motto")
            assert p.motto_span is not None  # a motto is found with its span
            g.add(s, FP + "mottoMentionedAt", g.span(p.motto_span))


def persons(g: GraphWriter, ex: Extraction, lexicon: Lexicon, iris: dict[str, str]) -> None:
    r"""State the people the article names, their appointments and their standing in their home unit.

    A person's IRI is scoped to the article (a name alone does not identify a person across articles). An appointment
    is an ``fp:Appointment`` (an ``org:Membership`` qualified by the village served and the dispatching unit).

    Examples
    --------
    >>> from kg.extract.records import Person
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.namespaces import LEX, RDFS
    >>> from kg.span import Span
    >>> g = GraphWriter(parse_article("標題\n2016年12月13日\n王明到村任職。\n", path="a.txt"))
    >>> ex = Extraction(persons={"王明": Person("王明", LEX + "surname-wang", [Span(15, 17)])})
    >>> persons(g, ex, load_lexicon(), {})
    >>> f'<{g.base}/person/wang-ming> <{RDFS}label> "Wang Ming"@en {g.g} .\n' in g.lines
    True
    """
    people = {}
    for key, p in ex.persons.items():
        s = people[key] = f"{g.base}/person/{slug(key)}"
        g.add(s, RDF + "type", SCHEMA + "Person")
        g.add(s, RDF + "type", PROV + "Agent")
        surname = lexicon.concept(p.surname)
        hans = to_hans(key)
        g.labels(
            s, key, f"{surname.labels['en']} {romanise(hans[len(surname.hans) :]).capitalize()}" if surname else None
        )
        for span in p.spans:
            g.add(s, FP + "mentionedAt", g.span(span))
    for x in ex.appointments:
        who, role = people[x.person], ex.entities[x.role]
        s = g.fact("appointment", x.span, FP + "Appointment")
        g.add(s, ORG + "member", who)
        g.add(s, ORG + "role", role.concept)
        if x.post_at:
            g.add(s, FP + "postAt", iris[x.post_at])
        if role.parent:  # a post in a named body: 縣委書記
            g.add(s, ORG + "organization", iris[role.parent])
            g.statement(who, ORG + "holds", iris[x.role], "explicit", x.span)
            g.add(iris[x.role], ORG + "heldBy", who)
        if x.dispatched_by:
            g.add(s, FP + "dispatchedBy", iris[x.dispatched_by])
            assert x.dispatch_basis is not None  # a dispatch is found with its basis
            g.statement(who, FP + "dispatchedBy", iris[x.dispatched_by], x.dispatch_basis, x.span)
        if x.home_unit:
            m = g.fact("membership", x.span, ORG + "Membership")
            g.add(m, ORG + "member", who)
            g.add(m, ORG + "organization", iris[x.home_unit])
            g.add(m, ORG + "role", x.home_role)
            g.statement(who, ORG + "memberOf", iris[x.home_unit], "explicit" if x.home_role else "implicit", x.span)
