"""``khabar render``: one article as an offline HTML page with the web page's highlights (issue 22)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.interfaces.cli import app
from khabar.interfaces.render import article_html, page_html
from khabar.interfaces.views import document_view

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"
ARTICLE_JS = REPO / "src" / "khabar" / "interfaces" / "web" / "static" / "js" / "article.js"

# A DOM just large enough for article.js (createElement, setAttribute, append, text nodes), serialised the way
# Python's html.escape writes text, so the web page's tree and khabar render's HTML can be compared as strings.
FAKE_DOM = """
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
class Node {}
class Text extends Node { constructor(t) { super(); this.t = t; } html() { return esc(this.t); } }
class Element extends Node {
  constructor(tag) { super(); this.tag = tag; this.attrs = []; this.kids = []; }
  setAttribute(n, v) { this.attrs.push([n, v]); }
  addEventListener() {}
  append(...nodes) { for (const n of nodes) this.kids.push(typeof n === "string" ? new Text(n) : n); }
  html() {
    const attrs = this.attrs.map(([n, v]) => ` ${n}="${esc(v)}"`).join("");
    return `<${this.tag}${attrs}>${this.kids.map((k) => k.html()).join("")}</${this.tag}>`;
  }
}
globalThis.Node = Node;
globalThis.document = { createElement: (t) => new Element(t), createTextNode: (t) => new Text(t) };
"""


def test_render_writes_an_offline_page_with_every_layer(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", str(SEED)])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.startswith("<!doctype html>") and '<html lang="ar" dir="rtl">' in page
    assert not re.search(r'(src|href)="(https?:)?//', page) and "<script" not in page  # nothing fetched, nothing run
    for label in ("PER", "ORG", "LOC", "TIME"):
        assert f'<mark class="ent ent-{label}"' in page
    assert page.count('class="quote quote-') >= 4 and 'class="cue"' in page and "جان إيف لو دريان" in page


def test_markup_in_the_text_is_shown_as_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    from khabar.stages.read import document_from_text

    doc = pipeline(document_from_text('قال الوزير <script>alert("x")</script> إن الوضع في الموصل مستقر.', "x"))
    html = page_html([doc])
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_same_highlights_as_the_web_page(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The web page's own renderer (article.js, in Node) and khabar render give the same HTML for the text."""
    from khabar.stages.read import read_path

    samples = [SEED, REPO / "src" / "khabar" / "resources" / "examples" / "ant_sample.jsonl"]
    docs = [pipeline(doc) for path in samples for doc in read_path(path) if not isinstance(doc, Exception)]
    assert len(docs) == 6
    source = tmp_path / "docs.json"
    source.write_text(json.dumps([document_view(d) for d in docs], ensure_ascii=False), encoding="utf-8")
    script = FAKE_DOM + f"""
        const {{ renderArticle }} = await import("{ARTICLE_JS}");
        const fs = await import("node:fs");
        const docs = JSON.parse(fs.readFileSync("{source}", "utf-8"));
        console.log(JSON.stringify(docs.map((d) => renderArticle(d, {{}}).html())));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for doc, web in zip(docs, json.loads(result.stdout), strict=True):
        assert article_html(doc) == web
