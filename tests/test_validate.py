"""`kg validate` and validation in `kg build`: exit codes, readable reports, broken copies of the seed graph."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def seed_nt(seed_quads):
    from kg.export import serialize
    from kg.formats import RdfFormat

    return serialize(seed_quads, RdfFormat.N_TRIPLES).decode("utf-8")


def _run(tmp_path, name, text, *args):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["validate", str(path), *args])


def test_bundled_article_conforms():
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Conforms: 0 violations, 4 warnings, 2 info (4411 triples in 1 graphs)"


def test_published_files_conform():
    for name in ("out/kg.ttl", "out/kg.nq", "out/kg.jsonld"):
        result = CliRunner().invoke(main, ["validate", name])
        assert result.exit_code == 0, (name, result.output)


def test_labels_stripped(tmp_path, seed_nt):
    text = "\n".join(line for line in seed_nt.splitlines() if "rdf-schema#label>" not in line)
    result = _run(tmp_path, "nolabels.nt", text)
    assert result.exit_code == 1
    assert result.output.startswith("Does not conform: ")
    assert "\nViolation: <https://w3id.org/fupin-kg/id/org/hua-ying-shi-wei>\n" in result.output
    assert (
        "  shape kgsh:Entity_labels · path rdfs:label\n"
        "  An entity MUST have one rdfs:label in zh-Hant, one in zh-Hans and at most one in en, and no other\n"
        "  text [702, 704): 市委\n"
    ) in result.output


def test_numbers_as_plain_strings(tmp_path, seed_nt):
    text = re.sub(r'"(-?[0-9.]+)"\^\^<http://www\.w3\.org/2001/XMLSchema#(integer|decimal)>', r'"\1"', seed_nt)
    result = _run(tmp_path, "strings.nt", text, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    bad = {(r["label"], r["shape"].rsplit("#")[-1], r["value"]) for r in report["results"]}
    assert ("8540名", "Figure_value", "8540") in bad
    assert (None, "FundingStandard_amount", "5000") in bad
    assert ("貧困對象", "Counted_count", "8540") in bad


def test_provenance_removed(tmp_path, seed_nt):
    text = "\n".join(line for line in seed_nt.splitlines() if "prov#wasDerivedFrom>" not in line)
    result = _run(tmp_path, "noprov.nt", text, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    # 158 facts and statements without evidence; 155 of them are the article's (fp:inArticle) and cite none of its text;
    # and the data set of figures no longer says which article it is from
    assert report["counts"] == {"Violation": 314, "Warning": 4, "Info": 2}
    shapes = [r["shape"].rsplit("#")[-1] for r in report["results"] if r["severity"] == "Violation"]
    assert (shapes.count("Fact_evidence") + shapes.count("Statement_evidence"), shapes.count("Citation_Shape")) == (
        158,
        155,
    )


def test_one_negative_figure(tmp_path, seed_nt):
    text = seed_nt.replace('ontology#value> "8540"^^', 'ontology#value> "-8540"^^', 1)
    result = _run(tmp_path, "negative.nt", text)
    assert result.exit_code == 1
    assert (
        result.output.splitlines()[0] == "Does not conform: 1 violations, 4 warnings, 2 info (4411 triples in 1 graphs)"
    )
    assert (
        "\nViolation: 8540名 <https://w3id.org/fupin-kg/id/article/000_bdc2813b06239aaa/figure/895-900>\n"
        "  shape kgsh:Figure_value · path fp:value · value -8540\n"
        "  fp:value MUST be one non-negative number (xsd:integer or xsd:decimal)\n"
        "  text [895, 900): 8540名\n"
    ) in result.output


def test_wrong_anchor_is_found(tmp_path, seed_nt):
    text = seed_nt.replace('anchorOf> "8540名"', 'anchorOf> "8541名"', 1)
    result = _run(tmp_path, "anchor.nt", text, "--format", "json")
    assert result.exit_code == 1
    (r,) = [r for r in json.loads(result.output)["results"] if r["severity"] == "Violation"]
    assert r["shape"].endswith("#Context_Shape") and r["span"] == [895, 900, "8541名"]
    assert r["messages"]["en"] == (
        "A span MUST have one xsd:integer nif:beginIndex and nif:endIndex, 0 ≤ begin < end ≤ the text's "
        "length, and one nif:anchorOf equal to the text at [895, 900)"
    )


def test_cycle_across_articles_is_found(seed_quads):
    """Two articles that each state half of a cycle: each graph is fine, the union is not."""
    import pyoxigraph as ox

    from kg.validate import validate

    sub = ox.NamedNode("https://w3id.org/fupin-kg/ontology#subordinateTo")
    a, b = (ox.NamedNode(f"https://w3id.org/fupin-kg/id/org/{x}") for x in ("hua-ying-shi-wei", "guang-an-shi-wei"))
    extra = [ox.Quad(b, sub, a, ox.NamedNode("https://w3id.org/fupin-kg/id/graph/other"))]
    report = validate(list(seed_quads) + extra, jobs=1)
    cycle = sorted(r.value for r in report.results if r.shape.endswith("#ResponsibilityNetwork_Shape"))
    assert cycle == sorted([a.value, b.value])
    assert not report.conforms


def test_report_as_turtle():
    result = CliRunner().invoke(main, ["validate", "--format", "ttl"])
    assert result.exit_code == 0
    g = rdflib.Graph().parse(data=result.output, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    (report,) = g.subjects(rdflib.RDF.type, sh.ValidationReport)
    assert g.value(report, sh.conforms) == rdflib.Literal(True)
    assert len(list(g.objects(report, sh.result))) == 6


def test_missing_file_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "missing.ttl")])
    assert (result.exit_code, result.output) == (2, f"Error: {tmp_path / 'missing.ttl'}: no such file\n")


def test_parse_error_exits_2_with_line_and_column(tmp_path):
    result = _run(tmp_path, "bad.ttl", '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n')
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {tmp_path / 'bad.ttl'}:3:11: not valid Turtle: ")
    assert len(result.output.strip().splitlines()) == 1


def test_build_refuses_a_graph_with_violations(tmp_path, monkeypatch, seed_path):
    """kg build validates before it writes: with a Violation, out/ is left untouched."""
    import pyoxigraph as ox

    import kg.corpus.build

    real = kg.corpus.build.build_article

    def broken(path, encoding=None):
        built = real(path, encoding)
        value = ox.NamedNode("https://w3id.org/fupin-kg/ontology#value")
        bad = []
        for q in built.quads():
            if q.predicate == value and q.object.value == "8540":
                q = ox.Quad(
                    q.subject, q.predicate, ox.Literal("-8540", datatype=ox.NamedNode(XSD + "integer")), q.graph_name
                )
            bad.append(q)
        return kg.corpus.build.ArticleGraph(built.article, ox.serialize(bad, format=ox.RdfFormat.N_QUADS))

    monkeypatch.setattr(kg.corpus.build, "build_article", broken)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: the graph does not conform to the shapes: 1 violations, e.g. 8540名: "
        "fp:value MUST be one non-negative number (xsd:integer or xsd:decimal) "
        "(run `kg validate` for the full report)\n"
    )
    assert not out.exists()


def test_build_publishes_the_report(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "conforms to the shapes: 0 violations, 4 warnings, 2 info" in result.output
    g = rdflib.Graph().parse(tmp_path / "validation-report.ttl")
    assert len(g) > 0
    assert (tmp_path / "validation-report.ttl").read_bytes() == CliRunner().invoke(
        main, ["validate", "--format", "ttl"]
    ).stdout_bytes


def test_dev_articles_conform_together():
    """The five fictional dev articles and the seed, validated as one dataset over two processes."""
    from pathlib import Path

    from kg.corpus import read_inputs
    from kg.resources import bundled_article
    from kg.validate import validate

    paths = sorted((Path(__file__).resolve().parents[1] / "eval" / "articles").glob("dev0*.txt")) + [bundled_article()]
    report = validate(read_inputs(paths), jobs=2)
    assert (report.graphs, report.conforms, report.counts["Violation"]) == (6, True, 0)
    # the warnings are real gaps: bodies of the dev articles the lexicon cannot name in English; and figures that
    # restate another with the same indicator, item, place, period and status (IC-12), most of them linked as such
    assert {r.shape.rsplit("#")[-1] for r in report.results if r.severity == "Warning"} == {
        "TranslatedEntity_labelEn",
        "EntitySet_Members_memberClass",
        "FundingStandard_recipient",
        "IC-12",
    }
