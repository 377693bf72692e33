"""The corpora with hand-made gold: each gold record agrees with its article, names keep one type.

The dev corpus, the tuning corpus and the held-out corpus are the yardstick of the name finder, so
a gold mention that is not in its article, a header copied wrongly, or one canonical name used
for two types would skew every score measured on them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from kg.articles import Article, read_article
from kg.settings import Settings
from tests.conftest import (
    CORPUS,
    CORPUS_CHECK,
    CORPUS_HELDOUT,
    CORPUS_HELDOUT2,
    CORPUS_HELDOUT3,
    CORPUS_HELDOUT4,
    CORPUS_HELDOUT5,
    CORPUS_HELDOUT6,
    CORPUS_HELDOUT7,
    CORPUS_HELDOUT8,
    CORPUS_HELDOUT9,
    CORPUS_HELDOUT10,
    CORPUS_HELDOUT11,
    CORPUS_HELDOUT12,
    CORPUS_HELDOUT13,
    CORPUS_HELDOUT14,
    CORPUS_HELDOUT15,
    CORPUS_HELDOUT16,
    CORPUS_HELDOUT17,
    CORPUS_HELDOUT18,
    CORPUS_HELDOUT19,
    CORPUS_TUNE,
)

FOLDERS = [CORPUS, CORPUS_TUNE, CORPUS_CHECK, CORPUS_HELDOUT, CORPUS_HELDOUT2, CORPUS_HELDOUT3,
           CORPUS_HELDOUT4, CORPUS_HELDOUT5, CORPUS_HELDOUT6, CORPUS_HELDOUT7,
           CORPUS_HELDOUT8, CORPUS_HELDOUT9, CORPUS_HELDOUT10, CORPUS_HELDOUT11,
           CORPUS_HELDOUT12, CORPUS_HELDOUT13,
           CORPUS_HELDOUT14, CORPUS_HELDOUT15, CORPUS_HELDOUT16,
           CORPUS_HELDOUT17, CORPUS_HELDOUT18, CORPUS_HELDOUT19]
KINDS = ("persons", "organizations", "places")
by_folder = pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])


def gold_records(folder: Path) -> list[dict]:
    """The folder's gold.json records, and seed-gold.json's record where there is one."""
    records = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    seed = folder / "seed-gold.json"
    if seed.exists():
        records.append(json.loads(seed.read_text(encoding="utf-8")))
    return records


def article(folder: Path, record: dict) -> Article:
    settings = Settings()
    return read_article(folder / record["file"], max_file_bytes=settings.max_file_bytes,
                        max_field_chars=settings.max_field_chars)


@by_folder
def test_every_article_has_one_gold_record(folder: Path):
    files = [record["file"] for record in gold_records(folder)]
    assert sorted(files) == sorted(p.name for p in folder.glob("*.txt"))


@by_folder
def test_every_gold_mention_occurs_in_title_and_text(folder: Path):
    missing = []
    for record in gold_records(folder):
        read = article(folder, record)
        haystack = f"{read.title}\n{read.body}"
        for kind in KINDS:
            for entity in record[kind]:
                assert entity["mentions"], f"{record['file']}: {entity['name']} has no mentions"
                missing += [f"{record['file']}: {kind} {entity['name']!r}: {mention!r}"
                            for mention in entity["mentions"] if mention not in haystack]
    assert not missing, "mentions not in their article:\n" + "\n".join(missing)


@by_folder
def test_header_fields_match_the_gold(folder: Path):
    for record in gold_records(folder):
        read = article(folder, record)
        assert read.published.isoformat()[:10] == record["published"], record["file"]
        assert read.title == record["title"], record["file"]
        assert list(read.sections) == record["categories"], record["file"]
        assert list(read.authors) == record["authors"], record["file"]


def test_no_canonical_name_has_two_types_across_the_corpora():
    kinds: dict[str, set[str]] = defaultdict(set)
    for folder in FOLDERS:
        for record in gold_records(folder):
            for kind in KINDS:
                for entity in record[kind]:
                    kinds[entity["name"]].add(kind)
    assert not {name: ks for name, ks in kinds.items() if len(ks) > 1}
