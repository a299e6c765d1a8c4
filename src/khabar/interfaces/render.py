"""One article as a standalone HTML page, drawn as the web page draws it (displaCy's ``render(page=True)``).

The same marks as ``web/static/js/article.js``: entities by type and dates marked (whole words, the type
drawn by the style sheet after the word), quotes boxed with their speaker, cues underlined, from the same
style sheet (inlined: the page needs no server and no network).
The text is escaped everywhere, so markup in an article shows as text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

from khabar.model import Document, Quote
from khabar.stages.times import describe_time

STYLE = Path(__file__).with_name("web") / "static" / "style.css"  # not via khabar.interfaces.web: that needs FastAPI

LABELS = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى", "TIME": "زمن"}  # as dom.js names them
UNATTRIBUTED = "غير منسوب"
JOINING = "\u0640\u200c\u200d"  # tatweel, zero-width non-joiner and joiner


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    label: str = ""
    name: str = ""
    quote: Quote | None = None


def _layer(spans: Iterable[_Mark]) -> list[_Mark]:
    """Non-overlapping spans, earlier and then longer first (article.js's ``layer``)."""
    kept: list[_Mark] = []
    end = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start >= end and span.end > span.start:
            kept.append(span)
            end = span.end
    return kept


def _cover(spans: Sequence[_Mark], at: int) -> _Mark | None:
    return next((s for s in spans if s.start <= at < s.end), None)


def _speaker(doc: Document, quote: Quote) -> str:
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    phrase = doc.text_of(quote.speaker) if quote.speaker else ""
    return names.get(quote.speaker_id or "") or phrase or UNATTRIBUTED


def _word_char(char: str) -> bool:
    """A letter, a combining mark, tatweel or a joiner: what a word is made of (article.js's WORD_CHAR)."""
    return unicodedata.category(char)[0] in "LM" or char in JOINING


def _widen(mark: _Mark, text: str) -> _Mark:
    """The span grown to the whole words it touches (article.js's ``widen``): a highlight never cuts a word."""
    start, end = mark.start, mark.end
    while start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
        start -= 1
    while end < len(text) and _word_char(text[end]) and _word_char(text[end - 1]):
        end += 1
    return replace(mark, start=start, end=end)


def _layers(doc: Document) -> tuple[list[_Mark], list[_Mark], list[_Mark]]:
    mentions = [_Mark(m.start, m.end, e.label, doc.text_of(e.canonical)) for e in doc.entities for m in e.mentions]
    times = [_Mark(t.span.start, t.span.end, "TIME", describe_time(t.value, t.type)) for t in doc.times]
    quotes = [_Mark(q.content.start, q.content.end, quote=q) for q in doc.quotes]
    cues = [_Mark(q.cue.start, q.cue.end) for q in doc.quotes if q.cue]
    whole = [[_widen(mark, doc.text) for mark in layer] for layer in (mentions + times, quotes, cues)]
    return _layer(whole[0]), _layer(whole[1]), _layer(whole[2])


def article_html(doc: Document) -> str:
    """The article's text as HTML with its layers marked (the ``article-text`` block of the web page)."""
    marks, quotes, cues = _layers(doc)
    points = sorted({0, len(doc.text), *(p for s in marks + quotes + cues for p in (s.start, s.end))})
    out, quote_open, mark_open = ['<div class="article-text" dir="rtl">'], None, None
    for start, end in zip(points, points[1:], strict=False):
        quote, mark, cue = _cover(quotes, start), _cover(marks, start), _cover(cues, start)
        if mark is not mark_open or quote is not quote_open:
            if mark_open is not None:
                out.append("</mark>")
            if quote is not quote_open:
                out.append("</span>" if quote_open is not None else "")
                if quote is not None and quote.quote is not None:
                    q = quote.quote
                    who = escape(_speaker(doc, q))
                    out.append(f'<span class="quote quote-{q.kind.value}" data-quote="{escape(q.id)}">'
                               f'<span class="speaker" title="المتحدث" aria-label="المتحدث: {who}">{who}</span>')
            mark_open, quote_open = mark, quote
            if mark is not None:
                kind = LABELS.get(mark.label, mark.label)
                title = escape(f"{kind}: {mark.name}")
                out.append(f'<mark class="ent ent-{mark.label}" title="{title}" data-label="{mark.label}" '
                           f'data-type="{escape(kind)}">')
        piece = escape(doc.text[start:end])
        out.append(f'<span class="cue" title="فعل القول">{piece}</span>' if cue is not None else piece)
    if mark_open is not None:
        out.append("</mark>")
    out.append("</span>" if quote_open is not None else "")
    out.append("</div>")
    return "".join(out)


def _legend(doc: Document) -> str:
    present = {e.label for e in doc.entities} | ({"TIME"} if doc.times else set())
    items = [f'<span class="ent ent-{label} legend-item">{LABELS[label]}</span>'
             for label in ("PER", "ORG", "LOC", "MISC", "TIME") if label in present]
    if doc.quotes:
        items.append('<span class="quote legend-item">اقتباس</span>')
    return f'<div class="legend">{"".join(items) or "<span class=muted>لا توجد طبقات.</span>"}</div>'


def page_html(docs: Sequence[Document]) -> str:
    """A whole HTML page holding ``docs`` (one article or several), its style sheet inlined."""
    style = STYLE.read_text(encoding="utf-8")
    articles = []
    for doc in docs:
        meta = " · ".join(escape(part) for part in (doc.meta.outlet, doc.meta.published, doc.meta.source) if part)
        articles.append(f'<article class="doc"><h1>{escape(doc.meta.title or doc.id)}</h1><p class="muted">{meta}</p>'
                        f"{_legend(doc)}{article_html(doc)}</article>")
    title = escape(docs[0].meta.title or docs[0].id) if len(docs) == 1 else f"{len(docs)} مقالات"
    return (f'<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} — khabar</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{style}'
            ".page{max-width:960px;margin:1.5rem auto;padding:0 1.2rem}article.doc{margin-bottom:3rem}</style></head>"
            f'<body><main class="page">{"".join(articles)}</main></body></html>\n')
