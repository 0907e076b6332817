"""Responsibility chains: `kg chain`, agreement with SPARQL property paths, and the picture."""

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.errors import TermError
from kg.graph.chain import chain_report, chains, find_node, hierarchy
from kg.graph.draw import render, to_dot
from kg.graph.network import responsibility_view, view_directions
from kg.namespaces import ID, LEX, PREFIXES
from kg.store.query import shipped_query

ROOT = Path(__file__).resolve().parent.parent
VILLAGES = ID + "article/000_bdc2813b06239aaa/set/pin-kun-cun"
FIRST_SECRETARY = LEX + "role-first-secretary"


@pytest.fixture(scope="module")
def view(seed_quads):
    return responsibility_view(seed_quads)


def _chain_json(*args):
    result = CliRunner().invoke(main, ["chain", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    "term", ["第一書記", "第一书记", "first secretary", "lex:role-first-secretary", FIRST_SECRETARY]
)
def test_first_secretary_up_reaches_the_group_and_the_provincial_committee(term):
    report = _chain_json(term, "--up")
    assert report["node"]["id"] == FIRST_SECRETARY
    assert [e["label"] for e in report["ends"]] == ["四川省委", "選派單位"]
    reached = {n["label"] for c in report["chains"] for n in c["nodes"]}
    assert {"“五個一”幫扶力量協調小組", "華鎣市委", "廣安市委", "四川省委"} <= reached
    longest = max(report["chains"], key=lambda c: len(c["nodes"]))
    steps = [
        (e["subject_label"], e["relation"], e["object_label"], e["basis"], e["background"])
        for step in longest["steps"]
        for e in step
    ]
    assert steps == [
        ("第一書記", "fp:coordinatedBy", "“五個一”幫扶力量協調小組", "implicit", False),
        ("“五個一”幫扶力量協調小組", "fp:ledBy", "市委副書記", "explicit", False),
        ("市委副書記", "org:postIn", "華鎣市委", "implicit", False),
        ("華鎣市委", "fp:subordinateTo", "廣安市委", "background", True),
        ("廣安市委", "fp:subordinateTo", "四川省委", "background", True),
    ]
    first = longest["steps"][0][0]["span"]
    assert (first["begin"], first["end"]) == (818, 859)


def test_poor_villages_up_pass_through_the_first_secretaries(view):
    """Competency question 12: who answers for a poor village."""
    result = CliRunner().invoke(main, ["chain", "貧困村", "--up"])
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == "16 chains up to 3 tops: 四川省, 四川省委, 選派單位"
    assert "6. 貧困村 → 第一書記 → “五個一”幫扶力量協調小組 → 華鎣市委 → 廣安市委 → 四川省委" in result.output
    assert "   第一書記 分配到 貧困村  · stated  [818,859) 25名“第一書記”" in result.output
    assert "   華鎣市委 隸屬於 廣安市委  · background  (from https://w3id.org/fupin-kg/gazetteer)" in result.output
    forces = {c.nodes[1] for c in chain_report(view, "貧困村").chains}
    assert {view.nodes[n]["label"] for n in forces} == {
        "第一書記",
        "駐村工作組",
        "駐村農技員",
        "縣級領導",
        "駐村幹部",
        "市級部門",
        "華鎣市",
    }


def test_city_committee_down_reaches_villages_with_what_it_hands_down():
    report = _chain_json("華鎣市委", "--down", "--attached")
    assert {e["label"] for e in report["ends"]} >= {"貧困村", "非貧困村"}
    handed = {(e["subject_label"], e["relation"], e["object_label"]) for e in report["attached"]}
    assert ("任務清單", "fp:decomposedTo", "第一書記") in handed
    assert ("問題清單", "fp:sentTo", "駐村幹部") in handed


def test_who_funds_a_first_secretary():
    report = _chain_json("第一书记", "--attached", "--lang", "zh-Hans")
    standards = {
        e["subject"] for e in report["attached"] if e["relation"] == "fp:recipient" and e["object"] == FIRST_SECRETARY
    }
    payers = {
        (e["subject_label"], e["object_label"])
        for e in report["attached"]
        if e["relation"] == "fp:payer" and e["subject"] in standards
    }
    assert payers == {  # a standard has no label of its own: it shows the words that state it, as printed
        ("市財政按每人每年5000元標准安排“第一書記”辦公經費", "华蓥市财政"),
        ("按每人每月1200元標准預算“第一書記”生活等綜合補助經費", "华蓥市财政"),
        ("市財政每年預算專項經費為“第一書記”及駐村工作組成員購買人身意外傷害保險", "华蓥市财政"),
        ("選派單位一次性發放2000元“安家費”", "选派单位"),
        ("選派單位或部門每年安排一次健康體檢", "选派单位"),
    }


def test_unknown_term_suggests_the_nearest_labels():
    run = subprocess.run([sys.executable, "-m", "kg.cli", "chain", "第一秘書"], capture_output=True, text=True)
    assert run.returncode == 1
    assert (
        run.stderr
        == "Error: no node of the responsibility view is called '第一秘書'; nearest labels: 第一書記, 第一书记\n"
    )


def test_ambiguous_term_lists_the_candidates(view):
    with pytest.raises(TermError) as e:
        find_node(view, "協調小組")
    assert str(e.value) == (
        "'協調小組' names 2 nodes of the responsibility view: "
        "“五個一”幫扶力量協調小組組長 <https://w3id.org/fupin-kg/id/article/000_bdc2813b06239aaa/leadership/701-710>; "
        "“五個一”幫扶力量協調小組 <https://w3id.org/fupin-kg/id/org/wu-ge-yi-bang-fu-li-liang-xie-tiao-xiao-zu>; "
        "name one by its full label or IRI"
    )
    assert find_node(view, "幫扶力量協調小組組長").endswith("leadership/701-710")  # a fragment that names one


def test_a_top_has_no_chain_up():
    result = CliRunner().invoke(main, ["chain", "四川省委"])
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == "no chain up: nothing is above it in the view"


# -- Agreement with SPARQL ---------------------------------------------------------------------------------------


def _path_predicates(query: str) -> dict[str, str]:
    path = re.search(r"\((fp:withinDivision[^)]*)\)\+", query)[1]
    out = {}
    for step in path.split("|"):
        inverse = step.startswith("^")
        prefix, local = step.lstrip("^").split(":")
        out[PREFIXES[prefix] + local] = "down" if inverse else "up"
    return out


def test_shipped_path_is_the_ontologys_view():
    declared = {p: d for p, d in view_directions().items() if d != "attached"}
    assert _path_predicates(shipped_query("chain-up")) == declared
    assert _path_predicates(shipped_query("chain-down")) == declared


def _sparql_pairs(seed_quads, name):
    """(node, other) pairs of a shipped chain query, by pyoxigraph and by rdflib over the same triples."""
    from kg.store.query import open_store, run_query

    text = shipped_query(name)
    ox_rows = {tuple(r.values()) for r in run_query(open_store(seed_quads, ()), text)}
    g = rdflib.Graph()
    for q in seed_quads:
        g.add(
            tuple(
                rdflib.URIRef(t.value) if type(t).__name__ == "NamedNode" else rdflib.Literal(t.value)
                for t in (q.subject, q.predicate, q.object)
            )
        )
    rdflib_rows = {tuple(str(v) for v in row) for row in g.query(text)}
    assert ox_rows == rdflib_rows
    return ox_rows


def test_networkx_and_sparql_give_the_same_chains_for_every_node(view, seed_quads):
    h = hierarchy(view)
    up, down = _sparql_pairs(seed_quads, "chain-up"), _sparql_pairs(seed_quads, "chain-down")
    assert len(up) == len(down) == 94
    assert sum(1 for n in h if h.degree(n)) == 27  # the others are attached items: no chain runs through them
    for node in view:
        above = {b for a, b in up if a == node}
        below = {b for a, b in down if a == node}
        assert nx.descendants(h, node) == above, node
        assert nx.ancestors(h, node) == below, node
        assert {n for c in chains(h, node, "up") for n in c.nodes[1:]} == above, node
        assert {n for c in chains(h, node, "down") for n in c.nodes[1:]} == below, node


# -- The picture --------------------------------------------------------------------------------------------------


def test_dot_is_deterministic_and_labels_every_node(view, seed_quads):
    dot = to_dot(view)
    assert dot == to_dot(responsibility_view(seed_quads))
    drawn = {n for u, v, d in view.edges(data=True) if d["direction"] != "attached" for n in (u, v)}
    for node in drawn:
        assert f'tooltip="{node}"' in dot
    assert '"四川省委"' in dot and '"貧困村\\n(25)"' in dot
    assert 'fontname="Noto Sans CJK TC"' in dot


def _svg_texts(svg: bytes) -> list[str]:
    return sorted(re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode("utf-8")))


def test_svg_and_png_render(view):
    svg = render(to_dot(view), "svg")
    texts = _svg_texts(svg)
    assert "四川省委" in texts and "“五個一”幫扶力量協調小組" in texts and "由…統籌" in texts
    assert render(to_dot(view, "en"), "png").startswith(b"\x89PNG\r\n\x1a\n")


def test_published_picture_is_current(view):
    """docs/responsibility.svg is what `kg export --format svg` draws now (compared by its words, not its bytes)."""
    shipped = (ROOT / "docs" / "responsibility.svg").read_bytes()
    assert _svg_texts(shipped) == _svg_texts(render(to_dot(view), "svg"))


def test_missing_graphviz_is_one_error_line(tmp_path):
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", "--format", "svg"], capture_output=True, text=True, env=env
    )
    assert run.returncode == 1
    assert run.stderr == (
        "Error: Graphviz is not installed: `dot` is not on PATH "
        "(Debian: apt install graphviz fonts-noto-cjk; or export --format dot)\n"
    )
