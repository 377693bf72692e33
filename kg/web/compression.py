"""gzip for large responses, when the client accepts it.

Skipped for small bodies (not worth a round of deflate), for streamed or file responses (dumps are
served as files, already compressed where it matters), for types that are compressed already, and
when the response has a Content-Encoding. A strong ETag becomes weak: the bytes differ from the
identity representation, the content does not.
"""

from __future__ import annotations

import gzip

from flask import Flask, Response, request

MIN_BYTES = 1024
LEVEL = 5  # close to level 9's size on RDF and JSON, at a fraction of the time
_COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript",
                 "application/n-triples", "application/n-quads", "image/svg+xml")
_COMPRESSIBLE_SUFFIXES = ("+json", "+xml")


def init_app(app: Flask) -> None:
    app.after_request(compress)


def compress(response: Response) -> Response:
    if not _worth_it(response):
        return response
    response.vary.add("Accept-Encoding")
    if "gzip" not in request.accept_encodings or request.accept_encodings["gzip"] <= 0:
        return response
    response.set_data(gzip.compress(response.get_data(), compresslevel=LEVEL, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    etag, weak = response.get_etag()
    if etag and not weak:
        response.set_etag(etag, weak=True)
    return response


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
