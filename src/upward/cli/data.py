"""`upward export`, `upward backup` and `upward restore`: your data stays yours and stays safe."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from upward.cli.common import console, context
from upward.services import backup as backup_service
from upward.services.export import ExportFormat, export

#: Where the command comes in `upward --help` (most used first).
PLACE = 70


def register(app: typer.Typer) -> None:
    app.command("export")(export_)
    app.command("backup")(backup)
    app.command("restore")(restore)


def export_(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="json, csv or md.")] = ExportFormat.JSON,
    output: Annotated[Path | None, typer.Option(help="Write to this file instead of the screen.")] = None,
) -> None:
    """Export your evidence to read or use elsewhere."""
    ctx = context()
    if output is None:
        export(ctx, fmt, sys.stdout)
        return
    tmp = output.with_name(output.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="") as stream:
        written = export(ctx, fmt, stream)
    tmp.replace(output)
    console.print(f"Exported {written} items to {output}")


def backup(file: Annotated[Path, typer.Argument(help="Where to write the backup (.json, or .json.gz).")]) -> None:
    """Save every row of your data to one file."""
    counts = backup_service.backup(context(), file)
    console.print(f"Backed up {_summary(counts)} to {file}")


def restore(
    file: Annotated[Path, typer.Argument(help="A file made by `upward backup`.")],
    replace: Annotated[bool, typer.Option(help="Replace the data that is here now.")] = False,
) -> None:
    """Bring back a backup into an empty database (SQLite or PostgreSQL)."""
    counts = backup_service.restore(context(), file, replace=replace)
    console.print(f"Restored {_summary(counts)} from {file}")


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in counts.items())
