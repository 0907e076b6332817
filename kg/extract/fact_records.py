"""The fact records: documents, funding standards, assignments, group leadership, responsibility lists, personnel
actions, programmes, named people and their appointments.

Each carries ``span``, the ``[start, end)`` range of article text that states it, and refers to entities by their
key in :attr:`kg.extract.records.Extraction.entities`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.span import Span

__all__ = [
    "Action",
    "Appointment",
    "Assignment",
    "Document",
    "FundingStandard",
    "GroupLeadership",
    "Person",
    "Programme",
    "ResponsibilityList",
]


@dataclass
class Document:
    r"""A document the article names in 《》: its kind, issuers and period.

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

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> d = extract_text(page + "县政府召开会议，印发了《青崖县脱贫攻坚规划（2016—2020年）》。").documents[0]
    >>> d.title, d.kind.rsplit("/", 1)[-1], d.issuer, d.issuer_basis, (d.period_start, d.period_end)
    ('青崖县脱贫攻坚规划（2016—2020年）', 'document-kinds-plan', ['青崖县'], 'title', (2016, 2020))
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
    r"""An amount or benefit fixed per unit and period: the item, how much, who pays and for whom.

    Attributes
    ----------
    kind, amount, currency, per, period
        ``cash-standard``, ``budget-line`` or ``in-kind``; for cash, the amount in yuan and ``CNY``; the codes
        of the unit (``person``) and the period (``year``) it is given per.
    payer, recipients, figure
        Entity keys, and the index of the amount in :attr:`Extraction.figures`.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> f = extract_text(page + "县财政按每人每年5000元标准安排第一书记工作经费。").funding[0]
    >>> f.item, f.kind, f.amount, f.per, f.period, f.payer, f.recipients
    ('工作经费', 'cash-standard', 5000.0, 'person', 'year', '青崖县财政', ['第一书记'])
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
    r"""A headcount of a role or body and what it is assigned to or paired with (25名第一書記分配到25個貧困村).

    Attributes
    ----------
    subject, relation, target : str
        Entity key; ``assignedTo`` or ``pairedWith``; entity key, or what the target figure counts if none.
    subset_count, subset_label
        A subset of the subject the text counts (其中16名副科級以上干部), and what it counts.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> a = extract_text(page + "全县选派第一书记25名，分配到25个贫困村。").assignments[0]
    >>> a.subject, a.count, a.relation, a.target, a.target_count
    ('第一书记', 25, 'assignedTo', '贫困村', 25)
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
    r"""Who holds a position in a group (以市委副書記任組長), with the member units for the leader.

    Attributes
    ----------
    group, position, holder, members
        Keys of the group; the IRI of the lexicon role of the position (組長); keys of the role holding it and
        of the member units (…為成員單位).

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> g = extract_text(page + "成立脱贫攻坚领导小组，以县委书记任组长。").leadership[0]
    >>> g.group, g.position.rsplit("/", 1)[-1], g.holder
    ('脱贫攻坚领导小组', 'role-group-leader', '县委书记')
    """

    span: Span
    group: str
    position: str
    holder: str | None
    members: list[str] = field(default_factory=list)


@dataclass
class ResponsibilityList:
    r"""A responsibility list, whom it is decomposed to (分解落實到…) and sent to (每月向…發送).

    Attributes
    ----------
    key, decomposed_to, sent_to, frequency
        Keys of the list and of those it goes to (each with its span); the code of how often it is sent.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> ex = extract_text(page + "将“问题清单”分解落实到第一书记，每月向驻村工作队发送“任务清单”。")
    >>> [(x.key, x.decomposed_to, x.sent_to, x.frequency) for x in ex.lists]
    [('问题清单', ['第一书记'], [], None), ('任务清单', [], ['驻村工作组'], 'monthly')]
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
    r"""A personnel action (promotion, commendation, replacement, interview, care visit …).

    Attributes
    ----------
    kind, cls, verb : str
        The IRIs of the lexicon's action type and its ontology class; the verb as printed.
    target, actors, count, unit, figure
        Keys of the role or body acted on and of the bodies acting; how many, the unit as printed (名, 人次),
        and the count's index in :attr:`Extraction.figures`.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> x = extract_text(page + "今年以来，县委组织部约谈派出单位负责人14人次。").actions[0]
    >>> x.kind.rsplit("/", 1)[-1], x.verb, x.target, x.count, x.actors, x.time_ref
    ('action-types-interview', '约谈', '派出单位负责人', 14, ['青崖县委组织部'], '今年以来')
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
    r"""A programme, campaign or slogan (“五個一”, 一村一品), with the motto that leads its paragraph.

    Attributes
    ----------
    name, quoted, motto
        The name as printed, without quotation marks; whether the text quotes it; the motto that opens the
        paragraph (握緊拳頭、精准發力), for the paragraph's first quoted name.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> [(p.name, p.quoted) for p in extract_text(page + "全县实施“百企帮百村”行动。").programmes]
    [('百企帮百村', True)]
    """

    span: Span
    name: str
    quoted: bool
    motto: str | None = None
    motto_span: Span | None = None


@dataclass
class Person:
    r"""A person the article names (editors and reporters stay in the page metadata).

    Attributes
    ----------
    key, surname, spans
        The name as printed (repaired); the IRI of the surname's lexicon concept; where the text names them.

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> ex = extract_text(page + "县交通运输局干部王小明任石笋镇鹰嘴岩村第一书记。")
    >>> [(key, p.surname.rsplit("/", 1)[-1]) for key, p in ex.persons.items()]
    [('王小明', 'surname-wang')]
    """

    key: str
    surname: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Appointment:
    r"""A named person serving in a role: where, in which body, sent by whom, from which home unit.

    Attributes
    ----------
    person, role, post_at, dispatched_by, home_unit
        Keys of the person, the role (a lexicon role or a post in a named body), the village the post serves,
        the body that sent the person and the body they come from (``*_basis``: ``explicit`` or ``implicit``).
    home_role : str or None
        The IRI of the person's standing in the home unit (幹部).

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"  # a title line, a date line, then the body
    >>> x = extract_text(page + "县交通运输局干部王小明任石笋镇鹰嘴岩村第一书记。").appointments[0]
    >>> x.person, x.role, x.post_at, x.dispatched_by, x.home_unit
    ('王小明', '第一书记', '鹰嘴岩村', '青崖县交通运输局', '青崖县交通运输局')
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
