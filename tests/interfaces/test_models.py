"""The API's pydantic models are checked against model/schema.py and the views the API adds: every field, no
more, no fewer."""

from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("pydantic", reason="the api extra (pydantic via fastapi) is not installed")

from khabar.interfaces.api.models import DocumentOut  # noqa: E402
from khabar.interfaces.views import document_view  # noqa: E402
from khabar.model import Diagnostic, Span  # noqa: E402


def _every_field_filled(samples):  # type: ignore[no-untyped-def]
    doc = samples.annotate_seed(samples.seed_document())
    role = samples.first(doc.text, "وزير الدفاع الفرنسي")
    entity = dataclasses.replace(doc.entities[0], type="politician", roles=(role,))
    notes = (Diagnostic("quotes", "unbalanced", "an unclosed «", Span(0, 3)), Diagnostic("read", "date", "no date"))
    return dataclasses.replace(doc, entities=(entity, *doc.entities[1:]), diagnostics=notes)


def test_the_document_model_reads_and_writes_the_view_unchanged(sample_builders) -> None:  # type: ignore[no-untyped-def]
    doc = _every_field_filled(sample_builders)
    assert doc.times
    for tokens in (True, False):
        data = document_view(doc, tokens=tokens)
        model = DocumentOut.model_validate(data)
        assert model.model_dump(by_alias=True, exclude_unset=True) == data


def test_every_schema_field_is_in_the_model(sample_builders) -> None:  # type: ignore[no-untyped-def]
    data = document_view(_every_field_filled(sample_builders), tokens=True)
    fields = {f.alias or name for name, f in DocumentOut.model_fields.items()}
    assert set(data) == fields
