"""The mapper: an article and its entities as schema.org triples."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.compare import isomorphic

from kg.articles import parse_article, read_article
from kg.entities.model import Entity, Extraction, Role
from kg.mapping import SDO, map_article
from kg.settings import Settings
from tests.conftest import SEEDS, TOLERATED

BASE = "http://example.org"
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
SETTINGS = Settings(base_iri=BASE + "/")


def seed():
    return read_article(SEEDS / "000_6dffb495a35dd12c.txt", max_file_bytes=10**6,
                        max_field_chars=1000)


def mapped(article, extraction=None, settings=SETTINGS):
    """The article's graph and its entities' descriptions together."""
    return map_article(article, extraction, settings, source="seed.txt",
                       ingested_at=WHEN).combined()


def test_news_article_triples():
    graph = mapped(seed())
    me = URIRef(f"{BASE}/id/article/40e4922860c23164")
    assert (me, RDF.type, SDO.NewsArticle) in graph
    assert graph.value(me, SDO.identifier) == Literal("40e4922860c23164")
    assert graph.value(me, SDO.headline).startswith("Wang Yi meets")
    assert graph.value(me, SDO.datePublished) == Literal("2022-06-07", datatype=XSD.date)
    assert set(graph.objects(me, SDO.articleSection)) == {Literal("CHINA"), Literal("DIPLOMACY")}
    assert graph.value(me, SDO.wordCount) == Literal(434)
    assert graph.value(me, SDO.inLanguage) == Literal("en")
    assert graph.value(me, SDO.articleBody).startswith("Chinese  on Tuesday")
    publisher = graph.value(me, SDO.publisher)
    assert (publisher, RDF.type, SDO.NewsMediaOrganization) in graph
    assert (publisher, RDF.type, SDO.Organization) in graph


def test_one_person_per_author_and_no_placeholders():
    graph = mapped(seed())
    authors = list(graph.objects(None, SDO.author))
    assert sorted(str(a) for a in authors) == [f"{BASE}/id/person/yu-xi",
                                               f"{BASE}/id/person/zhang-changyue"]
    assert all((a, RDF.type, SDO.Person) in graph for a in authors)
    assert not any("Author details not found" in str(o) for o in graph.objects())


def test_organisational_byline_is_an_organization():
    article = read_article(TOLERATED / "org-byline.txt", max_file_bytes=10**6,
                           max_field_chars=1000)
    graph = mapped(article)
    (author,) = graph.objects(None, SDO.author)
    assert (author, RDF.type, SDO.Organization) in graph
    assert (author, RDF.type, SDO.Person) not in graph


def test_author_title_and_description():
    article = parse_article(
        b"Published Time: 2023-01-01 10:11:12\nTitle: T\nAuthor: Lin Xiaoyu\n"
        b"Author title: Global Times reporter\nAuthor description: Lin Xiaoyu is a reporter.\n"
        b"Text:\nbody", "x.txt")
    graph = mapped(article)
    person = URIRef(f"{BASE}/id/person/lin-xiaoyu")
    assert graph.value(person, SDO.jobTitle) == Literal("Global Times reporter")
    assert graph.value(person, SDO.description) == Literal("Lin Xiaoyu is a reporter.")
    assert next(graph.objects(None, SDO.datePublished)).datatype == XSD.dateTime


def test_body_can_be_left_out_for_licensing():
    graph = mapped(seed(), settings=SETTINGS.replace(include_body=False))
    assert next(graph.objects(None, SDO.articleBody), None) is None
    assert next(graph.objects(None, SDO.wordCount)) == Literal(434)


def test_entities_roles_acronyms_and_parents():
    extraction = Extraction(
        persons=[Entity("person", "Zhu Yongbiao", ["Zhu Yongbiao", "Zhu"],
                        roles=[Role("director", "Center for Afghanistan Studies")])],
        organizations=[
            Entity("organization", "Center for Afghanistan Studies", parent="Lanzhou University"),
            Entity("organization", "Lanzhou University"),
            Entity("organization", "Collective Security Treaty Organization",
                   alternate_names=["CSTO"], about=True),
        ],
        places=[Entity("place", "Kazakhstan")],
    )
    graph = mapped(seed(), extraction)
    me = URIRef(f"{BASE}/id/article/40e4922860c23164")
    zhu = URIRef(f"{BASE}/id/person/zhu-yongbiao")
    center = URIRef(f"{BASE}/id/organization/center-for-afghanistan-studies")
    csto = URIRef(f"{BASE}/id/organization/collective-security-treaty-organization")
    assert (me, SDO.mentions, zhu) in graph
    assert (me, SDO.about, csto) in graph
    assert graph.value(zhu, SDO.jobTitle) == Literal("director")
    assert graph.value(zhu, SDO.affiliation) == center
    assert graph.value(center, SDO.parentOrganization) == URIRef(
        f"{BASE}/id/organization/lanzhou-university")
    assert graph.value(csto, SDO.alternateName) == Literal("CSTO")
    assert (URIRef(f"{BASE}/id/place/kazakhstan"), RDF.type, SDO.Place) in graph


def test_entity_descriptions_are_kept_out_of_the_article_graph():
    extraction = Extraction(places=[Entity("place", "Kazakhstan", alternate_names=["KZ"])])
    result = map_article(seed(), extraction, SETTINGS, source="s.txt", ingested_at=WHEN)
    kz = URIRef(f"{BASE}/id/place/kazakhstan")
    assert (None, SDO.mentions, kz) in result.graph
    assert (kz, SDO.name, None) not in result.graph
    assert (kz, RDF.type, SDO.Place) in result.entities
    assert (kz, SDO.alternateName, Literal("KZ")) in result.entities
    assert {str(s) for s in result.entities.subjects()} <= {
        f"{BASE}/id/place/kazakhstan", f"{BASE}/id/person/yu-xi",
        f"{BASE}/id/person/zhang-changyue", f"{BASE}/id/organization/global-times"}


def test_no_blank_nodes_and_only_http_schema_org():
    graph = mapped(seed())
    terms = {t for triple in graph for t in triple}
    assert not any(t.__class__.__name__ == "BNode" for t in terms)
    assert not any(str(t).startswith("https://schema.org/") for t in terms)
    turtle = graph.serialize(format="turtle")
    assert "@prefix schema: <http://schema.org/>" in turtle and "schema1:" not in turtle


def test_same_input_gives_isomorphic_graph():
    assert isomorphic(mapped(seed()), mapped(seed()))


@pytest.mark.parametrize("base", ["http://localhost:5000", "https://news.example/kg/"])
def test_every_iri_lives_under_the_base(base: str):
    graph = mapped(seed(), settings=Settings(base_iri=base))
    minted = {str(s) for s in graph.subjects()} - {"https://www.globaltimes.cn/"}
    assert all(s.startswith(base.rstrip("/") + "/") for s in minted)
