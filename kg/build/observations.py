"""Figures as statistical observations (W3C RDF Data Cube): one node per figure, in a data set per article.

Each figure is a node ``<article>/figure/21-26`` typed ``fp:Figure`` and ``qb:Observation``, in the article's data
set ``<article>/figures`` whose structure is ``fp:figureStructure`` (declared in the ontology). Its dimensions are
the indicator (``fp:indicator``, a concept of the lexicon's ``indicators`` scheme), what it counts in the article's
words (``fp:countedItem``, a concept minted from the counted noun phrase, the same in every article), the place
(``sdmx-dimension:refArea``), the period (``sdmx-dimension:refPeriod``, an OWL-Time interval shared by every
article that states it) and the status (``fp:status``); its measure is ``fp:value`` (the lower bound of a range);
its attributes the unit (``sdmx-attribute:unitMeasure``, a lexicon unit) and the qualifier. What it counts, how it
is printed and the span that states it stay on the same node.

Examples
--------
>>> period_iri("../2017-05-31"), period_iri("P3Y/2018-09-06")
('https://w3id.org/fupin-kg/id/period/.._2017-05-31', 'https://w3id.org/fupin-kg/id/period/P3Y_2018-09-06')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pyoxigraph as ox

from kg.build.writer import GraphWriter, decimal, named_node, number
from kg.extract.records import Extraction, Figure
from kg.lexicon import Lexicon
from kg.namespaces import FP, ID, LEX, PROV, QB, RDF, RDFS, SDMX_ATTRIBUTE, SDMX_DIMENSION, SKOS, TIME, XSD
from kg.text import slug, to_hans

__all__ = ["observations", "indicator_of", "period_iri"]

#: The XSD type and OWL-Time property of an instant printed at each precision (year, month, day).
_PRECISION = {
    4: (XSD + "gYear", TIME + "inXSDgYear"),
    7: (XSD + "gYearMonth", TIME + "inXSDgYearMonth"),
    10: (XSD + "date", TIME + "inXSDDate"),
}


def period_iri(iso: str) -> str:
    """The IRI of the period an ISO 8601 time or interval names (the same in every article and graph).

    Examples
    --------
    >>> period_iri("2016")
    'https://w3id.org/fupin-kg/id/period/2016'
    """
    return f"{ID}period/{iso.replace('/', '_')}"


def indicator_of(lexicon: Lexicon, counted: str) -> str:
    """The indicator a counted noun phrase names: the concept of ``indicators`` whose form ends it (the longest
    first), else the last one it holds, else ``lex:indicator-other``.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> [indicator_of(lexicon, c).rsplit("/", 1)[-1] for c in ("建檔立卡貧困戶", "貧困村全部退出", "青花椒")]
    ['indicator-poor-households', 'indicator-poor-villages', 'indicator-other']
    """
    forms = lexicon.derived(
        "indicator-forms", lambda lex: [(f, c.iri) for f, c in lex.forms("indicators") if c.key != "indicator-other"]
    )
    text = to_hans(counted)
    ending = next((iri for f, iri in forms if text.endswith(f)), None)
    if ending:
        return ending
    held = max(((text.rfind(f), len(f), iri) for f, iri in forms if f in text and len(f) > 1), default=None)
    return held[2] if held else LEX + "indicator-other"


def observations(g: GraphWriter, ex: Extraction, lexicon: Lexicon, iris: dict[str, str]) -> None:
    r"""State the figures of ``ex`` as observations of the article's data set, with their periods and links.

    A value in a unit that is a fraction of one (%, 成) is an ``xsd:decimal``; ``fp:partOf`` links a part to its
    whole and ``fp:sameFigureAs`` a repeat to the figure it repeats.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> from kg.lexicon import load_lexicon
    >>> from kg.ingest import parse_article
    >>> from kg.namespaces import QB
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n截至2015年底，全县有贫困户1350户。\n", path="a.txt")
    >>> ex = extract_text(article.text)
    >>> g = GraphWriter(article)
    >>> observations(g, ex, load_lexicon(), {"青崖县": "https://example.org/qingya"})
    >>> s = g.fact_iri("figure", ex.figures[0].figure_span)
    >>> f"<{s}> <{QB}dataSet> <{g.base}/figures> {g.g} .\n" in g.lines
    True
    >>> f"<{s}> <{SDMX_DIMENSION}refArea> <https://example.org/qingya> {g.g} .\n" in g.lines
    True
    >>> f'<{period_iri("../2015-12-31")}> <{FP}iso8601> "../2015-12-31" {g.g} .\n' in g.lines
    True
    """
    if not ex.figures:
        return
    data_set = f"{g.base}/figures"
    g.add(data_set, RDF + "type", QB + "DataSet")
    g.add(data_set, QB + "structure", FP + "figureStructure")
    g.add(data_set, PROV + "wasDerivedFrom", g.base)
    title = g.article.clean_at(g.article.meta["title"])
    g.labels(data_set, title, f"Figures of the article {g.article.article_id}")
    for f in ex.figures:
        s = _figure(g, f, lexicon)
        g.add(s, RDF + "type", QB + "Observation")
        g.add(s, QB + "dataSet", data_set)
        indicator = indicator_of(lexicon, f.counted) if f.counted else LEX + "indicator-other"
        g.add(s, FP + "indicator", indicator)
        g.add(s, FP + "countedItem", _item(g, f.counted, indicator))
        g.add(s, SDMX_DIMENSION + "refArea", iris.get(f.area or "", FP + "areaUnstated"))
        g.add(s, SDMX_DIMENSION + "refPeriod", _period(g, f))
    for f in ex.figures:
        s = g.fact_iri("figure", f.figure_span)
        if f.part_of is not None:
            g.add(s, FP + "partOf", g.fact_iri("figure", ex.figures[f.part_of].figure_span))
        if f.same_as is not None:
            g.add(s, FP + "sameFigureAs", g.fact_iri("figure", ex.figures[f.same_as].figure_span))


def _figure(g: GraphWriter, f: Figure, lexicon: Lexicon) -> str:
    """State one figure's node: value, unit, qualifier, status, what it counts and the clause; return its IRI."""
    unit = lexicon.concept(f.unit_concept) if f.unit_concept else None
    fraction = unit is not None and float(unit.prop("factor") or 1) < 1  # %, 成: the value is a fraction
    s = g.fact("figure", f.figure_span, FP + "Figure")
    value = f.value if f.value is not None else f.value_min
    if value is not None:
        g.add(s, FP + "value", decimal(value) if fraction else number(value))
    if f.value_min is not None:
        assert f.value_max is not None  # a range has both ends
        g.add(s, FP + "minValue", decimal(f.value_min) if fraction else number(f.value_min))
        g.add(s, FP + "maxValue", decimal(f.value_max) if fraction else number(f.value_max))
    g.add(s, FP + "unit", f.unit_concept)
    g.add(s, SDMX_ATTRIBUTE + "unitMeasure", f.unit_concept)
    if f.unit:  # a count with no measure word (受益群眾2000余) prints none
        g.add(s, FP + "unitPrinted", ox.Literal(f.unit, language=g.article.script))
    g.add(s, FP + "qualifier", FP + _camel(f.qualifier))
    if f.qualifier_printed:
        g.add(s, FP + "qualifierPrinted", ox.Literal(f.qualifier_printed, language=g.article.script))
    g.add(s, FP + "status", FP + _camel(f.status))
    g.add(s, FP + "printed", ox.Literal(f.printed, language=g.article.script))
    if f.counted:
        g.labels(s, f.counted, _english(lexicon, f.counted), FP + "counts")
    if f.per:
        g.labels(s, f.per, None, FP + "perEach")
    g.add(s, FP + "inName", ox.Literal("true" if f.in_name else "false", datatype=named_node(XSD + "boolean")))
    if f.time_ref:
        g.add(s, FP + "timeReference", ox.Literal(f.time_ref, language=g.article.script))
    if unit is not None and unit.prop("currencyCode"):
        g.add(s, FP + "currency", unit.prop("currencyCode"))
    g.add(s, FP + "clause", g.span(f.span))
    return s


def _english(lexicon: Lexicon, counted: str) -> str | None:
    """The English for a counted noun phrase the lexicon knows as it stands: an indicator's name (貧困戶)."""
    concept = lexicon.concept(indicator_of(lexicon, counted))
    return concept.labels.get("en") if concept and to_hans(counted) in concept.forms else None


def _item(g: GraphWriter, counted: str, indicator: str) -> str:
    """The IRI of the concept of what a figure counts, stated the first time (``fp:itemUnstated`` for nothing)."""
    if not counted:
        return FP + "itemUnstated"
    iri = f"{ID}item/{slug(to_hans(counted))}"
    g.add(iri, RDF + "type", FP + "CountedItem")
    g.add(iri, SKOS + "inScheme", FP + "countedItems")
    g.labels(iri, counted, None, SKOS + "prefLabel")
    g.add(iri, SKOS + "broadMatch", indicator)
    return iri


def _period(g: GraphWriter, f: Figure) -> str:
    """The IRI of the figure's period, stated as an OWL-Time interval; ``fp:periodUnstated`` if it has none."""
    p = f.period
    if p is None or not p.resolved or not p.iso:
        if p is not None:
            g.add(g.fact_iri("figure", f.figure_span), FP + "timeUnresolved", ox.Literal(p.reason or "", language="en"))
        return FP + "periodUnstated"
    iri = period_iri(p.iso)
    g.add(iri, RDF + "type", TIME + "ProperInterval")
    g.add(iri, RDFS + "label", ox.Literal(p.iso))
    g.add(iri, FP + "iso8601", ox.Literal(p.iso))
    for bound, prop, day in ((p.begin, "hasBeginning", _first_day), (p.end, "hasEnd", _last_day)):
        if bound:
            datatype, in_xsd = _PRECISION[len(bound)]
            instant = f"{iri}/{prop[3:].lower()}"
            g.add(iri, TIME + prop, instant)
            g.add(instant, RDF + "type", TIME + "Instant")
            g.add(instant, in_xsd, ox.Literal(bound, datatype=named_node(datatype)))
            if len(bound) < 10:  # the day it starts or ends on, for queries that compare dates
                g.add(instant, TIME + "inXSDDate", ox.Literal(day(bound), datatype=named_node(XSD + "date")))
    if p.duration:
        g.add(iri, TIME + "hasXSDDuration", ox.Literal(p.duration, datatype=named_node(XSD + "duration")))
    return iri


def _first_day(bound: str) -> str:
    """The first day of a year (2016) or month (2016-02), as an ISO date."""
    return (bound + "-01-01")[:10]


def _last_day(bound: str) -> str:
    """The last day of a year (2016) or month (2016-02), as an ISO date."""
    if len(bound) == 4:
        return bound + "-12-31"
    y, m = int(bound[:4]), int(bound[5:7])
    return (date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)).isoformat()


def _camel(code: str) -> str:
    return "".join(p.capitalize() for p in re.split(r"[_-]", code))
