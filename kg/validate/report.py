"""Validation results: one :class:`Result` per SHACL result, and the :class:`Report` as text, JSON or Turtle.

pySHACL's report graph is read into plain values here, each with the label of its focus node and the article text
that states it, so that the report reads without the data at hand.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from kg.namespaces import FP, NIF, PREFIXES, PROV, RDF, RDFS, SKOS, curie

__all__ = ["Result", "Report", "SEVERITIES", "SH", "KGSH", "read_results"]

SH = "http://www.w3.org/ns/shacl#"
KGSH = "https://w3id.org/fupin-kg/shapes#"
DCT_TITLE = "http://purl.org/dc/terms/title"
SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class Result:
    """One validation result, in plain values (picklable, JSON-ready)."""

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
    def value_term(self):
        if self.value_nt is None:
            return None
        return next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {self.value_nt} .", format=ox.RdfFormat.N_TRIPLES))).object

    @property
    def key(self) -> tuple:
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
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")


@dataclass
class Report:
    """What :func:`validate` returns: the results, and the report as text, JSON or RDF."""

    results: list[Result]
    triples: int
    graphs: int

    @property
    def counts(self) -> Counter:
        return Counter(r.severity for r in self.results)

    @property
    def conforms(self) -> bool:
        """No Violation. Warnings and Info are reported but do not stop a build."""
        return not self.counts["Violation"]

    def text(self, lang: str = "en") -> str:
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
        """The report as a ``sh:ValidationReport`` graph; same results, same bytes."""
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
            if r.value_nt is not None:
                out.append(ox.Triple(node, n(SH + "value"), r.value_term))
            out += [
                ox.Triple(node, n(SH + "resultMessage"), lit(text, language=lang))
                for lang, text in sorted(r.messages.items())
            ]
        prefixes = {"sh": SH, "kgsh": KGSH, **PREFIXES}
        out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return ox.serialize(out, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _term(text: str):
    return ox.BlankNode(text[2:]) if text.startswith("_:") else ox.NamedNode(text)


def _compact(iri: str) -> str:
    short = curie(iri, (("kgsh", KGSH), ("sh", SH)))
    return short if short != iri else f"<{iri}>"


# -- Shapes and context ------------------------------------------------------------------------------------------


def read_results(reports: list, triples: list, graph: str | None) -> list[Result]:
    """Plain results from pySHACL report graphs, with the label and article text of each focus node from ``triples``."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SH as SHNS

    nodes = [(report, node) for report in reports for node in report.objects(None, SHNS.result)]
    about = _index(triples) if nodes else {}
    out = []
    for report, node in nodes:
        get = lambda p: report.value(node, p)
        focus, value, path = get(SHNS.focusNode), get(SHNS.value), get(SHNS.resultPath)
        messages = {}
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
