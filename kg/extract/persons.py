"""Named people and their posts.

A personal name is a surname from the lexicon and one or two given-name characters, found only
where the genre puts names: between a unit (and the person's standing in it) and an appointment
verb (縣交通運輸局幹部某某任某村第一書記), after a dispatch (第一書記由某局選派的某某擔任),
between a role and a speech or action cue (縣委書記某某說), or after a villager word (村民某某說).
Every cue comes from the lexicon's ``person-cues`` scheme; roles, bodies and places are the
mentions already resolved.
"""

from __future__ import annotations

from kg.ingest import Article
from kg.lexicon import CJK, Lexicon, alternation, compiled
from kg.namespaces import FP
from kg.span import Span

from .context import sentence_of, zones
from .records import Appointment, Extraction, Mention, Person

__all__ = ["find_persons"]


def find_persons(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add the named people (``ex.persons``) and what the text says they serve as (``ex.appointments``).

    A name is taken only in the places the module docstring lists, and never inside a mention; once found,
    every later place the text writes the same name is added to the person's spans.

    Parameters
    ----------
    article, lexicon : Article, Lexicon
        The article, and the lexicon that gives the surnames and the ``person-cues``.
    ex : Extraction
        Receives the :class:`~kg.extract.records.Person` and :class:`~kg.extract.records.Appointment` records.
    mentions : list of Mention
        The resolved mentions (:func:`~kg.extract.mentions.tag`): the roles, bodies and places around a name.

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "县交通运输局干部张明任石笋镇鹰嘴岩村第一书记。村民王芳说，张明常来。"
    >>> article, lexicon, ex = parse_article("青崖县扶贫\n2016年12月13日\n" + text + "\n"), load_lexicon(), Extraction()
    >>> find_persons(article, lexicon, ex, tag(article, lexicon, ex))
    >>> [(p.key, [article.clean_at(s) for s in p.spans]) for p in ex.persons.values()]
    [('张明', ['张明', '张明']), ('王芳', ['王芳'])]
    >>> a = ex.appointments[0]
    >>> a.person, a.role, a.post_at, a.home_unit, a.dispatched_by
    ('张明', '第一书记', '鹰嘴岩村', '青崖县交通运输局', '青崖县交通运输局')
    """
    sh = article.shadow
    surnames = dict(lexicon.forms("surnames"))
    cues = {c.key.removeprefix("person-cues-"): c for c in lexicon.scheme("person-cues")}
    cue_re = {k: compiled(alternation(c.forms)) for k, c in cues.items()}
    name_re = compiled(rf"(?P<surname>{alternation(surnames)})(?P<given>[{CJK}]{{1,2}})")
    not_in_name = set(lexicon.characters("chars-given-name-stops"))
    agent = tuple(lexicon.words("word-agent"))
    by_start: dict[int, Mention] = {}
    for m in mentions:
        by_start.setdefault(m.span.start, m)
    covered = {i for m in mentions for i in range(m.span.start, m.span.end)}

    def name_at(pos: int, then: str) -> Span | None:
        """The shortest name at ``pos`` that the cue ``then`` follows."""
        m = name_re.match(sh, pos)
        if not m:
            return None
        for end in range(m.end("surname") + 1, m.end() + 1):
            given = sh[m.end("surname") : end]
            if set(given) & not_in_name or covered & set(range(pos, end)):
                return None
            if cue_re[then].match(sh, end):
                return Span(pos, end)
        return None

    def person(span: Span) -> str:
        key = article.clean[span.start : span.end]
        surname = next(c for f, c in lexicon.forms("surnames") if sh.startswith(f, span.start))
        ex.persons.setdefault(key, Person(key, surname.iri)).spans.append(span)
        return key

    def places_before(pos: int) -> list[Mention]:
        """The chain of place mentions that ends right at ``pos`` (石筍鎮鷹嘴岩村 before 第一書記)."""
        chain: list[Mention] = []
        while True:
            m = next((x for x in mentions if x.kind == "place" and x.span.end == pos), None)
            if m is None:
                return chain[::-1]
            chain.append(m)
            pos = m.span.start

    def village_of(role: Mention, explicit: list[Mention]) -> tuple[str | None, str | None]:
        villages = [m for m in explicit if ex.entities[m.ref].cls == FP + "Village"]
        if villages:
            return villages[-1].key, "explicit"
        concept = lexicon.concept(ex.entities[role.ref].concept or "")
        if concept is None or not concept.prop("isVillagePost"):
            return None, None
        sent = sentence_of(article, role.span.start)
        earlier = [
            m
            for m in mentions
            if m.kind == "place"
            and sent.start <= m.span.start < role.span.start
            and ex.entities[m.ref].cls == FP + "Village"
        ]
        return (earlier[-1].key, "implicit") if earlier else (None, None)

    def is_village_post(role: Mention) -> bool:
        concept = lexicon.concept(ex.entities[role.ref].concept or "")
        return bool(concept and concept.prop("isVillagePost"))

    roles = [m for m in mentions if m.kind == "role"]
    # 縣交通運輸局幹部某某任石筍鎮鷹嘴岩村第一書記
    for unit in (m for m in mentions if m.kind == "org" and not ex.entities[m.ref].collective):
        pos, home_role = unit.span.end, None
        staff = cue_re["role-cadre"].match(sh, pos)
        if staff:
            pos, home_role = staff.end(), cues["role-cadre"].iri
        name = name_at(pos, "appointed")
        if not name:
            continue
        verb = cue_re["appointed"].match(sh, name.end)
        assert verb is not None  # name_at found the name because this cue follows it
        chain, at = [], verb.end()
        while at in by_start and by_start[at].kind == "place":
            chain.append(by_start[at])
            at = by_start[at].span.end
        role = by_start.get(at)
        if role is None or role.kind != "role":
            continue
        post_at, basis = village_of(role, chain)
        village_post = is_village_post(role)
        ex.appointments.append(
            Appointment(
                Span(unit.span.start, role.span.end),
                person(name),
                role.ref,
                post_at,
                basis,
                unit.key if village_post else None,
                "implicit" if village_post else None,
                unit.key,
                home_role,
            )
        )
    # 青杠坡村第一書記由縣水務局選派的某某擔任
    for role in roles:
        by = next((w for w in agent if sh.startswith(w, role.span.end)), None)
        sender = by_start.get(role.span.end + len(by)) if by else None
        if sender is None or sender.kind != "org":
            continue
        sent = cue_re["dispatched"].match(sh, sender.span.end)
        name = name_at(sent.end(), "appointed") if sent else None
        if not name:
            continue
        chain = places_before(role.span.start)
        post_at, basis = village_of(role, chain)
        verb = cue_re["appointed"].match(sh, name.end)
        assert verb is not None  # as above
        start = chain[0].span.start if chain else role.span.start
        ex.appointments.append(
            Appointment(
                Span(start, verb.end()),
                person(name),
                role.ref,
                post_at,
                basis,
                sender.key,
                "explicit",
                sender.key,
                None,
            )
        )
    # 縣委書記某某說, 駐村農技員某某正帶着…
    for role in roles:
        name = name_at(role.span.end, "after-name")
        if not name:
            continue
        chain = places_before(role.span.start)
        post_at, basis = village_of(role, chain)
        ex.appointments.append(
            Appointment(
                Span(chain[0].span.start if chain else role.span.start, name.end),
                person(name),
                role.ref,
                post_at,
                basis,
            )
        )
    # 村民某某說
    for z in zones(article):
        for cue in cue_re["villager"].finditer(sh, z.start, z.end):
            name = name_at(cue.end(), "after-name")
            if name:
                person(name)
    _later_mentions(article, ex, covered)


def _later_mentions(article: Article, ex: Extraction, covered: set[int]) -> None:
    """Every other place the text names a person found above (某某說 in a later paragraph)."""
    sh = article.shadow
    for p in ex.persons.values():
        hans = sh[p.spans[0].start : p.spans[0].end]
        known = {s.start for s in p.spans}
        for z in zones(article):
            at = sh.find(hans, z.start, z.end)
            while at != -1:
                if at not in known and not covered & set(range(at, at + len(hans))):
                    p.spans.append(Span(at, at + len(hans)))
                    known.add(at)
                at = sh.find(hans, at + 1, z.end)
        p.spans.sort(key=lambda s: s.start)
