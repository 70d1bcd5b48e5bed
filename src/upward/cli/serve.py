"""`upward serve`: the local web app."""

from __future__ import annotations

from typing import Annotated

import typer

from upward.cli.common import console, context

#: Where the command comes in `upward --help` (most used first).
PLACE = 100


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default 127.0.0.1: only this computer).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default 8000).")] = None,
) -> None:
    """Start the web app on this computer."""
    import uvicorn

    from upward.web import create_app

    ctx = context()
    settings = ctx.settings.model_copy(update={k: v for k, v in {"host": host, "port": port}.items() if v})
    console.print(f"Upward is running at http://{settings.host}:{settings.port} (Ctrl+C stops it)")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")
