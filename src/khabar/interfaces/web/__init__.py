"""khabar's web page: static files shipped in the package, served by the API app.

The page is right-to-left Arabic and fetches everything from the same server (no CDN, no web font).
It builds every piece of article text with ``textContent``, never ``innerHTML``, so markup in an article
shows as text; the server's Content-Security-Policy forbids inline scripts as a second guard.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).with_name("static")


def mount_web(app: FastAPI) -> None:
    """Serve the page at ``/``, its files under ``/static`` and the offline API docs at ``/docs``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def _index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def _docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8")
