"""Read khabar's hand-kept resource files (TSV tables and word lists): one reader for every stage and for training.

A resource file is UTF-8 text (gzip-compressed when its name ends in ``.gz``); blank lines and lines that start
with ``#`` are skipped, and the cells of a line are split on tabs, nothing stripped (a trailing empty cell is a
cell). A table may open with a header line; ``header`` says how to know it:

- ``header=True``: the first data line is the header;
- ``header="key"``: lines whose first cell is ``key`` are headers (a table that may lack one);
- ``header=None`` (the default): no header.

A file that cannot be read or decoded raises ``ResourceError`` naming it (``hint`` adds how to make it).
"""

from __future__ import annotations

import gzip
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from khabar.errors import ResourceError

PACKAGE = "khabar"
RESOURCE_ROOT = "resources"

Source = Path | Traversable
Header = bool | str | None


def resource(*parts: str) -> Traversable:
    """A shipped resource file: ``resource("times", "months.tsv")`` is ``khabar/resources/times/months.tsv``."""
    return resources.files(PACKAGE).joinpath(RESOURCE_ROOT, *parts)


def _shown(path: Source) -> str:
    """How a file is named in messages: ``resources/times/months.tsv`` for a shipped one, else its path."""
    text = str(path)
    marker = f"/{PACKAGE}/{RESOURCE_ROOT}/"
    return text[text.rindex(marker) + len(PACKAGE) + 2 :] if marker in text else text


def read_resource(path: Source, hint: str = "") -> str:
    """The whole text of a resource file, decompressed when its name ends in ``.gz``.

    Raises:
        ResourceError: the file is missing, unreadable or not UTF-8; the message names it (and ``hint``).
    """
    try:
        if path.name.endswith(".gz"):
            return gzip.decompress(path.read_bytes()).decode("utf-8")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        suffix = f" ({hint})" if hint else ""
        raise ResourceError(f"cannot read {_shown(path)}{suffix}: {exc}") from exc


def numbered_lines(path: Source, header: Header = None, hint: str = "") -> list[tuple[int, str]]:
    """(line number from 1, line) of each data line: blank lines, ``#`` comments and the header skipped."""
    lines = [(number, line) for number, line in enumerate(read_resource(path, hint).splitlines(), start=1)
             if line.strip() and not line.startswith("#")]
    if header is True:
        return lines[1:]
    if isinstance(header, str):
        cell = header + "\t"
        return [(number, line) for number, line in lines if line != header and not line.startswith(cell)]
    return lines


def resource_lines(path: Source, header: Header = None, hint: str = "") -> list[str]:
    """The data lines of a resource file (a word list, or table lines not yet split)."""
    return [line for _, line in numbered_lines(path, header, hint)]


def resource_rows(path: Source, header: Header = None, hint: str = "") -> list[list[str]]:
    """The data lines of a resource table, each split on tabs into its cells."""
    return [line.split("\t") for _, line in numbered_lines(path, header, hint)]
