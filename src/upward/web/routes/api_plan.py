"""/api/v1/plan: the JSON twin of the plan page — read it, make it, check steps off, skip, re-plan, export."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field
from starlette.responses import Response

from upward.analysis.cadences import Reminder
from upward.documents.plan import item_dict, plan_dict
from upward.model.plan import PlanItem
from upward.services import plan as plan_service
from upward.services.diagnosis import playbook
from upward.services.plan_export import export
from upward.services.plan_week import this_week
from upward.web.csrf import require_json
from upward.web.deps import MAX_ID, Ctx
from upward.web.problems import api_input
from upward.web.routes.plan_pages import MEDIA

router = APIRouter(tags=["plan"])
Writes = [Depends(require_json)]
StepId = Annotated[int, Path(ge=1, le=MAX_ID, description="The number of a step of the plan")]
NO_PLAN = "You have no plan yet. POST /api/v1/plan makes one from your diagnosis."


class StepOut(BaseModel):
    id: int
    move: str = Field(description="The playbook move the step belongs to")
    action: str | None = Field(description="The playbook action it comes from (null for steps other features added)")
    title: str
    detail: str
    due: date
    first_due: date | None = Field(description="The due date the plan first gave it (differs once re-planned)")
    status: Literal["open", "done", "skipped"]
    late: bool
    closed_on: date | None
    why: str | None = Field(description="Why it was skipped")
    red_flag: str | None = Field(description="The red-flag finding it answers, when it was moved forward for one")
    origin: str
    origin_id: int | None


class MoveOut(BaseModel):
    id: str
    title: str
    months: list[int]


class PlanOut(BaseModel):
    start: date
    end: date
    playbook: str
    created_at: str
    adjusted_at: str | None
    counts: dict[str, int]
    moves: list[MoveOut]
    items: list[StepOut]


class CreateBody(BaseModel):
    start: date | None = Field(None, description="The plan's first day (default: the profile's plan start, or today)")
    replace: bool = Field(False, description="Throw an existing plan away and start again")


class SkipBody(BaseModel):
    why: str = Field(description="Why the step is skipped, in a few words")


class AdjustedOut(BaseModel):
    kept: int = Field(description="Done or skipped steps, kept as they were")
    updated: int = Field(description="Open steps given a new date")
    added: int
    removed: int
    plan: PlanOut


class ReminderOut(BaseModel):
    cadence: str
    title: str
    person: str
    role: str
    every_days: int
    last_contact: date | None
    due: date

    @classmethod
    def of(cls, reminder: Reminder) -> ReminderOut:
        values = {k: getattr(reminder, k) for k in ("cadence", "title", "person", "role", "every_days", "due")}
        return cls(**values, last_contact=reminder.last)


class WeekOut(BaseModel):
    start: date
    end: date
    has_plan: bool
    late: list[StepOut]
    due: list[StepOut]
    reminders: list[ReminderOut]


def _plan_out(ctx: Ctx) -> PlanOut:
    plan = plan_service.current_plan(ctx)
    if plan is None:
        raise HTTPException(404, NO_PLAN)
    return PlanOut.model_validate(plan_dict(plan, playbook(ctx), date.today()))


def _step(item: PlanItem) -> StepOut:
    return StepOut.model_validate(item_dict(item, date.today()))


@router.get("/plan", response_model=PlanOut)
def read_plan(ctx: Ctx) -> PlanOut:
    """The plan: its moves and every step with its due date, status and why it comes first."""
    return _plan_out(ctx)


@router.post("/plan", response_model=PlanOut, status_code=201, dependencies=Writes)
def create_plan(body: CreateBody, ctx: Ctx) -> PlanOut:
    """Make the plan from the playbook, today's diagnosis and the record. Refused (422) when there is one already,
    unless `replace` is true."""
    with api_input("body", {}):
        plan_service.create_plan(ctx, start=body.start, replace=body.replace)
    return _plan_out(ctx)


@router.post("/plan/adjust", response_model=AdjustedOut, dependencies=Writes)
def adjust_plan(ctx: Ctx) -> AdjustedOut:
    """Re-plan after a new diagnosis: done and skipped steps stay; the rest is planned again, late ones from today."""
    result = plan_service.adjust(ctx)
    return AdjustedOut(
        kept=result.kept, updated=result.updated, added=result.added, removed=result.removed, plan=_plan_out(ctx)
    )


@router.post("/plan/items/{step_id}/done", response_model=StepOut, dependencies=Writes)
def step_done(step_id: StepId, ctx: Ctx) -> StepOut:
    with api_input("path", {"id": "step_id"}):
        return _step(plan_service.done(ctx, step_id))


@router.post("/plan/items/{step_id}/skip", response_model=StepOut, dependencies=Writes)
def step_skip(step_id: StepId, body: SkipBody, ctx: Ctx) -> StepOut:
    with api_input("body", {}):
        return _step(plan_service.skip(ctx, step_id, body.why))


@router.get("/plan/next", response_model=WeekOut)
def read_week(ctx: Ctx) -> WeekOut:
    """This week, as `upward next` shows it: late steps, steps due, and the touchpoints the cadences call for."""
    week = this_week(ctx)
    return WeekOut(
        start=week.today,
        end=week.until,
        has_plan=week.plan is not None,
        late=[_step(i) for i in week.late],
        due=[_step(i) for i in week.due],
        reminders=[ReminderOut.of(r) for r in week.reminders],
    )


@router.get("/plan/export", response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def export_plan(ctx: Ctx, fmt: Annotated[Literal["md", "ics", "json"], Query(alias="format")] = "json") -> Response:
    """The plan as the promotion-plan template filled in (md), a calendar file (ics) or JSON."""
    plan = plan_service.current_plan(ctx)
    if plan is None:
        raise HTTPException(404, NO_PLAN)
    return Response(export(ctx, plan, fmt), media_type=MEDIA[fmt])
