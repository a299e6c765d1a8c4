"""``khabar render``: articles as one offline HTML page, drawn by the web page's own code (issue 22).

The page is checked here as a file (self-contained, the web page's modules and the API's Documents inlined,
markup kept as text) and run in Node on a small DOM (the inlined script draws what the modules draw);
tests/interfaces/test_web_browser.py opens it in Chromium and compares it with the web page's article.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.interfaces.cli import app
from khabar.interfaces.render import SCRIPTS, InlineError, inline_script, modules, page_html
from khabar.interfaces.views import document_view

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"
ANT_SAMPLE = REPO / "src" / "khabar" / "resources" / "examples" / "ant_sample.jsonl"
NODE = shutil.which("node") or ""
DATA = re.compile(r'<script type="application/json" id="khabar-documents">(.*?)</script>', re.DOTALL)

# A DOM just large enough for the web page's article code (createElement, setAttribute, append, text nodes),
# serialised the way Python's html.escape writes text, so two drawings can be compared as strings.
FAKE_DOM = """
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
class Node {}
class Text extends Node { constructor(t) { super(); this.t = t; } html() { return esc(this.t); } }
class Element extends Node {
  constructor(tag) { super(); this.tag = tag; this.attrs = []; this.kids = []; this.dataset = {}; }
  setAttribute(n, v) { this.attrs.push([n, v]); }
  addEventListener() {}
  append(...nodes) { for (const n of nodes) this.kids.push(typeof n === "string" ? new Text(n) : n); }
  replaceChildren(...nodes) { this.kids = []; this.append(...nodes); }
  html() {
    const attrs = this.attrs.map(([n, v]) => ` ${n}="${esc(v)}"`).join("");
    return `<${this.tag}${attrs}>${this.kids.map((k) => k.html()).join("")}</${this.tag}>`;
  }
}
globalThis.Node = Node;
const fs = await import("node:fs");
const view = new Element("main");
const data = { textContent: fs.readFileSync(process.env.DOCS, "utf-8") };
globalThis.document = {
  createElement: (t) => new Element(t), createTextNode: (t) => new Text(t), body: new Element("body"),
  getElementById: (id) => ({ view, "khabar-documents": data })[id],
};
"""


def _docs(pipeline, *paths: Path):  # type: ignore[no-untyped-def]
    from khabar.stages.read import read_path

    return [pipeline(doc) for path in paths for doc in read_path(path) if not isinstance(doc, Exception)]


def test_render_writes_one_self_contained_page_with_every_layer(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["render", str(SEED)])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.startswith("<!doctype html>") and '<html lang="ar" dir="rtl">' in page
    # nothing is fetched: no file beside it, no address elsewhere
    assert not re.search(r"""<link\b|\bsrc\s*=|\bhref\s*=|@import|url\(\s*["']?(https?:)?//""", page)
    assert (SCRIPTS.parent / "style.css").read_text(encoding="utf-8") in page
    # the Documents as the API gives them: every layer, and each time's words
    shown = json.loads(DATA.search(page)[1])  # type: ignore[index]
    assert shown == [document_view(doc) for doc in _docs(pipeline, SEED)]
    seed = shown[0]
    assert {e["label"] for e in seed["entities"]} >= {"PER", "ORG", "LOC"} and len(seed["quotes"]) >= 4
    assert seed["times"] and all(t["words"] and not re.search(r"XXXX|REF", t["words"]) for t in seed["times"])
    assert "جان إيف لو دريان" in seed["text"]


def test_a_publication_date_that_is_not_one_is_a_usage_error() -> None:
    # --published is the option analyze and ingest take (cli/common.py), checked the same way: it was passed on unread
    bad = CliRunner().invoke(app, ["render", str(SEED), "--published", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.stderr and not bad.stdout


def test_the_page_runs_the_web_pages_own_modules() -> None:
    assert modules() == ["dom.js", "article.js", "standalone.js"]
    script = inline_script()
    for name in modules():
        for line in (SCRIPTS / name).read_text(encoding="utf-8").splitlines():  # each line but its imports
            if not line.startswith("import "):
                assert line.removeprefix("export ") in script, f"{name}: {line}"
    assert "function renderArticle(doc, links)" in script and "function articleView(" in script
    assert not re.search(r"^\s*(import|export)\b", script, re.MULTILINE)


def test_a_module_that_cannot_be_inlined_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.interfaces.render as render

    (tmp_path / "entry.js").write_text('import { el as make } from "./dom.js";\nmake("p");\n', encoding="utf-8")
    (tmp_path / "dom.js").write_text("export function el() {}\n", encoding="utf-8")
    (tmp_path / "late.js").write_text('const m = await import("./dom.js");\n', encoding="utf-8")
    monkeypatch.setattr(render, "SCRIPTS", tmp_path)
    with pytest.raises(InlineError, match="renamed"):
        inline_script("entry.js")
    with pytest.raises(InlineError, match="import"):
        inline_script("late.js")


def test_markup_in_the_text_is_shown_as_text_and_never_ends_a_script(pipeline) -> None:  # type: ignore[no-untyped-def]
    from khabar.stages.read import document_from_text

    text = 'قال الوزير </script><script>alert("x")</script> <!-- إن الوضع في الموصل مستقر.'
    doc = pipeline(document_from_text(text, "x"))
    html = page_html([doc])
    assert html.count("</script>") == 2 and "<script>alert" not in html and "<!--" not in html
    assert json.loads(DATA.search(html)[1])[0]["text"] == text  # type: ignore[index]
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)" in html  # what the page shows without JavaScript


@pytest.mark.skipif(not NODE, reason="Node.js is not installed")
def test_the_inlined_script_draws_what_the_web_pages_modules_draw(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The page's one script (run in Node) and article.js imported as the web page imports it give the same
    articles: title, date line, legend and the text with every layer marked."""
    docs = _docs(pipeline, SEED, ANT_SAMPLE)
    assert len(docs) == 6
    data = tmp_path / "docs.json"
    data.write_text(DATA.search(page_html(docs))[1], encoding="utf-8")  # type: ignore[index]
    inlined = FAKE_DOM + inline_script() + "\nconsole.log(JSON.stringify(view.kids.map((k) => k.html())));"
    modular = FAKE_DOM + f"""
        const {{ articleView }} = await import("{SCRIPTS / 'article.js'}");
        const docs = JSON.parse(data.textContent);
        console.log(JSON.stringify(docs.map((d) => articleView(d).html())));
    """
    drawn = []
    for script in (inlined, modular):
        result = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True,
                                timeout=60, env={**os.environ, "DOCS": str(data)}, check=False)
        assert result.returncode == 0, result.stderr
        drawn.append(json.loads(result.stdout))
    assert drawn[0] == drawn[1] and len(drawn[0]) == 6
    seed = drawn[0][0]
    for label in ("PER", "ORG", "LOC", "TIME"):
        assert f'<mark class="ent ent-{label}"' in seed
    assert seed.count('class="quote quote-') >= 4 and 'class="cue"' in seed and 'title="زمن: يوم الثلاثاء' in seed
