"""The per-article pipeline — read, extract, map, validate — run in worker processes.

:class:`Pipeline` does the work for a chunk of files or articles; :class:`Workers` runs it in
``settings.ingest_processes`` worker processes (or in this process when that is 1). Each worker
loads the spaCy model once, ignores Ctrl-C (the writer stops the pool) and dies with its parent.

Nothing one article does stops the others: an error while reading, extracting, mapping or
validating it becomes a :class:`Rejection` (code ``failed``, one line; the traceback goes to the
log), and an article that kills its worker process is found by running the chunk's articles
again one at a time (:meth:`Workers.result`).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.articles import Article, ArticleError, read_article, source_name
from kg.entities import Extractor, KnownEntities
from kg.entities.model import Extraction
from kg.mapping import map_article
from kg.settings import Settings
from kg.store import ArticleStatements
from kg.validation import validate_graph

log = logging.getLogger("kg.ingest")


class WorkersError(RuntimeError):
    """The worker processes cannot run at all."""


@dataclass(frozen=True)
class Rejection:
    """Why a file or article was not taken: a reason code, a one-line message, the line."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class Job:
    """A chunk of articles to extract together (with the same known entities), map and
    validate."""

    articles: tuple[Article, ...]
    ingested_at: dt.datetime


@dataclass
class Done:
    """What a chunk gave, item by item, and the seconds each stage took."""

    items: list[Any] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, other: Done) -> None:
        self.items.extend(other.items)
        for stage, seconds in other.seconds.items():
            self.seconds[stage] += seconds

    @contextlib.contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start


def failure(exc: BaseException, what: str) -> Rejection:
    """An unexpected error as a rejection: one line for the record, the traceback to the log."""
    log.error("%s failed", what, exc_info=exc)
    text = str(exc).strip().splitlines()
    detail = f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__
    return Rejection("failed", f"unexpected error ({detail}); the log has the details")


class Pipeline:
    """Reads files, and extracts, maps and validates articles, a chunk at a time."""

    def __init__(self, settings: Settings, extractor: Extractor | None = None):
        self.settings = settings
        self._extractor = extractor

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(self.settings)
        return self._extractor

    def read(self, paths: Sequence[Path]) -> Done:
        done = Done()
        with done.timing("read"):
            done.items = [self._read_one(path) for path in paths]
        return done

    def _read_one(self, path: Path) -> Article | Rejection:
        try:
            return read_article(path, max_file_bytes=self.settings.max_file_bytes,
                                max_field_chars=self.settings.max_field_chars)
        except ArticleError as exc:
            return Rejection(exc.code, exc.message, exc.line)
        except Exception as exc:
            return failure(exc, f"reading {path}")

    def extract(self, job: Job, known: KnownEntities) -> Done:
        """Each article of the job as an :class:`Extraction` or :class:`Rejection`, in order."""
        done = Done()
        with done.timing("extract"):
            done.items = self._extract(job.articles, known)
        return done

    def map_and_validate(self, job: Job, extractions: Sequence[Extraction]) -> Done:
        """Each article of the job, with its extraction, as its graphs (ready to store) or a
        :class:`Rejection`, in order."""
        done = Done()
        done.items = [self._map_and_validate(article, extraction, job.ingested_at, done)
                      for article, extraction in zip(job.articles, extractions, strict=True)]
        return done

    def _extract(self, articles: Sequence[Article],
                 known: KnownEntities) -> list[Extraction | Rejection]:
        try:
            return list(self.extractor.extract(articles, known=known))
        except Exception as exc:
            if len(articles) == 1:
                return [failure(exc, f"finding names in {articles[0].path}")]
        # One article broke the chunk: extract each alone, so that only that one is rejected.
        return [found for article in articles for found in self._extract([article], known)]

    def _map_and_validate(self, article: Article, extraction: Extraction,
                          ingested_at: dt.datetime, done: Done) -> ArticleStatements | Rejection:
        try:
            with done.timing("map"):
                mapped = map_article(article, extraction, self.settings,
                                     source=source_name(article.path), ingested_at=ingested_at)
            with done.timing("validate"):
                result = validate_graph(mapped.combined())
            if result.conforms:  # written here, in parallel: the writer only hands text on
                return mapped.statements()
        except Exception as exc:
            return failure(exc, f"mapping and validating {article.path}")
        return Rejection("invalid", "; ".join(str(v) for v in result.violations[:5]))


# In a worker process: its pipeline, and the known entities it last loaded.
_pipeline: Pipeline | None = None
_known: tuple[str, KnownEntities] | None = None


def _start_worker(settings: Settings, extractor: Extractor | None, parent: int) -> None:
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
    _die_with_parent(parent)
    # One thread of linear algebra per worker: the workers are the parallelism. Set before
    # spaCy loads numpy's OpenBLAS (it reads them once); several spinning threads per process
    # on as many cores as processes made two workers slower than one.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    _pipeline = Pipeline(settings, extractor)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to end this process when the writer dies, even by SIGKILL: no orphans."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)


def _ready() -> None:
    """Nothing: run once to know that a new worker can start."""


def _read_in_worker(paths: Sequence[Path]) -> Done:
    assert _pipeline is not None
    return _pipeline.read(paths)


def _extract_in_worker(job: Job, known_file: str) -> Done:
    global _known
    assert _pipeline is not None
    if _known is None or _known[0] != known_file:
        with open(known_file, "rb") as source:
            _known = (known_file, pickle.load(source))
    return _pipeline.extract(job, _known[1])


def _map_in_worker(job: Job, extractions: Sequence[Extraction]) -> Done:
    assert _pipeline is not None
    return _pipeline.map_and_validate(job, extractions)


class Workers:
    """The pipeline in ``processes`` worker processes; in this process when that is 1.

    Use as a context manager: leaving it (normally, by an error or by Ctrl-C) ends every worker.
    """

    def __init__(self, settings: Settings, processes: int, extractor: Extractor | None = None):
        self.settings, self.processes, self._extractor = settings, processes, extractor
        self._local = Pipeline(settings, extractor) if processes <= 1 else None
        self._pool: ProcessPoolExecutor | None = None
        self._started: Future[None] = _done(None)
        self._known_dir = tempfile.TemporaryDirectory(prefix="newskg-known-")
        self._known_file: str | None = None
        self._known: KnownEntities | None = None

    def __enter__(self) -> Workers:
        if self._local is None:
            self._start()  # the workers start up while the writer opens the store
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()
        self._known_dir.cleanup()

    def share(self, known: KnownEntities, version: int) -> None:
        """What the next jobs extract with: written once, read once by each worker."""
        self._known = known
        if self._local is None:
            if self._known_file is not None:  # no job extracts with it any more
                os.remove(self._known_file)
            self._known_file = os.path.join(self._known_dir.name, f"known-{version}.pickle")
            with open(self._known_file, "wb") as sink:
                pickle.dump(known, sink, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, paths: Sequence[Path]) -> Future[Done]:
        if self._local is not None:
            return _done(self._local.read(paths))
        return self._submit(_read_in_worker, paths)

    def extract(self, job: Job) -> Future[Done]:
        """Extract the job's articles with the known entities last shared."""
        assert self._known is not None, "share() the known entities first"
        if self._local is not None:
            return _done(self._local.extract(job, self._known))
        return self._submit(_extract_in_worker, job, self._known_file)

    def map_and_validate(self, job: Job, extractions: Sequence[Extraction]) -> Future[Done]:
        if self._local is not None:
            return _done(self._local.map_and_validate(job, extractions))
        return self._submit(_map_in_worker, job, extractions)

    def result(self, future: Future[Done], items: Sequence[Any],
               alone: Callable[[Any], Future[Done]]) -> Done:
        """The future's results; if a worker died, each item run again alone: an item that
        kills its worker again is a :class:`Rejection`."""
        try:
            return future.result()
        except BrokenProcessPool:
            self._stop_if_broken()
        done = Done()
        for item in items:
            try:
                done.add(alone(item).result())
            except BrokenProcessPool:
                self._stop_if_broken()
                log.error("a worker process died while processing %s",
                          getattr(item, "path", item))
                done.items.append(Rejection(
                    "failed", "the worker process died while processing it (out of memory?)"))
        return done

    def _stop_if_broken(self) -> None:
        # Futures of a pool already replaced report it broken too: leave the new one be.
        if self._pool is not None and getattr(self._pool, "_broken", False):
            self._stop()

    def _start(self) -> ProcessPoolExecutor:
        self._pool = ProcessPoolExecutor(
            self.processes, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(self.settings, self._extractor, os.getpid()),
        )
        # One job per process: the pool spawns a process for each job no worker is free for,
        # so all of them start up now, side by side, rather than the second on the first job.
        started = [self._pool.submit(_ready) for _ in range(self.processes)]
        self._started = started[0]
        return self._pool

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        pool = self._pool or self._start()
        try:  # a worker that cannot even start is no article's fault
            self._started.result()
        except BrokenProcessPool:
            self._stop()
            raise WorkersError("the ingest's worker processes could not start (the error is "
                               "above)") from None
        return pool.submit(fn, *args)

    def _stop(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # Cancel what has not started and end the workers now: a chunk under way is not
        # waited for (its articles are simply not committed; running again completes them).
        processes = list((pool._processes or {}).values())  # no public way before 3.14
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future
