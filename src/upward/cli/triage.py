"""`upward triage`: a recommendation for each request someone brought you, and what you decided."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from upward.cli.common import console, context, day_label
from upward.model import Evidence, InputError
from upward.services import Context
from upward.services import triage as triage_service
from upward.services.triage import Triaged
from upward.services.triage_data import triaged_dict, week_dict

#: Where the command comes in `upward --help` (most used first).
PLACE = 25


def register(app: typer.Typer) -> None:
    app.command("triage")(triage)


def triage(
    evidence_id: Annotated[
        int | None, typer.Argument(metavar="ID", help="A request's number, to see the reply or decide.")
    ] = None,
    decide: Annotated[
        str | None, typer.Option(help="What you decided: solve, teach, delegate, systematize or decline.")
    ] = None,
    note: Annotated[str, typer.Option(help="A note about your decision (with --decide).")] = "",
    everything: Annotated[bool, typer.Option("--all", help="List every request, older and decided ones too.")] = False,
    budget: Annotated[
        int | None, typer.Option(help="Set your weekly budget for other people's requests, in minutes.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """What to do with each request: solve, teach, delegate, systematize or decline, and why. You decide."""
    ctx = context()
    if decide is None and note:
        raise InputError("note", "goes with a decision; add --decide and your choice")
    if budget is not None:
        minutes = triage_service.set_budget(ctx, budget)
        console.print(f"Your weekly budget for other people's requests is now {minutes} minutes.")
        if evidence_id is None:
            return
    if evidence_id is None:
        if decide is not None:
            raise InputError("id", "name the request you decided about, like `upward triage 12 --decide teach`")
        _list(ctx, everything, as_json)
        return
    if decide is not None:
        triaged = triage_service.decide(ctx, evidence_id, decide, note)
    else:
        triaged = triage_service.triage_one(ctx, evidence_id)
    if as_json:
        typer.echo(json.dumps(triaged_dict(triaged), indent=2, ensure_ascii=False))
        return
    if decide is not None:
        _recorded(triaged)
    else:
        _show(triaged)


def _list(ctx: Context, everything: bool, as_json: bool) -> None:
    requests = triage_service.open_requests(ctx, include_decided=everything, everything=everything)
    load = triage_service.week_load(ctx)
    if as_json:
        document = {"requests": [triaged_dict(t) for t in requests], "week": week_dict(load)}
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not requests:
        console.print(
            "No requests waiting for your decision. `upward ask` logs one when someone asks you for something."
        )
    for triaged in requests:
        _headline(triaged.item)
        suggestion(triaged)
        if triaged.decision:
            console.print(f"  You decided: {triaged.decision.choice} ({day_label(triaged.decision.decided_on)})")
        console.print()
    console.print(triage_service.summary_sentence(load), markup=False)
    if requests:
        console.print(
            "`upward triage ID` shows a reply you can send; `upward triage ID --decide CHOICE` records yours."
        )


def _headline(item: Evidence) -> None:
    extra = f", from {item.requester}" if item.requester else ""
    console.print(f"[bold]#{item.id}[/bold] {item.title}", end="", markup=True, highlight=False)
    console.print(f" ({day_label(item.occurred_at)}{extra})", markup=False)


def suggestion(triaged: Triaged) -> None:
    """The recommendation and its reason, in two lines (also printed by `upward ask`)."""
    choice = triaged.recommendation.choice
    console.print(f"  Suggested: {choice.id} — {choice.title}", markup=False)
    console.print(f"  Why: {triaged.recommendation.reason}", markup=False)


def _show(triaged: Triaged) -> None:
    _headline(triaged.item)
    suggestion(triaged)
    console.print("\n  A reply you could send:", markup=False)
    console.print(f"  {triaged.reply}", markup=False)
    decision = triaged.decision
    if decision is None:
        console.print(f"\nDecide with `upward triage {triaged.item.id} --decide CHOICE`; the choice is yours.")
    else:
        said = f"\nYou decided: {decision.choice} ({day_label(decision.decided_on)})"
        console.print(said + (f" — {decision.note}" if decision.note else ""), markup=False)


def _recorded(triaged: Triaged) -> None:
    decision = triaged.decision
    assert decision is not None
    suggested = triaged.recommendation.choice.id
    also = "" if suggested == decision.choice else f"; Upward suggested {suggested}"
    console.print(f"Recorded for #{triaged.item.id}: {decision.choice}{also}.", markup=False)
