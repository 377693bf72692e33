"""The Flask application factory: blueprints per area, errors turned into responses in one place.

The web tier only reads: it serves the published snapshot (see :mod:`kg.web.state`).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from kg.settings import Settings
from kg.web.cache import AnswerCache
from kg.web.state import NotPublished, Published, View

log = logging.getLogger("kg.web")


def create_app(settings: Settings | None = None) -> Flask:
    """Build the newskg web application for ``settings`` (default: from the environment)."""
    settings = settings or Settings.from_env()
    app = Flask("kg.web", static_folder="static")
    app.config["NEWSKG"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.max_query_bytes + 4096
    app.extensions["newskg.published"] = Published(settings.snapshots_dir, settings.base)
    # Three quarters of the cache for answers, a quarter for their gzipped bodies.
    app.extensions["newskg.answers"] = AnswerCache(settings.cache_mb * 2**20 * 3 // 4)

    from kg.web import compression, dataset, resources, sparql

    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(resources.blueprint)
    app.register_blueprint(dataset.blueprint)
    compression.init_app(app, cache_bytes=settings.cache_mb * 2**20 // 4)

    @app.after_request
    def _cors(response: Response) -> Response:
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
        # Scripts on other sites may read what tells them a result was cut or must wait.
        response.headers.setdefault("Access-Control-Expose-Headers",
                                    "ETag, Link, Content-Disposition, Retry-After, Vary, "
                                    "Newskg-Truncated, Newskg-Row-Limit")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> tuple[Response, int]:
        return error_response(exc.code or 500, exc.name, exc.description or "")

    @app.errorhandler(NotPublished)
    def _not_published(exc: NotPublished) -> tuple[Response, int]:
        return error_response(503, "Service Unavailable", "nothing is published yet")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response, int]:
        # Logged with its traceback for the operator; the client sees no detail.
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "Internal Server Error", "the server could not answer")

    return app


def view() -> View:
    """The published snapshot this request reads from (taken once per request)."""
    if "newskg_view" not in g:
        g.newskg_view = current_app.extensions["newskg.published"].view()
    return g.newskg_view


def answers() -> AnswerCache:
    """This worker's cache of answers to repeated requests (see :mod:`kg.web.cache`)."""
    return current_app.extensions["newskg.answers"]


def settings() -> Settings:
    return current_app.config["NEWSKG"]


def error_response(status: int, title: str, detail: str) -> tuple[Response, int]:
    """A JSON error body; never a traceback or a filesystem path."""
    response = jsonify({"error": title, "status": status, "detail": detail})
    return response, status
