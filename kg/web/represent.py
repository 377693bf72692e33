"""Answering in a format: negotiate it, then a cacheable response.

``Accept`` is read by werkzeug (q-values, wildcards, specificity); the offers list each format's
canonical media type before any alias, so a wildcard picks a canonical type and the group's
first format is the default. A format suffix (``.ttl``) fixes the format of a document; a client
that accepts none of the offers gets 406 naming them. Responses carry ``Vary: Accept``, ``Link``
alternates (except JSON-LD, see :func:`respond`) and canonical, and an ETag that names the
snapshot, path and variant, so a conditional request is answered 304 before any work is done.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from flask import Response, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable, NotFound

from kg.formats import DOCUMENTS, JSONLD, Format, by_media_type
from kg.web.context import here


def offers(group: Sequence[Format]) -> list[str]:
    """The media types of ``group``: every canonical one first, then the aliases."""
    canonical = [f.media_type for f in group]
    return canonical + [m for f in group for m in f.media_types[1:] if m not in canonical]


def negotiate(group: Sequence[Format], accept: MIMEAccept | None = None
              ) -> tuple[Format, str] | None:
    """The format of ``group`` that ``accept`` (default: the request's) prefers, and the media
    type it matched; the group's first format when it says nothing; None when it accepts none."""
    accept = request.accept_mimetypes if accept is None else accept
    if not accept:
        return group[0], group[0].media_type
    media = accept.best_match(offers(group))
    return None if media is None else (by_media_type(group)[media], media)


def pick(suffix: str | None, group: Sequence[Format] = DOCUMENTS) -> tuple[Format, str]:
    """The format asked for, by ``suffix`` or by ``Accept``, and the media type to answer with
    (an alias when asked so: ``application/json`` is JSON-LD under a name JSON clients accept)."""
    if suffix is not None:
        for fmt in group:
            if fmt.suffix == suffix:
                return fmt, fmt.media_type
        raise NotFound(f"no .{suffix} variant; offered: " + ", ".join("." + f.suffix
                                                                      for f in group))
    chosen = negotiate(group)
    if chosen is None:
        raise NotAcceptable("this resource is offered as " + ", ".join(offers(group)))
    return chosen


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
        response = Response(body, content_type=fmt.content_type(media))
    response.set_etag(tag)
    response.headers["Cache-Control"] = "public, no-cache"
    # Not on JSON-LD: pyld's document loader (3.x) fails on a Link header that has more than
    # one rel="alternate" (it calls .get on the list it parses them into).
    # Variants where the client is; the canonical IRI as the data states it.
    local = here(canonical)
    links = [f'<{local}.{f.suffix}>; rel="alternate"; type="{f.media_type}"'
             for f in DOCUMENTS if f is not fmt and fmt is not JSONLD]
    links.append(f'<{canonical}>; rel="canonical"')
    response.headers["Link"] = ", ".join(links)
    if negotiated:
        response.vary.add("Accept")
        response.headers["Content-Location"] = f"{local}.{fmt.suffix}"
    return response
