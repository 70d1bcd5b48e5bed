"""`upward update`: the monthly update to your skip-level, and `--sent` once it went out."""

from __future__ import annotations

from typing import Annotated

import typer

from upward.cli._documents import FormatOption, OutputOption, emit
from upward.cli.common import context
from upward.documents.render import Format
from upward.services import update as update_service
from upward.services.documents_data import TITLES, update_data

#: Where the command comes in `upward --help`.
PLACE = 37


def register(app: typer.Typer) -> None:
    app.command("update")(update)


def update(
    month: Annotated[str | None, typer.Option(help="The month, as YYYY-MM (default: this month).")] = None,
    fmt: FormatOption = Format.MD,
    output: OutputOption = None,
    sent: Annotated[
        bool, typer.Option("--sent", help="Mark the month's update as sent to your skip-level: a touchpoint.")
    ] = False,
) -> None:
    """Your monthly update to your skip-level: outcomes first, what comes next, where you need help."""
    ctx = context()
    if sent:
        done = update_service.mark_sent(ctx, month)
        typer.echo(
            f"Marked the {done.month:%B %Y} update as sent to {done.skip_level}. "
            f"The next one is due in {done.next_due:%B %Y}."
        )
        return
    emit("update", update_data(update_service.monthly_update(ctx, month)), TITLES["update"], fmt, output)
