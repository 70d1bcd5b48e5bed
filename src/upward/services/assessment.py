"""The self-assessment: the questions come from the playbook, the answers are kept with their date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from upward.model import InputError
from upward.playbook.schema import Question
from upward.services.context import Context
from upward.services.diagnosis import playbook
from upward.store import assessments_repo


def questions(ctx: Context) -> list[Question]:
    return list(playbook(ctx).assessment)


def check_answers(asked: list[Question], answers: Mapping[str, str]) -> dict[str, str]:
    """The answers, each checked against its question; unanswered questions are simply left out."""
    by_id = {q.id: q for q in asked}
    checked: dict[str, str] = {}
    for question_id, answer_id in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise InputError("question", f"'{question_id}' is not a question; the questions are: {', '.join(by_id)}")
        if answer_id not in {a.id for a in question.answers}:
            choices = ", ".join(a.id for a in question.answers)
            raise InputError(question_id, f"'{answer_id}' is not one of the answers: {choices}")
        checked[question_id] = answer_id
    if not checked:
        raise InputError("answers", "none were given; answer at least one question")
    return checked


def save_answers(ctx: Context, answers: Mapping[str, str], taken_at: datetime | None = None) -> dict[str, str]:
    checked = check_answers(questions(ctx), answers)
    with ctx.transaction() as conn:
        assessments_repo.add(conn, ctx.owner_id, checked, taken_at or datetime.now().replace(microsecond=0))
    return checked


def latest(ctx: Context) -> tuple[datetime, dict[str, str]] | None:
    with ctx.transaction() as conn:
        return assessments_repo.latest(conn, ctx.owner_id)
