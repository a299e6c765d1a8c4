"""Requests that once got a 500 (issue 22): each now a 4xx with the error shape and the security headers."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the api extra (fastapi) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from khabar.interfaces.api import ApiSettings, create_app  # noqa: E402
from khabar.interfaces.api.app import SECURITY_HEADERS  # noqa: E402

TOO_BIG = "9223372036854775808"  # SQLite's largest integer + 1


def assert_refused(answer, status: int = 422) -> dict:  # type: ignore[no-untyped-def]
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error", "detail"} and body["detail"]
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers[name] == value
    return body


@pytest.mark.parametrize(
    ("path", "params"),
    [(f"/entities/{TOO_BIG}", {}), ("/entities/99999999999999999999999999", {}), ("/search", {"entity": TOO_BIG}),
     ("/search", {"speaker": TOO_BIG}), ("/search", {"place": TOO_BIG}), ("/quotes", {"speaker": TOO_BIG}),
     ("/quotes", {"entity": " " + TOO_BIG})],
)
def test_an_id_beyond_sqlite_is_a_422(client: TestClient, path: str, params: dict[str, str]) -> None:
    assert_refused(client.get(path, params=params))


def test_other_digits_are_names_or_ids_not_errors(client: TestClient) -> None:
    assert client.get("/search", params={"entity": "²"}).status_code == 200  # isdigit, but no int()
    assert client.get("/search", params={"entity": "٣"}).status_code == 200  # an Arabic-Indic id
    assert client.get("/entities/9223372036854775807").status_code == 404


@pytest.mark.parametrize("field", ["text", "title", "id", "url", "author"])
def test_a_lone_surrogate_in_an_analyze_body_is_no_500(client: TestClient, field: str) -> None:
    """The reader replaces it by U+FFFD and notes it, as it does in a file (the article is kept)."""
    text = "قال وزير الخارجية إن المحادثات ستستأنف في الموصل."
    body = f'{{"text": "{text}", "{field}": "قال \\ud800 الوزير"}}' if field != "text" else f'{{"text": "\\ud800 {text}"}}'
    answer = client.post("/analyze", content=body.encode(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text
    assert "lone_surrogate" in {d["code"] for d in answer.json()["diagnostics"]}


def test_an_unexpected_error_keeps_the_error_shape_and_the_headers(archive_path: Path) -> None:
    def broken():  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")

    app = create_app(ApiSettings(db=archive_path), pipeline_factory=broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        body = assert_refused(client.post("/analyze", content="قال الوزير إن الوضع صعب".encode()), 500)
    assert body["error"] == "internal" and "a bug" not in body["detail"]


@pytest.fixture()
def slow_server(archive_path: Path, live_server) -> Iterator[int]:  # type: ignore[no-untyped-def]
    """A real server (TestClient cannot send a false Content-Length) with a 1 s body timeout."""
    app = create_app(ApiSettings(db=archive_path, body_timeout_s=1.0), pipeline_factory=lambda: None)  # type: ignore[arg-type,return-value]
    with live_server(app) as port:
        yield port


def test_a_false_content_length_gets_a_408_not_a_held_connection(slow_server: int) -> None:
    with socket.create_connection(("127.0.0.1", slow_server), timeout=10) as connection:
        connection.sendall(b"POST /analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                           b"Content-Length: 500\r\n\r\n" + "قال".encode())
        started = time.monotonic()
        received = b""
        while b'"error"' not in received and (chunk := connection.recv(65536)):  # headers and body may come apart
            received += chunk
        answer = received.decode("utf-8", "replace")
    assert time.monotonic() - started < 8
    assert answer.startswith("HTTP/1.1 408") and '"error":"timeout"' in answer
    assert "content-security-policy" in answer.lower()
