"""A small pool of query processes per web worker: time limit, memory cap, crash isolation.

No library cancels a running pyoxigraph query, and some query shapes abort the whole process, so
queries run in child processes (:mod:`kg.sparql.process`), which also have no network. A query
past its time limit gets its process killed and replaced; a process that dies (memory cap, abort)
is replaced too; the parent (a web worker, or `kg query`) carries on either way. When every
process is busy for longer than a short wait, the caller is told to come back later instead of
queueing without bound.
"""

from __future__ import annotations

import atexit
import json
import logging
import math
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from typing import Any

log = logging.getLogger(__name__)

ALARM_GRACE = 5  # seconds a query process outlives the time limit before it ends itself


class QueryUnavailable(Exception):
    """The query could not be answered now (time limit, memory, crash, or busy): a 503."""

    def __init__(self, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class _Process:
    """One query process and the two pipes to it (multiprocessing's length-prefixed messages)."""

    def __init__(self, memory_mb: int, timeout: float):
        alarm = math.ceil(timeout) + ALARM_GRACE
        child_in, self.inbox = multiprocessing.Pipe(duplex=False)
        self.outbox, child_out = multiprocessing.Pipe(duplex=False)
        fds = (child_in.fileno(), child_out.fileno())
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "kg.sparql.process", *map(str, fds), str(memory_mb),
             str(alarm)],
            stdin=subprocess.DEVNULL, pass_fds=fds,
            env={**os.environ, "RUST_BACKTRACE": "0"},  # one line per engine abort in the log
        )
        child_in.close()
        child_out.close()

    def ask(self, request: dict[str, Any], deadline: float) -> tuple[dict[str, Any], bytes]:
        """Send one request and wait for its reply until ``deadline`` (``time.monotonic()``);
        raises TimeoutError, or EOFError when the process is gone."""
        try:
            self.inbox.send_bytes(json.dumps(request).encode())
        except OSError:
            raise EOFError("query process gone") from None
        if not self.outbox.poll(max(0.0, deadline - time.monotonic())):
            raise TimeoutError
        head = json.loads(self.outbox.recv_bytes())
        return head, self.outbox.recv_bytes()

    def stop(self) -> None:
        self.popen.kill()
        self.popen.wait()
        self.inbox.close()
        self.outbox.close()


class QueryPool:
    """``size`` query processes; :meth:`run` borrows one for one query."""

    def __init__(self, size: int, *, timeout: float, memory_mb: int, wait: float):
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.wait = wait
        self.pid = os.getpid()  # a pool belongs to the process that made it (gunicorn forks)
        self._lock = threading.Condition()
        self._idle = [_Process(memory_mb, timeout) for _ in range(max(1, size))]
        self._all = list(self._idle)
        self._closed = False

    def run(self, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        """Run one request in a query process; raises :class:`QueryUnavailable`."""
        process = self._borrow()
        deadline = time.monotonic() + self.timeout
        try:
            head, body = process.ask(request, deadline)
        except TimeoutError:
            self._replace(process)
            raise QueryUnavailable(
                f"the query did not finish within the time limit of {self.timeout:g} s; "
                "narrow it, or add a LIMIT") from None
        except EOFError:
            self._replace(process)
            raise QueryUnavailable(
                f"the query stopped the query engine (it may need more than the memory cap of "
                f"{self.memory_mb} MiB); narrow it, or add a LIMIT") from None
        except BaseException:
            self._replace(process)  # its pipe may hold half a frame: never reuse it
            raise
        if head.get("error") == "memory":
            self._replace(process)
            raise QueryUnavailable(f"the query needs more than the memory cap of "
                                   f"{self.memory_mb} MiB; narrow it, or add a LIMIT")
        self._give_back(process)
        return head, body

    def close(self) -> None:
        with self._lock:
            self._closed = True
            processes, self._all, self._idle = self._all, [], []
        for process in processes:
            process.stop()

    def _borrow(self) -> _Process:
        with self._lock:
            if not self._lock.wait_for(lambda: self._idle or self._closed, timeout=self.wait):
                raise QueryUnavailable("every query process is busy; try again shortly",
                                       retry_after=max(1, math.ceil(self.wait)))
            if self._closed:
                raise QueryUnavailable("the server is shutting down")
            process = self._idle.pop()
        if process.popen.poll() is not None:  # died while idle (e.g. the kernel's OOM killer)
            process = self._swap(process)
        return process

    def _give_back(self, process: _Process) -> None:
        with self._lock:
            if self._closed:
                process.stop()
                return
            self._idle.append(process)
            self._lock.notify()

    def _replace(self, process: _Process) -> None:
        self._give_back(self._swap(process))

    def _swap(self, process: _Process) -> _Process:
        """Stop ``process`` and start a fresh one in its place (still borrowed)."""
        status = process.popen.poll()
        process.stop()
        fresh = _Process(self.memory_mb, self.timeout)
        log.warning("query process %d (%s) replaced by %d", process.popen.pid,
                    "killed" if status is None else f"exit status {status}", fresh.popen.pid)
        with self._lock:
            self._all = [fresh if p is process else p for p in self._all]
        return fresh


class PerProcessPool:
    """The pool of the current process, started on first use.

    gunicorn may load the app before forking its workers: each worker starts its own query
    processes when it answers its first query, and stops them when it exits.
    """

    def __init__(self, size: int, *, timeout: float, memory_mb: int, wait: float):
        self._args = (size, timeout, memory_mb, wait)
        self._lock = threading.Lock()
        self._pool: QueryPool | None = None

    def get(self) -> QueryPool:
        pool = self._pool
        if pool is not None and pool.pid == os.getpid():
            return pool
        with self._lock:
            if self._pool is None or self._pool.pid != os.getpid():
                size, timeout, memory_mb, wait = self._args
                self._pool = QueryPool(size, timeout=timeout, memory_mb=memory_mb, wait=wait)
                atexit.register(self._pool.close)
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None and self._pool.pid == os.getpid():
                self._pool.close()
            self._pool = None
