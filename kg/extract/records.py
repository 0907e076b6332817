"""The records extraction yields: plain dataclasses, one per kind of fact.

:func:`kg.extract.extract` fills one :class:`Extraction` per article; :mod:`kg.build` turns
it into triples. Every record carries ``span``, the ``[start, end)`` range of article text
that states it. Entities are keyed by their canonical name in the article's own script
(as repaired); records refer to entities by that key.
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
    """A surface form found in the text: what kind of thing it names, which lexicon concept, where.

    Attributes
    ----------
    kind, form, concept, key
        ``place``, ``org``, ``role``, ``list``, ``set`` (of places: 貧困村) or ``group``; the form as printed
        (repaired); the lexicon concept's IRI (not for a place); the entity key, once resolved (:attr:`ref`).
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


@dataclass
class Document:
    """A document the article names in 《》: its kind, issuers and period.

    Attributes
    ----------
    title, corrected_title : str, str or None
        The title as printed without 《》; with misprints corrected (條列 → 條例), if that differs.
    kind, cls : str
        The IRIs of the lexicon's document kind (by the title's ending) and of its ontology class.
    issuer, issuer_basis : list of str, str or None
        The keys of the issuers; ``explicit`` (named before an issue verb), ``title``, ``implicit`` (home place).
    period_start, period_end, trial, verb
        The years it covers, whether it is a trial version (試行), the verb the text uses of it (制定).
    """

    span: Span
    title: str
    corrected_title: str | None
    kind: str
    cls: str
    issuer: list[str]
    issuer_basis: str | None
    period_start: int | None
    period_end: int | None
    trial: bool
    verb: str | None = None


@dataclass
class FundingStandard:
    """An amount or benefit fixed per unit and period: the item, how much, who pays and for whom.

    Attributes
    ----------
    kind, amount, currency, per, period
        ``cash-standard``, ``budget-line`` or ``in-kind``; for cash, the amount in yuan and ``CNY``; the codes
        of the unit (``person``) and the period (``year``) it is given per.
    payer, recipients, figure
        Entity keys, and the index of the amount in :attr:`Extraction.figures`.
    """

    span: Span
    item: str
    kind: str
    amount: float | None
    currency: str | None
    per: str | None
    period: str | None
    payer: str | None
    recipients: list[str]
    figure: int | None = None


@dataclass
class Assignment:
    """A headcount of a role or body and what it is assigned to or paired with (25名第一書記分配到25個貧困村).

    Attributes
    ----------
    subject, relation, target : str
        Entity key; ``assignedTo`` or ``pairedWith``; entity key, or what the target figure counts if none.
    subset_count, subset_label
        A subset of the subject the text counts (其中16名副科級以上干部), and what it counts.
    """

    span: Span
    subject: str
    count: int | None
    relation: str
    target: str
    target_count: int | None
    subset_count: int | None = None
    subset_label: str | None = None


@dataclass
class GroupLeadership:
    """Who holds a position in a group (以市委副書記任組長), with the member units for the leader.

    Attributes
    ----------
    group, position, holder, members
        Keys of the group; the IRI of the lexicon role of the position (組長); keys of the role holding it and
        of the member units (…為成員單位).
    """

    span: Span
    group: str
    position: str
    holder: str | None
    members: list[str] = field(default_factory=list)


@dataclass
class ResponsibilityList:
    """A responsibility list, whom it is decomposed to (分解落實到…) and sent to (每月向…發送).

    Attributes
    ----------
    key, decomposed_to, sent_to, frequency
        Keys of the list and of those it goes to (each with its span); the code of how often it is sent.
    """

    span: Span
    key: str
    decomposed_to: list[str] = field(default_factory=list)
    decomposed_span: Span | None = None
    sent_to: list[str] = field(default_factory=list)
    sent_span: Span | None = None
    frequency: str | None = None


@dataclass
class Action:
    """A personnel action (promotion, commendation, replacement, interview, care visit …).

    Attributes
    ----------
    kind, cls, verb : str
        The IRIs of the lexicon's action type and its ontology class; the verb as printed.
    target, actors, count, unit, figure
        Keys of the role or body acted on and of the bodies acting; how many, the unit as printed (名, 人次),
        and the count's index in :attr:`Extraction.figures`.
    """

    span: Span
    kind: str
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
    """A programme, campaign or slogan (“五個一”, 一村一品), with the motto that leads its paragraph.

    Attributes
    ----------
    name, quoted, motto
        The name as printed, without quotation marks; whether the text quotes it; the motto that opens the
        paragraph (握緊拳頭、精准發力), for the paragraph's first quoted name.
    """

    span: Span
    name: str
    quoted: bool
    motto: str | None = None
    motto_span: Span | None = None


@dataclass
class Relation:
    """An edge between two entities that no other record carries (see :mod:`kg.extract.relations`).

    Attributes
    ----------
    subject, predicate, object, basis : str
        Entity keys, the local name of the ``fp:`` property (``dispatchedBy``), and how the text supports it
        (``explicit``, ``implicit`` or ``background``).
    """

    subject: str
    predicate: str
    object: str
    basis: str
    span: Span | None


@dataclass
class Person:
    """A person the article names (editors and reporters stay in the page metadata).

    Attributes
    ----------
    key, surname, spans
        The name as printed (repaired); the IRI of the surname's lexicon concept; where the text names them.
    """

    key: str
    surname: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Appointment:
    """A named person serving in a role: where, in which body, sent by whom, from which home unit.

    Attributes
    ----------
    person, role, post_at, dispatched_by, home_unit
        Keys of the person, the role (a lexicon role or a post in a named body), the village the post serves,
        the body that sent the person and the body they come from (``*_basis``: ``explicit`` or ``implicit``).
    home_role : str or None
        The IRI of the person's standing in the home unit (幹部).
    """

    span: Span
    person: str
    role: str
    post_at: str | None = None
    post_at_basis: str | None = None
    dispatched_by: str | None = None
    dispatch_basis: str | None = None
    home_unit: str | None = None
    home_role: str | None = None


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
