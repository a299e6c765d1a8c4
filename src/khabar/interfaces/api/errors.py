"""Every error the API returns has the same shape: ``{"error": code, "detail": reason}`` and a 4xx status.

Bad requests (malformed JSON, a query that cannot be understood, a body too large, parameters out of
range) are the client's to fix and always get a 4xx with a reason, never a 500.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar.errors import InputError, KhabarError, Reason, StageError
from khabar.interfaces.api.models import error_body
from khabar.store import QueryError, StoreError

log = logging.getLogger(__name__)
_STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 408: "timeout", 413: "too_large",
                 415: "unsupported"}
_INPUT_STATUS = {Reason.TOO_LARGE: 413, Reason.MALFORMED: 400, Reason.UNDECODABLE: 400}


class ApiError(Exception):
    """An answer other than 200, raised by a route: status, machine-readable code, reason."""

    def __init__(self, status: int, error: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail


def _answer(status: int, error: str, detail: str) -> JSONResponse:
    return JSONResponse(error_body(error, detail), status_code=status)


def _validation_detail(exc: RequestValidationError) -> str:
    """One line per problem: ``query.limit: Input should be less than or equal to 100``."""
    lines = []
    for problem in exc.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()))
        lines.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(lines) or "invalid request"


# What each error a request can meet answers: status, code, reason. As Starlette does, the most specific
# class in the error's MRO picks the answer (a QueryError is a KhabarError: 400, not 422).
_ANSWERS: dict[type[Exception], Callable[[Any], tuple[int, str, str]]] = {
    ApiError: lambda exc: (exc.status, exc.error, exc.detail),
    QueryError: lambda exc: (400, "bad_query", str(exc)),
    InputError: lambda exc: (_INPUT_STATUS.get(exc.reason, 422), exc.reason.value, exc.detail or exc.message),
    StoreError: lambda exc: (503, "archive_unavailable", str(exc)),
    StageError: lambda exc: (500, "stage_failed", str(exc)),
    KhabarError: lambda exc: (422, "invalid", str(exc)),
    RequestValidationError: lambda exc: (422, "invalid_request", _validation_detail(exc)),
    StarletteHTTPException: lambda exc: (exc.status_code, _STATUS_CODES.get(exc.status_code, "error"), str(exc.detail)),
}


def install_error_handlers(app: FastAPI, headers: Mapping[str, str]) -> None:
    """Translate khabar's errors and FastAPI's own into ``{"error", "detail"}`` answers; ``headers`` go on
    the answer to an unexpected error too."""

    async def _known(_: Request, exc: Exception) -> JSONResponse:
        answer = next(_ANSWERS[kind] for kind in type(exc).__mro__ if kind in _ANSWERS)
        return _answer(*answer(exc))

    for kind in _ANSWERS:
        app.add_exception_handler(kind, _known)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug, not a bad request: still the error shape and the security headers (this handler runs
        # outside the app's middleware), and the traceback in the server's log, never in the answer.
        log.exception("unexpected error answering %s %s", request.method, request.url.path)
        answer = _answer(500, "internal", f"khabar failed on this request ({type(exc).__name__}); the server's log has the details")
        answer.headers.update(headers)
        return answer
