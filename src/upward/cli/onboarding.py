"""`upward init`: the short onboarding, by prompts or entirely by flags for scripts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

import typer

from upward.cli.common import console, context
from upward.model import InputError, Profile
from upward.model.profile import PROFILE_CHECKS, cross_check
from upward.services import profile as profile_service

#: Where the command comes in `upward --help` (most used first).
PLACE = 10


@dataclass(frozen=True)
class Question:
    field: str
    prompt: str
    optional: bool = False

    def check(self, value: str) -> Any:
        return PROFILE_CHECKS[self.field](value)


QUESTIONS = (
    Question("name", "Your name"),
    Question("role", "Your role (for example: software engineer, product designer, analyst)"),
    Question("current_level", "Your current level (for example: Senior, L5, P3)"),
    Question("target_level", "The level you are aiming for (for example: Staff, L6)"),
    Question("team", "Your team"),
    Question("manager_name", "Your manager's name"),
    Question("manager_email", "Your manager's email (optional)", optional=True),
    Question("skip_level_name", "Your manager's manager (your skip-level)"),
    Question("skip_level_email", "Your skip-level's email (optional)", optional=True),
    Question("plan_start", "When does your 12-month plan start? (YYYY-MM-DD)"),
)


def register(app: typer.Typer) -> None:
    app.command("init")(init)


def init(
    name: Annotated[str | None, typer.Option(help="Your name.")] = None,
    role: Annotated[str | None, typer.Option(help="Your role, e.g. 'software engineer' or 'designer'.")] = None,
    current_level: Annotated[str | None, typer.Option(help="Your current level.")] = None,
    target_level: Annotated[str | None, typer.Option(help="The level you are aiming for.")] = None,
    team: Annotated[str | None, typer.Option(help="Your team.")] = None,
    manager: Annotated[str | None, typer.Option(help="Your manager's name.")] = None,
    manager_email: Annotated[str | None, typer.Option(help="Your manager's email.")] = None,
    skip_level: Annotated[str | None, typer.Option(help="Your skip-level manager's name.")] = None,
    skip_level_email: Annotated[str | None, typer.Option(help="Your skip-level manager's email.")] = None,
    start: Annotated[str | None, typer.Option(help="The plan's start date, YYYY-MM-DD (default: today).")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt; fail if an answer is missing.")] = False,
) -> None:
    """Tell Upward who you are, where you stand and who decides on your promotion."""
    ctx = context()
    given = {
        "name": name, "role": role, "current_level": current_level, "target_level": target_level, "team": team,
        "manager_name": manager, "manager_email": manager_email, "skip_level_name": skip_level,
        "skip_level_email": skip_level_email, "plan_start": start,
    }  # fmt: skip
    known = profile_service.get_profile(ctx)
    # Prompt only when a required answer is missing; a script that gave them all is never asked.
    quiet = no_input or all(given[q.field] is not None or q.optional or _default(q, known) for q in QUESTIONS)
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        answers[question.field] = _answer(question, given[question.field], _default(question, known), quiet, answers)
    saved = profile_service.save_profile(ctx, Profile(**answers))
    console.print(
        f"Welcome, {saved.name}. Your plan from {saved.current_level} to {saved.target_level} "
        f"starts {saved.plan_start:%d %B %Y}.\nNext: log something you did today, e.g. "
        '`upward log "Helped support fix the refund report"`.'
    )


def _default(question: Question, known: Profile | None) -> str | None:
    if known is not None:
        value = getattr(known, question.field)
        return None if value is None else str(value)
    return date.today().isoformat() if question.field == "plan_start" else None


def _answer(question: Question, given: str | None, default: str | None, no_input: bool, earlier: dict[str, Any]) -> Any:
    if given is not None:
        return question.check(given)  # flags are checked together once all are in
    if no_input:
        if question.optional or default is not None:
            return question.check(default or "")
        flag = "--" + question.field.replace("_name", "").replace("_", "-").replace("plan-start", "start")
        raise InputError(question.field.replace("_", " "), f"is missing; pass {flag}")
    while True:
        value = typer.prompt(question.prompt, default=default or ("" if question.optional else None), show_default=True)
        try:
            answer = question.check(value)
            cross_check(question.field, answer, earlier)
            return answer
        except InputError as error:
            console.print(f"[red]{error.problem}[/red]")
