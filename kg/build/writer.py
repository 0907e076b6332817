"""Writing an article's named graph: N-Quads lines, each once, with NIF spans and reified statements.

:class:`GraphWriter` collects the lines of one article's graph as the build states them
(written straight to N-Quads text, so nothing is serialised twice), and offers the
patterns every part of the build uses: a span of article text as a NIF string, a fact
node derived from its span, labels in both Chinese scripts (and English), and an edge
reified as an ``fp:Statement`` with its basis.

IRIs of the article's own facts are minted from the article's IRI and the offsets of
their spans (``<article>/figure/120-131``), so the same text always gives the same IRIs.
Literals are written in their canonical form (:func:`integer`, :func:`decimal`), the
form triple stores give back, so the graph survives a round trip through one unchanged.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox

from kg.ingest import Article
from kg.namespaces import FP, ID, NIF, PROV, RDF, RDFS, XSD
from kg.span import Span
from kg.text import to_hans, to_hant

__all__ = ["GAZETTEER", "GraphWriter", "article_iri", "decimal", "graph_iri", "integer", "named_node", "number"]

#: What background statements (administrative facts no article states) are derived from: the shipped gazetteer.
GAZETTEER = "https://w3id.org/fupin-kg/gazetteer"
# the terms of every span, in N-Triples form
_TYPE, _NIF_STRING, _NIF_OFFSET_STRING = f"<{RDF}type>", f"<{NIF}String>", f"<{NIF}OffsetBasedString>"
_NIF_BEGIN, _NIF_END, _NIF_ANCHOR, _NIF_CONTEXT = (
    f"<{NIF}{p}>" for p in ("beginIndex", "endIndex", "anchorOf", "referenceContext")
)


def article_iri(article_id: str) -> str:
    """Return the IRI of an article: the subject of its metadata, and the base of its facts' IRIs.

    Parameters
    ----------
    article_id
        The article's identifier (:attr:`kg.ingest.Article.article_id`).

    Returns
    -------
    str
        The IRI, under ``https://w3id.org/fupin-kg/id/article/``.

    See Also
    --------
    graph_iri : the named graph that holds what the article states.

    Examples
    --------
    >>> article_iri("000_bdc2813b06239aaa")
    'https://w3id.org/fupin-kg/id/article/000_bdc2813b06239aaa'
    """
    return f"{ID}article/{article_id}"


def graph_iri(article_id: str) -> str:
    """Return the IRI of an article's named graph, which holds every triple the article's build states.

    Parameters
    ----------
    article_id
        The article's identifier (:attr:`kg.ingest.Article.article_id`).

    Returns
    -------
    str
        The IRI, under ``https://w3id.org/fupin-kg/id/graph/``.

    See Also
    --------
    article_iri : the article itself.

    Examples
    --------
    >>> graph_iri("000_bdc2813b06239aaa")
    'https://w3id.org/fupin-kg/id/graph/000_bdc2813b06239aaa'
    """
    return f"{ID}graph/{article_id}"


@lru_cache(maxsize=1 << 16)
def named_node(iri: str) -> ox.NamedNode:
    """Return ``pyoxigraph.NamedNode(iri)``, made once per IRI.

    IRIs repeat (predicates, classes, datatypes, shared entities), so each node is
    remembered and given back again.

    Parameters
    ----------
    iri
        An absolute IRI.

    Returns
    -------
    pyoxigraph.NamedNode
        The node; the same object for the same IRI.

    Raises
    ------
    ValueError
        ``iri`` is not a valid IRI (raised by pyoxigraph).

    Examples
    --------
    >>> from kg.namespaces import XSD
    >>> named_node(XSD + "integer").value
    'http://www.w3.org/2001/XMLSchema#integer'
    >>> named_node(XSD + "integer") is named_node(XSD + "integer")
    True
    """
    return ox.NamedNode(iri)


_INTEGER = f"<{XSD}integer>"


def integer(v: float) -> ox.Literal:
    """Return an ``xsd:integer`` literal of ``v``, its fraction dropped.

    Parameters
    ----------
    v
        A whole number (an ``int``, or a ``float`` such as ``25.0``).

    Returns
    -------
    pyoxigraph.Literal
        The literal, in canonical form (no sign for positives, no leading zeros, no point).

    See Also
    --------
    number : ``xsd:integer`` or ``xsd:decimal``, whichever fits.

    Examples
    --------
    >>> integer(25.0).value, integer(25).datatype.value
    ('25', 'http://www.w3.org/2001/XMLSchema#integer')
    """
    return ox.Literal(str(int(v)), datatype=named_node(XSD + "integer"))


def number(v: float) -> ox.Literal:
    """Return a number as an ``xsd:integer`` literal if it is whole, else as an ``xsd:decimal``.

    Parameters
    ----------
    v
        The number.

    Returns
    -------
    pyoxigraph.Literal
        :func:`integer` of ``v`` or :func:`decimal` of ``v``.

    Examples
    --------
    >>> [(n.value, n.datatype.value.rsplit("#")[1]) for n in (number(1200.0), number(2.5))]
    [('1200', 'integer'), ('2.5', 'decimal')]
    """
    if v is not None and float(v) == int(v):
        return integer(v)
    return decimal(v)


def decimal(v: float) -> ox.Literal:
    """Return an ``xsd:decimal`` literal of ``v`` in canonical form.

    The canonical form (XSD 1.1: no exponent, no trailing zeros, no trailing point) is
    the form triple stores give back, so the graph survives a round trip through one
    unchanged. The number is read from its shortest decimal text (``str(v)``), so
    ``0.03`` stays ``0.03``.

    Parameters
    ----------
    v
        The number.

    Returns
    -------
    pyoxigraph.Literal
        The literal.

    Examples
    --------
    >>> decimal(5000.0).value, decimal(0.03).value, decimal(0.00001).value
    ('5000', '0.03', '0.00001')
    """
    text = format(Decimal(str(v)).normalize(), "f")
    return ox.Literal(text, datatype=named_node(XSD + "decimal"))


class GraphWriter:
    r"""Collect the triples of one article's named graph as N-Quads lines, each once, in the order stated.

    Subjects, predicates and IRI objects are given as strings (or pyoxigraph terms);
    every line is written at once, in the article's graph (:func:`graph_iri`). The lines
    are :attr:`lines`, a dict used as an ordered set: joining its keys gives the graph's
    N-Quads, the same bytes for the same article.

    Parameters
    ----------
    article
        The article whose graph this is; spans quote its :attr:`~kg.ingest.Article.text`.

    Attributes
    ----------
    article : Article
        The article.
    base : str
        The article's IRI (:func:`article_iri`), the base of its facts' IRIs.
    lines : dict of str to None
        The N-Quads lines written so far, in order.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> from kg.ingest import parse_article
    >>> from kg.namespaces import FP, curie
    >>> article = parse_article("標題\n2016年12月13日\n正文。\n", path="a.txt")
    >>> g = GraphWriter(article)
    >>> node = g.fact("figure", article.body, FP + "Figure")
    >>> node, g.span(article.body)
    ('https://w3id.org/fupin-kg/id/article/a/figure/15-18', 'https://w3id.org/fupin-kg/id/article/a#char=15,18')
    >>> for q in ox.parse("".join(g.lines), format=ox.RdfFormat.N_QUADS):
    ...     o = curie(q.object.value) if isinstance(q.object, ox.NamedNode) else q.object
    ...     print(curie(q.subject.value), curie(q.predicate.value), o)
    kgid:article/a/figure/15-18 rdf:type fp:Figure
    kgid:article/a#char=15,18 rdf:type nif:String
    kgid:article/a#char=15,18 rdf:type nif:OffsetBasedString
    kgid:article/a#char=15,18 nif:beginIndex "15"^^<http://www.w3.org/2001/XMLSchema#integer>
    kgid:article/a#char=15,18 nif:endIndex "18"^^<http://www.w3.org/2001/XMLSchema#integer>
    kgid:article/a#char=15,18 nif:anchorOf "正文。"
    kgid:article/a#char=15,18 nif:referenceContext kgid:article/a#char=0,18
    kgid:article/a/figure/15-18 prov:wasDerivedFrom kgid:article/a#char=15,18
    kgid:article/a/figure/15-18 fp:inArticle kgid:article/a
    """

    def __init__(self, article: Article):
        self.article = article
        self.g = f"<{graph_iri(article.article_id)}>"
        self.lines: dict[str, None] = {}  # N-Quads lines, each once, in the order the build states them
        self.labelled: set[tuple] = set()
        self.spans: set[str] = set()
        self.base = article_iri(article.article_id)

    def add(self, s, p, o) -> None:
        """State ``s p o`` in the article's graph (once, however often it is stated).

        ``s`` is an IRI as a string (or a pyoxigraph term), ``p`` an IRI as a string. ``o``
        is a string that starts with ``http://`` or ``https://`` (an IRI), another string
        (a plain literal), a pyoxigraph term, or ``None`` (nothing is stated). The line is written here, terms
        in N-Triples form by pyoxigraph, so nothing is serialised twice.
        """
        if o is None:
            return
        if o.__class__ is str:
            o = f"<{o}>" if o.startswith(("http://", "https://")) else str(ox.Literal(o))
        else:
            o = str(o)
        self.lines[f"{f'<{s}>' if s.__class__ is str else str(s)} <{p}> {o} {self.g} .\n"] = None

    def labels(self, s, name: str, en: str | None = None, prop: str = RDFS + "label") -> None:
        """State ``name`` as ``prop`` of ``s`` in zh-Hant and zh-Hans (converted to each script), and ``en`` if given.

        Only the first call for a subject and property counts, so a title printed twice
        with different brackets still gives one label per language.
        """
        if (s, prop) in self.labelled:
            return
        self.labelled.add((s, prop))
        hant = name if self.article.script == "zh-Hant" else to_hant(name)
        self.add(s, prop, ox.Literal(hant, language="zh-Hant"))
        self.add(s, prop, ox.Literal(to_hans(name), language="zh-Hans"))
        if en:
            self.add(s, prop, ox.Literal(en, language="en"))

    def span(self, span: Span) -> str:
        """Return the IRI of the NIF string node of ``span``, stating the node the first time.

        The node's ``nif:anchorOf`` is the article text as shipped (damage included).
        """
        iri = f"{self.base}#char={span.start},{span.end}"
        if iri in self.spans:
            return iri
        self.spans.add(iri)
        anchor = str(ox.Literal(self.article.text[span.start : span.end]))
        for line in (
            f"<{iri}> {_TYPE} {_NIF_STRING} {self.g} .\n",
            f"<{iri}> {_TYPE} {_NIF_OFFSET_STRING} {self.g} .\n",
            f'<{iri}> {_NIF_BEGIN} "{span.start}"^^{_INTEGER} {self.g} .\n',
            f'<{iri}> {_NIF_END} "{span.end}"^^{_INTEGER} {self.g} .\n',
            f"<{iri}> {_NIF_ANCHOR} {anchor} {self.g} .\n",
            f"<{iri}> {_NIF_CONTEXT} <{self.context}> {self.g} .\n",
        ):
            self.lines[line] = None  # six lines for every span, written at once
        return iri

    @property
    def context(self) -> str:
        """The NIF context: the article text from its first character to the end of its content (chrome excluded)."""
        return f"{self.base}#char=0,{self.article.content.end}"

    def fact_iri(self, kind: str, span: Span) -> str:
        """Return the IRI of the fact node of ``kind`` stated by ``span`` (see :meth:`fact`), stating nothing."""
        return f"{self.base}/{kind}/{span.start}-{span.end}"

    def fact(self, kind: str, span: Span, cls: str) -> str:
        """State a fact node of class ``cls``, derived from the span that states it; return its IRI.

        The IRI is minted from ``kind`` and the span's offsets (:meth:`fact_iri`).
        """
        iri = self.fact_iri(kind, span)
        self.add(iri, RDF + "type", cls)
        self.add(iri, PROV + "wasDerivedFrom", self.span(span))
        self.add(iri, FP + "inArticle", self.base)
        return iri

    def statement(self, s: str, p: str, o: str, basis: str, span: Span | None) -> None:
        """State ``s p o`` and reify it as an ``fp:Statement`` with its basis and where it comes from.

        ``basis`` is ``"explicit"`` or ``"implicit"`` (the statement is derived from
        ``span``) or ``"background"`` (derived from the :data:`GAZETTEER`).
        """
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
