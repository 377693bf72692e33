"""sameAs links: a reviewed table, an opt-in online lookup (mocked), no network by default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.entities import Extractor, linking
from kg.entities.linking import Linker, LinkingError
from kg.entities.model import Entity, Extraction
from kg.settings import Settings

from .conftest import article, find


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every test here fails if anything reaches the network; calls are recorded."""
    calls: list[str] = []

    def refuse(url: str, timeout: float = 10.0) -> Any:
        calls.append(url)
        raise AssertionError(f"network call to {url}")

    monkeypatch.setattr(linking, "fetch_json", refuse)
    return calls


def test_no_links_and_no_network_by_default(no_network: list[str]) -> None:
    ex = Extractor(Settings(ner="rules")).extract(
        [article("Xi meets Tokayev", "Chinese President Xi Jinping spoke.")]
    )[0]
    assert all(not e.same_as for e in ex.all())
    assert no_network == []


def test_reviewed_table_links_by_name_and_type(tmp_path: Path) -> None:
    table = tmp_path / "wikidata.csv"
    table.write_text(
        "name,type,qid\nXi Jinping,person,Q15031\nChina,place,Q148\nChina,organization,Q999\n",
        encoding="utf-8",
    )
    settings = Settings(ner="rules", wikidata_table=str(table), data_dir=tmp_path)
    ex = Extractor(settings).extract(
        [article("Xi speaks", "Chinese President Xi Jinping said China is ready.")]
    )[0]
    assert find(ex, "Xi Jinping").same_as == ["http://www.wikidata.org/entity/Q15031"]
    assert find(ex, "China").same_as == ["http://www.wikidata.org/entity/Q148"]


def test_bad_table_is_an_error(tmp_path: Path) -> None:
    table = tmp_path / "bad.csv"
    table.write_text("name,type,qid\nXi Jinping,person,15031\n", encoding="utf-8")
    with pytest.raises(LinkingError, match=r"bad\.csv:2"):
        Linker(Settings(wikidata_table=str(table)))


def _answer(*items: dict[str, Any]) -> dict[str, Any]:
    return {"search": list(items)}


def test_online_lookup_links_only_a_unique_exact_match(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = {
        "Lanzhou University": _answer(
            {"id": "Q1", "label": "Lanzhou University"},
            {"id": "Q2", "label": "Lanzhou University Second Hospital"},
        ),
        "Li": _answer({"id": "Q3", "label": "Li"}, {"id": "Q4", "label": "Li"}),
        "Global Times": _answer({"id": "Q5", "label": "Global Times Online"}),
    }
    calls: list[str] = []

    def fake(url: str, timeout: float = 10.0) -> Any:
        calls.append(url)
        term = next(t for t in answers if f"search={t.replace(' ', '+')}&" in url)
        return answers[term]

    monkeypatch.setattr(linking, "fetch_json", fake)
    linker = Linker(Settings(wikidata_online=True, data_dir=tmp_path))
    extraction = Extraction(
        persons=[Entity("person", "Li", ambiguous=True)],
        organizations=[
            Entity("organization", "Lanzhou University"),
            Entity("organization", "Global Times"),
        ],
    )
    linker.link([extraction])
    assert extraction.organizations[0].same_as == ["http://www.wikidata.org/entity/Q1"]
    assert extraction.organizations[1].same_as == []  # no exact label: no link
    assert extraction.persons[0].same_as == []  # ambiguous: never looked up
    assert len(calls) == 2
    # answers are cached on disk: a new linker makes no call
    Linker(Settings(wikidata_online=True, data_dir=tmp_path)).link([extraction])
    assert len(calls) == 2
    assert (tmp_path / "wikidata-cache.json").exists()
