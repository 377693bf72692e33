"""The data folder's record: the base IRI belongs to the data; `kg rebase` moves it."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg import folder
from kg.cli import cli
from kg.folder import BaseMismatch
from kg.formats import NQUADS
from kg.ingest import ingest
from kg.settings import Settings
from kg.snapshots import current
from kg.store import open_store
from tests.conftest import SEEDS

NEW = "https://news.example.org/kg"


def kg(settings: Settings, *args: str, base: str | None = None):
    env = {"NEWSKG_NER": "rules", "NEWSKG_BASE_IRI": base or ""}
    return CliRunner().invoke(cli, ["--data-dir", str(settings.data_dir), *args], env=env)


def articles_under(settings: Settings) -> set[str]:
    snapshot = current(settings.snapshots_dir)
    assert snapshot is not None
    store = open_store(snapshot.store_path, snapshot.base, read_only=True)
    try:
        return {row["a"] for row in store.select("SELECT ?a { ?a a schema:NewsArticle }")}
    finally:
        store.close()


def test_the_first_ingest_records_its_base_and_later_ones_read_it(settings: Settings):
    ingest([SEEDS], settings.replace(base_iri=NEW + "/"))
    assert folder.read(settings.data_dir) == folder.Record(base_iri=NEW)
    report = ingest([SEEDS], settings)  # no base given: the recorded one
    assert report.tally() == {"unchanged": 1}
    assert all(iri.startswith(NEW + "/id/article/") for iri in articles_under(settings))


def test_another_base_stops_every_command_and_changes_nothing(settings: Settings):
    ingest([SEEDS], settings)
    with pytest.raises(BaseMismatch, match=re.escape("kg rebase https://other.example")):
        ingest([SEEDS], settings.replace(base_iri="https://other.example"))
    for command in (["ingest", str(SEEDS)], ["stats"], ["serve"], ["query", "ASK {}"]):
        result = kg(settings, *command, base="https://other.example")
        assert result.exit_code == 2, command
        assert "was minted under http://localhost:5000" in result.output
        assert "kg rebase https://other.example" in result.output
    assert len(articles_under(settings)) == 1  # not doubled


def test_rebase_rewrites_every_iri_and_records_the_new_base(settings: Settings):
    ingest([SEEDS], settings)
    before = current(settings.snapshots_dir)
    result = kg(settings, "rebase", NEW + "/")
    assert result.exit_code == 0, result.output
    assert f"rewrote every IRI under http://localhost:5000 to {NEW}" in result.output
    after = current(settings.snapshots_dir)
    assert after is not None and before is not None
    assert after.base == NEW and after.stats == before.stats
    dump = after.dump_path(NQUADS).read_text()
    assert "http://localhost:5000" not in dump and f"<{NEW}/id/article/" in dump
    assert folder.read(settings.data_dir) == folder.Record(base_iri=NEW)
    assert not any(p.name.startswith("store.") and p.is_dir() for p in settings.data_dir.iterdir())
    assert ingest([SEEDS], settings).tally() == {"unchanged": 1}
    assert kg(settings, "rebase", NEW).output.startswith("the data is already under")
    assert kg(settings, "rebase", "ftp://x").exit_code == 2


@pytest.mark.parametrize("stopped", ["before the swap", "after the swap"])
def test_an_interrupted_rebase_is_finished_or_undone(settings: Settings, stopped: str):
    ingest([SEEDS], settings)
    resolved = folder.resolve(settings)
    store = folder.open_for_writing(resolved)
    folder.write(settings.data_dir, folder.Record(base_iri=resolved.base, rebase_to=NEW))
    store.rebased_copy(settings.data_dir / "store.rebased", NEW)
    store.close()
    if stopped == "after the swap":
        settings.store_path.rename(settings.data_dir / "store.old")
        (settings.data_dir / "store.rebased").rename(settings.store_path)
    expected = NEW if stopped == "after the swap" else "http://localhost:5000"
    assert folder.resolve(settings).base == expected
    assert sorted(p.name for p in settings.data_dir.iterdir() if p.name.startswith("store")) \
        == ["store", "store.lock"]
    report = ingest([SEEDS], settings)
    assert report.tally() == {"unchanged": 1}
    assert kg(settings, "publish").exit_code == 0
    assert all(iri.startswith(expected + "/") for iri in articles_under(settings))


def test_a_folder_written_before_the_record_has_its_base_inferred(settings: Settings):
    ingest([SEEDS], settings.replace(base_iri=NEW))
    (settings.data_dir / folder.FILE).unlink()
    name = (settings.snapshots_dir / "CURRENT").read_text().strip()
    meta_path = settings.snapshots_dir / name / "meta.json"
    meta = json.loads(meta_path.read_text())
    del meta["base_iri"], meta["store_format"]  # as newskg 0.1 wrote it
    meta_path.write_text(json.dumps(meta))
    assert folder.read(settings.data_dir) == folder.Record(base_iri=NEW, store_format=1)
    assert "run `kg publish`" in kg(settings, "stats").output  # an old snapshot is not served
    assert kg(settings, "publish").exit_code == 0
    assert folder.read(settings.data_dir) == folder.Record(base_iri=NEW)
    assert kg(settings, "stats").exit_code == 0


def test_a_store_of_newskg_0_1_gets_its_default_graph_when_next_written(settings: Settings):
    import pyoxigraph as ox

    ingest([SEEDS], settings)
    record = folder.read(settings.data_dir)
    assert record is not None
    folder.write(settings.data_dir, folder.Record(base_iri=record.base_iri, store_format=1))
    loaded = ox.Store(str(settings.store_path))  # as newskg 0.1 left it: named graphs only
    loaded.clear_graph(ox.DefaultGraph())
    assert next(iter(loaded.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    del loaded
    assert kg(settings, "publish").exit_code == 0
    snapshot = current(settings.snapshots_dir)
    assert snapshot is not None and snapshot.stats.triples > 100
    assert folder.read(settings.data_dir) == folder.Record(base_iri=record.base_iri)
