"""Every stored string parses back in every output format, whatever control characters the
article file held (issue 8 item 7): they are stripped when reading, or the file is rejected."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.articles import parse_article
from kg.formats import NQUADS, RDFXML, SPARQL_XML, serialize
from kg.ingest import ingest
from kg.ledger import Ledger
from kg.settings import Settings
from kg.snapshots import current
from kg.store import open_store

# Each character class the reader meets: C0 controls, DEL, C1 controls, non-characters.
STRIPPED = {
    "ESC": "\x1b", "BEL": "\x07", "BS": "\x08", "US": "\x1f", "DEL": "\x7f",
    "C1 NEL": "\x85", "C1 CSI": "\x9b", "C1 APC": "\x9f", "U+FFFE": "\ufffe", "U+FFFF": "\uffff",
}
LINE_BREAKS = {"form feed": "\x0c", "vertical tab": "\x0b"}


def article_with(char: str, name: str) -> bytes:
    return (f"Published Time: 2023-03-0{len(name) % 9 + 1}\n"
            f"Title: Talks in Astana{char} on {name}\n"
            f"Category 1: WORLD{char}\n"
            f"Author: Ann{char} Lee\n"
            f"Author title: Reporter{char}\n"
            "Text:\n"
            f"Wang Yi{char} met Kassym-Jomart Tokayev in Astana.{char}\n"
            f"The two sides{char} talked about {name}.\n").encode()


@pytest.mark.parametrize("name", [*STRIPPED, *LINE_BREAKS])
def test_controls_are_stripped_when_reading(name: str):
    char = {**STRIPPED, **LINE_BREAKS}[name]
    article = parse_article(article_with(char, name), "a.txt")
    for text in (article.title, article.body, *article.sections, *article.authors,
                 article.author_title):
        assert char not in text
    spaced = name in LINE_BREAKS  # a page or line break still parts the words
    assert article.title == f"Talks in Astana{' ' if spaced else ''} on {name}"
    assert ("Wang Yi  met" if spaced else "Wang Yi met") in article.body


def test_nul_anywhere_is_binary():
    raw = article_with("", "NUL") + b"x" * 10_000 + b"\x00 late"
    with pytest.raises(Exception, match="NUL") as caught:
        parse_article(raw, "late-nul.txt")
    assert caught.value.code == "binary"


def test_every_format_parses_back_for_every_stored_string(settings: Settings, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, char in {**STRIPPED, **LINE_BREAKS}.items():
        (folder / f"{name.replace(' ', '-')}.txt").write_bytes(article_with(char, name))
    (folder / "late-nul.txt").write_bytes(article_with("", "late NUL") + b"x" * 9000 + b"\x00")
    odd = folder / "name\x1bwith\x7fcontrols.txt"  # the file name is stored too (dct:source)
    odd.write_bytes(article_with("", "odd name"))
    (folder / os.fsdecode(b"latin-\xe9.txt")).write_bytes(article_with("", "Latin-1 name"))
    report = ingest([folder], settings)
    tally = report.tally()
    assert tally == {"ingested": len(STRIPPED) + len(LINE_BREAKS) + 2, "rejected": 1}
    assert Ledger(settings.ledger_path).get(str(folder / "late-nul.txt")).reason == "binary"

    snapshot = current(settings.snapshots_dir)
    union = Graph()
    dataset = Dataset()
    dataset.parse(snapshot.dump_path(NQUADS), format="nquads")
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    assert len(union) > 0
    for fmt in ("xml", "nt", "turtle", "json-ld"):
        text = union.serialize(format=fmt)
        assert isomorphic(Graph().parse(data=text, format=fmt), union), fmt

    # What the service writes: pyoxigraph's RDF/XML and SPARQL XML results, well-formed XML.
    store = open_store(snapshot.store_path, snapshot.base, read_only=True)
    rdfxml = serialize(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), RDFXML)  # type: ignore[arg-type]
    assert isomorphic(Graph().parse(data=rdfxml, format="xml"), union)
    results = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").serialize(  # type: ignore[union-attr]
        format=SPARQL_XML.results)
    assert len(ET.fromstring(results).findall(".//{*}result")) >= len(union)
