"""The records extraction yields: plain dataclasses, one per kind of fact (the fact records themselves are in
:mod:`kg.extract.fact_records`, and re-exported here).

:func:`kg.extract.extract` fills one :class:`Extraction` per article; :mod:`kg.build` turns
it into triples. Every record carries ``span``, the ``[start, end)`` range of article text
that states it. Entities are keyed by their canonical name in the article's own script
(as repaired); records refer to entities by that key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.extract.fact_records import (
    Action,
    Appointment,
    Assignment,
    Document,
    FundingStandard,
    GroupLeadership,
    Person,
    Programme,
    ResponsibilityList,
)
from kg.span import Span

__all__ = [
    "Mention",
    "Entity",
    "Figure",
    "Document",
    "FundingStandard",
    "Assignment",
    "GroupLeadership",
    "ResponsibilityList",
    "Action",
    "Programme",
    "Relation",
    "Person",
    "Appointment",
    "Extraction",
]


@dataclass(frozen=True)
class Mention:
    r"""A surface form found in the text: what kind of thing it names, which lexicon concept, where.

    Attributes
    ----------
    kind, form, concept, key
        ``place``, ``org``, ``role``, ``list``, ``set`` (of places: 貧困村) or ``group``; the form as printed
        (repaired); the lexicon concept's IRI (not for a place); the entity key, once resolved (:attr:`ref`).

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.extract.records import Extraction
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n全县选派第一书记25名。\n")
    >>> [(m.kind, m.form, m.ref) for m in tag(article, load_lexicon(), Extraction())]
    [('place', '青崖县', '青崖县'), ('role', '第一书记', '第一书记')]
    """

    kind: str
    span: Span
    form: str
    concept: str | None = None
    key: str | None = None

    @property
    def ref(self) -> str:
        """The entity key of a resolved mention, as :func:`~kg.extract.mentions.tag` returns; else ValueError."""
        if self.key is None:
            raise ValueError(f"mention {self.form!r} at {self.span} is not resolved to an entity")
        return self.key


@dataclass
class Entity:
    r"""A place, organisation, role, group, list, set of places or industry the article mentions.

    Attributes
    ----------
    key : str
        The canonical name in the article's script, the key of :attr:`Extraction.entities`.
    kind, cls : str
        ``place``, ``org``, ``role``, ``group``, ``list``, ``set`` or ``industry``; the ontology class IRI.
    parent, parent_basis, parent_span
        What it belongs to (a division's parent, a body's parent body, a post's body), how the text supports
        that (``explicit``, ``implicit``, ``background``) and where.
    collective, jurisdiction, title
        Whether it names many of a kind (市級部門, 貧困村); for a body, the place it governs or serves; for a
        post, the head title as printed (主任 in 縣扶貧辦主任).

    Examples
    --------
    >>> from kg.extract import extract
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n全县选派第一书记25名，分配到25个贫困村。\n")
    >>> e = extract(article, load_lexicon()).entities["贫困村"]
    >>> e.kind, e.collective, e.count, e.parent, e.parent_basis
    ('set', True, 25, '青崖县', 'implicit')
    """

    key: str
    kind: str
    cls: str
    concept: str | None = None
    spans: list[Span] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    parent: str | None = None
    parent_basis: str | None = None
    parent_span: Span | None = None
    collective: bool = False
    count: int | None = None
    count_span: Span | None = None
    gazetteer_iri: str | None = None
    jurisdiction: str | None = None
    title: str | None = None
    en: str | None = None


@dataclass
class Figure:
    r"""A number the article states, with its unit, qualifier, status and what it counts.

    Attributes
    ----------
    span, figure_span : Span
        The clause that states it; the number with its unit and qualifiers (近30個).
    value, value_min, value_max : float or None
        The value (3% is 0.03), or for a range (15至20個) its two ends.
    qualifier, qualifier_printed : str, str or None
        ``exact``, ``more_than``, ``below``, ``at_least``, ``at_most``, ``nearly``, ``about`` or ``range``; the
        qualifier word as printed (以下, 近).
    status, counted : str
        ``actual``, ``target`` (a target cue in the clause) or ``standard`` (a funding amount); what it counts.
    in_name, time_ref, part_of
        Whether it stands in a quotation or title; the time phrase before it; the index of the figure it is a
        subset of (其中16名).
    area, period, same_as, per
        The key of the place the text scopes it to; its period (a :class:`kg.extract.periods.Period`, or None);
        the index of an earlier figure that states the same (a repeat); what it is given for each of (每個工作組
        三至五人, 32個貧困村各派駐1支: 工作組, 貧困村), as printed.

    Examples
    --------
    >>> from kg.extract import extract
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n全县贫困发生率降至3%以下，新建村级活动室近30个。\n")
    >>> [(f.printed, f.value, f.qualifier, f.qualifier_printed) for f in extract(article, load_lexicon()).figures]
    [('3%以下', 0.03, 'below', '以下'), ('近30个', 30.0, 'nearly', '近')]
    """

    span: Span
    figure_span: Span
    printed: str
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str
    unit_concept: str | None
    qualifier: str
    qualifier_printed: str | None
    status: str
    counted: str
    in_name: bool = False
    time_ref: str | None = None
    part_of: int | None = None
    area: str | None = None
    period: Any = None
    same_as: int | None = None
    per: str | None = None


@dataclass
class Relation:
    r"""An edge between two entities that no other record carries (see :mod:`kg.extract.relations`).

    Attributes
    ----------
    subject, predicate, object, basis : str
        Entity keys, the local name of the ``fp:`` property (``dispatchedBy``), and how the text supports it
        (``explicit``, ``implicit`` or ``background``).

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> relations = extract_text(page + "按照省委、市委的要求，全县扎实推进。").relations
    >>> [(r.subject, r.predicate, r.object, r.basis) for r in relations]
    [('青崖县', 'followsRequirementsOf', '省委', 'explicit'), ('青崖县', 'followsRequirementsOf', '市委', 'explicit')]
    """

    subject: str
    predicate: str
    object: str
    basis: str
    span: Span | None


@dataclass
class Extraction:
    """Every record extracted from one article, filled rule by rule by :func:`kg.extract.extract`.

    Attributes
    ----------
    entities, persons : dict
        Entities and named people, by key.
    figures, documents, funding, assignments, leadership, lists, actions, programmes, relations, appointments
        The records of each kind, in the order found; other records point into ``figures`` by index.
    home, contributor : str or None
        Keys of the place the article reports from and of the body in its contributor line.

    Examples
    --------
    >>> from kg.extract import extract
    >>> from kg.ingest import read_article
    >>> from kg.lexicon import load_lexicon
    >>> from kg.resources import bundled_article
    >>> ex = extract(read_article(bundled_article()), load_lexicon())
    >>> ex.home in ex.entities, all(a.subject in ex.entities for a in ex.assignments)
    (True, True)
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    funding: list[FundingStandard] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    leadership: list[GroupLeadership] = field(default_factory=list)
    lists: list[ResponsibilityList] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    appointments: list[Appointment] = field(default_factory=list)
    home: str | None = None
    contributor: str | None = None
