import pyshacl
import rdflib

from kg.resources import shapes_dir


def _shapes():
    return rdflib.Graph().parse(shapes_dir() / "core.ttl")


def test_published_graph_conforms(seed_ttl):
    data = rdflib.Graph().parse(data=seed_ttl, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=_shapes(), meta_shacl=True)
    assert conforms, text


def test_negative_figure_is_rejected(seed_ttl):
    text = seed_ttl.decode("utf-8").replace("fp:value 8540 ", "fp:value -8540 ")
    assert "-8540" in text
    conforms, _, report = pyshacl.validate(rdflib.Graph().parse(data=text, format="turtle"), shacl_graph=_shapes())
    assert not conforms
    assert "fp:value MUST be a non-negative xsd:integer or xsd:decimal" in report
