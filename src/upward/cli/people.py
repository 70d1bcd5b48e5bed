"""`upward people add|list|show|edit|met|map|remove`: the people who decide on your promotion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from upward.analysis.people import NamesCheck, Standing
from upward.cli.common import console, context, day_label
from upward.documents.charts.influence import people_map_figure
from upward.model import Evidence, UpwardError
from upward.model.parsing import parse_when
from upward.model.people_input import AWARENESS_LABELS, ROLE_LABELS, person_from_fields
from upward.services import people as people_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 44

app = typer.Typer(
    help="The people who decide on your promotion, what they know of your work, and when you last talked.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Who = Annotated[str, typer.Argument(help="Their name, email or number (see `upward people list`).")]
RoleOption = Annotated[
    str | None,
    typer.Option(help="Their part in your promotion: manager, skip-level, peer-manager, hr, sponsor, other-team-lead, "
                 "peer or other."),
]  # fmt: skip
InfluenceOption = Annotated[str | None, typer.Option(help="How much say they have: 1 (little) to 5 (decides).")]
KnowsOption = Annotated[
    str | None, typer.Option(help="What they know of your work today: unknown, heard-of, knows-work or advocate.")
]
CadenceOption = Annotated[
    str | None, typer.Option(help="Days between conversations (empty: the playbook's cadence for their role).")
]
EmailOption = Annotated[str | None, typer.Option(help="Their email (lets calendar imports recognise them).")]
TitleOption = Annotated[str | None, typer.Option(help="Their job title.")]
TeamOption = Annotated[str | None, typer.Option(help="Their team.")]
NotesOption = Annotated[str | None, typer.Option(help="Anything worth remembering about them.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command()
def add(
    name: Annotated[str, typer.Argument(help="Their name.")],
    role: RoleOption = "other",
    influence: InfluenceOption = "3",
    knows: KnowsOption = "unknown",
    cadence: CadenceOption = None,
    email: EmailOption = None,
    title: TitleOption = None,
    team: TeamOption = None,
    notes: NotesOption = "",
) -> None:
    """Put someone on your map."""
    fields = _given(name=name, role=role, influence=influence, knows=knows, cadence=cadence, email=email,
                    title=title, team=team, notes=notes)  # fmt: skip
    person = people_service.add(context(), person_from_fields(fields))
    console.print(f"Added {person.name} (#{person.id}), {ROLE_LABELS[person.role]}.")
    _print_check()


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """Everyone on your map: who decides, what they know, when you last talked, and who is overdue."""
    board = people_service.people_map(context())
    if as_json:
        payload = {"check": _check_dict(board.check), "people": [standing_dict(s) for s in board.standings]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if board.standings:
        table = Table(box=None, pad_edge=False)
        for column in ("#", "name", "role", "influence", "knows your work", "last contact", "next"):
            table.add_column(column, overflow="fold")
        for s in board.standings:
            person = s.person
            table.add_row(str(person.id), person.name, ROLE_LABELS[person.role], f"{person.influence}/5",
                          AWARENESS_LABELS[person.awareness], s.contact_words, s.overdue_words)  # fmt: skip
        console.print(table)
        console.print()
    _print_check(board.check)
    if board.blind_spots:
        names = ", ".join(s.person.name for s in board.blind_spots)
        console.print(f"Decide, but don't know your work yet: {names}. Start with them.")


@app.command()
def show(who: Who, as_json: JsonOption = False) -> None:
    """One person in full, with your latest contacts."""
    view = people_service.person_view(context(), who)
    s = view.standing
    if as_json:
        payload = standing_dict(s) | {"recent": [_item_dict(i) for i in view.recent]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    person = s.person
    console.print(f"[bold]#{person.id} {person.name}[/bold]")
    rows = [
        ("role", ROLE_LABELS[person.role] + ("" if s.decides else " (not a decision-maker)")),
        ("influence", f"{person.influence}/5"),
        ("knows", AWARENESS_LABELS[person.awareness]),
        ("title", person.title or ""),
        ("team", person.team or ""),
        ("email", person.email or ""),
        ("contact", f"last {s.contact_words}; {s.contacts} item{'' if s.contacts == 1 else 's'} on record"),
        ("cadence", f"every {s.cadence_days} days ({s.cadence_from}); {s.overdue_words}" if s.cadence_days else "none"),
        ("notes", person.notes),
    ]
    for label, value in rows:
        if value:
            console.print(f"  {label:<10} {value}", markup=False)
    if view.recent:
        console.print()
        console.print("Latest contact:")
        for item in view.recent:
            console.print(f"  #{item.id} {item.occurred_at:%Y-%m-%d} {item.title}", markup=False)


@app.command()
def edit(
    who: Who,
    name: Annotated[str | None, typer.Option(help="A new name.")] = None,
    role: RoleOption = None,
    influence: InfluenceOption = None,
    knows: KnowsOption = None,
    cadence: CadenceOption = None,
    email: EmailOption = None,
    title: TitleOption = None,
    team: TeamOption = None,
    notes: NotesOption = None,
) -> None:
    """Change what you know about someone: only the options you give change ('' empties a field)."""
    fields = _given(name=name, role=role, influence=influence, knows=knows, cadence=cadence, email=email,
                    title=title, team=team, notes=notes)  # fmt: skip
    if not fields:
        raise UpwardError("Nothing to change: give at least one option, such as --knows heard-of.")
    person = people_service.edit(context(), who, fields)
    console.print(f"Saved {person.name}: {ROLE_LABELS[person.role]}, influence {person.influence}/5, "
                  f"{AWARENESS_LABELS[person.awareness]}.")  # fmt: skip


@app.command()
def met(
    who: Who,
    date: Annotated[str | None, typer.Option(help="When (YYYY-MM-DD, today, yesterday); default now.")] = None,
    note: Annotated[str, typer.Option(help="What you talked about, in a few words.")] = "",
) -> None:
    """Record a conversation with someone (a coffee, a 1:1, an update you gave them)."""
    when = parse_when(date, "date") if date else None
    item = people_service.met(context(), who, when, note)
    console.print(f"Recorded #{item.id} on {day_label(item.occurred_at)}: {item.title}", markup=False)


@app.command("map")
def map_(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the SVG to this file.")] = None,
) -> None:
    """The map as an SVG picture: influence against what they know of your work."""
    svg = people_map_figure(people_service.people_map(context()).standings).svg
    if output is None:
        typer.echo(svg)
        return
    try:
        output.write_text(svg + "\n", encoding="utf-8")
    except OSError as error:
        raise UpwardError(f"{output}: can't write the map there ({error.strerror or error})") from None
    console.print(f"Wrote the map to {output}.", markup=False)


@app.command()
def remove(
    who: Who, yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False
) -> None:
    """Take someone off your map (your evidence stays as it is)."""
    ctx = context()
    person = people_service.get(ctx, who)
    if not yes and not typer.confirm(f"Take {person.name} off your map?"):
        raise typer.Exit(1)
    people_service.remove(ctx, person.id)
    console.print(f"Removed {person.name}.")


def _given(**options: str | None) -> dict[str, str]:
    return {name: value for name, value in options.items() if value is not None}


def _print_check(check: NamesCheck | None = None) -> None:
    check = check or people_service.people_map(context()).check
    console.print(check.message, markup=False)


def _check_dict(check: NamesCheck) -> dict[str, Any]:
    return {
        "count": check.count, "fewest": check.fewest, "most": check.most, "status": check.status,
        "missing_roles": [r.value for r in check.missing_roles], "message": check.message,
    }  # fmt: skip


def standing_dict(s: Standing) -> dict[str, Any]:
    person = s.person
    return {
        "id": person.id, "name": person.name, "role": person.role.value, "influence": person.influence,
        "knows": person.awareness.value, "email": person.email, "title": person.title, "team": person.team,
        "notes": person.notes, "decides": s.decides, "cadence_days": s.cadence_days,
        "last_contact": s.last_contact.occurred_at.date().isoformat() if s.last_contact else None,
        "days_since_contact": s.days_since, "overdue_days": s.overdue_days, "blind_spot": s.blind_spot,
    }  # fmt: skip


def _item_dict(item: Evidence) -> dict[str, Any]:
    return {"id": item.id, "date": item.occurred_at.date().isoformat(), "title": item.title, "source": item.source}


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="people")
