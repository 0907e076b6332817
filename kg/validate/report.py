"""Validation results: one :class:`Result` per SHACL result, and the :class:`Report` as text, JSON or Turtle.

pySHACL's report graphs are read into plain values here (:func:`read_results`), each
with the label of its focus node and the article text that states it, so that the report
reads without the data at hand. Plain values cross process boundaries (graphs are
validated in worker processes) and give the same report, byte for byte, for the same data.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from kg.namespaces import FP, NIF, PREFIXES, PROV, RDF, RDFS, SKOS, curie

__all__ = ["Result", "Report", "SEVERITIES", "SH", "KGSH", "read_results"]

#: The SHACL namespace.
SH = "http://www.w3.org/ns/shacl#"
#: The namespace of the project's shapes (``kgsh:``).
KGSH = "https://w3id.org/fupin-kg/shapes#"
DCT_TITLE = "http://purl.org/dc/terms/title"
#: The SHACL severities, most severe first: only a Violation makes a graph non-conforming.
SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class Result:
    """One validation result, in plain values (picklable, JSON-ready).

    Attributes
    ----------
    severity : str
        ``"Violation"``, ``"Warning"`` or ``"Info"`` (see :data:`SEVERITIES`).
    focus : str
        The node the result is about: an IRI, or ``_:`` and a blank node's label.
    shape : str
        The shape that gave the result (as ``focus``).
    component : str
        The IRI of the SHACL constraint component that failed.
    path : str or None
        The property path, where the constraint is on a property.
    value : str or None
        The value at fault, as text (a literal's lexical form, or an IRI).
    label : str or None
        The focus node's name for a reader (its label, title or printed form).
    messages : dict of str to str
        The shape's message by language tag (``en``, ``zh-Hans``, ``zh-Hant``).
    span : tuple or None
        The article text behind the result: (begin, end, quoted text).
    graph : str or None
        The named graph (article) validated: its IRI, ``""`` for the default graph, or
        ``None`` for the pass over the union of the graphs.
    value_nt : str or None
        The value as an N-Triples term.

    Examples
    --------
    >>> r = Result("Warning", "https://example.org/x", KGSH + "S", SH + "MinCountConstraintComponent",
    ...            messages={"en": "needs a label", "zh-Hans": "需要标签"})
    >>> r.message(), r.message("zh-Hans"), r.message("zh-Hant")
    ('needs a label', '需要标签', 'needs a label')
    >>> r.key[:3]
    (1, '', 'https://example.org/x')
    """

    severity: str
    focus: str
    shape: str
    component: str
    path: str | None = None
    value: str | None = None
    label: str | None = None
    messages: dict = field(default_factory=dict, compare=False, hash=False)
    span: tuple | None = None  # (begin, end, quoted text)
    graph: str | None = None
    value_nt: str | None = field(default=None, compare=False)  # the value as an N-Triples term

    @property
    def value_term(self) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None:
        """The value as a pyoxigraph term (parsed from :attr:`value_nt`), or ``None``."""
        if self.value_nt is None:
            return None
        return next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {self.value_nt} .", format=ox.RdfFormat.N_TRIPLES))).object

    @property
    def key(self) -> tuple:
        """The sort key of a report: severity (most severe first), graph, focus, shape, component, path, value."""
        return (
            SEVERITIES.index(self.severity),
            self.graph or "",
            self.focus,
            self.shape,
            self.component,
            self.path or "",
            self.value or "",
        )

    def message(self, lang: str = "en") -> str:
        """The message in language ``lang``, else in English, else in any language, else ``""``."""
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")


@dataclass
class Report:
    r"""The results of a validation, and the report as text, JSON or RDF.

    What :func:`~kg.validate.engine.validate` returns.

    Attributes
    ----------
    results : list of Result
        Every result, sorted by :attr:`Result.key`.
    triples : int
        How many triples were validated.
    graphs : int
        How many named graphs (articles) they were in.

    Examples
    --------
    >>> r = Result("Warning", "https://example.org/x", KGSH + "S", SH + "MinCountConstraintComponent",
    ...            path="http://www.w3.org/2000/01/rdf-schema#label", messages={"en": "needs a label"})
    >>> report = Report([r], triples=3, graphs=1)
    >>> report.conforms, report.counts
    (True, Counter({'Warning': 1}))
    >>> print(report.text())
    Conforms: 0 violations, 1 warnings, 0 info (3 triples in 1 graphs)
    <BLANKLINE>
    Warning: <https://example.org/x>
      shape kgsh:S · path rdfs:label
      needs a label
    """

    results: list[Result]
    triples: int
    graphs: int

    @property
    def counts(self) -> Counter:
        """The number of results per severity."""
        return Counter(r.severity for r in self.results)

    @property
    def conforms(self) -> bool:
        """No Violation. Warnings and Info are reported but do not stop a build."""
        return not self.counts["Violation"]

    def text(self, lang: str = "en") -> str:
        """The report for a reader: a summary line, then each result with its shape, path, value, message and text.

        Messages are given in ``lang`` where the shapes have it (``en``, ``zh-Hans``, ``zh-Hant``).
        """
        c = self.counts
        head = (
            f"{'Conforms' if self.conforms else 'Does not conform'}: {c['Violation']} violations, "
            f"{c['Warning']} warnings, {c['Info']} info ({self.triples} triples in {self.graphs} graphs)"
        )
        lines = [head]
        for r in self.results:
            who = f"{r.label} <{r.focus}>" if r.label else f"<{r.focus}>"
            lines.append(f"\n{r.severity}: {who}")
            detail = [f"shape {_compact(r.shape)}"]
            if r.path:
                detail.append(f"path {_compact(r.path)}")
            if r.value is not None:
                detail.append(f"value {r.value}")
            lines.append("  " + " · ".join(detail))
            lines.append(f"  {r.message(lang)}")
            if r.span:
                lines.append(f"  text [{r.span[0]}, {r.span[1]}): {r.span[2]}")
        return "\n".join(lines)

    def to_json(self) -> str:
        """The report as JSON: ``conforms``, ``counts``, ``triples``, ``graphs`` and every result's fields."""
        return json.dumps(
            {
                "conforms": self.conforms,
                "counts": {s: self.counts[s] for s in SEVERITIES},
                "triples": self.triples,
                "graphs": self.graphs,
                "results": [asdict(r) for r in self.results],
            },
            ensure_ascii=False,
            indent=2,
        )

    def to_turtle(self) -> bytes:
        """The report as a ``sh:ValidationReport`` graph in Turtle; the same results give the same bytes."""
        n, lit = ox.NamedNode, ox.Literal
        report = ox.BlankNode("report")
        out = [
            ox.Triple(report, n(RDF + "type"), n(SH + "ValidationReport")),
            ox.Triple(report, n(SH + "conforms"), lit("true" if self.conforms else "false", datatype=n(_XSD_BOOLEAN))),
        ]
        for i, r in enumerate(self.results, 1):
            node = ox.BlankNode(f"result{i:05d}")
            out += [
                ox.Triple(report, n(SH + "result"), node),
                ox.Triple(node, n(RDF + "type"), n(SH + "ValidationResult")),
                ox.Triple(node, n(SH + "resultSeverity"), n(SH + r.severity)),
                ox.Triple(node, n(SH + "focusNode"), _term(r.focus)),
                ox.Triple(node, n(SH + "sourceShape"), _term(r.shape)),
                ox.Triple(node, n(SH + "sourceConstraintComponent"), n(r.component)),
            ]
            if r.path:
                out.append(ox.Triple(node, n(SH + "resultPath"), n(r.path)))
            value = r.value_term  # None when the result has no value
            if value is not None:
                out.append(ox.Triple(node, n(SH + "value"), value))
            out += [
                ox.Triple(node, n(SH + "resultMessage"), lit(text, language=lang))
                for lang, text in sorted(r.messages.items())
            ]
        prefixes = {"sh": SH, "kgsh": KGSH, **PREFIXES}
        out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        turtle = ox.serialize(out, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        assert turtle is not None  # serialised to bytes, not to a file
        return turtle


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _term(text: str):
    return ox.BlankNode(text[2:]) if text.startswith("_:") else ox.NamedNode(text)


def _compact(iri: str) -> str:
    short = curie(iri, (("kgsh", KGSH), ("sh", SH)))
    return short if short != iri else f"<{iri}>"


# -- Shapes and context ------------------------------------------------------------------------------------------


def read_results(reports: list, triples: list, graph: str | None) -> list[Result]:
    r"""Read pySHACL report graphs into plain results, with the label and article text of each focus node.

    Parameters
    ----------
    reports
        pySHACL's results graphs (rdflib graphs of ``sh:ValidationReport``).
    triples
        The pyoxigraph triples validated; each focus node's label and the text of its
        span are looked up in them.
    graph
        The named graph validated, kept in each result (see :attr:`Result.graph`).

    Returns
    -------
    list of Result
        One per ``sh:result``, in no fixed order (:class:`Report` sorts them).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> import pyshacl
    >>> import rdflib
    >>> shapes = rdflib.Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <https://example.org/S> a sh:NodeShape ; sh:targetClass <https://example.org/Village> ;
    ...         sh:property [ sh:path <https://example.org/county> ; sh:minCount 1 ;
    ...                       sh:message "a village lies in a county"@en ] .''')
    >>> x = ox.NamedNode("https://example.org/x")
    >>> triples = [ox.Triple(x, ox.NamedNode(RDF + "type"), ox.NamedNode("https://example.org/Village")),
    ...            ox.Triple(x, ox.NamedNode(RDFS + "label"), ox.Literal("青杠坡村", language="zh-Hant"))]
    >>> data = rdflib.Graph().parse(format="nt", data="".join(f"{t} .\n" for t in triples))
    >>> [r] = read_results([pyshacl.validate(data, shacl_graph=shapes)[1]], triples, None)
    >>> r.severity, r.focus, r.label, r.message()
    ('Violation', 'https://example.org/x', '青杠坡村', 'a village lies in a county')
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import SH as SHNS

    nodes = [(report, node) for report in reports for node in report.objects(None, SHNS.result)]
    about = _index(triples) if nodes else {}
    out = []
    for report, node in nodes:
        get = lambda p: report.value(node, p)
        focus, value, path = get(SHNS.focusNode), get(SHNS.value), get(SHNS.resultPath)
        messages: dict[str, str] = {}
        for m in sorted(report.objects(node, SHNS.resultMessage)):
            lang = _LANGS.get((m.language or "en").lower(), m.language or "en")
            messages.setdefault(lang, str(m))
        out.append(
            Result(
                severity=str(get(SHNS.resultSeverity)).rsplit("#", 1)[-1],
                focus=_n3(focus),
                shape=_n3(get(SHNS.sourceShape)),
                component=str(get(SHNS.sourceConstraintComponent)),
                path=str(path) if isinstance(path, URIRef) else None,
                value=(str(value) if isinstance(value, Literal) else _n3(value)) if value is not None else None,
                value_nt=value.n3() if value is not None else None,
                label=_label(about, str(focus)),
                messages=messages,
                span=_span(about, str(focus), str(value) if isinstance(value, URIRef) else None),
                graph=graph,
            )
        )
    return out


_LANGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def _index(triples) -> dict:
    """subject IRI → predicate IRI → objects (pyoxigraph terms), for the few lookups a report needs."""
    about: dict = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            about[t.subject.value][t.predicate.value].append(t.object)
    return about


def _n3(term) -> str:
    from rdflib import BNode

    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _label(about, node: str) -> str | None:
    """The node's name for a reader: a Traditional label, else any label, title or printed form."""
    props = about.get(node, {})
    for p in (RDFS + "label", SKOS + "prefLabel", DCT_TITLE, FP + "printed"):
        found = {(o.language or "").lower(): o.value for o in sorted(props.get(p, []), key=str)}
        if found:
            return found.get("zh-hant") or found.get("zh-hans") or next(iter(sorted(found.items())))[1]
    return None


def _span(about, focus: str, value: str | None) -> tuple | None:
    """The article text behind a result: the value if it is a span, else the focus node's evidence or first mention."""
    for node in (value, focus):
        if node is not None and NIF + "anchorOf" in about.get(node, {}):
            return _span_of(about, node)
    for p in (PROV + "wasDerivedFrom", FP + "mentionedAt"):
        for s in sorted(o.value for o in about.get(focus, {}).get(p, []) if isinstance(o, ox.NamedNode)):
            if NIF + "anchorOf" in about.get(s, {}):
                return _span_of(about, s)
    return None


def _span_of(about, node: str) -> tuple:
    b, e, a = (next(iter(about[node].get(NIF + x, [])), None) for x in ("beginIndex", "endIndex", "anchorOf"))
    return (_int(b), _int(e), a.value if a is not None else None)


def _int(term):
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        return term.value
