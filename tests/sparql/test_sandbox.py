"""Query processes have no network: whatever a query asks, no connection leaves them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.sparql.pool import QueryPool
from kg.sparql.sandbox import deny_network

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="seccomp is Linux's")


def test_the_sandbox_is_available_here():
    # CI runs on Linux with libseccomp: the sandbox must be in force there, not silently off.
    code = "from kg.sparql.sandbox import deny_network; print(deny_network())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "None"


def test_no_socket_can_be_opened_once_the_network_is_denied(listener):
    url, hits = listener
    port = int(url.rsplit(":", 1)[1])
    # The guard is bypassed on purpose: the engine is asked for SERVICE directly, and a plain
    # connection is tried, from a thread started after the filter too.
    code = textwrap.dedent(f"""
        import socket, threading
        import pyoxigraph as ox
        from kg.sparql.sandbox import deny_network
        assert deny_network() is None
        results = []
        def connect():
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=2)
                results.append("connected")
            except OSError as exc:
                results.append(type(exc).__name__)
        thread = threading.Thread(target=connect)
        thread.start(); thread.join()
        try:
            list(ox.Store().query("SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> "
                                  "{{ ?s ?p ?o }} }}"))
            results.append("answered")
        except OSError as exc:
            results.append(type(exc).__name__)
        try:
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # UDP, as DNS would use
            results.append("udp")
        except OSError as exc:
            results.append(type(exc).__name__)
        print(results)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['PermissionError', 'PermissionError', 'PermissionError']"
    time.sleep(0.2)
    assert hits == []


def test_a_pool_s_query_processes_run_under_the_filter(tmp_path: Path):
    pool = QueryPool(1, timeout=10, memory_mb=1024, wait=1)
    try:
        (process,) = pool._idle
        deadline = time.monotonic() + 10
        status = ""
        while "Seccomp:\t2" not in status and time.monotonic() < deadline:
            status = Path(f"/proc/{process.popen.pid}/status").read_text()
            time.sleep(0.05)
        assert "Seccomp:\t2" in status  # mode 2: a seccomp filter is loaded
    finally:
        pool.close()


def test_deny_network_says_why_when_it_cannot(monkeypatch: pytest.MonkeyPatch):
    class Broken:
        ALLOW = 0

        @staticmethod
        def SyscallFilter(default: int) -> None:
            raise OSError("no seccomp here")

        ERRNO = staticmethod(lambda code: code)

    monkeypatch.setitem(sys.modules, "seccomp", Broken)
    assert deny_network() == "OSError: no seccomp here"
