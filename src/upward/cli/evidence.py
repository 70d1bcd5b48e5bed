"""`upward evidence list|show|edit|delete|search`: browse and correct what was captured."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from upward.cli.common import console, context, day_label
from upward.model import Evidence, EvidenceFilter, EvidencePatch, Kind, Page
from upward.model.evidence import parse_metrics
from upward.model.parsing import clean_list, parse_day, parse_when
from upward.services import evidence as evidence_service
from upward.services.export import evidence_dict

#: Where the command comes in `upward --help` (most used first).
PLACE = 50

app = typer.Typer(help="Browse, search and correct your evidence.", no_args_is_help=True, rich_markup_mode=None)

FromOption = Annotated[str | None, typer.Option("--from", help="Only items on or after this day (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Only items on or before this day (YYYY-MM-DD).")]
KindOption = Annotated[str | None, typer.Option(help="Only this kind of work.")]
SourceOption = Annotated[str | None, typer.Option(help="Only items from this source (log, ask, git, ...).")]
TeamOption = Annotated[str | None, typer.Option(help="Only items that touched this team.")]
ProjectOption = Annotated[str | None, typer.Option(help="Only items of this project.")]
PageOption = Annotated[int, typer.Option(help="Which page to show.")]
PerPageOption = Annotated[int, typer.Option(help="How many items a page.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command("list")
def list_(
    date_from: FromOption = None,
    date_to: ToOption = None,
    kind: KindOption = None,
    source: SourceOption = None,
    team: TeamOption = None,
    project: ProjectOption = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Only items matching these words.")] = None,
    page: PageOption = 1,
    per_page: PerPageOption = 20,
    as_json: JsonOption = False,
) -> None:
    """List your evidence, newest first."""
    wanted = EvidenceFilter(
        date_from=parse_day(date_from, "from") if date_from else None,
        date_to=parse_day(date_to, "to") if date_to else None,
        kind=Kind.parse(kind) if kind else None,
        source=source,
        team=team,
        project=project,
        text=search,
        page=page,
        per_page=per_page,
    )
    _print_page(evidence_service.listing(context(), wanted), as_json)


@app.command()
def search(
    words: Annotated[str, typer.Argument(help="Words to look for (prefixes match too: 'deplo' finds 'deploy').")],
    page: PageOption = 1,
    per_page: PerPageOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Find evidence by the words in it, best match first (newest first when over 1,000 match)."""
    wanted = EvidenceFilter(text=words, page=page, per_page=per_page)
    _print_page(evidence_service.listing(context(), wanted), as_json)


@app.command()
def show(evidence_id: Annotated[int, typer.Argument(help="The item's number.")], as_json: JsonOption = False) -> None:
    """Show one item in full."""
    item = evidence_service.get(context(), evidence_id)
    if as_json:
        typer.echo(json.dumps(evidence_dict(item), indent=2, ensure_ascii=False))
        return
    console.print(f"[bold]#{item.id} {item.title}[/bold]")
    for label, value in _details(item):
        console.print(f"  {label:<10} {value}")
    if item.body:
        console.print()
        console.print(item.body, markup=False)


@app.command()
def edit(
    evidence_id: Annotated[int, typer.Argument(help="The item's number.")],
    title: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    kind: KindOption = None,
    date: Annotated[str | None, typer.Option(help="New date (YYYY-MM-DD).")] = None,
    requester: Annotated[str | None, typer.Option("--from", help="Who asked ('' to clear).")] = None,
    teams: Annotated[str | None, typer.Option(help="Teams, comma-separated (replaces the old list).")] = None,
    minutes: Annotated[int | None, typer.Option(help="Minutes it took.")] = None,
    project: Annotated[str | None, typer.Option(help="Project ('' to clear).")] = None,
    metric: Annotated[list[str] | None, typer.Option(help="Metrics (replace the old ones).")] = None,
    tags: Annotated[str | None, typer.Option(help="Tags, comma-separated (replaces the old list).")] = None,
    body: Annotated[str | None, typer.Option(help="New detail text.")] = None,
) -> None:
    """Correct an item: only the fields you give change."""
    patch = EvidencePatch(
        title=title,
        kind=Kind.parse(kind) if kind else None,
        occurred_at=parse_when(date) if date else None,
        requester=requester,
        teams=tuple(clean_list([teams])) if teams is not None else None,
        minutes=minutes,
        project=project,
        metrics=parse_metrics(metric) if metric else None,
        tags=tuple(clean_list([tags])) if tags is not None else None,
        body=body,
    )
    item = evidence_service.edit(context(), evidence_id, patch)
    console.print(f"Saved #{item.id}: {item.title}")


@app.command()
def delete(
    evidence_id: Annotated[int, typer.Argument(help="The item's number.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete an item for good."""
    ctx = context()
    item = evidence_service.get(ctx, evidence_id)
    if not yes and not typer.confirm(f"Delete #{item.id} '{item.title}'?"):
        raise typer.Exit(1)
    evidence_service.delete(ctx, evidence_id)
    console.print(f"Deleted #{item.id}: {item.title}")


def _print_page(page: Page[Evidence], as_json: bool) -> None:
    if as_json:
        payload = {"total": page.total, "page": page.page, "pages": page.pages, "items": []}
        payload["items"] = [evidence_dict(item) for item in page.items]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if not page.items:
        console.print("Nothing matches. Try fewer filters, or log something with `upward log`.")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("#", "date", "kind", "what", "from / teams"):
        table.add_column(column, overflow="fold")
    for item in page.items:
        who = item.requester or ", ".join(item.teams)
        table.add_row(str(item.id), f"{item.occurred_at:%Y-%m-%d}", item.kind.value, item.title, who)
    console.print(table)
    console.print(f"Page {page.page} of {page.pages} · {page.total} item{'' if page.total == 1 else 's'}")


def _details(item: Evidence) -> list[tuple[str, str]]:
    rows = [("when", day_label(item.occurred_at)), ("kind", item.kind.value), ("source", item.source)]
    optional = {
        "from": item.requester,
        "teams": ", ".join(item.teams),
        "people": ", ".join(item.people),
        "minutes": "" if item.minutes is None else str(item.minutes),
        "project": item.project,
        "metrics": "; ".join(str(m) for m in item.metrics),
        "tags": ", ".join(item.tags),
        "link": item.url,
    }
    return rows + [(label, value) for label, value in optional.items() if value]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="evidence")
