"""`upward playbook show|check`: the framework Upward plans with, and checking a coach's own file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from upward.cli.common import console, settings
from upward.playbook import default_path, load_playbook

#: Where the command comes in `upward --help` (most used first).
PLACE = 80

app = typer.Typer(help="The promotion framework Upward plans with, as data you can replace.", no_args_is_help=True)


@app.command()
def show() -> None:
    """Show the playbook in use: its moves, actions and what each finding calls for."""
    path = settings().playbook or default_path()
    playbook = load_playbook(path)
    console.print(f"[bold]{playbook.name}[/bold] (from {path})\n{playbook.summary}\n")
    for move in playbook.moves:
        first, last = move.months
        console.print(f"[bold]{move.title}[/bold] · months {first}–{last}\n  {move.why}")
        for action in move.actions:
            console.print(f"  - month {action.month}: {action.title}")
        console.print()


@app.command()
def check(
    file: Annotated[Path | None, typer.Argument(help="A playbook file (default: the one in use).")] = None,
) -> None:
    """Check a playbook file and say exactly what is wrong, by line and field."""
    path = file or settings().playbook or default_path()
    playbook = load_playbook(path)
    actions = sum(len(move.actions) for move in playbook.moves)
    console.print(f"{path} is a good playbook: {len(playbook.moves)} moves, {actions} actions, "
                  f"{len(playbook.findings)} findings.")  # fmt: skip


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="playbook")
