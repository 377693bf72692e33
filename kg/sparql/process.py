"""A query process: runs read queries on a published snapshot, one at a time, for its parent.

Started by :mod:`kg.sparql.pool` as ``python -m kg.sparql.process INBOX OUTBOX MEMORY_MB
SECONDS`` (INBOX and OUTBOX: pipe descriptors it inherits). Before anything else it gives up the
network (:mod:`kg.sparql.sandbox`) and caps its own address space (a query that needs more fails
here, not in the parent); it dies with an alarm if a query outlives the time limit even when
nobody is left to kill it. Each request is one message (JSON); each reply two (a JSON head, then
the serialised results).
"""

from __future__ import annotations

import io
import json
import re
import resource
import signal
import sys
from collections.abc import Callable
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.formats import GRAPHS, RESULTS, TSV, named, serialize
from kg.sparql.guard import QuerySyntaxError, Refused, check, describe
from kg.sparql.sandbox import deny_network
from kg.store import Store, open_store


class _Full(Exception):
    """Raised from inside the serialiser to stop it once the row cap is passed."""


class _Sink(io.RawIOBase):
    """Collects what a writer writes; stops it (:class:`_Full`) past ``size`` bytes or ``lines``
    newlines (TSV writes one row per line)."""

    def __init__(self, size: int | None = None, lines: int | None = None):
        self.buffer = bytearray()
        self.size = size
        self.lines = lines

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        if self.lines is not None:
            self.lines -= data.count(b"\n")
            if self.lines < 0:
                raise _Full
        if self.size is not None and len(self.buffer) > self.size:
            raise _Full
        return len(data)


# The fewest bytes a row of solutions takes in each format: an empty row, with its separator.
_MIN_ROW_BYTES = {"json": len("{},"), "xml": len("<result></result>"), "csv": len("\r\n")}
# Queries whose first row comes only once every row is computed: writing them twice to find
# out whether they pass the row cap would double their cost, so they go straight to _capped.
_MATERIALISED = re.compile(r"\b(?:order|group)\s+by\b")


class Stores:
    """The snapshot store this process has open (a request for another snapshot reopens), and
    an empty store with the same query options, on which the guard's probes are parsed."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._store: Store | None = None
        self._probes: dict[str, Store] = {}

    def get(self, path: str, base: str) -> Store:
        if self._store is None or path != self._path or base != self._store.base:
            self._store = None  # release the old snapshot first
            self._store = open_store(Path(path), base, read_only=True)
            self._path = path
        return self._store

    def probe(self, base: str) -> Store:
        if base not in self._probes:
            self._probes[base] = open_store(None, base)
        return self._probes[base]


def execute(stores: Stores, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one query request; the reply head says what happened, the body is the document."""
    query = request["query"]
    try:
        check(query, stores.probe(request["base"]).query)
    except Refused as exc:
        return {"error": "refused", "message": str(exc)}, b""
    except QuerySyntaxError as exc:
        return {"error": "syntax", "message": str(exc)}, b""
    options: dict[str, Any] = {}
    default, named_graphs = request.get("default_graphs"), request.get("named_graphs")
    try:
        if default is not None or named_graphs is not None:
            # The protocol's dataset replaces the query's (SPARQL 1.1 Protocol §2.1.4).
            options["default_graph"] = [ox.NamedNode(iri) for iri in default or []]
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs or []]
    except ValueError as exc:
        return {"error": "bad_request", "message": f"not a valid graph IRI: {exc}"}, b""
    store = stores.get(request["store"], request["base"])
    try:
        results = store.query(query, **options)
    except SyntaxError as exc:
        return {"error": "syntax", "message": describe(query, str(exc))}, b""
    return serialise(results, request, lambda: store.query(query, **options))


def serialise(
    results: Any, request: dict[str, Any], rerun: Callable[[], Any]
) -> tuple[dict[str, Any], bytes]:
    """The results in the requested format, cut at the row cap; ``rerun`` runs the query anew."""
    cap = request["max_rows"]
    if isinstance(results, ox.QueryTriples):
        fmt = request.get("graph_format")
        if fmt is None:
            return {"error": "not_acceptable", "kind": "graph"}, b""
        triples = list(islice(results, cap + 1))
        truncated = len(triples) > cap
        body = serialize(triples[:cap], named(GRAPHS, fmt))
        return {"kind": "graph", "format": fmt, "truncated": truncated}, body
    fmt = request.get("results_format")
    if fmt is None:
        return {"error": "not_acceptable", "kind": "results"}, b""
    if isinstance(results, ox.QueryBoolean):
        return {"kind": "boolean", "format": fmt, "truncated": False}, results.serialize(
            format=_results(fmt))
    if fmt != "tsv" and not _MATERIALISED.search(request["query"].lower()):
        body = _direct(results, fmt, cap)
        if body is not None:
            return {"kind": "results", "format": fmt, "truncated": False}, body
        results = rerun()
    return _capped(results, fmt, cap)


def _direct(results: ox.QuerySolutions, fmt: str, cap: int) -> bytes | None:
    """The results written straight in ``fmt`` if they surely hold at most ``cap`` rows.

    A row takes at least ``_MIN_ROW_BYTES[fmt]``, so a document no longer than ``cap`` of them
    cannot hold more than ``cap`` rows; past that length the writer is stopped (None).
    """
    sink = _Sink(_MIN_ROW_BYTES[fmt] * cap)
    try:
        results.serialize(sink, format=_results(fmt))
    except _Full:
        return None
    return bytes(sink.buffer)


def _capped(results: ox.QuerySolutions, fmt: str, cap: int) -> tuple[dict[str, Any], bytes]:
    # pyoxigraph cannot serialise part of a result, and Python serialisers are ~7x slower; so
    # let pyoxigraph write TSV (one row per line) into a sink that stops after the cap, and
    # convert those rows to the wanted format by parsing them back (~1.5x the direct cost).
    sink = _Sink(lines=cap + 1)  # the header line, then the rows
    truncated = False
    try:
        results.serialize(sink, format=TSV.results)
    except _Full:
        truncated = True
    tsv = bytes(sink.buffer)
    if truncated:
        end = -1
        for _ in range(cap + 1):
            end = tsv.index(b"\n", end + 1)
        tsv = tsv[: end + 1]
    if fmt == "tsv":
        body = tsv
    else:
        parsed = ox.parse_query_results(tsv, format=TSV.results)
        body = parsed.serialize(format=_results(fmt)) or b""  # type: ignore[union-attr]
        if truncated and fmt == "json":
            body = body.rstrip()[:-1] + b',"truncated":true}'
    return {"kind": "results", "format": fmt, "truncated": truncated}, body


def _results(name: str) -> ox.QueryResultsFormat:
    return named(RESULTS, name).results  # type: ignore[return-value]


def serve(inbox: Connection, outbox: Connection, memory_mb: int, seconds: int) -> None:
    """Answer requests from ``inbox`` until the parent closes it."""
    refused = deny_network()
    if refused is not None:
        print(f"newskg query process: WARNING: no network sandbox ({refused}); the query "
              "check alone keeps SERVICE out", file=sys.stderr, flush=True)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    stores = Stores()
    while True:
        try:
            request = json.loads(inbox.recv_bytes())
        except EOFError:
            return
        signal.alarm(seconds)  # SIGALRM's default action ends the process
        try:
            head, body = execute(stores, request)
        except MemoryError:
            outbox.send_bytes(json.dumps({"error": "memory"}).encode())
            outbox.send_bytes(b"")
            return  # the heap may be in a poor state: let the pool start a fresh process
        except Exception as exc:  # reported, never shown to the client
            print(f"newskg query process: {type(exc).__name__}: {exc}", file=sys.stderr)
            head, body = {"error": "internal"}, b""
        signal.alarm(0)
        outbox.send_bytes(json.dumps(head, separators=(",", ":")).encode())
        outbox.send_bytes(body)


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1]), writable=False),
          Connection(int(sys.argv[2]), readable=False), int(sys.argv[3]), int(sys.argv[4]))
