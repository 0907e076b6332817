"""IRIs of the project and of the vocabularies it reuses."""

from __future__ import annotations

__all__ = ["BASE", "FP", "LEX", "ID", "PLACE", "PREFIXES", "XSD", "RDF", "RDFS", "SKOS", "ORG", "PROV", "DCT", "NIF", "OA", "OWL"]

BASE = "https://w3id.org/fupin-kg/"
FP = BASE + "ontology#"
LEX = BASE + "lexicon/"
ID = BASE + "id/"
PLACE = ID + "place/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
OA = "http://www.w3.org/ns/oa#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SCHEMA = "https://schema.org/"

#: Every prefix the published files bind, in the order they are written.
PREFIXES = {
    "fp": FP,
    "lex": LEX,
    "place": PLACE,
    "kgid": ID,
    "org": ORG,
    "prov": PROV,
    "dct": DCT,
    "skos": SKOS,
    "nif": NIF,
    "oa": OA,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "void": VOID,
    "dcat": DCAT,
    "schema": SCHEMA,
}
