"""`upward diagnose`: why you might be stuck, from your own record, and whether it is getting better."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from upward.cli.common import console, context
from upward.documents.diagnosis import diagnosis_dict, diagnosis_markdown, stall_sentence
from upward.model.diagnosis import Diagnosis, Status
from upward.services import diagnosis as diagnosis_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 30

COLOURS = {Status.RED: "red", Status.WARNING: "yellow", Status.OK: "green", Status.UNKNOWN: "dim"}
BARS = " ▁▂▃▄▅▆▇█"


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    MD = "md"


def register(app: typer.Typer) -> None:
    app.command("diagnose")(diagnose)


def diagnose(
    fmt: Annotated[Format, typer.Option("--format", help="text, json or md.")] = Format.TEXT,
    trend: Annotated[bool, typer.Option("--trend", help="Show how your stall score moved over time.")] = False,
) -> None:
    """Why you might be stuck: red flags, the expert trap and your stall score, from your own record."""
    ctx = context()
    diagnosis = diagnosis_service.run_diagnosis(ctx)
    if trend:
        _trend(diagnosis_service.history(ctx))
    elif fmt is Format.JSON:
        typer.echo(json.dumps(diagnosis_dict(diagnosis), indent=2, ensure_ascii=False))
    elif fmt is Format.MD:
        typer.echo(diagnosis_markdown(diagnosis))
    else:
        _text(diagnosis)


def _text(diagnosis: Diagnosis) -> None:
    console.print(f"[bold]{stall_sentence(diagnosis)}[/bold]\n")
    for finding in diagnosis.findings:
        colour = COLOURS[finding.status]
        console.print(f"[{colour}]● {finding.status.label:<15}[/{colour}] [bold]{finding.title}[/bold]")
        console.print(f"  {finding.summary}", markup=False)
        if finding.missing:
            console.print(f"  What would settle it: {finding.missing}", markup=False)
    if diagnosis.next_actions:
        console.print("\n[bold]This week[/bold]")
        for number, action in enumerate(diagnosis.next_actions, 1):
            console.print(f"  {number}. {action}")
    console.print("\n`upward diagnose --format md` gives the full report with the evidence behind each finding.")


def _trend(history: list[dict[str, object]]) -> None:
    scored = [(row["day"], row["stall_score"]) for row in history]
    line = "".join(BARS[round(int(s) / 100 * 8)] if isinstance(s, int) else " " for _, s in scored)
    console.print(f"Stall score over time (higher is more stuck): {line}")
    for day, score in scored:
        console.print(f"  {day}  {'—' if score is None else score}")
