"""Linked data: ``/id/{kind}/{key}`` answers 303 to ``/doc/{kind}/{key}``, which negotiates.

Routes accept only the kinds newskg mints and keys that match :data:`kg.ids.KEY_PATTERN`;
anything else is a 404 from the router, before any code here runs. An unknown key is 404 on
``/id`` too (never a 303 to a 404): the redirect looks the thing up first.
"""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template
from werkzeug.exceptions import NotFound
from werkzeug.routing import BaseConverter

from kg import ids
from kg.formats import HTML, JSONLD, Format, serialize
from kg.web import jsonld
from kg.web.context import (
    TRUNCATED,
    View,
    alternates,
    answers,
    base,
    here,
    settings,
    site,
    view,
)
from kg.web.documents import load, pages
from kg.web.represent import client_has, etag, pick, respond

blueprint = Blueprint("documents", __name__)


class KeyConverter(BaseConverter):
    """A key as minted by :mod:`kg.ids` and nothing else (no dots, slashes or upper case)."""

    regex = ids.KEY_PATTERN


@blueprint.record_once
def _register_converter(state: object) -> None:
    state.app.url_map.converters["key"] = KeyConverter  # type: ignore[attr-defined]


_KIND = "any(" + ", ".join(ids.KINDS) + "):kind"


@blueprint.get(f"/id/<{_KIND}>/<key:key>")
def thing(kind: str, key: str) -> Response:
    if not load.exists(view().store, kind, key):
        raise NotFound(f"no {kind} with key {key!r} in this dataset")
    response = redirect(here(ids.doc_iri(base(), kind, key)), code=303)
    response.headers["Cache-Control"] = "public, no-cache"
    return response


@blueprint.get(f"/doc/<{_KIND}>/<key:key>")
@blueprint.get(f"/doc/<{_KIND}>/<key:key>.<suffix>")
def document(kind: str, key: str, suffix: str | None = None) -> Response:
    fmt, media = pick(suffix)
    current = view()
    tag = etag(current.snapshot.name, fmt.name)
    canonical = ids.doc_iri(base(), kind, key)
    if client_has(tag):  # answered before any work: the tag names snapshot, path and format
        return respond(None, fmt, media, tag=tag, canonical=canonical, negotiated=suffix is None)
    body, truncated = _rendered(current, kind, key, fmt)
    response = respond(body, fmt, media, tag=tag, canonical=canonical, negotiated=suffix is None)
    if truncated:
        response.headers[TRUNCATED] = truncated
    return response


def _rendered(current: View, kind: str, key: str, fmt: Format) -> tuple[bytes | str, str]:
    """The document in ``fmt`` and what its truncation header says ("" if whole), cached."""
    cache_key = ("doc", kind, key, fmt.name)
    answer = answers().get(current.snapshot.name, cache_key)
    if answer is None:
        doc = load.load(current.store, kind, key, settings().doc_articles)
        if doc is None:
            raise NotFound(f"no {kind} with key {key!r} in this dataset")
        truncated = f"{doc.listed} of {doc.total} articles listed" if doc.truncated else ""
        answer = (_render(doc, fmt), truncated)
        answers().put(current.snapshot.name, cache_key, answer, len(answer[0]))
    return answer


def _render(doc: load.Document, fmt: Format) -> bytes | str:
    if fmt is JSONLD:
        return jsonld.dumps(jsonld.frame(doc.triples, doc.thing))
    if fmt is not HTML:
        return serialize(doc.triples, fmt)
    is_article = doc.kind == "article"
    return render_template(
        "article.html" if is_article else "entity.html",
        page=pages.article(doc) if is_article else pages.entity(doc),
        thing=doc.thing, site=site(), canonical=doc.iri, alternates=alternates(doc.iri),
        schema_org=jsonld.schema_org_script(jsonld.frame(doc.triples, doc.thing)),
    )
