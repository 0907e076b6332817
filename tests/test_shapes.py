"""The shapes themselves: DASH-style cases, the SHACL vocabulary, meta-SHACL, agreement with Apache Jena.

Each ``tests/shapes/NAME.test.ttl`` holds a small data graph with nodes a shape must accept and nodes it must
reject, and beside it the expected ``sh:ValidationReport`` (a ``dash:GraphValidationTestCase``). A case is about
one family of shapes (``kgsh:Figure_Shape``, ``kgsh:Figure_value``…, named by the expected results); results of
other shapes on the small graph are not its concern.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF, SH

from kg.resources import shapes_dir
from kg.validate import KGSH, SHAPES_FILES, load_shapes, validate, vocabulary_context

CASES = sorted((Path(__file__).parent / "shapes").glob("*.test.ttl"))
DASH = rdflib.Namespace("http://datashapes.org/dash#")
ROOT = Path(__file__).resolve().parent.parent


def _split(path: Path):
    """A case file → (data graph, expected results as tuples, families of shapes the case is about)."""
    g = rdflib.Graph().parse(path, format="turtle")
    case = g.value(predicate=RDF.type, object=DASH.GraphValidationTestCase)
    report = g.value(case, DASH.expectedResult)
    expected = set()
    drop = {(case, p, o) for p, o in g.predicate_objects(case)} | {
        (report, p, o) for p, o in g.predicate_objects(report)
    }
    for r in g.objects(report, SH.result):
        drop |= {(r, p, o) for p, o in g.predicate_objects(r)}
        expected.add(_key(g, r))
    data = rdflib.Graph()
    for t in g:
        if t not in drop:
            data.add(t)
    families = {str(shape).removeprefix(KGSH).split("_")[0] for _, _, _, shape, _, _ in expected}
    return data, expected, families


def _key(g, r):
    value = g.value(r, SH.value)
    path = g.value(r, SH.resultPath)  # a complex path is a blank node, which differs between reports
    return (
        str(g.value(r, SH.focusNode)),
        str(path) if isinstance(path, rdflib.URIRef) else "",
        str(g.value(r, SH.resultSeverity)),
        str(g.value(r, SH.sourceShape)),
        str(g.value(r, SH.sourceConstraintComponent)),
        value,
    )


def _in_families(shape: str, families) -> bool:
    return shape.startswith(KGSH) and shape.removeprefix(KGSH).split("_")[0] in families


def _matches(actual: set, expected: set) -> bool:
    """Same results; an expected result without sh:value matches any value."""
    strip = lambda keys: {k[:5] for k in keys}
    if strip(actual) != strip(expected):
        return False
    return all(k in actual for k in expected if k[5] is not None)


def _to_quads(data: rdflib.Graph) -> list[ox.Quad]:
    return list(ox.parse(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))


def _pyshacl_results(data):
    report = rdflib.Graph().parse(data=validate(_to_quads(data), jobs=1).to_turtle(), format="turtle")
    return report


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_shape_case(path):
    data, expected, families = _split(path)
    report = _pyshacl_results(data)
    actual = {
        _key(report, r)
        for r in report.objects(None, SH.result)
        if _in_families(str(report.value(r, SH.sourceShape)), families)
    }
    assert _matches(actual, expected), (
        f"{path.name}\nexpected: {sorted(map(str, expected))}\nactual:   {sorted(map(str, actual))}"
    )


def test_every_shape_has_a_case():
    shapes = load_shapes()
    tops = {
        str(s)
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if (s, SH.severity, None) in shapes
        and any(True for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf) for _ in shapes.objects(s, p))
    }
    covered = set()
    for path in CASES:
        covered |= _split(path)[2]
    missing = {s for s in tops if s.removeprefix(KGSH).split("_")[0] not in covered}
    assert not missing, f"shapes without a test case: {sorted(missing)}"
    assert len(tops) >= 25


def test_published_graph_conforms(seed_quads):
    report = validate(seed_quads)
    assert report.conforms
    assert report.counts["Violation"] == 0
    # what the seed leaves unsaid: the 8,540 poor people have no class or English name; two benefits state no amount
    # (the Data Cube constraints, kgsh:IC-n, are tested in test_cube.py)
    shacl = [r for r in report.results if not r.shape.startswith(KGSH + "IC-")]
    assert sorted((r.severity, r.shape.removeprefix(KGSH), r.label) for r in shacl) == [
        ("Info", "FundingAmount_amount", None),
        ("Info", "FundingAmount_amount", None),
        ("Warning", "EntitySet_Members_memberClass", "貧困對象"),
        ("Warning", "TranslatedEntity_labelEn", "貧困對象"),
    ]


def test_five_ones_hold_in_the_seed(seed_quads):
    """25 poor villages, 25 work teams, 25 first secretaries, 25 technicians: the rule holds, no warning."""
    assert not [r for r in validate(seed_quads).results if "FiveOnes" in r.shape]


def _unknown_shacl_terms(shapes: rdflib.Graph) -> set[str]:
    import pyshacl

    vocab = rdflib.Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl.ttl")  # the W3C SHACL vocabulary
    defined = {str(s) for s in vocab.subjects()}
    used = {str(t) for triple in shapes for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(str(SH))}
    return used - defined


def test_shapes_use_only_shacl_terms():
    assert _unknown_shacl_terms(load_shapes()) == set()


def test_misspelt_term_passes_meta_shacl_but_not_the_vocabulary_check():
    import pyshacl

    typo = rdflib.Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:minlength 2 ] .""",
        format="turtle",
    )
    conforms, _, _ = pyshacl.validate(rdflib.Graph(), shacl_graph=typo, meta_shacl=True, inference=None)
    assert conforms
    assert _unknown_shacl_terms(typo) == {str(SH) + "minlength"}


def test_shapes_pass_meta_shacl():
    """The shapes graph conforms to the W3C's shapes for shapes (shacl-shacl); pySHACL's meta_shacl option stops
    at its default depth on nested sh:or, so the check runs with a deeper limit."""
    import pyshacl

    shacl_shacl = Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl"
    conforms, _, text = pyshacl.validate(
        load_shapes(), shacl_graph=str(shacl_shacl), inference=None, max_validation_depth=64
    )
    assert conforms, text


def test_shapes_files_are_split_by_severity():
    severities = {}
    for name in SHAPES_FILES:
        g = rdflib.Graph().parse(shapes_dir() / name)
        severities[name] = {str(o).removeprefix(str(SH)) for o in g.objects(None, SH.severity)}
        for s in set(g.subjects(SH.severity, None)):
            assert g.value(s, SH.name) is not None and g.value(s, SH.description) is not None, s
            if (s, RDF.type, SH.SPARQLConstraint) in g:  # its node shape carries the messages (Jena reads one)
                continue
            if (s, SH.sparql, None) in g or (s, SH.path, None) in g or (s, SH.property, None) not in g:
                langs = {m.language.lower() for m in g.objects(s, SH.message)}
                assert {"en", "zh-hans"} <= langs, f"{s} lacks a message in en and zh-Hans"
    assert severities == {
        "core.ttl": {"Violation"},
        "vocabularies.ttl": {"Violation"},
        "recommended.ttl": {"Warning"},
        "info.ttl": {"Info"},
    }


def test_jena_agrees_on_every_case(tmp_path):
    """Apache Jena's SHACL gives the same results as pySHACL on every case (one JVM run over all cases)."""
    assert shutil.which("java") and Path("/usr/share/java/jena-shacl.jar").exists(), (
        "Apache Jena is needed: apt-get install libapache-jena-java (scripts/test.sh does it)"
    )
    union, cases = rdflib.Graph(), {}
    for path in CASES:
        data, expected, families = _split(path)
        union += data
        cases[path.name] = (data, families)
    union.parse(data=ox.serialize(vocabulary_context(), format=ox.RdfFormat.N_TRIPLES), format="nt")
    (tmp_path / "data.nt").write_bytes(union.serialize(format="nt", encoding="utf-8"))
    load_shapes().serialize(tmp_path / "shapes.ttl", format="turtle")
    out = subprocess.run(
        [
            str(ROOT / "scripts" / "jena.sh"),
            "shacl.shacl",
            "validate",
            "--shapes",
            str(tmp_path / "shapes.ttl"),
            "--data",
            str(tmp_path / "data.nt"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    jena = rdflib.Graph().parse(data=out, format="turtle")
    py = _pyshacl_results(union)
    disagree = []
    for name, (data, families) in cases.items():
        nodes = {str(n) for n in data.all_nodes()} | {KGSH + "ResponsibilityNetwork"}

        def mine(report):
            return {
                _key(report, r)[:5]
                for r in report.objects(None, SH.result)
                if _in_families(str(report.value(r, SH.sourceShape)), families)
                and str(report.value(r, SH.focusNode)) in nodes
            }

        if mine(jena) != mine(py):
            disagree.append((name, sorted(mine(jena) ^ mine(py))))
    assert not disagree


def test_every_instantiated_class_has_a_node_shape(seed_quads):
    """Every typed node of the seed and dev graphs is the focus of a node shape through one of its classes."""
    from kg.corpus import read_inputs

    quads = list(seed_quads) + read_inputs(
        sorted((Path(__file__).resolve().parents[1] / "eval" / "articles").glob("dev0*.txt"))
    )
    parents: dict = {}
    for t in vocabulary_context():
        if t.predicate.value == str(rdflib.RDFS.subClassOf):
            parents.setdefault(t.subject.value, set()).add(t.object.value)

    def ancestors(c):
        seen, todo = {c}, [c]
        while todo:
            for p in parents.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    shapes = load_shapes()
    targeted = {str(c) for c in shapes.objects(None, SH.targetClass)}
    types: dict = {}
    for q in quads:
        if q.predicate.value == str(RDF.type):
            types.setdefault(q.subject.value, set()).add(q.object.value)
    untargeted = {frozenset(cs) for cs in types.values() if not any(ancestors(c) & targeted for c in cs)}
    assert not untargeted, sorted(sorted(cs) for cs in untargeted)
    classes = {c for cs in types.values() for c in cs}
    assert len(classes) >= 40
