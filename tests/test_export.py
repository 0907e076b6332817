"""Every format parses, in rdflib, pyoxigraph and rapper, carrying the same statements, byte-identical run to run."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.export import serialize
from kg.formats import RdfFormat

RDFLIB = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}
REPO = Path(__file__).resolve().parent.parent


def _graph(data: bytes, fmt: str) -> rdflib.Graph:
    if fmt in ("nq", "trig"):
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB[fmt])
        g = rdflib.Graph()
        for s, p, o, _ in ds.quads():
            g.add((s, p, o))
        return g
    return rdflib.Graph().parse(data=data, format=RDFLIB[fmt])


@pytest.mark.parametrize("fmt", [f.value for f in RdfFormat])
def test_every_format_carries_the_same_statements(seed_quads, seed_ttl, fmt):
    reference = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    assert len(reference) == len({q.triple for q in seed_quads})
    assert isomorphic(_graph(serialize(seed_quads, RdfFormat(fmt)), fmt), reference)


def test_pyoxigraph_and_rapper_accept_the_turtle(seed_quads, seed_ttl, tmp_path):
    import pyoxigraph as ox

    assert len(list(ox.parse(seed_ttl, format=ox.RdfFormat.TURTLE))) == len({q.triple for q in seed_quads})
    path = tmp_path / "kg.ttl"
    path.write_bytes(seed_ttl)
    assert shutil.which("rapper"), "rapper (raptor2-utils) is installed by scripts/test.sh"
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0
    assert f"Parsing returned {len({q.triple for q in seed_quads})} triples" in run.stderr


def test_every_prefix_bound(seed_ttl):
    text = seed_ttl.decode("utf-8")
    assert "ns1:" not in text and "@prefix fp: <https://w3id.org/fupin-kg/ontology#>" in text
    body = [line for line in text.splitlines() if not line.startswith("@prefix")]
    assert not [line for line in body if "<http://www.w3.org/ns/org#" in line or "<http://www.w3.org/ns/prov#" in line]


def test_byte_identical_across_hash_seeds():
    code = "import sys; from kg.cli import main; main(['export', '--format', 'ttl'])"
    digests = set()
    for seed in ("0", "1", "4242"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            check=True,
        ).stdout
        digests.add(hashlib.sha256(out).hexdigest())
    assert len(digests) == 1


def test_published_out_is_current(tmp_path):
    """out/ is committed; rebuilding the bundled article must reproduce it byte for byte."""
    from kg.publish import build_and_publish
    from kg.resources import bundled_article

    result = build_and_publish([bundled_article()], tmp_path)
    committed = REPO / "out"
    for path in result.files:
        rel = path.relative_to(tmp_path)
        assert (committed / rel).read_bytes() == path.read_bytes(), f"out/{rel} is stale: run `kg build`"
    published = sorted(str(p.relative_to(committed)) for p in committed.rglob("*") if p.is_file())
    assert published == sorted(str(p.relative_to(tmp_path)) for p in result.files)


def test_void_counts_and_checksums(tmp_path):
    from kg.publish import build_and_publish
    from kg.resources import bundled_article

    result = build_and_publish([bundled_article()], tmp_path)
    void = rdflib.Graph().parse(tmp_path / "void.ttl")
    q = """PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
           PREFIX spdx: <http://spdx.org/rdf/terms#>
           SELECT ?title ?sum WHERE { ?d dcat:distribution ?x . ?x dct:title ?title ; spdx:checksum ?sum }"""
    sums = {str(t): str(s) for t, s in void.query(q)}
    assert sums["kg.ttl"] == hashlib.sha256((tmp_path / "kg.ttl").read_bytes()).hexdigest()
    assert set(sums) == {
        "kg.ttl",
        "kg.nt",
        "kg.nq",
        "kg.trig",
        "kg.jsonld",
        "merges.tsv",
        "ontology/0.1.0/fupin.ttl",
        "ontology/0.1.0/lexicon.ttl",
        "ontology/0.1.0/gazetteer.ttl",
        "ontology/0.1.0/repairs.ttl",
        "validation-report.ttl",
        "network.graphml",
        "responsibility.dot",
    }
    (triples,) = void.query(
        "PREFIX void: <http://rdfs.org/ns/void#> "
        "SELECT ?n WHERE { <https://w3id.org/fupin-kg/dataset> void:triples ?n }"
    )
    assert int(triples[0]) == result.triples == len(rdflib.Graph().parse(tmp_path / "kg.ttl"))
