"""`upward story new|list|show|edit|delete|check|rewrite`: impact stories a non-expert understands."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from upward.analysis.legibility import Legibility
from upward.cli._story_rewrite import rewrite
from upward.cli.common import console, context
from upward.documents.story_versions import LENGTHS, render, story_text, versions
from upward.model.parsing import clean_list, parse_day
from upward.model.story import PARTS, StoryDraft
from upward.services import stories as stories_service
from upward.services.export_stories import story_dict

#: Where the command comes in `upward --help` (most used first).
PLACE = 36

app = typer.Typer(help="Impact stories a non-expert understands.", no_args_is_help=True, rich_markup_mode=None)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AudienceOption = Annotated[
    str | None, typer.Option("--audience", "-a", help="Who reads it: manager, skip-level or executive.")
]


def _part(name: str) -> object:
    return typer.Option(f"--{name}", help=PARTS[name][1])


Title = Annotated[str | None, _part("title")]
Problem = Annotated[str | None, _part("problem")]
Baseline = Annotated[str | None, _part("baseline")]
Stakes = Annotated[str | None, _part("stakes")]
Action = Annotated[str | None, _part("action")]
Role = Annotated[str | None, _part("role")]
Collaborators = Annotated[str | None, typer.Option("--with", help=PARTS["collaborators"][1])]
Result = Annotated[str | None, _part("result")]
Timeframe = Annotated[str | None, _part("timeframe")]
Outcome = Annotated[str | None, _part("outcome")]
Day = Annotated[str | None, typer.Option("--date", help="When it happened (YYYY-MM-DD).")]
Evidence = Annotated[list[int] | None, typer.Option("--evidence", help="Link this evidence item (repeatable).")]


@app.command()
def new(
    from_evidence: Annotated[int | None, typer.Option("--from", help="Start from this evidence item.")] = None,
    title: Title = None,
    problem: Problem = None,
    baseline: Baseline = None,
    stakes: Stakes = None,
    action: Action = None,
    role: Role = None,
    collaborators: Collaborators = None,
    result: Result = None,
    timeframe: Timeframe = None,
    outcome: Outcome = None,
    audience: AudienceOption = None,
    day: Day = None,
    evidence: Evidence = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing; save what the flags give.")] = False,
) -> None:
    """Write a story. Asks only for what is missing; from evidence, its metrics, date and teams are filled in."""
    ctx = context()
    draft = stories_service.prefill(ctx, from_evidence) if from_evidence else StoryDraft(title="")
    given = _given(title, problem, baseline, stakes, action, role, collaborators, result, timeframe, outcome)
    draft = replace(draft, **given)
    if audience:
        draft = replace(draft, audience=audience)
    if day:
        draft = replace(draft, occurred_on=parse_day(day))
    if evidence:
        draft = replace(draft, evidence_ids=(*draft.evidence_ids, *evidence))
    if not no_input:
        _show_prefilled(draft, from_evidence)
        draft = _ask_missing(draft)
    story = stories_service.create(ctx, draft)
    console.print(f"Saved story #{story.id}: {story.title}\n", markup=False)
    console.print(render(story, "three-sentences", story.audience), markup=False)
    _print_check(stories_service.check_text(ctx, story_text(story), story.audience))


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """List your stories, most recently changed first, with their legibility score."""
    ctx = context()
    found = stories_service.list_stories(ctx)
    if as_json:
        typer.echo(json.dumps([story_dict(s) for s in found], indent=2, ensure_ascii=False))
        return
    if not found:
        console.print("No stories yet. Start one with `upward story new`, or from evidence with `--from ID`.")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("#", "score", "for", "title", "missing"):
        table.add_column(column, overflow="fold")
    for story in found:
        score = stories_service.check_text(ctx, story_text(story), story.audience).score
        missing = ", ".join(PARTS[name][0].lower() for name in story.missing())
        table.add_row(str(story.id), str(score), story.audience, escape(story.title), missing or "—")
    console.print(table)


@app.command()
def show(
    story_id: Annotated[int, typer.Argument(help="The story's number.")],
    audience: AudienceOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a story: every version (one line, three sentences, a paragraph) and its check."""
    ctx = context()
    story = stories_service.get(ctx, story_id)
    if as_json:
        typer.echo(json.dumps(story_dict(story, ctx), indent=2, ensure_ascii=False))
        return
    reader = audience or story.audience
    console.print(f"[bold]#{story.id} {escape(story.title)}[/bold]  (for your {reader})\n")
    titles = [item.title for item in stories_service.evidence_behind(ctx, story)]
    for version in versions(replace(story, audience=reader), titles):
        if version.audience == reader or (audience is None and version.length == LENGTHS[1]):
            console.print(f"[bold]{version.label}[/bold]")
            console.print(version.text + "\n", markup=False)
    if story.wording:
        console.print("[bold]Your own wording[/bold]")
        console.print(story.wording + "\n", markup=False)
    _print_check(stories_service.check_text(ctx, story_text(replace(story, audience=reader)), reader))


@app.command()
def edit(
    story_id: Annotated[int, typer.Argument(help="The story's number.")],
    title: Title = None,
    problem: Problem = None,
    baseline: Baseline = None,
    stakes: Stakes = None,
    action: Action = None,
    role: Role = None,
    collaborators: Collaborators = None,
    result: Result = None,
    timeframe: Timeframe = None,
    outcome: Outcome = None,
    audience: AudienceOption = None,
    day: Day = None,
    evidence: Evidence = None,
    wording: Annotated[str | None, typer.Option(help="Your own wording of the whole story ('' to clear).")] = None,
) -> None:
    """Change parts of a story: only the ones you give change ('' empties a part)."""
    changes: dict[str, Any] = _given(
        title, problem, baseline, stakes, action, role, collaborators, result, timeframe, outcome
    )
    if audience:
        changes["audience"] = audience
    if day:
        changes["occurred_on"] = parse_day(day)
    if evidence:
        changes["evidence_ids"] = tuple(evidence)
    if wording is not None:
        changes["wording"] = wording
    story = stories_service.edit(context(), story_id, changes)
    console.print(f"Saved story #{story.id}: {story.title}", markup=False)


@app.command()
def delete(
    story_id: Annotated[int, typer.Argument(help="The story's number.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete a story for good (the evidence behind it stays)."""
    ctx = context()
    story = stories_service.get(ctx, story_id)
    if not yes and not typer.confirm(f"Delete story #{story.id} '{story.title}'?"):
        raise typer.Exit(1)
    stories_service.delete(ctx, story_id)
    console.print(f"Deleted story #{story.id}: {story.title}", markup=False)


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(help="The text to check (or use --id).")] = None,
    story_id: Annotated[int | None, typer.Option("--id", help="Check this story instead.")] = None,
    audience: AudienceOption = None,
    as_json: JsonOption = False,
) -> None:
    """Would a decision-maker outside your field see why it mattered? A score and the questions that fix it."""
    ctx = context()
    if story_id is not None:
        story = stories_service.get(ctx, story_id)
        reader = audience or story.audience
        text = story_text(replace(story, audience=reader))
    elif not text or not text.strip():
        raise typer.BadParameter("give the text to check in quotes, or a story with --id", param_hint="TEXT")
    else:
        reader = audience or "skip-level"
    verdict = stories_service.check_text(ctx, text, reader)
    if as_json:
        typer.echo(json.dumps(verdict.as_dict(), indent=2, ensure_ascii=False))
        return
    _print_check(verdict)


app.command()(rewrite)


def _given(*values: str | None) -> dict[str, Any]:
    names = [*PARTS]
    given: dict[str, Any] = {}
    for name, value in zip(names, values, strict=True):
        if value is not None:
            given[name] = tuple(clean_list([value])) if name == "collaborators" else value
    return given


def _show_prefilled(draft: StoryDraft, evidence_id: int | None) -> None:
    if evidence_id is None:
        return
    console.print(f"From evidence #{evidence_id}:", markup=False)
    for name, value in draft.facts().items():
        console.print(f"  {PARTS[name][0]}: {value}", markup=False)
    if draft.missing():
        console.print("Now the parts that are missing (press Enter to skip one):", markup=False)


def _ask_missing(draft: StoryDraft) -> StoryDraft:
    """Ask for the title and each missing part once; Enter skips a part."""
    if not draft.title.strip():
        draft = replace(draft, title=typer.prompt(PARTS["title"][1]))
    for name in draft.missing():
        answer = typer.prompt(PARTS[name][1], default="", show_default=False).strip()
        if answer:
            draft = replace(draft, **{name: answer})
    if not draft.collaborators:
        answer = typer.prompt(PARTS["collaborators"][1], default="", show_default=False)
        draft = replace(draft, collaborators=tuple(clean_list([answer])))
    return draft


def _print_check(verdict: Legibility) -> None:
    colour = "green" if verdict.score >= 85 else "yellow" if verdict.score >= 60 else "red"
    console.print(
        f"\n[{colour}]Legibility {verdict.score}/100[/{colour}] for your {verdict.audience}: {verdict.verdict}"
    )
    for finding in verdict.findings:
        console.print(f"  • [bold]{finding.title}[/bold] — {escape(finding.question)}", highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="story")
