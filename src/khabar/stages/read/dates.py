"""Publication dates: the source's own, never one guessed from the article's words.

A date the source states becomes ``meta.published``: a JSON record's field, a feed item's date, an HTML
page's metadata (``<meta>`` tags, JSON-LD ``datePublished``, a ``<time>`` marked as the publication
time, a ``/2018/02/18/`` path in its URL), the WARC record's date, or ``--published``. A date that could
only be guessed from the page's text (trafilatura's htmldate searching the body, the title or a
copyright line) is noted in ``diagnostics`` as ``guessed_date`` and never used: relative times ("أمس")
resolved against a guess would be wrong with confidence.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from khabar.model import Diagnostic

# <meta name|property|itemprop=...> that state when the article was published, best first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dcterms.created", "citation_publication_date", "citation_date", "originalpublicationdate", "date",
)
_META_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}
JSON_LD_FIELDS = ("datePublished", "dateCreated")
# /2018/02/18/ or /2018-02-18/ in a URL's path: the publisher's own filing of the article.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
MAX_JSON_LD_CHARS = 200_000


def iso_date(value: Any) -> str | None:
    """An ISO 8601 form of a date in a common format (ISO, RFC 2822, "2018-02-18 21:35"), else None.

    >>> iso_date("Sun, 18 Feb 2018 21:35:43 +0400")
    '2018-02-18T21:35:43+04:00'
    >>> iso_date("2018/02/18")
    '2018-02-18'
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:  # a date without a time stays a date
            return date.fromisoformat(value.replace("/", "-")).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def stated_date(raw: Any, source: str) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """A date the source states, as ISO 8601; a value in no known format is noted, not guessed at."""
    if raw in (None, ""):
        return None, ()
    parsed = iso_date(raw)
    if parsed is None:
        return None, (Diagnostic("read", "unparsed_date", f"publication date {raw!r} is in no format khabar knows"),)
    return parsed, ()


def guessed_note(guess: Any) -> tuple[Diagnostic, ...]:
    """The note for a date guessed from the text: kept in diagnostics, never used as ``meta.published``."""
    if not guess:
        return ()
    return (Diagnostic("read", "guessed_date", f"the source states no publication date; {guess} was guessed "
                       "from the page's text and is not used (give one with --published)"),)


def capture_note(value: str) -> tuple[Diagnostic, ...]:
    return (Diagnostic("read", "capture_date", f"publication date {value} is the WARC record's date "
                       "(when the page was captured): the page's metadata states none"),)


def html_date(html: str, url: str | None) -> str | None:
    """The publication date an HTML page's metadata states, or None: never one read from its text.

    >>> html_date('<meta property="article:published_time" content="2020-10-01T23:00:00">', None)
    '2020-10-01T23:00:00'
    >>> html_date('<p>نشر في 2020-10-01</p>', None) is None
    True
    """
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None
    for value in _page_dates(tree):
        if parsed := iso_date(value):
            return parsed
    return url_date(url) or url_date(_canonical(tree))


def _page_dates(tree: Any) -> Iterator[str]:
    """Candidate values, best first: meta tags, JSON-LD, then elements marked as the publication time."""
    metas = []
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in _META_RANK and meta.get("content"):
            metas.append((_META_RANK[name], meta.get("content")))
    yield from (value for _, value in sorted(metas, key=lambda pair: pair[0]))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        yield from _json_ld_dates(script.text_content())
    for node in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]'):
        value = node.get("datetime") or node.get("content")
        if value:
            yield value


def _json_ld_dates(raw: str) -> Iterator[str]:
    if len(raw) > MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            for field in JSON_LD_FIELDS:
                if isinstance(item.get(field), str):
                    yield item[field]
            stack.extend(value for value in item.values() if isinstance(value, dict | list))


def _canonical(tree: Any) -> str | None:
    links = tree.xpath('//link[@rel="canonical"]/@href')
    return str(links[0]) if links else None


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (``/2018/02/18/``), the way many outlets file their articles.

    >>> url_date("http://www.alarabiya.net/ar/culture-and-art/2018/02/18/x.html")
    '2018-02-18'
    """
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None
