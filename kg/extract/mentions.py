"""Finding and resolving mentions: organisations, roles, groups, lists and sets (places: :mod:`.places`).

All matching runs over the Simplified shadow of the repaired text, with forms from
the lexicon and gazetteer. Overlapping candidates are resolved longest-first, so
駐村工作組成員 is one role, not an organisation followed by 成員.
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
    """All non-overlapping mentions in the fact zones, each resolved to an entity key."""
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
        for m in suffix_re.finditer(sh, z.start, z.end):
            start = _body_start(sh, z.start, m.start(), prefixes, level_word)
            if start is None:
                continue
            concept = suffixes[m["suffix"]].iri
            body = Mention("org", Span(start, m.end("suffix")), article.clean[start : m.end("suffix")], concept)
            cands.append(body)
            if m["title"]:  # a post: a body followed by a head title (市委副書記, 縣扶貧辦主任)
                post_bodies[start] = body
                cands.append(
                    Mention("role", Span(start, m.end()), article.clean[start : m.end()], titles[m["title"]].iri)
                )
    # a post of a collective: 市直部門主要負責人
    for z in zones(article):
        for m in compiled(rf"(?P<body>{alternation(colls)})(?P<title>{alternation(titles)})").finditer(
            sh, z.start, z.end
        ):
            post_bodies[m.start()] = Mention(
                "org", Span(m.start(), m.end("body")), article.clean[m.start() : m.end("body")], colls[m["body"]].iri
            )
            cands.append(
                Mention("role", Span(m.start(), m.end()), article.clean[m.start() : m.end()], titles[m["title"]].iri)
            )
    _named_bodies(article, lexicon, cands, set(colls) | set(roles))
    groups = dict(lexicon.forms("group-kinds"))
    group_re = compiled(rf"(?:“[^”。]{{1,12}}”)?[{CJK}]{{0,12}}?(?:{alternation(groups)})")
    group_cut = lexicon.words("boundary-group-name")
    for z in zones(article):
        for m in group_re.finditer(sh, z.start, z.end):
            s = m.start()
            name = sh[s : m.end()]
            if not name.startswith("“"):
                s += max([name.rfind(w) + len(w) for w in group_cut if w in name] or [0])
            suffix = next(f for f in sorted(groups, key=len, reverse=True) if sh[s : m.end()].endswith(f))
            cands.append(Mention("group", Span(s, m.end()), article.clean[s : m.end()], groups[suffix].iri))
    if place_forms:
        scan(compiled(alternation(place_forms)), "place", lambda m: None)

    cands.sort(key=lambda m: (-(m.span.end - m.span.start), m.span.start))
    taken: list[Mention] = []
    occupied = set()
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
        body = orgs_at.get(m.span.start)
        if m.kind == "role" and body and body.span.end < m.span.end:
            e = ex.entities[m.key]
            e.parent, e.parent_basis, e.parent_span = body.key, "implicit", m.span
            e.title = article.clean[body.span.end : m.span.end]
    contributor = article.meta.get("contributor")
    if contributor:
        ex.contributor = next(
            (m.key for m in out if m.kind == "org" and contributor[0].start <= m.span.start < contributor[0].end), None
        )
    return sorted([m for m in out if m.key], key=lambda m: (m.span.start, m.span.end))


def _resolve(article: Article, lexicon: Lexicon, ex: Extraction, m: Mention, place_forms) -> Mention:
    sh = article.shadow[m.span.start : m.span.end]
    c = lexicon.concept(m.concept) if m.concept else None
    if m.kind == "place":
        key = place_forms[sh][0]
        _note(ex.entities[key], m)
        return Mention(m.kind, m.span, m.form, None, key)
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
    if head in place_forms and len(head) > 1:
        place = place_forms[head][0]
    else:
        place = resolve_level(lexicon, ex, ex.home, head)
    key = ex.entities[place].key + suffix_printed if place else m.form  # 廣安市 + 委, or as printed when unresolved
    e = ex.entities.get(key)
    if e is None:
        e = ex.entities[key] = Entity(
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
            e.parent, e.parent_basis = parent_key, "implicit"
    _note(e, m)
    return Mention(m.kind, m.span, m.form, m.concept, key)


def _one_body_per_name(ex: Extraction, mentions: list[Mention]) -> list[Mention]:
    """One entity for a body printed in full and in short (縣扶貧開發辦公室, 縣扶貧辦): the same kind of body of
    the same place is one body, named by its longest printed name."""
    groups: dict[tuple, list[Entity]] = {}
    for e in ex.entities.values():
        if e.kind == "org" and e.jurisdiction and e.concept and not e.collective:
            groups.setdefault((e.jurisdiction, e.concept), []).append(e)
    renamed = {}
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
        e.parent = renamed.get(e.parent, e.parent)
    return [Mention(m.kind, m.span, m.form, m.concept, renamed.get(m.key, m.key)) for m in mentions]


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
