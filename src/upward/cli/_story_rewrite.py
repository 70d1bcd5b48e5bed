"""`upward story rewrite ID`: a plainer version from a language model, kept only if the person says so."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from upward.cli.common import console, context
from upward.services import story_rewrite


def rewrite(
    story_id: Annotated[int, typer.Argument(help="The story's number.")],
    model: Annotated[str | None, typer.Option("--model", "-m", help="An `llm` model id (default: llm's).")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Keep the rewrite if nothing in it was invented.")] = False,
) -> None:
    """Ask a language model (through the optional `llm` library) for a plainer version, and check it."""
    ctx = context()
    result = story_rewrite.rewrite(ctx, story_id, model)
    console.print(f"[bold]Rewrite by {escape(result.model)}[/bold]\n")
    console.print(result.text + "\n", markup=False)
    console.print(f"Legibility {result.legibility.score}/100 for your {result.legibility.audience}")
    for finding in result.legibility.findings:
        console.print(f"  • {finding.title} — {finding.question}", markup=False)
    if result.invented:
        listed = escape(", ".join(result.invented))
        console.print(f"[red]Not in your story's facts (the model may have made these up): {listed}[/red]")
    keep = yes and not result.invented
    if not keep and not typer.confirm("Keep this as the story's wording?", default=False):
        console.print("Not saved. Your story is unchanged.")
        return
    story_rewrite.accept(ctx, story_id, result.text)
    console.print(f"Saved as the wording of story #{story_id}.")
