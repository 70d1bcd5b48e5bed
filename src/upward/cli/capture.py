"""`upward log` and `upward ask`: capture work in seconds."""

from __future__ import annotations

from typing import Annotated

import typer

from upward.cli.common import console, context, day_label
from upward.cli.triage import suggestion
from upward.model import Evidence
from upward.model.forms import draft_from_fields
from upward.services import evidence as evidence_service
from upward.services import triage as triage_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 20

DateOption = Annotated[
    str | None, typer.Option("--date", help="When: YYYY-MM-DD, 'today' or 'yesterday' (default: now).")
]
MinutesOption = Annotated[int | None, typer.Option(help="Time it took, in minutes.")]
ProjectOption = Annotated[str | None, typer.Option(help="The project it belongs to.")]
BodyOption = Annotated[str, typer.Option(help="More detail, if you want it.")]


def register(app: typer.Typer) -> None:
    app.command("log")(log)
    app.command("ask")(ask)


def log(
    text: Annotated[str, typer.Argument(help="What you did, in a line.")],
    kind: Annotated[
        str, typer.Option(help="What sort of work: delivery, incident, review, mentoring, ...")
    ] = "delivery",
    teams: Annotated[str, typer.Option(help="Teams it touched, comma-separated.")] = "",
    minutes: MinutesOption = None,
    project: ProjectOption = None,
    metric: Annotated[
        list[str] | None, typer.Option(help="A measured change, like 'latency: 4s -> 1.2s'. Repeat for more.")
    ] = None,
    date: DateOption = None,
    people: Annotated[str, typer.Option(help="People involved, comma-separated.")] = "",
    tags: Annotated[str, typer.Option(help="Tags, comma-separated.")] = "",
    body: BodyOption = "",
    url: Annotated[str | None, typer.Option(help="A link to the work.")] = None,
) -> None:
    """Log something you did. Only the text is needed."""
    draft = draft_from_fields(
        text=text, kind=kind, date=date, teams=teams, minutes=minutes, project=project,
        metrics=metric or [], people=people, tags=tags, body=body, url=url,
    )  # fmt: skip
    show_saved("Logged", evidence_service.log(context(), draft))


def ask(
    text: Annotated[str, typer.Argument(help="What you were asked to do, in a line.")],
    from_: Annotated[str | None, typer.Option("--from", help="Who asked.")] = None,
    team: Annotated[str, typer.Option(help="Their team (comma-separate several).")] = "",
    minutes: MinutesOption = None,
    project: ProjectOption = None,
    date: DateOption = None,
    body: BodyOption = "",
) -> None:
    """Log a request someone brought to you. Requests show how much of your time goes to others."""
    draft = draft_from_fields(
        text=text, kind="request", requester=from_, teams=team, minutes=minutes, project=project, date=date, body=body
    )
    ctx = context()
    item = evidence_service.ask(ctx, draft)
    show_saved("Logged request", item)
    suggestion(triage_service.triage_one(ctx, item.id))


def show_saved(verb: str, item: Evidence) -> None:
    extra = f", from {item.requester}" if item.requester else ""
    console.print(f"{verb} #{item.id}: {item.title} ({item.kind.value}{extra}, {day_label(item.occurred_at)})")
