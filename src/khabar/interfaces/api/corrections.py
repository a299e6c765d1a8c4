"""``POST /entities/merge``, ``POST /entities/{id}/split``, ``GET`` and ``DELETE /corrections``: a person's
corrections to how the archive resolved its entities, kept across ingests."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from khabar.interfaces.api.deps import writable_archive
from khabar.interfaces.api.errors import ApiError
from khabar.interfaces.api.models import EntityDetailOut, ErrorOut, detail_out
from khabar.store import (
    CorrectionError,
    Store,
    entity_detail,
    list_corrections,
    merge_entities,
    split_name,
    undo_correction,
)

router = APIRouter(tags=["corrections"])
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (404, 422)}
MAX_MERGED = 50
Writable = Annotated[Store, Depends(writable_archive)]


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[int] = Field(min_length=2, max_length=MAX_MERGED, description="The entities that are one; the first is kept.")


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200, description="A name the entity goes by that names someone else.")


class CorrectionOut(BaseModel):
    id: int
    kind: str = Field(description="merge or split")
    identity: str = Field(description="merge: the entity kept; split: the entity a name was taken from")
    other: str = Field(description="merge: the entity merged into it; split: the name taken off")
    made_at: str


class CorrectionsOut(BaseModel):
    corrections: list[CorrectionOut]


def _refused(error: CorrectionError) -> ApiError:
    status = 404 if str(error).startswith("no ") else 422
    return ApiError(status, "not_found" if status == 404 else "bad_correction", str(error))


@router.post("/entities/merge", response_model=EntityDetailOut, responses=ERRORS, summary="Merge entities")
def merge(body: MergeIn, store: Writable) -> EntityDetailOut:
    """Make the entities one (the first kept): their articles, names and quotes from now on, also after
    later ingests. The ids merged away still answer, with the kept entity's page."""
    try:
        kept = merge_entities(store, body.ids)
    except CorrectionError as error:
        raise _refused(error) from None
    return detail_out(entity_detail(store, kept))


@router.post("/entities/{entity_id}/split", response_model=EntityDetailOut, responses=ERRORS, summary="Split a name off")
def split(entity_id: int, body: SplitIn, store: Writable) -> EntityDetailOut:
    """The articles that call the entity by ``name`` alone are about someone else: they become their own
    entity, and the name is never linked to this one again. Returns the new entity."""
    try:
        other = split_name(store, entity_id, body.name)
    except CorrectionError as error:
        raise _refused(error) from None
    return detail_out(entity_detail(store, other))


@router.get("/corrections", response_model=CorrectionsOut, summary="Corrections made")
def corrections(store: Writable) -> CorrectionsOut:
    """Every merge and split made, oldest first."""
    return CorrectionsOut(corrections=[CorrectionOut.model_validate(c, from_attributes=True) for c in list_corrections(store)])


@router.delete("/corrections/{correction_id}", response_model=CorrectionsOut, responses=ERRORS, summary="Undo a correction")
def undo(correction_id: int, store: Writable) -> CorrectionsOut:
    """Forget a correction: the archive links its entities again as if it had never been made."""
    try:
        undo_correction(store, correction_id)
    except CorrectionError as error:
        raise _refused(error) from None
    return corrections(store)
