"""IRIs of the project and of the vocabularies it reuses, and prefixed names (CURIEs) for them.

Every module that writes or reads an IRI takes its namespace from here, so the graph, the
shapes, the queries and the published files agree on one set of prefixes (:data:`PREFIXES`).

Examples
--------
>>> FP + "Figure"
'https://w3id.org/fupin-kg/ontology#Figure'
>>> expand_curie(curie(SKOS + "prefLabel"))
'http://www.w3.org/2004/02/skos/core#prefLabel'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = [
    "curie",
    "expand_curie",
    "BASE",
    "FP",
    "LEX",
    "ID",
    "PLACE",
    "PREFIXES",
    "XSD",
    "RDF",
    "RDFS",
    "SKOS",
    "ORG",
    "PROV",
    "DCT",
    "NIF",
    "OA",
    "OWL",
    "QB",
    "SDMX_DIMENSION",
    "SDMX_ATTRIBUTE",
    "SDMX_MEASURE",
    "TIME",
]

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
QB = "http://purl.org/linked-data/cube#"
SDMX_DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#"
SDMX_MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#"
TIME = "http://www.w3.org/2006/time#"

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
    "qb": QB,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-attribute": SDMX_ATTRIBUTE,
    "sdmx-measure": SDMX_MEASURE,
    "time": TIME,
}


@lru_cache(maxsize=4096)
def curie(iri: str, extra: tuple[tuple[str, str], ...] = ()) -> str:
    """Abbreviate an IRI to a prefixed name (``fp:Figure``) under the longest namespace that matches it.

    Parameters
    ----------
    iri
        The IRI to abbreviate.
    extra
        More ``(prefix, namespace)`` pairs to try besides :data:`PREFIXES` (a tuple, so results can be cached).

    Returns
    -------
    str
        ``prefix:local`` for the longest matching namespace, or ``iri`` unchanged if none matches.

    See Also
    --------
    expand_curie : The inverse, for the prefixes of :data:`PREFIXES`.

    Examples
    --------
    >>> curie("https://w3id.org/fupin-kg/ontology#coordinatedBy")
    'fp:coordinatedBy'
    >>> curie("https://w3id.org/fupin-kg/id/place/hua-ying-shi")
    'place:hua-ying-shi'
    >>> curie("urn:x")
    'urn:x'
    >>> curie("http://www.w3.org/ns/shacl#Violation", extra=(("sh", "http://www.w3.org/ns/shacl#"),))
    'sh:Violation'
    """
    best = max(
        ((p, ns) for p, ns in (*PREFIXES.items(), *extra) if iri.startswith(ns)),
        key=lambda pn: len(pn[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else iri


def expand_curie(name: str) -> str:
    """Expand a prefixed name under :data:`PREFIXES` to the IRI it stands for; leave anything else as it is.

    Parameters
    ----------
    name
        A prefixed name (``lex:role-first-secretary``), or any other string.

    Returns
    -------
    str
        The full IRI; ``name`` unchanged if the part before its first colon is not a prefix of :data:`PREFIXES`,
        or if the part after it starts with ``//`` (then ``name`` is an IRI already).

    See Also
    --------
    curie : The inverse.

    Examples
    --------
    >>> expand_curie("lex:role-first-secretary")
    'https://w3id.org/fupin-kg/lexicon/role-first-secretary'
    >>> expand_curie("https://w3id.org/fupin-kg/id/x"), expand_curie("第一書記")
    ('https://w3id.org/fupin-kg/id/x', '第一書記')
    """
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES and not local.startswith("//") else name
