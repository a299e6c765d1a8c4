"""Write Documents for people (``pretty``) or programs (``json``, ``jsonl``)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TextIO

from rich.console import Console

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
        if self.fmt is OutputFormat.JSONL:
            self.out.write(json.dumps(to_dict(doc, tokens=self.tokens), ensure_ascii=False, sort_keys=True) + "\n")
        elif self.fmt is OutputFormat.JSON:
            self.out.write("[\n" if self.count == 0 else ",\n")
            self.out.write(json.dumps(to_dict(doc, tokens=self.tokens), ensure_ascii=False, sort_keys=True, indent=2))
        else:
            assert self.console is not None  # set for PRETTY in __init__
            render_document(self.console, doc)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt is OutputFormat.JSON:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
            self.out.flush()
