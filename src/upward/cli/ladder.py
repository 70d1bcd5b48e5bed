"""`upward ladder import|list|show|confirm|unconfirm`: career ladders and what your work shows of the next level."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from upward.cli.common import console, context
from upward.services import ladders as ladders_service

PLACE = 38

app = typer.Typer(
    help="Career ladders: import yours, see which expectations of the next level your work already shows.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
LadderOption = Annotated[str | None, typer.Option("--ladder", help="The ladder's name (default: the latest import).")]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="ladder")


@app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="A ladder file: .yml/.yaml (FT or Upward's own), .json (Snowflake), .md")
    ],
    name: Annotated[str | None, typer.Option(help="Call the ladder this instead of the name in the file.")] = None,
) -> None:
    """Import a career ladder. Importing one with the same name again replaces it and keeps your confirmations."""
    ladder, replaced = ladders_service.import_ladder(context(), file, name)
    counts = ", ".join(f"{lv.name} ({len(lv.expectations)})" for lv in ladder.levels)
    typer.echo(f"{'Replaced' if replaced else 'Imported'} '{ladder.name}' with {len(ladder.levels)} levels: {counts}.")


@app.command("list")
def list_() -> None:
    """The ladders you imported, latest first."""
    rows = ladders_service.list_ladders(context())
    if not rows:
        typer.echo("No career ladder yet: import one with `upward ladder import FILE`.")
        return
    table = Table("name", "format", "levels", "file", "imported")
    for row in rows:
        table.add_row(
            row["name"], row["format"], ", ".join(row["levels"]), row["file"], ladders_service.imported_at(row)
        )
    console.print(table)


@app.command("show")
def show(
    ladder: LadderOption = None,
    level: Annotated[str | None, typer.Option(help="The level (default: your target level).")] = None,
) -> None:
    """The next level's expectations: which your work shows (confirmed), which it might (suggested), the gaps."""
    coverage = ladders_service.coverage(context(), ladder, level)
    console.print(f"[bold]{coverage.ladder} — {coverage.level.name}[/bold]: your work shows "
                  f"{coverage.shown} of {len(coverage.rows)} expectations.\n")  # fmt: skip
    for row in coverage.rows:
        mark = {"shown": "[green]✔ shown[/green]", "suggested": "[yellow]? maybe[/yellow]", "gap": "[red]✘ gap[/red]"}
        console.print(f"{mark[row.status]}  [bold]{row.area}[/bold] [dim]({row.id})[/dim]")
        console.print(f"    {row.text}", markup=False)
        for item, label in row.confirmed:
            console.print(f"    shown by {item}: {label}", markup=False)
        for s in row.suggested:
            console.print(f"    maybe {s.item}: {s.label}  (upward ladder confirm {row.id} {s.item})", markup=False)


@app.command("confirm")
def confirm(
    expectation: Annotated[str, typer.Argument(help="The expectation's id, as `upward ladder show` prints it.")],
    item: Annotated[str, typer.Argument(help="evidence:ID or story:ID")],
    ladder: LadderOption = None,
) -> None:
    """Confirm that a piece of work or a story shows an expectation."""
    changed = ladders_service.confirm(context(), ladder, expectation, item)
    typer.echo(f"Confirmed: {item} shows {expectation}." if changed else "That was already confirmed.")


@app.command("unconfirm")
def unconfirm(
    expectation: Annotated[str, typer.Argument(help="The expectation's id.")],
    item: Annotated[str, typer.Argument(help="evidence:ID or story:ID")],
    ladder: LadderOption = None,
) -> None:
    """Withdraw a confirmation."""
    changed = ladders_service.confirm(context(), ladder, expectation, item, keep=False)
    typer.echo(f"Withdrawn: {item} no longer counts for {expectation}." if changed else "That was not confirmed.")
