"""The one settings table.

Every tunable is declared once here, with its default, its environment variable and a line of
help. The CLI, the README's settings table, the service's ``/-/settings`` page and a test all read
this table, so a setting cannot exist without being documented.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ENV_PREFIX = "NEWSKG_"
DEFAULT_BASE = "http://localhost:5000"  # for a data folder's first ingest, when none is given


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """All of newskg's settings. Build with :meth:`from_env`; override with :meth:`replace`."""

    base_iri: str = _setting(
        "",
        "Base of every minted IRI: the public URL the service is reached at. Recorded with the "
        f"data at its first ingest ({DEFAULT_BASE} if unset); later commands use the recorded "
        "one, and stop if given another (see `kg rebase`).",
    )
    data_dir: Path = _setting(
        Path("data"), "Folder holding the store, the ingest record and published snapshots."
    )
    cache_dir: Path = _setting(
        Path("~/.cache/newskg"),
        "Folder for what newskg builds once and reuses: the name finder's word lists (~4 MB, "
        "built again when newskg or its data packages change).",
    )
    publisher_name: str = _setting("Global Times", "Name of the publisher of the articles.")
    publisher_url: str = _setting(
        "https://www.globaltimes.cn/", "Web site of the publisher (schema:url)."
    )
    language: str = _setting("en", "Language of the articles (schema:inLanguage, BCP 47).")
    include_body: bool = _setting(
        True, "Publish the article text (schema:articleBody); turn off when its licence forbids."
    )
    license: str = _setting(
        "https://creativecommons.org/licenses/by/4.0/",
        "Licence IRI of the published dataset (dct:license in the VoID description).",
    )
    max_field_chars: int = _setting(1000, "Longest header value accepted, in characters.")
    max_file_bytes: int = _setting(
        2_000_000, "Largest article file accepted, in bytes (checked before reading it)."
    )
    ner: str = _setting(
        "auto",
        "Name finder: 'model' (spaCy), 'rules' (no model), or 'auto' (model when installed).",
    )
    ner_batch_size: int = _setting(32, "Articles per spaCy batch (nlp.pipe).")
    ingest_processes: int = _setting(
        0,
        "Worker processes `kg ingest` reads, finds names, maps and validates articles in (each "
        "loads the spaCy model, ~260 MiB); 0: one per CPU core; at most 8 are used.",
    )
    wikidata_table: str = _setting(
        "",
        "Reviewed CSV (name,type,wikidata QID) of sameAs links; empty for none.",
    )
    wikidata_online: bool = _setting(
        False, "Opt in to Wikidata's search API for sameAs links (cached; off by default)."
    )
    host: str = _setting("127.0.0.1", "Address `kg serve` listens on.")
    port: int = _setting(5000, "Port `kg serve` listens on.")
    workers: int = _setting(2, "Worker processes of `kg serve` (granian).")
    threads: int = _setting(
        16, "Python threads answering requests in each worker; requests beyond wait in granian, "
        "holding no thread.",
    )
    header_timeout: float = _setting(
        10.0, "Seconds a client may take to send its request headers before it is disconnected.",
    )
    rate_limit: int = _setting(
        20, "Requests a second one client may make to each worker (bursts of twice as many); "
        "more get 429 with Retry-After; 0: no limit. /health is never limited.",
    )
    client_requests: int = _setting(
        4, "Requests one client may have in flight at once in each worker (a slow client holds "
        "a thread until its last byte); more get 429 with Retry-After; 0: no limit.",
    )
    client_queries: int = _setting(
        1, "SPARQL queries one client may have running at once in each worker; more get 429 "
        "with Retry-After (answers from the cache do not count); 0: no limit.",
    )
    trusted_proxies: int = _setting(
        0, "Reverse proxies in front of `kg serve` whose X-Forwarded-For, -Proto, -Host and "
        "-Prefix headers are believed (0: none; such headers are then ignored).",
    )
    access_log: bool = _setting(
        True, "Log every request on standard output (costs ~15% of the rate of cheap requests)."
    )
    query_timeout: float = _setting(
        30.0, "Seconds a SPARQL query may run before it is stopped (503)."
    )
    max_rows: int = _setting(
        10000, "Most result rows or triples a query returns; more is truncated, and said so."
    )
    doc_articles: int = _setting(
        500, "Most articles a person's, organisation's or place's page lists; more is truncated, "
        "and said so."
    )
    max_query_bytes: int = _setting(
        65536, "Longest SPARQL query accepted, in bytes (413 for POST, 414 for GET)."
    )
    query_processes: int = _setting(
        2, "Queries that may run at once per web worker; more wait briefly, then get 503."
    )
    query_memory_mb: int = _setting(
        2048, "Memory cap of a query process, in MiB; a query over it is stopped (503)."
    )
    cache_mb: int = _setting(
        64, "Memory per web worker for answers to repeated requests (SPARQL, documents); 0: off."
    )
    query_wait: float = _setting(
        2.0, "Seconds a query waits for a free query process before a 503 with Retry-After."
    )

    def __post_init__(self) -> None:
        # Made absolute once, where the command was run: a relative folder would be read against
        # other folders later (Flask's send_file reads one against the app's package).
        object.__setattr__(self, "data_dir", Path(self.data_dir).absolute())
        object.__setattr__(self, "cache_dir", Path(self.cache_dir).expanduser().absolute())

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Read ``NEWSKG_*`` variables, then apply explicit overrides (e.g. CLI options)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(env_name(f.name))
            if raw is not None and raw != "":
                values[f.name] = _convert(f.name, f.default, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_env(self) -> dict[str, str]:
        """These settings as the ``NEWSKG_*`` variables :meth:`from_env` reads back."""
        return {env_name(f.name): str(getattr(self, f.name)) for f in fields(self)}

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; None values (options not given) change nothing."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def base(self) -> str:
        """The base IRI without a trailing slash (see :func:`kg.folder.resolve` for the one
        recorded with the data)."""
        return (self.base_iri or DEFAULT_BASE).rstrip("/")

    @property
    def processes(self) -> int:
        """Worker processes for ingest: ``ingest_processes``, or one per CPU core when 0."""
        if self.ingest_processes > 0:
            return self.ingest_processes
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)

    @property
    def store_path(self) -> Path:
        return self.data_dir / "store"

    @property
    def ledger_path(self) -> Path:
        return self.data_dir / "ingest.sqlite"

    @property
    def snapshots_dir(self) -> Path:
        return self.data_dir / "snapshots"


def env_name(name: str) -> str:
    return ENV_PREFIX + name.upper()


def _convert(name: str, default: Any, raw: str) -> Any:
    try:
        if isinstance(default, bool):
            lowered = raw.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if isinstance(default, Path):
            return Path(raw)
        return type(default)(raw)
    except ValueError:
        raise SettingsError(
            f"{env_name(name)}={raw!r} is not a valid {type(default).__name__}"
        ) from None


class SettingsError(ValueError):
    """A setting's value cannot be used."""


def describe() -> list[dict[str, Any]]:
    """The settings table: name, environment variable, default and help of each setting."""
    return [
        {
            "name": f.name,
            "env": env_name(f.name),
            "default": str(f.default),
            "help": f.metadata["help"],
        }
        for f in fields(Settings)
    ]
