"""Personnel actions: promotions, commendations, replacements, interviews, inspection notices, care visits.

A verb of the lexicon's ``action-types`` scheme names the action; the count may follow the verb or precede it, the
target is the role or body the count is written next to, and the actors are the bodies that open the clause.
"""

from __future__ import annotations

from kg.ingest import Article
from kg.lexicon import Lexicon
from kg.span import Span

from .context import adjacent_mention, clauses, mentions_in
from .periods import find_periods
from .records import Action, Extraction, Mention

__all__ = ["find_actions"]


def find_actions(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add an :class:`Action` for each personnel action (promotion, commendation, replacement, interview, …).

    The count may follow the verb (約談單位主要負責人14人次) or precede it (對23名駐村干部進行誡勉談話,
    37名第一書記被評為…); the target is the role or body the count is written next to. Without a count,
    an action is kept when the verb names whom it acts on (約談派出單位負責人) or is a care visit. Needs
    ``ex.figures``.

    Examples
    --------
    >>> from kg.extract.figures import find_figures_in
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> lexicon, ex = load_lexicon(), Extraction()
    >>> article = parse_article("青崖县扶贫\n2016年12月13日\n县委组织部约谈单位主要负责人14人次。\n")
    >>> mentions = tag(article, lexicon, ex)
    >>> find_figures_in(article, lexicon, ex)
    >>> find_actions(article, lexicon, ex, mentions)
    >>> [(x.verb, x.count, x.unit, x.target, x.actors, x.cls.rsplit("#")[-1]) for x in ex.actions]
    [('约谈', 14, '人次', '单位主要负责人', ['青崖县委组织部'], 'Interview')]
    """
    sh = article.shadow
    verbs = lexicon.forms("action-types")
    honours = [c for c in lexicon.scheme("action-types") if c.prop_values("honourWord")]
    subset = lexicon.words("word-subset")
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
            time = ([None] + find_periods(sh, lexicon, None, sent.start, vpos))[-1]
            time_ref = article.clean[time.span.start : time.span.end] if time else None
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
                target = adjacent_mention(sh, f.figure_span, targets)
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

    own = [m.ref for m in mentions_in(mentions, Span(clause.start, vpos), ("org",)) if acts(clause.start, m)]
    if own:
        return own
    for c in reversed([c for c in clauses(article, sent) if c.end <= clause.start]):
        opening = [m for m in mentions_in(mentions, c, ("org",))]
        if opening and opening[0].span.start == c.start:
            return [m.ref for m in opening if acts(c.start, m)]
    return []
