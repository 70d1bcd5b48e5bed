"""`upward project add|score|list|show|edit|choose|drop`: pick the visible project that gets you seen."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from upward.analysis.projects import ScoredProject
from upward.cli.common import console, context
from upward.model import InputError, UpwardError
from upward.model.parsing import clean_list
from upward.model.projects import Answer, ProjectDraft, parse_months
from upward.services import Context
from upward.services import projects as projects_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 46

app = typer.Typer(
    help="Candidate visible projects: score them on what gets you seen, compare them, choose one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Ref = Annotated[str, typer.Argument(help="The project's number or title (see `upward project list`).")]
SummaryOption = Annotated[str | None, typer.Option(help="What it is, in a sentence or two.")]
TeamsOption = Annotated[str | None, typer.Option(help="The teams it touches, comma-separated.")]
SponsorOption = Annotated[str | None, typer.Option(help="Who backs it (ideally an executive).")]
MonthsOption = Annotated[str | None, typer.Option(help="How many months it should take.")]
NotesOption = Annotated[str | None, typer.Option(help="Anything else worth remembering.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
MARKS = {Answer.YES: "yes", Answer.PARTLY: "partly", Answer.NO: "no", None: "?"}


@app.command()
def add(
    title: Annotated[str, typer.Argument(help="A short name for the project.")],
    summary: SummaryOption = "",
    teams: TeamsOption = "",
    sponsor: SponsorOption = None,
    months: MonthsOption = None,
    notes: NotesOption = "",
) -> None:
    """Write down a candidate project. Its teams, sponsor and length already answer some questions."""
    draft = ProjectDraft(
        title=title, summary=summary or "", teams=tuple(clean_list([teams or ""])), sponsor=sponsor,
        months=parse_months(months), notes=notes or "",
    )  # fmt: skip
    ctx = context()
    project = projects_service.add(ctx, draft)
    console.print(f"Added project #{project.id}: {project.title}", markup=False)
    _print_scored(projects_service.scored(ctx, project))


@app.command()
def score(
    ref: Ref,
    answers: Annotated[
        list[str] | None,
        typer.Argument(help="Answers as CRITERION=yes|partly|no (multiple-teams=yes). None: you are asked each one."),
    ] = None,
) -> None:
    """Answer the questions that make a project visible (several teams, a sponsor, 2–4 months...)."""
    ctx = context()
    project = projects_service.get(ctx, ref)
    given = _parse_pairs(answers) if answers else _ask(ctx, projects_service.scored(ctx, project))
    _print_scored(projects_service.answer(ctx, project.id, given))


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """Your candidates side by side: each question, each project's answer, and the score."""
    ctx = context()
    compared = projects_service.compare(ctx)
    if as_json:
        typer.echo(json.dumps([scored_dict(s) for s in compared], indent=2, ensure_ascii=False))
        return
    if not compared:
        console.print('No candidate projects yet. Add one with `upward project add "TITLE" --teams a,b`.')
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("")
    for s in compared:
        mark = " (chosen)" if s.project.chosen else " (set aside)" if s.project.status.value == "dropped" else ""
        table.add_column(f"#{s.project.id} {s.project.title}{mark}", overflow="fold")
    for index, criterion in enumerate(projects_service.criteria(ctx)):
        table.add_row(criterion.question, *[_mark(s, index) for s in compared])
    table.add_row("Score", *[f"{s.percent}%" for s in compared])
    console.print(table)
    console.print("* suggested by the project's facts; `upward project score` to answer yourself.")


@app.command()
def show(ref: Ref, as_json: JsonOption = False) -> None:
    """One project: its facts, each answer and where it comes from, and what is still to find out."""
    ctx = context()
    scored = projects_service.scored(ctx, projects_service.get(ctx, ref))
    if as_json:
        typer.echo(json.dumps(scored_dict(scored), indent=2, ensure_ascii=False))
        return
    p = scored.project
    console.print(f"[bold]#{p.id} {p.title}[/bold] ({p.status.value})")
    for label, value in (("summary", p.summary), ("teams", ", ".join(p.teams)), ("sponsor", p.sponsor),
                         ("months", p.months), ("notes", p.notes)):  # fmt: skip
        if value:
            console.print(f"  {label:<8} {value}", markup=False)
    _print_scored(scored)


@app.command()
def edit(
    ref: Ref,
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    summary: SummaryOption = None,
    teams: TeamsOption = None,
    sponsor: SponsorOption = None,
    months: MonthsOption = None,
    notes: NotesOption = None,
) -> None:
    """Correct a candidate's facts: only the options you give change ('' empties a field)."""
    changes: dict[str, Any] = {k: v for k, v in {"title": title, "summary": summary, "sponsor": sponsor,
                                                   "notes": notes}.items() if v is not None}  # fmt: skip
    if teams is not None:
        changes["teams"] = tuple(clean_list([teams]))
    if months is not None:
        changes["months"] = parse_months(months)
    if not changes:
        raise UpwardError("Nothing to change: give at least one option, such as --months 3.")
    project = projects_service.edit(context(), ref, changes)
    console.print(f"Saved #{project.id}: {project.title}", markup=False)


@app.command()
def choose(ref: Ref) -> None:
    """Go for this one: it becomes your visible project and joins your plan."""
    project, item = projects_service.choose(context(), ref)
    console.print(f"Chosen: #{project.id} {project.title}.", markup=False)
    if item is not None:
        console.print(f"It is in your plan as item #{item}.")
    else:
        console.print("Create your plan (`upward plan create`) and it will be in it.")


@app.command()
def drop(ref: Ref) -> None:
    """Set a candidate aside (it stays listed, last, and can be chosen later)."""
    project = projects_service.drop(context(), ref)
    console.print(f"Set aside #{project.id}: {project.title}", markup=False)


def _parse_pairs(pairs: list[str]) -> dict[str, Answer]:
    given: dict[str, Answer] = {}
    for pair in pairs:
        criterion, sep, value = pair.partition("=")
        if not sep or not criterion.strip():
            raise InputError("answers", f"'{pair}' needs a question and an answer, like multiple-teams=yes")
        given[criterion.strip().lower()] = Answer.parse(value, criterion.strip().lower())
    return given


def _ask(ctx: Context, scored: ScoredProject) -> dict[str, Answer]:
    """Ask each question in turn; Enter keeps the answer shown."""
    given: dict[str, Answer] = {}
    for c in scored.criteria:
        default = c.answer.value if c.answer else "skip"
        reply = typer.prompt(f"{c.question} (yes/partly/no/skip)", default=default)
        if reply.strip().lower() != "skip":
            given[c.id] = Answer.parse(reply, c.id)
    return given


def _mark(scored: ScoredProject, index: int) -> str:
    criterion = scored.criteria[index]
    return MARKS[criterion.answer] + (" *" if criterion.from_facts else "")


def _print_scored(scored: ScoredProject) -> None:
    console.print(f"Score: {scored.percent}%")
    for c in scored.criteria:
        where = "" if c.said_by in ("you", "") else f" (suggested: {c.said_by})"
        console.print(f"  {MARKS[c.answer]:<7}{c.question}{where}", markup=False)
    if scored.open_questions:
        console.print("Still to find out: " + " ".join(scored.open_questions), markup=False)


def scored_dict(s: ScoredProject) -> dict[str, Any]:
    p = s.project
    return {
        "id": p.id, "title": p.title, "summary": p.summary, "teams": list(p.teams), "sponsor": p.sponsor,
        "months": p.months, "status": p.status.value, "notes": p.notes, "score": s.percent,
        "criteria": [{"id": c.id, "question": c.question, "answer": c.answer.value if c.answer else None,
                      "said_by": c.said_by} for c in s.criteria],
        "open_questions": list(s.open_questions),
    }  # fmt: skip


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="project")
