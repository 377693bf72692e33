"""``kg serve``: the web app under gunicorn with production defaults, or Flask's dev server.

Threaded workers (``gthread``): a slow client downloading a dump holds one thread, not a whole
worker process, and pyoxigraph releases the GIL while it reads. Each worker builds its own app
(no preloading), so the query processes a worker starts belong to it alone.
"""

from __future__ import annotations

import sys
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from kg.settings import Settings
from kg.snapshots import SnapshotError, current
from kg.web.app import create_app

THREADS = 4
# A worker that stays silent this long after the query limit is stuck, not busy: restart it.
HEARTBEAT_MARGIN = 30.0
GRACEFUL_SECONDS = 30


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """gunicorn run from Python: its options come from newskg's settings, not a config file."""

    def __init__(self, settings: Settings, options: dict[str, Any]):
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            if name in self.cfg.settings:  # older gunicorn versions lack control_socket_*
                self.cfg.set(name, value)

    def load(self) -> Flask:
        return create_app(self.settings)


def options(settings: Settings) -> dict[str, Any]:
    """gunicorn's settings for ``settings``."""
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers,
        "worker_class": "gthread",
        "threads": THREADS,
        "timeout": int(settings.query_timeout + HEARTBEAT_MARGIN),
        "graceful_timeout": GRACEFUL_SECONDS,
        "accesslog": "-" if settings.access_log else None,
        "errorlog": "-",
        # SPARQL over GET can be long; the app answers 414 past max_query_bytes itself.
        "limit_request_line": 0,
        "proc_name": "newskg",
        # One control socket per user would collide between two `kg serve` on one machine.
        "control_socket_disable": True,
    }


def run(settings: Settings, dev: bool = False) -> None:
    """Serve the published snapshot until interrupted; exit with a message if there is none."""
    try:
        snapshot = current(settings.snapshots_dir)
    except SnapshotError as exc:
        sys.exit(f"kg: {exc}")
    if snapshot is None:
        sys.exit(f"kg: nothing published under {settings.data_dir}: run `kg ingest` first")
    print(banner(settings, snapshot.name, snapshot.stats.articles, list(snapshot.examples)),
          flush=True)
    if dev:
        create_app(settings).run(settings.host, settings.port, debug=True, use_reloader=True)
    else:
        _Gunicorn(settings, options(settings)).run()


def banner(settings: Settings, snapshot: str, articles: int, examples: list[str]) -> str:
    """What ``kg serve`` prints: where it listens and URLs to try."""
    here = f"http://{settings.host}:{settings.port}"
    lines = [
        f"newskg: serving snapshot {snapshot} ({articles} articles) on {here}",
        f"  {here}/                   home page",
        f"  {here}/sparql             SPARQL endpoint",
        f"  {here}/dump.ttl           the whole graph",
        f"  {here}/.well-known/void   dataset description",
        f"  identifiers: {settings.base}/id/...",
    ]
    lines += [f"    {iri}" for iri in examples]
    return "\n".join(lines)

