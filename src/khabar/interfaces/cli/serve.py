"""``khabar serve`` (the API and web page over an archive) and ``khabar demo`` (the same over the samples)."""

from __future__ import annotations

import errno
import importlib.util
import shutil
import socket
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from khabar.errors import KhabarError
from khabar.interfaces.cli.archive_output import print_summary
from khabar.interfaces.cli.common import (
    DB_ARGUMENT,
    DB_OPTION,
    DEFAULT_NER,
    NerModel,
    database,
    fail,
    ner_model,
    usage_error,
)
from khabar.interfaces.ingest import example_sources, ingest_sources
from khabar.pipeline import default_pipeline, pipeline_factory
from khabar.store import StoreError, open_store

API_MODULES = ("fastapi", "uvicorn")
API_EXTRA = "khabar serve needs the api extra: pip install 'khabar[api]'"
HOST = typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
PORT = typer.Option(min=1, max=65535, help="Port to listen on.")


def check_api_extra() -> None:
    """``StoreError`` naming the install when FastAPI or uvicorn is missing (before any other work)."""
    missing = [name for name in API_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise StoreError(f"{API_EXTRA} ({', '.join(missing)} is missing)")


def check_port(host: str, port: int) -> None:
    """``StoreError`` when nothing can listen on ``host:port`` (in use, or not an address of this machine)."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            probe.bind((host, port))
    except OSError as exc:
        why = "is in use by another program" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
        raise StoreError(f"{host}:{port} {why}: give another with --port (or --host)") from None


def run_server(db: Path, host: str, port: int, ner: str | Path = DEFAULT_NER) -> None:
    """Serve the API and the web page over ``db`` until interrupted (Ctrl-C)."""
    check_api_extra()
    import uvicorn

    from khabar.interfaces.api import ApiSettings, create_app

    open_store(db, readonly=True).close()  # fail now, with a clear message, if the archive is unusable
    check_port(host, port)
    Console(stderr=True).print(f"khabar: serving {db} at [bold]http://{host}:{port}/[/] (API docs: /docs); Ctrl-C stops")
    app = create_app(ApiSettings(db=db), pipeline_factory=pipeline_factory(ner))  # POST /analyze's pipeline
    uvicorn.run(app, host=host, port=port, log_level="warning")


def serve(
    db: Annotated[Path | None, DB_ARGUMENT] = None,
    old_db: Annotated[Path | None, DB_OPTION] = None,
    host: Annotated[str, HOST] = "127.0.0.1",
    port: Annotated[int, PORT] = 8000,
    ner: NerModel = DEFAULT_NER,
) -> None:
    """Serve the archive: the HTTP API (docs at /docs) and the Arabic web page (at /)."""
    model = ner_model(ner)
    try:
        run_server(database(db, old_db), host, port, model)
    except KhabarError as error:
        raise fail(error) from None


def demo(
    db: Annotated[Path | None, typer.Argument(help="Keep the archive here (default: a temporary one, deleted after serving).",
                                              show_default=False)] = None,
    host: Annotated[str, HOST] = "127.0.0.1",
    port: Annotated[int, PORT] = 8000,
    serve_page: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the page after ingesting.")] = True,
) -> None:
    """Ingest the bundled sample articles into an archive and serve the web page: start here."""
    console = Console(stderr=True)
    if db is not None and db.exists():
        raise usage_error(f"{db} exists already: name a new file for the demo archive")
    try:
        if serve_page:
            check_api_extra()
            check_port(host, port)
        folder = None if db is not None else Path(tempfile.mkdtemp(prefix="khabar-demo-"))
        path = db if db is not None else folder / "demo.db"  # type: ignore[operator]
        try:
            with open_store(path, create=True) as store:
                summary = ingest_sources(store, example_sources(), default_pipeline(), console=console)
            print_summary(summary, path, console)
            if serve_page:
                console.print('Open the page and search for [bold]الموصل[/].')
                run_server(path, host, port)
            else:
                console.print(f"The archive is kept: [bold]khabar serve {path}[/] serves it, "
                              f"[bold]khabar search {path} الموصل[/] searches it.", highlight=False)
        finally:
            if folder is not None and serve_page:
                shutil.rmtree(folder, ignore_errors=True)
    except KhabarError as error:
        raise fail(error) from None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
