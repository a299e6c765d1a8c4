"""Search over the archive: normalisation, ranking, filters, snippets and "who said what about X"."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.store import (
    Filters,
    QueryError,
    Store,
    entity_detail,
    find_quotes,
    list_entities,
    list_places,
    search_documents,
)


def ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.id for hit in page.hits]


@pytest.mark.parametrize(
    "query",
    [
        "الامم المتحدة",  # hamza and shadda left out
        "الأمم المتحده",  # ta marbuta typed as ha
        "الموصل",  # the text has المَوْصِل with diacritics
        "مسؤول",  # the text has مسؤولٌ with tanwin
        "انّ",  # a query with a shadda finds the same word
    ],
)
def test_a_query_without_hamza_or_diacritics_finds_text_with_them(archive: Store, query: str) -> None:
    assert "hamza" in ids(search_documents(archive, query))


def test_highlights_map_back_to_the_raw_text(archive: Store) -> None:
    hit = next(h for h in search_documents(archive, "الموصل").hits if h.id == "hamza")
    text = hit.snippet.plain()
    marked = [part for part, is_match in hit.snippet.parts if is_match]
    assert marked == ["المَوْصِل"]
    assert "المَوْصِل" in text


def test_a_word_with_a_clitic_is_found_by_its_stem(archive: Store) -> None:
    # The seed writes الإدارة only as "والإدارة" and طرد only as "لطرد".
    for word in ("الإدارة", "طرد"):
        hit = search_documents(archive, word).hits[0]
        assert hit.id == "seed"
        assert [text for text, is_match in hit.snippet.parts if is_match][0] == word


def test_results_are_ranked_and_counted(archive: Store) -> None:
    page = search_documents(archive, "الموصل")
    assert page.total == 3
    assert ids(page)[0] == "seed"  # named most often
    scores = [hit.score for hit in page.hits]
    assert scores == sorted(scores)


def test_phrases_or_and_exclusion(archive: Store) -> None:
    assert ids(search_documents(archive, '"وزير الدفاع الفرنسي"')) == ["seed"]
    assert set(ids(search_documents(archive, "هولاند OR مستقر"))) == {"seed", "hamza", "xss"}
    assert "seed" not in ids(search_documents(archive, "الموصل -داعش"))


def test_a_malformed_query_raises_query_error_not_sql_error(archive: Store) -> None:
    with pytest.raises(QueryError):
        search_documents(archive, '"الموصل')


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(entity="لو دريان"), ["seed"]),
        (Filters(speaker="كارتر"), ["seed"]),
        (Filters(place="الرقة"), ["seed"]),
        (Filters(place="Mosul"), ["seed"]),
        (Filters(outlet="المغرب اليوم"), ["seed"]),
        (Filters(date_from=date(2017, 1, 1)), ["hamza", "xss"]),
        (Filters(date_to=date(2016, 10, 25)), ["seed"]),
        (Filters(entity="شخص لا يعرفه أحد"), []),
    ],
)
def test_filters_narrow_the_results(archive: Store, filters: Filters, expected: list[str]) -> None:
    assert sorted(ids(search_documents(archive, "", filters))) == expected


def test_an_empty_query_lists_newest_first(archive: Store) -> None:
    assert ids(search_documents(archive, "")) == ["xss", "hamza", "seed"]


def test_who_said_what_about_x(archive: Store) -> None:
    total, quotes = find_quotes(archive, "الرقة")
    assert total == 2  # Carter's, and Le Drian's "...والرقة السورية" found through the clitic's stem
    assert {q.speaker for q in quotes} == {"أشتون كارتر", "جان إيف لو دريان"}
    assert [[text for text, hit in q.content.parts if hit] for q in quotes] == [["الرقة"], ["الرقة"]]
    total, by_him = find_quotes(archive, "", Filters(speaker="لو دريان"))
    assert total == 2
    assert all(q.speaker == "جان إيف لو دريان" for q in by_him)


def test_entities_rank_by_articles_and_filter_by_type(archive: Store) -> None:
    total, people = list_entities(archive, "PER")
    assert {p.name for p in people} >= {"جان إيف لو دريان", "أشتون كارتر"}
    assert all(p.label == "PER" for p in people)


def test_an_entity_page_has_aliases_quotes_in_time_order_and_a_timeline(archive: Store) -> None:
    (person,) = list_entities(archive, "PER", "لو دريان")[1]
    detail = entity_detail(archive, person.id)
    assert detail.aliases[:2] == ("جان إيف لو دريان", "لو دريان")
    assert [q.document.id for q in detail.quotes] == ["seed", "seed"]
    assert detail.timeline == (("2016-10", 1, 2),)


def test_places_come_with_coordinates_and_counts(archive: Store) -> None:
    places = {p.gazetteer_name: p for p in list_places(archive)}
    assert places["Mosul"].name == "الموصل"
    assert places["Mosul"].documents == 1
    assert round(places["Mosul"].latitude) == 36


QUERY_ALPHABET = "ابتةسمولأإآءىيـًٌّ \"«»“”*-():^+{}،.ANDORNEARTx0123456789"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=QUERY_ALPHABET, max_size=40))
def test_any_query_gives_results_or_a_query_error_never_an_sql_error(archive: Store, query: str) -> None:
    try:
        search_documents(archive, query)
        find_quotes(archive, query)
    except QueryError as error:
        assert str(error)
