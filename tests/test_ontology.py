"""The ontology declares every term the data and lexicon use, each with labels, definition and isDefinedBy."""

import pyoxigraph as ox
import rdflib

from kg.namespaces import FP, RDF, RDFS, SKOS
from kg.resources import ontology_path

LANGS = {"en", "zh-hant", "zh-hans"}


def _ontology():
    return list(ox.parse(path=str(ontology_path("fupin.ttl")), format=ox.RdfFormat.TURTLE))


def test_header():
    g = rdflib.Graph().parse(ontology_path("fupin.ttl"))
    o = rdflib.URIRef("https://w3id.org/fupin-kg/ontology")
    assert (o, rdflib.OWL.versionIRI, rdflib.URIRef("https://w3id.org/fupin-kg/ontology/0.1.0")) in g
    assert (o, rdflib.DCTERMS.license, rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")) in g


def test_every_term_labelled_and_defined():
    quads = _ontology()
    terms = {q.subject.value for q in quads if q.subject.value.startswith(FP)}
    assert len(terms) > 150
    for t in terms:
        labels = {q.object.language for q in quads if q.subject.value == t and q.predicate.value == RDFS + "label"}
        defs = {q.object.language for q in quads if q.subject.value == t and q.predicate.value == SKOS + "definition"}
        defined_by = [q for q in quads if q.subject.value == t and q.predicate.value == RDFS + "isDefinedBy"]
        assert labels == LANGS and defs == LANGS and defined_by, t


def test_every_term_used_is_declared(seed_quads):
    from pathlib import Path

    from kg.corpus import read_inputs

    declared = {q.subject.value for q in _ontology() if q.predicate.value == RDF + "type"}
    fixtures = sorted((Path(__file__).resolve().parents[1] / "eval" / "articles").glob("dev*.txt"))
    used = set()
    data = list(seed_quads) + read_inputs(fixtures)
    for name in ("lexicon.ttl", "gazetteer.ttl", "repairs.ttl"):
        data += list(ox.parse(path=str(ontology_path(name)), format=ox.RdfFormat.TURTLE))
    for q in data:
        for t in (q.predicate, q.object):
            if isinstance(t, ox.NamedNode) and t.value.startswith(FP):
                used.add(t.value)
        if q.predicate.value == RDF + "type" and q.object.value.startswith(FP):
            used.add(q.object.value)
    assert sorted(used - declared) == []


def test_lexicon_concepts_labelled_in_three_languages():
    quads = list(ox.parse(path=str(ontology_path("lexicon.ttl")), format=ox.RdfFormat.TURTLE))
    concepts = {
        q.subject.value for q in quads if q.predicate.value == RDF + "type" and q.object.value == SKOS + "Concept"
    }
    assert len(concepts) > 150
    for c in concepts:
        langs = {q.object.language for q in quads if q.subject.value == c and q.predicate.value == SKOS + "prefLabel"}
        assert langs == LANGS, c
