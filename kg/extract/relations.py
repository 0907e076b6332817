"""Relation rules: edges between entities that the text states or implies.

* 按照省委、廣安市委…的要求 — the home place follows the requirements of the bodies named;
* a coordination or leading group answers to the committee its leader's post sits in;
* the forces an article assigns to villages are coordinated by its one coordination group;
* 新選派的X… 選派單位 — X is dispatched by the dispatching unit;
* 發展A、B、C等產業 — the home place develops industries A, B and C.

The group rules read ``ex.leadership`` and ``ex.assignments``, so these rules run last.
"""

from __future__ import annotations

from kg.ingest import Article
from kg.lexicon import Lexicon
from kg.span import Span

from .context import clauses
from .records import Entity, Extraction, Mention, Relation

__all__ = ["find_relations"]


def find_relations(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add to ``ex.relations`` the edges between entities that no other record carries (see the module docstring).

    An industry named in an industry list becomes an entity of kind ``industry``.

    Parameters
    ----------
    article, lexicon : Article, Lexicon
        The article, and the lexicon that gives the relation verbs, cue words and the industry-list pattern.
    ex : Extraction
        Receives the :class:`~kg.extract.records.Relation` records; its home place, group leadership and
        assignments are read.
    mentions : list of Mention
        The resolved mentions (:func:`~kg.extract.mentions.tag`).

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "青崖县按照省委、市委的要求，发展特色水果、肉牛等产业。"
    >>> article, lexicon, ex = parse_article("青崖县扶贫\n2016年12月13日\n" + text + "\n"), load_lexicon(), Extraction()
    >>> find_relations(article, lexicon, ex, tag(article, lexicon, ex))
    >>> [(r.subject, r.predicate, r.object, r.basis) for r in ex.relations]
    [('青崖县', 'followsRequirementsOf', '省委', 'explicit'), ('青崖县', 'followsRequirementsOf', '市委', 'explicit'),
     ('青崖县', 'developsIndustry', '特色水果', 'implicit'), ('青崖县', 'developsIndustry', '肉牛', 'implicit')]
    """
    _requirements(article, lexicon, ex, mentions)
    _group_chain(ex)
    _dispatch(article, lexicon, ex, mentions)
    _industries(article, lexicon, ex)


def _requirements(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    verbs = [f for f, c in lexicon.forms("relation-verbs") if c.prop("relation", "").endswith("followsRequirementsOf")]
    closers = lexicon.words("word-requirement")
    if not ex.home:
        return
    for sent in article.sentences:
        for clause in clauses(article, sent):
            text = article.shadow[clause.start : clause.end]
            v = next((x for x in verbs if x in text), None)
            end, closer = max(((text.rfind(w), w) for w in closers), default=(-1, ""))
            if not v or end < 0:
                continue
            a, b = clause.start + text.find(v) + len(v), clause.start + end
            for m in mentions:
                if m.kind == "org" and a <= m.span.start and m.span.end <= b:
                    ex.relations.append(
                        Relation(
                            ex.home, "followsRequirementsOf", m.ref, "explicit", Span(clause.start, b + len(closer))
                        )
                    )


def _group_chain(ex: Extraction) -> None:
    groups = {x.group for x in ex.leadership}
    for x in ex.leadership:
        if not x.holder or not x.position.endswith("/role-group-leader"):
            continue
        committee = ex.entities[x.holder].parent if ex.entities[x.holder].kind == "role" else None
        if committee:
            ex.relations.append(Relation(x.group, "subordinateTo", committee, "implicit", x.span))
    if len(groups) != 1:
        return
    group = next(iter(groups))
    for a in ex.assignments:
        if a.relation == "assignedTo":
            ex.relations.append(Relation(a.subject, "coordinatedBy", group, "implicit", a.span))


def _dispatch(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    """新選派的“第一書記”及駐村工作組成員, 選派單位… : the cadres named after 選派的 are dispatched by the unit."""
    sh = article.shadow
    cues = lexicon.words("word-newly-dispatched")
    for sent in article.sentences:
        text = sh[sent.start : sent.end]
        at = min((text.find(w) for w in cues if w in text), default=-1)
        units = [
            m
            for m in mentions
            if m.kind == "org"
            and sent.start <= m.span.start < sent.end
            and ex.entities[m.ref].cls.endswith("DispatchingUnit")
            and m.span.start > sent.start + at
        ]
        if at < 0 or not units:
            continue
        clause = next(c for c in clauses(article, sent) if c.start <= sent.start + at < c.end)
        for m in mentions:
            if m.kind == "role" and sent.start + at < m.span.start and m.span.end <= clause.end:
                ex.relations.append(
                    Relation(m.ref, "dispatchedBy", units[0].ref, "explicit", Span(clause.start, units[0].span.end))
                )


def _industries(article: Article, lexicon: Lexicon, ex: Extraction) -> None:
    if not ex.home:
        return
    pat = lexicon.pattern("pattern-industry-list")
    for para in article.paragraphs:
        for m in pat.finditer(article.shadow, para.start, para.end):
            start = m.start(1)
            for part in m.group(1).split("、"):
                key = article.clean[start : start + len(part)]
                span = Span(start, start + len(part))
                e = ex.entities.setdefault(key, Entity(key, "industry", "https://w3id.org/fupin-kg/ontology#Industry"))
                e.spans.append(span)
                e.printed.append(key)
                ex.relations.append(Relation(ex.home, "developsIndustry", key, "implicit", Span(m.start(), m.end())))
                start += len(part) + 1
