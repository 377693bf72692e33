"""The query check asks the engine's own parser: SERVICE, depth, messages."""

from __future__ import annotations

import pytest

from kg.sparql.guard import MAX_DEPTH, QuerySyntaxError, Refused, check, describe
from kg.store.embedded import OxigraphStore

URL = "http://127.0.0.1:9/sparql"  # the discard port: nothing is ever sent (see test_sandbox)


@pytest.fixture(scope="module")
def parse() -> object:
    """Parses as the query process does: an empty store with the same query options."""
    return OxigraphStore(None, "http://localhost:5000").query


# Queries the engine would run with a SERVICE call, however the text dresses it up. The first
# ones are parser differentials: a second parser (rdflib) read "\u0022" and "\u005C" in a string
# as the end of the string or an escape, and saw a string or a comment where pyoxigraph sees the
# keyword.
SERVICE_QUERIES = [
    f'SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE <{URL}> {{ ?s ?p ?o }} }} # """',
    f'SELECT * WHERE {{ BIND("\\u005C" AS ?x) SERVICE <{URL}> {{ ?s ?p ?o }} }} #"',
    f"SELECT * WHERE {{ BIND('''\\u0027''' AS ?x) SERVICE <{URL}> {{ ?s ?p ?o }} }} # '''",
    f'SELECT * WHERE {{ BIND("a\\\\" AS ?x) SERVICE <{URL}> {{ ?s ?p ?o }} }} # "',
    f'SELECT * WHERE {{ # "\n SERVICE <{URL}> {{ ?s ?p ?o }} }}',
    f"SELECT * WHERE {{ sErViCe <{URL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SERVICE SILENT <{URL}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SERVICE<{URL}>{{?s ?p ?o}} }}",
    f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }} }}",
    f"ASK {{ FILTER EXISTS {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}",
    f"ASK {{ FILTER NOT EXISTS {{ MINUS {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }} }}",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    f"SELECT * FROM <{URL}> WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    f"DESCRIBE ?s WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE " + "{ " * 40 + f"SERVICE <{URL}> {{ ?s ?p ?o }}" + " }" * 40,
    f"PREFIX service: <http://e/> SELECT * WHERE {{ ?s service:p ?o "
    f"SERVICE <{URL}> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("query", SERVICE_QUERIES)
def test_every_service_the_engine_would_call_is_refused(parse, query: str):
    with pytest.raises(Refused, match="SERVICE is not allowed"):
        check(query, parse)


@pytest.mark.parametrize("query", [
    f'SELECT * WHERE {{ ?s <http://e/\\u0022> ?o SERVICE <{URL}> {{ ?s ?p ?o }} }}',
    "CONSTRUCT WHERE { SERVICE ?endpoint { ?s ?p ?o } }",  # the short form takes triples only
    f"SELECT * WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} ",
])
def test_service_in_a_query_the_engine_cannot_parse_is_said_too(parse, query: str):
    with pytest.raises(QuerySyntaxError, match="SERVICE is not allowed"):
        check(query, parse)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { \\u0053ERVICE <http://e.org/q> { ?s ?p ?o } }",
    "SELECT * WHERE { \\U00000053\\u0045RVICE <http://e.org/q> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND('\\u0073ervice' AS ?x) }",  # spelt with escapes even in a string
])
def test_service_spelt_with_escapes_is_refused_whatever_the_engine_reads(parse, query: str):
    with pytest.raises(Refused, match="SERVICE"):
        check(query, parse)


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "service" }',
    'SELECT ("SERVICE <http://e.org/q> { ?s ?p ?o }" AS ?text) WHERE {}',
    "SELECT ?service WHERE { BIND (1 AS ?service) }",
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:service ?o }",
    "# a SERVICE of ours\nASK {}",
    'SELECT * WHERE { ?s ?p """\nSERVICE <http://e.org/q> { ?s ?p ?o }\n""" }',
    "SELECT * WHERE { ?s ?p 'a\\u0027 SERVICE <http://e.org/q> { ?s ?p ?o } #' }",
])
def test_the_word_anywhere_but_the_keyword_is_fine(parse, query: str):
    assert check(query, parse) is None


def test_deep_nesting_is_refused_before_it_can_crash_the_engine(parse):
    for open_, close in (("{ ", " }"), ("(", ")")):
        query = "SELECT * WHERE { FILTER" + open_ * 3000 + "1" + close * 3000 + " }"
        with pytest.raises(Refused, match=f"at most {MAX_DEPTH}"):
            check(query, parse)


@pytest.mark.parametrize(("query", "message"), [
    ("SELEC * WHERE { ?s ?p ?o }",
     "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after any PREFIX and BASE "
     "declarations), not 'SELEC'"),
    ("SELECT * WHERE { ?s foo:bar ?o }",
     "line 1, column 21: unknown prefix 'foo:': declare it (PREFIX foo: <...>) or use one of "
     "the predefined prefixes: schema, newskg, rdf, rdfs, xsd, owl, dct, foaf, prov, skos, void"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT x",
     "line 1, column 35: found 'x'; expected HAVING, OFFSET, OPTIONAL, VALUES, a number"),
    ("SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s",
     "line 1, column 41: a variable of the SELECT is neither grouped (GROUP BY) nor inside an "
     "aggregate (COUNT, SAMPLE, ...)"),
    ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
     "this endpoint is read-only: INSERT (SPARQL Update) is not accepted"),
    # With SERVICE, the position is the query's (the probe has GRAPH, two letters shorter).
    ("SELECT * WHERE { SERVICE SILENT <http://e/> { ?s ?p ?o } } LIMIT x",
     "line 1, column 66: found 'x'; expected HAVING, OFFSET, OPTIONAL, VALUES, a number "
     "(and SERVICE is not allowed)"),
    ("SELECT * WHERE {\n SERVICE <http://e/> { ?s ?p ?o }\n } LIMIT x",
     "line 3, column 10: found 'x'; expected HAVING, OFFSET, OPTIONAL, VALUES, a number "
     "(and SERVICE is not allowed)"),
])
def test_syntax_errors_are_said_in_a_line(parse, query: str, message: str):
    # As the query process does: the check, then the run (the first parse when no probe was
    # needed), whose error is described the same way.
    with pytest.raises((QuerySyntaxError, SyntaxError)) as raised:
        check(query, parse)
        parse(query)
    error = raised.value
    assert (str(error) if isinstance(error, QuerySyntaxError)
            else describe(query, str(error))) == message


def test_predefined_prefixes_need_no_declaration_and_yield_to_the_query(parse):
    assert check("SELECT * WHERE { ?s schema:name ?o ; rdfs:label ?l }", parse) is None
    assert next(iter(parse("SELECT (schema:x AS ?x) {}")))["x"].value == "http://schema.org/x"
    declared = "PREFIX schema: <https://schema.org/> SELECT (schema:x AS ?x) {}"
    assert next(iter(parse(declared)))["x"].value == "https://schema.org/x"
