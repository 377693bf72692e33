"""``kg serve``: the web app under gunicorn with production defaults, or Flask's dev server.

Threaded workers (``gthread``): a slow client downloading a dump holds one thread, not a whole
worker process, and pyoxigraph releases the GIL while it reads. Each worker builds its own app
(no preloading), so the query processes a worker starts belong to it alone.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from kg.settings import Settings, env_name
from kg.snapshots import Snapshot, SnapshotError, current
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
    """Serve the published snapshot until interrupted; exit with a message if there is none,
    or if the address is taken."""
    try:
        snapshot = current(settings.snapshots_dir)
    except SnapshotError as exc:
        sys.exit(f"kg: {exc}")
    if snapshot is None:
        sys.exit(f"kg: nothing published under {settings.data_dir}: run `kg ingest` first")
    taken = _address_taken(settings.host, settings.port)
    if taken:
        sys.exit(f"kg: cannot listen on {settings.host}:{settings.port}: {taken} (another "
                 f"`kg serve`? choose another with --port or {env_name('port')})")
    print(banner(settings, snapshot), flush=True)
    if dev:
        create_app(settings).run(settings.host, settings.port, debug=True, use_reloader=True)
    else:
        _Gunicorn(settings, options(settings)).run()


def banner(settings: Settings, snapshot: Snapshot) -> str:
    """What ``kg serve`` prints: where it listens, URLs to try there, and the data's base."""
    here = f"http://{settings.host}:{settings.port}"
    lines = [
        f"newskg: serving snapshot {snapshot.name} ({snapshot.stats.articles} articles) on "
        f"{here}",
        f"  {here}/                   home page",
        f"  {here}/sparql             SPARQL endpoint",
        f"  {here}/dump.ttl           the whole graph",
        f"  {here}/.well-known/void   dataset description",
        f"  identifiers are minted under {snapshot.base}/id/ (recorded with the data); "
        "examples here:",
    ]
    lines += [f"    {here}{iri[len(snapshot.base):]}" for iri in snapshot.examples
              if iri.startswith(snapshot.base + "/")]
    return "\n".join(lines)


def _address_taken(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on, or None when it can (gunicorn would retry a
    taken address for five seconds after saying it serves)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        return str(exc)
    family, kind, protocol, _, address = infos[0]
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None
