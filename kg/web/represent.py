"""Answering for a graph-shaped page: pick the format, then a cacheable, negotiated response.

Shared by resource documents and the dataset description. A format suffix (``.ttl``) fixes the
format; otherwise ``Accept`` chooses (Turtle when it says nothing or ``*/*``), and a client that
accepts none of the formats gets 406 naming them. Responses carry ``Vary: Accept``, ``Link``
alternates (except JSON-LD, see :func:`respond`) and canonical, and an ETag that names the
snapshot, path and format, so a conditional request is answered 304 before any work is done.
"""

from __future__ import annotations

import hashlib

from flask import Response, request
from werkzeug.exceptions import NotAcceptable, NotFound

from kg.web.negotiation import choose
from kg.web.rdf import BY_MEDIA_TYPE, BY_SUFFIX, FORMATS, JSONLD, TURTLE, Format

_OFFERS = [media for f in FORMATS for media in f.media_types]
_CHARSET = {"text/turtle", "text/html", "application/ld+json", "application/json"}


def pick(suffix: str | None) -> tuple[Format, str]:
    """The format asked for, by ``suffix`` or by ``Accept``, and the media type to answer with."""
    if suffix is not None:
        fmt = BY_SUFFIX.get(suffix)
        if fmt is None:
            raise NotFound(f"no .{suffix} variant; offered: "
                           + ", ".join("." + f.suffix for f in FORMATS))
        return fmt, fmt.media_type
    media = choose(request.headers.get("Accept"), _OFFERS, default=TURTLE.media_type)
    if media is None:
        raise NotAcceptable("this resource is offered as " + ", ".join(_OFFERS))
    # application/json is JSON-LD under a name plain JSON clients accept.
    return BY_MEDIA_TYPE[media], media


def etag(snapshot_name: str, variant: str) -> str:
    """Changes with the snapshot, the resource (path) and the variant (format, encoding)."""
    seed = f"{snapshot_name}\n{request.path}\n{variant}"
    return hashlib.sha256(seed.encode()).hexdigest()[:24]


def client_has(tag: str) -> bool:
    """Whether the request's ``If-None-Match`` names ``tag`` (weakly: gzip makes tags weak).

    ``*`` never matches here: it means "any version exists", and a tag is checked before
    anything is looked up (an unknown key must still be a 404, a bad query a 400).
    """
    tags = request.if_none_match
    return not tags.star_tag and tags.contains_weak(tag)


def respond(
    body: bytes | str | None,
    fmt: Format,
    media: str,
    *,
    tag: str,
    canonical: str,
    negotiated: bool,
) -> Response:
    """The response carrying ``body`` in ``fmt``; None for 304 (the client holds this version)."""
    if body is None:
        response = Response(status=304)
    else:
        mimetype = media + ("; charset=utf-8" if media in _CHARSET else "")
        response = Response(body, content_type=mimetype)
    response.set_etag(tag)
    response.headers["Cache-Control"] = "public, no-cache"
    # Not on JSON-LD: pyld's document loader (3.x) fails on a Link header that has more than
    # one rel="alternate" (it calls .get on the list it parses them into).
    links = [f'<{canonical}.{f.suffix}>; rel="alternate"; type="{f.media_type}"'
             for f in FORMATS if f is not fmt and fmt is not JSONLD]
    links.append(f'<{canonical}>; rel="canonical"')
    response.headers["Link"] = ", ".join(links)
    if negotiated:
        response.vary.add("Accept")
        response.headers["Content-Location"] = f"{canonical}.{fmt.suffix}"
    return response
