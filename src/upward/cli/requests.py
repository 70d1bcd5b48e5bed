"""`upward requests`: how much of your time other people's requests take, from whom, and the trend."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from upward.analysis.triage.load import Source
from upward.cli.common import console, context
from upward.services import requests_load
from upward.services.requests_load import amount
from upward.services.triage_data import load_dict

#: Where the command comes in `upward --help` (most used first).
PLACE = 26
BAR = 24


def register(app: typer.Typer) -> None:
    app.command("requests")(requests)


def requests(
    weeks: Annotated[int, typer.Option(help="How many weeks to show, this one included.")] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Your solver load: the share of your time on other people's requests, week by week, and who asks."""
    found = requests_load.load(context(), weeks=weeks)
    if as_json:
        typer.echo(json.dumps(load_dict(found), indent=2, ensure_ascii=False))
        return
    console.print(requests_load.trend_sentence(found), markup=False)
    console.print()
    for week in found.weeks:
        share = week.share
        bar = "█" * round((share or 0) * BAR)
        said = "—" if share is None else f"{share:>4.0%}"
        console.print(f"  {week.week:%d %b}  {said}  {bar}", markup=False)
    _sources("Who asks", found.requesters, found.unit)
    _sources("Which teams", found.teams, found.unit)


def _sources(title: str, sources: tuple[Source, ...], unit: str) -> None:
    if not sources:
        return
    console.print(f"\n[bold]{title}[/bold]")
    for source in sources[:10]:
        detail = f" ({source.detail})" if source.detail else ""
        count = f"{source.requests} request{'' if source.requests == 1 else 's'}"
        console.print(f"  {source.name}{detail}: {count}, {amount(source.amount, unit)}", markup=False)
