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
_PIPE = 1 << 16


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
    """Read one frame; ``deadline`` (``time.monotonic()``) raises TimeoutError when passed.

    Each side sends one frame and waits for the answer, so a pipe never holds more than one
    frame: reads may ask for more than the frame's length, and a small frame takes one read.
    """
    poller = None
    if deadline is not None:
        poller = select.poll()  # not select(): descriptors may exceed FD_SETSIZE
        poller.register(fd, select.POLLIN)
    data = bytearray()
    size = _LENGTHS.size
    head_len = body_len = -1
    while len(data) < size:
        if poller is not None:
            left = deadline - time.monotonic()  # type: ignore[operator]
            if left <= 0 or not poller.poll(left * 1000):
                raise TimeoutError
        chunk = os.read(fd, _PIPE)  # a pipe holds 64 KiB: no read returns more
        if not chunk:
            raise Closed("pipe closed")
        data += chunk
        if head_len < 0 and len(data) >= _LENGTHS.size:
            head_len, body_len = _LENGTHS.unpack_from(data)
            size = _LENGTHS.size + head_len + body_len
    head_end = _LENGTHS.size + head_len
    return json.loads(data[_LENGTHS.size:head_end]), bytes(memoryview(data)[head_end:])
