"""Every reference to an entity that a layer declares is followed in the archive by the one mechanism."""

from __future__ import annotations

from khabar.model import LIST_LAYERS
from khabar.store.references import ENTITY_ROWS, REFERENCES


def _entity_fields() -> list[tuple[str, str, tuple[str, ...]]]:
    """(layer, field key, its table's columns) of each field that refers to an entity, in the layer's SQL table."""
    found = []
    for layer in LIST_LAYERS:
        for field in (f for f in layer.fields if f.refers_to == "entities"):
            (table,) = [t for t in layer.sql if f"{field.key} INTEGER" in t.columns
                        or f"{field.key} INTEGER NOT NULL" in t.columns]
            found.append((table.name, field.key, table.columns))
    return found


def test_every_entity_reference_is_followed_with_its_local_id() -> None:
    references = {(ref.table, ref.column): ref for ref in REFERENCES}
    fields = _entity_fields()
    assert {(table, key) for table, key, _ in fields} == set(references) | {("places", "entity")}
    for table, key, columns in fields:
        if table in ENTITY_ROWS:  # a place is a row of its entity, moved with it by its own Entity.id
            assert "local_id TEXT" in columns
        else:
            ref = references[(table, key)]
            assert f"{ref.local} TEXT" in columns and (ref.key is None or f"{ref.key} TEXT" in columns)

