"""The inbox: which files an ingest reads, and what it passes over and why.

Only regular files are read. A FIFO, socket or device is never opened (reading one can block
for ever); a symbolic link below a folder is followed only when it leads to a file inside that
folder; hidden files and folders are left alone. Everything passed over is named with its reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Why a file was passed over: the reason, said once for all the files that share it.
NOT_MATCHING = "not *.txt (name them to ingest them)"
HIDDEN = "hidden"
NOT_REGULAR = "not a regular file (a FIFO, socket, device or broken link)"
LINK_OUT = "a link leading out of its folder"
LINK_TO_FOLDER = "a link to a folder"
REASONS = (NOT_MATCHING, HIDDEN, NOT_REGULAR, LINK_OUT, LINK_TO_FOLDER)


@dataclass
class Inbox:
    """The files to read, sorted, and the paths passed over with their reason."""

    files: list[Path] = field(default_factory=list)
    passed_over: list[tuple[Path, str]] = field(default_factory=list)

    def passed_over_by_reason(self) -> dict[str, list[Path]]:
        grouped: dict[str, list[Path]] = {}
        for path, reason in sorted(self.passed_over):
            grouped.setdefault(reason, []).append(path)
        return {reason: grouped[reason] for reason in REASONS if reason in grouped}


def scan(paths: Iterable[Path], pattern: str = "*.txt") -> Inbox:
    """Walk ``paths`` once: files named are read whatever their name (when regular files);
    below folders, the regular files matching ``pattern``."""
    found: set[Path] = set()
    inbox = Inbox()
    for path in paths:
        if path.is_dir():
            _walk(path, pattern, found, inbox)
        elif _is_regular(path):
            found.add(path)
        else:
            inbox.passed_over.append((path, NOT_REGULAR))
    inbox.files = sorted(found)
    return inbox


def find_files(paths: Iterable[Path], pattern: str = "*.txt") -> list[Path]:
    """The files :func:`scan` would read."""
    return scan(paths, pattern).files


def _walk(folder: Path, pattern: str, found: set[Path], inbox: Inbox) -> None:
    root = folder.resolve()
    # os.walk does not descend into linked folders: no loops, nothing outside reached that way.
    for top, dirs, names in os.walk(folder):
        for name in [d for d in dirs if d.startswith(".")]:
            dirs.remove(name)
            inbox.passed_over.append((Path(top, name), HIDDEN))
        for name in dirs + names:
            path = Path(top, name)
            reason = _reason_to_pass_over(path, root, pattern)
            if reason is None:
                found.add(path)
            elif reason != "folder":
                inbox.passed_over.append((path, reason))


def _reason_to_pass_over(path: Path, root: Path, pattern: str) -> str | None:
    """None to read the file; "folder" for a folder walked into; else why it is passed over."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return NOT_REGULAR  # gone since listed
    if stat.S_ISDIR(mode):
        return "folder"
    if path.name.startswith("."):
        return HIDDEN
    if stat.S_ISLNK(mode):
        target = path.resolve()
        if not target.is_relative_to(root):
            return LINK_OUT
        if target.is_dir():
            return LINK_TO_FOLDER
    if not _is_regular(path):
        return NOT_REGULAR
    return None if path.match(pattern) else NOT_MATCHING


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
