"""`upward patterns list|show|adopt|done`: the problems you solve again and again, and the frameworks that end them."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from upward.cli.common import console, context
from upward.model.patterns import Pattern
from upward.services import patterns as patterns_service
from upward.services.pattern_export import pattern_dict

#: Where the command comes in `upward --help` (most used first).
PLACE = 45

app = typer.Typer(
    help="Problems you solve again and again, and the frameworks that end them.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
IdArgument = Annotated[int, typer.Argument(help="The problem's number (from `upward patterns list`).")]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="patterns")


@app.command("list")
def list_(
    as_json: JsonOption = False,
    regroup: Annotated[bool, typer.Option("--regroup", help="Group every item again from scratch.")] = False,
) -> None:
    """Recurring problems, biggest opportunity first: how often, how costly, how many people asked."""
    with console.status("Looking for problems that keep coming back…", spinner="dots"):
        found = patterns_service.list_patterns(context(), regroup=regroup)
    if as_json:
        typer.echo(json.dumps([pattern_dict(p) for p in found], indent=2, ensure_ascii=False))
        return
    if not found:
        console.print("No problem has come back three times yet. Log requests with `upward ask`, or import tickets.")
        return
    table = Table(title="Problems that keep coming back", title_justify="left")
    for header, justify in (("#", "right"), ("problem", "left"), ("times", "right"), ("hours", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    table.add_column("people")
    table.add_column("between")
    for p in found:
        title = f"{p.title} [green](framework)[/green]" if p.adopted else p.title
        between = f"{p.first:%d %b %Y} – {p.last:%d %b %Y}"
        table.add_row(str(p.id), title, str(p.count), f"{p.hours:.0f}", str(len(p.requesters)), between)
    console.print(table)
    console.print("See one with `upward patterns show ID`; make it a framework with `upward patterns adopt ID`.")


@app.command()
def show(pattern_id: IdArgument, as_json: JsonOption = False) -> None:
    """One recurring problem in full: who asked, what it cost, examples, and the framework's progress."""
    pattern = patterns_service.get_pattern(context(), pattern_id)
    if as_json:
        typer.echo(json.dumps(pattern_dict(pattern, full=True), indent=2, ensure_ascii=False))
        return
    _print_pattern(pattern)


@app.command()
def adopt(
    pattern_id: IdArgument,
    fix: Annotated[str, typer.Option(help="The systemic fix, in a sentence.")] = "",
) -> None:
    """Turn a recurring problem into a framework initiative with the playbook's steps (it joins your plan)."""
    pattern = patterns_service.adopt(context(), pattern_id, fix=fix)
    console.print(f"“{pattern.title}” is now a framework initiative.", markup=False)
    if pattern.plan_item_id is None:
        console.print("It will appear in your plan once you have one (`upward plan`).")
    _print_steps(pattern)


@app.command()
def done(
    pattern_id: IdArgument,
    step: Annotated[str, typer.Argument(help="The step's id, such as build-solution or teach-teams.")],
    team: Annotated[list[str] | None, typer.Option(help="A team you taught it to (repeat, or use commas).")] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Mark the step as not done.")] = False,
) -> None:
    """Check off one step of a framework initiative."""
    pattern = patterns_service.check_step(context(), pattern_id, step, teams=team or [], undo=undo)
    _print_steps(pattern)


def _print_pattern(p: Pattern) -> None:
    console.print(f"[bold]#{p.id} {p.title}[/bold]", highlight=False)
    console.print(f"  {p.count} times between {p.first:%d %b %Y} and {p.last:%d %b %Y}, {p.hours:.1f} hours in all")
    console.print(f"  Asked by: {', '.join(p.requesters) or 'nobody recorded'}", markup=False)
    console.print(f"  Teams:    {', '.join(p.teams) or 'none recorded'}", markup=False)
    console.print(f"  Opportunity: {p.score:g} (one point a time, one an hour, two a person who asked)")
    console.print("\n[bold]Recent examples[/bold]")
    for item in p.examples:
        console.print(f"  #{item.id} {item.day:%d %b %Y}  {item.title}", markup=False)
    if p.adopted:
        _print_steps(p)


def _print_steps(p: Pattern) -> None:
    console.print("\n[bold]Framework steps[/bold]")
    if p.fix:
        console.print(f"  The fix: {p.fix}", markup=False)
    for s in p.steps:
        mark = f"[green]✔ {s.done_on:%d %b}[/green]" if s.done_on else "[dim]○[/dim]"
        console.print(f"  {mark} {s.title} [dim]({s.id})[/dim]")
    if p.teams_taught:
        console.print(f"  Taught to {len(p.teams_taught)} team(s): {', '.join(p.teams_taught)}", markup=False)
    if p.impact:
        i = p.impact
        verdict = "It has not come back since." if i.stopped else f"It came back {i.items_after} time(s) since."
        console.print(f"\n  Adopted {i.adopted_on:%d %b %Y}. {verdict}")
        console.print(
            f"  Before: {i.minutes_per_week_before:.0f} min a week; after: {i.minutes_per_week_after:.0f} min a week; "
            f"given back: {i.minutes_given_back_per_week:.0f} min a week."
        )
