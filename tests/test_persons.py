"""Named people: who they are, the post they serve in, their home unit and the unit that sent them."""

from pathlib import Path

import pytest

from kg.corpus import build_article
from kg.extract import extract
from kg.ingest import read_article
from kg.lexicon import load_lexicon
from kg.namespaces import PREFIXES
from kg.store.query import open_store, run_query

FIXTURES = Path(__file__).parent / "fixtures"
DEV01 = Path(__file__).resolve().parents[1] / "eval" / "articles" / "dev01_qingya_first_secretaries.txt"
PERSONS_HANT = FIXTURES / "corpus" / "persons_traditional.txt"
PREFIX = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def appointments(path):
    article = read_article(path, lexicon=load_lexicon())
    ex = extract(article, load_lexicon())
    return ex, {
        x.person: (x.role, x.post_at, x.post_at_basis, x.dispatched_by, x.dispatch_basis, x.home_unit)
        for x in ex.appointments
    }


def test_first_secretaries_of_dev01():
    ex, found = appointments(DEV01)
    assert sorted(ex.persons) == ["何晓燕", "周立群", "罗文斌", "苏敏", "邓建军"]
    assert found == {
        "罗文斌": ("第一书记", "鹰嘴岩村", "explicit", "青崖县交通运输局", "implicit", "青崖县交通运输局"),
        "何晓燕": ("第一书记", "麻柳坪村", "explicit", "青崖县农业局", "implicit", "青崖县农业局"),
        "邓建军": ("第一书记", "金竹湾村", "explicit", "青崖县卫生和计划生育局", "implicit", "青崖县卫生和计划生育局"),
        "苏敏": ("第一书记", "青杠坡村", "explicit", "青崖县水务局", "explicit", "青崖县水务局"),  # 由…选派的…担任
        "周立群": ("县委书记", None, None, None, None, None),
    }


def test_each_construct_in_traditional_script():
    ex, found = appointments(PERSONS_HANT)
    assert found == {
        "林志遠": ("第一書記", "石門村", "explicit", "嵐山縣民政局", "implicit", "嵐山縣民政局"),
        "馬曉東": ("第一書記", "楓林村", "explicit", "嵐山縣林業局", "explicit", "嵐山縣林業局"),
        "程立新": ("縣委副書記", None, None, None, None, None),
    }
    # a villager quoted by name is a person without a post; the reporter in the dateline is not extracted
    assert sorted(ex.persons) == ["吳大山", "林志遠", "程立新", "馬曉東"]
    # the later 「…」林志遠說 is a second mention of the same person
    assert [(s.start, s.end) for s in ex.persons["林志遠"].spans] == [(211, 214), (353, 356)]


def test_a_seed_without_names_yields_no_person(seed_extraction):
    assert seed_extraction.persons == {} and seed_extraction.appointments == []


@pytest.fixture(scope="module")
def dev01_store():
    return open_store(list(build_article(DEV01).quads()))


def test_person_post_home_unit_and_dispatcher_in_the_graph(dev01_store):
    rows = run_query(
        dev01_store,
        PREFIX
        + """
        SELECT ?en ?village ?town ?county ?home ?sender ?basis WHERE {
          ?p a schema:Person ; rdfs:label "罗文斌"@zh-Hans, ?en FILTER(LANG(?en) = "en")
          ?a a fp:Appointment ; org:member ?p ; org:role lex:role-first-secretary ; fp:postAt ?v ; fp:dispatchedBy ?s .
          ?v a fp:Village ; rdfs:label ?village FILTER(LANGMATCHES(LANG(?village), "zh-Hans"))
          ?v fp:withinDivision ?t . ?t a fp:Town ; rdfs:label ?town FILTER(LANGMATCHES(LANG(?town), "zh-Hans"))
          ?t fp:withinDivision ?c . ?c a fp:County ; rdfs:label ?county FILTER(LANGMATCHES(LANG(?county), "zh-Hans"))
          ?m a org:Membership ; org:member ?p ; org:organization ?h ; org:role lex:role-cadre .
          ?h rdfs:label ?home FILTER(LANGMATCHES(LANG(?home), "zh-Hans"))
          ?s rdfs:label ?sender FILTER(LANGMATCHES(LANG(?sender), "zh-Hans"))
          ?st rdf:subject ?p ; rdf:predicate fp:dispatchedBy ; rdf:object ?s ; fp:basis ?b .
          BIND(STRAFTER(STR(?b), "#") AS ?basis)
        }""",
    )
    assert rows == [
        {
            "en": "Luo Wenbin",
            "village": "鹰嘴岩村",
            "town": "石笋镇",
            "county": "青崖县",
            "home": "青崖县交通运输局",
            "sender": "青崖县交通运输局",
            "basis": "Implicit",
        }
    ]


def test_a_post_in_a_named_body_is_held_by_the_person(dev01_store):
    rows = run_query(
        dev01_store,
        PREFIX
        + """
        SELECT ?post ?body WHERE { ?p rdfs:label "周立群"@zh-Hans ; org:holds ?x . ?x org:heldBy ?p ; org:postIn ?b .
          ?x rdfs:label ?post FILTER(LANGMATCHES(LANG(?post), "zh-Hans"))
          ?b rdfs:label ?body FILTER(LANGMATCHES(LANG(?body), "zh-Hans")) }""",
    )
    assert rows == [{"post": "县委书记", "body": "青崖县委"}]
