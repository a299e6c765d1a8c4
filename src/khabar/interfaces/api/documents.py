"""``POST /analyze`` (an article in, its Document out) and ``GET /documents/{id}`` (a stored article)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from khabar.errors import JSON_TOO_DEEP
from khabar.interfaces.api.deps import archive, read_body, settings
from khabar.interfaces.api.errors import ApiError
from khabar.interfaces.api.models import ArticleIn, DocumentOut, ErrorOut, StoredDocumentOut
from khabar.interfaces.views import document_view
from khabar.model import Document
from khabar.stages.read import ReadOptions, document_from_text
from khabar.stages.read.formats import record_document
from khabar.store import Store, load_document

router = APIRouter(tags=["documents"])
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 413, 422)}
TOKENS = Query(description="Include the token layer (large).")
MAX_ID_CHARS = 300
API_SOURCE = "<api>"

_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "example": "قال وزير الدفاع الفرنسي جان إيف لو دريان ..."}},
        },
    }
}


def parse_article(body: bytes, content_type: str, options: ReadOptions) -> Document:
    """A Document from a request body: an article as JSON (``{"text": ...}``) or as plain UTF-8 text."""
    if not body.strip():
        raise ApiError(422, "empty", 'the body is empty: send the article as text/plain, or as JSON {"text": "..."}')
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "undecodable", f"the body is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if "json" not in content_type.lower():
        return document_from_text(text, "text", API_SOURCE, options)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "malformed", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ApiError(400, "malformed", JSON_TOO_DEEP) from None
    return record_document(record, "text", API_SOURCE, options)


@router.post(
    "/analyze", response_model=DocumentOut, response_model_exclude_unset=True, responses=ERRORS,
    openapi_extra=_ANALYZE_BODY, summary="Analyse one article",
)
async def analyze(request: Request, tokens: Annotated[bool, TOKENS] = False) -> Any:
    """Run khabar's pipeline over one article (text/plain, or JSON with "text" and optional id, title,
    url, published, source, author) and return its Document, with each time's value in words. Nothing is stored."""
    limits = settings(request)
    body = await read_body(request, limits.max_body_bytes, limits.body_timeout_s)
    options = ReadOptions(max_bytes=limits.max_body_bytes, max_chars=limits.max_chars)
    doc = parse_article(body, request.headers.get("content-type", ""), options)
    pipeline = await run_in_threadpool(request.app.state.pipelines.get)
    return document_view(await run_in_threadpool(pipeline, doc), tokens=tokens)


@router.get(
    "/documents/{doc_id}", response_model=StoredDocumentOut, response_model_exclude_unset=True,
    responses={404: {"model": ErrorOut}}, summary="A stored article",
)
def get_document(
    doc_id: Annotated[str, Path(max_length=MAX_ID_CHARS)],
    store: Annotated[Store, Depends(archive)],
    tokens: Annotated[bool, TOKENS] = False,
) -> Any:
    """The stored Document, with each of its entities' archive ids (for their pages)."""
    try:
        stored = load_document(store, doc_id)
    except KeyError:
        raise ApiError(404, "not_found", f"no document has the id {doc_id!r}") from None
    out = document_view(stored.document, tokens=tokens)
    out["archive"] = {"title": stored.title, "entities": stored.entity_links}
    return out
