"""Finding and resolving mentions: organisations, roles, groups, lists and sets (places: :mod:`.places`).

The first step of extraction: every later rule reads the mentions found here. All
matching runs over the Simplified shadow of the repaired text, with forms from the
lexicon and gazetteer. Overlapping candidates are resolved longest-first, so
駐村工作組成員 is one role, not an organisation followed by 成員. Each mention is then
resolved to an entity: a body is keyed by its place and suffix (縣委 in an article from
青崖縣 is 青崖縣委), and a body printed in full and in short is one entity.
"""

from __future__ import annotations

import re

from kg.ingest import Article
from kg.lexicon import CJK, Lexicon, alternation, compiled
from kg.namespaces import FP
from kg.span import Span
from kg.text import to_hans

from .context import script_form, zones
from .places import find_places, home_place, resolve_level, towns_of_home
from .records import Entity, Extraction, Mention

__all__ = ["tag"]


def tag(article: Article, lexicon: Lexicon, ex: Extraction) -> list[Mention]:
    r"""Find the mentions in the fact zones, resolve each to an entity, and set the home place.

    The longest candidates win where they overlap; the bodies and places implied inside them are added
    (the body of the post 縣扶貧辦主任, the place of the body 廣安市委).

    Parameters
    ----------
    article : Article
        The article to read.
    lexicon : Lexicon
        Gives the forms of roles, organisations, groups, lists and places.
    ex : Extraction
        Receives the entities (``ex.entities``), the home place (``ex.home``) and the contributing body
        (``ex.contributor``).

    Returns
    -------
    list of Mention
        The resolved mentions (``key`` set), ordered by start then end.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "青崖县扶贫办主任到石笋镇鹰嘴岩村看望第一书记。"
    >>> article, ex = parse_article("青崖县扶贫\n2016年12月13日\n" + text + "\n"), Extraction()
    >>> [(m.kind, m.key) for m in tag(article, load_lexicon(), ex) if m.span.start >= article.body.start]
    [('place', '青崖县'), ('org', '青崖县扶贫办'), ('role', '青崖县扶贫办主任'),
     ('place', '石笋镇'), ('place', '鹰嘴岩村'), ('role', '第一书记')]
    >>> e = ex.entities["青崖县扶贫办主任"]
    >>> ex.home, e.parent, e.title, ex.entities["鹰嘴岩村"].parent
    ('青崖县', '青崖县扶贫办', '主任', '石笋镇')
    """
    sh = article.shadow
    place_forms = find_places(article, lexicon, ex)
    cands: list[Mention] = []

    def scan(pattern, kind, concept_of):
        for z in zones(article):
            for m in pattern.finditer(sh, z.start, z.end):
                cands.append(Mention(kind, Span(m.start(), m.end()), article.clean[m.start() : m.end()], concept_of(m)))

    roles = dict(lexicon.forms("roles"))
    scan(compiled(alternation(roles)), "role", lambda m: roles[m.group()].iri)
    colls = dict(lexicon.forms("organisation-kinds"))
    # a collective name keeps the bracket that says what it includes: 市級部門(含企事業單位)
    scan(
        lexicon.pattern("pattern-collective-scope", collectives=alternation(colls)),
        "org",
        lambda m: colls[m["name"]].iri,
    )
    lists = dict(lexicon.forms("list-kinds"))
    scan(compiled(alternation(lists)), "list", lambda m: lists[m.group()].iri)
    sets = {f: c for f, c in lexicon.forms("place-levels") if c.key.endswith("poor-village")}
    scan(compiled(alternation(sets)), "set", lambda m: sets[m.group()].iri)
    suffixes = dict(lexicon.forms("organisation-suffixes"))
    levels = lexicon.characters("chars-body-place-levels")
    prefixes = sorted((f for f in place_forms if f[-1] in levels), key=len, reverse=True)
    titles = {f: c for f, c in lexicon.forms("roles") if c.prop("isHeadTitle")}
    # a body: a place or a level word, then a suffix of the lexicon (青崖縣委, 縣扶貧辦, 市縣財政, 縣（區）扶貧辦);
    # the suffix is found with a pattern compiled once, the place before it from this article's places
    suffix_re = compiled(rf"(?P<suffix>{alternation(suffixes)})(?P<title>{alternation(titles)})?")
    level_word = lexicon.pattern("pattern-body-level-prefix")
    post_bodies: dict[int, Mention] = {}
    for z in zones(article):
        for hit in suffix_re.finditer(sh, z.start, z.end):
            start = _body_start(sh, z.start, hit.start(), prefixes, level_word)
            if start is None:
                continue
            concept = suffixes[hit["suffix"]].iri
            body = Mention("org", Span(start, hit.end("suffix")), article.clean[start : hit.end("suffix")], concept)
            cands.append(body)
            if hit["title"]:  # a post: a body followed by a head title (市委副書記, 縣扶貧辦主任)
                post_bodies[start] = body
                cands.append(
                    Mention("role", Span(start, hit.end()), article.clean[start : hit.end()], titles[hit["title"]].iri)
                )
    # a post of a collective: 市直部門主要負責人
    for z in zones(article):
        for hit in compiled(rf"(?P<body>{alternation(colls)})(?P<title>{alternation(titles)})").finditer(
            sh, z.start, z.end
        ):
            at, end = hit.start(), hit.end()
            body_end, body_iri = hit.end("body"), colls[hit["body"]].iri
            post_bodies[at] = Mention("org", Span(at, body_end), article.clean[at:body_end], body_iri)
            cands.append(Mention("role", Span(at, end), article.clean[at:end], titles[hit["title"]].iri))
    _named_bodies(article, lexicon, cands, set(colls) | set(roles))
    groups = dict(lexicon.forms("group-kinds"))
    group_re = compiled(rf"(?:“[^”。]{{1,12}}”)?[{CJK}]{{0,12}}?(?:{alternation(groups)})")
    group_cut = lexicon.words("boundary-group-name")
    for z in zones(article):
        for hit in group_re.finditer(sh, z.start, z.end):
            s = hit.start()
            name = sh[s : hit.end()]
            if not name.startswith("“"):
                s += max([name.rfind(w) + len(w) for w in group_cut if w in name] or [0])
            suffix = next(f for f in sorted(groups, key=len, reverse=True) if sh[s : hit.end()].endswith(f))
            cands.append(Mention("group", Span(s, hit.end()), article.clean[s : hit.end()], groups[suffix].iri))
    if place_forms:
        scan(compiled(alternation(place_forms)), "place", lambda m: None)

    cands.sort(key=lambda m: (-(m.span.end - m.span.start), m.span.start))
    taken: list[Mention] = []
    occupied: set[int] = set()
    for m in cands:
        r = set(range(m.span.start, m.span.end))
        if r & occupied:
            continue
        occupied |= r
        taken.append(m)
    taken.sort(key=lambda m: m.span.start)
    # implied mentions inside accepted ones: the body in a post (市委副書記), the place in a body (廣安市委)
    implied = [
        post_bodies[m.span.start]
        for m in taken
        if m.kind == "role" and m.span.start in post_bodies and m.span.end > post_bodies[m.span.start].span.end
    ]
    for m in taken + implied:
        text = sh[m.span.start : m.span.end]
        if m.kind == "org":
            for f in sorted(place_forms, key=len, reverse=True):
                if text.startswith(f) and len(f) < len(text):
                    implied.append(
                        Mention(
                            "place",
                            Span(m.span.start, m.span.start + len(f)),
                            article.clean[m.span.start : m.span.start + len(f)],
                        )
                    )
                    break
    mentions = sorted(taken + implied, key=lambda m: (m.span.start, m.span.end))
    resolved = [_resolve(article, lexicon, ex, m, place_forms) for m in mentions if m.kind == "place"]
    ex.home = home_place(ex, resolved)
    towns_of_home(ex)
    out = _one_body_per_name(
        ex, resolved + [_resolve(article, lexicon, ex, m, place_forms) for m in mentions if m.kind != "place"]
    )
    # a post named with its body (市委副書記, 縣扶貧辦主任) sits in that body
    orgs_at = {m.span.start: m for m in out if m.kind == "org" and m.key}
    for m in out:
        in_body = orgs_at.get(m.span.start)
        if m.kind == "role" and in_body and in_body.span.end < m.span.end:
            e = ex.entities[m.ref]
            e.parent, e.parent_basis, e.parent_span = in_body.key, "implicit", m.span
            e.title = article.clean[in_body.span.end : m.span.end]
    contributor = article.meta.get("contributor")
    if contributor:
        ex.contributor = next(
            (m.key for m in out if m.kind == "org" and contributor[0].start <= m.span.start < contributor[0].end), None
        )
    return sorted([m for m in out if m.key], key=lambda m: (m.span.start, m.span.end))


def _resolve(
    article: Article, lexicon: Lexicon, ex: Extraction, m: Mention, place_forms: dict[str, tuple[str, str]]
) -> Mention:
    sh = article.shadow[m.span.start : m.span.end]
    c = lexicon.concept(m.concept) if m.concept else None
    if m.kind == "place":
        key = place_forms[sh][0]
        _note(ex.entities[key], m)
        return Mention(m.kind, m.span, m.form, None, key)
    assert c is not None, f"{m.kind} mention without a lexicon concept: {m.form}"  # every non-place kind has one
    if m.kind in ("role", "list", "set"):
        if m.kind == "role" and sh not in c.forms:  # a post in a named body: keyed as printed
            key = m.form
        else:
            key = script_form(article, c.hans)
        kind = {"role": "role", "list": "list", "set": "set"}[m.kind]
        cls = {
            "role": "http://www.w3.org/ns/org#Role",
            "list": FP + "ResponsibilityList",
            "set": c.prop("instanceClass") if c else FP + "Village",
        }[m.kind]
        e = ex.entities.setdefault(
            key, Entity(key, kind, cls, concept=c.iri if c else None, en=c.labels.get("en") if c else None)
        )
        if m.kind == "set":
            e.collective = True
            if ex.home and e.parent is None:
                e.parent, e.parent_basis = ex.home, "implicit"
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, key)
    if m.kind == "group":
        if sh in c.forms:  # a bare 协调小组: the group of that kind already named
            named = [
                e.key for e in ex.entities.values() if e.kind == "group" and e.concept == c.iri and to_hans(e.key) != sh
            ]
            key = named[0] if len(named) == 1 else m.form
        else:
            key = m.form
        e = ex.entities.setdefault(
            key, Entity(key, "group", c.prop("instanceClass"), concept=c.iri, en=c.labels.get("en"))
        )
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, key)
    # organisations
    if c.scheme == "named-body-suffixes":
        e = ex.entities.setdefault(m.form, Entity(m.form, "org", c.prop("instanceClass"), concept=c.iri))
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, m.form)
    if c.scheme == "organisation-kinds":
        key = script_form(article, c.hans)  # the bracket, if any, stays in the printed form
        e = ex.entities.setdefault(
            key, Entity(key, "org", c.prop("instanceClass"), concept=c.iri, collective=True, en=c.labels.get("en"))
        )
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, key)
    suffix_hans = _suffix_of(sh, {f: c for f in c.forms})
    head = sh[: len(sh) - len(suffix_hans)]
    suffix_printed = m.form[len(head) :]
    place: str | None
    if head in place_forms and len(head) > 1:
        place = place_forms[head][0]
    else:
        place = resolve_level(lexicon, ex, ex.home, head)
    key = ex.entities[place].key + suffix_printed if place else m.form  # 廣安市 + 委, or as printed when unresolved
    body = ex.entities.get(key)
    if body is None:
        body = ex.entities[key] = Entity(
            key, "org", c.prop("instanceClass"), concept=c.iri, en=c.labels.get("en"), jurisdiction=place
        )
        parent_suffix = c.prop("parentSuffix")
        if parent_suffix and place:
            parent_key = ex.entities[place].key + script_form(article, to_hans(parent_suffix))
            if parent_key not in ex.entities:
                committee = next(
                    x for x in lexicon.scheme("organisation-suffixes") if x.key.endswith("party-committee")
                )
                ex.entities[parent_key] = Entity(
                    parent_key,
                    "org",
                    committee.prop("instanceClass"),
                    concept=committee.iri,
                    en=committee.labels.get("en"),
                    jurisdiction=place,
                )
            body.parent, body.parent_basis = parent_key, "implicit"
    _note(body, m)
    return Mention(m.kind, m.span, m.form, m.concept, key)


def _one_body_per_name(ex: Extraction, mentions: list[Mention]) -> list[Mention]:
    """One entity for a body printed in full and in short (縣扶貧開發辦公室, 縣扶貧辦): the same kind of body of
    the same place is one body, named by its longest printed name."""
    groups: dict[tuple, list[Entity]] = {}
    for e in ex.entities.values():
        if e.kind == "org" and e.jurisdiction and e.concept and not e.collective:
            groups.setdefault((e.jurisdiction, e.concept), []).append(e)
    renamed: dict[str, str] = {}
    for members in groups.values():
        keep = max(members, key=lambda e: (len(e.key), e.key))
        for e in members:
            if e is not keep:
                keep.spans += [s for s in e.spans if s not in keep.spans]
                keep.printed += [f for f in e.printed if f not in keep.printed]
                renamed[e.key] = keep.key
                del ex.entities[e.key]
    if not renamed:
        return mentions
    for e in ex.entities.values():
        if e.parent is not None:
            e.parent = renamed.get(e.parent, e.parent)
    return [Mention(m.kind, m.span, m.form, m.concept, renamed.get(m.ref, m.key)) for m in mentions]


def _body_start(sh: str, zone_start: int, at: int, prefixes: list[str], level_word: re.Pattern) -> int | None:
    """Where a body whose suffix starts at ``at`` begins: at the longest place of the article written just before
    the suffix, else at a level word (市, 縣, 鄉鎮, 縣（區）); ``None`` if neither is there."""
    for f in prefixes:
        if at - len(f) >= zone_start and sh.startswith(f, at - len(f)):
            return at - len(f)
    m = level_word.search(sh, max(zone_start, at - 4), at)
    return m.start() if m else None


def _suffix_of(text: str, suffixes) -> str:
    """The longest suffix form that ends ``text``."""
    return next(f for f in sorted(suffixes, key=len, reverse=True) if text.endswith(f))


def _named_bodies(article: Article, lexicon: Lexicon, cands: list[Mention], common: set[str]) -> None:
    """Bodies with a proper name: 秦峪綠源茶業有限公司, 茶園坪村油茶專業合作社, 荊嵐日報.

    The name runs left from the suffix over Chinese characters and stops after a boundary word or a
    common noun of the lexicon (龍頭企業…); a name with a numeral (村里第一個專業合作社) is not a name.
    """
    sh = article.shadow
    suffixes = dict(lexicon.forms("named-body-suffixes"))
    cuts = (*lexicon.words("boundary-group-name"), *lexicon.words("boundary-body-name"))
    not_in_name = set(lexicon.characters("chars-body-name-stops"))
    pat = compiled(rf"[{CJK}]{{2,14}}?(?:{alternation(suffixes)})")
    for z in zones(article):
        for m in re.finditer(alternation(suffixes), sh[z.start : z.end]):
            end = z.start + m.end()
            start = end - len(m.group())
            while start > z.start and start > end - len(m.group()) - 14 and compiled(f"[{CJK}]").match(sh[start - 1]):
                start -= 1
            name = sh[start:end]
            cut = max([name.rfind(w) + len(w) for w in (*cuts, *common) if w in name[: -len(m.group())]] or [0])
            start += cut
            name = sh[start:end]
            if len(name) - len(m.group()) < 2 or name in common or set(name) & not_in_name:
                continue
            if not pat.fullmatch(name):
                continue
            cands.append(
                Mention("org", Span(start, end), article.clean[start:end], suffixes[_suffix_of(name, suffixes)].iri)
            )


def _note(e: Entity, m: Mention) -> None:
    if m.span not in e.spans:
        e.spans.append(m.span)
    if m.form not in e.printed:
        e.printed.append(m.form)
