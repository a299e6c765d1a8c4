"""Turn each input format into Documents: plain text, HTML pages, JSON records, feeds and WARC archives."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from khabar.errors import JSON_TOO_DEEP, InputError, Reason
from khabar.model import Diagnostic, Document, Meta, Span
from khabar.stages.read.dates import capture_note, guessed_note, html_date, iso_date, stated_date
from khabar.stages.read.decode import REPLACEMENT, arabic_share, clean_text, decode, replace_surrogates

MAX_REPLACEMENT_NOTES = 20  # notes on undecodable bytes per document; then one counts the rest
_REPLACEMENTS = re.compile(REPLACEMENT + "+")

log = logging.getLogger(__name__)

TEXT_FIELDS = ("text", "content", "body", "article", "html")
ID_FIELDS = ("id", "docno", "doc_id", "guid")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "time", "pubDate", "published_at")
OUTLET_FIELDS = ("source", "outlet", "src", "site", "sitename")


DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Limits for reading. A file larger than ``max_bytes`` is refused unless it is read as a stream
    (JSON Lines and WARC are); a document longer than ``max_chars`` is refused."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    min_arabic_share: float = 0.3


def make_document(text: str, doc_id: str, meta: Meta, options: ReadOptions, notes: tuple[Diagnostic, ...] = ()) -> Document:
    """Validate a text read from ``meta.source`` and wrap it in a Document; ``InputError`` if unusable."""
    text, lone = replace_surrogates(clean_text(text))
    if lone:
        notes += (surrogate_note(f"{lone} in the text"),)
    if not text.strip():
        raise InputError(Reason.EMPTY, meta.source, "no text")
    if len(text) > options.max_chars:
        raise InputError(
            Reason.TOO_LARGE, meta.source,
            f"{len(text):,} characters; a document may have at most {options.max_chars:,} (--max-chars)",
        )
    share = arabic_share(text)
    if share < options.min_arabic_share:
        what = "no Arabic letters" if share == 0 else f"only {share:.0%} of its letters are Arabic"
        raise InputError(Reason.NOT_ARABIC, meta.source, f"{what}; khabar reads Arabic news")
    return Document(id=doc_id, text=text, meta=meta, diagnostics=notes + replacement_notes(text))


def surrogate_note(where: str) -> Diagnostic:
    """The note on lone surrogates replaced by U+FFFD (see ``decode.replace_surrogates``)."""
    return Diagnostic("read", "lone_surrogate", f"lone surrogates (half of a UTF-16 pair, as a broken \\uXXXX "
                      f"escape gives) replaced by U+FFFD: {where}")


def replacement_notes(text: str) -> tuple[Diagnostic, ...]:
    """A note on each run of U+FFFD in ``text`` (bytes the reader, or the source before it, could not
    decode), at most ``MAX_REPLACEMENT_NOTES``, the last one counting the runs not noted."""
    runs = [match.span() for match in _REPLACEMENTS.finditer(text)] if REPLACEMENT in text else []
    notes = [Diagnostic("read", "undecodable_bytes", f"{end - start} character(s) the source's bytes could not be "
                        "decoded into (U+FFFD)", Span(start, end)) for start, end in runs[:MAX_REPLACEMENT_NOTES]]
    if len(runs) > MAX_REPLACEMENT_NOTES:
        notes.append(Diagnostic("read", "undecodable_bytes", f"and {len(runs) - MAX_REPLACEMENT_NOTES} more such places"))
    return tuple(notes)


# ---------------------------------------------------------------- HTML


@functools.cache
def _trafilatura_config() -> Any:
    """khabar's settings for trafilatura. trafilatura and lxml are imported at the first HTML page only:
    they add 22 MB and 0.3 s to every process, which a run over text or JSON Lines never needs."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """Hold back a library's log lines (trafilatura's "discarding data: None" on a page with no article, its
    "empty HTML tree" errors on broken markup), which would print between khabar's one-line reasons; khabar
    says itself what went wrong."""
    level = logger.level
    logger.setLevel(max(level, logging.CRITICAL))
    try:
        yield
    finally:
        logger.setLevel(level)


def _fallback_text(html: str) -> str:
    """All visible text of a page trafilatura found no article in (scripts and styles dropped)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        if bad.getparent() is None:  # "</SCRIPT>\x1f<SCRIPT>": the parser made the script the root itself
            return ""
        bad.drop_tree()
    lines = (line.strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _trafilatura(source: str) -> Any:
    """The trafilatura module, or ``InputError`` (UNSUPPORTED) naming what this install lacks to read HTML."""
    try:
        import trafilatura
    except ImportError as exc:  # lxml >= 5.2 moved lxml.html.clean, which trafilatura's justext needs, out
        why = " ".join(str(exc).split())
        raise InputError(Reason.UNSUPPORTED, source, f"reading HTML needs trafilatura and its dependencies, and "
                         f"one is missing ({why}); install it: pip install lxml_html_clean trafilatura") from None
    return trafilatura


def html_document(html: str, doc_id: str, meta: Meta, options: ReadOptions, captured: str | None = None) -> Document:
    """The main text of an HTML page (title first), with its date, author and site from the page.

    The date is the one the caller knows (``meta.published``: a JSON field), else the page's metadata,
    else ``captured`` (a WARC record's date); a date trafilatura could only guess from the text is noted.
    """
    trafilatura = _trafilatura(meta.source)
    html, lone = replace_surrogates(html)
    with _quiet(logging.getLogger("trafilatura")):
        extracted = trafilatura.bare_extraction(html, url=meta.url, with_metadata=True, include_comments=False,
                                                include_tables=False, config=_trafilatura_config())
    fields = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else (extracted or {})
    body = (fields.get("text") or "").strip() or _fallback_text(html)
    if not body:
        raise InputError(Reason.NO_TEXT, meta.source, "no article text found in the HTML")
    title = (fields.get("title") or "").strip() or None
    text = body if not title or body.startswith(title) else f"{title}\n{body}"
    url = meta.url or fields.get("url")
    published, notes = _page_date(meta.published, html, url, captured, fields.get("date"))
    notes += (surrogate_note("in the HTML"),) if lone else ()
    meta = Meta(
        source=meta.source, format="html", encoding=meta.encoding, title=title, url=url, published=published,
        outlet=meta.outlet or fields.get("sitename"), author=meta.author or fields.get("author"),
    )
    return make_document(text, doc_id, meta, options, notes)


def _page_date(
    known: str | None, html: str, url: str | None, captured: str | None, guess: object
) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """The page's publication date by the source's own word, best first, and the notes on how it was found."""
    if known:
        return known, ()
    if stated := html_date(html, url):
        return stated, ()
    if captured:
        return captured, capture_note(captured)
    return None, guessed_note(guess)


# ---------------------------------------------------------------- JSON records


def json_record(raw: bytes, where: str) -> Any:
    """One line of JSON Lines parsed, or ``InputError`` (MALFORMED) saying what is wrong with it."""
    try:
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise InputError(Reason.MALFORMED, where, f"not UTF-8, which JSON Lines must be: byte {exc.start + 1} is "
                                                  f"0x{exc.object[exc.start]:02x} ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise InputError(Reason.MALFORMED, where, json_error(exc, line=False)) from None
    except RecursionError:
        raise InputError(Reason.MALFORMED, where, JSON_TOO_DEEP) from None


def json_line_documents(
    lines: Iterable[bytes], source: str, stem: str, options: ReadOptions, first: int = 1
) -> Iterator[Document | InputError]:
    """The records of JSON Lines ``lines`` (numbered from ``first``), each named ``{stem}-{number}`` after its
    line: a bad line gives its own InputError and costs only itself; a blank line gives nothing."""
    for number, raw in enumerate(lines, first):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield record_document(json_record(raw, where), f"{stem}-{number}", where, options)
        except InputError as error:
            yield error


def json_error(exc: json.JSONDecodeError, line: bool = True) -> str:
    """What is wrong with a JSON text and where: line and column (the column alone for one line of JSON
    Lines, whose place is the line number in the source). json's messages may end in "at" already.

    >>> json_error(json.JSONDecodeError("Invalid control character at", '{"a": "\\n"}', 7))
    'not valid JSON: invalid control character at line 1, column 8'
    """
    what = exc.msg.removesuffix(" at").removesuffix(" starting")
    where = f"line {exc.lineno}, column {exc.colno}" if line else f"column {exc.colno}"
    return f"not valid JSON: {what[:1].lower()}{what[1:]} at {where}"


def _first(record: dict[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def record_document(record: Any, default_id: str, source: str, options: ReadOptions) -> Document:
    """A Document from a JSON object with ``text`` (+ optional id, title, url, published, source, author)."""
    if not isinstance(record, dict):
        raise InputError(Reason.MALFORMED, source, f"expected a JSON object with \"text\", got {type(record).__name__}")
    text = _first(record, TEXT_FIELDS)
    if not isinstance(text, str):
        raise InputError(Reason.MALFORMED, source, "the record has no \"text\" string")
    record, repaired = _without_surrogates(record)
    text = _first(record, TEXT_FIELDS)
    raw_id = _first(record, ID_FIELDS)
    published, notes = stated_date(_first(record, DATE_FIELDS), source)
    if repaired:
        notes += (surrogate_note("in the record's " + ", ".join(f'"{name}"' for name in repaired)),)
    meta = Meta(
        source=source, format="json", encoding="utf-8", title=_str(record.get("title")),
        url=_str(_first(record, URL_FIELDS)), published=published,
        outlet=_str(_first(record, OUTLET_FIELDS)), author=_str(record.get("author")),
    )
    doc_id = replace_surrogates(str(raw_id))[0] if raw_id is not None else default_id
    if "text" not in record and "html" in record:
        return html_document(text, doc_id, meta, options)
    return make_document(text, doc_id, meta, options, notes)


def _without_surrogates(record: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The record with lone surrogates in its string fields replaced by U+FFFD, and the fields repaired."""
    repaired: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, str) and (fixed := replace_surrogates(value))[1]:
            repaired[name] = fixed[0]
    return ({**record, **repaired}, list(repaired)) if repaired else (record, [])


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# ---------------------------------------------------------------- feeds


def feed_documents(data: bytes, stem: str, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """One Document per item of an RSS or Atom feed (its content, or its summary when that is all)."""
    feed = feedparser.parse(data)
    if not feed.entries:
        detail = f"not a feed: {feed.bozo_exception}" if feed.get("bozo") else "the feed has no items"
        yield InputError(Reason.MALFORMED if feed.get("bozo") else Reason.EMPTY, source, detail)
        return
    if feed.get("bozo") and (lost := _items_in(data) - len(feed.entries)) > 0:
        yield InputError(Reason.MALFORMED, source, f"the feed is damaged ({feed.bozo_exception}): {lost} of its "
                         f"{len(feed.entries) + lost} items could not be read; the others were")
    outlet = _str(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#item{number}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        published, notes = stated_date(entry.get("published") or entry.get("updated"), where)
        meta = Meta(source=where, format="feed", encoding="utf-8", title=_str(entry.get("title")),
                    url=_str(entry.get("link")), published=published, outlet=outlet,
                    author=_str(entry.get("author")))
        doc_id = str(entry.get("id") or entry.get("link") or f"{stem}-{number}")
        try:
            yield _feed_item(html, meta, doc_id, options, notes)
        except InputError as error:
            yield error


_ITEM = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)[\s>/]")


def _items_in(data: bytes) -> int:
    """How many items or entries a feed's bytes open (whether or not the parser could read them)."""
    return len(_ITEM.findall(data))


def _feed_item(html: str, meta: Meta, doc_id: str, options: ReadOptions, notes: tuple[Diagnostic, ...]) -> Document:
    body = _fallback_text(html) if "<" in html else html.strip()
    if not body:
        raise InputError(Reason.NO_TEXT, meta.source, "the item has no text")
    text = body if not meta.title or body.startswith(meta.title) else f"{meta.title}\n{body}"
    return make_document(text, doc_id, meta, options, notes)


# ---------------------------------------------------------------- WARC


def warc_documents(stream: IO[bytes], stem: str, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """One Document per HTML response in a WARC (or ARC) archive, read as a stream."""
    pages = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type:
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{url or number}"
            try:
                html, encoding = decode(record.content_stream().read(), where)
                meta = Meta(source=where, format="warc", encoding=encoding, url=url)
                captured = iso_date(record.rec_headers.get_header("WARC-Date"))
                yield html_document(html, f"{stem}-{number}", meta, options, captured)
            except InputError as error:
                yield error
    except ArchiveLoadFailed as exc:
        yield InputError(Reason.MALFORMED, source, f"not a readable WARC archive: {exc}")
        return
    if pages == 0:
        yield InputError(Reason.MALFORMED, source, "no HTML response records in this WARC archive")
