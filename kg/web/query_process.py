"""A query process: runs read queries on a published snapshot, one at a time, for its web worker.

Started by :mod:`kg.web.query_workers` as ``python -m kg.web.query_process MEMORY_MB SECONDS``. It
caps its own address space (a query that needs more fails here, not in the web process), and
it dies with an alarm if a query outlives the time limit even when nobody is left to kill it.
Requests and replies are :mod:`kg.web.ipc` frames on stdin / the original stdout.
"""

from __future__ import annotations

import io
import os
import re
import resource
import signal
import sys
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.mapping import PREFIX_IRIS
from kg.store.embedded import GRAPH_FORMATS, RESULT_FORMATS, OxigraphStore
from kg.web import ipc
from kg.web.query_check import Refused, has_dataset


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
    """The snapshot store this process has open; a request for another snapshot reopens."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._store: OxigraphStore | None = None

    def get(self, path: str, base: str) -> OxigraphStore:
        if self._store is None or path != self._path or base != self._store.base:
            self._store = None  # release the old snapshot first
            self._store = OxigraphStore(Path(path), base, read_only=True)
            self._path = path
        return self._store


def execute(stores: Stores, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one query request; the reply head says what happened, the body is the document."""
    query = request["query"]
    try:
        dataset = has_dataset(query)
    except Refused as exc:
        return {"error": "refused", "message": str(exc)}, b""
    options: dict[str, Any] = {}
    default, named = request.get("default_graphs"), request.get("named_graphs")
    try:
        if default is not None or named is not None:
            # The protocol's dataset replaces the query's (SPARQL 1.1 Protocol §2.1.4).
            options["default_graph"] = [ox.NamedNode(iri) for iri in default or []]
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named or []]
            options["use_default_graph_as_union"] = False
        elif dataset:
            options["use_default_graph_as_union"] = False  # else pyoxigraph ignores FROM
    except ValueError as exc:
        return {"error": "bad_request", "message": f"not a valid graph IRI: {exc}"}, b""
    store = stores.get(request["store"], request["base"])
    try:
        results = store.run(query, **options)
    except SyntaxError as exc:
        return {"error": "syntax", "message": str(exc)}, b""
    return serialise(results, request, lambda: store.run(query, **options))


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
        body = ox.serialize(triples[:cap], format=GRAPH_FORMATS[fmt], prefixes=PREFIX_IRIS)
        return {"kind": "graph", "format": fmt, "truncated": truncated}, body or b""
    fmt = request.get("results_format")
    if fmt is None:
        return {"error": "not_acceptable", "kind": "results"}, b""
    if isinstance(results, ox.QueryBoolean):
        return {"kind": "boolean", "format": fmt, "truncated": False}, results.serialize(
            format=RESULT_FORMATS[fmt])
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
        results.serialize(sink, format=RESULT_FORMATS[fmt])
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
        results.serialize(sink, format=ox.QueryResultsFormat.TSV)
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
        parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
        body = parsed.serialize(format=RESULT_FORMATS[fmt]) or b""  # type: ignore[union-attr]
        if truncated and fmt == "json":
            body = body.rstrip()[:-1] + b',"truncated":true}'
    return {"kind": "results", "format": fmt, "truncated": truncated}, body


def serve(memory_mb: int, seconds: int) -> None:
    """Answer requests on stdin until it closes."""
    inbox, outbox = sys.stdin.fileno(), os.dup(sys.stdout.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt frames
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    stores = Stores()
    while True:
        try:
            request, _ = ipc.read_frame(inbox)
        except ipc.Closed:
            return
        signal.alarm(seconds)  # SIGALRM's default action ends the process
        try:
            head, body = execute(stores, request)
        except MemoryError:
            ipc.write_frame(outbox, {"error": "memory"})
            return  # the heap may be in a poor state: let the pool start a fresh process
        except Exception as exc:  # reported, never shown to the client
            print(f"newskg query process: {type(exc).__name__}: {exc}", file=sys.stderr)
            head, body = {"error": "internal"}, b""
        signal.alarm(0)
        ipc.write_frame(outbox, head, body)


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
