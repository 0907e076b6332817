"""The records extraction yields: plain dataclasses, one per kind of fact.

Every record carries ``span``, the ``[start, end)`` range of article text that states it.
Entities are keyed by their canonical name in the article's own script (repaired).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """A surface form found in the text: what kind of thing, which lexicon concept, where."""

    kind: str  # place | org | role | list | group
    span: Span
    form: str  # as printed (repaired)
    concept: str | None = None  # lexicon IRI
    key: str | None = None  # entity key, once resolved


@dataclass
class Entity:
    """A place, organisation, role, group or list the article mentions."""

    key: str
    kind: str  # place | org | role | group | list | population
    cls: str  # ontology class IRI
    concept: str | None = None
    spans: list[Span] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    parent: str | None = None
    parent_basis: str | None = None  # explicit | implicit | background
    parent_span: Span | None = None
    collective: bool = False
    count: int | None = None
    count_span: Span | None = None
    gazetteer_iri: str | None = None
    jurisdiction: str | None = None  # for a body: the place it governs or serves
    title: str | None = None  # for a post: the head title as printed (主任 in 縣扶貧辦主任)
    en: str | None = None


@dataclass
class Figure:
    span: Span  # the clause that states it
    figure_span: Span  # the number with its unit and qualifiers
    printed: str
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str
    unit_concept: str | None
    qualifier: str  # exact | more_than | below | at_least | at_most | nearly | about | range
    qualifier_printed: str | None
    status: str  # actual | target | standard
    counted: str
    in_name: bool = False
    time_ref: str | None = None
    part_of: int | None = None  # index of the figure it is a subset of


@dataclass
class Document:
    span: Span
    title: str  # as printed, repaired, without 《》
    corrected_title: str | None
    kind: str  # lexicon concept IRI
    cls: str
    issuer: str | None  # entity key
    issuer_basis: str | None
    period_start: int | None
    period_end: int | None
    trial: bool
    verb: str | None = None


@dataclass
class FundingStandard:
    span: Span
    item: str
    kind: str  # cash-standard | budget-line | in-kind
    amount: float | None
    currency: str | None
    per: str | None
    period: str | None
    payer: str | None
    recipients: list[str]
    figure: int | None = None


@dataclass
class Assignment:
    span: Span
    subject: str  # entity key (role or organisation)
    count: int | None
    relation: str  # assignedTo | pairedWith
    target: str  # entity key
    target_count: int | None
    subset_count: int | None = None
    subset_label: str | None = None


@dataclass
class GroupLeadership:
    span: Span
    group: str
    position: str  # lexicon role IRI of the position (组长, 副组长…)
    holder: str | None  # role entity key holding it
    members: list[str] = field(default_factory=list)


@dataclass
class ResponsibilityList:
    span: Span
    key: str  # entity key of the list
    decomposed_to: list[str] = field(default_factory=list)
    decomposed_span: Span | None = None
    sent_to: list[str] = field(default_factory=list)
    sent_span: Span | None = None
    frequency: str | None = None


@dataclass
class Action:
    span: Span
    kind: str  # lexicon IRI of the action type
    cls: str
    verb: str
    target: str | None
    count: int | None
    unit: str | None
    actors: list[str] = field(default_factory=list)
    time_ref: str | None = None
    figure: int | None = None


@dataclass
class Programme:
    span: Span
    name: str
    quoted: bool
    motto: str | None = None
    motto_span: Span | None = None


@dataclass
class Relation:
    subject: str
    predicate: str  # local name in the fp: namespace
    object: str
    basis: str  # explicit | implicit | background
    span: Span | None


@dataclass
class Person:
    """A person the article names (editors and reporters stay in the page metadata)."""

    key: str  # the name as printed (repaired)
    surname: str  # the lexicon concept of the surname
    spans: list[Span] = field(default_factory=list)


@dataclass
class Appointment:
    """A named person serving in a role: where, in which body, sent by whom, from which home unit."""

    span: Span
    person: str  # person key
    role: str  # role entity key (a lexicon role, or a post in a named body)
    post_at: str | None = None  # place key: the village the post serves
    post_at_basis: str | None = None  # explicit | implicit
    dispatched_by: str | None = None  # org key
    dispatch_basis: str | None = None
    home_unit: str | None = None  # org key
    home_role: str | None = None  # lexicon IRI of the person's standing there (干部)


@dataclass
class Extraction:
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
