"""The genre lexicon, gazetteer and repair table, read from the shipped Turtle files.

The extractor asks this module, never a Python list, what counts as a role, a
document kind, a unit or a verb. Every surface form is indexed in Simplified
script, which is how the extractor matches (see :func:`kg.text.shadow`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.namespaces import FP, LEX, RDF, RDFS, SKOS
from kg.resources import ontology_path
from kg.text import to_hans

__all__ = ["Concept", "Place", "Lexicon", "load_lexicon"]


@dataclass
class Concept:
    """One lexicon entry: its IRI, scheme, labels per language and surface forms (Simplified)."""

    iri: str
    scheme: str
    labels: dict[str, str] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)
    props: dict[str, str] = field(default_factory=dict)
    values: dict[str, list[str]] = field(default_factory=dict)  # every value of a property, Simplified

    @property
    def key(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    @property
    def hans(self) -> str:
        return to_hans(self.labels.get("zh-Hans") or self.labels.get("zh-Hant", ""))

    def prop(self, name: str, default=None):
        return self.props.get(name, default)

    def prop_values(self, name: str) -> list[str]:
        """Every value of a repeated property (fp:honourWord…), in Simplified script."""
        return self.values.get(name, [])


@dataclass
class Place:
    """A gazetteer entry: a division, its class, labels, short forms and parent IRI."""

    iri: str
    cls: str
    labels: dict[str, str]
    forms: list[str]
    parent: str | None


@dataclass
class Lexicon:
    concepts: dict[str, list[Concept]]
    places: dict[str, Place]
    repairs: list[tuple[str, str]]
    misprints: list[tuple[str, str]]

    def scheme(self, name: str) -> list[Concept]:
        return self.concepts.get(name, [])

    def forms(self, scheme: str) -> list[tuple[str, Concept]]:
        """Every (Simplified form, concept) of a scheme, longest form first (sorted once, then kept)."""
        cache = self.__dict__.setdefault("_forms", {})
        if scheme not in cache:
            pairs = [(f, c) for c in self.scheme(scheme) for f in c.forms]
            cache[scheme] = sorted(pairs, key=lambda p: (-len(p[0]), p[0]))
        return list(cache[scheme])

    @property
    def chrome_markers(self) -> list[str]:
        out = []
        for c in self.scheme("page-chrome"):
            out += c.forms + [c.labels.get("zh-Hant", "")]
        return [m for m in out if m]

    def apply_repairs(self, text: str):
        """Replace lost characters declared in the repair table; return ``(clean, repairs)``."""
        from kg.span import Repair, Span

        found = []
        for printed, repaired in self.repairs:
            start = text.find(printed)
            while start != -1:
                found.append(Repair(printed, repaired, Span(start, start + len(printed))))
                start = text.find(printed, start + 1)
        if not found:
            return text, []
        chars = list(text)
        for r in found:
            chars[r.span.start : r.span.end] = list(r.repaired)
        return "".join(chars), sorted(found, key=lambda r: r.span.start)

    def correct_misprints(self, text: str) -> str:
        for printed, correct in self.misprints:
            text = text.replace(printed, correct)
        return text

    @cached_property
    def _by_iri(self) -> dict[str, Concept]:
        return {c.iri: c for cs in self.concepts.values() for c in cs}

    def concept(self, iri: str) -> Concept | None:
        """The concept with this IRI, from any scheme."""
        return self._by_iri.get(iri)


_LANG = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}


def _lit(term):
    """Value and language of a literal, with the script subtag in its usual case (zh-Hant)."""
    lang = getattr(term, "language", None)
    return term.value, _LANG.get(lang, lang)


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load ``lexicon.ttl``, ``gazetteer.ttl`` and ``repairs.ttl`` (from the package, or ``directory``).

    Raises
    ------
    LexiconError
        A file is missing or malformed, or a repair changes the text's length.
    """
    import pyoxigraph as ox

    def read(name):
        path = (directory / name) if directory else ontology_path(name)
        try:
            return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (OSError, SyntaxError) as e:
            raise LexiconError(f"{path}: {e}") from None

    type_ = RDF + "type"
    concepts: dict[str, Concept] = {}
    for q in read("lexicon.ttl"):
        s, p, o = q.subject.value, q.predicate.value, q.object
        if not s.startswith(LEX):
            continue
        c = concepts.setdefault(s, Concept(s, ""))
        if p == SKOS + "inScheme":
            c.scheme = o.value[len(LEX) :]
        elif p in (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel"):
            value, lang = _lit(o)
            if p == SKOS + "prefLabel" and lang:
                c.labels[lang] = value
            if lang != "en":
                form = to_hans(value)
                if form not in c.forms:
                    c.forms.append(form)
        elif p.startswith(FP):
            c.props[p[len(FP) :]] = o.value
            values = c.values.setdefault(p[len(FP) :], [])
            if to_hans(o.value) not in values:
                values.append(to_hans(o.value))
    by_scheme: dict[str, list[Concept]] = {}
    for c in sorted(concepts.values(), key=lambda c: c.iri):
        if c.scheme:
            by_scheme.setdefault(c.scheme, []).append(c)

    places: dict[str, Place] = {}
    for q in read("gazetteer.ttl"):
        s, p, o = q.subject.value, q.predicate.value, q.object
        if p == type_ and o.value.startswith(FP):
            places.setdefault(s, Place(s, "", {}, [], None)).cls = o.value
        elif p in (RDFS + "label", SKOS + "altLabel"):
            pl = places.setdefault(s, Place(s, "", {}, [], None))
            value, lang = _lit(o)
            if p == RDFS + "label":
                pl.labels[lang] = value
            if lang != "en" and to_hans(value) not in pl.forms:
                pl.forms.append(to_hans(value))
        elif p == FP + "withinDivision":
            places.setdefault(s, Place(s, "", {}, [], None)).parent = o.value

    repairs, misprints, entries = [], [], {}
    for q in read("repairs.ttl"):
        entries.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    for iri in sorted(entries):
        e = entries[iri]
        printed, repaired = e.get(FP + "printedForm"), e.get(FP + "repairedForm")
        kind = e.get(type_)
        if not printed or not repaired:
            continue
        if kind == FP + "LostCharacter":
            if len(printed) != len(repaired):
                raise LexiconError(f"repair {iri}: printed and repaired forms differ in length")
            repairs.append((printed, repaired))
        elif kind == FP + "Misprint":
            misprints.append((printed, repaired))
    return Lexicon(by_scheme, places, repairs, misprints)
