"""The Flask application factory: a blueprint per surface, errors turned into responses once.

The web tier only reads: it serves the published snapshot (see :mod:`kg.web.context`). The
surfaces: the SPARQL endpoint (:mod:`kg.web.endpoint`), linked-data documents
(:mod:`kg.web.documents`) and the site of the dataset as a whole (:mod:`kg.web.site`).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from kg import folder
from kg.settings import Settings
from kg.web import compression, context, documents, endpoint, limits, site

log = logging.getLogger("kg.web")
# Pages load their own scripts, styles and images only, and no one frames them. Their JSON
# blocks (<script type="application/ld+json">) are data, never run, so they need no exception.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(settings: Settings | None = None) -> Flask:
    """Build the newskg web application for ``settings`` (default: from the environment).

    Raises :class:`kg.folder.BaseMismatch` when a base IRI is given that is not the data's.
    """
    settings = folder.resolve(settings or Settings.from_env())
    app = Flask("kg.web", static_folder="static")
    hops = settings.trusted_proxies
    if hops:  # only then are X-Forwarded-* believed: client address, scheme, host, path prefix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops,
                                x_prefix=hops)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_query_bytes + 4096
    context.install(app, settings)
    endpoint.install(app, settings)
    limits.install(app, settings)
    app.register_blueprint(endpoint.blueprint)
    app.register_blueprint(documents.blueprint)
    app.register_blueprint(site.blueprint)
    compression.init_app(app, cache_bytes=settings.cache_mb * 2**20 // 4)

    @app.after_request
    def _cors(response: Response) -> Response:
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
        response.headers.setdefault("Access-Control-Expose-Headers", ", ".join(context.EXPOSED))
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> tuple[Response, int]:
        response, status = context.error_response(exc.code or 500, exc.name,
                                                  exc.description or "")
        for name, value in exc.get_headers():  # Allow on 405, WWW-Authenticate...
            if name.lower() != "content-type":
                response.headers[name] = value
        return response, status

    @app.errorhandler(context.NotPublished)
    def _not_published(exc: context.NotPublished) -> tuple[Response, int]:
        return context.error_response(503, "Service Unavailable", str(exc))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response, int]:
        # Logged with its traceback for the operator; the client sees no detail.
        log.exception("unexpected error on %s %s", request.method, request.path)
        return context.error_response(500, "Internal Server Error", "the server could not answer")

    return app


def close(app: Flask) -> None:
    """Stop what ``app`` started (its query processes): for tests and embedders."""
    endpoint.close(app)
