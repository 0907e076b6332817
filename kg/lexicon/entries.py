"""The lexicon's entries: concepts with their forms and properties, gazetteer places, and the lexicon itself."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from kg.errors import LexiconError
from kg.lexicon.patterns import CJK, SLOT, compiled
from kg.namespaces import LEX
from kg.span import Repair, Span
from kg.text import to_hans

__all__ = ["Concept", "Lexicon", "Place"]

T = TypeVar("T")


@dataclass
class Concept:
    """One lexicon entry: its IRI, scheme, labels per language and surface forms (Simplified).

    Parameters
    ----------
    iri
        The entry's IRI (``https://w3id.org/fupin-kg/lexicon/role-first-secretary``).
    scheme
        The local name of its ``skos:inScheme`` (``roles``, ``grammar-words`` …).
    labels
        The ``skos:prefLabel`` per language tag (``zh-Hant``, ``zh-Hans``, ``en``).
    forms
        Every label (preferred, alternative, hidden) but the English ones, in Simplified script, each once.
    props
        The last value of each ``fp:`` property, by local name (``rank``, ``pattern``, ``characters`` …).
    values
        Every value of each ``fp:`` property, in Simplified script.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> c = load_lexicon().entry("word-subset")
    >>> c.key, c.scheme, c.labels["en"], c.prop_values("word")
    ('word-subset', 'grammar-words', 'of which', ['其中'])
    >>> role = load_lexicon().entry("role-first-secretary")
    >>> sorted(role.labels), role.hans in role.forms
    (['en', 'zh-Hans', 'zh-Hant'], True)
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

    def prop(self, name: str, default: Any = None) -> Any:
        """The value of the ``fp:`` property ``name`` (the last one given), or ``default``."""
        return self.props.get(name, default)

    def prop_values(self, name: str) -> list[str]:
        """Every value of a repeated ``fp:`` property (fp:word, fp:honourWord …), in Simplified script."""
        return self.values.get(name, [])


@dataclass
class Place:
    """A gazetteer entry: a division, its class, labels, short forms and parent IRI.

    Parameters
    ----------
    iri
        The division's IRI (under ``https://w3id.org/fupin-kg/id/place/``).
    cls
        The IRI of its class (``fp:Province``, ``fp:CountyLevelCity`` …).
    labels
        Its ``rdfs:label`` per language tag.
    forms
        Every ``rdfs:label`` and ``skos:altLabel`` (short forms such as ``广安`` for 廣安市) but the English ones, in
        Simplified script, each once.
    parent
        The IRI of the division it lies within (``fp:withinDivision``), or ``None`` at the top.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> place = next(p for p in load_lexicon().places.values() if p.labels.get("en") == "Sichuan")
    >>> place.cls.rsplit("#", 1)[-1], place.parent
    ('Province', None)
    >>> places = load_lexicon().places
    >>> all(p.parent in places for p in places.values() if p.parent)
    True
    """

    iri: str
    cls: str
    labels: dict[str, str]
    forms: list[str]
    parent: str | None


@dataclass
class Lexicon:
    """The lexicon's concepts by scheme, the gazetteer's places and the repair table.

    Made by :func:`load_lexicon`; treat it as read-only (it caches what it derives).

    Parameters
    ----------
    concepts
        The concepts of each scheme, by the scheme's local name, each list in IRI order.
    places
        The gazetteer's divisions, by IRI.
    repairs
        ``(printed, repaired)`` pairs of lost characters (``華?`` → ``華鎣``), each pair of the same length.
    misprints
        ``(printed, correct)`` pairs of misprints (``條列`` → ``條例``).

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> [c.prop("code") for c in lexicon.ranked("frequencies")][:2]
    ['monthly', 'weekly']
    >>> lexicon.apply_repairs("華?市")[0]
    '華鎣市'
    >>> lexicon.pattern("pattern-county-name").search("青崖县").groups()
    ('青崖', '县')
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

    def derived(self, name: str, make: Callable[[Lexicon], T]) -> T:
        """What a rule computes from the lexicon (compiled patterns, word lists), made once per lexicon and kept
        under ``name``.

        Examples
        --------
        >>> from kg.lexicon import load_lexicon
        >>> lexicon = load_lexicon()
        >>> first = lexicon.derived("example-words", lambda lex: tuple(lex.words("word-range")))
        >>> first, lexicon.derived("example-words", lambda lex: ()) is first
        (('至', '到'), True)
        """
        kept = self._cache.setdefault("derived", {})
        if name not in kept:
            kept[name] = make(self)
        return kept[name]

    def ranked(self, scheme: str) -> list[Concept]:
        """The concepts of a scheme by ``fp:rank`` (the one a rule takes first), then IRI."""
        return sorted(self.scheme(scheme), key=lambda c: (int(c.prop("rank", 1 << 30)), c.iri))

    def entry(self, key: str) -> Concept:
        """The entry ``lex:key``, from any scheme.

        Parameters
        ----------
        key
            The local name of the entry's IRI (``role-first-secretary``).

        Returns
        -------
        Concept
            The entry.

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

        Parameters
        ----------
        key
            The local name of the entry (``pattern-document-year``).
        **slots
            The text of each ``{name}`` slot of the pattern (regular expressions, such as an :func:`alternation`).

        Returns
        -------
        re.Pattern
            The compiled pattern, kept for the next call with the same ``key`` and ``slots``.

        Raises
        ------
        LexiconError
            The lexicon has no such entry, the entry has no pattern, a slot is not given, or the pattern does
            not compile.

        Examples
        --------
        >>> from kg.lexicon import load_lexicon
        >>> lexicon = load_lexicon()
        >>> lexicon.pattern("pattern-group-members").pattern
        '(?P<m>[^，,。；;]{2,20}?)为成员'
        >>> lexicon.pattern("pattern-collective-scope")
        Traceback (most recent call last):
        kg.errors.LexiconError: lex:pattern-collective-scope: the rule gives no value for the slot {collectives}
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
            pattern = compiled(SLOT.sub(slot, text))
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
        """Put back the lost characters the repair table declares.

        Parameters
        ----------
        text
            An article's text as decoded.

        Returns
        -------
        clean : str
            ``text`` with each printed form of the table replaced by its repaired form (of the same length, so
            offsets hold).
        repairs : list of Repair
            Each replacement and where it was, in text order; empty if there was none.

        Examples
        --------
        >>> from kg.lexicon import load_lexicon
        >>> clean, repairs = load_lexicon().apply_repairs("廣安華?市")
        >>> clean, [(r.printed, r.repaired, r.span.start) for r in repairs]
        ('廣安華鎣市', [('華?', '華鎣', 2)])
        """
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
        """``text`` with the misprints of the repair table corrected (條列 → 條例).

        Examples
        --------
        >>> from kg.lexicon import load_lexicon
        >>> load_lexicon().correct_misprints("《幫扶工作條列》")
        '《幫扶工作條例》'
        """
        for printed, correct in self.misprints:
            text = text.replace(printed, correct)
        return text

    @cached_property
    def _by_iri(self) -> dict[str, Concept]:
        return {c.iri: c for cs in self.concepts.values() for c in cs}

    def concept(self, iri: str) -> Concept | None:
        """The concept with this IRI, from any scheme."""
        return self._by_iri.get(iri)
