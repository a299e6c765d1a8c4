"""A readable terminal view of a Document: the text with entities highlighted, then tables."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from khabar.model import Document, Span

LABEL_STYLES = {"PER": "bold cyan", "ORG": "bold green", "LOC": "bold magenta", "MISC": "bold yellow"}
QUOTE_STYLE = "italic"
MAX_CELL = 90


def _short(text: str, limit: int = MAX_CELL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header(doc: Document) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    meta = doc.meta
    rows = [
        ("source", meta.source), ("format", meta.format), ("encoding", meta.encoding), ("title", meta.title),
        ("published", meta.published), ("outlet", meta.outlet), ("author", meta.author), ("url", meta.url),
    ]
    if doc.byline is not None:
        for name in ("place", "outlet", "author"):
            part: Span | None = getattr(doc.byline, name)
            if part is not None:
                rows.append((f"byline {name}", doc.text_of(part)))
    rows.append(("size", f"{len(doc.text):,} characters, {len(doc.sentences)} sentences, {len(doc.tokens)} tokens"))
    for key, value in rows:
        if value:
            grid.add_row(key, str(value))
    return grid


def highlighted_text(doc: Document) -> Text:
    """The article text with quote contents in italics and entity mentions coloured by label."""
    text = Text(doc.text)
    for quote in doc.quotes:
        text.stylize(QUOTE_STYLE, quote.content.start, quote.content.end)
    for entity in doc.entities:
        for mention in entity.mentions:
            text.stylize(LABEL_STYLES.get(entity.label, "bold"), mention.start, mention.end)
    return text


def _entities_table(doc: Document) -> Table:
    table = Table(title="Entities", show_lines=False)
    for column in ("id", "label", "name", "type", "mentions", "roles"):
        table.add_column(column)
    for e in doc.entities:
        roles = "، ".join(doc.text_of(r) for r in e.roles)
        table.add_row(e.id, Text(e.label, style=LABEL_STYLES.get(e.label, "")), doc.text_of(e.canonical),
                      e.type or "", str(len(e.mentions)), roles)
    return table


def _quotes_table(doc: Document) -> Table:
    table = Table(title="Who said what", show_lines=True)
    for column in ("speaker", "cue", "kind", "said"):
        table.add_column(column)
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    for q in doc.quotes:
        speaker = names.get(q.speaker_id or "", "") or (doc.text_of(q.speaker) if q.speaker else "—")
        cue = doc.text_of(q.cue) if q.cue else ""
        table.add_row(speaker, cue, q.kind.value, _short(doc.text_of(q.content)))
    return table


def _places_table(doc: Document) -> Table:
    table = Table(title="Places")
    for column in ("in the text", "place", "country", "latitude", "longitude", "kind", "geonames", "focus"):
        table.add_column(column)
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    for p in doc.places:
        table.add_row(names.get(p.entity_id, p.entity_id), p.name, p.country_code or "", f"{p.latitude:.4f}",
                      f"{p.longitude:.4f}", p.feature, str(p.geonames_id or ""), "★" if p.focus else "")
    return table


def _times_table(doc: Document) -> Table:
    table = Table(title="Dates and times")
    for column in ("in the text", "type", "value", "resolved"):
        table.add_column(column)
    for t in doc.times:
        table.add_row(doc.text_of(t.span), t.type, t.value, "yes" if t.resolved else "relative")
    return table


def _participant(doc: Document, names: dict[str, str], entity_id: str | None, span: Span | None) -> str:
    name = names.get(entity_id or "", "")
    phrase = doc.text_of(span) if span is not None else ""
    if name and phrase and phrase != name:
        return f"{name} ({phrase})"
    return name or phrase or "—"


def _events_table(doc: Document) -> Table:
    table = Table(title="Who did what to whom", show_lines=True)
    for column in ("type", "trigger", "actor", "target", "where", "when", "mode"):
        table.add_column(column)
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    for v in doc.events:
        table.add_row(v.type, doc.text_of(v.trigger), _participant(doc, names, v.actor_id, v.actor),
                      _participant(doc, names, v.target_id, v.target), names.get(v.place_id or "", ""),
                      v.date or "", v.mode.value)
    return table


def render_document(console: Console, doc: Document) -> None:
    """Print ``doc`` for people."""
    console.print(Panel(_header(doc), title=f"[bold]{doc.id}", expand=True))
    console.print(highlighted_text(doc))
    console.print()
    for has_rows, table in ((doc.entities, _entities_table), (doc.quotes, _quotes_table),
                            (doc.places, _places_table), (doc.times, _times_table),
                            (doc.events, _events_table)):
        if has_rows:
            console.print(table(doc))
    for d in doc.diagnostics:
        where = f" at [{d.span.start}, {d.span.end})" if d.span else ""
        console.print(f"[yellow]note[/yellow] {d.stage}/{d.code}{where}: {d.message}")
    console.print()
