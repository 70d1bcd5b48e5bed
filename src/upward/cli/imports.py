"""`upward import SOURCE PATH...` (one command per importer, built from its declared options),
and `upward imports list|undo`."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from upward.cli.common import console, context
from upward.importers import Importer, ImportOption, all_importers
from upward.services import imports as import_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 60

import_app = typer.Typer(help="Fill your record from where your work already leaves traces.", no_args_is_help=True)
imports_app = typer.Typer(help="See and undo past imports.", no_args_is_help=True)


class BarProgress:
    """An importer's progress as a rich bar (a spinner with a count while the total is unknown)."""

    def __init__(self, bar: Progress, label: str) -> None:
        self.bar = bar
        self.task = bar.add_task(label, total=None)

    def total(self, amount: int | None) -> None:
        self.bar.update(self.task, total=amount)

    def advance(self, amount: int = 1) -> None:
        self.bar.advance(self.task, amount)


def _run(importer: Importer, paths: list[Path], options: dict[str, Any]) -> None:
    ctx = context()
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        run = import_service.run_import(
            ctx, importer.name, paths, options, BarProgress(bar, f"Reading {importer.name}")
        )
    console.print(f"Import {run.id} ({importer.name}): {run.summary.sentence()}.")
    if run.summary.added:
        console.print(f"Changed your mind? `upward imports undo {run.id}` removes exactly what it added.")


def _parameter(option: ImportOption) -> inspect.Parameter:
    annotation: Any
    if option.multiple:
        annotation, default = list[option.type] | None, None  # type: ignore[name-defined]
    elif option.type is bool:
        annotation, default = bool, False
    else:
        annotation, default = option.type | None, None
    typed = Annotated[annotation, typer.Option(option.flag, help=option.help)]
    return inspect.Parameter(option.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=typed)


def command_for(importer: Importer) -> Callable[..., None]:
    """A Typer command whose flags are the importer's declared options."""

    def command(paths: list[Path] | None = None, **options: Any) -> None:
        chosen = {name: value for name, value in options.items() if value not in (None, False, [])}
        _run(importer, paths or [], chosen)

    argument = typer.Argument(help=importer.paths_help, show_default=False, metavar="PATH")
    paths = inspect.Parameter(
        "paths",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=inspect.Parameter.empty if importer.needs_paths else None,
        annotation=Annotated[list[Path] if importer.needs_paths else list[Path] | None, argument],
    )
    command.__signature__ = inspect.Signature([paths, *(_parameter(o) for o in importer.options)])  # type: ignore[attr-defined]
    command.__doc__ = importer.label + "."
    return command


def register(app: typer.Typer) -> None:
    for importer in all_importers():
        import_app.command(importer.name)(command_for(importer))
    app.add_typer(import_app, name="import")
    app.add_typer(imports_app, name="imports")


@imports_app.command("list")
def list_() -> None:
    """Every import you ran, newest first, with what it did."""
    runs = import_service.list_runs(context())
    if not runs:
        console.print("No imports yet. `upward import --help` lists the sources Upward reads.")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("#", "when", "source", "items", "what it did", "from"):
        table.add_column(column, overflow="fold")
    for run in runs:
        paths = ", ".join(str(p) for p in run.params.get("paths", []))  # type: ignore[attr-defined]
        table.add_row(str(run.id), f"{run.started_at:%Y-%m-%d %H:%M}", run.source, str(run.items),
                      run.summary.sentence(), paths)  # fmt: skip
    console.print(table)


@imports_app.command("undo")
def undo(run: Annotated[int, typer.Argument(help="The import's number, from `upward imports list`.")]) -> None:
    """Remove exactly what one import added."""
    undone = import_service.undo(context(), run)
    console.print(f"Undid import {undone.id} ({undone.source}): removed {undone.items} items.")
