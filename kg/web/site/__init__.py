"""The site of the dataset as a whole: home page, dumps, VoID description, shapes, health,
settings.

Dumps are the files :mod:`kg.publish` wrote once for the snapshot, streamed in chunks (gzip on
the fly when the client accepts it): memory stays constant whatever their size. The file is
opened before the response starts, so a snapshot pruned mid-download still reads to the end.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, render_template, request, send_file

from kg import bundled
from kg.formats import HTML, JSONLD, SERVED_DUMPS, serialize
from kg.settings import describe
from kg.vocab import schema
from kg.web import jsonld
from kg.web.compression import LEVEL
from kg.web.context import NotPublished, alternates, base, here, settings, site, view
from kg.web.represent import client_has, etag, pick, respond
from kg.web.site import void

blueprint = Blueprint("site", __name__)

CHUNK = 64 * 1024
_DUMPS = {fmt.suffix: fmt for fmt in SERVED_DUMPS}
_NAME = ox.NamedNode(schema.name)
_HEADLINE = ox.NamedNode(schema.headline)


@blueprint.get("/")
def home() -> Response:
    current = view()
    tag = etag(current.snapshot.name, HTML.name)
    canonical = base() + void.PATH
    body = None if client_has(tag) else render_template("dataset.html", **_dataset_page(canonical))
    response = respond(body, HTML, HTML.media_type, tag=tag, canonical=canonical,
                       negotiated=False)
    response.headers["Link"] += f', <{canonical}>; rel="describedby"'
    return response


@blueprint.get(void.PATH)
@blueprint.get(void.PATH + ".<suffix>")
def description(suffix: str | None = None) -> Response:
    fmt, media = pick(suffix)
    current = view()
    tag = etag(current.snapshot.name, fmt.name)
    canonical = base() + void.PATH
    body: bytes | str | None = None
    if not client_has(tag):
        if fmt is HTML:
            body = render_template("dataset.html", **_dataset_page(canonical))
        else:
            triples = void.describe(current.snapshot, current.store, settings())
            if fmt is JSONLD:
                framed = jsonld.frame(triples, void.dataset_iri(base()), void.PREFIXES)
                body = jsonld.dumps(framed)
            else:
                body = serialize(triples, fmt, void.PREFIXES)
    return respond(body, fmt, media, tag=tag, canonical=canonical, negotiated=suffix is None)


@blueprint.get("/dump.<any(ttl, nt, nq):suffix>")
def dump(suffix: str) -> Response:
    """The dump file: byte ranges on request, so a broken download resumes (``Range``,
    ``If-Range``), or gzipped on the fly when the client accepts it and asks no range."""
    fmt = _DUMPS[suffix]
    snapshot = view().snapshot
    name = f"newskg-{snapshot.name}.{suffix}"
    content_type = f"{fmt.media_type}; charset=utf-8"
    gzip = request.accept_encodings["gzip"] > 0 and "Range" not in request.headers
    tag = etag(snapshot.name, "gzip" if gzip else "identity")
    if not gzip:
        # The file is opened before the response starts: a snapshot pruned mid-download
        # still reads to the end.
        response = send_file(snapshot.dump_path(fmt), mimetype=content_type, as_attachment=True,
                             download_name=name, etag=tag, conditional=True, max_age=None)
    elif client_has(tag):
        response = Response(status=304)
        response.set_etag(tag)
    else:
        source = open(snapshot.dump_path(fmt), "rb")  # noqa: SIM115 -- closed by the response
        response = Response(_gzip_chunks(source), content_type=content_type)
        # HEAD never iterates the body: closing on close covers it as well as a full GET.
        response.call_on_close(source.close)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        response.set_etag(tag)
    response.headers["Cache-Control"] = "public, no-cache"
    response.vary.add("Accept-Encoding")
    return response


@blueprint.get("/shapes.ttl")
def shapes() -> Response:
    body = bundled.shapes_turtle()
    tag = hashlib.sha256(body).hexdigest()[:24]
    response = Response(body, content_type="text/turtle; charset=utf-8")
    response.set_etag(tag)
    response.headers["Cache-Control"] = "public, no-cache"
    return response.make_conditional(request)


@blueprint.get("/health")
def health() -> tuple[Response, int]:
    """For load balancers: 200 with the snapshot served, 503 before anything is published."""
    try:
        snapshot = view().snapshot
    except NotPublished as exc:
        body, status = {"status": "unavailable", "detail": str(exc)}, 503
    else:
        body = {"status": "ok", "snapshot": snapshot.name, "created": snapshot.created,
                "articles": snapshot.stats.articles, "triples": snapshot.stats.triples}
        status = 200
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response, status


# Where files live on this machine is not the public's business.
_PRIVATE = {"cache_dir", "data_dir", "wikidata_table"}


@blueprint.get("/-/settings")
def settings_table() -> Response:
    """The settings in force, as in ``kg settings --json`` (file locations left out)."""
    current = settings()
    rows = [{**row, "value": None if row["name"] in _PRIVATE else getattr(current, row["name"])}
            for row in describe()]
    return jsonify([{k: str(v) if isinstance(v, Path) else v for k, v in row.items()}
                    for row in rows])


def _chunks(source: BinaryIO) -> Iterator[bytes]:
    try:
        while chunk := source.read(CHUNK):
            yield chunk
    finally:
        source.close()


def _gzip_chunks(source: BinaryIO) -> Iterator[bytes]:
    # wbits=31: a gzip member (header and CRC), as Content-Encoding: gzip requires.
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, 31)
    for chunk in _chunks(source):
        if out := compressor.compress(chunk):
            yield out
    yield compressor.flush()


def _dataset_page(canonical: str) -> dict[str, object]:
    current = view()
    store = current.store
    examples = []
    for iri in void.examples(store, per_kind=5):
        node = ox.NamedNode(iri)
        label = next(store.quads(node, _NAME), None) or next(store.quads(node, _HEADLINE), None)
        kind = iri[len(base()) + len("/id/"):].split("/", 1)[0]
        examples.append({"iri": iri, "kind": kind, "label": label.object.value if label else iri})
    dumps = [{"href": here(void.dump_url(base(), fmt)), "suffix": fmt.suffix,
              "media_type": fmt.media_type,
              "bytes": current.snapshot.dump_path(fmt).stat().st_size} for fmt in SERVED_DUMPS]
    return {
        "site": site(), "canonical": canonical, "alternates": alternates(canonical),
        "snapshot": current.snapshot, "stats": current.snapshot.stats, "dumps": dumps,
        "examples": examples,
    }
