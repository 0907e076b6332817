"""The RDF Data Cube integrity constraints IC-1 to IC-21 (kg.validate.cube), the structure of figures in the ontology,
and the constraints in `kg validate`.

Each constraint has a small cube that breaks it and one that keeps it; the reported constraint ids are asserted
exactly. The checks are linear: the index reads grow by the same amount for every observation, and IC-12 agrees
with the pairwise definition (every two observations compared) on random cubes.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.namespaces import FP, QB
from kg.validate import KGSH, validate
from kg.validate.cube import CONSTRAINTS, CubeGraph, _order, check_cube

ROOT = Path(__file__).resolve().parents[1]

PREFIXES = """
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix fp: <https://w3id.org/fupin-kg/ontology#> .
@prefix lex: <https://w3id.org/fupin-kg/lexicon/> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
"""

# A cube of two dimensions (area, year), one measure (count), a required attribute (unit), an optional one (note).
STRUCTURE = """
ex:dsd a qb:DataStructureDefinition ;
    qb:component [ qb:dimension ex:area ; qb:order 1 ], [ qb:dimension ex:year ; qb:order 2 ], [ qb:measure ex:count ],
        [ qb:attribute ex:unit ; qb:componentRequired true ], [ qb:attribute ex:note ; qb:componentRequired false ] .
ex:area rdfs:range ex:Place .
ex:year rdfs:range xsd:gYear .
ex:ds a qb:DataSet ; qb:structure ex:dsd .
"""
O1 = 'ex:o1 a qb:Observation ; qb:dataSet ex:ds ; ex:area ex:a1 ; ex:year "2015"^^xsd:gYear ;'
O1 += " ex:count 3 ; ex:unit ex:u .\n"
O2 = O1.replace("o1", "o2").replace("a1", "a2").replace("count 3", "count 4")

# A cube with a measure dimension: one area dimension, qb:measureType, two measures.
MEASURES = """
ex:mdsd a qb:DataStructureDefinition ;
    qb:component [ qb:dimension ex:area ], [ qb:dimension qb:measureType ],
        [ qb:measure ex:count ], [ qb:measure ex:share ] .
ex:area rdfs:range ex:Place .
qb:measureType rdfs:range qb:MeasureProperty .
ex:mds a qb:DataSet ; qb:structure ex:mdsd .
"""
M_COUNT = "ex:m1 qb:dataSet ex:mds ; ex:area ex:a1 ; qb:measureType ex:count ; ex:count 3 ."
M_SHARE = "ex:m2 qb:dataSet ex:mds ; ex:area ex:a1 ; qb:measureType ex:share ; ex:share 0.5 ."

# Slices: a slice key fixing the year, attached to the structure; a slice of the data set for 2015.
SLICES = """
ex:dsd qb:sliceKey ex:byYear .
ex:byYear a qb:SliceKey ; qb:componentProperty ex:year .
ex:ds qb:slice ex:s2015 .
ex:s2015 qb:sliceStructure ex:byYear ; ex:year "2015"^^xsd:gYear ; qb:observation ex:o1 .
"""

# Code lists: a concept scheme, a collection with a nested collection, a hierarchy by a property and by its inverse.
CODES = """
ex:cdsd a qb:DataStructureDefinition ;
    qb:component [ qb:dimension ex:kind ], [ qb:dimension ex:group ], [ qb:dimension ex:region ],
        [ qb:dimension ex:county ], [ qb:measure ex:count ] .
ex:kind rdfs:range skos:Concept ; qb:codeList ex:kinds .
ex:group rdfs:range skos:Concept ; qb:codeList ex:groups .
ex:region rdfs:range ex:Place ; qb:codeList ex:regions .
ex:county rdfs:range ex:Place ; qb:codeList ex:counties .
ex:kinds a skos:ConceptScheme .
ex:k1 a skos:Concept ; skos:inScheme ex:kinds .
ex:k2 a skos:Concept .
ex:groups a skos:Collection ; skos:member ex:inner .
ex:inner a skos:Collection ; skos:member ex:g1 .
ex:g1 a skos:Concept .
ex:g2 a skos:Concept .
ex:regions a qb:HierarchicalCodeList ; qb:hierarchyRoot ex:china ; qb:parentChildProperty ex:narrower .
ex:china ex:narrower ex:province .
ex:province ex:narrower ex:prefecture .
ex:counties a qb:HierarchicalCodeList ; qb:hierarchyRoot ex:china ; qb:parentChildProperty [ owl:inverseOf ex:within ] .
ex:village ex:within ex:province .
ex:province ex:within ex:china .
ex:cds a qb:DataSet ; qb:structure ex:cdsd .
"""


LOOSE = "ex:dsd qb:component [ qb:dimension ex:loose ] . ex:o1 ex:loose ex:x ."


def _ids(*parts: str, vocabulary: bool = False) -> list[str]:
    data = ox.parse(PREFIXES + "\n".join(parts), format=ox.RdfFormat.TURTLE)
    return sorted(r.shape.removeprefix(KGSH) for r in check_cube(data, vocabulary=vocabulary))


def _code(kind="ex:k1", group="ex:g1", region="ex:prefecture", county="ex:village") -> str:
    values = f"ex:kind {kind} ; ex:group {group} ; ex:region {region} ; ex:county {county}"
    return f"ex:c1 qb:dataSet ex:cds ; {values} ; ex:count 1 ."


CASES = {
    # constraint: (a cube that breaks it, one that keeps it)
    "IC-1": ((STRUCTURE, O1, "ex:lost a qb:Observation ."), (STRUCTURE, O1)),
    "IC-2": ((STRUCTURE, "ex:empty a qb:DataSet ."), (STRUCTURE, "ex:empty a qb:DataSet ; qb:structure ex:dsd .")),
    "IC-3": (
        ("ex:bare a qb:DataStructureDefinition ; qb:component [ qb:dimension ex:area ] .", "ex:area rdfs:range ex:P ."),
        ("ex:bare a qb:DataStructureDefinition ; qb:component [ qb:measure ex:count ] .",),
    ),
    "IC-4": ((STRUCTURE, O1, LOOSE), (STRUCTURE, O1, LOOSE, "ex:loose rdfs:range ex:X .")),
    "IC-5": ((STRUCTURE, O1, "ex:area rdfs:range skos:Concept ."),
             (STRUCTURE, O1, "ex:area rdfs:range skos:Concept ; qb:codeList ex:areas .")),
    "IC-6": ((STRUCTURE, O1, "ex:dsd qb:component [ qb:dimension ex:extra ; qb:componentRequired false ] .",
              "ex:extra rdfs:range ex:X . ex:o1 ex:extra ex:x ."),
             (STRUCTURE, O1, "ex:dsd qb:component [ qb:attribute ex:extra ; qb:componentRequired false ] .")),
    "IC-7": ((STRUCTURE, O1, "ex:orphan a qb:SliceKey ."), (STRUCTURE, O1, SLICES)),
    "IC-8": ((STRUCTURE, O1, "ex:dsd qb:sliceKey ex:k .", "ex:k a qb:SliceKey ; qb:componentProperty ex:season ."),
             (STRUCTURE, O1, SLICES)),
    "IC-9": ((STRUCTURE, O1, "ex:ds qb:slice ex:keyless ."), (STRUCTURE, O1, SLICES)),
    "IC-10": ((STRUCTURE, O1, SLICES, "ex:ds qb:slice ex:s2016 . ex:s2016 qb:sliceStructure ex:byYear ."),
              (STRUCTURE, O1, SLICES)),
    "IC-11": ((STRUCTURE, "ex:o3 qb:dataSet ex:ds ; ex:area ex:a3 ; ex:count 3 ; ex:unit ex:u ."), (STRUCTURE, O1, O2)),
    "IC-12": ((STRUCTURE, O1, O1.replace("o1", "o3")), (STRUCTURE, O1, O2)),
    "IC-13": ((STRUCTURE, O1, 'ex:o3 qb:dataSet ex:ds ; ex:area ex:a3 ; ex:year "2015"^^xsd:gYear ; ex:count 3 .'),
              (STRUCTURE, O1, O2, "ex:o2 ex:note ex:n .")),
    "IC-14": ((STRUCTURE, O1, 'ex:o3 qb:dataSet ex:ds ; ex:area ex:a3 ; ex:year "2015"^^xsd:gYear ; ex:unit ex:u .'),
              (STRUCTURE, O1, O2)),
    "IC-15": ((MEASURES, M_COUNT.replace(" ; ex:count 3", ""), M_SHARE), (MEASURES, M_COUNT, M_SHARE)),
    "IC-16": ((MEASURES, M_COUNT.replace("ex:count 3", "ex:count 3 ; ex:share 0.5"), M_SHARE),
              (MEASURES, M_COUNT, M_SHARE)),
    "IC-17": ((MEASURES, M_COUNT), (MEASURES, M_COUNT, M_SHARE)),
    "IC-18": ((STRUCTURE, O1, SLICES, O2, "ex:ds2 a qb:DataSet ; qb:structure ex:dsd .",
               "ex:s2015 qb:observation ex:o3 .", O2.replace("o2", "o3").replace("ex:ds ;", "ex:ds2 ;")),
              (STRUCTURE, O1, SLICES, O2, "ex:s2015 qb:observation ex:o2 .")),
    "IC-19": ((CODES, _code(kind="ex:k2")), (CODES, _code())),
    "IC-20": ((CODES, _code(region="ex:elsewhere")), (CODES, _code(region="ex:china"))),
    "IC-21": ((CODES, _code(county="ex:elsewhere")), (CODES, _code(county="ex:china"))),
}  # fmt: skip


@pytest.mark.parametrize("constraint", CONSTRAINTS)
def test_each_constraint_broken_and_kept(constraint):
    broken, kept = CASES[constraint]
    assert _ids(*broken) == [constraint]
    assert _ids(*kept) == []


def test_every_constraint_has_a_case_and_a_message_in_three_languages():
    from kg.validate.cube import _messages

    assert CONSTRAINTS == tuple(f"IC-{n}" for n in range(1, 22)) == tuple(CASES)
    messages = _messages()
    for name in [*CONSTRAINTS, "IC-12-linked", "IC-12-unlinked"]:
        severity, texts = messages[name]
        assert set(texts) == {"en", "zh-Hant", "zh-Hans"}, name
        assert all(text.startswith(name[:5].rstrip("-") + " ") for text in texts.values()), name
        assert severity == ("Warning" if name.startswith("IC-12") else "Violation"), name


def test_a_collection_reaches_members_of_members_and_a_group_outside_fails():
    assert _ids(CODES, _code(group="ex:g2")) == ["IC-19"]
    assert _ids(CODES, _code(group="ex:inner")) == ["IC-19"]  # a member, but not a skos:Concept


def test_duplicates_are_warnings_that_say_whether_the_figures_are_linked():
    data = ox.parse(
        PREFIXES + STRUCTURE + O1 + O1.replace("o1", "o3") + O1.replace("o1", "o4") + "ex:o3 fp:sameFigureAs ex:o1 .",
        format=ox.RdfFormat.TURTLE,
    )
    results = sorted(check_cube(data, graph="urn:x:g", vocabulary=False), key=lambda r: r.focus)
    assert [(r.severity, r.focus, r.value, r.graph) for r in results] == [
        ("Warning", "https://example.org/o3", "https://example.org/o1", "urn:x:g"),
        ("Warning", "https://example.org/o4", "https://example.org/o1", "urn:x:g"),
    ]
    linked, unlinked = (r.message() for r in results)
    assert linked.startswith("IC-12 ") and "linked by fp:sameFigureAs" in linked and "not linked" not in linked
    assert unlinked.startswith("IC-12 ") and "not linked by fp:sameFigureAs" in unlinked
    assert "fp:sameFigureAs" in results[0].message("zh-Hant")


def test_numbers_as_dimension_values_compare_by_value():
    numeric = STRUCTURE + O1.replace('"2015"^^xsd:gYear', '"2015"^^xsd:integer')
    assert _ids(numeric, O1.replace("o1", "o3").replace('"2015"^^xsd:gYear', '"2015.0"^^xsd:decimal')) == ["IC-12"]


def test_values_attached_to_the_data_set_or_a_slice_reach_its_observations():
    """Normalisation (section 10): a unit attached to the data set and a year given by the slice count as the
    observation's own."""
    attached = STRUCTURE.replace(
        "[ qb:attribute ex:unit ;", "[ qb:attribute ex:unit ; qb:componentAttachment qb:DataSet ;"
    )
    bare = "ex:o1 qb:dataSet ex:ds ; ex:area ex:a1 ; ex:count 3 ."
    assert _ids(attached, bare) == ["IC-11", "IC-13"]
    assert _ids(attached, bare, "ex:ds ex:unit ex:u .", SLICES) == []


# -- The structure in the ontology --------------------------------------------------------------------------------

MINIMAL = """
<urn:x:a/figures> a qb:DataSet ; qb:structure fp:figureStructure .
<urn:x:a/figure/1-3> a fp:Figure, qb:Observation ; qb:dataSet <urn:x:a/figures> ;
    fp:indicator lex:indicator-other ; fp:countedItem fp:itemUnstated ; sdmx-dimension:refArea fp:areaUnstated ;
    sdmx-dimension:refPeriod fp:periodUnstated ; fp:status STATUS ; fp:value 3 ;
    sdmx-attribute:unitMeasure lex:units-ge ; fp:qualifier fp:Exact .
"""


@pytest.mark.parametrize("status", ["Actual", "Target", "Standard", "Threshold", "Planned"])
def test_the_shipped_structure_holds_for_a_minimal_observation(status):
    assert _ids(MINIMAL.replace("STATUS", "fp:" + status), vocabulary=True) == []


def test_the_shipped_structure_rejects_codes_outside_its_code_lists_and_a_missing_unit():
    assert _ids(MINIMAL.replace("STATUS", "fp:Exact"), vocabulary=True) == ["IC-19"]
    outside = MINIMAL.replace("STATUS", "fp:Actual").replace("lex:indicator-other", "lex:units-ge")
    assert _ids(outside, vocabulary=True) == ["IC-19"]  # a unit is no indicator
    not_an_item = MINIMAL.replace("STATUS", "fp:Actual").replace("fp:itemUnstated", "lex:indicator-other")
    assert _ids(not_an_item, vocabulary=True) == ["IC-19"]  # an indicator is no counted item
    no_unit = MINIMAL.replace("STATUS", "fp:Actual").replace("sdmx-attribute:unitMeasure lex:units-ge ;", "")
    assert _ids(no_unit, vocabulary=True) == ["IC-13"]


def test_the_structure_in_the_ontology():
    cube = CubeGraph([], vocabulary=True)
    dims, measures, required, by_type = cube._structure(ox.NamedNode(FP + "figureStructure"))
    local = lambda terms: sorted(t.value.rsplit("#", 1)[-1] for t in terms)
    assert local(dims) == ["countedItem", "indicator", "refArea", "refPeriod", "status"]
    assert local(measures) == ["value"] and not by_type
    assert local(required) == ["qualifier", "unitMeasure"]
    assert cube.check() == []  # the vocabulary alone: every structure, dimension and code list well formed


# -- Linear time --------------------------------------------------------------------------------------------------


def _observations(n: int, same_key: bool = False) -> list:
    head = "<urn:x:a/figures> a qb:DataSet ; qb:structure fp:figureStructure .\n"
    rows = [
        MINIMAL.split("\n", 2)[2]
        .replace("urn:x:a/figure/1-3", f"urn:x:a/figure/{i}")
        .replace("fp:areaUnstated", "fp:areaUnstated" if same_key else f"<urn:x:place/{i}>")
        .replace("STATUS", "fp:Actual")
        for i in range(n)
    ]
    return list(ox.parse(PREFIXES + head + "".join(rows), format=ox.RdfFormat.TURTLE))


@pytest.mark.parametrize("same_key", [False, True])
def test_index_reads_grow_by_the_same_amount_for_every_observation(same_key):
    lookups = []
    for n in (500, 1000, 2000):
        cube = CubeGraph(_observations(n, same_key))
        results = cube.check()
        assert len(results) == (n - 1 if same_key else 0)
        lookups.append(cube.lookups)
    assert lookups[2] - lookups[1] == 2 * (lookups[1] - lookups[0]) > 0


_PAIRWISE = """
PREFIX qb: <http://purl.org/linked-data/cube#>
SELECT DISTINCT ?o1 ?o2 WHERE {
    ?o1 qb:dataSet ?d . ?o2 qb:dataSet ?d . FILTER(?o1 != ?o2)
    FILTER NOT EXISTS {
        ?d qb:structure/qb:component/qb:dimension ?dim .
        ?o1 ?dim ?v1 . ?o2 ?dim ?v2 . FILTER(!sameTerm(?v1, ?v2))
    }
}
"""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(2014, 2016), st.booleans()), max_size=10))
def test_duplicates_agree_with_the_pairwise_definition(rows):
    """IC-12 as the recommendation defines it compares every two observations of a data set; the key index flags
    an observation when another one of its key comes first (o2 before o10), so k observations give k - 1 warnings."""
    text = STRUCTURE + "".join(
        f'ex:o{i} qb:dataSet ex:{"ds" if first else "ds2"} ; ex:area ex:a{a} ; ex:year "{y}"^^xsd:gYear ;'
        " ex:count 1 ; ex:unit ex:u .\n"
        for i, (a, y, first) in enumerate(rows)
    )
    text += "ex:ds2 a qb:DataSet ; qb:structure ex:dsd .\n"
    data = list(ox.parse(PREFIXES + text, format=ox.RdfFormat.TURTLE))
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in data)
    pairs = {(row["o1"].value, row["o2"].value) for row in store.query(_PAIRWISE)}
    expected = sorted({o1 for o1, o2 in pairs if _order(ox.NamedNode(o2)) < _order(ox.NamedNode(o1))})
    found = sorted(r.focus for r in check_cube(data, vocabulary=False))
    assert found == expected


# -- In `kg validate` ---------------------------------------------------------------------------------------------


def test_validate_reports_cube_findings_with_the_shapes():
    text = PREFIXES + STRUCTURE + O1 + O1.replace("o1", "o3")
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode("urn:x:graph"))
        for t in ox.parse(text, format=ox.RdfFormat.TURTLE)
    ]
    report = validate(quads, jobs=1)
    cube = [r for r in report.results if r.shape.startswith(KGSH + "IC-")]
    assert [(r.severity, r.shape, r.focus, r.graph) for r in cube] == [
        ("Warning", KGSH + "IC-12", "https://example.org/o3", "urn:x:graph")
    ]
    assert "shape kgsh:IC-12 · value https://example.org/o1" in report.text()
    assert '"shape": "https://w3id.org/fupin-kg/shapes#IC-12"' in report.to_json()


def test_the_articles_pass_every_constraint_but_restated_keys():
    """The bundled article and the five of the evaluation set: every figure is an observation of its article's
    data set, and the only cube findings are IC-12 warnings (figures that share indicator, area, period and
    status)."""
    from kg.corpus import read_inputs
    from kg.resources import bundled_article

    quads = read_inputs([bundled_article(), *sorted((ROOT / "eval" / "articles").glob("dev*.txt"))])
    types = {(q.subject, q.object.value) for q in quads if q.predicate.value.endswith("#type")}
    figures = {s for s, o in types if o == FP + "Figure"}
    observations = {s for s, o in types if o == QB + "Observation"}
    assert figures == observations and len(observations) > 100
    report = validate(quads, jobs=1)
    cube = [r for r in report.results if r.shape.startswith(KGSH + "IC-")]
    assert {(r.severity, r.shape) for r in cube} == {("Warning", KGSH + "IC-12")}
    assert report.conforms
