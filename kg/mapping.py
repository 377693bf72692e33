"""Mapping an article and its entities to schema.org triples.

Everything said *in* an article lives in its own named graph: the NewsArticle, its links to its
authors and the entities it mentions, the roles its text gives people ("as of this article") and
the provenance of the document. Replacing the article replaces all of it.

What identifies an entity (its types, name, alternate names, sameAs links) is said once, in the
entity's own named graph (its document IRI), not again in every article that names it: the union
default graph is a multiset, and a popular entity's name repeated in 10,000 article graphs turns
any join on it into a 10,000 × 10,000 product. The union of all graphs is the published graph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef

from kg import __version__, ids, vocab
from kg.articles import Article
from kg.entities.model import Entity, Extraction
from kg.settings import Settings
from kg.store import ArticleStatements

# rdflib terms of kg.vocab's namespaces (rdflib's own DCTERMS, PROV... would be a second copy).
SDO, NEWSKG = Namespace(vocab.SCHEMA), Namespace(vocab.NEWSKG)
RDF, XSD = Namespace(vocab.RDF), Namespace(vocab.XSD)
DCTERMS, FOAF, PROV = Namespace(vocab.DCT), Namespace(vocab.FOAF), Namespace(vocab.PROV)

_TYPES = {kind: URIRef(iri) for kind, iri in vocab.CLASSES.items() if kind != "article"}
# A byline naming a newsroom rather than people: "Global Times", "GT staff reporters", "Xinhua".
_ORG_BYLINE = re.compile(
    r"\b(staff|reporters?|correspondents?|editorial|editors|desk|newsroom|agency|agencies|bureau|"
    r"team|board|times|news|press|daily|post|herald|tribune|xinhua|reuters|afp|ap|cgtn)\b",
    re.IGNORECASE,
)


def new_graph() -> Graph:
    """An empty graph with newskg's prefixes (``schema:`` is ``http://schema.org/``)."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)
    return graph


def is_organisation_byline(name: str, settings: Settings) -> bool:
    return name.casefold() == settings.publisher_name.casefold() or bool(_ORG_BYLINE.search(name))


def publisher_iri(settings: Settings) -> URIRef:
    return URIRef(ids.thing_iri(settings.base, "organization", ids.slug(settings.publisher_name)))


@dataclass(frozen=True)
class MappedArticle:
    """An article's own graph, and the descriptions of the entities it links to."""

    graph: Graph
    entities: Graph

    def statements(self) -> ArticleStatements:
        """The two graphs as the store takes them: N-Triples, the entities' by subject."""
        grouped: dict[str, list[str]] = {}
        for s, p, o in self.entities:
            grouped.setdefault(str(s), []).append(f"{s.n3()} {p.n3()} {o.n3()} .\n")
        return ArticleStatements(
            self.graph.serialize(format="nt", encoding="utf-8").decode("utf-8"),
            tuple((subject, "".join(lines)) for subject, lines in grouped.items()))

    def combined(self) -> Graph:
        """Both together: what the shapes validate (an article with what it links to)."""
        graph = new_graph()  # `a + b` would bind rdflib's default `schema:` (https) prefix
        graph += self.graph
        graph += self.entities
        return graph


def map_article(
    article: Article,
    extraction: Extraction | None,
    settings: Settings,
    *,
    source: str,
    ingested_at: dt.datetime,
) -> MappedArticle:
    """The article's graph (NewsArticle, links, roles, provenance); its entities' descriptions."""
    base = settings.base
    graph, described = new_graph(), new_graph()
    add = graph.add
    me = URIRef(ids.thing_iri(base, "article", article.key))
    add((me, RDF.type, SDO.NewsArticle))
    add((me, SDO.identifier, Literal(article.key)))
    add((me, SDO.headline, Literal(article.title)))
    add((me, SDO.datePublished, _date_literal(article.published)))
    for section in article.sections:
        add((me, SDO.articleSection, Literal(section)))
    if settings.include_body:
        add((me, SDO.articleBody, Literal(article.body)))
    add((me, SDO.wordCount, Literal(article.word_count)))
    add((me, SDO.inLanguage, Literal(settings.language)))
    add((me, SDO.mainEntityOfPage, URIRef(ids.doc_iri(base, "article", article.key))))

    publisher = publisher_iri(settings)
    add((me, SDO.publisher, publisher))
    described.add((publisher, RDF.type, SDO.NewsMediaOrganization))
    described.add((publisher, RDF.type, SDO.Organization))
    described.add((publisher, SDO.name, Literal(settings.publisher_name)))
    described.add((publisher, SDO.url, URIRef(settings.publisher_url)))

    _add_authors(graph, described, me, article, settings)
    if extraction is not None:
        _add_entities(graph, described, me, extraction.all(), base)
    _add_provenance(graph, article, base, source, ingested_at)
    return MappedArticle(graph, described)


def _add_authors(
    graph: Graph, described: Graph, me: URIRef, article: Article, settings: Settings
) -> None:
    for name in article.authors:
        if is_organisation_byline(name, settings):
            author = URIRef(ids.thing_iri(settings.base, "organization", ids.slug(name)))
            described.add((author, RDF.type, SDO.Organization))
        else:
            author = URIRef(ids.thing_iri(settings.base, "person", ids.slug(name)))
            described.add((author, RDF.type, SDO.Person))
            # The byline's title and description are true as of this article.
            if article.author_title:
                graph.add((author, SDO.jobTitle, Literal(article.author_title)))
            description = _description_for(name, article)
            if description:
                graph.add((author, SDO.description, Literal(description)))
        described.add((author, SDO.name, Literal(name)))
        graph.add((me, SDO.author, author))


def _description_for(name: str, article: Article) -> str | None:
    """The author description belongs to the author it names, else to every author."""
    text = article.author_description
    if not text:
        return None
    named = [a for a in article.authors if text.startswith(a)]
    return text if not named or name in named else None


def _add_entities(
    graph: Graph, described: Graph, me: URIRef, entities: Iterable[Entity], base: str
) -> None:
    by_name = {(e.kind, e.name): e for e in entities}
    for entity in by_name.values():
        node = URIRef(entity.iri(base))
        described.add((node, RDF.type, _TYPES[entity.kind]))
        described.add((node, SDO.name, Literal(entity.name)))
        for alias in entity.alternate_names:
            if alias != entity.name:
                described.add((node, SDO.alternateName, Literal(alias)))
        for same in entity.same_as:
            described.add((node, SDO.sameAs, URIRef(same)))
        graph.add((me, SDO.mentions, node))
        if entity.about:
            graph.add((me, SDO.about, node))
        if entity.ambiguous:
            graph.add((me, NEWSKG.ambiguousMention, node))
        for role in entity.roles:
            if role.job_title:
                graph.add((node, SDO.jobTitle, Literal(role.job_title)))
            org = by_name.get(("organization", role.affiliation or ""))
            if org is not None:
                graph.add((node, SDO.affiliation, URIRef(org.iri(base))))
        parent = by_name.get(("organization", entity.parent or ""))
        if parent is not None and parent is not entity:
            graph.add((node, SDO.parentOrganization, URIRef(parent.iri(base))))


def _add_provenance(
    graph: Graph, article: Article, base: str, source: str, ingested_at: dt.datetime
) -> None:
    doc = URIRef(ids.doc_iri(base, "article", article.key))
    graph.add((doc, RDF.type, PROV.Entity))
    graph.add((doc, FOAF.primaryTopic, URIRef(ids.thing_iri(base, "article", article.key))))
    graph.add((doc, DCTERMS.source, Literal(source)))
    graph.add((doc, NEWSKG.contentHash, Literal(article.content_hash)))
    graph.add((doc, PROV.generatedAtTime, Literal(ingested_at, datatype=XSD.dateTime)))
    graph.add((doc, DCTERMS.creator, Literal(f"newskg {__version__}")))


def _date_literal(value: dt.date | dt.datetime) -> Literal:
    if isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    return Literal(value.isoformat(), datatype=XSD.date)
