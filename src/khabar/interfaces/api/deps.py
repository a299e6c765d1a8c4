"""What routes share: the server's settings, a read-only archive connection per request, the pipeline."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from khabar.interfaces.api.errors import ApiError
from khabar.pipeline import Pipeline
from khabar.store import Store, open_store

DEFAULT_MAX_BODY_BYTES = 1_000_000
DEFAULT_MAX_CHARS = 200_000
DEFAULT_BODY_TIMEOUT_S = 30.0


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """The server's archive and its limits on what one request may send."""

    db: Path | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S


class PipelineHolder:
    """Builds the pipeline on first use (loading models takes time) and shares it between requests."""

    def __init__(self, factory: Callable[[], Pipeline]) -> None:
        self._factory = factory
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def get(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._factory()
            return self._pipeline


def settings(request: Request) -> ApiSettings:
    value: ApiSettings = request.app.state.settings
    return value


def archive(request: Request) -> Iterator[Store]:
    """A read-only connection to the archive for one request (SQLite connections are cheap to open)."""
    yield from _connection(request, readonly=True)


def _connection(request: Request, *, readonly: bool) -> Iterator[Store]:
    db = settings(request).db
    if db is None:
        raise ApiError(503, "no_archive", "this server was started without an archive (khabar serve ARCHIVE)")
    store = open_store(db, readonly=readonly)
    try:
        yield store
    finally:
        store.close()


async def read_body(request: Request, max_bytes: int, timeout_s: float = DEFAULT_BODY_TIMEOUT_S) -> bytes:
    """The request body, refused with 413 as soon as it grows past ``max_bytes``, and with 408 when it has
    not all come within ``timeout_s`` (a client that declares more than it sends would hold the connection)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ApiError(413, "too_large", f"the body is {int(declared):,} bytes; at most {max_bytes:,} are accepted")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout_s):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise ApiError(413, "too_large", f"the body is larger than {max_bytes:,} bytes, the most accepted")
                chunks.append(chunk)
    except TimeoutError:
        raise ApiError(408, "timeout", f"the body did not arrive within {timeout_s:g} s ({size:,} bytes came; "
                       "is Content-Length right?)") from None
    return b"".join(chunks)


def writable_archive(request: Request) -> Iterator[Store]:
    """A connection that may write (corrections to the archive's entities), for one request."""
    yield from _connection(request, readonly=False)
