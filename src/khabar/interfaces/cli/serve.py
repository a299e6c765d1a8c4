"""``khabar serve`` (the API and web page over an archive) and ``khabar demo`` (the same over the samples)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from khabar.errors import KhabarError
from khabar.interfaces.cli.archive_output import print_summary
from khabar.interfaces.cli.common import fail
from khabar.interfaces.ingest import example_sources, ingest_sources
from khabar.pipeline import default_pipeline
from khabar.store import StoreError, open_store

API_EXTRA = "khabar serve needs the api extra: pip install 'khabar[api]'"
HOST = typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
PORT = typer.Option(min=1, max=65535, help="Port to listen on.")


def run_server(db: Path, host: str, port: int) -> None:
    """Serve the API and the web page over ``db`` until interrupted (Ctrl-C)."""
    try:
        import uvicorn

        from khabar.interfaces.api import ApiSettings, create_app
    except ImportError:
        raise StoreError(API_EXTRA) from None
    open_store(db, readonly=True).close()  # fail now, with a clear message, if the archive is unusable
    Console(stderr=True).print(f"khabar: serving {db} at [bold]http://{host}:{port}/[/] (API docs: /docs); Ctrl-C stops")
    uvicorn.run(create_app(ApiSettings(db=db)), host=host, port=port, log_level="warning")


def serve(
    db: Annotated[Path, typer.Option("--db", help="The archive made by khabar ingest.")] = Path("khabar.db"),
    host: Annotated[str, HOST] = "127.0.0.1",
    port: Annotated[int, PORT] = 8000,
) -> None:
    """Serve the archive: the HTTP API (docs at /docs) and the Arabic web page (at /)."""
    try:
        run_server(db, host, port)
    except KhabarError as error:
        raise fail(error) from None


def demo(
    host: Annotated[str, HOST] = "127.0.0.1",
    port: Annotated[int, PORT] = 8000,
    serve_page: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the page after ingesting.")] = True,
) -> None:
    """Ingest the bundled sample articles into a temporary archive and serve the web page: start here."""
    console = Console(stderr=True)
    with tempfile.TemporaryDirectory(prefix="khabar-demo-") as folder:
        db = Path(folder) / "demo.db"
        try:
            with open_store(db, create=True) as store:
                summary = ingest_sources(store, example_sources(), default_pipeline(), console=console)
            print_summary(summary, db, console)
            if serve_page:
                console.print('Open the page and search for [bold]الموصل[/].')
                run_server(db, host, port)
        except KhabarError as error:
            raise fail(error) from None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
