"""Write Documents for people (``pretty``) or programs (``json``, ``jsonl``)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TextIO

from rich.console import Console

from khabar.errors import InputError, Reason
from khabar.interfaces.pretty import render_document
from khabar.model import Document, to_dict


class OutputFormat(StrEnum):
    PRETTY = "pretty"
    JSON = "json"
    JSONL = "jsonl"


class DocumentWriter:
    """Streams Documents to ``out`` as they come: JSON Lines, one JSON array, or a terminal view."""

    def __init__(self, out: TextIO, fmt: OutputFormat, *, tokens: bool = True) -> None:
        self.out = out
        self.fmt = fmt
        self.tokens = tokens
        self.count = 0
        self.console = Console(file=out, highlight=False, soft_wrap=True) if fmt is OutputFormat.PRETTY else None

    def write(self, doc: Document) -> None:
        """Write one Document; ``InputError`` (nothing of it written) when it holds a character that
        cannot be written, such as a lone surrogate in a Document built by a caller rather than the reader."""
        try:
            if self.fmt is OutputFormat.PRETTY:
                assert self.console is not None  # set for PRETTY in __init__
                render_document(self.console, doc)
            else:  # separator and Document in one write: one that fails leaves no half of itself
                self.out.write(self._separator() + self._json(doc))
        except UnicodeEncodeError as exc:
            raise InputError(Reason.UNDECODABLE, doc.meta.source, f"document {doc.id!r} cannot be written: it holds "
                             f"{exc.object[exc.start:exc.end]!r}, which {exc.encoding} cannot encode ({exc.reason})") from None
        self.count += 1
        self.out.flush()

    def _separator(self) -> str:
        if self.fmt is OutputFormat.JSON:
            return "[\n" if self.count == 0 else ",\n"
        return ""

    def _json(self, doc: Document) -> str:
        data = to_dict(doc, tokens=self.tokens)
        if self.fmt is OutputFormat.JSONL:
            return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)

    def close(self) -> None:
        if self.fmt is OutputFormat.JSON:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
            self.out.flush()
