"""``khabar render``: articles as one offline HTML page with their layers marked (as displaCy's render)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from khabar.errors import KhabarError
from khabar.interfaces.cli.common import (
    DEFAULT_NER,
    EXIT_OK,
    EXIT_REJECTED,
    FILES_HELP,
    NerModel,
    Published,
    input_sources,
    loaded_pipeline,
    ner_model,
    publication_date,
    report,
)
from khabar.interfaces.render import page_html
from khabar.model import Document
from khabar.pipeline import analyze_sources


def render(
    files: Annotated[list[str] | None, typer.Argument(help=FILES_HELP, show_default=False)] = None,
    published: Published = None,
    ner: NerModel = DEFAULT_NER,
) -> None:
    """Write an HTML page of the articles with entities, dates and quotes marked: khabar render a.txt > a.html."""
    published = publication_date(published)
    model = ner_model(ner)
    sources = input_sources(files, "render")
    pipeline = loaded_pipeline(model)
    docs: list[Document] = []
    rejected = 0
    for result in analyze_sources(sources, pipeline, published=published):
        if isinstance(result, KhabarError):
            report(result)
            rejected += 1
        else:
            docs.append(result)
    if docs:
        sys.stdout.write(page_html(docs))
    raise typer.Exit(EXIT_REJECTED if rejected or not docs else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("render")(render)
