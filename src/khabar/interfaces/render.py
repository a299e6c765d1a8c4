"""Articles as one standalone HTML page, drawn by the web page's own code (as displaCy's ``render(page=True)``).

The page holds everything it needs and fetches nothing: the web page's style sheet, its JavaScript modules
(``standalone.js`` and what it imports: ``article.js``, ``dom.js``) inlined as one script, and the
Documents as the API gives them (``interfaces/views.py``: the Document JSON with each time's words). The
browser draws the highlights with the very code the web page uses, so the two cannot drift. Without
JavaScript the page still shows each article's title and text, unmarked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from khabar.interfaces.views import document_view
from khabar.model import Document

STATIC = Path(__file__).with_name("web") / "static"  # not via khabar.interfaces.web: that needs FastAPI
SCRIPTS = STATIC / "js"
ENTRY = "standalone.js"
PAGE_STYLE = ".page{max-width:960px;margin:1.5rem auto}article.doc{margin-bottom:3rem}"

# `import { a, b } from "./dom.js";` (one or several lines) and the `export` before a declaration
_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w-]+\.js)";[ \t]*\n?', re.MULTILINE)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)", re.MULTILINE)
_LEFT = re.compile(r"^\s*(?:import|export)\b|\bimport\(|</script|<!--", re.MULTILINE | re.IGNORECASE)


class InlineError(ValueError):
    """A module of the web page that cannot be inlined as written (an import form the page does not use)."""


def modules(entry: str = ENTRY) -> list[str]:
    """The web page's modules that ``entry`` needs, each after those it imports."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for found in _IMPORT.finditer((SCRIPTS / name).read_text(encoding="utf-8")):
            if " as " in found[1]:
                raise InlineError(f"{name}: renamed imports ({found[1].strip()}) cannot be inlined")
            visit(found[2])
        order.append(name)

    visit(entry)
    return order


def inline_script(entry: str = ENTRY) -> str:
    """``entry`` and the modules it imports as one module script: imports dropped, exports unmarked.

    The modules share one scope, which is sound because each top-level name is declared once across them
    (a clash is a SyntaxError in the browser, which the browser tests would show).
    """
    parts = []
    for name in modules(entry):
        source = _EXPORT.sub("", _IMPORT.sub("", (SCRIPTS / name).read_text(encoding="utf-8")))
        left = _LEFT.search(source)
        if left is not None:
            raise InlineError(f"{name}: {left[0].strip()!r} cannot be inlined into the page")
        parts.append(f"// {name}\n{source}")
    return "\n".join(parts)


def _data(docs: Sequence[Document]) -> str:
    """The Documents as the API gives them, safe inside a <script> element ("<" written as \\u003c)."""
    views = [document_view(doc) for doc in docs]
    return json.dumps(views, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _unmarked(doc: Document) -> str:
    """What the page shows without JavaScript: the title and the text as written."""
    return (f'<article class="doc"><h1>{escape(doc.meta.title or doc.id)}</h1>'
            f'<div class="article-text" dir="rtl">{escape(doc.text)}</div></article>')


def page_html(docs: Sequence[Document]) -> str:
    """A whole HTML page holding ``docs`` (one article or several), drawn in the browser by the web page's code."""
    style = (STATIC / "style.css").read_text(encoding="utf-8")
    title = escape(docs[0].meta.title or docs[0].id) if len(docs) == 1 else f"{len(docs)} مقالات"
    unmarked = "".join(_unmarked(doc) for doc in docs)
    return (
        f'<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} — khabar</title>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{style}{PAGE_STYLE}</style>\n"
        f'<script type="application/json" id="khabar-documents">{_data(docs)}</script>\n'
        f'<script type="module">\n{inline_script()}</script>\n'
        f'</head><body><main id="view" class="page"><noscript>{unmarked}'
        '<p class="muted">تُرسم العلامات (الأعلام والتواريخ والاقتباسات) بـ JavaScript.</p></noscript></main></body></html>\n'
    )
