"""The pipeline: every file ends in one recorded state; re-runs change nothing; crashes repair."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from kg import ledger as ledger_module
from kg.articles import REASONS
from kg.entities import KnownEntities
from kg.formats import NQUADS, NTRIPLES
from kg.ingest import ingest
from kg.ledger import Ledger
from kg.settings import Settings
from kg.snapshots import current
from kg.store import StoreInUse
from kg.store.embedded import OxigraphStore
from tests.conftest import BAD, CORPUS, SEEDS, TOLERATED

ALL = [SEEDS, CORPUS, BAD, TOLERATED]


def dataset(settings: Settings) -> bytes:
    snapshot = current(settings.snapshots_dir)
    assert snapshot is not None
    return snapshot.dump_path(NQUADS).read_bytes()


def content(nquads: bytes) -> Graph:
    """The union graph without ingest times (the only thing that differs between machines)."""
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    graph = Graph()
    for s, p, o, _ in ds.quads():
        if p != PROV.generatedAtTime:
            graph.add((s, p, o))
    return graph


@pytest.fixture
def ingested_copy(settings: Settings, tmp_path: Path) -> Path:
    """A copy of the seed article, alone in a folder, ingested: edit it and ingest again."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "seed.txt"
    shutil.copy(SEEDS / "000_6dffb495a35dd12c.txt", path)
    ingest([folder], settings)
    return path


def test_every_file_ends_in_one_recorded_state(settings: Settings):
    report = ingest(ALL, settings)
    tally = report.tally()
    n_bad = len(list(BAD.glob("*.txt")))
    assert tally["rejected"] == n_bad
    assert tally["duplicate"] == 1  # the seed is also in the corpus folder
    assert tally["ingested"] == 24 + 1 + 2
    records = Ledger(settings.ledger_path).files()
    assert len(records) == len({r.path for r in records}) == sum(tally.values())
    rejected = {Path(r.path).name: r.reason for r in records if r.state == "rejected"}
    assert rejected["bad-date.txt"] == "bad-date"
    assert rejected["binary.txt"] == "binary"
    assert all(r.message for r in records if r.state == "rejected")


def test_published_snapshot_counts(settings: Settings):
    report = ingest([SEEDS, CORPUS], settings)
    assert report.snapshot is not None
    stats = report.snapshot.stats
    assert stats.articles == 25
    assert stats.persons > 25 and stats.organizations > 10 and stats.places > 10
    store = OxigraphStore(report.snapshot.store_path, settings.base, read_only=True)
    assert store.count_triples() == stats.triples
    dumped = Graph().parse(report.snapshot.dump_path(NTRIPLES), format="nt")
    assert len(dumped) == stats.triples


def test_second_run_changes_nothing(settings: Settings):
    ingest(ALL, settings)
    before = dataset(settings)
    snapshot = current(settings.snapshots_dir)
    again = ingest(ALL, settings)
    assert set(again.tally()) == {"unchanged", "duplicate", "rejected"}
    assert again.snapshot is None  # nothing new to publish
    assert current(settings.snapshots_dir) == snapshot
    assert dataset(settings) == before


def test_rebuild_elsewhere_gives_the_same_iris_and_graph(settings: Settings, tmp_path: Path):
    ingest([SEEDS, CORPUS], settings)
    other = settings.replace(data_dir=tmp_path / "elsewhere")
    ingest([CORPUS, SEEDS], other)
    assert isomorphic(content(dataset(settings)), content(dataset(other)))


def test_changed_file_updates_the_article_and_never_keeps_both(settings: Settings,
                                                               ingested_copy: Path):
    path = ingested_copy
    folder = path.parent
    path.write_text(path.read_text() + "A closing line added later.\n")
    report = ingest([folder], settings)
    assert report.tally() == {"updated": 1}
    bodies = content(dataset(settings)).objects(None, ox_schema("articleBody"))
    (body,) = list(bodies)
    assert body.endswith("A closing line added later.")
    assert Ledger(settings.ledger_path).get(str(path)).state == "updated"


def test_entities_no_article_mentions_any_more_are_dropped(settings: Settings,
                                                           ingested_copy: Path):
    path = ingested_copy
    folder = path.parent
    names = set(content(dataset(settings)).objects(None, ox_schema("name")))
    assert any(str(n) == "Lanzhou University" for n in names)
    path.write_text(path.read_text().replace("in Lanzhou University", "in a university"))
    assert ingest([folder], settings).tally() == {"updated": 1}
    names = {str(n) for n in content(dataset(settings)).objects(None, ox_schema("name"))}
    assert "Lanzhou University" not in names and "Kassym-Jomart Tokayev" in names


def mention_counts(settings: Settings) -> tuple[dict[str, int], dict[str, int]]:
    """The counts each entity states (newskg:mentionCount) and the counts of its mentions."""
    snapshot = current(settings.snapshots_dir)
    assert snapshot is not None
    store = OxigraphStore(snapshot.store_path, settings.base, read_only=True)
    stated = store.select("SELECT ?e ?n WHERE { ?e <https://w3id.org/newskg/ns#mentionCount> ?n }")
    counted = store.select("SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { "
                           "?a <http://schema.org/mentions> ?e } GROUP BY ?e")
    return ({r["e"]: int(r["n"]) for r in stated}, {r["e"]: int(r["n"]) for r in counted})


def test_each_entity_states_how_many_articles_mention_it(settings: Settings):
    ingest([SEEDS, CORPUS], settings)
    stated, counted = mention_counts(settings)
    assert stated == counted
    assert stated[f"{settings.base}/id/person/wang-yi"] > 1


def test_mention_counts_follow_updates(settings: Settings, ingested_copy: Path):
    lanzhou = f"{settings.base}/id/organization/lanzhou-university"
    assert mention_counts(settings)[0][lanzhou] == 1
    ingested_copy.write_text(ingested_copy.read_text().replace("in Lanzhou University",
                                                               "in a university"))
    assert ingest([ingested_copy.parent], settings).tally() == {"updated": 1}
    stated, counted = mention_counts(settings)
    assert stated == counted and lanzhou not in stated


def test_corrected_title_replaces_the_old_article(settings: Settings, ingested_copy: Path):
    path = ingested_copy
    folder = path.parent
    path.write_text(path.read_text().replace("Title: Wang Yi meets", "Title: Wang Yi met"))
    report = ingest([folder], settings)
    assert report.tally() == {"updated": 1}
    assert report.snapshot is not None and report.snapshot.stats.articles == 1
    (headline,) = content(dataset(settings)).objects(None, ox_schema("headline"))
    assert headline.startswith("Wang Yi met ")


def ox_schema(name: str):
    from kg.mapping import SDO

    return SDO[name]


def test_copy_under_another_name_is_a_duplicate(settings: Settings, tmp_path: Path):
    folder = tmp_path / "copies"
    folder.mkdir()
    original = (SEEDS / "000_6dffb495a35dd12c.txt").read_bytes()
    (folder / "crlf-copy.txt").write_bytes(original.replace(b"\n", b"\r\n"))
    ingest([SEEDS], settings)
    report = ingest([folder], settings)
    assert report.tally() == {"duplicate": 1}
    record = Ledger(settings.ledger_path).get(str(folder / "crlf-copy.txt"))
    assert record.duplicate_of == str(SEEDS / "000_6dffb495a35dd12c.txt")


def test_shacl_violation_rejects_the_article_with_the_message(settings: Settings):
    report = ingest([SEEDS], settings.replace(publisher_name=""))
    (outcome,) = report.outcomes
    assert outcome.state == "rejected" and outcome.reason == "invalid"
    assert "name" in outcome.message


def test_crash_mid_batch_is_repaired_by_running_again(settings: Settings,
                                                      monkeypatch: pytest.MonkeyPatch):
    calls = {"n": 0}
    real = Ledger.record

    def crash_on_fifth(self, record):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt("power cut")
        real(self, record)

    monkeypatch.setattr(ledger_module.Ledger, "record", crash_on_fifth)
    with pytest.raises(KeyboardInterrupt):
        ingest([SEEDS, CORPUS], settings)
    monkeypatch.setattr(ledger_module.Ledger, "record", real)
    report = ingest([SEEDS, CORPUS], settings)
    counts = Ledger(settings.ledger_path).counts()
    assert counts["ingested"] == 25 and counts["duplicate"] == 1
    assert report.snapshot is not None and report.snapshot.stats.articles == 25


def test_second_writer_gets_a_clear_error(settings: Settings):
    ingest([SEEDS], settings)
    holder = OxigraphStore(settings.store_path, settings.base)  # as another `kg ingest` would
    try:
        with pytest.raises(StoreInUse, match="in use"):
            ingest([SEEDS], settings)
    finally:
        holder.close()
        holder.close()  # closing twice does nothing
    ingest([SEEDS], settings)  # free again


def test_articles_are_extracted_in_chunks_and_rounds(settings: Settings,
                                                     monkeypatch: pytest.MonkeyPatch):
    from kg import ingest as ingest_module
    from kg.entities import Extractor

    calls: list[tuple[int, KnownEntities]] = []
    real = Extractor(settings)

    class Recording:
        mode = real.mode

        def extract(self, articles, known=None):
            calls.append((len(articles), known))
            return real.extract(articles, known=known)

    monkeypatch.setattr(ingest_module, "CHUNK", 5)
    monkeypatch.setattr(ingest_module, "ROUND", 10)
    report = ingest([SEEDS, CORPUS], settings.replace(ingest_processes=1),
                    extractor=Recording())
    assert [size for size, _ in calls] == [5, 5, 5, 5, 5]
    assert report.snapshot is not None and report.snapshot.stats.articles == 25
    rounds = [known for _, known in calls]
    # The chunks of a round see the same known entities; a later round also what earlier
    # rounds named.
    assert rounds[0] is rounds[1] and rounds[2] is rounds[3] and rounds[1] is not rounds[2]
    assert not rounds[0].persons
    assert set(rounds[0].persons) < set(rounds[2].persons) < set(rounds[4].persons)


def records(settings: Settings) -> list[tuple[str, str, str | None, str | None]]:
    return [(Path(r.path).name, r.state, r.article_key, r.reason)
            for r in Ledger(settings.ledger_path).files()]


def test_the_result_does_not_depend_on_the_number_of_processes(
        settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kg import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "CHUNK", 4)  # several chunks and rounds from 42 files
    monkeypatch.setattr(ingest_module, "ROUND", 8)
    one = settings.replace(ingest_processes=1)
    two = settings.replace(ingest_processes=2, data_dir=tmp_path / "two")
    assert ingest(ALL, one).processes == 1
    assert ingest(ALL, two).processes == 2
    assert records(one) == records(two)
    assert isomorphic(content(dataset(one)), content(dataset(two)))


class FailsOn:
    """An extractor that fails on articles whose title has ``word`` (or kills its process)."""

    def __init__(self, word: str, settings: Settings, kill: bool = False):
        from kg.entities import Extractor

        self.word, self.kill, self.real = word, kill, Extractor(settings)
        self.mode = self.real.mode

    def extract(self, articles, known=None):
        for article in articles:
            if self.word in article.title:
                if self.kill:
                    os._exit(9)  # as the kernel's out-of-memory killer would
                raise ValueError(f"injected failure\non {article.title}")
        return self.real.extract(articles, known=known)


@pytest.mark.parametrize("processes", [1, 2])
def test_an_unexpected_error_rejects_that_article_only(
        settings: Settings, processes: int, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture):
    from kg import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "CHUNK", 8)
    settings = settings.replace(ingest_processes=processes)
    report = ingest([SEEDS, CORPUS], settings, extractor=FailsOn("Messi", settings))
    (failed,) = report.rejected
    assert "world-cup" in failed.path and failed.reason == "failed"
    assert "injected failure" in failed.message and "\n" not in failed.message
    assert "Traceback" not in failed.message
    assert report.tally() == {"ingested": 24, "duplicate": 1, "rejected": 1}
    if processes == 1:  # the operator's log has the traceback
        assert "Traceback" in caplog.text or any(r.exc_info for r in caplog.records)
    # Running again does not crash, and completes the run once the failure is gone.
    assert ingest([SEEDS, CORPUS], settings).tally() == {
        "ingested": 1, "unchanged": 24, "duplicate": 1}


def test_an_article_that_kills_its_worker_is_rejected_alone(
        settings: Settings, monkeypatch: pytest.MonkeyPatch):
    from kg import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "CHUNK", 8)
    settings = settings.replace(ingest_processes=2)
    report = ingest([SEEDS, CORPUS], settings,
                    extractor=FailsOn("Messi", settings, kill=True))
    (failed,) = report.rejected
    assert "world-cup" in failed.path and failed.reason == "failed"
    assert "worker process died" in failed.message
    assert report.tally() == {"ingested": 24, "duplicate": 1, "rejected": 1}


def test_an_error_while_storing_rejects_that_article_only(
        settings: Settings, monkeypatch: pytest.MonkeyPatch):
    real = OxigraphStore.replace_article

    def fails_on_one(self, key, statements, *, drop=()):
        if "Messi" in statements.article:
            raise OSError("injected store failure")
        return real(self, key, statements, drop=drop)

    monkeypatch.setattr(OxigraphStore, "replace_article", fails_on_one)
    report = ingest([SEEDS, CORPUS], settings)
    (failed,) = report.rejected
    assert "world-cup" in failed.path and failed.reason == "failed"
    assert "injected store failure" in failed.message
    assert report.snapshot is not None and report.snapshot.stats.articles == 24


@pytest.mark.model
@pytest.mark.e2e  # slow once long texts are processed in pieces
def test_an_article_of_exactly_the_size_cap_never_stops_the_batch(settings: Settings,
                                                                   tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_6dffb495a35dd12c.txt", folder / "a-seed.txt")
    header = b"Published Time: 2023-05-01\nTitle: A very long article\nAuthor: Ann Lee\nText:\n"
    line = b"Wang Yi met Kassym-Jomart Tokayev in Astana on Tuesday to talk about trade.\n"
    body = line * ((settings.max_file_bytes - len(header)) // len(line))
    big = header + body + b"x" * (settings.max_file_bytes - len(header) - len(body))
    assert len(big) == settings.max_file_bytes
    (folder / "b-big.txt").write_bytes(big)
    shutil.copy(CORPUS / "001_xi-tokayev-nur-sultan-talks.txt", folder / "c-other.txt")
    model = settings.replace(ner="model", ingest_processes=1)
    report = ingest([folder], model)
    assert len(Ledger(model.ledger_path).files()) == 3  # every file recorded
    big_outcome = next(o for o in report.outcomes if o.path.endswith("b-big.txt"))
    assert big_outcome.state == "ingested" or big_outcome.reason in REASONS
    assert report.tally().get("ingested", 0) >= 2
    again = ingest([folder], model)  # re-running does not crash either
    assert len(again.outcomes) == 3


def test_progress_advances_with_each_chunk_stored(settings: Settings,
                                                 monkeypatch: pytest.MonkeyPatch):
    from kg import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "CHUNK", 4)
    monkeypatch.setattr(ingest_module, "ROUND", 8)
    steps: list[int] = []
    report = ingest(ALL, settings.replace(ingest_processes=1), progress=steps.append)
    assert sum(steps) == report.files == len(report.outcomes)
    # Each file settled when read (rejected, duplicate) at once; the 27 articles a chunk at a
    # time as they are stored (rounds of 8: 4 + 4, 4 + 4, 4 + 4, 3), never a round at once.
    assert [n for n in steps if n > 1] == [4, 4, 4, 4, 4, 4, 3]
    assert steps.count(1) == report.files - 27


def write_article(path: Path, title: str, day: str = "2023-04-05",
                  body: str = "Wang Yi met Kassym-Jomart Tokayev in Astana.") -> Path:
    path.write_text(f"Published Time: {day}\nTitle: {title}\nAuthor: Ann Lee\nText:\n{body}\n")
    return path


def headlines(settings: Settings) -> set[str]:
    return {str(h) for h in content(dataset(settings)).objects(None, ox_schema("headline"))}


def test_a_corrected_title_in_another_file_replaces_the_article(settings: Settings,
                                                                tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    first = write_article(folder / "a.txt", "Wang Yi meets Tokayv")
    assert ingest([folder], settings).tally() == {"ingested": 1}
    write_article(folder / "b.txt", "Wang Yi meets Tokayev")  # same date and text
    report = ingest([folder], settings)
    assert report.tally() == {"superseded": 1, "updated": 1}
    assert headlines(settings) == {"Wang Yi meets Tokayev"}  # never both
    record = Ledger(settings.ledger_path).get(str(first))
    assert record.state == "superseded" and record.duplicate_of == str(folder / "b.txt")
    again = ingest([folder], settings)  # running again changes nothing
    assert again.tally() == {"unchanged": 2} and again.snapshot is None


def test_two_titles_of_one_article_in_one_run_keep_the_later_file(settings: Settings,
                                                                  tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder / "a.txt", "Wang Yi meets Tokayv")
    write_article(folder / "b.txt", "Wang Yi meets Tokayev")
    report = ingest([folder], settings)
    assert report.tally() == {"superseded": 1, "updated": 1}
    assert report.snapshot.stats.articles == 1
    assert headlines(settings) == {"Wang Yi meets Tokayev"}
    assert ingest([folder], settings).tally() == {"unchanged": 2}


def test_the_same_text_on_another_date_is_another_article(settings: Settings, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder / "a.txt", "Weekly briefing", day="2023-04-05")
    write_article(folder / "b.txt", "Weekly briefing, again", day="2023-04-12")
    report = ingest([folder], settings)
    assert report.tally() == {"ingested": 2} and report.snapshot.stats.articles == 2


@pytest.mark.model
@pytest.mark.e2e  # slow: a spaCy model per worker; workers run linear algebra on one thread
def test_names_found_by_the_model_do_not_depend_on_the_number_of_processes(
        settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kg import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "CHUNK", 8)
    one = settings.replace(ner="model", ingest_processes=1)
    two = settings.replace(ner="model", ingest_processes=2, data_dir=tmp_path / "two")
    ingest([SEEDS, CORPUS], one)
    ingest([SEEDS, CORPUS], two)
    assert records(one) == records(two)
    assert isomorphic(content(dataset(one)), content(dataset(two)))


def test_ctrl_c_is_not_lost_where_python_swallows_the_keyboardinterrupt(
    settings: Settings, tmp_path: Path
):
    """A KeyboardInterrupt raised inside a finaliser or a callback is reported and dropped by
    Python; the ingest still stops at the next chunk."""
    from benchmarks.generate import generate

    folder = tmp_path / "many"
    folder.mkdir()
    generate(100, folder)
    calls: list[int] = []

    def progress(n: int) -> None:
        calls.append(n)
        if len(calls) == 1:
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.5)  # the handler runs here, and its exception is swallowed
            except KeyboardInterrupt:
                pass
    # as in a terminal (a CI job may have been started with Ctrl-C ignored)
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            ingest([folder], settings.replace(ingest_processes=1), progress=progress)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
    finally:
        signal.signal(signal.SIGINT, inherited)
    assert sum(calls) < 100  # stopped before the end


def test_every_worker_process_starts_at_once(settings: Settings):
    from kg.workers import Workers

    with Workers(settings, 2) as workers:
        # no job yet: both start up side by side, not the second when the first is busy
        processes = list((workers._pool._processes or {}).values())
        assert len(processes) == 2 and all(p.is_alive() for p in processes)
