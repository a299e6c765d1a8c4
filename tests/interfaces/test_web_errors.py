"""The web page's error handling (issue 22), in Node where it needs no DOM: a malformed fragment is a
RouteError (once an uncaught URIError that left the page on "جارٍ التحميل…"), and every error the API can
answer reads in Arabic. The page itself is checked in Chromium by test_web_browser.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parents[2] / "src" / "khabar" / "interfaces" / "web" / "static" / "js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (apt-get install nodejs)")
ARABIC = re.compile(r"[\u0600-\u06ff]")


def run_module(code: str) -> object:
    result = subprocess.run([str(NODE), "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_malformed_fragment_is_a_route_error_with_an_arabic_text() -> None:
    found = run_module(f"""
        import {{ parseHash, RouteError }} from "{JS / 'hash.js'}";
        const out = [];
        for (const hash of ["#/doc/%E0%A4%A", "#/entity/%", "#/place/%ZZ"]) {{
          try {{ parseHash(hash); out.push(null); }} catch (e) {{ out.push([e instanceof RouteError, e.code, e.message]); }}
        }}
        out.push(parseHash("#/doc/%D8%A7%D9%84"), parseHash("#/search?q=%E0%A4%A"));
        console.log(JSON.stringify(out));
    """)
    assert isinstance(found, list)
    for error in found[:3]:
        assert error[0] is True and error[1] == "bad_link" and ARABIC.search(error[2])
    assert found[3] == {"kind": "doc", "id": "ال", "params": {}}
    assert found[4]["kind"] == "search"  # a bad escape in the query is read as written, never thrown


def test_every_api_error_code_reads_in_arabic() -> None:
    codes = ["not_found", "bad_query", "invalid_request", "too_large", "timeout", "no_archive", "archive_unavailable",
             "internal", "something_new"]
    found = run_module(f"""
        import {{ ApiError, errorText }} from "{JS / 'dom.js'}";
        console.log(JSON.stringify({json.dumps(codes)}.map((code) => errorText(new ApiError(code, "no entity has the id 5")))
          .concat([errorText(new TypeError("Failed to fetch")), errorText(new Error("x is undefined"))])));
    """)
    assert isinstance(found, list) and len(found) == len(codes) + 2
    for shown in found:
        assert ARABIC.search(shown["text"]) and not re.search(r"[A-Za-z]{3}", shown["text"])
    assert found[0]["detail"] == "no entity has the id 5"  # the server's words kept, under "تفاصيل"


def test_the_api_error_codes_are_the_ones_the_page_knows() -> None:
    """A new code in the API's errors without an Arabic text shows the generic sentence: list them here."""
    page = (JS / "dom.js").read_text(encoding="utf-8")
    api = (JS.parents[2] / "api").glob("*.py")
    codes = {code for path in api for code in re.findall(r'ApiError\(\d+, "(\w+)"', path.read_text(encoding="utf-8"))}
    codes |= {"bad_query", "archive_unavailable", "invalid_request", "internal"}
    assert codes and all(f"  {code}:" in page for code in codes), codes
