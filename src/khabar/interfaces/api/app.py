"""The khabar HTTP app: the JSON API, its offline docs, and the Arabic web page, from one process.

    uvicorn --factory khabar.interfaces.api:app_from_env   (or: khabar serve khabar.db)
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from fastapi import FastAPI, Request, Response

from khabar.interfaces.api import archive, corrections, documents, events
from khabar.interfaces.api.deps import ApiSettings, PipelineHolder
from khabar.interfaces.api.errors import install_error_handlers
from khabar.interfaces.web import mount_web
from khabar.pipeline import Pipeline, default_pipeline

DB_ENV = "KHABAR_DB"
# Everything the page needs comes from this server; nothing inline runs, nothing is fetched elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DESCRIPTION = (
    "Search an archive of Arabic news analysed by khabar: articles, the people, organisations and places "
    "they name, who said what, and where. Errors are `{\"error\": code, \"detail\": reason}` with a 4xx status."
)


def _version() -> str:
    try:
        return version("khabar")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def create_app(settings: ApiSettings | None = None, pipeline_factory: Callable[[], Pipeline] = default_pipeline) -> FastAPI:
    """The app over ``settings.db``; the pipeline for ``POST /analyze`` is built on first use."""
    app = FastAPI(
        title="khabar", version=_version(), description=DESCRIPTION, docs_url=None, redoc_url=None,
    )
    app.state.settings = settings or ApiSettings()
    app.state.pipelines = PipelineHolder(pipeline_factory)
    install_error_handlers(app, SECURITY_HEADERS)
    app.include_router(documents.router)
    app.include_router(archive.router)
    app.include_router(events.router)
    app.include_router(corrections.router)
    mount_web(app)

    @app.middleware("http")
    async def _secure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def app_from_env() -> FastAPI:
    """The app over the archive named by ``$KHABAR_DB`` (for ``uvicorn --factory``)."""
    db = os.environ.get(DB_ENV)
    return create_app(ApiSettings(db=Path(db) if db else None))
