"""Reading the article format into :class:`Article` values.

The format is a block of ``Key: value`` header lines, a ``Text:`` line, then the body::

    Published Time: 2022-06-07
    Title: ...
    Category 1: CHINA; Category 2: DIPLOMACY
    Author: Yu Xi and Zhang Changyue
    Author title: ...
    Author description: ...
    Text:
    body...

The reader tolerates what real exports contain (BOM, CRLF, trailing spaces, header keys in other
case or spacing, a time in ``Published Time``, a missing second category) and turns everything
else into an :class:`ArticleError` with a reason code, the file and the line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

PLACEHOLDER = "author details not found"

# Reason codes, each with the one-line explanation `kg ingest` and the README show.
REASONS: dict[str, str] = {
    "empty": "the file is empty",
    "binary": "the file is binary, not text",
    "not-utf8": "the file is not valid UTF-8",
    "too-large": "the file is larger than the size cap",
    "bad-header": "a header line is not 'Key: value'",
    "unknown-field": "a header field newskg does not know",
    "duplicate-field": "a header field appears twice",
    "field-too-long": "a header value is longer than the cap",
    "missing-date": "no 'Published Time' line",
    "bad-date": "'Published Time' is not a date (YYYY-MM-DD[ HH:MM[:SS]])",
    "missing-title": "no 'Title' line, or an empty one",
    "missing-author": "no 'Author' line, or an empty one",
    "missing-text": "no 'Text:' line",
    "empty-body": "nothing after 'Text:'",
    "invalid": "the article's graph breaks the SHACL shapes",
    "unreadable": "the file cannot be read",
    "failed": "an unexpected error while processing it (the log has the details); never the "
    "batch's end",
}

_FIELDS = {
    "publishedtime": "published",
    "title": "title",
    "author": "author",
    "authortitle": "author_title",
    "authordescription": "author_description",
    "text": "text",
}
# "Category 1", "Category 2", "Category 3"...: exports carry any number of them.
_CATEGORY = re.compile(r"category(\d+)")
_HEADER = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 _-]*?)\s*:\s?(.*)$")
_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?$"
)
# Sentences glued without a space ("sides.The year", "CSTO.This"): a sentence end directly
# followed by a capitalised word. Single capitals before the dot ("U.S.") are left alone.
_GLUED = re.compile(r"(?:(?<=[a-z0-9%)\]\"'”’])|(?<=[A-Z]{2}))([.!?])(?=[A-Z\"“][a-z])")
_CONTROL_CHARS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                  0xFFFE, 0xFFFF]
_CONTROLS = {**dict.fromkeys(_CONTROL_CHARS), 0x0B: " ", 0x0C: " "}
_ESCAPED = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
            for c in [*_CONTROL_CHARS, 0x0A, 0x0D]}
_SPACES = re.compile(r"[ \t\u00a0]+")
_AUTHOR_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)


class ArticleError(Exception):
    """A file that is not a readable article: a reason code, the file, the line, a message."""

    def __init__(self, code: str, path: Path | str, message: str, line: int | None = None):
        super().__init__(message)
        self.code = code
        self.path = Path(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One article as read from its file; ``body`` is verbatim, ``text`` normalised."""

    path: Path
    title: str
    published: dt.date | dt.datetime
    authors: tuple[str, ...]
    body: str
    sections: tuple[str, ...] = ()
    author_title: str | None = None
    author_description: str | None = None
    text: str = field(init=False)
    content_hash: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", normalise_text(self.body))
        object.__setattr__(self, "content_hash", content_hash(self))

    @property
    def key(self) -> str:
        """Deterministic article key: the first 16 hex digits of SHA-256 over date and title.

        ``sha256(f"{YYYY-MM-DD}\\n{title}")`` where the title is NFC-normalised, its white
        space collapsed and case-folded. The time of day is left out, so correcting it keeps
        the article's IRI.
        """
        title = _SPACES.sub(" ", unicodedata.normalize("NFC", self.title)).strip().casefold()
        return hashlib.sha256(f"{self.day.isoformat()}\n{title}".encode()).hexdigest()[:16]

    @property
    def body_key(self) -> str:
        """What recognises a corrected headline: SHA-256 over the date and the text (NFC,
        white space collapsed), whatever the title. Two files with the same body_key and
        different titles are one article whose title was corrected."""
        text = " ".join(unicodedata.normalize("NFC", self.body).split())
        return hashlib.sha256(f"{self.day.isoformat()}\n{text}".encode()).hexdigest()[:16]

    @property
    def day(self) -> dt.date:
        """The date published, without the time of day."""
        return self.published.date() if isinstance(self.published, dt.datetime) else self.published

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def strip_controls(text: str) -> str:
    """``text`` without the characters some output format cannot carry.

    Control characters (C0 but tab and line ends, DEL, C1) and the non-characters U+FFFE and
    U+FFFF are removed: XML 1.0 (RDF/XML, SPARQL XML results) forbids most of them and none
    is text. A form feed or vertical tab (a page or line break in old exports) becomes a
    space: words stay apart, and line numbers in messages stay those of the file.
    """
    return text.translate(_CONTROLS)


def source_name(path: Path | str) -> str:
    """A file's name as text every output can carry (it is stored as the article's source).

    Bytes of the name that are not UTF-8 become U+FFFD; control characters are removed.
    """
    name = Path(path).name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return strip_controls(name)


def path_text(path: Path | str) -> str:
    """A path as text that can be recorded and printed safely: bytes that are not UTF-8 and
    control characters (a terminal escape in a file name) are written as ``\\xNN``."""
    raw = str(path).encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace").translate(_ESCAPED)


def normalise_text(body: str) -> str:
    """Text for extraction and word counts: glued sentences split, runs of spaces folded."""
    lines = (_SPACES.sub(" ", _GLUED.sub(r"\1 ", line)).strip() for line in body.split("\n"))
    return "\n".join(line for line in lines if line)


def split_authors(byline: str) -> tuple[str, ...]:
    """"A and B", "A, B and C", "A, B, and C", "A & B" → one name each."""
    return tuple(name.strip() for name in _AUTHOR_SPLIT.split(byline.strip()) if name.strip())


def read_article(path: Path | str, *, max_file_bytes: int, max_field_chars: int) -> Article:
    """Read one article file; raise :class:`ArticleError` when it is not a valid article."""
    path = Path(path)
    try:
        # Opened without blocking and checked on the open file: a FIFO put in a file's place
        # after the inbox was scanned never hangs the reader.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ArticleError("unreadable", path, "not a regular file")
            if info.st_size > max_file_bytes:
                raise ArticleError(
                    "too-large", path,
                    f"{info.st_size} bytes is over the cap of {max_file_bytes} bytes",
                )
            raw = file.read(max_file_bytes + 1)
    except OSError as exc:
        raise ArticleError("unreadable", path, exc.strerror or str(exc)) from None
    if len(raw) > max_file_bytes:  # grew since its size was read
        raise ArticleError("too-large", path, f"over the cap of {max_file_bytes} bytes")
    return parse_article(raw, path, max_field_chars=max_field_chars)


def parse_article(raw: bytes, path: Path | str, *, max_field_chars: int = 1000) -> Article:
    """Parse an article from its bytes; ``path`` names it in errors and provenance."""
    path = Path(path)
    if not raw.strip():
        raise ArticleError("empty", path, "the file is empty")
    if b"\x00" in raw:  # anywhere, not only near the start: text never holds a NUL
        raise ArticleError("binary", path, "the file contains NUL bytes: it is binary, not text")
    try:
        text = strip_controls(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ArticleError(
            "not-utf8", path, f"byte 0x{raw[exc.start]:02x} at offset {exc.start} is not UTF-8",
            line,
        ) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, body_start = _read_header(lines, path, max_field_chars)
    body = "\n".join(lines[body_start:]).strip("\n")
    first_body = header.get("text", ("", 0))[0]
    if first_body:
        body = first_body + ("\n" + body if body else "")
    if not body.strip():
        raise ArticleError("empty-body", path, "there is no text after 'Text:'", body_start)

    title = header.get("title", ("", 0))[0]
    if not title:
        line = header["title"][1] if "title" in header else None
        raise ArticleError("missing-title", path, "the article has no title", line)
    if "published" not in header:
        raise ArticleError("missing-date", path, "there is no 'Published Time' line")
    published = _parse_date(*header["published"], path)
    byline = header.get("author", ("", 0))[0]
    authors = split_authors(byline)
    if not authors:
        line = header["author"][1] if "author" in header else None
        raise ArticleError("missing-author", path, "the article has no author", line)
    categories = sorted((int(m.group(1)), value) for name, (value, _) in header.items()
                        if (m := _CATEGORY.fullmatch(name)) and value)
    sections = tuple(value for _, value in categories)
    return Article(
        path=path,
        title=title,
        published=published,
        authors=authors,
        body=body,
        sections=sections,
        author_title=_unless_placeholder(header.get("author_title")),
        author_description=_unless_placeholder(header.get("author_description")),
    )


def content_hash(article: Article) -> str:
    """SHA-256 over what the graph is made from, so a CRLF or BOM copy is still a duplicate."""
    fields = [
        article.title, article.published.isoformat(), *article.sections, "\x1e",
        *article.authors, "\x1e", article.author_title or "", article.author_description or "",
        article.body.strip(),
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def _read_header(
    lines: list[str], path: Path, max_field_chars: int
) -> tuple[dict[str, tuple[str, int]], int]:
    """Header fields as ``{field: (value, line number)}`` and the index of the body's first line."""
    header: dict[str, tuple[str, int]] = {}
    for index, line in enumerate(lines):
        number = index + 1
        if not line.strip():
            continue
        # "Category 1: CHINA; Category 2: DIPLOMACY" holds several fields on one line.
        parts = line.split(";") if _CATEGORY.fullmatch(_field_name(line) or "") else [line]
        for part in parts:
            match = _HEADER.match(part)
            if not match:
                raise ArticleError(
                    "bad-header", path, f"expected 'Key: value' before 'Text:', got {_quote(line)}",
                    number,
                )
            name = _known_field(match.group(1))
            if name is None:
                raise ArticleError(
                    "unknown-field", path, f"unknown header field {match.group(1).strip()!r}",
                    number,
                )
            if name in header:
                raise ArticleError(
                    "duplicate-field", path,
                    f"{match.group(1).strip()!r} appears again (first on line {header[name][1]})",
                    number,
                )
            value = match.group(2).strip()
            if len(value) > max_field_chars:
                raise ArticleError(
                    "field-too-long", path,
                    f"{match.group(1).strip()!r} has {len(value)} characters, over the cap of "
                    f"{max_field_chars}",
                    number,
                )
            header[name] = (value, number)
            if name == "text":
                return header, index + 1
    raise ArticleError("missing-text", path, "there is no 'Text:' line before the end of the file")


def _field_name(line: str) -> str | None:
    match = _HEADER.match(line)
    return _known_field(match.group(1)) if match else None


def _known_field(key: str) -> str | None:
    """The field a header key names ("Category 3" is ``category3``), or None if unknown."""
    normal = _normal_key(key)
    if category := _CATEGORY.fullmatch(normal):
        return f"category{int(category.group(1))}"  # "Category 01" is "Category 1" again
    return _FIELDS.get(normal)


def _normal_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


def _parse_date(raw: str, line: int, path: Path) -> dt.date | dt.datetime:
    """``YYYY-MM-DD`` is an ``xsd:date``; with a time it is an ``xsd:dateTime``.

    A time zone is kept only when the file gives one: newskg never invents one.
    """
    match = _DATE.match(raw.strip())
    try:
        if not match:
            raise ValueError
        y, m, d, hh, mm, ss, tz = match.groups()
        day = dt.date(int(y), int(m), int(d))
        if hh is None:
            return day
        tzinfo = None
        if tz:
            tzinfo = dt.UTC if tz == "Z" else dt.datetime.strptime(
                tz.replace(":", ""), "%z"
            ).tzinfo
        return dt.datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0),
                           tzinfo=tzinfo)
    except ValueError:
        raise ArticleError(
            "bad-date", path, f"'Published Time' value {_quote(raw)} is not a valid date", line
        ) from None


def _unless_placeholder(entry: tuple[str, int] | None) -> str | None:
    if entry is None or not entry[0] or entry[0].strip().casefold() == PLACEHOLDER:
        return None
    return entry[0]


def _quote(value: str, limit: int = 80) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")
