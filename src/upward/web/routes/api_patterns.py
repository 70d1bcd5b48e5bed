"""/api/v1/patterns: the JSON twin of the recurring-problems pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from upward.services import patterns as patterns_service
from upward.services.pattern_export import match_dict, pattern_dict
from upward.web.csrf import require_json
from upward.web.deps import MAX_ID, Ctx
from upward.web.problems import api_input

router = APIRouter(tags=["patterns"])
PatternId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of a recurring problem")]
StepId = Annotated[str, Path(max_length=60, description="A step id from the playbook, such as teach-teams")]


class AdoptIn(BaseModel):
    fix: str = Field("", max_length=2000, description="The systemic fix, in a sentence")


class StepIn(BaseModel):
    done: bool = Field(True, description="false reopens the step")
    teams: list[str] = Field(default_factory=list, description="Teams taught (for the teaching step)")


@router.get("/patterns")
def list_patterns(ctx: Ctx) -> list[dict[str, Any]]:
    """Recurring problems, biggest opportunity first (times it came back + hours + 2 × people who asked)."""
    return [pattern_dict(p) for p in patterns_service.list_patterns(ctx)]


@router.get("/patterns/match")
def match(ctx: Ctx, text: Annotated[str, Query(min_length=1, max_length=2000)]) -> dict[str, Any] | None:
    """The recurring problem a new item with this text would join, or null."""
    found = patterns_service.match(ctx, text)
    return match_dict(found) if found else None


@router.get("/patterns/{pattern_id}")
def get_pattern(pattern_id: PatternId, ctx: Ctx) -> dict[str, Any]:
    """One recurring problem with examples; once adopted, its steps and the time it gave back."""
    return pattern_dict(patterns_service.get_pattern(ctx, pattern_id), full=True)


@router.post("/patterns/{pattern_id}/adopt", dependencies=[Depends(require_json)])
def adopt(pattern_id: PatternId, body: AdoptIn, ctx: Ctx) -> dict[str, Any]:
    """Turn the problem into a framework initiative with the playbook's steps; it joins the plan."""
    return pattern_dict(patterns_service.adopt(ctx, pattern_id, fix=body.fix), full=True)


@router.post("/patterns/{pattern_id}/steps/{step_id}", dependencies=[Depends(require_json)])
def check_step(pattern_id: PatternId, step_id: StepId, body: StepIn, ctx: Ctx) -> dict[str, Any]:
    """Check off (or reopen) one step of a framework initiative."""
    with api_input("body", {"step": "step_id", "pattern": "pattern_id"}):
        found = patterns_service.check_step(ctx, pattern_id, step_id, teams=body.teams, undo=not body.done)
    return pattern_dict(found, full=True)
