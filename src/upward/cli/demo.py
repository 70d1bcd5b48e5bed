"""`upward demo`: explore Upward with a realistic persona before adding your own work."""

from __future__ import annotations

from typing import Annotated

import typer

from upward.cli.common import console, context
from upward.services.demo import load_demo

#: Where the command comes in `upward --help` (most used first).
PLACE = 90


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(seed: Annotated[int, typer.Option(help="Another number gives another (equally realistic) year.")] = 7) -> None:
    """Load a demo persona: a senior engineer stuck for two years, with a year of work."""
    loaded = load_demo(context(), seed=seed)
    console.print(
        f"Loaded {loaded.name}: {loaded.added} evidence items and {loaded.people} people"
        + (f" ({loaded.already_there} were already there)" if loaded.already_there else "")
        + ".\nRun `upward serve` and open http://127.0.0.1:8000 to look around."
    )
