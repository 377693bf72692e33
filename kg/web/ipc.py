"""Frames between the web process and its query processes: a JSON head and a bytes body.

A frame is two big-endian 32-bit lengths, the head (UTF-8 JSON) and the body. Pipes and plain
bytes keep the cost per query near a pair of system calls; no pickling.
"""

from __future__ import annotations

import json
import os
import select
import struct
import time
from typing import Any

_LENGTHS = struct.Struct("!II")
_CHUNK = 1 << 20


class Closed(EOFError):
    """The other end of the pipe is gone (the process exited or was killed)."""


def write_frame(fd: int, head: dict[str, Any], body: bytes = b"") -> None:
    encoded = json.dumps(head, separators=(",", ":")).encode()
    data = memoryview(_LENGTHS.pack(len(encoded), len(body)) + encoded + body)
    try:
        while data:
            data = data[os.write(fd, data):]
    except BrokenPipeError:
        raise Closed("pipe closed") from None


def read_frame(fd: int, deadline: float | None = None) -> tuple[dict[str, Any], bytes]:
    """Read one frame; ``deadline`` (``time.monotonic()``) raises TimeoutError when passed."""
    head_len, body_len = _LENGTHS.unpack(_read(fd, _LENGTHS.size, deadline))
    head = json.loads(_read(fd, head_len, deadline))
    return head, _read(fd, body_len, deadline)


def _read(fd: int, size: int, deadline: float | None) -> bytes:
    chunks = []
    poller = None
    while size:
        if deadline is not None:
            if poller is None:
                poller = select.poll()  # not select(): descriptors may exceed FD_SETSIZE
                poller.register(fd, select.POLLIN)
            left = deadline - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                raise TimeoutError
        chunk = os.read(fd, min(size, _CHUNK))
        if not chunk:
            raise Closed("pipe closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
