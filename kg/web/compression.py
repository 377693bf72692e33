"""gzip for large responses, when the client accepts it.

Skipped for small bodies (not worth a round of deflate), for streamed or file responses (dumps are
served as files, already compressed where it matters), for types that are compressed already, and
when the response has a Content-Encoding. A strong ETag becomes weak: the bytes differ from the
identity representation, the content does not.
"""

from __future__ import annotations

import gzip

from flask import Flask, Response, current_app, request

from kg.web.cache import AnswerCache

MIN_BYTES = 1024
LEVEL = 5  # close to level 9's size on RDF and JSON, at a fraction of the time
_COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript",
                 "application/n-triples", "application/n-quads", "image/svg+xml")
_COMPRESSIBLE_SUFFIXES = ("+json", "+xml")
_CACHE = "newskg.gzipped"
_ANY = ""  # tags name the snapshot already: entries of older ones just age out


def init_app(app: Flask, cache_bytes: int = 0) -> None:
    """Compress ``app``'s large responses; keep up to ``cache_bytes`` of tagged ones zipped."""
    app.extensions[_CACHE] = AnswerCache(cache_bytes)
    app.after_request(compress)


def compress(response: Response) -> Response:
    if not _worth_it(response):
        return response
    response.vary.add("Accept-Encoding")
    if "gzip" not in request.accept_encodings or request.accept_encodings["gzip"] <= 0:
        return response
    etag, weak = response.get_etag()
    response.set_data(_gzipped(response.get_data(), etag))
    response.headers["Content-Encoding"] = "gzip"
    if etag and not weak:
        response.set_etag(etag, weak=True)
    return response


def _gzipped(body: bytes, etag: str | None) -> bytes:
    """``body`` compressed; kept with the answers when tagged (a tag names one content, and
    compressing 1 MB costs ~10 ms, against ~0.1 ms to look it up)."""
    cache: AnswerCache = current_app.extensions[_CACHE]
    zipped = cache.get(_ANY, etag) if etag else None
    if zipped is None:
        zipped = gzip.compress(body, compresslevel=LEVEL, mtime=0)
        if etag:
            cache.put(_ANY, etag, zipped, len(zipped))
    return zipped


def _worth_it(response: Response) -> bool:
    if response.direct_passthrough or response.is_streamed:
        return False
    if "Content-Encoding" in response.headers or response.status_code in (204, 304):
        return False
    mimetype = response.mimetype or ""
    if not (mimetype.startswith(_COMPRESSIBLE) or mimetype.endswith(_COMPRESSIBLE_SUFFIXES)):
        return False
    length = response.calculate_content_length()
    return length is not None and length >= MIN_BYTES
