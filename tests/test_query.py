"""kg query: SPARQL over the bundled graph, RDF files and articles; W3C result formats; clean errors."""

import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import main
from kg.store.query import LocalTarget, open_store, query_text
from kg.store.results import render

FIGURE = "https://w3id.org/fupin-kg/id/article/000_bdc2813b06239aaa/figure/895-900"
ARTICLE_GRAPH = "https://w3id.org/fupin-kg/id/graph/000_bdc2813b06239aaa"


def kg(*args, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def test_finds_the_poor_people_figure():
    result = kg("query", "SELECT ?s WHERE { ?s ?p 8540 } ORDER BY ?s")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "s",
        "-" * 66,
        "kgid:article/000_bdc2813b06239aaa/figure/895-900 (「8540名」)",
        "kgid:article/000_bdc2813b06239aaa/set/pin-kun-dui-xiang (貧困對象)",
        "(2 rows)",
    ]


def test_labels_follow_lang():
    query = "SELECT DISTINCT ?place WHERE { ?place a <https://w3id.org/fupin-kg/ontology#CountyLevelCity> }"
    assert "place:hua-ying-shi (华蓥市)" in kg("query", query, "--lang", "zh-Hans").output
    assert "place:hua-ying-shi (Huaying)" in kg("query", query, "--lang", "en").output
    assert "place:hua-ying-shi (華鎣市)" in kg("query", query).output


def test_shipped_query_by_name_in_csv():
    result = kg("query", "cq13", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["item"], r["amount"], r["payer"]) for r in rows][:4] == [
        ("辦公經費", "5000", "華鎣市財政"),
        ("生活等綜合補助經費", "1200", "華鎣市財政"),
        ("工作經費", "5000", "華鎣市財政"),
        ("安家費", "2000", "選派單位"),
    ]


@pytest.mark.parametrize("fmt", ["tsv", "json", "xml"])
def test_w3c_formats_carry_the_same_solutions(fmt, seed_store):
    query = "SELECT ?s ?v WHERE { ?s <https://w3id.org/fupin-kg/ontology#value> ?v } ORDER BY ?s"
    result = kg("query", query, "--format", fmt)
    assert result.exit_code == 0, result.output
    parsed = ox.parse_query_results(result.output.encode(), ox.QueryResultsFormat.from_extension(fmt))
    got = [(row["s"].value, row["v"].value) for row in parsed]
    expected = [(row["s"].value, row["v"].value) for row in seed_store.query(query, use_default_graph_as_union=True)]
    assert got == expected and len(got) == 50


def test_ask_answers_true_or_false():
    assert kg("query", "ASK { ?s ?p 8540 }").output == "true\n"
    assert kg("query", "ASK { ?s ?p 8541 }").output == "false\n"
    assert json.loads(kg("query", "ASK { ?s ?p 8540 }", "--format", "json").output) == {"head": {}, "boolean": True}


def test_construct_is_a_graph(seed_quads):
    result = kg(
        "query", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}", "--format", "nt"
    )
    assert result.exit_code == 0, result.output
    expected = rdflib.Graph().parse(data=kg("export", "--format", "nt").output, format="nt")
    assert isomorphic(rdflib.Graph().parse(data=result.output, format="nt"), expected)


def test_describe_in_turtle():
    result = kg("query", "DESCRIBE <https://w3id.org/fupin-kg/id/place/hua-ying-shi>")
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(data=result.output, format="turtle")
    assert (
        rdflib.URIRef("https://w3id.org/fupin-kg/id/place/hua-ying-shi"),
        rdflib.RDFS.label,
        rdflib.Literal("華鎣市", lang="zh-hant"),
    ) in graph


def test_query_over_data_files(tmp_path):
    nq = tmp_path / "kg.nq"
    nq.write_text(kg("export", "--format", "nq").output, encoding="utf-8")
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}"
    assert kg("query", query, "--data", str(nq), "-f", "tsv").output.splitlines() == ["?n", "4411"]


def test_query_from_file_and_stdin(tmp_path):
    path = tmp_path / "figure.rq"
    path.write_text("SELECT ?v WHERE { ?s <https://w3id.org/fupin-kg/ontology#count> ?v } ORDER BY DESC(?v) LIMIT 1\n")
    assert kg("query", str(path), "-f", "csv").output.splitlines() == ["v", "8540"]
    assert kg("query", "-", "-f", "csv", input=path.read_text()).output.splitlines() == ["v", "8540"]


@pytest.mark.parametrize(
    "query, where, words",
    [
        ("SELEC ?s WHERE { ?s ?p ?o }", "query:1:10", "SPARQL syntax error: expected CONSTRUCT"),
        ("SELECT ?s WHERE {\n  ?s ?p 8540\n  FILTER( }", "query:3:12", "SPARQL syntax error: expected one of ABS"),
    ],
)
def test_syntax_error_is_one_line_with_position(query, where, words):
    result = kg("query", query)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {where}: {words}")
    assert len(result.output.splitlines()) == 1


def test_errors_name_the_problem(tmp_path):
    assert kg("query", str(tmp_path / "missing.rq")).output == f"Error: {tmp_path / 'missing.rq'}: no such query file\n"
    result = kg("query", "CONSTRUCT WHERE { ?s ?p 8540 }", "--format", "csv")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: --format csv holds SELECT and ASK results; a CONSTRUCT or DESCRIBE answers with a graph"
    )
    result = kg("query", "ASK {}", "--store", str(tmp_path), "--endpoint", "http://localhost:1/query")
    assert result.exit_code == 2 and "give at most one of --data, --store and --endpoint" in result.output


def test_query_text_resolution(tmp_path):
    assert query_text("cq12")[0].lstrip().startswith(("#", "PREFIX", "SELECT"))
    (tmp_path / "q.sparql").write_text("ASK {}")
    assert query_text(str(tmp_path / "q.sparql")) == ("ASK {}", str(tmp_path / "q.sparql"))


def test_render_tables_align_wide_characters():
    store = open_store([], vocabulary=("gazetteer.ttl",))
    result = LocalTarget(store).run(
        "SELECT ?l WHERE { <https://w3id.org/fupin-kg/id/place/hua-ying-shi> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l"
    )
    lines = render(result).decode().splitlines()
    assert lines == ["l", "-------", "Huaying", "华蓥市", "華鎣市", "(3 rows)"]


def test_local_queries_know_the_published_prefixes():
    result = kg("query", "SELECT ?v WHERE { ?f fp:value ?v } ORDER BY DESC(?v) LIMIT 1", "-f", "csv")
    assert result.output.splitlines() == ["v", "400000"]
