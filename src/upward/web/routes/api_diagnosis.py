"""/api/v1/diagnosis and /api/v1/assessment: the JSON twins of the dashboard and the self-assessment page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from upward.analysis.mix import MIX, Contact, WorkMix
from upward.documents.diagnosis import diagnosis_dict, stall_sentence
from upward.model import InputError
from upward.model.diagnosis import Diagnosis
from upward.playbook.schema import Question
from upward.services import Context
from upward.services import assessment as assessment_service
from upward.services import diagnosis as diagnosis_service
from upward.web.csrf import require_json
from upward.web.deps import Ctx
from upward.web.routes.dashboard_view import chart_data

router = APIRouter(tags=["diagnosis"])


class AreaOut(BaseModel):
    id: str
    title: str
    score: int | None = Field(description="0 (holding you back) to 100 (working for you); null without data")
    how: str


class ActionOut(BaseModel):
    id: str
    title: str


class FindingOut(BaseModel):
    id: str
    title: str
    area: str
    status: str = Field(description="ok, warning, red or unknown")
    summary: str
    how: str
    value: float | None
    missing: str | None = Field(description="What would settle an unknown finding")
    evidence_ids: list[int] = Field(description="List them with /api/v1/evidence?finding=ID")
    next_action: ActionOut
    from_answers: bool = Field(description="The status comes from the self-assessment, not the record")
    contradiction: str | None = Field(description="Where the person's own answer and the record disagree")


class MonthOut(BaseModel):
    month: str = Field(examples=["2026-03"])
    values: dict[str, float] = Field(description="By category id: own, strategic, requests, firefighting")


class WorkMixOut(BaseModel):
    unit: str = Field(description="hours, or items when most items don't say how long they took")
    categories: dict[str, str]
    months: list[MonthOut]


class DecisionMakerOut(BaseModel):
    name: str
    role: str
    items: int = Field(description="Items that show contact in the last 90 days")
    days_since: int | None = Field(description="Days since the last contact on record; null when there is none")
    evidence_ids: list[int]


class DiagnosisOut(BaseModel):
    day: date
    stall_score: int | None = Field(description="0 (moving) to 100 (fully stalled); null with too little data")
    sentence: str
    areas: list[AreaOut]
    findings: list[FindingOut]
    next_actions: list[str]
    work_mix: WorkMixOut
    decision_makers: list[DecisionMakerOut]


class SnapshotOut(BaseModel):
    day: date
    stall_score: int | None
    areas: dict[str, int | None]
    findings: dict[str, dict[str, Any]]


class AnswerOut(BaseModel):
    id: str
    label: str


class QuestionOut(BaseModel):
    id: str
    question: str
    finding: str
    about: str | None
    answers: list[AnswerOut]

    @classmethod
    def of(cls, question: Question) -> QuestionOut:
        answers = [AnswerOut(id=a.id, label=a.label) for a in question.answers]
        return cls(id=question.id, question=question.question, finding=question.finding, about=question.about,
                   answers=answers)  # fmt: skip


class TakenOut(BaseModel):
    taken_at: datetime
    answers: dict[str, str]


class AssessmentOut(BaseModel):
    questions: list[QuestionOut]
    latest: TakenOut | None


class AnswersIn(BaseModel):
    answers: dict[str, str] = Field(examples=[{"skip-level-talks": "never", "go-to-person": "constantly"}])


@router.get("/diagnosis", response_model=DiagnosisOut)
def read_diagnosis(ctx: Ctx) -> DiagnosisOut:
    """Today's diagnosis, as the dashboard shows it; like `upward diagnose`, it keeps today's snapshot."""
    record = diagnosis_service.load_record(ctx, date.today(), whole=False)
    diagnosis = diagnosis_service.run_diagnosis(ctx, record=record)
    mix, contacts = chart_data(record)
    return DiagnosisOut.model_validate(
        _diagnosis(diagnosis) | {"work_mix": _mix(mix), "decision_makers": [_contact(c) for c in contacts]}
    )


@router.get("/diagnosis/history", response_model=list[SnapshotOut])
def read_history(ctx: Ctx) -> list[SnapshotOut]:
    """One snapshot for each day the diagnosis ran, oldest first: the stall-score trend."""
    return [SnapshotOut.model_validate(row) for row in diagnosis_service.history(ctx)]


@router.get("/assessment", response_model=AssessmentOut, tags=["assessment"])
def read_assessment(ctx: Ctx) -> AssessmentOut:
    """The self-assessment's questions, and the latest answers (null before the first)."""
    return _assessment(ctx)


@router.post(
    "/assessment", response_model=AssessmentOut, status_code=201, tags=["assessment"],
    dependencies=[Depends(require_json)],
)  # fmt: skip
def save_assessment(body: AnswersIn, ctx: Ctx) -> AssessmentOut:
    """Answer some or all of the questions (question id -> answer id); the latest answers count."""
    with _answer_problems():
        assessment_service.save_answers(ctx, body.answers)
    return _assessment(ctx)


def _assessment(ctx: Context) -> AssessmentOut:
    taken = assessment_service.latest(ctx)
    latest = TakenOut(taken_at=taken[0], answers=taken[1]) if taken else None
    return AssessmentOut(questions=[QuestionOut.of(q) for q in assessment_service.questions(ctx)], latest=latest)


@contextmanager
def _answer_problems() -> Iterator[None]:
    """A wrong answer is reported under its question: body.answers.QUESTION."""
    try:
        yield
    except InputError as error:
        where = ("body", "answers") if error.field in ("answers", "question") else ("body", "answers", error.field)
        raise RequestValidationError([{"type": "value_error", "loc": where, "msg": error.problem}]) from None


def _diagnosis(diagnosis: Diagnosis) -> dict[str, Any]:
    data = diagnosis_dict(diagnosis)
    for shown, finding in zip(data["findings"], diagnosis.findings, strict=True):
        shown |= {"from_answers": finding.from_answers, "contradiction": finding.contradiction}
    return data | {"sentence": stall_sentence(diagnosis)}


def _mix(mix: WorkMix) -> dict[str, Any]:
    ids = [category for category, _, _ in MIX]
    months = [{"month": f"{m.month:%Y-%m}", "values": dict(zip(ids, m.values, strict=True))} for m in mix.months]
    return {"unit": mix.unit, "categories": {category: label for category, label, _ in MIX}, "months": months}


def _contact(contact: Contact) -> dict[str, Any]:
    return {"name": contact.name, "role": contact.role.value, "items": contact.items,
            "days_since": contact.days_since, "evidence_ids": list(contact.evidence_ids)}  # fmt: skip
