"""Bytes to text: refuse binaries, detect the encoding, say which one was used."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from typing import IO

import charset_normalizer
import numpy as np

from khabar.errors import InputError, Reason

log = logging.getLogger(__name__)
REPLACEMENT = "\ufffd"  # what a decoder puts in place of bytes it cannot read

# File signatures of formats that are certainly not text.
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (extract its text first)"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx is one too)"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "gzip data in a file not named .gz"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_LETTER = re.compile(r"[^\W\d_]")
SNIFF_BYTES = 8192  # how much of a file the binary sniffing looks at
# Encodings tried, in order, when the bytes are not UTF-8 (the Arabic code pages first).
ARABIC_ENCODINGS = ("cp1256", "iso8859_6")
# UTF-8 (or a text with a byte-order mark) with a few invalid sequences is still read in its encoding, the
# damage replaced by U+FFFD (noted by the reader): a file cut off inside a character, a byte flipped in
# transit. Read as a code page instead, every Arabic letter of it would turn into two wrong ones. "A few":
# at most this share of the text's non-ASCII characters, where Arabic written in a code page and read as
# UTF-8 breaks almost every one.
DAMAGE_LIMIT = 0.1
# A lone surrogate is half of a UTF-16 pair: JSON's \uXXXX escapes can carry one (a scraper that cut a
# string inside an emoji), but no encoding can write it, so it is replaced like an undecodable byte.
_SURROGATE = re.compile("[\ud800-\udfff]")
# UTF-16 without a byte-order mark: accepted when it decodes and nearly all of it is printable text
UTF16_MIN_PRINTABLE = 0.95


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were.

    >>> replace_surrogates("قال \\ud800")
    ('قال \ufffd', 1)
    """
    try:
        text.encode("utf-8")  # a few microseconds for an article; a search for the range takes twenty times that
    except UnicodeEncodeError:
        return _SURROGATE.subn(REPLACEMENT, text)
    return text, 0


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for UTF-16 bytes without a byte-order mark, None when they are not that.

    Text in UTF-16 has a NUL in every ASCII character, so the binary sniffing would refuse it; it is read
    when one byte order decodes it into text that is nearly all printable (a binary file is not).
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
        if "\x00" not in text and printable >= UTF16_MIN_PRINTABLE * len(text):
            return text, encoding
    return None


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format ``data`` starts with, or None if it may be text."""
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not (head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
        return "binary data (it contains NUL bytes)"
    return None


def sniff_stream(stream: IO[bytes]) -> str | None:
    """``sniff_binary`` of a stream's first bytes, left unread (None for a stream that cannot peek)."""
    peek = getattr(stream, "peek", None)
    return sniff_binary(peek(SNIFF_BYTES)[:SNIFF_BYTES]) if peek is not None else None


def arabic_share(text: str) -> float:
    """The share of letters in ``text`` that are Arabic (0 when it has no letters).

    Counted on the code points with numpy (every article passes here): Arabic letters and ASCII letters
    by range, and only the few other characters (punctuation, marks, other scripts) by the regex.

    >>> arabic_share("قال Trump")
    0.375
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    arabic = ((codes >= 0x621) & (codes <= 0x64A)) | ((codes >= 0x671) & (codes <= 0x6D3))
    ascii_letters = ((codes | 0x20) >= 0x61) & ((codes | 0x20) <= 0x7A)
    others = codes[(codes >= 0x80) & ~arabic].tobytes().decode("utf-32-le", "surrogatepass")
    arabic_letters = int(np.count_nonzero(arabic))
    letters = arabic_letters + int(np.count_nonzero(ascii_letters)) + len(_LETTER.findall(others))
    return arabic_letters / letters if letters else 0.0


def _decode_with_bom(data: bytes, source: str) -> tuple[str, str] | None:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                text = _slightly_damaged(data, encoding)
                if text is None:
                    raise InputError(Reason.UNDECODABLE, source,
                                     f"it starts with a {encoding} byte-order mark but is not {encoding}: {error.reason} "
                                     f"at byte {error.start}") from None
                return text, encoding
    return None


def _slightly_damaged(data: bytes, encoding: str) -> str | None:
    """``data`` in ``encoding`` with its invalid sequences replaced by U+FFFD, if they are few (``DAMAGE_LIMIT``)."""
    text = data.decode(encoding, errors="replace")
    damaged = text.count(REPLACEMENT)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text if damaged <= max(1, DAMAGE_LIMIT * non_ascii) else None


def _detect(data: bytes, source: str) -> tuple[str, str]:
    """Pick the encoding for bytes that are not UTF-8: charset-normalizer first, then Arabic code pages."""
    tried = []
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        text = str(best)
        tried.append(best.encoding)
        if arabic_share(text) >= 0.5:
            return text, best.encoding
    for encoding in ARABIC_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            tried.append(f"{encoding} (fails)")
            continue
        tried.append(encoding)
        if arabic_share(text) >= 0.5:
            return text, encoding
    if best is not None:
        return str(best), best.encoding
    raise InputError(Reason.UNDECODABLE, source, f"not UTF-8 and no encoding fits (tried {', '.join(tried)})")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``. The text is NFC with ``\\n`` line ends.

    Raises ``InputError`` (EMPTY, BINARY, UNDECODABLE).

    >>> decode("قال".encode("cp1256"), "x.txt")
    ('قال', 'cp1256')
    """
    if not data.strip():
        raise InputError(Reason.EMPTY, source, "the file is empty" if not data else "only whitespace")
    binary = sniff_binary(data)
    decoded = _utf16_without_bom(data) if binary and b"\x00" in data[:SNIFF_BYTES] else None
    if binary and decoded is None:
        raise InputError(Reason.BINARY, source, f"this is {binary}, not text")
    decoded = decoded or _decode_with_bom(data, source)
    if decoded is None:
        try:
            decoded = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            damaged = _slightly_damaged(data, "utf-8")
            if damaged is not None:
                decoded = damaged, "utf-8"
                log.info("%s: UTF-8 with a few invalid bytes, replaced by U+FFFD", source)
            else:
                decoded = _detect(data, source)
                log.info("%s: not UTF-8; decoded as %s", source, decoded[1])
    return clean_text(decoded[0]), decoded[1]


def clean_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no BOM: the only changes khabar makes to a text it reads.

    >>> clean_text("\\ufeffسطر\\r\\nسطر")
    'سطر\\nسطر'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
