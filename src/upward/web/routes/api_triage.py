"""/api/v1/triage: the JSON twin of the triage page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from upward.services import triage as triage_service
from upward.services.triage_data import triaged_dict, week_dict
from upward.web.csrf import require_json
from upward.web.deps import Ctx, EvidenceId
from upward.web.problems import api_input

router = APIRouter(tags=["triage"])
Writes = [Depends(require_json)]


class FactsOut(BaseModel):
    similar_requests: int = Field(description="Requests and incidents like this one, itself included")
    requesters: list[str]
    fits_plan: bool
    decision_maker: bool
    other_teams: list[str]
    week_minutes_before: int = Field(description="Minutes the week's other requests used before this one")
    cost_minutes: int
    weekly_budget_minutes: int
    better_placed: str | None


class DecisionOut(BaseModel):
    choice: str
    note: str
    decided_on: str


class TriagedOut(BaseModel):
    id: int
    title: str
    when: str
    requester: str | None
    teams: list[str]
    minutes: int | None
    recommendation: str = Field(description="A playbook request choice: solve, teach, delegate, systematize, decline")
    recommendation_title: str
    reason: str = Field(description="Why, in one sentence")
    reply: str = Field(description="A reply the person can copy")
    facts: FactsOut
    decision: DecisionOut | None


class ChoiceLoadOut(BaseModel):
    choice: str
    title: str
    requests: int
    minutes: int


class WeekOut(BaseModel):
    week: str
    budget_minutes: int
    used_minutes: int
    share: float
    by_choice: list[ChoiceLoadOut]


class TriageListOut(BaseModel):
    requests: list[TriagedOut]
    week: WeekOut


class DecisionIn(BaseModel):
    choice: str = Field(description="solve, teach, delegate, systematize or decline", max_length=60)
    note: str = ""


class BudgetIn(BaseModel):
    minutes: int = Field(description="Minutes a week for other people's requests")


@router.get("/triage", response_model=TriageListOut)
def list_triage(ctx: Ctx, show_all: Annotated[bool, Query(alias="all")] = False) -> TriageListOut:
    """Requests waiting for a decision (with `all`, every request), each with a recommendation; and this week."""
    requests = triage_service.open_requests(ctx, include_decided=show_all, everything=show_all)
    document = {"requests": [triaged_dict(t) for t in requests], "week": week_dict(triage_service.week_load(ctx))}
    return TriageListOut.model_validate(document)


@router.put("/triage/budget", response_model=WeekOut, dependencies=Writes)
def set_budget(body: BudgetIn, ctx: Ctx) -> WeekOut:
    """Set the weekly budget for other people's requests; answers with this week against it."""
    with api_input("body", {"budget": "minutes"}):
        triage_service.set_budget(ctx, body.minutes)
    return WeekOut.model_validate(week_dict(triage_service.week_load(ctx)))


@router.get("/triage/{evidence_id}", response_model=TriagedOut)
def read_triage(evidence_id: EvidenceId, ctx: Ctx) -> TriagedOut:
    return TriagedOut.model_validate(triaged_dict(triage_service.triage_one(ctx, evidence_id)))


@router.put("/triage/{evidence_id}", response_model=TriagedOut, dependencies=Writes)
def decide(evidence_id: EvidenceId, body: DecisionIn, ctx: Ctx) -> TriagedOut:
    """Record what the person decided (replacing an earlier decision)."""
    with api_input("body", {}):
        triaged = triage_service.decide(ctx, evidence_id, body.choice, body.note)
    return TriagedOut.model_validate(triaged_dict(triaged))
