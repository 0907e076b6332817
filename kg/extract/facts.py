"""Fact rules: figures, documents, funding standards, assignments, group leadership,
responsibility lists, personnel actions and programmes.

Each rule is general over the genre and reads its vocabulary from the lexicon; each
record carries the span of text that states it.
"""

from __future__ import annotations

import re

from ..ingest import Article, Span
from ..text import to_hans
from .mentions import CJK, clauses, quoted, script_form, titles, zones
from .numbers import find_figures
from .records import (Action, Assignment, Document, Extraction, Figure, FundingStandard, GroupLeadership, Mention,
                      Programme, ResponsibilityList)

__all__ = ["find_figures_in", "find_documents", "find_funding", "find_assignments", "find_leadership",
           "find_lists", "find_actions", "find_programmes"]

_TIME_REF = re.compile(r"(截至目前|截至\d{4}年\d{1,2}月底?|截至\d{1,2}月底|\d{4}年(?:以来|底|初)?|今年以来|今年\d{1,2}月底?|目前|去年|两年多来|三年来)")
_FREQ = {"每月": "monthly", "每周": "weekly", "每季度": "quarterly", "每年": "yearly", "每天": "daily"}


def _inside(span: Span, spans: list[Span]) -> Span | None:
    return next((s for s in spans if s.start <= span.start and span.end <= s.end), None)


def _sentence_of(article: Article, pos: int) -> Span:
    return next((s for s in article.sentences if s.start <= pos < s.end), article.meta["title"])


def _clause_of(article: Article, pos: int) -> Span:
    sent = _sentence_of(article, pos)
    return next((c for c in clauses(article, sent) if c.start <= pos < c.end), sent)


def _in(mentions: list[Mention], span: Span, kinds=("role", "org", "group", "set", "place")) -> list[Mention]:
    return [m for m in mentions if m.kind in kinds and span.start <= m.span.start and m.span.end <= span.end]


def find_figures_in(article: Article, lexicon, ex: Extraction) -> None:
    """Every figure in the title and body, with value, unit, qualifier, status and what it counts."""
    sh, quotes, names = article.shadow, quoted(article), titles(article)
    cues = [f for f, _ in lexicon.forms("target-cues")]
    units = dict(lexicon.forms("units"))
    fact_zones = [article.meta["title"]] + article.paragraphs
    for z in fact_zones:
        for f in find_figures(sh, lexicon, z.start, z.end):
            fs = Span(f.start, f.end)
            in_quote, in_title = _inside(fs, quotes), _inside(fs, names)
            if f.chinese and (in_quote or in_title):
                continue  # numerals inside slogans and names: 五個一, 二十項重點工程
            clause = _clause_of(article, f.start)
            if f.chinese and _idiomatic_one(sh, f, clause):
                continue
            counted = _counted(article, clause, fs)
            clause_text = sh[clause.start : clause.end]
            status = "target" if any(c in clause_text for c in cues) else "actual"
            sent = _sentence_of(article, f.start)
            time = [t for t in _TIME_REF.finditer(sh, sent.start, f.start)]
            part_of = None
            if re.search(r"其中[^，,。；;、)）]*$", sh[sent.start : f.start]) and ex.figures:
                prev = [i for i, g in enumerate(ex.figures) if sent.start <= g.figure_span.start < f.start
                        and "其中" not in sh[g.figure_span.end : f.start][:1]]
                part_of = prev[-1] if prev else None
            ex.figures.append(Figure(
                span=clause, figure_span=fs, printed=article.clean[f.start : f.end], value=f.value,
                value_min=f.value_min, value_max=f.value_max, unit=article.clean[f.unit_span[0] : f.unit_span[1]] if f.unit_span else script_form(article, f.unit),
                unit_concept=units[f.unit].iri if f.unit in units else None, qualifier=f.qualifier,
                qualifier_printed=_printed_qualifier(article, fs, f.qualifier_printed),
                status=status, counted=counted,
                in_name=bool(in_quote or in_title), time_ref=article.clean[time[-1].start() : time[-1].end()] if time else None,
                part_of=part_of,
            ))


def _idiomatic_one(sh: str, f, clause: Span) -> bool:
    """一 + measure word that counts nothing: an indefinite article (探索出一條路子), 一戶一策, 一次性,
    每一名 (each). It is a figure only as a frequency after 每年/每月/每季度 (每年安排一次健康體檢)."""
    if sh[f.start] != "一" or f.value != 1:
        return False
    if re.match(r"一.一", sh[f.start : f.start + 3]) or sh[f.end : f.end + 1] == "性" or sh[f.start - 1 : f.start] == "每":
        return True
    return not re.search(r"每(?:年|月|周|季度|天|日)", sh[clause.start : f.start])


def _printed_qualifier(article: Article, fs: Span, hans: str | None) -> str | None:
    """The qualifier word as printed: it stands at the start or the end of the figure's span."""
    if not hans:
        return None
    text = article.shadow[fs.start : fs.end]
    at = 0 if text.startswith(hans) else len(text) - len(hans)
    return article.clean[fs.start + at : fs.start + at + len(hans)]


def _counted(article: Article, clause: Span, fs: Span) -> str:
    """What a figure counts: the words right after it (25個貧困村), else those before it (第一書記7名)."""
    after = re.match(r"[^0-9０-９(（，,、。；;﹔]*", article.shadow[fs.end : clause.end]).group()
    if after.strip("“”「」\"") and len(after) <= 16:
        return article.clean[fs.end : fs.end + len(after)].strip("“”「」\"")
    before = article.shadow[max(clause.start, fs.start - 12) : fs.start]
    lead = len(re.match(r"^[共累计全县市其中]*", before).group())
    return article.clean[fs.start - len(before) + lead : fs.start].strip("“”「」\"")


def find_documents(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Every 《》 title: kind from its suffix, issuer from the text or the place in the title, period from its years."""
    kinds = lexicon.forms("document-kinds")
    issue_verbs = [f for f, c in lexicon.forms("relation-verbs") if c.key.endswith("issue")]
    for t in titles(article):
        printed = article.clean[t.start : t.end]
        corrected = lexicon.correct_misprints(printed)
        hans = article.shadow[t.start : t.end]
        hans_corr = lexicon.correct_misprints(hans)
        trial = "试行" in hans
        core = re.sub(r"[(（][^()（）]*[)）]$", "", hans_corr).strip()
        core = re.sub(r"[(（][^()（）]*[)）]$", "", core).strip()
        kind = next((c for f, c in kinds if core.endswith(f)), None)
        if kind is None:
            kind = next(c for c in lexicon.scheme("document-kinds") if c.key.endswith("opinions"))
        years = re.search(r"(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})", hans)
        year = re.search(r"(\d{4})年", hans)
        start, end = (int(years[1]), int(years[2])) if years else ((int(year[1]),) * 2 if year else (None, None))
        clause = _clause_of(article, t.start)
        before = Span(clause.start, t.start - 1)
        verb = next((v for v in issue_verbs if v in article.shadow[before.start : before.end]), None)
        all_titles = titles(article)
        issuers = [m.key for m in _in(mentions, before, ("org",)) if not _inside(m.span, all_titles)] if verb else []
        in_title = [m for m in mentions if m.kind == "place" and t.start <= m.span.start < t.end]
        if issuers:
            issuer, basis = issuers, "explicit"
        elif in_title:
            issuer, basis = [in_title[0].key], "title"
        elif ex.home:
            issuer, basis = [ex.home], "implicit"
        else:
            issuer, basis = [], None
        what = re.search(rf"([{CJK}]{{2,4}})了?$", article.clean[clause.start : t.start - 1])
        ex.documents.append(Document(
            span=Span(t.start - 1, t.end + 1), title=printed, corrected_title=corrected if corrected != printed else None,
            kind=kind.iri, cls=kind.prop("instanceClass"), issuer=issuer, issuer_basis=basis,
            period_start=start, period_end=end, trial=trial, verb=what[1] if what else None,
        ))


def find_funding(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Funding standards, clause by clause:

    * 按每人每年N元標准安排… (a cash standard per unit and period);
    * 一次性發放N元… (a one-time amount);
    * 每年投入…不少於N萬元 (a floor, per the unit a preceding 每家企業 names);
    * a benefit that is not cash (保險, 體檢) given per unit or period, or continuing a standard of the same sentence.

    The payer is the last body named before the amount, carried over to later clauses of the sentence.
    """
    sh = article.shadow
    terms = lexicon.forms("funding-terms")
    per = {f: c.prop("code") for f, c in terms if c.prop("fundingRole", "").endswith("perUnit")}
    period = {f: c.prop("code") for f, c in terms if c.prop("fundingRole", "").endswith("perPeriod") and f.startswith(("每", "一"))}
    floors = [f for f, c in lexicon.forms("qualifiers") if c.prop("qualifierKind") == "at_least"]
    benefits = lexicon.forms("benefit-kinds")
    alt = lambda d: "|".join(re.escape(x) for x in sorted(d, key=len, reverse=True))  # noqa: E731
    amount = r"(?P<amount>[0-9０-９.]+|[一二三四五六七八九十百千两]+)(?P<mult>万)?元"
    patterns = [
        re.compile(rf"按(?:照)?(?P<per>{alt(per)})?(?P<period>{alt(period)})?{amount}(?:的)?标准"),
        re.compile(rf"(?P<period>一次性)(?:发放|补助|给予|奖励)?{amount}"),
        re.compile(rf"(?P<period>{alt(k for k in period if k != '一次性')})[^，,。；;]{{0,12}}?(?:{alt(floors)}){amount}"),
    ]
    from .numbers import parse_number

    for sent in article.sentences:
        payer, recipients, found = None, [], False
        parts = clauses(article, sent)
        for i, clause in enumerate(parts):
            text = sh[clause.start : clause.end]
            m = next((x for x in (p.search(text) for p in patterns) if x), None)
            benefit = next(((f, c) for f, c in benefits if f in text and c.prop("code") != "cash-standard"), None)
            per_here = next((v for k, v in per.items() if k in text), None)
            period_here = next((v for k, v in period.items() if k in text and k != "一次性"), None)
            if not m and not (benefit and (period_here or per_here or found)):
                continue
            found = True
            before = [o for o in _in(mentions, clause, ("org",)) if o.span.start < clause.start + (m.start() if m else len(text))]
            if before:
                payer = before[-1].key
            after_at = clause.start + (m.end() if m else 0)
            rec = [x.key for x in _in(mentions, Span(after_at, clause.end), ("role", "org")) if x.key != payer]
            if not rec:
                rec = [x.key for x in _in(mentions, Span(clause.start, after_at), ("role",))]
            for c in reversed(parts[:i] if not rec else []):
                rec = [x.key for x in _in(mentions, c, ("role",))]
                if rec:
                    break
            recipients = rec or recipients
            if m:
                groups = m.groupdict()
                value = parse_number(groups["amount"]) * (10000 if groups["mult"] else 1)
                period_v = period[groups["period"]] if groups.get("period") else None
                floor = "标准" not in m.group() and period_v != "once"
                per_v = per.get(groups.get("per") or "") or per_here
                if per_v is None:  # a one-time fee is per cadre; a floor is per the unit an earlier 每X names
                    per_v = _earlier_per(sh, parts[:i], per) if floor else "person" if period_v == "once" else None
                kind, item_from = "cash-standard", after_at
                if floor:
                    item_from = clause.start + m.start() + len(groups["period"])
            else:
                value, kind = None, benefit[1].prop("code")
                per_v, period_v = per_here, period_here
                item_from = clause.start + _phrase_start(text, text.find(benefit[0]))
            named = _in(mentions, Span(item_from, clause.end), ("role", "org"))
            if m and "标准" in m.group():
                item_from = max([item_from] + [x.span.end for x in named])
            item_end = clause.end
            if m and floor:  # 每年投入幫扶資金不少於5萬元: the item runs up to the qualifier
                item_end = clause.start + m.start("amount") - max(len(f) for f in floors if m.group()[: m.start("amount") - m.start()].endswith(f))
            item = _item(article, Span(item_from, item_end))
            fig = next((j for j, f in enumerate(ex.figures) if clause.start <= f.figure_span.start < clause.end
                        and (not m or f.figure_span.start >= clause.start + m.start())), None)
            if fig is not None:
                ex.figures[fig].status = "standard"
            ex.funding.append(FundingStandard(
                span=clause, item=item, kind=kind, amount=value, currency="CNY" if value is not None else None,
                per=per_v, period=period_v, payer=payer, recipients=list(dict.fromkeys(recipients)),
                figure=fig if value is not None else None,
            ))


def _earlier_per(sh: str, earlier: list[Span], per: dict[str, str]) -> str | None:
    """每家企業至少聯繫1個貧困村，每年投入…: the unit named by 每X in an earlier clause of the sentence."""
    for c in reversed(earlier):
        hit = next((v for k, v in per.items() if k in sh[c.start : c.end]), None)
        if hit:
            return hit
    return None


def _phrase_start(text: str, at: int) -> int:
    """Where the noun phrase ending at ``at`` begins: after the last verb or punctuation before it."""
    cut = max([text.rfind(v, 0, at) + len(v) for v in ("购买", "安排", "预算", "组织", "发放", "为", "，", ",") if v in text[:at]] or [0])
    return cut


def _item(article: Article, span: Span) -> str:
    """The funded item, as printed: quotes, verbs and a leading count (一次) removed."""
    chunk = article.shadow[span.start : span.end]
    lead = re.match(r"^[”」\"]?(?:标准)?(?:安排|预算|发放|购买|为|用于|组织|投入)?[“「\"]?(?:一次)?", chunk).end()
    text = article.clean[span.start + lead : span.end]
    return text.strip("“”「」\" ")


def find_assignments(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Role and unit headcounts and what they are assigned to: 將N名X…分配到N個貧困村, N名X結對幫扶N名Y."""
    verbs = [(f, c.prop("relation").rsplit("#", 1)[-1]) for f, c in lexicon.forms("relation-verbs")
             if c.prop("relation", "").endswith(("assignedTo", "pairedWith"))]
    sh = article.shadow
    for sent in article.sentences:
        parts = clauses(article, sent)
        for i, clause in enumerate(parts):
            text = sh[clause.start : clause.end]
            hit = next(((f, rel) for f, rel in verbs if f in text), None)
            if not hit:
                continue
            vpos = clause.start + text.find(hit[0])
            start = clause.start
            if i and not any(clause.start <= f.figure_span.start < vpos for f in ex.figures):
                start = parts[i - 1].start  # 選派電商專員12名，分配到12個貧困村: the forces are counted in the clause before
            clause = Span(start, clause.end)
            figs = [f for f in ex.figures if clause.start <= f.figure_span.start < clause.end]
            ents = _in(mentions, clause, ("role", "org", "set"))
            target = next((m for m in ents if m.span.start >= vpos + len(hit[0])), None)
            target_fig = next((f for f in figs if f.figure_span.start >= vpos), None)
            target_key = target.key if target else (target_fig.counted if target_fig else None)
            if not target_key:
                continue
            for f in figs:
                if f.figure_span.start >= vpos or f.part_of is not None:
                    continue
                subj = _adjacent(sh, f.figure_span, ents)
                if subj is None:
                    continue
                subset = next((g for g in figs if g.part_of is not None and ex.figures[g.part_of] is f), None)
                ex.assignments.append(Assignment(
                    span=Span(f.figure_span.start, (target.span.end if target else target_fig.figure_span.end)),
                    subject=subj.key, count=int(f.value) if f.value is not None else None, relation=hit[1],
                    target=target_key, target_count=int(target_fig.value) if target_fig and target_fig.value else None,
                    subset_count=int(subset.value) if subset else None, subset_label=subset.counted if subset else None,
                ))
                e = ex.entities[subj.key]
                if e.count is None and f.value is not None:
                    e.count, e.count_span = int(f.value), f.figure_span
            if target and target_fig and ex.entities[target.key].count is None and target_fig.value:
                ex.entities[target.key].count = int(target_fig.value)
                ex.entities[target.key].count_span = target_fig.figure_span


def _adjacent(sh: str, fs: Span, ents: list[Mention]) -> Mention | None:
    """The entity a figure counts: written right after it (25名“第一書記”) or right before it (隊員96名).
    Where mentions start together, the longest wins (派出單位負責人 over 派出單位)."""
    ents = sorted(ents, key=lambda m: (m.span.start, -(m.span.end - m.span.start)))
    for m in ents:
        gap = sh[fs.end : m.span.start]
        if m.span.start >= fs.end and len(gap) <= 1 and gap in ("", "“", "「"):
            return m
    for m in reversed(ents):
        gap = sh[m.span.end : fs.start]
        if m.span.end <= fs.start and gap in ("", "”", "」"):
            return m
    return None


def find_leadership(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Who leads a group: 以X任組長, Y為成員單位的Z小組."""
    sh = article.shadow
    positions = {c.hans: c for c in lexicon.scheme("roles") if c.key.endswith(("group-leader", "deputy-group-leader"))}
    pat = re.compile(rf"(?:以|由)?(?P<holder>[^，,。；;、以由]{{2,16}}?)任(?P<pos>{'|'.join(sorted(positions, key=len, reverse=True))})")
    for sent in article.sentences:
        text = sh[sent.start : sent.end]
        groups = [m for m in mentions if m.kind == "group" and sent.start <= m.span.start < sent.end]
        if not groups:
            continue
        group = groups[0].key
        for m in pat.finditer(text):
            hspan = Span(sent.start + m.start("holder"), sent.start + m.end("holder"))
            holders = _in(mentions, hspan, ("role",))
            members = []
            mm = re.search(r"(?P<m>[^，,。；;]{2,20}?)为成员", text[m.end() :])
            if mm:
                mspan = Span(sent.start + m.end() + mm.start("m"), sent.start + m.end() + mm.end("m"))
                members = [x.key for x in _in(mentions, mspan, ("org",))]
            ex.leadership.append(GroupLeadership(
                span=Span(sent.start + m.start(), sent.start + m.end()), group=group,
                position=positions[m["pos"]].iri, holder=holders[0].key if holders else None,
                members=members if m["pos"] == "组长" else [],
            ))


def find_lists(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Responsibility lists, whom they are decomposed to (分解落實到…) and sent to (每月向…發送)."""
    sh = article.shadow
    verbs = lexicon.forms("relation-verbs")
    decompose = [f for f, c in verbs if c.prop("relation", "").endswith("decomposedTo")]
    send = [f for f, c in verbs if c.prop("relation", "").endswith("sentTo")]
    records: dict[str, ResponsibilityList] = {}
    for sent in article.sentences:
        lists_here = [m for m in mentions if m.kind == "list" and sent.start <= m.span.start < sent.end]
        for m in lists_here:
            records.setdefault(m.key, ResponsibilityList(span=_clause_of(article, m.span.start), key=m.key))
        if not lists_here:
            continue
        for clause in clauses(article, sent):
            text = sh[clause.start : clause.end]
            d = next((v for v in decompose if v in text), None)
            if d:
                at = clause.start + text.find(d) + len(d)
                targets = [x.key for x in _in(mentions, Span(at, clause.end), ("role", "org"))]
                for m in lists_here:
                    if m.span.start < at:
                        records[m.key].decomposed_to = list(dict.fromkeys(records[m.key].decomposed_to + targets))
                        records[m.key].decomposed_span = Span(m.span.start, clause.end)
            s = next((v for v in send if v in text), None)
            if s and "向" in text:
                a, b = clause.start + text.find("向") + 1, clause.start + text.find(s)
                targets = [x.key for x in _in(mentions, Span(a, b), ("role", "org"))]
                freq = next((v for k, v in _FREQ.items() if k in text[: text.find("向")]), None)
                for m in lists_here:
                    if m.span.start > b and m.span.start < clause.end:
                        r = records[m.key]
                        r.sent_to, r.sent_span, r.frequency = targets, clause, freq
    ex.lists = list(records.values())


def find_actions(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Personnel actions (promotion, commendation, replacement, interview, inspection notice, …).

    The count may follow the verb (約談單位主要負責人14人次) or precede it (對23名駐村干部進行誡勉談話,
    37名第一書記被評為…); the target is the role or body the count is written next to. Without a count,
    an action is kept when the verb names whom it acts on (約談派出單位負責人) or is a care visit.
    """
    sh = article.shadow
    verbs = lexicon.forms("action-types")
    for sent in article.sentences:
        last_target = None
        for clause in clauses(article, sent):
            text = sh[clause.start : clause.end]
            hit = next(((f, c) for f, c in verbs if f in text), None)
            if not hit:
                continue
            vpos = clause.start + text.find(hit[0])
            vend = vpos + len(hit[0])
            figs = [f for f in ex.figures if clause.start <= f.figure_span.start < clause.end and f.unit_concept]
            targets = _in(mentions, clause, ("role", "org"))
            actors = _subjects(article, sent, clause, vpos, mentions)
            time = ([None] + list(_TIME_REF.finditer(sh, sent.start, vpos)))[-1]
            time_ref = article.clean[time.start() : time.end()] if time else None
            verb = article.clean[vpos:vend]
            kind = (hit[1].iri, hit[1].prop("instanceClass"), verb)
            if not figs:
                after = max((m for m in targets if 0 <= m.span.start - vend <= 1), key=lambda m: m.span.end - m.span.start, default=None)
                if after or hit[1].key.endswith("care-visit"):
                    span = Span(vpos, after.span.end) if after else clause
                    ex.actions.append(Action(span, *kind, after.key if after else None, None, None, actors, time_ref))
                continue
            prev_end = None
            for f in figs:
                target = _adjacent(sh, f.figure_span, targets)
                if target is None and f.figure_span.start > vpos:
                    target = next((m for m in targets if vend <= m.span.start and m.span.end <= f.figure_span.start), None)
                if target is None:  # 對23名履職不到位的駐村干部進行…: the counted role follows its modifiers
                    limit = vpos if f.figure_span.start < vpos else clause.end
                    target = next((m for m in targets if f.figure_span.end <= m.span.start and m.span.end <= limit
                                   and m.span.start - f.figure_span.end <= 12), None)
                key = target.key if target else None
                if "其中" in sh[clause.start : f.figure_span.start] and last_target:
                    key = last_target  # 其中2名提拔擔任鎮長: the subset of the previous count
                last_target = key or last_target
                if prev_end is not None:  # a later count under the same verb starts at its own role (駐村工作人員6名)
                    span = Span(target.span.start if target and target.span.start >= prev_end else f.figure_span.start, f.figure_span.end)
                else:
                    ends = [f.figure_span.start, f.figure_span.end, vpos, vend] + ([target.span.start, target.span.end] if target else [])
                    span = Span(min(ends), clause.end if f.figure_span.start < vpos else max(ends))
                prev_end = f.figure_span.end
                ex.actions.append(Action(span, *kind, key, int(f.value) if f.value is not None else None, f.unit,
                                         [a for a in actors if a != key], time_ref, ex.figures.index(f)))


def _subjects(article: Article, sent: Span, clause: Span, vpos: int, mentions: list[Mention]) -> list[str]:
    """The bodies acting in a clause: organisations before the verb, or, when none, those that open
    an earlier clause of the sentence (市委組織部、市直機關工委每逢傳統節日,會同…看望慰問); partners after 會同 are not actors."""
    sh = article.shadow
    own = [m.key for m in _in(mentions, Span(clause.start, vpos), ("org",)) if "会同" not in sh[clause.start : m.span.start]]
    if own:
        return own
    for c in reversed([c for c in clauses(article, sent) if c.end <= clause.start]):
        opening = [m for m in _in(mentions, c, ("org",))]
        if opening and opening[0].span.start == c.start:
            return [m.key for m in opening if "会同" not in sh[c.start : m.span.start]]
    return []


def find_programmes(article: Article, lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Quoted programmes, campaigns and slogans; a paragraph's lead motto (握緊拳頭、精准發力) goes with its blueprint."""
    taken = {m.span for m in mentions if m.kind in ("role", "list")}
    known = {f for scheme in ("roles", "list-kinds", "benefit-kinds", "organisation-kinds") for f, _ in lexicon.forms(scheme)}
    seen = set()
    quotes = quoted(article)
    for q in quotes:
        inner = article.shadow[q.start : q.end]
        if inner in known or any(t.start <= q.start and q.end <= t.end for t in taken) or not re.search(f"[{CJK}]", inner):
            continue
        name = article.clean[q.start : q.end]
        if len(name) > 30:
            continue
        motto = motto_span = None
        para = next((p for p in article.paragraphs if p.start <= q.start < p.end), None)
        if para:
            lead = re.match(rf"([{CJK}]{{2,6}}、[{CJK}]{{2,6}})[,，]", article.clean[para.start : para.start + 20])
            first_q = next((x for x in quotes if para.start <= x.start < para.end), None)
            if lead and first_q == q:
                motto, motto_span = lead[1], Span(para.start, para.start + len(lead[1]))
        if name in seen and not motto:
            continue
        seen.add(name)
        ex.programmes.append(Programme(Span(q.start - 1, q.end + 1), name, True, motto, motto_span))
    _unquoted_programmes(article, lexicon, ex, quotes, seen)


# words after which an unquoted programme name begins: 實施精准脫貧戰略, 建立…聯席會議制度
_PROGRAMME_CUT = ("实施", "建立", "创建", "开展", "搭建", "推行", "落实", "打造", "探索", "坚持", "实行", "围绕", "聚焦", "突出",
                  "加强", "深入", "纳入", "创新", "成立", "打赢", "健全", "完善", "以", "走", "为", "的", "了", "和", "与", "及",
                  "等", "在", "对", "把", "将", "是", "并", "到", "率先")


def _unquoted_programmes(article: Article, lexicon, ex: Extraction, quotes: list[Span], seen: set[str]) -> None:
    """Programmes named without quotes: a name ending in a programme head of the lexicon (…制度, …工程,
    …戰略, …攻堅戰, 庭院經濟) after a verb such as 實施 or 建立; and idioms of the form 一X一Y (一村一品)."""
    sh = article.shadow
    heads = [f for f, _ in lexicon.forms("programme-heads")]
    quoted_names = {to_hans(p.name) for p in ex.programmes}
    names = titles(article)
    found: list[tuple[int, int]] = []
    for z in [article.meta["title"], *article.paragraphs]:
        for m in re.finditer("|".join(map(re.escape, heads)), sh[z.start : z.end]):
            end = z.start + m.end()
            if end < len(sh) and re.match(f"[{CJK}]", sh[end]) and sh[end] not in "的和与及等为在中上":
                continue  # the head is part of a longer word: 活動室
            start = end - len(m.group())
            while start > z.start and end - start < 24 and re.match(f"[{CJK}“”]", sh[start - 1]):
                start -= 1
            body = sh[start : end - len(m.group())]
            cut = max([body.rfind(w) + len(w) for w in _PROGRAMME_CUT if w in body] or [0])
            if not cut and start > z.start and re.match(f"[{CJK}“”]", sh[start - 1]):
                continue  # no boundary found within reach: not a name we can delimit
            found.append((start + cut, end))
        for m in re.finditer(rf"一[{CJK}]一[{CJK}]", sh[z.start : z.end]):
            found.append((z.start + m.start(), z.start + m.end()))
    for start, end in found:
        hans = sh[start:end].lstrip("”")
        start = end - len(hans)
        bare = re.sub(r"“[^”]*”", "", hans)
        if len(hans) < 4 or hans.count("“") != hans.count("”") or _inside(Span(start, end), names) or _inside(Span(start, end), quotes):
            continue
        if bare in heads or re.sub("[“”]", "", hans).replace(bare, "") in quoted_names and len(bare) <= 4:
            continue  # “微信+”模式, “走基層、送溫暖”活動: the quoted name is the programme
        name = article.clean[start:end]
        if name in seen:
            continue
        seen.add(name)
        ex.programmes.append(Programme(Span(start, end), name, False))
