"""Fact rules: documents, assignments, group leadership, responsibility lists and personnel actions.

Each rule is general over the genre and reads its vocabulary from the lexicon; each
record carries the span of text that states it.
"""

from __future__ import annotations

import re

from kg.ingest import Article
from kg.lexicon import Lexicon, alternation
from kg.span import Span

from .context import clause_of, clauses, frequency, inside, mentions_in, time_references, titles
from .records import Action, Assignment, Document, Extraction, GroupLeadership, Mention, ResponsibilityList

__all__ = ["find_documents", "find_assignments", "find_leadership", "find_lists", "find_actions"]


def find_documents(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Every 《》 title: kind from its suffix, issuer from the text or the place in the title, period from its years."""
    kinds = lexicon.forms("document-kinds")
    issue_verbs = [f for f, c in lexicon.forms("relation-verbs") if c.key.endswith("issue")]
    all_titles = titles(article)
    trial_words = lexicon.words("word-trial")
    period_re, year_re = lexicon.pattern("pattern-document-period"), lexicon.pattern("pattern-document-year")
    verb_re = lexicon.pattern("pattern-document-verb")
    for t in all_titles:
        printed = article.clean[t.start : t.end]
        corrected = lexicon.correct_misprints(printed)
        hans = article.shadow[t.start : t.end]
        hans_corr = lexicon.correct_misprints(hans)
        trial = any(w in hans for w in trial_words)
        core = re.sub(r"[(（][^()（）]*[)）]$", "", hans_corr).strip()
        core = re.sub(r"[(（][^()（）]*[)）]$", "", core).strip()
        kind = next((c for f, c in kinds if core.endswith(f)), None)
        if kind is None:
            kind = next(c for c in lexicon.scheme("document-kinds") if c.key.endswith("opinions"))
        years, year = period_re.search(hans), year_re.search(hans)
        start, end = (int(years[1]), int(years[2])) if years else ((int(year[1]),) * 2 if year else (None, None))
        clause = clause_of(article, t.start)
        before = Span(clause.start, t.start - 1)
        verb = next((v for v in issue_verbs if v in article.shadow[before.start : before.end]), None)
        issuers = (
            [m.key for m in mentions_in(mentions, before, ("org",)) if not inside(m.span, all_titles)] if verb else []
        )
        in_title = [m for m in mentions if m.kind == "place" and t.start <= m.span.start < t.end]
        if issuers:
            issuer, basis = issuers, "explicit"
        elif in_title:
            issuer, basis = [in_title[0].key], "title"
        elif ex.home:
            issuer, basis = [ex.home], "implicit"
        else:
            issuer, basis = [], None
        what = verb_re.search(article.clean[clause.start : t.start - 1])
        ex.documents.append(
            Document(
                span=Span(t.start - 1, t.end + 1),
                title=printed,
                corrected_title=corrected if corrected != printed else None,
                kind=kind.iri,
                cls=kind.prop("instanceClass"),
                issuer=issuer,
                issuer_basis=basis,
                period_start=start,
                period_end=end,
                trial=trial,
                verb=what[1] if what else None,
            )
        )


def find_assignments(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Role and unit headcounts and what they are assigned to: 將N名X…分配到N個貧困村, N名X結對幫扶N名Y."""
    verbs = [
        (f, c.prop("relation").rsplit("#", 1)[-1])
        for f, c in lexicon.forms("relation-verbs")
        if c.prop("relation", "").endswith(("assignedTo", "pairedWith"))
    ]
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
                start = parts[
                    i - 1
                ].start  # 選派電商專員12名，分配到12個貧困村: the forces are counted in the clause before
            clause = Span(start, clause.end)
            figs = [f for f in ex.figures if clause.start <= f.figure_span.start < clause.end]
            ents = mentions_in(mentions, clause, ("role", "org", "set"))
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
                ex.assignments.append(
                    Assignment(
                        span=Span(f.figure_span.start, (target.span.end if target else target_fig.figure_span.end)),
                        subject=subj.key,
                        count=int(f.value) if f.value is not None else None,
                        relation=hit[1],
                        target=target_key,
                        target_count=int(target_fig.value) if target_fig and target_fig.value else None,
                        subset_count=int(subset.value) if subset else None,
                        subset_label=subset.counted if subset else None,
                    )
                )
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


def find_leadership(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Who leads a group: 以X任組長, Y為成員單位的Z小組."""
    sh = article.shadow
    positions = {c.hans: c for c in lexicon.scheme("roles") if c.key.endswith(("group-leader", "deputy-group-leader"))}
    pat = lexicon.pattern("pattern-group-leadership", positions=alternation(positions))
    members_re = lexicon.pattern("pattern-group-members")
    for sent in article.sentences:
        text = sh[sent.start : sent.end]
        groups = [m for m in mentions if m.kind == "group" and sent.start <= m.span.start < sent.end]
        if not groups:
            continue
        group = groups[0].key
        for m in pat.finditer(text):
            hspan = Span(sent.start + m.start("holder"), sent.start + m.end("holder"))
            holders = mentions_in(mentions, hspan, ("role",))
            members = []
            mm = members_re.search(text[m.end() :])
            if mm:
                mspan = Span(sent.start + m.end() + mm.start("m"), sent.start + m.end() + mm.end("m"))
                members = [x.key for x in mentions_in(mentions, mspan, ("org",))]
            ex.leadership.append(
                GroupLeadership(
                    span=Span(sent.start + m.start(), sent.start + m.end()),
                    group=group,
                    position=positions[m["pos"]].iri,
                    holder=holders[0].key if holders else None,
                    members=members if positions[m["pos"]].iri.endswith("/role-group-leader") else [],
                )
            )


def find_lists(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Responsibility lists, whom they are decomposed to (分解落實到…) and sent to (每月向…發送)."""
    sh = article.shadow
    verbs = lexicon.forms("relation-verbs")
    decompose = [f for f, c in verbs if c.prop("relation", "").endswith("decomposedTo")]
    send = [f for f, c in verbs if c.prop("relation", "").endswith("sentTo")]
    towards = lexicon.words("word-towards")
    records: dict[str, ResponsibilityList] = {}
    for sent in article.sentences:
        lists_here = [m for m in mentions if m.kind == "list" and sent.start <= m.span.start < sent.end]
        for m in lists_here:
            records.setdefault(m.key, ResponsibilityList(span=clause_of(article, m.span.start), key=m.key))
        if not lists_here:
            continue
        for clause in clauses(article, sent):
            text = sh[clause.start : clause.end]
            d = next((v for v in decompose if v in text), None)
            if d:
                at = clause.start + text.find(d) + len(d)
                targets = [x.key for x in mentions_in(mentions, Span(at, clause.end), ("role", "org"))]
                for m in lists_here:
                    if m.span.start < at:
                        records[m.key].decomposed_to = list(dict.fromkeys(records[m.key].decomposed_to + targets))
                        records[m.key].decomposed_span = Span(m.span.start, clause.end)
            s = next((v for v in send if v in text), None)
            to = _first(text, towards)
            if s and to:
                a, b = clause.start + to[0] + len(to[1]), clause.start + text.find(s)
                targets = [x.key for x in mentions_in(mentions, Span(a, b), ("role", "org"))]
                freq = frequency(lexicon, text[: to[0]])
                for m in lists_here:
                    if m.span.start > b and m.span.start < clause.end:
                        r = records[m.key]
                        r.sent_to, r.sent_span, r.frequency = targets, clause, freq
    ex.lists = list(records.values())


def find_actions(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """Personnel actions (promotion, commendation, replacement, interview, inspection notice, …).

    The count may follow the verb (約談單位主要負責人14人次) or precede it (對23名駐村干部進行誡勉談話,
    37名第一書記被評為…); the target is the role or body the count is written next to. Without a count,
    an action is kept when the verb names whom it acts on (約談派出單位負責人) or is a care visit.
    """
    sh = article.shadow
    verbs = lexicon.forms("action-types")
    honours = [c for c in lexicon.scheme("action-types") if c.prop_values("honourWord")]
    times, subset = time_references(lexicon), lexicon.words("word-subset")
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
            targets = mentions_in(mentions, clause, ("role", "org"))
            actors = _subjects(article, lexicon, sent, clause, vpos, mentions)
            time = ([None] + list(times.finditer(sh, sent.start, vpos)))[-1]
            time_ref = article.clean[time.start() : time.end()] if time else None
            verb = article.clean[vpos:vend]
            concept = hit[1]
            honour = next(
                (c for c in honours if any(w in sh[vend : clause.end] for w in c.prop_values("honourWord"))), None
            )
            if honour and concept.key.endswith("rating"):  # 被評為「優秀…」: an honour, not a grade
                concept = honour
            kind = (concept.iri, concept.prop("instanceClass"), verb)
            if not figs:
                after = max(
                    (m for m in targets if 0 <= m.span.start - vend <= 1),
                    key=lambda m: m.span.end - m.span.start,
                    default=None,
                )
                if after or concept.prop("standsAlone"):
                    span = Span(vpos, after.span.end) if after else clause
                    ex.actions.append(Action(span, *kind, after.key if after else None, None, None, actors, time_ref))
                continue
            prev_end = None
            for f in figs:
                target = _adjacent(sh, f.figure_span, targets)
                if target is None and f.figure_span.start > vpos:
                    target = next(
                        (m for m in targets if vend <= m.span.start and m.span.end <= f.figure_span.start), None
                    )
                if target is None:  # 對23名履職不到位的駐村干部進行…: the counted role follows its modifiers
                    limit = vpos if f.figure_span.start < vpos else clause.end
                    target = next(
                        (
                            m
                            for m in targets
                            if f.figure_span.end <= m.span.start
                            and m.span.end <= limit
                            and m.span.start - f.figure_span.end <= 12
                        ),
                        None,
                    )
                key = target.key if target else None
                if any(w in sh[clause.start : f.figure_span.start] for w in subset) and last_target:
                    key = last_target  # 其中2名提拔擔任鎮長: the subset of the previous count
                last_target = key or last_target
                if prev_end is not None:  # a later count under the same verb: its own role and count (駐村工作人員6名)
                    own = [target.span] if target and target.span.start >= prev_end else []
                    span = Span(min(x.start for x in [f.figure_span, *own]), max(x.end for x in [f.figure_span, *own]))
                else:
                    ends = [f.figure_span.start, f.figure_span.end, vpos, vend] + (
                        [target.span.start, target.span.end] if target else []
                    )
                    span = Span(min(ends), clause.end if f.figure_span.start < vpos else max(ends))
                prev_end = f.figure_span.end
                ex.actions.append(
                    Action(
                        span,
                        *kind,
                        key,
                        int(f.value) if f.value is not None else None,
                        f.unit,
                        [a for a in actors if a != key],
                        time_ref,
                        ex.figures.index(f),
                    )
                )


def _first(text: str, words: list[str]) -> tuple[int, str] | None:
    """Where the first of ``words`` stands in ``text`` (the earliest; the first listed at one place), and which."""
    return min(((text.find(w), w) for w in words if w in text), key=lambda hit: hit[0], default=None)


def _subjects(
    article: Article, lexicon: Lexicon, sent: Span, clause: Span, vpos: int, mentions: list[Mention]
) -> list[str]:
    """The bodies acting in a clause: organisations before the verb, or, when none, those that open an earlier
    clause of the sentence (市委組織部、市直機關工委每逢傳統節日,會同…看望慰問); partners after 會同 are not
    actors."""
    sh = article.shadow
    partners = lexicon.words("word-jointly-with")

    def acts(start: int, m: Mention) -> bool:  # 會同X: X is a partner
        return not any(w in sh[start : m.span.start] for w in partners)

    own = [m.key for m in mentions_in(mentions, Span(clause.start, vpos), ("org",)) if acts(clause.start, m)]
    if own:
        return own
    for c in reversed([c for c in clauses(article, sent) if c.end <= clause.start]):
        opening = [m for m in mentions_in(mentions, c, ("org",))]
        if opening and opening[0].span.start == c.start:
            return [m.key for m in opening if acts(c.start, m)]
    return []
