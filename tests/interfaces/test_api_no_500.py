"""Random strings and integers to every API parameter and body (issue 22): never a 500, always the error shape."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the api extra (fastapi) is not installed")

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ARABIC_TEXT = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإ «»،.\n"), min_size=1, max_size=80)
SURROGATES = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)
TEXTS = st.one_of(st.text(max_size=80), ARABIC_TEXT, st.tuples(ARABIC_TEXT, SURROGATES, ARABIC_TEXT).map("".join))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "id", "title", "html", "url",
                                                                                  "published", "source", "x"]), inner, max_size=5),
    max_leaves=12,
)

VALUES = st.one_of(st.text(max_size=40), st.integers().map(str), st.integers(min_value=2**62).map(str),
                   st.sampled_from(["", " ", "-1", "0", "1e9", "9223372036854775808", "²", "٣", "\x00", "NaN",
                                    "true", "2020-02-30", "99999-01-01", '"', "*", "OR", "(", "الموصل", "a" * 600]))


def escape(value: str) -> str:
    """Percent-encoded as a client would send it; a lone surrogate as the broken bytes it would be."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def routes() -> list[tuple[str, str, list[str], list[str]]]:
    """Every API route: method, path template, its path parameters and its query parameters."""
    from fastapi.routing import APIRoute

    from khabar.interfaces.api import archive, create_app, documents

    found = []
    for route in [*archive.router.routes, *documents.router.routes, *create_app().routes]:  # routers: not flattened in every FastAPI
        if isinstance(route, APIRoute):
            flat = route.dependant
            queries, paths = [], [p.alias for p in flat.path_params]
            stack = [flat]
            while stack:
                dependant = stack.pop()
                queries += [p.alias for p in dependant.query_params]
                paths += [p.alias for p in dependant.path_params if p.alias not in paths]
                stack += dependant.dependencies
            found += [(method, route.path, paths, queries) for method in route.methods]
    return found


ROUTES = routes()


def test_every_route_is_covered() -> None:
    assert {path for _, path, _, _ in ROUTES} >= {"/search", "/quotes", "/entities", "/entities/{entity_id}",
                                                   "/places", "/documents/{doc_id}", "/analyze"}


@pytest.mark.parametrize(("method", "path", "path_params", "query_params"), ROUTES, ids=[f"{m} {p}" for m, p, _, _ in ROUTES])
@SETTINGS
@given(data=st.data())
def test_no_api_parameter_gives_a_500(client, method: str, path: str, path_params: list[str], query_params: list[str],  # type: ignore[no-untyped-def]
                                      data: st.DataObject) -> None:
    url = path
    for name in path_params:
        url = url.replace("{" + name + "}", escape(data.draw(VALUES.filter(lambda v: v.strip() not in ("", ".", "..")))))
    params = [f"{name}={escape(data.draw(VALUES))}" for name in query_params if data.draw(st.booleans())]
    body = data.draw(st.one_of(TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")), JSON_VALUES.map(lambda v: json.dumps(v).encode())))
    kind = data.draw(st.sampled_from(["text/plain", "application/json", "application/octet-stream"]))
    answer = client.request(method, url + "?" + "&".join(params), content=body if method == "POST" else None,
                            headers={"Content-Type": kind})
    assert answer.status_code < 500, (url, params, answer.text)
    if answer.status_code >= 400:
        assert set(answer.json()) == {"error", "detail"}
