"""The graph as a networkx MultiDiGraph: every triple kept, the responsibility view, and its serialisations."""

import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.formats import NetworkFormat
from kg.graph.network import network, responsibility_view, serialize_network, view_directions
from kg.namespaces import FP, ID, LEX, ORG, PROV, RDF, curie

VILLAGES = ID + "article/000_bdc2813b06239aaa/set/pin-kun-cun"
FIRST_SECRETARY = LEX + "role-first-secretary"
GROUP = ID + "org/wu-ge-yi-bang-fu-li-liang-xie-tiao-xiao-zu"
HUAYING_COMMITTEE = ID + "org/hua-ying-shi-wei"
GUANGAN_COMMITTEE = ID + "org/guang-an-shi-wei"


@pytest.fixture(scope="module")
def full(seed_quads):
    return network(seed_quads)


@pytest.fixture(scope="module")
def view(seed_quads):
    return responsibility_view(seed_quads)


def test_view_is_declared_in_the_ontology():
    assert view_directions() == {
        **{
            FP + p: "up"
            for p in (
                "withinDivision",
                "subordinateTo",
                "followsRequirementsOf",
                "ledBy",
                "coordinatedBy",
                "dispatchedBy",
            )
        },
        ORG + "subOrganizationOf": "up",
        ORG + "postIn": "up",
        FP + "assignedTo": "down",
        FP + "pairedWith": "down",
        ORG + "hasMember": "down",
        **{FP + p: "attached" for p in ("decomposedTo", "sentTo", "payer", "recipient", "issuer", "affectedRole")},
        PROV + "wasAssociatedWith": "attached",
    }


def test_every_triple_is_an_edge_an_attribute_a_type_or_a_folded_statement(seed_quads, full):
    statements = {
        q.subject.value for q in seed_quads if q.predicate.value == RDF + "type" and q.object.value == FP + "Statement"
    }
    assert len(statements) == 63
    stated = {(d["predicate"], u, v) for u, v, d in full.edges(data=True) if "basis" in d}
    assert len(stated) == 63
    for q in {q.triple for q in seed_quads}:
        s, p, o = q.subject.value, q.predicate.value, q.object
        if s in statements:
            assert s not in full  # folded into the edge it states
            continue
        attrs = full.nodes[s]
        if p == RDF + "type":
            assert curie(o.value) in attrs["type"].split(), q
        elif isinstance(o, ox.Literal):
            values = [v for k, v in attrs.items() if k.startswith("label") or k.split("@")[0] == curie(p)]
            assert (
                o.value in [str(v).lower() if isinstance(v, bool) else str(v) for v in values]
                or any(o.value in str(v).split("\n") for v in values)
                or float(o.value) in values
            ), q
        else:
            assert full.has_edge(s, o.value, curie(p)), q


def test_counts_of_the_full_network(full):
    assert full.number_of_edges() == 1454
    assert full.number_of_nodes() == 623


def test_nodes_carry_type_labels_count_and_span(view):
    villages = view.nodes[VILLAGES]
    assert villages["type"] == "fp:EntitySet"
    assert (villages["label@zh-Hant"], villages["label@zh-Hans"], villages["label@en"]) == (
        "貧困村",
        "贫困村",
        "poor villages",
    )
    assert villages["fp:count"] == 25
    role = view.nodes[FIRST_SECRETARY]  # labels and type from the lexicon, which the data only refers to
    assert (role["type"], role["label"], role["label@zh-Hans"], role["label@en"]) == (
        "org:Role skos:Concept",
        "第一書記",
        "第一书记",
        "first secretary",
    )


def test_edges_carry_predicate_basis_and_the_span_that_states_them(view, seed_article):
    edge = view.edges[FIRST_SECRETARY, GROUP, "fp:coordinatedBy"]
    assert edge["predicate"] == FP + "coordinatedBy" and edge["relation"] == "fp:coordinatedBy"
    assert (edge["direction"], edge["basis"], edge["begin"], edge["end"]) == ("up", "implicit", 818, 859)
    assert edge["text"] == seed_article.text[818:859]
    assert edge["graph"] == ID + "graph/000_bdc2813b06239aaa"
    background = view.edges[HUAYING_COMMITTEE, GUANGAN_COMMITTEE, "fp:subordinateTo"]
    assert (background["basis"], background["span"]) == ("background", "https://w3id.org/fupin-kg/gazetteer")
    assert "begin" not in background
    for _, _, d in view.edges(data=True):
        if "begin" in d:
            assert seed_article.text[d["begin"] : d["end"]] == d["text"]


def test_view_is_the_full_networks_view_edges(full, view):
    expected = {(u, v, k): d for u, v, k, d in full.edges(keys=True, data=True) if "direction" in d}
    assert {(u, v, k): d for u, v, k, d in view.edges(keys=True, data=True)} == expected
    assert set(view) == {n for u, v, _ in expected for n in (u, v)}
    for node, data in view.nodes(data=True):
        assert data.items() <= full.nodes[node].items()
    assert (view.number_of_nodes(), view.number_of_edges()) == (58, 82)


@pytest.mark.parametrize("fmt", list(NetworkFormat))
def test_serialisations_are_deterministic(full, seed_quads, fmt):
    assert serialize_network(full, fmt) == serialize_network(network(seed_quads), fmt)


def test_node_link_json_reads_back_whole(full):
    data = json.loads(serialize_network(full, NetworkFormat.JSON))
    assert set(data) >= {"nodes", "edges", "directed", "multigraph"}
    back = nx.node_link_graph(data)
    assert back.is_directed() and back.is_multigraph()
    assert set(back) == set(full)
    assert sorted(back.edges(keys=True)) == sorted(full.edges(keys=True))
    assert back.nodes[VILLAGES] == full.nodes[VILLAGES]


@pytest.mark.parametrize("fmt, read", [(NetworkFormat.GRAPHML, nx.read_graphml), (NetworkFormat.GEXF, nx.read_gexf)])
def test_graphml_and_gexf_read_back(full, fmt, read):
    back = read(io.BytesIO(serialize_network(full, fmt)))
    assert set(back) == set(full)
    assert back.number_of_edges() == full.number_of_edges()
    assert back.nodes[VILLAGES]["label@zh-Hant"] == "貧困村"


def test_mixed_number_types_share_one_attribute_type(full):
    """fp:value holds integers (8540) and decimals (0.03): GraphML declares the key once, as a double."""
    text = serialize_network(full, NetworkFormat.GRAPHML).decode()
    assert '<key id="d' in text and 'attr.name="fp:value" attr.type="double"' in text


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_cli_exports_load_in_networkx_with_the_same_nodes(tmp_path, full, fmt):
    path = tmp_path / f"kg.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(path)])
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(path) if fmt == "graphml" else nx.node_link_graph(json.loads(path.read_text()))
    assert set(back) == set(full)


def test_cli_exports_the_view_alone(tmp_path, view):
    result = CliRunner().invoke(main, ["export", "--format", "json", "--view", "responsibility"])
    assert result.exit_code == 0
    back = nx.node_link_graph(json.loads(result.output))
    assert set(back) == set(view) and back.number_of_edges() == 82
