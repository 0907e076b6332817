"""Fact rules: documents, assignments, group leadership and responsibility lists (personnel actions:
:mod:`.actions`).

Every rule takes the article, the lexicon, the :class:`~kg.extract.records.Extraction` it adds
its records to, and the mentions :func:`~kg.extract.mentions.tag` resolved. Each is general over
the genre, reads its vocabulary from the lexicon, and ties each record to the span that states it.
"""

from __future__ import annotations

import re

from kg.ingest import Article
from kg.lexicon import Lexicon, alternation
from kg.span import Span

from .context import adjacent_mention, clause_of, clauses, frequency, inside, mentions_in, titles
from .records import Assignment, Document, Extraction, GroupLeadership, Mention, ResponsibilityList

__all__ = ["find_assignments", "find_documents", "find_leadership", "find_lists"]


def find_documents(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add a :class:`Document` to ``ex.documents`` for every 《》 title.

    Kind from the title's ending (…辦法, …規劃); issuers named before an issue verb, else the place in the
    title, else the home place; period from the years in the title.

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> lexicon, ex = load_lexicon(), Extraction()
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n县扶贫办印发《青崖县精准扶贫实施办法（试行）》。\n")
    >>> find_documents(article, lexicon, ex, tag(article, lexicon, ex))
    >>> [(d.title, d.issuer, d.issuer_basis, d.trial, d.cls.rsplit("#")[-1]) for d in ex.documents]
    [('青崖县精准扶贫实施办法（试行）', ['青崖县扶贫办'], 'explicit', True, 'ManagementMeasures')]
    """
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
            [m.ref for m in mentions_in(mentions, before, ("org",)) if not inside(m.span, all_titles)] if verb else []
        )
        in_title = [m for m in mentions if m.kind == "place" and t.start <= m.span.start < t.end]
        basis: str | None
        if issuers:
            issuer, basis = issuers, "explicit"
        elif in_title:
            issuer, basis = [in_title[0].ref], "title"
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
    r"""Add an :class:`Assignment` for each headcount a clause assigns or pairs to a target.

    将N名X…分配到N个贫困村 (``assignedTo``), N名X结对帮扶N名Y (``pairedWith``); the subject is the mention
    written next to its figure, and its entity's ``count`` is set. Needs ``ex.figures``.

    Examples
    --------
    >>> from kg.extract.figures import find_figures_in
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> lexicon, ex = load_lexicon(), Extraction()
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n选派第一书记25名，分配到25个贫困村。\n")
    >>> mentions = tag(article, lexicon, ex)
    >>> find_figures_in(article, lexicon, ex)
    >>> find_assignments(article, lexicon, ex, mentions)
    >>> [(a.count, a.subject, a.relation, a.target_count, a.target) for a in ex.assignments]
    [(25, '第一书记', 'assignedTo', 25, '贫困村')]
    """
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
                # 選派電商專員12名，分配到12個貧困村: the forces are counted in the clause before
                start = parts[i - 1].start
            clause = Span(start, clause.end)
            figs = [f for f in ex.figures if clause.start <= f.figure_span.start < clause.end]
            ents = mentions_in(mentions, clause, ("role", "org", "set"))
            target = next((m for m in ents if m.span.start >= vpos + len(hit[0])), None)
            target_fig = next((f for f in figs if f.figure_span.start >= vpos), None)
            if target is not None:
                target_key, target_end = target.ref, target.span.end
            elif target_fig is not None:
                target_key, target_end = target_fig.counted, target_fig.figure_span.end
            else:
                continue
            if not target_key:
                continue
            for f in figs:
                if f.figure_span.start >= vpos or f.part_of is not None:
                    continue
                subj = adjacent_mention(sh, f.figure_span, ents)
                if subj is None:
                    continue
                subset = next((g for g in figs if g.part_of is not None and ex.figures[g.part_of] is f), None)
                subset_count = None
                if subset is not None:  # a subset written as a range (其中3至5名) has no one count: not handled
                    assert subset.value is not None, "a subset count written as a range"
                    subset_count = int(subset.value)
                ex.assignments.append(
                    Assignment(
                        span=Span(f.figure_span.start, target_end),
                        subject=subj.ref,
                        count=int(f.value) if f.value is not None else None,
                        relation=hit[1],
                        target=target_key,
                        target_count=int(target_fig.value) if target_fig and target_fig.value else None,
                        subset_count=subset_count,
                        subset_label=subset.counted if subset else None,
                    )
                )
                e = ex.entities[subj.ref]
                if e.count is None and f.value is not None:
                    e.count, e.count_span = int(f.value), f.figure_span
            if target and target_fig and ex.entities[target.ref].count is None and target_fig.value:
                ex.entities[target.ref].count = int(target_fig.value)
                ex.entities[target.ref].count_span = target_fig.figure_span


def find_leadership(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add a :class:`GroupLeadership` for each position a sentence gives in a group (以X任組長, Y為成員單位).

    The group is the first one the sentence names; the member units go with the leader only.

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> lexicon, ex = load_lexicon(), Extraction()
    >>> article = parse_article("标题\n2016年12月13日\n成立以市委副书记任组长、市级部门为成员单位的扶贫领导小组。\n")
    >>> find_leadership(article, lexicon, ex, tag(article, lexicon, ex))
    >>> [(x.group, x.position.rsplit("/")[-1], x.holder, x.members) for x in ex.leadership]
    [('扶贫领导小组', 'role-group-leader', '市委副书记', ['市级部门'])]
    """
    sh = article.shadow
    positions = {c.hans: c for c in lexicon.scheme("roles") if c.key.endswith(("group-leader", "deputy-group-leader"))}
    pat = lexicon.pattern("pattern-group-leadership", positions=alternation(positions))
    members_re = lexicon.pattern("pattern-group-members")
    for sent in article.sentences:
        text = sh[sent.start : sent.end]
        groups = [m for m in mentions if m.kind == "group" and sent.start <= m.span.start < sent.end]
        if not groups:
            continue
        group = groups[0].ref
        for m in pat.finditer(text):
            hspan = Span(sent.start + m.start("holder"), sent.start + m.end("holder"))
            holders = mentions_in(mentions, hspan, ("role",))
            members: list[str] = []
            mm = members_re.search(text[m.end() :])
            if mm:
                mspan = Span(sent.start + m.end() + mm.start("m"), sent.start + m.end() + mm.end("m"))
                members = [x.ref for x in mentions_in(mentions, mspan, ("org",))]
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
    r"""Set ``ex.lists``: the responsibility lists, whom they are decomposed to (分解落實到…) and sent to (每月向…發送).

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> lexicon, ex = load_lexicon(), Extraction()
    >>> article = parse_article("标题\n2016年12月13日\n问题清单分解落实到驻村工作组，每月向帮扶单位发送问题清单。\n")
    >>> find_lists(article, lexicon, ex, tag(article, lexicon, ex))
    >>> [(x.key, x.decomposed_to, x.sent_to, x.frequency) for x in ex.lists]
    [('问题清单', ['驻村工作组'], ['帮扶单位'], 'monthly')]
    """
    sh = article.shadow
    verbs = lexicon.forms("relation-verbs")
    decompose = [f for f, c in verbs if c.prop("relation", "").endswith("decomposedTo")]
    send = [f for f, c in verbs if c.prop("relation", "").endswith("sentTo")]
    towards = lexicon.words("word-towards")
    records: dict[str, ResponsibilityList] = {}
    for sent in article.sentences:
        lists_here = [m for m in mentions if m.kind == "list" and sent.start <= m.span.start < sent.end]
        for m in lists_here:
            records.setdefault(m.ref, ResponsibilityList(span=clause_of(article, m.span.start), key=m.ref))
        if not lists_here:
            continue
        for clause in clauses(article, sent):
            text = sh[clause.start : clause.end]
            d = next((v for v in decompose if v in text), None)
            if d:
                at = clause.start + text.find(d) + len(d)
                targets = [x.ref for x in mentions_in(mentions, Span(at, clause.end), ("role", "org"))]
                for m in lists_here:
                    if m.span.start < at:
                        records[m.ref].decomposed_to = list(dict.fromkeys(records[m.ref].decomposed_to + targets))
                        records[m.ref].decomposed_span = Span(m.span.start, clause.end)
            s = next((v for v in send if v in text), None)
            to = _first(text, towards)
            if s and to:
                a, b = clause.start + to[0] + len(to[1]), clause.start + text.find(s)
                targets = [x.ref for x in mentions_in(mentions, Span(a, b), ("role", "org"))]
                freq = frequency(lexicon, text[: to[0]])
                for m in lists_here:
                    if m.span.start > b and m.span.start < clause.end:
                        r = records[m.ref]
                        r.sent_to, r.sent_span, r.frequency = targets, clause, freq
    ex.lists = list(records.values())


def _first(text: str, words: list[str]) -> tuple[int, str] | None:
    """Where the first of ``words`` stands in ``text`` (the earliest; the first listed at one place), and which."""
    return min(((text.find(w), w) for w in words if w in text), key=lambda hit: hit[0], default=None)
