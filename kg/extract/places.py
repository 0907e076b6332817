"""Places: the divisions an article names, from the gazetteer and from the grammar of place names.

All matching runs over the Simplified shadow of the repaired text. A division written
right after a known one is its child (explicit); what the gazetteer says lies above a
known division is background; a township named without its county belongs to the
county the article reports from (implicit). :func:`~kg.extract.mentions.tag` finds the
places first, so that a body can be keyed by the place it serves (青崖縣扶貧辦).
"""

from __future__ import annotations

from collections import Counter

from kg.ingest import Article
from kg.lexicon import CJK, Lexicon, alternation, compiled
from kg.namespaces import FP
from kg.span import Span
from kg.text import to_hans

from .context import script_form, zones
from .records import Entity, Extraction, Mention

__all__ = ["find_places", "home_place", "resolve_level", "towns_of_home"]

_CITY_LIKE = {FP + "City", FP + "PrefectureLevelCity", FP + "CountyLevelCity", FP + "County", FP + "District"}
_RANK = {
    FP + "Province": 0,
    FP + "PrefectureLevelCity": 1,
    FP + "City": 2,
    FP + "CountyLevelCity": 3,
    FP + "County": 3,
    FP + "District": 3,
    FP + "Town": 4,
    FP + "Village": 5,
}


def find_places(article: Article, lexicon: Lexicon, ex: Extraction) -> dict[str, tuple[str, str]]:
    r"""Discover the places an article names and add them to ``ex.entities``.

    Places come from the gazetteer, from chains of divisions written after a known one (四川省蓬川市青崖縣), from a
    township written with its village, and from two-character names with a level suffix. The entities get
    their parents but no spans yet: :func:`~kg.extract.mentions.tag` notes where each is mentioned.

    Parameters
    ----------
    article, lexicon : Article, Lexicon
        The article, and the lexicon with its gazetteer (``lexicon.places``) and place-name patterns.
    ex : Extraction
        Receives the place entities, keyed by name in the article's script.

    Returns
    -------
    dict of str to (str, str)
        ``{Simplified form: (entity key, level character)}``, short forms (广安 for 广安市) included.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> article, ex = parse_article("标题\n2016年12月13日\n四川省广安市青崖县石笋镇鹰嘴岩村。\n"), Extraction()
    >>> forms = find_places(article, load_lexicon(), ex)
    >>> forms["广安"], forms["鹰嘴岩村"]
    (('广安市', '市'), ('鹰嘴岩村', '村'))
    >>> [(k, e.cls.rsplit("#")[-1], e.parent, e.parent_basis) for k, e in ex.entities.items()]
    [('四川省', 'Province', None, None), ('广安市', 'PrefectureLevelCity', '四川省', 'explicit'),
     ('青崖县', 'County', '广安市', 'explicit'), ('石笋镇', 'Town', '青崖县', 'explicit'),
     ('鹰嘴岩村', 'Village', '石笋镇', 'explicit')]
    """
    sh = article.shadow
    stops = set(lexicon.characters("chars-place-name-stops"))
    short_levels = lexicon.characters("chars-short-form-levels")
    forms: dict[str, tuple[str, str]] = {}

    def add(hans_name, cls, span, gaz=None, parent=None, basis=None, parent_span=None):
        name = (
            script_form(article, hans_name)
            if not gaz
            else gaz.labels.get("zh-Hant" if article.script == "zh-Hant" else "zh-Hans", hans_name)
        )
        e = ex.entities.get(name)
        if e is None:
            e = ex.entities[name] = Entity(
                name, "place", cls, gazetteer_iri=gaz.iri if gaz else None, en=gaz.labels.get("en") if gaz else None
            )
        if parent and (e.parent is None or e.parent_basis == "background"):
            e.parent, e.parent_basis, e.parent_span = parent, basis, parent_span
        forms[hans_name] = (name, hans_name[-1])
        if len(hans_name) >= 3 and hans_name[-1] in short_levels:
            forms.setdefault(hans_name[:-1], (name, hans_name[-1]))
        return name

    designations = {f for f, _ in lexicon.forms("place-levels")}
    gaz_forms = {}
    for p in lexicon.places.values():
        for f in p.forms:
            gaz_forms[f] = p
    zone_list = zones(article)
    gaz_re = compiled(alternation(gaz_forms))
    chain_re = lexicon.pattern("pattern-division-chain")
    for z in zone_list:
        for m in gaz_re.finditer(sh, z.start, z.end):
            p = gaz_forms[m.group()]
            full = to_hans(p.labels.get("zh-Hans") or p.labels.get("zh-Hant"))
            name = add(full, p.cls, Span(m.start(), m.end()), gaz=p)
            # a chain of lower divisions written right after a known one: 四川省蓬川市青崖县
            prev, pos = name, m.end()
            while True:
                c = chain_re.match(sh, pos, z.end)
                if not c or set(c.group()[:-1]) & stops or c.group() in gaz_forms or c.group() in designations:
                    nxt = gaz_re.match(sh, pos, z.end)
                    if nxt:  # a known division written right after its parent (prefecture name, then county-level city)
                        child = gaz_forms[nxt.group()]
                        if child.parent == p.iri:
                            full_child = to_hans(child.labels.get("zh-Hans") or child.labels.get("zh-Hant"))
                            add(
                                full_child,
                                child.cls,
                                Span(nxt.start(), nxt.end()),
                                gaz=child,
                                parent=prev,
                                basis="explicit",
                                parent_span=Span(m.start(), nxt.end()),
                            )
                    break
                cls = _class_for(lexicon, c["suffix"], ex.entities[prev].cls)
                prev = add(
                    c.group(),
                    cls,
                    Span(c.start(), c.end()),
                    parent=prev,
                    basis="explicit",
                    parent_span=Span(m.start(), c.end()),
                )
                pos = c.end()
    town_village = lexicon.pattern("pattern-town-village")
    county = lexicon.pattern("pattern-county-name")
    preceders = lexicon.characters("chars-county-preceders")
    for z in zone_list:
        for m in town_village.finditer(sh, z.start, z.end):
            if m.group(1)[0] in stops and m.group(1) not in forms:
                continue
            town = forms.get(m.group(1), (None,))[0] or add(m.group(1), FP + "Town", Span(m.start(1), m.end(1)))
            add(
                m.group(2),
                FP + "Village",
                Span(m.start(2), m.end(2)),
                parent=town,
                basis="explicit",
                parent_span=Span(m.start(), m.end()),
            )
        for m in county.finditer(sh, z.start, z.end):
            before = sh[m.start() - 1] if m.start() > z.start else "，"
            if set(m.group(1)) & stops or m.group() in forms or m.group() in designations:
                continue
            if compiled(rf"[{CJK}]").match(before) and before not in preceders:
                continue
            add(m.group(), _class_for(lexicon, m.group(2), None), Span(m.start(), m.end()))
    # background: what the gazetteer says lies above each known division
    by_iri = {e.gazetteer_iri: k for k, e in ex.entities.items() if e.gazetteer_iri}
    for key in list(by_iri.values()):
        e = ex.entities[key]
        assert e.gazetteer_iri is not None  # by_iri holds only entities with a gazetteer entry
        gaz = lexicon.places[e.gazetteer_iri]
        while gaz.parent and e.parent is None:
            parent = lexicon.places[gaz.parent]
            pkey = by_iri.get(parent.iri)
            if pkey is None:
                pkey = parent.labels.get(article.script) or parent.labels["zh-Hans"]
                ex.entities[pkey] = Entity(
                    pkey, "place", parent.cls, gazetteer_iri=parent.iri, en=parent.labels.get("en")
                )
                by_iri[parent.iri] = pkey
            e.parent, e.parent_basis = pkey, "background"
            e, gaz = ex.entities[pkey], parent
    return forms


def _class_for(lexicon: Lexicon, suffix: str, parent_cls: str | None) -> str:
    """The class of a division by its level suffix; a city's level by its parent's."""
    if suffix == lexicon.entry("place-levels-city").hans:
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
    """The place the article reports from: the most mentioned city, county or district (lower level wins ties).

    Parameters
    ----------
    ex : Extraction
        Holds the place entities.
    mentions : list of Mention
        Resolved mentions; only those of kind ``place`` count.

    Returns
    -------
    str or None
        The key of the home place, or ``None`` when no city, county or district is mentioned.

    Examples
    --------
    >>> levels = {"广安市": "PrefectureLevelCity", "青崖县": "County", "石笋镇": "Town"}
    >>> ex = Extraction(entities={k: Entity(k, "place", FP + c) for k, c in levels.items()})
    >>> mentions = [Mention("place", Span(0, 3), k, key=k) for k in ["广安市", "青崖县", "石笋镇", "石笋镇"]]
    >>> home_place(ex, mentions)  # a town does not count; of a city and a county mentioned once, the county
    '青崖县'
    >>> home_place(ex, [Mention("place", Span(0, 3), "石笋镇", key="石笋镇")]) is None
    True
    """
    counts = Counter(m.ref for m in mentions if m.kind == "place")
    cands = [k for k in counts if ex.entities[k].cls in _CITY_LIKE]
    if not cands:
        return None
    return max(cands, key=lambda k: (counts[k], _RANK.get(ex.entities[k].cls, 9)))


def towns_of_home(ex: Extraction) -> None:
    """Give each township without a parent the home place as parent (implicit), when that is a county.

    A township named without its county is one of the county the article reports from.

    Examples
    --------
    >>> ex = Extraction(home="青崖县")
    >>> ex.entities = {k: Entity(k, "place", FP + c) for k, c in [("青崖县", "County"), ("白鹤乡", "Town")]}
    >>> towns_of_home(ex)
    >>> ex.entities["白鹤乡"].parent, ex.entities["白鹤乡"].parent_basis
    ('青崖县', 'implicit')
    """
    home = ex.entities.get(ex.home) if ex.home else None
    if home is None or home.cls not in (FP + "County", FP + "District", FP + "CountyLevelCity"):
        return
    for e in ex.entities.values():
        if e.kind == "place" and e.cls == FP + "Town" and e.parent is None:
            e.parent, e.parent_basis = ex.home, "implicit"


def resolve_level(lexicon: Lexicon, ex: Extraction, home: str | None, level: str) -> str | None:
    r"""The place a bare level word (省, 市, 县) refers to: the home place or its nearest ancestor so named.

    Parameters
    ----------
    lexicon : Lexicon
        Gives the province level word.
    ex : Extraction
        Holds the place entities and their parents.
    home : str or None
        The key of the home place, where the search starts.
    level : str
        The level word, in Simplified script.

    Returns
    -------
    str or None
        The key of the place; for 省 with no province above home, the article's one province if it names only
        one; else ``None``.

    Examples
    --------
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> lexicon, ex = load_lexicon(), Extraction()
    >>> places = find_places(parse_article("标题\n2016年12月13日\n四川省广安市青崖县。\n"), lexicon, ex)
    >>> [resolve_level(lexicon, ex, "青崖县", w) for w in ["县", "市", "省", "镇"]]
    ['青崖县', '广安市', '四川省', None]
    """
    province = lexicon.entry("place-levels-province").hans
    node, seen = home, set()
    while node and node not in seen:
        seen.add(node)
        e = ex.entities.get(node)
        if e is None:
            return None
        name = to_hans(e.key)
        if level == province and e.cls == FP + "Province":
            return node
        if level != province and name.endswith(level):
            return node
        node = e.parent
    if level == province:
        provinces = [k for k, e in ex.entities.items() if e.cls == FP + "Province"]
        return provinces[0] if len(provinces) == 1 else None
    return None
