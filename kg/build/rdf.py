"""Stage 3, build: an article and its extraction → RDF quads in the article's named graph.

Every fact node links to exactly one NIF span (``<article>#char=s,e``, RFC 5147) through
``prov:wasDerivedFrom``; entities list their mentions with ``fp:mentionedAt``. Edges
between entities are also reified as ``fp:Statement`` nodes whose ``fp:basis`` says
whether the article states them (explicit, implicit) or they are administrative
background from the gazetteer. IRIs are ASCII: pinyin slugs for shared entities,
offsets for the article's own facts.
"""

from __future__ import annotations

from decimal import Decimal

import hashlib
import re
from functools import lru_cache

import pyoxigraph as ox

from kg.extract.records import Extraction
from kg.ingest import Article
from kg.span import Span
from kg.namespaces import DCT, FP, ID, NIF, ORG, PLACE, PROV, RDF, RDFS, SCHEMA, XSD
from kg.text import romanise, slug, to_hans, to_hant

__all__ = ["build", "build_nquads", "article_iri", "graph_iri", "GAZETTEER"]

GAZETTEER = "https://w3id.org/fupin-kg/gazetteer"
# the terms of every span, in N-Triples form
_TYPE, _NIF_STRING, _NIF_OFFSET_STRING = f"<{RDF}type>", f"<{NIF}String>", f"<{NIF}OffsetBasedString>"
_NIF_BEGIN, _NIF_END, _NIF_ANCHOR, _NIF_CONTEXT = (f"<{NIF}{p}>" for p in ("beginIndex", "endIndex", "anchorOf",
                                                                          "referenceContext"))


def article_iri(article_id: str) -> str:
    return f"{ID}article/{article_id}"


def graph_iri(article_id: str) -> str:
    return f"{ID}graph/{article_id}"


_n = lru_cache(maxsize=1 << 16)(ox.NamedNode)  # IRIs repeat (predicates, classes, shared entities): made once


_INTEGER = f"<{XSD}integer>"


def _int(v) -> ox.Literal:
    return ox.Literal(str(int(v)), datatype=_n(XSD + "integer"))


def _num(v) -> ox.Literal:
    """xsd:integer for whole numbers, xsd:decimal otherwise."""
    if v is not None and float(v) == int(v):
        return _int(v)
    return _dec(v)


def _dec(v) -> ox.Literal:
    """xsd:decimal in its canonical form (XSD 1.1: no exponent, no trailing zeros or point), which is the form
    triple stores give back, so the graph survives a round trip through one unchanged.

    >>> _dec(5000.0).value, _dec(0.03).value, _dec(0.00001).value
    ('5000', '0.03', '0.00001')
    """
    text = format(Decimal(str(v)).normalize(), "f")
    return ox.Literal(text, datatype=_n(XSD + "decimal"))


class _Graph:
    """Collects triples for one article's named graph."""

    def __init__(self, article: Article):
        self.article = article
        self.g = f"<{graph_iri(article.article_id)}>"
        self.lines: dict[str, None] = {}  # N-Quads lines, each once, in the order the build states them
        self.labelled: set[tuple] = set()
        self.spans: set[str] = set()
        self.base = article_iri(article.article_id)

    def add(self, s, p, o):
        """State ``s p o``: IRIs as strings (or terms), ``o`` also a plain string or a :class:`pyoxigraph.Literal`.
        The line is written here (terms in N-Triples form by pyoxigraph), so nothing is serialised twice."""
        if o is None:
            return
        if o.__class__ is str:
            o = f"<{o}>" if o.startswith(("http://", "https://")) else str(ox.Literal(o))
        else:
            o = str(o)
        self.lines[f"{f'<{s}>' if s.__class__ is str else str(s)} <{p}> {o} {self.g} .\n"] = None

    def labels(self, s, name: str, en: str | None = None, prop: str = RDFS + "label"):
        """Labels in zh-Hant, zh-Hans (and en); the first naming in the article wins, so a title printed twice
        with different brackets still gives one label per language."""
        if (s, prop) in self.labelled:
            return
        self.labelled.add((s, prop))
        hant = name if self.article.script == "zh-Hant" else to_hant(name)
        self.add(s, prop, ox.Literal(hant, language="zh-Hant"))
        self.add(s, prop, ox.Literal(to_hans(name), language="zh-Hans"))
        if en:
            self.add(s, prop, ox.Literal(en, language="en"))

    def span(self, span: Span) -> str:
        """The NIF string node of a span; its text is the article as shipped (damage included)."""
        iri = f"{self.base}#char={span.start},{span.end}"
        if iri in self.spans:
            return iri
        self.spans.add(iri)
        anchor = str(ox.Literal(self.article.text[span.start : span.end]))
        for line in (f"<{iri}> {_TYPE} {_NIF_STRING} {self.g} .\n", f"<{iri}> {_TYPE} {_NIF_OFFSET_STRING} {self.g} .\n",
                     f"<{iri}> {_NIF_BEGIN} \"{span.start}\"^^{_INTEGER} {self.g} .\n",
                     f"<{iri}> {_NIF_END} \"{span.end}\"^^{_INTEGER} {self.g} .\n",
                     f"<{iri}> {_NIF_ANCHOR} {anchor} {self.g} .\n", f"<{iri}> {_NIF_CONTEXT} <{self.context}> {self.g} .\n"):
            self.lines[line] = None  # six lines for every span, written at once
        return iri

    @property
    def context(self) -> str:
        """The NIF context: the article text from its first character to the end of its content (chrome excluded)."""
        return f"{self.base}#char=0,{self.article.content.end}"


    def fact(self, kind: str, span: Span, cls: str) -> str:
        iri = f"{self.base}/{kind}/{span.start}-{span.end}"
        self.add(iri, RDF + "type", cls)
        self.add(iri, PROV + "wasDerivedFrom", self.span(span))
        self.add(iri, FP + "inArticle", self.base)
        return iri

    def statement(self, s: str, p: str, o: str, basis: str, span: Span | None):
        """Assert ``s p o`` and reify it with its basis (stated in the text, or background)."""
        self.add(s, p, o)
        # one node per stating: the same edge stated in two places is two statements, each with its span
        where = f" {span.start},{span.end}" if span is not None and basis != "background" else ""
        key = hashlib.sha1(f"{s} {p} {o}{where}".encode()).hexdigest()[:12]
        st = f"{self.base}/statement/{key}"
        self.add(st, RDF + "type", FP + "Statement")
        self.add(st, RDF + "subject", s)
        self.add(st, RDF + "predicate", p)
        self.add(st, RDF + "object", o)
        self.add(st, FP + "basis", FP + basis.capitalize())
        self.add(st, FP + "inArticle", self.base)
        if span is not None and basis != "background":
            self.add(st, PROV + "wasDerivedFrom", self.span(span))
        elif basis == "background":
            self.add(st, PROV + "wasDerivedFrom", GAZETTEER)


def build(article: Article, ex: Extraction, lexicon) -> list[ox.Quad]:
    """Turn an extraction into the quads of the article's named graph (see :func:`build_nquads`)."""
    return list(ox.parse(build_nquads(article, ex, lexicon), format=ox.RdfFormat.N_QUADS))


def build_nquads(article: Article, ex: Extraction, lexicon) -> bytes:
    """Turn an extraction into the article's named graph as N-Quads: each quad once, in a fixed order (the order
    of the rules and of the text), so the same article always gives the same bytes."""
    g = _Graph(article)
    iris = _entity_iris(article, ex)
    _article(g, article, ex, lexicon, iris)
    if ex.home:
        g.statement(g.base, DCT + "spatial", iris[ex.home], "implicit", ex.entities[ex.home].spans[0])
    _entities(g, article, ex, lexicon, iris)
    _figures(g, ex, lexicon)
    _documents(g, article, ex, lexicon, iris)
    _funding(g, ex, iris)
    _assignments(g, article, ex, iris)
    _leadership(g, ex, lexicon, iris)
    _lists(g, ex, iris)
    _actions(g, ex, iris)
    _programmes(g, ex)
    _persons(g, ex, lexicon, iris)
    for r in ex.relations:
        g.statement(iris[r.subject], FP + r.predicate, iris[r.object], r.basis, r.span)
    return "".join(g.lines).encode("utf-8")


def _entity_iris(article: Article, ex: Extraction) -> dict[str, str]:
    base = article_iri(article.article_id)
    out = {}
    for key, e in ex.entities.items():
        if e.kind == "place":
            out[key] = e.gazetteer_iri or PLACE + slug(key)
        elif e.kind == "role":
            # a role the lexicon names is its concept; a post in a named body (市委副書記) is minted under that body
            out[key] = ID + "post/" + slug(e.parent + e.title) if e.parent else e.concept
        elif e.kind in ("list", "set") or (e.kind == "org" and e.collective):
            out[key] = f"{base}/{e.kind if e.kind != 'org' else 'body'}/{slug(key)}"
        elif e.kind == "industry":
            out[key] = ID + "industry/" + slug(key)
        else:
            out[key] = ID + "org/" + slug(key)
    return out


def _article(g: _Graph, article: Article, ex: Extraction, lexicon, iris):
    a, meta = g.base, article.meta
    g.add(a, RDF + "type", FP + "NewsArticle")
    g.add(a, RDF + "type", SCHEMA + "NewsArticle")
    g.add(g.context, RDF + "type", NIF + "Context")
    g.add(g.context, NIF + "isString", ox.Literal(article.text[: article.content.end]))
    g.add(g.context, NIF + "beginIndex", _int(0))
    g.add(g.context, NIF + "endIndex", _int(article.content.end))
    g.add(g.context, FP + "article", a)
    g.add(a, DCT + "identifier", article.article_id)
    g.add(a, DCT + "language", ox.Literal(article.script, datatype=_n(XSD + "language")))
    title = article.clean_at(meta["title"])
    g.add(a, DCT + "title", ox.Literal(title, language=article.script))
    g.add(a, FP + "titleSpan", g.span(meta["title"]))
    if "subtitle" in meta:
        g.add(a, FP + "subtitle", ox.Literal(article.clean_at(meta["subtitle"]), language=article.script))
    if "published" in meta:
        span, when, has_time = meta["published"]
        value = when.isoformat() if has_time else when.date().isoformat() + "+08:00"
        g.add(a, DCT + "issued", ox.Literal(value, datatype=_n(XSD + ("dateTime" if has_time else "date"))))
        g.add(a, FP + "issuedSpan", g.span(span))
    if "breadcrumb" in meta:
        span, parts = meta["breadcrumb"]
        g.add(a, FP + "breadcrumb", ox.Literal(" > ".join(parts), language=article.script))
        g.add(a, FP + "sectionPath", ox.Literal(" > ".join(parts[1:]), language=article.script))
        g.add(a, FP + "breadcrumbSpan", g.span(span))
        pub = next((c for f, c in lexicon.forms("publishers") if to_hans(parts[0]) == f), None)
        name = pub.labels.get(article.script) if pub else parts[0]
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
        g.add(a, FP + "pageChromeStart", _int(article.chrome.start))
    g.add(a, FP + "bodySpan", g.span(article.body))
    for repeat, first in article.repeated:
        r = g.span(repeat)
        g.add(a, FP + "repeatedPassage", r)
        g.add(r, FP + "repeats", g.span(first))
    for r in (r for r in article.repairs if r.span.end <= article.content.end):  # page chrome states nothing
        rep = g.fact("repair", r.span, FP + "TextRepair")
        g.add(rep, FP + "printedForm", r.printed)
        g.add(rep, FP + "repairedForm", r.repaired)


def _entities(g: _Graph, article: Article, ex: Extraction, lexicon, iris):
    for key, e in ex.entities.items():
        s = iris[key]
        if e.kind == "role" and s == e.concept:
            for span in e.spans:
                g.add(s, FP + "mentionedAt", g.span(span))
            continue
        if e.kind == "role":  # a post in a named body: 市委副書記
            g.add(s, RDF + "type", ORG + "Post")
            g.add(s, ORG + "role", e.concept)
            committee = ex.entities[e.parent]
            g.labels(s, key, f"{committee.en}, {e.en}" if committee.en and e.en else None)
            g.statement(s, ORG + "postIn", iris[e.parent], e.parent_basis, e.parent_span)
        elif e.kind in ("set",):
            g.add(s, RDF + "type", FP + "EntitySet")
            g.add(s, FP + "memberClass", e.cls)
            g.labels(s, key, e.en + "s" if e.en else None)
            if e.count is not None:
                g.add(s, FP + "count", _int(e.count))
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
                g.add(s, FP + "count", _int(e.count))
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
            g.statement(s, prop, iris[e.parent], e.parent_basis or "implicit", e.parent_span or (e.spans[0] if e.spans else None))
    # party committees answer to the committee of the division above (administrative background)
    committees = {e.jurisdiction: k for k, e in ex.entities.items() if e.cls == FP + "PartyCommittee" and e.jurisdiction}
    for place, key in committees.items():
        up = ex.entities[place].parent
        while up and up not in committees:
            up = ex.entities[up].parent
        if up:
            g.statement(iris[key], FP + "subordinateTo", iris[committees[up]], "background", None)


def _figures(g: _Graph, ex: Extraction, lexicon):
    for f in ex.figures:
        unit = lexicon.concept(f.unit_concept) if f.unit_concept else None
        fraction = unit is not None and float(unit.prop("factor") or 1) < 1  # %, 成: the value is a fraction
        s = g.fact("figure", f.figure_span, FP + "Figure")
        f.iri = s  # type: ignore[attr-defined]
        if f.value is not None:
            g.add(s, FP + "value", _dec(f.value) if fraction else _num(f.value))
        if f.value_min is not None:
            g.add(s, FP + "minValue", _num(f.value_min))
            g.add(s, FP + "maxValue", _num(f.value_max))
        g.add(s, FP + "unit", f.unit_concept)
        g.add(s, FP + "unitPrinted", ox.Literal(f.unit, language=g.article.script))
        g.add(s, FP + "qualifier", FP + _camel(f.qualifier))
        if f.qualifier_printed:
            g.add(s, FP + "qualifierPrinted", ox.Literal(f.qualifier_printed, language=g.article.script))
        g.add(s, FP + "status", FP + _camel(f.status))
        g.add(s, FP + "printed", ox.Literal(f.printed, language=g.article.script))
        if f.counted:
            g.labels(s, f.counted, None, FP + "counts")
        g.add(s, FP + "inName", ox.Literal("true" if f.in_name else "false", datatype=_n(XSD + "boolean")))
        if f.time_ref:
            g.add(s, FP + "timeReference", ox.Literal(f.time_ref, language=g.article.script))
        if unit is not None and unit.prop("currencyCode"):
            g.add(s, FP + "currency", unit.prop("currencyCode"))
        g.add(s, FP + "clause", g.span(f.span))
    for f in ex.figures:
        if f.part_of is not None:
            g.add(f.iri, FP + "partOf", ex.figures[f.part_of].iri)


def _camel(code: str) -> str:
    return "".join(p.capitalize() for p in re.split(r"[_-]", code))


def _documents(g: _Graph, article: Article, ex: Extraction, lexicon, iris):
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
        g.add(doc, FP + "isTrial", ox.Literal("true" if d.trial else "false", datatype=_n(XSD + "boolean")))
        if d.period_start:
            g.add(doc, FP + "periodStart", ox.Literal(str(d.period_start), datatype=_n(XSD + "gYear")))
            g.add(doc, FP + "periodEnd", ox.Literal(str(d.period_end), datatype=_n(XSD + "gYear")))
        m = g.fact("document", d.span, FP + "DocumentMention")
        g.add(m, FP + "document", doc)
        if d.verb:
            g.add(m, FP + "verb", ox.Literal(d.verb, language=article.script))
        for issuer in d.issuer or []:
            g.statement(doc, FP + "issuer", iris[issuer], "implicit" if d.issuer_basis == "implicit" else "explicit", d.span)
        if d.issuer_basis:
            g.add(m, FP + "issuerBasis", FP + {"title": "FromTitle"}.get(d.issuer_basis, _camel(d.issuer_basis)))


def _doc_en(d, kinds, ex: Extraction) -> str | None:
    kind = kinds[d.kind].labels.get("en")
    who = ex.entities[d.issuer[0]].en if d.issuer and d.issuer_basis != "implicit" else None
    period = f" {d.period_start}–{d.period_end}" if d.period_start and d.period_end != d.period_start else (f" {d.period_start}" if d.period_start else "")
    trial = " (trial)" if d.trial else ""
    return f"{who + ' ' if who else ''}{kind}{period}{trial}" if kind else None


def _funding(g: _Graph, ex: Extraction, iris):
    for f in ex.funding:
        s = g.fact("funding", f.span, FP + "FundingStandard")
        g.add(s, FP + "fundingKind", FP + _camel(f.kind))
        if f.amount is not None:
            g.add(s, FP + "amount", _dec(f.amount))
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
            g.add(s, FP + "amountFigure", ex.figures[f.figure].iri)


def _assignments(g: _Graph, article: Article, ex: Extraction, iris):
    for x in ex.assignments:
        s = g.fact("assignment", x.span, FP + "Assignment")
        g.add(s, FP + "assignee", iris[x.subject])
        if x.count is not None:
            g.add(s, FP + "headcount", _int(x.count))
        target = iris.get(x.target)
        if target is None:  # a population the lexicon does not name, e.g. 貧困對象: a counted set
            target = f"{g.base}/set/{slug(x.target)}"
            g.add(target, RDF + "type", FP + "EntitySet")
            g.labels(target, x.target)
            if x.target_count:
                g.add(target, FP + "count", _int(x.target_count))
            iris[x.target] = target
        g.add(s, FP + "assignmentTarget", target)
        if x.subset_count is not None:
            g.add(s, FP + "subsetCount", _int(x.subset_count))
            g.labels(s, x.subset_label, None, FP + "subsetDescription")
        g.statement(iris[x.subject], FP + x.relation, target, "explicit", x.span)


def _leadership(g: _Graph, ex: Extraction, lexicon, iris):
    for x in ex.leadership:
        s = g.fact("leadership", x.span, ORG + "Post")
        position, group = lexicon.concept(x.position), ex.entities[x.group]
        en = f"{group.en}, {position.labels['en']}" if group.en and "en" in position.labels else None
        g.labels(s, x.group + position.labels.get(g.article.script, position.hans), en)  # 協調小組組長
        g.add(s, ORG + "role", x.position)
        g.add(s, ORG + "postIn", iris[x.group])
        if x.holder:
            g.add(s, FP + "heldBy", iris[x.holder])
        g.add(iris[x.group], FP + ("leaderPost" if x.position.endswith("/role-group-leader") else "deputyLeaderPost"), s)
        if x.holder and x.position.endswith("/role-group-leader"):
            g.statement(iris[x.group], FP + "ledBy", iris[x.holder], "explicit", x.span)
        for m in x.members:
            g.statement(iris[x.group], ORG + "hasMember", iris[m], "explicit", x.span)


def _lists(g: _Graph, ex: Extraction, iris):
    for x in ex.lists:
        s = iris[x.key]
        g.add(s, PROV + "wasDerivedFrom", g.span(x.span))
        for t in x.decomposed_to:
            g.statement(s, FP + "decomposedTo", iris[t], "explicit", x.decomposed_span)
        for t in x.sent_to:
            g.statement(s, FP + "sentTo", iris[t], "explicit", x.sent_span)
        if x.frequency:
            g.add(s, FP + "frequency", FP + _camel(x.frequency))


def _actions(g: _Graph, ex: Extraction, iris):
    for x in ex.actions:
        s = g.fact("action", x.span, x.cls)
        g.add(s, RDF + "type", FP + "PersonnelAction")
        g.add(s, FP + "actionKind", x.kind)
        g.add(s, FP + "verb", ox.Literal(x.verb, language=g.article.script))
        if x.target:
            g.add(s, FP + "affectedRole", iris[x.target])
        if x.count is not None:
            g.add(s, FP + "count", _int(x.count))
            g.add(s, FP + "countFigure", ex.figures[x.figure].iri)
        for a in x.actors:
            g.add(s, PROV + "wasAssociatedWith", iris[a])
        if x.time_ref:
            g.add(s, FP + "timeReference", ox.Literal(x.time_ref, language=g.article.script))


def _programmes(g: _Graph, ex: Extraction):
    for p in ex.programmes:
        s = ID + "programme/" + slug(p.name, 64)
        g.add(s, RDF + "type", FP + "Programme")
        g.labels(s, p.name)
        g.add(s, FP + "mentionedAt", g.span(p.span))
        if p.motto:
            g.labels(s, p.motto, None, FP + "motto")
            g.add(s, FP + "mottoMentionedAt", g.span(p.motto_span))


def _persons(g: _Graph, ex: Extraction, lexicon, iris):
    """Named people (article-scoped IRIs: a name alone does not identify a person across articles), their
    appointments as ``fp:Appointment`` (an ``org:Membership`` qualified by the village served and the dispatching
    unit) and their standing in their home unit as ``org:Membership``."""
    people = {}
    for key, p in ex.persons.items():
        s = people[key] = f"{g.base}/person/{slug(key)}"
        g.add(s, RDF + "type", SCHEMA + "Person")
        g.add(s, RDF + "type", PROV + "Agent")
        surname = lexicon.concept(p.surname)
        hans = to_hans(key)
        g.labels(s, key, f"{surname.labels['en']} {romanise(hans[len(surname.hans):]).capitalize()}" if surname else None)
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
            g.statement(who, FP + "dispatchedBy", iris[x.dispatched_by], x.dispatch_basis, x.span)
        if x.home_unit:
            m = g.fact("membership", x.span, ORG + "Membership")
            g.add(m, ORG + "member", who)
            g.add(m, ORG + "organization", iris[x.home_unit])
            g.add(m, ORG + "role", x.home_role)
            g.statement(who, ORG + "memberOf", iris[x.home_unit], "explicit" if x.home_role else "implicit", x.span)
