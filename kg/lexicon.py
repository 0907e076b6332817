"""The genre lexicon, gazetteer and repair table, read from the shipped Turtle files.

The extractor asks this module, never a Python list, what counts as a role, a
document kind, a unit, a verb, a time phrase or a boundary word. Every surface
form is indexed in Simplified script, which is how the extractor matches (see
:func:`kg.text.shadow`). The lexicon's grammar section holds the words,
character classes and phrase patterns the rules read, each entry named by its
local name (``word-subset``, ``pattern-date-line`` …).

Examples
--------
>>> lexicon = load_lexicon()
>>> lexicon.words("word-range")
['至', '到']
>>> lexicon.pattern("pattern-document-year").search("2017年").group(1)
'2017'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.namespaces import FP, LEX, RDF, RDFS, SKOS
from kg.resources import ontology_path
from kg.span import Repair, Span
from kg.text import to_hans

__all__ = ["CJK", "Concept", "Lexicon", "Place", "alternation", "compiled", "load_lexicon"]

#: The range of CJK unified ideographs, for character classes of patterns (the ``{cjk}`` slot).
CJK = f"{chr(0x4E00)}-{chr(0x9FFF)}"

#: ``re.compile`` with a cache of its own: the lexicon's patterns stay compiled while each article adds its own
#: (the ``re`` module's small cache would drop the oldest, which are the lexicon's, after a few dozen articles).
compiled = lru_cache(maxsize=4096)(re.compile)

_SLOT = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=1024)
def _alternation(forms: tuple[str, ...]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def alternation(forms) -> str:
    """A regular-expression alternation of literal forms, longest first (so the longest form wins).

    Examples
    --------
    >>> alternation(["县", "县级市", "市"])
    '县级市|县|市'
    """
    return _alternation(tuple(forms))


@dataclass
class Concept:
    """One lexicon entry: its IRI, scheme, labels per language and surface forms (Simplified).

    Examples
    --------
    >>> c = load_lexicon().entry("word-subset")
    >>> c.key, c.scheme, c.labels["en"], c.prop_values("word")
    ('word-subset', 'grammar-words', 'of which', ['其中'])
    """

    iri: str
    scheme: str
    labels: dict[str, str] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)
    props: dict[str, str] = field(default_factory=dict)
    values: dict[str, list[str]] = field(default_factory=dict)  # every value of a property, Simplified

    @property
    def key(self) -> str:
        """The local name of the IRI."""
        return self.iri.rsplit("/", 1)[-1]

    @property
    def hans(self) -> str:
        """The preferred label in Simplified script."""
        return to_hans(self.labels.get("zh-Hans") or self.labels.get("zh-Hant", ""))

    def prop(self, name: str, default=None):
        """The value of the ``fp:`` property ``name`` (the last one given), or ``default``."""
        return self.props.get(name, default)

    def prop_values(self, name: str) -> list[str]:
        """Every value of a repeated ``fp:`` property (fp:word, fp:honourWord …), in Simplified script."""
        return self.values.get(name, [])


@dataclass
class Place:
    """A gazetteer entry: a division, its class, labels, short forms and parent IRI.

    Examples
    --------
    >>> place = next(p for p in load_lexicon().places.values() if p.labels.get("en") == "Sichuan")
    >>> place.cls.rsplit("#", 1)[-1], place.parent
    ('Province', None)
    """

    iri: str
    cls: str
    labels: dict[str, str]
    forms: list[str]
    parent: str | None


@dataclass
class Lexicon:
    """The lexicon's concepts by scheme, the gazetteer's places and the repair table.

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> [c.prop("code") for c in lexicon.ranked("frequencies")][:2]
    ['monthly', 'weekly']
    >>> lexicon.apply_repairs("華?市")[0]
    '華鎣市'
    """

    concepts: dict[str, list[Concept]]
    places: dict[str, Place]
    repairs: list[tuple[str, str]]
    misprints: list[tuple[str, str]]
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def scheme(self, name: str) -> list[Concept]:
        """The concepts of scheme ``lex:name``, in IRI order."""
        return self.concepts.get(name, [])

    def forms(self, scheme: str) -> list[tuple[str, Concept]]:
        """Every (Simplified form, concept) of a scheme, longest form first (sorted once, then kept)."""
        cache = self._cache.setdefault("forms", {})
        if scheme not in cache:
            pairs = [(f, c) for c in self.scheme(scheme) for f in c.forms]
            cache[scheme] = sorted(pairs, key=lambda p: (-len(p[0]), p[0]))
        return list(cache[scheme])

    def ranked(self, scheme: str) -> list[Concept]:
        """The concepts of a scheme by ``fp:rank`` (the one a rule takes first), then IRI."""
        return sorted(self.scheme(scheme), key=lambda c: (int(c.prop("rank", 1 << 30)), c.iri))

    def entry(self, key: str) -> Concept:
        """The entry ``lex:key``, from any scheme.

        Raises
        ------
        LexiconError
            The lexicon has no such entry.
        """
        concept = self._by_iri.get(LEX + key)
        if concept is None:
            raise LexiconError(f"the lexicon has no entry lex:{key}, which the extractor reads")
        return concept

    def words(self, key: str) -> list[str]:
        """The surface words (``fp:word``, Simplified) of the grammar entry ``lex:key``."""
        return self.entry(key).prop_values("word")

    def characters(self, key: str) -> str:
        """The character class (``fp:characters``) of the entry ``lex:key``."""
        return self.entry(key).prop("characters", "")

    def pattern(self, key: str, **slots: str) -> re.Pattern:
        """The phrase pattern (``fp:pattern``) of the entry ``lex:key``, compiled, with its ``{name}`` slots filled
        from ``slots`` (``{cjk}`` is the range of CJK ideographs).

        Raises
        ------
        LexiconError
            The entry has no pattern, a slot is not given, or the pattern does not compile.
        """
        cache_key = (key, tuple(sorted(slots.items())))
        found = self._cache.setdefault("patterns", {}).get(cache_key)
        if found is not None:
            return found
        text = self.entry(key).prop("pattern")
        if text is None:
            raise LexiconError(f"lex:{key} has no fp:pattern")
        fill = {"cjk": CJK, **slots}

        def slot(m: re.Match) -> str:
            if m.group(1) not in fill:
                raise LexiconError(f"lex:{key}: the rule gives no value for the slot {{{m.group(1)}}}")
            return fill[m.group(1)]

        try:
            pattern = compiled(_SLOT.sub(slot, text))
        except re.error as e:
            raise LexiconError(f"lex:{key}: fp:pattern is not a regular expression: {e}") from None
        self._cache["patterns"][cache_key] = pattern
        return pattern

    @property
    def chrome_markers(self) -> list[str]:
        """The words that open page chrome (推薦閱讀, 分享到 …), Simplified and Traditional."""
        out = []
        for c in self.scheme("page-chrome"):
            out += [*c.forms, c.labels.get("zh-Hant", "")]
        return [m for m in out if m]

    def apply_repairs(self, text: str) -> tuple[str, list[Repair]]:
        """Replace lost characters declared in the repair table; return ``(clean, repairs)``."""
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
        """``text`` with the misprints of the repair table corrected (條列 → 條例)."""
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
