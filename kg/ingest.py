"""The ingest pipeline: read → extract → map → validate → store, and a record of every file.

Every input file ends in exactly one state (see :mod:`kg.ledger`). An article is committed whole
or not at all; running the same ingest again changes nothing; a crash is repaired by running it
again. Bad input is data, not a crash: it is recorded as ``rejected`` with a reason.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.articles import Article, ArticleError, read_article
from kg.entities import Extractor, KnownEntities
from kg.entities.model import Extraction
from kg.ledger import FileRecord, Ledger
from kg.mapping import map_article
from kg.publish import Snapshot, current, publish
from kg.settings import Settings
from kg.store.embedded import OxigraphStore
from kg.validation import validate_graph

STAGES = ("read", "extract", "map", "validate", "store", "publish")
BATCH = 1000  # articles extracted together: enough for names to help each other, bounded memory

_ARTICLE_HASHES = """
PREFIX newskg: <https://w3id.org/newskg/ns#>
SELECT ?g ?hash WHERE { GRAPH ?g { ?g newskg:contentHash ?hash } }
"""
_KNOWN_NAMES = """
PREFIX schema: <http://schema.org/>
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
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    snapshot: Snapshot | None = None
    extractor_mode: str | None = None

    def tally(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for outcome in self.outcomes:
            counts[outcome.state] += 1
        return dict(counts)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == "rejected"]


def scan(paths: Iterable[Path], pattern: str = "*.txt") -> tuple[list[Path], list[Path]]:
    """The files to read and the files passed over, each sorted, in one walk.

    Files named are read whatever their name; below folders named, the files matching
    ``pattern`` are read (hidden ones skipped) and the others are passed over.
    """
    found: set[Path] = set()
    others: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.add(path)
            continue
        for file in _visible_files(path):
            if file.match(pattern):
                found.add(file)
            else:
                others.append(file)
    return sorted(found), sorted(others)


def find_files(paths: Iterable[Path], pattern: str = "*.txt") -> list[Path]:
    """The files :func:`scan` would read."""
    return scan(paths, pattern)[0]


def _visible_files(folder: Path) -> Iterator[Path]:
    for p in folder.rglob("*"):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts):
            yield p


class _Timer:
    def __init__(self, seconds: dict[str, float], stage: str):
        self.seconds, self.stage = seconds, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.seconds[self.stage] += time.perf_counter() - self.start


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Ingest files and folders into the store under ``settings.data_dir``; publish a snapshot."""
    report = IngestReport()
    files = find_files(paths)
    store = OxigraphStore(settings.store_path, settings.base)
    ledger = Ledger(settings.ledger_path)
    try:
        _run(files, settings, store, ledger, report, force, progress or (lambda n: None),
             extractor)
        if any(o.state == "updated" for o in report.outcomes):
            with _Timer(report.seconds, "store"):
                store.prune_entities()
        if any(o.state in ("ingested", "updated") for o in report.outcomes) or (
            current(settings.snapshots_dir) is None
        ):
            with _Timer(report.seconds, "publish"):
                report.snapshot = publish(store, settings.snapshots_dir)
    finally:
        ledger.close()
        store.close()
    return report


def _run(
    files: list[Path],
    settings: Settings,
    store: OxigraphStore,
    ledger: Ledger,
    report: IngestReport,
    force: bool,
    progress: Callable[[int], None],
    extractor: Extractor | None,
) -> None:
    prefix = settings.base + "/doc/article/"
    in_store = {row["g"][len(prefix):]: row["hash"] for row in store.select(_ARTICLE_HASHES)}
    sources: dict[str, str] = {}  # article key → the file that provides it in this run
    writer = _Writer(settings, store, ledger, report, progress, extractor)
    pending: list[_Pending] = []

    for path in files:
        name = str(path)
        with _Timer(report.seconds, "read"):
            try:
                article = read_article(
                    path, max_file_bytes=settings.max_file_bytes,
                    max_field_chars=settings.max_field_chars,
                )
            except ArticleError as exc:
                _reject(ledger, report, name, exc.code, exc.message, exc.line)
                progress(1)
                continue
        key = article.key
        previous = ledger.get(name)
        stored_hash = in_store.get(key)
        if key in sources:
            # Two files carry the same article in one run: the first wins; the second is a
            # duplicate when identical and replaces it when its content differs.
            first = sources[key]
            if stored_hash == article.content_hash:
                _settle(ledger, report, name, "duplicate", article, duplicate_of=first)
                progress(1)
                continue
            state = "updated"
        elif stored_hash == article.content_hash and not force:
            owner = ledger.source_of(key, name)
            already = previous is not None and previous.article_key == key
            if already and previous.state != "rejected":  # type: ignore[union-attr]
                report.outcomes.append(Outcome(name, "unchanged", key))
            elif owner is not None and owner != name:
                _settle(ledger, report, name, "duplicate", article, duplicate_of=owner)
            else:  # committed before a crash, never recorded: record it now
                _settle(ledger, report, name, "ingested", article)
            sources[key] = name
            progress(1)
            continue
        else:
            state = "updated" if stored_hash is not None else "ingested"
        # The same file used to carry another article (its title or date was corrected): the
        # new version replaces the old one, unless another file still provides it.
        drop: tuple[str, ...] = ()
        if (previous is not None and previous.article_key not in (None, key)
                and previous.state in ("ingested", "updated")
                and ledger.source_of(previous.article_key, name) is None):
            drop, state = (previous.article_key,), "updated"  # type: ignore[assignment]
        sources[key] = name
        in_store[key] = article.content_hash
        pending.append(_Pending(name, article, state, drop))
        if len(pending) >= BATCH:
            writer.write(pending)
            pending = []
    writer.write(pending)


@dataclass(frozen=True)
class _Pending:
    """An article read and due to be written: its file, the state it will end in, what it
    supersedes."""

    path: str
    article: Article
    state: str
    drop: tuple[str, ...]


class _Writer:
    """Extracts, maps, validates and stores articles a batch at a time.

    Batches bound memory whatever the archive's size. Names learnt in one batch (full names,
    acronyms) carry over to the next, as those already in the store do.
    """

    def __init__(self, settings: Settings, store: OxigraphStore, ledger: Ledger,
                 report: IngestReport, progress: Callable[[int], None],
                 extractor: Extractor | None):
        self.settings, self.store, self.ledger = settings, store, ledger
        self.report, self.progress, self.extractor = report, progress, extractor
        self.known: KnownEntities | None = None
        self.ingested_at = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def write(self, batch: list[_Pending]) -> None:
        if not batch:
            return
        report = self.report
        if self.extractor is None:
            self.extractor = Extractor(self.settings)
        report.extractor_mode = self.extractor.mode
        if self.known is None:
            self.known = known_entities(self.store)
        with _Timer(report.seconds, "extract"):
            extractions = self.extractor.extract([p.article for p in batch], known=self.known)
            self.known = KnownEntities.from_extractions(extractions, base=self.known)
        for pending, extraction in zip(batch, extractions, strict=True):
            self._write_one(pending, extraction)
            self.progress(1)
        with _Timer(report.seconds, "store"):
            self.store.flush()

    def _write_one(self, pending: _Pending, extraction: Extraction) -> None:
        report, article = self.report, pending.article
        with _Timer(report.seconds, "map"):
            mapped = map_article(article, extraction, self.settings,
                                 source=Path(pending.path).name, ingested_at=self.ingested_at)
        with _Timer(report.seconds, "validate"):
            result = validate_graph(mapped.combined())
        if not result.conforms:
            message = "; ".join(str(v) for v in result.violations[:5])
            _reject(self.ledger, report, pending.path, "invalid", message, None)
            return
        with _Timer(report.seconds, "store"):
            self.store.replace_article(article.key, mapped.graph, mapped.entities,
                                       drop=pending.drop)
            _settle(self.ledger, report, pending.path, pending.state, article)


def known_entities(store: OxigraphStore) -> KnownEntities:
    """People, organisations and places already in the store, with their alternate names.

    ``kg ingest`` resolves new articles against them, and ``kg extract`` against those of the
    published snapshot, so that both link the same entities.
    """
    kinds = {
        "http://schema.org/Person": "person",
        "http://schema.org/Organization": "organization",
        "http://schema.org/Place": "place",
    }
    names: dict[str, dict[str, set[str]]] = {kind: defaultdict(set) for kind in kinds.values()}
    for row in store.select(_KNOWN_NAMES):
        aliases = names[kinds[row["type"]]][row["name"]]
        if "alt" in row:
            aliases.add(row["alt"])
    return KnownEntities(**{
        kind + "s": {name: tuple(sorted(alts)) for name, alts in table.items()}
        for kind, table in names.items()
    })


def _settle(
    ledger: Ledger, report: IngestReport, path: str, state: str, article: Article,
    duplicate_of: str | None = None,
) -> None:
    ledger.record(FileRecord(path, state, article.key, article.content_hash,
                             duplicate_of=duplicate_of))
    report.outcomes.append(Outcome(path, state, article.key))


def _reject(
    ledger: Ledger, report: IngestReport, path: str, code: str, message: str, line: int | None
) -> None:
    ledger.record(FileRecord(path, "rejected", reason=code, message=message, line=line))
    report.outcomes.append(Outcome(path, "rejected", None, code, message, line))
