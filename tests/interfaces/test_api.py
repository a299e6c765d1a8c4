"""The HTTP API through FastAPI's TestClient: answers, limits, and 4xx with reasons for bad requests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the api extra (fastapi) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from khabar.model import from_dict  # noqa: E402


def test_search_finds_the_seed_with_highlights(client: TestClient) -> None:
    answer = client.get("/search", params={"q": "الموصل"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == 3
    seed = next(hit for hit in body["hits"] if hit["id"] == "seed")
    assert any(part["match"] and part["text"] == "الموصل" for part in seed["snippet"])


def test_search_filters_and_pages(client: TestClient) -> None:
    body = client.get("/search", params={"speaker": "هولاند", "from": "2016-01-01", "to": "2016-12-31"}).json()
    assert [hit["id"] for hit in body["hits"]] == ["seed"]
    assert client.get("/search", params={"limit": 1, "offset": 1}).json()["hits"][0]["id"] == "hamza"


def test_a_stored_document_is_schema_json_with_archive_links(client: TestClient) -> None:
    body = client.get("/documents/seed").json()
    doc = from_dict(body)  # the schema reader accepts it (and ignores "archive")
    assert doc.id == "seed"
    assert len(doc.entities) == 9 and len(doc.quotes) == 4
    assert set(body["archive"]["entities"]) == {e.id for e in doc.entities}
    assert "tokens" not in body
    assert client.get("/documents/seed", params={"tokens": "true"}).json()["tokens"]


def test_entities_quotes_and_places(client: TestClient) -> None:
    people = client.get("/entities", params={"type": "PER"}).json()["entities"]
    le_drian = next(p for p in people if p["name"] == "جان إيف لو دريان")
    detail = client.get(f"/entities/{le_drian['id']}").json()
    assert [q["speaker"]["name"] for q in detail["quotes"]] == ["جان إيف لو دريان"] * 2
    assert detail["timeline"] == [{"month": "2016-10", "documents": 1, "quotes": 2}]
    quotes = client.get("/quotes", params={"about": "الرقة", "speaker": "كارتر"}).json()
    assert quotes["total"] == 1
    places = client.get("/places").json()["places"]
    assert {p["gazetteer_name"] for p in places} == {"Mosul", "Ar Raqqah", "Paris", "Iraq"}


def test_analyze_text_and_json(client: TestClient) -> None:
    text = "قال وزير الخارجية إن المحادثات ستستأنف في الموصل."
    plain = client.post("/analyze", content=text.encode(), headers={"Content-Type": "text/plain; charset=utf-8"})
    assert plain.status_code == 200
    assert plain.json()["text"] == text
    record = {"text": text, "id": "a1", "title": "عنوان", "published": "2020-01-02"}
    as_json = client.post("/analyze", json=record, params={"tokens": "true"})
    assert as_json.status_code == 200
    doc = from_dict(as_json.json())
    assert (doc.id, doc.meta.title, doc.meta.published) == ("a1", "عنوان", "2020-01-02")
    assert doc.tokens



def test_times_carry_their_value_in_words(client: TestClient) -> None:
    """The API says each time's value for people (describe_time); from_dict reads past the words."""
    from khabar.stages.times import describe_time

    body = client.get("/documents/seed").json()
    assert body["times"] and all(t["words"] == describe_time(t["value"], t["type"]) for t in body["times"])
    assert from_dict(body).times[0].value == body["times"][0]["value"]

@pytest.mark.parametrize(
    ("send", "status", "error"),
    [
        ({"content": b'{"text": "\xd9\x82\xd8\xa7\xd9\x84', "headers": {"Content-Type": "application/json"}}, 400, "malformed"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "malformed"),
        ({"content": b"[1, 2]", "headers": {"Content-Type": "application/json"}}, 400, "malformed"),
        ({"content": b"[" * 5_000 + b"]" * 5_000, "headers": {"Content-Type": "application/json"}}, 400, "malformed"),
        ({"json": {"title": "لا نص"}}, 400, "malformed"),
        ({"content": b"\xff\xfe\x00bad", "headers": {"Content-Type": "text/plain"}}, 400, "undecodable"),
        ({"content": b"   ", "headers": {"Content-Type": "text/plain"}}, 422, "empty"),
        ({"content": b"The minister said talks will resume.", "headers": {"Content-Type": "text/plain"}}, 422, "not_arabic"),
        ({"content": "قال ".encode() * 6000, "headers": {"Content-Type": "text/plain"}}, 413, "too_large"),
    ],
)
def test_bad_bodies_get_a_4xx_with_a_reason(client: TestClient, send: dict, status: int, error: str) -> None:
    answer = client.post("/analyze", **send)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["error"] == error
    assert body["detail"]


@pytest.mark.parametrize(
    ("path", "params", "status", "error"),
    [
        ("/search", {"q": '"الموصل'}, 400, "bad_query"),
        ("/search", {"q": "الموصل AND"}, 400, "bad_query"),
        ("/search", {"q": "ب" * 501}, 422, "invalid_request"),
        ("/search", {"limit": 1000}, 422, "invalid_request"),
        ("/search", {"offset": -1}, 422, "invalid_request"),
        ("/search", {"from": "yesterday"}, 422, "invalid_request"),
        ("/search", {"from": "2020-01-02", "to": "2020-01-01"}, 422, "invalid_request"),
        ("/quotes", {"about": "(الرقة"}, 400, "bad_query"),
        ("/entities", {"type": "PERSON"}, 422, "invalid_request"),
        ("/entities/999999", {}, 404, "not_found"),
        ("/entities/abc", {}, 422, "invalid_request"),
        ("/documents/missing", {}, 404, "not_found"),
        ("/no/such/page", {}, 404, "not_found"),
    ],
)
def test_bad_requests_get_a_4xx_with_a_reason(client: TestClient, path: str, params: dict, status: int, error: str) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"] == error
    assert answer.json()["detail"]


def test_a_body_declared_too_large_is_refused_before_reading(client: TestClient) -> None:
    answer = client.post("/analyze", content=b"x", headers={"Content-Length": "999999999", "Content-Type": "text/plain"})
    assert answer.status_code == 413


def test_the_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "http" not in page.text.replace("http-equiv", "")  # no CDN: every asset is from this server
    spec = client.get("/openapi.json").json()
    assert {"/analyze", "/documents/{doc_id}", "/search", "/entities", "/entities/{entity_id}", "/quotes", "/places"} <= set(spec["paths"])
    assert "text/plain" in spec["paths"]["/analyze"]["post"]["requestBody"]["content"]


def test_every_answer_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/search", "/static/js/app.js"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_no_shipped_web_file_loads_anything_from_elsewhere(client: TestClient) -> None:
    from khabar.interfaces.web import STATIC

    for path in STATIC.rglob("*"):
        if path.suffix in (".html", ".js", ".css"):
            text = path.read_text(encoding="utf-8")
            assert "//cdn" not in text and "fonts.googleapis" not in text and "@import" not in text, path
            assert not any(sink in text for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write")), path


def test_without_an_archive_the_api_says_so(archive_path) -> None:  # type: ignore[no-untyped-def]
    from khabar.interfaces.api import ApiSettings, create_app

    with TestClient(create_app(ApiSettings(db=None))) as bare:
        read = bare.get("/search", params={"q": "الموصل"})
        write = bare.post("/entities/merge", json={"ids": [1, 2]})
    for answer in (read, write):  # reading or correcting, the same answer, naming today's command
        assert answer.status_code == 503
        assert answer.json() == {"error": "no_archive", "detail": "this server was started without an archive (khabar serve ARCHIVE)"}


def test_json_answers_keep_arabic_readable(client: TestClient) -> None:
    raw = client.get("/entities", params={"type": "LOC"}).content.decode()
    assert "الموصل" in raw or "\\u" not in json.dumps(json.loads(raw), ensure_ascii=False)


def test_events_by_actor_target_type_place_and_date(client: TestClient) -> None:
    demands = client.get("/events", params={"actor": "هولاند"}).json()
    assert [(e["type"], e["trigger"], e["actor"]["name"]) for e in demands["events"]] == [("DEMAND", "دعا", "فرانسوا هولاند")]
    raids = client.get("/events", params={"type": "ASSAULT", "place": "العراق", "date": "2014"}).json()
    assert [(e["trigger"], e["actor"], e["target"]["name"], e["place"]["name"]) for e in raids["events"]] == [
        ("غارات", {"id": None, "name": "فرنسا"}, "داعش", "العراق")
    ]
    assert "غارات" in raids["events"][0]["context"]
    assert client.get("/events", params={"actor": "فرنسا"}).json()["total"] == 1  # a phrase, no entity
    assert client.get("/events", params={"party": "داعش"}).json()["total"] == 2  # the target of one, the actor of another
    assert client.get("/events", params={"type": "ASSAULT", "place": "الموصل", "date": "2016"}).json()["total"] == 0
    assert client.get("/events", params={"mode": "planned"}).json()["events"][0]["trigger"] == "لمهاجمة"


def test_events_refuse_an_unknown_type_or_date(client: TestClient) -> None:
    assert client.get("/events", params={"type": "FIGHT"}).status_code == 422
    answer = client.get("/events", params={"date": "last year"})
    assert answer.status_code == 400
    assert "2016-10" in answer.json()["detail"]


def test_corrections_merge_split_list_and_undo(annotated_db: Path) -> None:
    from khabar.interfaces.api import ApiSettings, create_app

    with TestClient(create_app(ApiSettings(db=annotated_db)), raise_server_exceptions=False) as api:
        people = {e["name"]: e["id"] for e in api.get("/entities", params={"type": "PER"}).json()["entities"]}
        drian, carter = people["جان إيف لو دريان"], people["أشتون كارتر"]
        merged = api.post("/entities/merge", json={"ids": [drian, carter]})
        assert merged.status_code == 200 and merged.json()["entity"]["id"] == drian
        assert "أشتون كارتر" in merged.json()["aliases"]
        assert api.get(f"/entities/{carter}").json()["entity"]["id"] == drian  # the merged id answers
        made = api.get("/corrections").json()["corrections"]
        assert [(c["kind"], c["other"]) for c in made] == [("merge", "name:اشتونكارتر")]
        assert api.delete(f"/corrections/{made[0]['id']}").json()["corrections"] == []
        assert api.get(f"/entities/{carter}").json()["entity"]["name"] == "أشتون كارتر"
        api.post("/entities/merge", json={"ids": [drian, carter]})
        split = api.post(f"/entities/{drian}/split", json={"name": "أشتون كارتر"})  # a merge undone by a split
        assert split.status_code == 200 and split.json()["entity"]["id"] == carter
        assert [c["kind"] for c in api.get("/corrections").json()["corrections"]] == ["split"]
        for method, url, body, status, error in [
            ("post", "/entities/merge", {"ids": [drian]}, 422, "invalid_request"),
            ("post", "/entities/merge", {"ids": [drian, 99999]}, 404, "not_found"),
            ("post", f"/entities/{drian}/split", {"name": "جان إيف لو دريان"}, 422, "bad_correction"),
            ("delete", "/corrections/777", None, 404, "not_found"),
        ]:
            answer = api.request(method.upper(), url, json=body)
            assert (answer.status_code, answer.json()["error"]) == (status, error), (url, answer.json())


def test_events_follow_a_merge_and_a_split(annotated_db: Path) -> None:
    from khabar.interfaces.api import ApiSettings, create_app

    with TestClient(create_app(ApiSettings(db=annotated_db)), raise_server_exceptions=False) as api:
        people = {e["name"]: e["id"] for e in api.get("/entities", params={"type": "PER"}).json()["entities"]}
        drian, hollande = people["جان إيف لو دريان"], people["فرانسوا هولاند"]

        def demands(actor: str) -> list[tuple[str, int | None, str]]:
            found = api.get("/events", params={"actor": actor}).json()["events"]
            return [(e["trigger"], e["actor"]["id"], e["actor"]["name"]) for e in found]

        assert api.post("/entities/merge", json={"ids": [drian, hollande]}).status_code == 200
        assert demands(str(hollande)) == demands("هولاند") == demands(str(drian)) == [("دعا", drian, "جان إيف لو دريان")]
        split = api.post(f"/entities/{drian}/split", json={"name": "فرانسوا هولاند"}).json()["entity"]["id"]
        assert demands(str(drian)) == [] and demands("هولاند") == [("دعا", split, "فرانسوا هولاند")]
