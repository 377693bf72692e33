"""``kg serve``: the web app under granian with production defaults, or Flask's dev server.

granian (a Rust HTTP server) reads requests on its own event loop and hands Python only complete
ones, so a slow client (one header line a second) holds no Python thread: with gunicorn's
threaded workers, ten such clients kept ``/health`` from answering at all. It refuses a request
head longer than its buffer at once (414 for a URL over 64 KiB, 431 past the buffer), and closes
connections that take longer than ``NEWSKG_HEADER_TIMEOUT`` to send their headers. Measured on
this machine with wrk, it also answers cheap requests about twice as fast as gunicorn
(``benchmarks/serve.py``).

Each worker process builds its own app from the environment (the settings are handed down as
``NEWSKG_*`` variables), so the query processes a worker starts belong to it alone.
"""

from __future__ import annotations

import os
import socket
import sys

from granian import Granian
from granian.constants import Interfaces
from granian.http import HTTP1Settings

from kg.settings import Settings, env_name
from kg.snapshots import Snapshot, SnapshotError, current
from kg.web.app import create_app

GRACEFUL_SECONDS = 30
# The longest request head granian reads: a GET query of NEWSKG_MAX_QUERY_BYTES, %-encoded (up to
# three bytes a byte), and ordinary headers. Past it: 431 before the app is asked.
HEAD_MARGIN = 64 * 1024


def server(settings: Settings) -> Granian:
    """granian configured from ``settings`` (its workers read them from the environment)."""
    return Granian(
        "kg.web.app:create_app",
        factory=True,
        interface=Interfaces.WSGI,
        address=settings.host,
        port=settings.port,
        workers=settings.workers,
        blocking_threads=settings.threads,
        http1_settings=HTTP1Settings(
            header_read_timeout=int(settings.header_timeout * 1000),
            max_buffer_size=3 * settings.max_query_bytes + HEAD_MARGIN,
        ),
        log_access=settings.access_log,
        respawn_failed_workers=True,
        workers_kill_timeout=GRACEFUL_SECONDS,
        process_name="newskg",
    )


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
        return
    os.environ.update(settings.to_env())
    server(settings).serve()


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
    """Why ``host:port`` cannot be listened on, or None when it can (said before the banner, not
    after it by a worker that fails to bind)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        return str(exc)
    family, kind, protocol, _, address = infos[0]
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers bind
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None
