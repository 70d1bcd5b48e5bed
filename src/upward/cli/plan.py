"""`upward plan create|show|done|skip|adjust|export` and `upward next`: the 12-month plan, kept moving."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from upward.cli.common import console, context
from upward.documents.plan import Timeline, timeline
from upward.model import NotFound
from upward.model.parsing import parse_day
from upward.model.plan import ItemStatus, Plan, PlanItem
from upward.services import Context
from upward.services import plan as plan_service
from upward.services.diagnosis import playbook
from upward.services.plan_export import export
from upward.services.plan_week import Week, this_week

#: Where the commands come in `upward --help` (most used first).
PLACE = 35

app = typer.Typer(help="Your 12-month promotion plan: make it, follow it, re-plan it.", no_args_is_help=True)
MARKS = {ItemStatus.DONE: "[green]✓[/green]", ItemStatus.SKIPPED: "[dim]–[/dim]", ItemStatus.OPEN: "○"}


class Format(StrEnum):
    MD = "md"
    ICS = "ics"
    JSON = "json"


@app.command()
def create(
    start: Annotated[
        str | None, typer.Option(help="The plan's first day (YYYY-MM-DD; default: your profile's plan start).")
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Throw the current plan away and start again.")] = False,
) -> None:
    """Make your plan from the playbook, your diagnosis and your record: red-flag steps come first."""
    ctx = context()
    first_day = parse_day(start, "start") if start else None
    with console.status("Reading your record and your diagnosis…"):
        plan = plan_service.create_plan(ctx, start=first_day, replace=replace)
    first = sum(1 for i in plan.items if i.red_flag)
    console.print(f"Your plan is ready: {len(plan.items)} steps from {plan.start:%-d %B %Y} to {plan.end:%-d %B %Y}.")
    if first:
        console.print(f"{first} step{'s' if first != 1 else ''} answering your red flags come first.")
    console.print("`upward plan show` shows the timeline; `upward next` shows this week.")


@app.command()
def show() -> None:
    """The plan as a timeline: each move, its steps with their numbers and due dates, and what is done."""
    ctx = context()
    _print(timeline(_plan(ctx), playbook(ctx), date.today()))


@app.command()
def done(item_id: Annotated[int, typer.Argument(metavar="ID", help="The step's number (from `plan show`).")]) -> None:
    """Check a step off."""
    item = plan_service.done(context(), item_id)
    console.print(f"Done: #{item.id} {escape(item.title)}. Well done.")


@app.command()
def skip(
    item_id: Annotated[int, typer.Argument(metavar="ID", help="The step's number (from `plan show`).")],
    why: Annotated[str, typer.Option("--why", help="Why you are skipping it, for your own record.")],
) -> None:
    """Set a step aside, saying why. It stays in the plan's history and is not planned again."""
    item = plan_service.skip(context(), item_id, why)
    console.print(f"Skipped: #{item.id} {escape(item.title)}.")


@app.command()
def adjust() -> None:
    """Re-plan after a new diagnosis: what you did or skipped stays; the rest is planned again from today."""
    with console.status("Reading your record and your diagnosis…"):
        result = plan_service.adjust(context())
    console.print(
        f"Re-planned: {result.kept} done or skipped kept as they were, {result.updated} steps re-dated, "
        f"{result.added} new, {result.removed} no longer needed. `upward plan show` shows the timeline."
    )


@app.command("export")
def export_(
    fmt: Annotated[
        Format, typer.Option("--format", help="md (the plan template, filled in), ics or json.")
    ] = Format.MD,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of the screen.")
    ] = None,
) -> None:
    """The plan as Markdown, as a calendar file (steps and reminders) to import anywhere, or as JSON."""
    ctx = context()
    data = export(ctx, _plan(ctx), fmt.value, date.today())
    if output is None:
        typer.echo(data, nl=False)
        return
    output.write_text(data, encoding="utf-8")
    console.print(f"Wrote {output}.")


def next_week() -> None:
    """This week's steps: what is late, what is due, and who you are due to talk to. Ten seconds to read."""
    _print_week(this_week(context()))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="plan")
    root.command("next")(next_week)


def _plan(ctx: Context) -> Plan:
    plan = plan_service.current_plan(ctx)
    if plan is None:
        raise NotFound("You have no plan yet. `upward plan create` makes one from your diagnosis.")
    return plan


def _print(view: Timeline) -> None:
    plan = view.plan
    console.print(
        f"[bold]Your 12-month plan[/bold] · {plan.start:%-d %b %Y} – {plan.end:%-d %b %Y} · "
        f"{view.done} of {len(plan.items)} done" + (f", {view.skipped} skipped" if view.skipped else "")
    )
    for section in view.moves:
        first, last = section.months
        console.print(f"\n[bold]{escape(section.title)}[/bold] · months {first}–{last}")
        for item in section.items:
            console.print("  " + _line(item, view.today) + _because(item, view.flags))
    console.print("\n`upward plan done ID` checks a step off; `upward plan skip ID --why ...` sets one aside.")


def _line(item: PlanItem, today: date) -> str:
    late = " [red]late[/red]" if item.overdue(today) else ""
    closed = f" · {item.status.value} {item.closed_on:%-d %b}" if item.closed_on else ""
    why = f" ({escape(item.why)})" if item.why else ""
    return f"{MARKS[item.status]} #{item.id:<3} {item.due:%a %d %b %Y}{late}  {escape(item.title)}{closed}{why}"


def _because(item: PlanItem, flags: dict[str, str]) -> str:
    return (
        f"\n        [yellow]first: it answers “{escape(flags[item.red_flag])}”[/yellow]"
        if item.red_flag in flags
        else ""
    )


def _print_week(week: Week) -> None:
    console.print(f"[bold]This week[/bold] · {week.today:%a %d %b} – {week.until:%a %d %b}")
    if week.plan is None:
        console.print("No plan yet: `upward plan create` makes one from your diagnosis.")
    for item in week.late_shown:
        console.print(f"  [red]late[/red]  #{item.id} {escape(item.title)} (due {item.due:%-d %b})")
    if week.more_late:
        console.print(f"        and {week.more_late} more late: `upward plan show`, or `upward plan adjust`")
    for item in week.due_shown:
        console.print(f"  [bold]due[/bold]   #{item.id} {escape(item.title)} ({item.due:%a %-d %b})")
    if week.more_due:
        console.print(f"        and {week.more_due} more due this week: `upward plan show`")
    for reminder in week.reminders:
        since = reminder.days_since(week.today)
        last = "no contact on record" if since is None else f"last contact {since} days ago"
        title = escape(reminder.title)
        console.print(f"  [bold]talk[/bold]  {title}: {escape(reminder.person)} ({reminder.role}; {last})")
    if week.empty and week.plan is not None:
        console.print("  Nothing due this week. A good week to get ahead on the next step.")
