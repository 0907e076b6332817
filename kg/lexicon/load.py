"""Reading the lexicon, the gazetteer and the repair table from their Turtle files, once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.lexicon.entries import Concept, Lexicon, Place
from kg.namespaces import FP, LEX, RDF, RDFS, SKOS
from kg.resources import ontology_path
from kg.text import to_hans

__all__ = ["load_lexicon"]


_LANG = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}


def _lit(term):
    """Value and language of a literal, with the script subtag in its usual case (zh-Hant)."""
    lang = getattr(term, "language", None)
    return term.value, _LANG.get(lang, lang)


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load ``lexicon.ttl``, ``gazetteer.ttl`` and ``repairs.ttl`` (from the package, or ``directory``), once.

    Parameters
    ----------
    directory
        A folder holding the three files; the package's own by default.

    Returns
    -------
    Lexicon
        The lexicon; the same object for every call with the same ``directory``.

    Raises
    ------
    LexiconError
        A file is missing or malformed, or a repair changes the text's length.

    Examples
    --------
    >>> load_lexicon() is load_lexicon()
    True
    >>> load_lexicon().words("word-subset")
    ['其中']
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

    repairs: list[tuple[str, str]] = []
    misprints: list[tuple[str, str]] = []
    entries: dict[str, dict[str, str]] = {}
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
