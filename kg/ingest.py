"""The ingest pipeline: read → extract → map → validate → store, and a record of every file.

Reading, extracting, mapping and validating run in worker processes (:mod:`kg.workers`); this
module is the writer, the only serial part: it decides what each file is (new, an update, a
duplicate, a corrected title), stores each article and records each file (:mod:`kg.ledger`).

Every input file ends in exactly one state. An article is committed whole or not at all;
running the same ingest again changes nothing; a crash or Ctrl-C is repaired by running it
again. Bad input is data, not a crash: it is recorded as ``rejected`` with a reason, and so is
an article whose processing failed unexpectedly (``failed``).

The result does not depend on the number of processes. Articles are extracted in chunks of
:data:`CHUNK` (in file order; names learnt in one article of a chunk help the others), and in
rounds of :data:`ROUND` articles: every chunk of a round is extracted with the same known
entities — the store's, plus everything the earlier rounds named.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import folder
from kg.articles import Article, path_text
from kg.entities import Extractor, KnownEntities
from kg.entities.model import Extraction
from kg.inbox import find_files
from kg.ledger import FileRecord, Ledger
from kg.publish import publish
from kg.settings import Settings
from kg.snapshots import Snapshot, SnapshotError, current
from kg.store import ArticleStatements, Store, WritableStore
from kg.vocab import CLASSES
from kg.workers import Done, Job, Rejection, Workers, failure

STAGES = ("read", "extract", "map", "validate", "store", "publish")
CHUNK = 32  # articles extracted together, in one worker: names learnt in one help the others
ROUND = 8 * CHUNK  # articles extracted with the same known entities, in parallel
READ_CHUNK = 64  # files a worker reads at a time
FLUSH = 1000  # articles stored between flushes: the store's memory stays bounded
SUPERSEDED = "the same date and text with a corrected title"

# schema: and newskg: are predefined for every query (kg.vocab.PREFIXES).
_ARTICLE_HASHES = """
SELECT ?g ?hash WHERE { GRAPH ?g { ?g newskg:contentHash ?hash } }
"""
_KNOWN_NAMES = """
SELECT DISTINCT ?type ?name ?alt WHERE {
  ?e a ?type ; schema:name ?name .
  FILTER EXISTS { ?article schema:mentions ?e }
  VALUES ?type { schema:Person schema:Organization schema:Place }
  OPTIONAL { ?e schema:alternateName ?alt }
}
"""


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: a ledger state, or ``unchanged`` when it was already in."""

    path: str
    state: str
    article_key: str | None = None
    reason: str | None = None
    message: str | None = None
    line: int | None = None

    def describe(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}: {self.message}"


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    # Seconds per stage; read, extract, map and validate summed over the worker processes.
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    snapshot: Snapshot | None = None
    extractor_mode: str | None = None
    processes: int = 1
    files: int = 0  # files there were to read

    def tally(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for outcome in self.outcomes:
            counts[outcome.state] += 1
        return dict(counts)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == "rejected"]


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Ingest files and folders into the store under ``settings.data_dir``; publish a snapshot.

    ``extractor``, when given, is the one each worker uses (it is pickled to them).
    Nothing to read: nothing is opened, changed or published (``report.files`` is 0).
    """
    report = IngestReport()
    files = find_files(paths)
    report.files = len(files)
    if not files:
        return report
    report.extractor_mode = (extractor or Extractor(settings)).mode  # a bad setting fails here
    # One chunk is not worth starting processes for: it would run in one anyway. More
    # processes than a round has chunks would wait.
    report.processes = 1 if len(files) <= CHUNK else min(settings.processes, ROUND // CHUNK)
    settings = folder.resolve(settings)
    store = folder.open_for_writing(settings)
    ledger = Ledger(settings.ledger_path)
    try:
        with _ctrl_c() as stop, Workers(settings, report.processes, extractor) as workers:
            run = _Run(settings, store, ledger, workers, report, force,
                       progress or (lambda n: None), stop)
            run.all(files)
        if run.updated:
            with _Timer(report.seconds, "store"):
                store.prune_entities()
        if ledger.changed_since(_published_name(settings)):
            with _Timer(report.seconds, "publish"):
                report.snapshot = publish(store, settings.snapshots_dir)
    finally:
        ledger.close()
        store.close()
    return report


@contextlib.contextmanager
def _ctrl_c() -> Iterator[threading.Event]:
    """Ctrl-C stops the ingest, even when the KeyboardInterrupt it raises lands in a finaliser
    or a callback, where Python reports it and carries on: the writer also checks the returned
    flag between chunks. Outside the main thread, or where Ctrl-C is ignored (a job started in
    the background) or handled by someone else, signals are not ours to handle."""
    stop = threading.Event()
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield stop
        return

    def interrupt(signum: int, frame: object) -> None:
        stop.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


class _Timer:
    def __init__(self, seconds: dict[str, float], stage: str):
        self.seconds, self.stage = seconds, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.seconds[self.stage] += time.perf_counter() - self.start


@dataclass(frozen=True)
class _Pending:
    """An article read and due to be written: its file, the state it will end in, the keys it
    supersedes, and the file whose article it replaces (a corrected title), if any."""

    path: str
    article: Article
    state: str
    drop: tuple[str, ...] = ()
    supersedes: str | None = None


@dataclass
class _Chunk:
    """Articles extracted together; then mapped and validated (those extracted)."""

    articles: list[_Pending]
    extracting: Future[Done]
    extracted: list[Extraction | Rejection] | None = None
    checking: Future[Done] | None = None
    stored: bool = False

    def found(self) -> dict[_Pending, Extraction]:
        """The articles whose names were found, with them."""
        return {pending: extracted
                for pending, extracted in zip(self.articles, self.extracted or (), strict=True)
                if not isinstance(extracted, Rejection)}

    def ready(self) -> bool:
        """Whether its results are all in: it can be stored without waiting."""
        return self.extracted is not None and (self.checking is None or self.checking.done())


class _Run:
    """One ingest: files read in order, decided, processed in rounds, stored in order."""

    def __init__(self, settings: Settings, store: WritableStore, ledger: Ledger,
                 workers: Workers, report: IngestReport, force: bool,
                 progress: Callable[[int], None], stop: threading.Event):
        self.settings, self.store, self.ledger, self.workers = settings, store, ledger, workers
        self.report, self.force, self.progress, self.stop = report, force, progress, stop
        prefix = settings.base + "/doc/article/"
        self.in_store = {row["g"][len(prefix):]: row["hash"]
                         for row in store.select(_ARTICLE_HASHES)}
        self.sources: dict[str, str] = {}  # article key → the file providing it in this run
        self.bodies: dict[str, tuple[str, str]] = {}  # body key → (article key, file), this run
        self.known = known_entities(store)
        self.reported: dict[str, int] = {}  # file → index of its outcome in the report
        self.rounds = 0
        self.stored = 0
        self.updated = False
        self.ingested_at = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def all(self, files: list[Path]) -> None:
        reader = _Reader(self.workers, files, self.report.seconds)
        waiting: list[_Pending] = []
        under_way: list[_Chunk] = []
        for path, read in reader:
            pending = self._decide(path, read)
            if pending is None:
                self.progress(1)
                continue
            waiting.append(pending)
            if len(waiting) == ROUND:
                reader.ahead(ROUND)  # read the next round while this one is processed
                under_way = self._next_round(under_way, waiting)
                waiting = []
        under_way = self._next_round(under_way, waiting)
        self._next_round(under_way, [])

    # --- deciding what each file is -------------------------------------------------------

    def _decide(self, path: Path, read: Article | Rejection) -> _Pending | None:
        """The state a file will end in: settled now (None), or an article to process."""
        name = path_text(path)
        if isinstance(read, Rejection):
            self._reject(name, read)
            return None
        article = read
        key = article.key
        previous = self.ledger.get(name)
        stored_hash = self.in_store.get(key)
        if key in self.sources:
            # Two files carry the same article in one run: the first wins; the second is a
            # duplicate when identical and replaces it when its content differs.
            first = self.sources[key]
            if stored_hash == article.content_hash:
                self._settle(name, "duplicate", article, duplicate_of=first)
                return None
            state = "updated"
        elif (previous is not None and previous.state == "superseded"
              and previous.content_hash == article.content_hash and not self.force):
            # An older title of an article another file corrects: still superseded.
            self._outcome(Outcome(name, "unchanged", key))
            return None
        elif stored_hash == article.content_hash and not self.force:
            owner = self.ledger.source_of(key, name)
            if (previous is not None and previous.article_key == key
                    and previous.state != "rejected"):
                self._outcome(Outcome(name, "unchanged", key))
            elif owner is not None and owner != name:
                self._settle(name, "duplicate", article, duplicate_of=owner)
            else:  # committed before a crash, never recorded: record it now
                self._settle(name, "ingested", article)
            self.sources[key] = name
            self.bodies.setdefault(article.body_key, (key, name))
            return None
        else:
            state = "updated" if stored_hash is not None else "ingested"
        drop: list[str] = []
        # The same file used to carry another article (its title or date was corrected): the
        # new version replaces the old one, unless another file still provides it.
        if (previous is not None and previous.article_key is not None
                and previous.article_key != key and previous.state in ("ingested", "updated")
                and previous.article_key not in self.sources
                and self.ledger.source_of(previous.article_key, name) is None):
            drop.append(previous.article_key)
            state = "updated"
        # Another file carries the same date and text under another title: a corrected
        # headline. The file read later replaces the article of the one read before.
        supersedes = None
        other = self._same_body(article)
        if other is not None and other[0] not in drop:
            drop.append(other[0])
            supersedes, state = other[1], "updated"
        self.sources[key] = name
        self.bodies[article.body_key] = (key, name)
        for dropped in drop:
            self.in_store.pop(dropped, None)
        self.in_store[key] = article.content_hash
        return _Pending(name, article, state, tuple(drop), supersedes)

    def _same_body(self, article: Article) -> tuple[str, str] | None:
        """(article key, file) of another article with the same date and text, if any."""
        found = self.bodies.get(article.body_key)
        if found is not None:
            return found if found[0] != article.key else None
        record = self.ledger.with_body(article.body_key, article.key)
        if record is None or record.article_key is None or record.article_key not in self.in_store:
            return None
        return record.article_key, record.path

    # --- processing in rounds ---------------------------------------------------------------

    def _next_round(self, under_way: list[_Chunk], articles: list[_Pending]) -> list[_Chunk]:
        """Finish the round under way and start the next, with what the finished one taught.

        Each chunk is mapped and validated as soon as its names are found, and the next round
        starts once all the names of this one are found: the workers never wait for the
        writer, nor for each other at the end of a round.
        """
        extractions: list[Extraction] = []
        for chunk in under_way:
            chunk.extracted = self._results(
                chunk.extracting, chunk.articles,
                lambda p: self.workers.extract(self._job([p])))
            found = chunk.found()
            extractions += found.values()
            if found:
                chunk.checking = self.workers.map_and_validate(
                    self._job(list(found)), list(found.values()))
            self._store_ready(under_way)  # what is done is stored (and shown) at once
        if under_way:
            self.known = KnownEntities.from_extractions(extractions, base=self.known)
        started = self._start(articles)
        self._store_ready(under_way, wait=True)
        return started

    def _store_ready(self, chunks: list[_Chunk], wait: bool = False) -> None:
        """Store the chunks, in order, as far as their results are in (all, if ``wait``)."""
        for chunk in chunks:
            if chunk.stored:
                continue
            if not (wait or chunk.ready()):
                return
            found = chunk.found()
            checked = iter(self._results(
                chunk.checking, list(found),
                lambda p, found=found: self.workers.map_and_validate(self._job([p]), [found[p]]),
            ) if chunk.checking else [])
            self._store(chunk.articles, [extracted if isinstance(extracted, Rejection)
                                         else next(checked) for extracted in chunk.extracted])
            chunk.stored = True

    def _start(self, articles: list[_Pending]) -> list[_Chunk]:
        if not articles:
            return []
        self.rounds += 1
        self.workers.share(self.known, self.rounds)
        return [_Chunk(chunk, self.workers.extract(self._job(chunk)))
                for chunk in (articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK))]

    def _job(self, chunk: Sequence[_Pending]) -> Job:
        return Job(tuple(p.article for p in chunk), self.ingested_at)

    def _results(self, future: Future[Done], items: list[_Pending],
                 alone: Callable[[_Pending], Future[Done]]) -> list[Any]:
        done = self.workers.result(future, items, alone)
        for stage, seconds in done.seconds.items():
            self.report.seconds[stage] += seconds
        return done.items

    # --- storing and recording ---------------------------------------------------------------

    def _store(self, chunk: list[_Pending], results: list[ArticleStatements | Rejection]
               ) -> None:
        if self.stop.is_set():  # interrupted, though the KeyboardInterrupt was swallowed
            raise KeyboardInterrupt
        with self.ledger.batch():
            for pending, result in zip(chunk, results, strict=True):
                if isinstance(result, Rejection):
                    self._reject(pending.path, result)
                else:
                    self._commit(pending, result)
        # Said once for the chunk: a burst of single steps would make a progress bar take the
        # wait for the first of them as the time each article takes (a wildly wrong ETA).
        self.progress(len(chunk))

    def _commit(self, pending: _Pending, statements: ArticleStatements) -> None:
        article = pending.article
        if self.stored == 0:
            self.ledger.mark_changed()  # before the first write: publishing is due
        with _Timer(self.report.seconds, "store"):
            try:
                self.store.replace_article(article.key, statements, drop=pending.drop)
            except Exception as exc:
                self._reject(pending.path, failure(exc, f"storing {pending.path}"))
                return
            self.stored += 1
            if self.stored % FLUSH == 0:
                self.store.flush()
        self.updated = self.updated or pending.state == "updated"
        self._settle(pending.path, pending.state, article)
        if pending.supersedes is not None:
            old = self.ledger.get(pending.supersedes)
            if old is not None and old.state in ("ingested", "updated"):
                self.ledger.record(FileRecord(
                    old.path, "superseded", old.article_key, old.content_hash,
                    message=SUPERSEDED, duplicate_of=pending.path, body_key=old.body_key))
                self._outcome(Outcome(old.path, "superseded", old.article_key,
                                      message=f"{SUPERSEDED} in {pending.path}"))

    def _settle(self, path: str, state: str, article: Article,
                duplicate_of: str | None = None) -> None:
        self.ledger.record(FileRecord(path, state, article.key, article.content_hash,
                                      duplicate_of=duplicate_of, body_key=article.body_key))
        self._outcome(Outcome(path, state, article.key))

    def _reject(self, path: str, rejection: Rejection) -> None:
        self.ledger.record(FileRecord(path, "rejected", reason=rejection.code,
                                      message=rejection.message, line=rejection.line))
        self._outcome(Outcome(path, "rejected", None, rejection.code, rejection.message,
                              rejection.line))

    def _outcome(self, outcome: Outcome) -> None:
        """Report a file's outcome; a file superseded later in the run is reported so."""
        outcomes = self.report.outcomes
        if outcome.path in self.reported:
            outcomes[self.reported[outcome.path]] = outcome
        else:
            self.reported[outcome.path] = len(outcomes)
            outcomes.append(outcome)


class _Reader:
    """The files' contents in order, read by the workers a little ahead of the writer."""

    def __init__(self, workers: Workers, files: list[Path], seconds: dict[str, float]):
        self.workers, self.files, self.seconds = workers, files, seconds
        self.requested = 0
        self.queue: deque[tuple[list[Path], Future]] = deque()

    def ahead(self, count: int) -> None:
        """Ask for the next ``count`` files now (before work that would queue ahead of them)."""
        target = min(len(self.files), self.requested + count)
        while self.requested < target:
            paths = self.files[self.requested:self.requested + READ_CHUNK]
            self.requested += len(paths)
            self.queue.append((paths, self.workers.read(paths)))

    def __iter__(self) -> Iterator[tuple[Path, Article | Rejection]]:
        while self.queue or self.requested < len(self.files):
            if len(self.queue) < 2:
                self.ahead(READ_CHUNK * max(2, self.workers.processes))
            paths, future = self.queue.popleft()
            done = self.workers.result(future, paths, lambda p: self.workers.read([p]))
            self.seconds["read"] += done.seconds.get("read", 0.0)
            yield from zip(paths, done.items, strict=True)


def _published_name(settings: Settings) -> str | None:
    """The current snapshot's name; None when there is none, or none that can be read (then
    publishing again is due)."""
    try:
        published = current(settings.snapshots_dir)
    except SnapshotError:
        return None
    return published.name if published else None


def known_entities(store: Store) -> KnownEntities:
    """People, organisations and places already in the store, with their alternate names.

    ``kg ingest`` resolves new articles against them, and ``kg extract`` against those of the
    published snapshot, so that both link the same entities.
    """
    kinds = {iri: kind for kind, iri in CLASSES.items() if kind != "article"}
    names: dict[str, dict[str, set[str]]] = {kind: defaultdict(set) for kind in kinds.values()}
    for row in store.select(_KNOWN_NAMES):
        aliases = names[kinds[row["type"]]][row["name"]]
        if "alt" in row:
            aliases.add(row["alt"])
    return KnownEntities(**{
        kind + "s": {name: tuple(sorted(alts)) for name, alts in table.items()}
        for kind, table in names.items()
    })
