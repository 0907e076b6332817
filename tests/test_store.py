"""The embedded store: kg load --store, kg query --store, kg chain --store; whole loads or none."""

import os
import signal
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import StoreError
from kg.resources import vocabulary_triples
from kg.store.embedded import default_store_dir, load_store, reading
from kg.store.layout import store_layout

ARTICLE_GRAPH = "https://w3id.org/fupin-kg/id/graph/000_bdc2813b06239aaa"
VOCABULARY_GRAPHS = [
    "https://w3id.org/fupin-kg/gazetteer",
    "https://w3id.org/fupin-kg/lexicon",
    "https://w3id.org/fupin-kg/ontology",
    "https://w3id.org/fupin-kg/repairs",
]
VOCABULARY_FILES = ["gazetteer.ttl", "lexicon.ttl", "fupin.ttl", "repairs.ttl"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def kg(*args, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def graph_counts(store_dir):
    result = kg("query", PER_GRAPH, "--store", str(store_dir), "--format", "csv")
    assert result.exit_code == 0, result.output
    return {line.split(",")[0]: int(line.split(",")[1]) for line in result.output.splitlines()[1:]}


@pytest.fixture(scope="module")
def export_nt():
    return CliRunner().invoke(main, ["export", "--format", "nt"]).output


def test_load_then_count_at_least_the_export(tmp_path, export_nt):
    store = tmp_path / "store"
    result = kg("load", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "created  kgid:graph/000_bdc2813b06239aaa  4,411 triples"
    vocabulary = {graph: len(set(vocabulary_triples(name))) for graph, name in zip(VOCABULARY_GRAPHS, VOCABULARY_FILES)}
    assert result.output.splitlines()[-1].startswith(
        f"loaded 5 graphs, {4411 + sum(vocabulary.values()):,} triples into {store} in "
    )
    statements = len(export_nt.splitlines())
    counted = kg("query", COUNT, "--store", str(store), "-f", "csv").output.splitlines()[1]
    assert int(counted) >= statements == 4411
    assert graph_counts(store) == {ARTICLE_GRAPH: 4411, **vocabulary}
    assert vocabulary[VOCABULARY_GRAPHS[0]] == 261 and vocabulary[VOCABULARY_GRAPHS[3]] == 26  # gazetteer, repairs


def test_store_holds_exactly_the_export(tmp_path, export_nt):
    store = tmp_path / "store"
    kg("load", "--store", str(store))
    result = kg(
        "query",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}",
        "--store",
        str(store),
        "-f",
        "nt",
    )
    assert isomorphic(
        rdflib.Graph().parse(data=result.output, format="nt"), rdflib.Graph().parse(data=export_nt, format="nt")
    )


def test_reload_replaces_and_append_adds(tmp_path):
    store = tmp_path / "store"
    one, two = tmp_path / "one.nt", tmp_path / "two.nt"
    one.write_text('<https://example.org/a> <https://example.org/p> "1" .\n')
    two.write_text('<https://example.org/a> <https://example.org/p> "2" .\n')
    g = "https://example.org/g"
    assert kg("load", str(one), "--store", str(store), "--graph", g, "--no-vocabulary").exit_code == 0
    result = kg("load", str(two), "--store", str(store), "--graph", g, "--no-vocabulary")
    assert result.output.splitlines()[0] == f"replaced {g}  1 triples"
    assert graph_counts(store) == {g: 1}
    result = kg("load", str(one), "--store", str(store), "--graph", g, "--no-vocabulary", "--append")
    assert result.output.splitlines()[0] == f"added to {g}  1 triples"
    values = kg("query", "SELECT ?v WHERE { ?s ?p ?v } ORDER BY ?v", "--store", str(store), "-f", "csv").output
    assert values.splitlines() == ["v", "1", "2"]
    kg("load", "--store", str(store))
    kg("load", "--store", str(store))
    assert graph_counts(store)[ARTICLE_GRAPH] == 4411


def test_chain_reads_the_store(tmp_path):
    store = tmp_path / "store"
    kg("load", "--store", str(store))
    from_store = kg("chain", "第一书记", "--store", str(store), "--attached")
    assert from_store.exit_code == 0, from_store.output
    assert from_store.output == kg("chain", "第一书记", "--attached").output
    assert "3 chains up to 2 tops: 四川省委, 選派單位" in from_store.output


def test_failed_load_is_rolled_back(tmp_path, seed_quads):
    store = tmp_path / "store"
    load_store(store, store_layout(seed_quads))
    before = graph_counts(store)
    g = ox.NamedNode("https://example.org/new")
    good = [ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("x"), g)]
    layout = {ox.NamedNode(ARTICLE_GRAPH): [], g: good, ox.NamedNode("https://example.org/bad"): ["not a quad"]}
    with pytest.raises(TypeError):
        load_store(store, layout)
    assert graph_counts(store) == before
    assert sorted(p.name for p in store.iterdir()) == ["lock", "oxigraph"]


def test_killed_load_leaves_the_previous_store_whole(tmp_path, synthetic_nquads):
    store = tmp_path / "store"
    assert kg("load", "--store", str(store)).exit_code == 0
    before = graph_counts(store)
    big = synthetic_nquads(tmp_path / "big.nq")
    load = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "load", str(big), "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "KG_PAUSE_AT": "load-graph-20"},  # the load says when it has written 20 of 40 graphs
        text=True,
    )
    assert load.stderr.readline() == "paused at load-graph-20\n"
    os.kill(load.pid, signal.SIGKILL)
    load.wait()
    assert load.returncode == -signal.SIGKILL
    half = ox.Store.read_only(str(store / "oxigraph"))
    written = {g.value for g in half.named_graphs()} - set(before)
    del half
    assert len(written) == 20  # killed in the middle of the load
    assert graph_counts(store) == before  # the reader rolled the interrupted load back
    assert sorted(p.name for p in store.iterdir()) == ["lock", "oxigraph"]


def test_store_served_by_oxigraph_is_refused_then_served(tmp_path, serve):
    store = tmp_path / "store"
    kg("load", "--store", str(store))
    url, _ = serve(store / "oxigraph")
    result = kg("load", "--store", str(store))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {store / 'oxigraph'}: the database is open in another program (an Oxigraph "
        "server?); stop it, or load through its Graph Store endpoint with --endpoint\n"
    )
    result = kg("query", COUNT, "--store", str(store))
    assert result.output == (
        f"Error: {store / 'oxigraph'}: the database is open in another program (an Oxigraph "
        "server?); query that server with --endpoint\n"
    )
    served = kg(
        "query",
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}",
        "--endpoint",
        f"{url}/query",
        "-f",
        "csv",
    )
    assert served.output.splitlines() == ["n", "4411"]


def test_store_errors(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = kg("load", "--store", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path}: not a fupin-kg store and not empty; give a new or empty directory "
        f"(the database lives in {tmp_path / 'oxigraph'})\n"
    )
    assert (tmp_path / "notes.txt").read_text() == "mine" and not (tmp_path / "oxigraph").exists()
    result = kg("query", COUNT, "--store", str(tmp_path / "none"))
    assert (
        result.output
        == f"Error: {tmp_path / 'none'}: no store here; fill one with `kg load --store {tmp_path / 'none'}`\n"
    )
    with pytest.raises(StoreError):
        with reading(tmp_path / "none"):
            pass


def test_default_store_location(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "s"))
    assert default_store_dir() == tmp_path / "s"
    assert kg("load").exit_code == 0
    assert kg("query", "ASK { ?s ?p 8540 }", "--store").output == "true\n"
    monkeypatch.delenv("KG_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_dir() == tmp_path / "data" / "fupin-kg" / "store"
