"""Events in the archive: stored with their participants linked to archive entities, found by filters."""

from __future__ import annotations

import pytest

from khabar.store import EventFilters, QueryError, Store, find_events
from khabar.store.events import context


def test_every_event_is_stored_with_entities_linked(archive: Store, sample_documents: list) -> None:
    seed = sample_documents[0]
    rows = archive.connection.execute("SELECT local_id, type, actor, actor_text, target, place, date, quote FROM events "
                                      "ORDER BY local_id").fetchall()
    assert [r[0] for r in rows] == [e.id for e in seed.events]
    raid = rows[0]
    assert raid[1:4] == ("ASSAULT", None, "فرنسا") and raid[4] is not None and raid[5] is not None
    assert rows[2][7] is not None  # the meeting is linked to the quote that reports it


@pytest.mark.parametrize(
    ("filters", "triggers"),
    [
        (EventFilters(actor="هولاند"), ["دعا"]),
        (EventFilters(target="داعش"), ["غارات"]),
        (EventFilters(party="داعش"), ["لمهاجمة", "غارات"]),
        (EventFilters(type="assault", date="2014"), ["غارات"]),
        (EventFilters(place="باريس"), ["اجتماع"]),
        (EventFilters(type="ASSAULT", place="الموصل", date="2016"), []),
        (EventFilters(mode="planned"), ["لمهاجمة"]),
    ],
)
def test_events_are_found_by_what_was_done_to_whom(archive: Store, filters: EventFilters, triggers: list[str]) -> None:
    total, hits = find_events(archive, filters)
    assert total == len(triggers)
    assert sorted(h.trigger for h in hits) == sorted(triggers)


def test_participants_and_dates_read_back(archive: Store) -> None:
    (raid,) = find_events(archive, EventFilters(target="داعش"))[1]
    assert (raid.actor_id, raid.actor, raid.target, raid.place, raid.date) == (None, "فرنسا", "داعش", "العراق", "2014")
    assert raid.document.id == "seed" and "غارات" in raid.context


def test_bad_filters_say_what_to_write(archive: Store) -> None:
    with pytest.raises(QueryError, match="unknown event type 'FIGHT'"):
        find_events(archive, EventFilters(type="FIGHT"))
    with pytest.raises(QueryError, match="2016-10"):
        find_events(archive, EventFilters(date="2016/10"))


def test_context_is_the_sentence_around_the_trigger() -> None:
    text = "جملة أولى. وقصفت الطائرات المدينة. ثم هدأ الوضع"
    assert context(text, text.index("وقصفت"), text.index("وقصفت") + 5) == "وقصفت الطائرات المدينة"
