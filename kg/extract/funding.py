"""Funding standards: amounts or benefits fixed per unit and period, who pays and for whom.

The genre states what cadres sent to villages receive: a cash standard (按每人每年5000元標准
安排…辦公經費), a one-time payment (一次性發放2000元), a floor an enterprise commits to
(每年投入…不少於5萬元), or a benefit in kind (保險, 體檢). The phrase patterns, the words of
units and periods and the benefit kinds all come from the lexicon.
"""

from __future__ import annotations

from kg.ingest import Article
from kg.lexicon import Lexicon, alternation, compiled
from kg.span import Span

from .context import clauses, mentions_in
from .numbers import parse_number
from .records import Extraction, FundingStandard, Mention

__all__ = ["find_funding"]


def find_funding(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add a :class:`~kg.extract.records.FundingStandard` to ``ex.funding`` for each standard, clause by clause.

    * 按每人每年N元標准安排… (a cash standard per unit and period);
    * 一次性發放N元… (a one-time amount);
    * 每年投入…不少於N萬元 (a floor, per the unit a preceding 每家企業 names);
    * a benefit that is not cash (保險, 體檢) given per unit or period, or continuing a standard of the same sentence.

    The payer is the last body named before the amount, carried over to later clauses of the sentence; the
    recipients are the roles and bodies named after it (else before it, else in an earlier clause).

    Parameters
    ----------
    article, lexicon : Article, Lexicon
        The article and the lexicon.
    ex : Extraction
        Receives the records; it must hold the figures (:func:`~kg.extract.figures.find_figures_in`), and
        the figure of each amount gets the status ``standard``.
    mentions : list of Mention
        The resolved mentions (:func:`~kg.extract.mentions.tag`).

    Examples
    --------
    >>> from kg.extract.figures import find_figures_in
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "县财政按每人每年5000元标准安排第一书记办公经费，每年安排一次健康体检。"
    >>> article, lexicon, ex = parse_article("青崖县扶贫\n2016年12月13日\n" + text + "\n"), load_lexicon(), Extraction()
    >>> mentions = tag(article, lexicon, ex)
    >>> find_figures_in(article, lexicon, ex)
    >>> find_funding(article, lexicon, ex, mentions)
    >>> [(f.item, f.kind, f.amount, f.per, f.period, f.payer, f.recipients) for f in ex.funding]
    [('办公经费', 'cash-standard', 5000.0, 'person', 'year', '青崖县财政', ['第一书记']),
     ('健康体检', 'in-kind', None, None, 'year', '青崖县财政', ['第一书记'])]
    >>> ex.figures[ex.funding[0].figure].status
    'standard'
    """
    sh = article.shadow
    terms = lexicon.forms("funding-terms")
    per = {f: c.prop("code") for f, c in terms if c.prop("fundingRole", "").endswith("perUnit")}
    distributive = (*lexicon.words("word-each"), "一")  # 每年, 一次性: a period a standard is given per
    period = {
        f: c.prop("code")
        for f, c in terms
        if c.prop("fundingRole", "").endswith("perPeriod") and f.startswith(distributive)
    }
    recurring = [k for k in period if period[k] != "once"]
    floors = [f for f, c in lexicon.forms("qualifiers") if c.prop("qualifierKind") == "at_least"]
    benefits = lexicon.forms("benefit-kinds")
    standard = lexicon.words("word-standard")
    money = alternation(f for f, c in lexicon.forms("units") if c.prop("currencyCode"))
    amount = rf"(?P<amount>[0-9０-９.]+|[一二三四五六七八九十百千两]+)(?P<mult>万)?(?:{money})"
    patterns = [
        lexicon.pattern("pattern-funding-standard", per=alternation(per), period=alternation(period), amount=amount),
        lexicon.pattern(
            "pattern-funding-once", once=alternation(k for k in period if period[k] == "once"), amount=amount
        ),
        compiled(rf"(?P<period>{alternation(recurring)})[^，,。；;]{{0,12}}?(?:{alternation(floors)}){amount}"),
    ]

    for sent in article.sentences:
        payer: str | None = None
        recipients: list[str] = []
        found = False
        parts = clauses(article, sent)
        for i, clause in enumerate(parts):
            text = sh[clause.start : clause.end]
            m = next((x for x in (p.search(text) for p in patterns) if x), None)
            benefit = next(((f, c) for f, c in benefits if f in text and c.prop("code") != "cash-standard"), None)
            per_here = next((v for k, v in per.items() if k in text), None)
            period_here = next((v for k, v in period.items() if k in text and v != "once"), None)
            if not m and not (benefit and (period_here or per_here or found)):
                continue
            found = True
            before = [
                o
                for o in mentions_in(mentions, clause, ("org",))
                if o.span.start < clause.start + (m.start() if m else len(text))
            ]
            if before:
                payer = before[-1].ref
            after_at = clause.start + (m.end() if m else 0)
            rec = [x.ref for x in mentions_in(mentions, Span(after_at, clause.end), ("role", "org")) if x.ref != payer]
            if not rec:
                rec = [x.ref for x in mentions_in(mentions, Span(clause.start, after_at), ("role",))]
            for c in reversed(parts[:i] if not rec else []):
                rec = [x.ref for x in mentions_in(mentions, c, ("role",))]
                if rec:
                    break
            recipients = rec or recipients
            if m:
                groups = m.groupdict()
                value = parse_number(groups["amount"]) * (10000 if groups["mult"] else 1)
                period_v = period[groups["period"]] if groups.get("period") else None
                floor = not any(w in m.group() for w in standard) and period_v != "once"
                per_v = per.get(groups.get("per") or "") or per_here
                if per_v is None:  # a one-time fee is per cadre; a floor is per the unit an earlier 每X names
                    per_v = _earlier_per(sh, parts[:i], per) if floor else "person" if period_v == "once" else None
                kind, item_from = "cash-standard", after_at
                if floor:
                    item_from = clause.start + m.start() + len(groups["period"])
            else:
                assert benefit is not None  # a clause without an amount is kept only for a benefit
                value, kind = None, benefit[1].prop("code")
                per_v, period_v = per_here, period_here
                item_from = clause.start + _phrase_start(lexicon, text, text.find(benefit[0]))
            named = mentions_in(mentions, Span(item_from, clause.end), ("role", "org"))
            if m and any(w in m.group() for w in standard):
                item_from = max([item_from] + [x.span.end for x in named])
            item_end = clause.end
            if m and floor:  # 每年投入幫扶資金不少於5萬元: the item runs up to the qualifier
                item_end = (
                    clause.start
                    + m.start("amount")
                    - max(len(f) for f in floors if m.group()[: m.start("amount") - m.start()].endswith(f))
                )
            item = _item(article, lexicon, Span(item_from, item_end))
            fig = next(
                (
                    j
                    for j, f in enumerate(ex.figures)
                    if clause.start <= f.figure_span.start < clause.end
                    and (not m or f.figure_span.start >= clause.start + m.start())
                ),
                None,
            )
            if fig is not None:
                ex.figures[fig].status = "standard"
            ex.funding.append(
                FundingStandard(
                    span=clause,
                    item=item,
                    kind=kind,
                    amount=value,
                    currency="CNY" if value is not None else None,
                    per=per_v,
                    period=period_v,
                    payer=payer,
                    recipients=list(dict.fromkeys(recipients)),
                    figure=fig if value is not None else None,
                )
            )


def _earlier_per(sh: str, earlier: list[Span], per: dict[str, str]) -> str | None:
    """每家企業至少聯繫1個貧困村，每年投入…: the unit named by 每X in an earlier clause of the sentence."""
    for c in reversed(earlier):
        hit = next((v for k, v in per.items() if k in sh[c.start : c.end]), None)
        if hit:
            return hit
    return None


def _phrase_start(lexicon: Lexicon, text: str, at: int) -> int:
    """Where the noun phrase ending at ``at`` begins: after the last verb or punctuation before it."""
    cuts = (*lexicon.words("word-funding-item-verb"), "，", ",")
    return max([text.rfind(v, 0, at) + len(v) for v in cuts if v in text[:at]] or [0])


def _item(article: Article, lexicon: Lexicon, span: Span) -> str:
    """The funded item, as printed: quotes, verbs and a leading count (一次) removed."""
    chunk = article.shadow[span.start : span.end]
    lead_match = lexicon.pattern("pattern-funding-item-lead").match(chunk)
    assert lead_match is not None  # the lead pattern matches the empty string too
    lead = lead_match.end()
    text = article.clean[span.start + lead : span.end]
    return text.strip('“”「」" ')
