"""Finding and resolving mentions: places, organisations, roles, groups and lists.

All matching runs over the Simplified shadow of the repaired text, with forms from
the lexicon and gazetteer. Overlapping candidates are resolved longest-first, so
駐村工作組成員 is one role, not an organisation followed by 成員.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..ingest import Article
from ..span import Span
from ..namespaces import FP
from ..text import to_hans, to_hant
from .records import Entity, Extraction, Mention

__all__ = ["zones", "quoted", "titles", "find_places", "tag", "script_form", "clauses", "compiled"]

CJK = "\u4e00-\u9fff"
# characters that cannot start a place name found by its level suffix alone
_NAME_STOP = set("全各本该每省市县区乡镇村级直新到在向从对与和及的了是为将由其个名户等两所辖任共一二三四五六七八九十百千万这那此我你他她第并把被以于至即近驻帮扶贫困部")
# words after which a group's name begins: 成立了…的“五個一”幫扶力量協調小組, 調整充實市脫貧攻堅領導小組
_GROUP_CUT = ("的", "了", "召开", "成立", "充实", "调整", "组建", "设立", "和", "与", "及", "由", "对", "向", "在", "是", "为", "任", "将")
_LEVEL_CLASS = {"省": "province", "市": "city", "县": "county", "区": "district", "镇": "town", "乡": "town", "街道": "town", "村": "village"}
_CITY_LIKE = {FP + "City", FP + "PrefectureLevelCity", FP + "CountyLevelCity", FP + "County", FP + "District"}
_RANK = {FP + "Province": 0, FP + "PrefectureLevelCity": 1, FP + "City": 2, FP + "CountyLevelCity": 3, FP + "County": 3,
         FP + "District": 3, FP + "Town": 4, FP + "Village": 5}


def script_form(article: Article, hans: str) -> str:
    """A Simplified lexicon form written in the article's own script."""
    return hans if article.script == "zh-Hans" else to_hant(hans)


def zones(article: Article) -> list[Span]:
    """The parts of a page that state facts: title, subtitle, body paragraphs, contributor line."""
    out = [article.meta["title"]]
    if "subtitle" in article.meta:
        out.append(article.meta["subtitle"])
    out += article.paragraphs
    if "contributor" in article.meta:
        out.append(article.meta["contributor"][0])
    return out


def _pairs(text: str, span: Span, opens: str, closes: str, limit: int) -> list[Span]:
    """Inner spans of balanced quote pairs; an opening mark left unclosed is skipped."""
    out, open_at = [], None
    for i in range(span.start, span.end):
        ch = text[i]
        if ch in opens:
            open_at = i  # a second opening mark supersedes an unclosed first one
        elif ch in closes and open_at is not None:
            if i - open_at - 1 <= limit:
                out.append(Span(open_at + 1, i))
            open_at = None
        elif ch in "。\n" and open_at is not None and not (opens == "《"):
            open_at = None
    return out


def quoted(article: Article) -> list[Span]:
    """Inner spans of “…” and 「…」 quotations (unbalanced marks do not derail it)."""
    return list(_quoted(article.clean, tuple(zones(article))))


@lru_cache(maxsize=64)
def _quoted(clean: str, zone_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    out = []
    for z in zone_spans:
        out += _pairs(clean, z, "“「『", "”」』", 40)
        out += _pairs(clean, z, '"', '"', 40)
    return tuple(sorted(set(out), key=lambda s: s.start))


def titles(article: Article) -> list[Span]:
    """Inner spans of 《…》 document titles."""
    return list(_titles(article.clean, tuple(zones(article))))


@lru_cache(maxsize=64)
def _titles(clean: str, zone_spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(s for z in zone_spans for s in _pairs(clean, z, "《", "》", 80))


def clauses(article: Article, span: Span) -> list[Span]:
    """Split a span at clause punctuation (not inside brackets or quotes)."""
    return list(_clauses(article.shadow, article.clean, span))


@lru_cache(maxsize=4096)
def _clauses(text: str, clean: str, span: Span) -> tuple[Span, ...]:
    out, start, depth = [], span.start, 0
    for i in range(span.start, span.end):
        ch = text[i]
        if ch in "(（《“「":
            depth += 1
        elif ch in ")）》”」" and depth:
            depth -= 1
        elif ch in "，,；;。！？﹔：:" and depth == 0:
            if i > start:
                out.append(Span(start, i))
            start = i + 1
    if start < span.end:
        out.append(Span(start, span.end))
    return tuple(s for s in out if clean[s.start : s.end].strip())


def _alt(forms) -> str:
    """A regex alternation of literal forms, longest first."""
    return _alternation(tuple(forms))


@lru_cache(maxsize=1024)
def _alternation(forms: tuple[str, ...]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


#: ``re.compile`` with a cache of its own: the lexicon's patterns stay compiled while each article adds its own
#: (the ``re`` module's small cache would drop the oldest, which are the lexicon's, after a few dozen articles).
compiled = lru_cache(maxsize=4096)(re.compile)


def find_places(article: Article, lexicon, ex: Extraction) -> dict[str, tuple[str, str]]:
    """Discover places; add them to ``ex.entities``; return ``{Simplified form: (key, level char)}``."""
    sh = article.shadow
    forms: dict[str, tuple[str, str]] = {}

    def add(hans_name, cls, span, gaz=None, parent=None, basis=None, parent_span=None):
        name = script_form(article, hans_name) if not gaz else gaz.labels.get("zh-Hant" if article.script == "zh-Hant" else "zh-Hans", hans_name)
        e = ex.entities.get(name)
        if e is None:
            e = ex.entities[name] = Entity(name, "place", cls, gazetteer_iri=gaz.iri if gaz else None,
                                           en=gaz.labels.get("en") if gaz else None)
        if parent and (e.parent is None or e.parent_basis == "background"):
            e.parent, e.parent_basis, e.parent_span = parent, basis, parent_span
        forms[hans_name] = (name, hans_name[-1])
        if len(hans_name) >= 3 and hans_name[-1] in "市县区":
            forms.setdefault(hans_name[:-1], (name, hans_name[-1]))
        return name

    designations = {f for f, _ in lexicon.forms("place-levels")}
    gaz_forms = {}
    for p in lexicon.places.values():
        for f in p.forms:
            gaz_forms[f] = p
    zone_list = zones(article)
    gaz_re = compiled(_alt(gaz_forms))
    level = "(?:街道|[省市县区镇乡村])"
    chain_re = compiled(rf"[{CJK}]{{2,4}}?{level}")
    for z in zone_list:
        for m in gaz_re.finditer(sh, z.start, z.end):
            p = gaz_forms[m.group()]
            full = to_hans(p.labels.get("zh-Hans") or p.labels.get("zh-Hant"))
            name = add(full, p.cls, Span(m.start(), m.end()), gaz=p)
            # a chain of lower divisions written right after a known one: 四川省蓬川市青崖县
            prev, pos = name, m.end()
            while True:
                c = chain_re.match(sh, pos, z.end)
                if not c or set(c.group()[:-1]) & _NAME_STOP or c.group() in gaz_forms or c.group() in designations:
                    nxt = gaz_re.match(sh, pos, z.end)
                    if nxt:  # a known division written right after its parent (prefecture name, then county-level city)
                        child = gaz_forms[nxt.group()]
                        if child.parent == p.iri:
                            full_child = to_hans(child.labels.get("zh-Hans") or child.labels.get("zh-Hant"))
                            add(full_child, child.cls, Span(nxt.start(), nxt.end()), gaz=child, parent=prev,
                                basis="explicit", parent_span=Span(m.start(), nxt.end()))
                    break
                suffix = c.group()[-2:] if c.group().endswith("街道") else c.group()[-1]
                cls = _class_for(lexicon, suffix, ex.entities[prev].cls)
                prev = add(c.group(), cls, Span(c.start(), c.end()), parent=prev, basis="explicit", parent_span=Span(m.start(), c.end()))
                pos = c.end()
    town_village = compiled(rf"([{CJK}]{{2}}(?:镇|乡))([{CJK}]{{2,3}}村)")
    county = compiled(rf"([{CJK}]{{2}})(市|县|区)(?![级直委内外里城域])")
    for z in zone_list:
        for m in town_village.finditer(sh, z.start, z.end):
            if m.group(1)[0] in _NAME_STOP and m.group(1) not in forms:
                continue
            town = forms.get(m.group(1), (None,))[0] or add(m.group(1), FP + "Town", Span(m.start(1), m.end(1)))
            add(m.group(2), FP + "Village", Span(m.start(2), m.end(2)), parent=town, basis="explicit", parent_span=Span(m.start(), m.end()))
        for m in county.finditer(sh, z.start, z.end):
            before = sh[m.start() - 1] if m.start() > z.start else "，"
            if set(m.group(1)) & _NAME_STOP or m.group() in forms or m.group() in designations:
                continue
            if compiled(rf"[{CJK}]").match(before) and before not in "在向从对与和及":
                continue
            add(m.group(), _class_for(lexicon, m.group(2), None), Span(m.start(), m.end()))
    # background: what the gazetteer says lies above each known division
    by_iri = {e.gazetteer_iri: k for k, e in ex.entities.items() if e.gazetteer_iri}
    for key in list(by_iri.values()):
        e = ex.entities[key]
        gaz = lexicon.places[e.gazetteer_iri]
        while gaz.parent and e.parent is None:
            parent = lexicon.places[gaz.parent]
            pkey = by_iri.get(parent.iri)
            if pkey is None:
                pkey = parent.labels.get(article.script) or parent.labels["zh-Hans"]
                ex.entities[pkey] = Entity(pkey, "place", parent.cls, gazetteer_iri=parent.iri, en=parent.labels.get("en"))
                by_iri[parent.iri] = pkey
            e.parent, e.parent_basis = pkey, "background"
            e, gaz = ex.entities[pkey], parent
    return forms


def _class_for(lexicon, suffix: str, parent_cls: str | None) -> str:
    if suffix == "市":
        if parent_cls == FP + "Province":
            return FP + "PrefectureLevelCity"
        if parent_cls in (FP + "PrefectureLevelCity", FP + "City"):
            return FP + "CountyLevelCity"
        return FP + "City"
    for c in lexicon.scheme("place-levels"):
        if suffix in c.forms and c.prop("instanceClass") not in (FP + "City",):
            return c.prop("instanceClass")
    return FP + "AdministrativeDivision"


def home_place(ex: Extraction, mentions: list[Mention]) -> str | None:
    """The place the article reports from: the most mentioned city, county or district (lower level wins ties)."""
    counts = Counter(m.key for m in mentions if m.kind == "place")
    cands = [k for k in counts if ex.entities[k].cls in _CITY_LIKE]
    if not cands:
        return None
    return max(cands, key=lambda k: (counts[k], _RANK.get(ex.entities[k].cls, 9)))


def _towns_of_home(ex: Extraction) -> None:
    """A township named without its county is one of the county the article reports from (implicit)."""
    home = ex.entities.get(ex.home) if ex.home else None
    if home is None or home.cls not in (FP + "County", FP + "District", FP + "CountyLevelCity"):
        return
    for e in ex.entities.values():
        if e.kind == "place" and e.cls == FP + "Town" and e.parent is None:
            e.parent, e.parent_basis = ex.home, "implicit"


def resolve_level(ex: Extraction, home: str | None, level: str) -> str | None:
    """The place a bare level word (省, 市, 县) refers to: the home place or its nearest ancestor so named."""
    node, seen = home, set()
    while node and node not in seen:
        seen.add(node)
        e = ex.entities.get(node)
        if e is None:
            return None
        name = to_hans(e.key)
        if level == "省" and e.cls == FP + "Province":
            return node
        if level != "省" and name.endswith(level):
            return node
        node = e.parent
    if level == "省":
        provinces = [k for k, e in ex.entities.items() if e.cls == FP + "Province"]
        return provinces[0] if len(provinces) == 1 else None
    return None


def tag(article: Article, lexicon, ex: Extraction) -> list[Mention]:
    """All non-overlapping mentions in the fact zones, each resolved to an entity key."""
    sh = article.shadow
    place_forms = find_places(article, lexicon, ex)
    cands: list[Mention] = []

    def scan(pattern, kind, concept_of):
        for z in zones(article):
            for m in pattern.finditer(sh, z.start, z.end):
                cands.append(Mention(kind, Span(m.start(), m.end()), article.clean[m.start() : m.end()], concept_of(m)))

    roles = dict(lexicon.forms("roles"))
    scan(compiled(_alt(roles)), "role", lambda m: roles[m.group()].iri)
    colls = dict(lexicon.forms("organisation-kinds"))
    # a collective name keeps the bracket that says what it includes: 市級部門(含企事業單位)
    scan(compiled(rf"(?P<name>{_alt(colls)})(?:[(（]含[^()（）]{{1,12}}[)）])?"), "org", lambda m: colls[m["name"]].iri)
    lists = dict(lexicon.forms("list-kinds"))
    scan(compiled(_alt(lists)), "list", lambda m: lists[m.group()].iri)
    sets = {f: c for f, c in lexicon.forms("place-levels") if c.key.endswith("poor-village")}
    scan(compiled(_alt(sets)), "set", lambda m: sets[m.group()].iri)
    suffixes = dict(lexicon.forms("organisation-suffixes"))
    prefixes = sorted((f for f in place_forms if f[-1] in "省市县区镇乡"), key=len, reverse=True)
    titles = {f: c for f, c in lexicon.forms("roles") if c.prop("isHeadTitle")}
    # a body: a place or a level word, then a suffix of the lexicon (青崖縣委, 縣扶貧辦, 市縣財政, 縣（區）扶貧辦);
    # the suffix is found with a pattern compiled once, the place before it from this article's places
    suffix_re = compiled(rf"(?P<suffix>{_alt(suffixes)})(?P<title>{_alt(titles)})?")
    post_bodies: dict[int, Mention] = {}
    for z in zones(article):
        for m in suffix_re.finditer(sh, z.start, z.end):
            start = _body_start(sh, z.start, m.start(), prefixes)
            if start is None:
                continue
            concept = suffixes[m["suffix"]].iri
            body = Mention("org", Span(start, m.end("suffix")), article.clean[start : m.end("suffix")], concept)
            cands.append(body)
            if m["title"]:  # a post: a body followed by a head title (市委副書記, 縣扶貧辦主任)
                post_bodies[start] = body
                cands.append(Mention("role", Span(start, m.end()), article.clean[start : m.end()], titles[m["title"]].iri))
    # a post of a collective: 市直部門主要負責人
    for z in zones(article):
        for m in compiled(rf"(?P<body>{_alt(colls)})(?P<title>{_alt(titles)})").finditer(sh, z.start, z.end):
            post_bodies[m.start()] = Mention("org", Span(m.start(), m.end("body")), article.clean[m.start() : m.end("body")],
                                             colls[m["body"]].iri)
            cands.append(Mention("role", Span(m.start(), m.end()), article.clean[m.start() : m.end()], titles[m["title"]].iri))
    _named_bodies(article, lexicon, cands, set(colls) | set(roles))
    groups = dict(lexicon.forms("group-kinds"))
    group_re = compiled(rf"(?:“[^”。]{{1,12}}”)?[{CJK}]{{0,12}}?(?:{_alt(groups)})")
    for z in zones(article):
        for m in group_re.finditer(sh, z.start, z.end):
            s = m.start()
            name = sh[s : m.end()]
            if not name.startswith("“"):
                s += max([name.rfind(w) + len(w) for w in _GROUP_CUT if w in name] or [0])
            suffix = next(f for f in sorted(groups, key=len, reverse=True) if sh[s : m.end()].endswith(f))
            cands.append(Mention("group", Span(s, m.end()), article.clean[s : m.end()], groups[suffix].iri))
    if place_forms:
        scan(compiled(_alt(place_forms)), "place", lambda m: None)

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
    implied = [post_bodies[m.span.start] for m in taken if m.kind == "role" and m.span.start in post_bodies
               and m.span.end > post_bodies[m.span.start].span.end]
    for m in taken + implied:
        text = sh[m.span.start : m.span.end]
        if m.kind == "org":
            for f in sorted(place_forms, key=len, reverse=True):
                if text.startswith(f) and len(f) < len(text):
                    implied.append(Mention("place", Span(m.span.start, m.span.start + len(f)), article.clean[m.span.start : m.span.start + len(f)]))
                    break
    mentions = sorted(taken + implied, key=lambda m: (m.span.start, m.span.end))
    resolved = [_resolve(article, lexicon, ex, m, place_forms) for m in mentions if m.kind == "place"]
    ex.home = home_place(ex, resolved)
    _towns_of_home(ex)
    out = _one_body_per_name(ex, resolved + [_resolve(article, lexicon, ex, m, place_forms) for m in mentions if m.kind != "place"])
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
        ex.contributor = next((m.key for m in out if m.kind == "org" and contributor[0].start <= m.span.start < contributor[0].end), None)
    return sorted([m for m in out if m.key], key=lambda m: (m.span.start, m.span.end))


def _resolve(article: Article, lexicon, ex: Extraction, m: Mention, place_forms) -> Mention:
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
        cls = {"role": "http://www.w3.org/ns/org#Role", "list": FP + "ResponsibilityList", "set": c.prop("instanceClass") if c else FP + "Village"}[m.kind]
        e = ex.entities.setdefault(key, Entity(key, kind, cls, concept=c.iri if c else None, en=c.labels.get("en") if c else None))
        if m.kind == "set":
            e.collective = True
            if ex.home and e.parent is None:
                e.parent, e.parent_basis = ex.home, "implicit"
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, key)
    if m.kind == "group":
        if sh in c.forms:  # a bare 协调小组: the group of that kind already named
            named = [e.key for e in ex.entities.values() if e.kind == "group" and e.concept == c.iri and to_hans(e.key) != sh]
            key = named[0] if len(named) == 1 else m.form
        else:
            key = m.form
        e = ex.entities.setdefault(key, Entity(key, "group", c.prop("instanceClass"), concept=c.iri, en=c.labels.get("en")))
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, key)
    # organisations
    if c.scheme == "named-body-suffixes":
        e = ex.entities.setdefault(m.form, Entity(m.form, "org", c.prop("instanceClass"), concept=c.iri))
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, m.form)
    if c.scheme == "organisation-kinds":
        key = script_form(article, c.hans)  # the bracket, if any, stays in the printed form
        e = ex.entities.setdefault(key, Entity(key, "org", c.prop("instanceClass"), concept=c.iri, collective=True, en=c.labels.get("en")))
        _note(e, m)
        return Mention(m.kind, m.span, m.form, m.concept, key)
    suffix_hans = _suffix_of(sh, {f: c for f in c.forms})
    head = sh[: len(sh) - len(suffix_hans)]
    suffix_printed = m.form[len(head) :]
    if head in place_forms and len(head) > 1:
        place = place_forms[head][0]
    else:
        place = resolve_level(ex, ex.home, head)
    key = ex.entities[place].key + suffix_printed if place else m.form  # 廣安市 + 委, or as printed when unresolved
    e = ex.entities.get(key)
    if e is None:
        e = ex.entities[key] = Entity(key, "org", c.prop("instanceClass"), concept=c.iri, en=c.labels.get("en"), jurisdiction=place)
        parent_suffix = c.prop("parentSuffix")
        if parent_suffix and place:
            parent_key = ex.entities[place].key + script_form(article, to_hans(parent_suffix))
            if parent_key not in ex.entities:
                committee = next(x for x in lexicon.scheme("organisation-suffixes") if x.key.endswith("party-committee"))
                ex.entities[parent_key] = Entity(parent_key, "org", committee.prop("instanceClass"), concept=committee.iri,
                                                 en=committee.labels.get("en"), jurisdiction=place)
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


_LEVEL = compiled(r"(?:市县|省市|乡镇|县[（(]区[）)]|[省市县区乡镇])\Z")  # the level word a body may start with


def _body_start(sh: str, zone_start: int, at: int, prefixes: list[str]) -> int | None:
    """Where a body whose suffix starts at ``at`` begins: at the longest place of the article written just before
    the suffix, else at a level word (市, 縣, 鄉鎮, 縣（區）); ``None`` if neither is there."""
    for f in prefixes:
        if at - len(f) >= zone_start and sh.startswith(f, at - len(f)):
            return at - len(f)
    m = _LEVEL.search(sh, max(zone_start, at - 4), at)
    return m.start() if m else None


def _suffix_of(text: str, suffixes) -> str:
    """The longest suffix form that ends ``text``."""
    return next(f for f in sorted(suffixes, key=len, reverse=True) if text.endswith(f))


_NAME_CUT = _GROUP_CUT + ("成立", "指导", "牵头", "入股", "加入", "参与", "参加", "与", "同", "讯", "来源", "供稿", "【", "】")


def _named_bodies(article: Article, lexicon, cands: list[Mention], common: set[str]) -> None:
    """Bodies with a proper name: 秦峪綠源茶業有限公司, 茶園坪村油茶專業合作社, 荊嵐日報.

    The name runs left from the suffix over Chinese characters and stops after a boundary word or a
    common noun of the lexicon (龍頭企業…); a name with a numeral (村里第一個專業合作社) is not a name.
    """
    sh = article.shadow
    suffixes = dict(lexicon.forms("named-body-suffixes"))
    pat = compiled(rf"[{CJK}]{{2,14}}?(?:{_alt(suffixes)})")
    for z in zones(article):
        for m in re.finditer(_alt(suffixes), sh[z.start : z.end]):
            end = z.start + m.end()
            start = end - len(m.group())
            while start > z.start and start > end - len(m.group()) - 14 and compiled(f"[{CJK}]").match(sh[start - 1]):
                start -= 1
            name = sh[start:end]
            cut = max([name.rfind(w) + len(w) for w in (*_NAME_CUT, *common) if w in name[: -len(m.group())]] or [0])
            start += cut
            name = sh[start:end]
            if len(name) - len(m.group()) < 2 or name in common or re.search(r"[一二三四五六七八九十个第]", name):
                continue
            if not pat.fullmatch(name):
                continue
            cands.append(Mention("org", Span(start, end), article.clean[start:end], suffixes[_suffix_of(name, suffixes)].iri))


def _note(e: Entity, m: Mention) -> None:
    if m.span not in e.spans:
        e.spans.append(m.span)
    if m.form not in e.printed:
        e.printed.append(m.form)
