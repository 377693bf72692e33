"""Every IRI newskg writes: its namespaces, the classes it publishes, the prefixes it declares.

This is the only module where an IRI constant is spelled out. It imports nothing, so the web
tier and the query processes can use it without loading the mapper (or rdflib).
``schema.Person`` is the plain string ``"http://schema.org/Person"``.
"""

from __future__ import annotations

SCHEMA = "http://schema.org/"  # what the schema.org JSON-LD context expands to (not https)
SCHEMA_ORG_CONTEXT = "https://schema.org"  # the JSON-LD context search engines read
NEWSKG = "https://w3id.org/newskg/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SH = "http://www.w3.org/ns/shacl#"
SD = "http://www.w3.org/ns/sparql-service-description#"
W3C_FORMATS = "http://www.w3.org/ns/formats/"  # the names of formats
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


class Terms:
    """The terms of one namespace as attributes: ``schema.name`` is ``SCHEMA + "name"``.

    Not a ``str`` subclass (as rdflib's Namespace is), so no term is shadowed by a string
    method: ``schema.title`` is a term, not ``str.title``.
    """

    def __init__(self, namespace: str):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._namespace + name

    def __str__(self) -> str:
        return self._namespace


schema = Terms(SCHEMA)
newskg = Terms(NEWSKG)
rdf = Terms(RDF)
rdfs = Terms(RDFS)
xsd = Terms(XSD)
dct = Terms(DCT)
foaf = Terms(FOAF)
prov = Terms(PROV)
void = Terms(VOID)
dcat = Terms(DCAT)
sh = Terms(SH)
sd = Terms(SD)

# The prefixes newskg declares in what it writes, and that every SPARQL query may use without
# declaring them (a query's own PREFIX of the same name wins).
PREFIXES: dict[str, str] = {
    "schema": SCHEMA,
    "newskg": NEWSKG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "dct": DCT,
    "foaf": FOAF,
    "prov": PROV,
    "skos": SKOS,
    "void": VOID,
}

# The class of each kind of thing newskg mints an IRI for (see :mod:`kg.ids`).
CLASSES: dict[str, str] = {
    "article": schema.NewsArticle,
    "person": schema.Person,
    "organization": schema.Organization,
    "place": schema.Place,
}
