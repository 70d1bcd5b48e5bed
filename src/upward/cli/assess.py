"""`upward assess`: a two-minute self-assessment, set beside what your record shows."""

from __future__ import annotations

from typing import Annotated

import typer

from upward.cli.common import console, context
from upward.model import InputError
from upward.model.diagnosis import Finding, Status
from upward.playbook.schema import Question
from upward.services import assessment as assessment_service
from upward.services import diagnosis as diagnosis_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 40


def register(app: typer.Typer) -> None:
    app.command("assess")(assess)


def assess(
    answer: Annotated[
        list[str] | None,
        typer.Option(help="QUESTION=ANSWER, for scripts (repeat it); `upward assess --list` shows the ids."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the questions and their answer ids.")] = False,
) -> None:
    """Answer a few questions about where you stand; Upward sets them beside your record."""
    ctx = context()
    asked = assessment_service.questions(ctx)
    if list_:
        _list(asked)
        return
    answers = _from_flags(answer) if answer else _ask(asked)
    assessment_service.save_answers(ctx, answers)
    console.print(f"Saved {len(answers)} answers.\n")
    _gaps(diagnosis_service.run_diagnosis(ctx).findings)


def _list(asked: list[Question]) -> None:
    for question in asked:
        console.print(f"[bold]{question.id}[/bold]: {question.question}")
        for choice in question.answers:
            console.print(f"  {choice.id:<18} {choice.label}", markup=False)


def _from_flags(given: list[str]) -> dict[str, str]:
    answers: dict[str, str] = {}
    for pair in given:
        question, sep, choice = pair.partition("=")
        if not sep or not question.strip() or not choice.strip():
            raise InputError("answer", f"'{pair}' should look like QUESTION=ANSWER, for example skip-level-talks=never")
        answers[question.strip()] = choice.strip()
    return answers


def _ask(asked: list[Question]) -> dict[str, str]:
    answers: dict[str, str] = {}
    for number, question in enumerate(asked, 1):
        console.print(f"\n[bold]{number}/{len(asked)}. {question.question}[/bold]")
        for index, choice in enumerate(question.answers, 1):
            console.print(f"  {index}. {choice.label}", markup=False)
        picked = typer.prompt("Your answer (a number, or Enter to skip)", default="", show_default=False).strip()
        while picked and not (picked.isdigit() and 1 <= int(picked) <= len(question.answers)):
            picked = typer.prompt(f"Please type a number from 1 to {len(question.answers)}", default="").strip()
        if picked:
            answers[question.id] = question.answers[int(picked) - 1].id
    return answers


def _gaps(findings: tuple[Finding, ...]) -> None:
    gaps = [f for f in findings if f.contradiction]
    resting = sum(1 for f in findings if f.from_answers)
    if resting:
        console.print(f"{resting} findings rest on your answers for now; as your record grows, it takes over.")
    if not gaps:
        console.print("Nothing in your record contradicts your answers. `upward diagnose` shows the whole picture.")
        return
    console.print("[bold]Where your answers and your record disagree[/bold] (the record wins):")
    for finding in gaps:
        console.print(f"  • {finding.title}: {finding.contradiction}", markup=False)
    unknown = sum(1 for f in findings if f.status is Status.UNKNOWN)
    if unknown:
        console.print(f"{unknown} findings still need more of your record; `upward diagnose` says which data.")
