"""The batch tables follow the layer declarations (model/layers.py): each row has the declared columns."""

from __future__ import annotations

from khabar.batch.tables import DECLARED, SCHEMAS, TABLES, TableRows


def test_every_row_builder_fills_the_declared_columns(sample_builders) -> None:  # type: ignore[no-untyped-def]
    samples = sample_builders
    doc = samples.annotate_seed(samples.seed_document())
    rows = TableRows("p")
    rows.add(doc)
    for table in DECLARED:
        assert rows.rows[table.name], f"the seed gives no {table.name} rows"
        assert all(list(row) == [c.name for c in table.columns] for row in rows.rows[table.name]), table.name
    tables = dict(rows.tables())
    assert tables["events"].num_rows == len(doc.events) > 0
    assert tables["events"].schema == SCHEMAS["events"]


def test_the_tables_keep_their_order_with_events_last() -> None:
    assert TABLES == ("documents", "entities", "mentions", "quotes", "places", "dates", "events")
