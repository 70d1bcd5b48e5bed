"""The recurring-problems pages: the ranked list, one problem, adopting it and checking off its steps."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.documents.charts import Row, horizontal_bars
from upward.model import InputError
from upward.model.patterns import Pattern
from upward.services import patterns as patterns_service
from upward.web.csrf import verify_form_token
from upward.web.deps import MAX_ID, Ctx, render

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
PatternId = Annotated[int, Path(ge=1, le=MAX_ID)]
StepId = Annotated[str, Path(max_length=60)]


@router.get("/patterns")
def patterns_page(request: Request, ctx: Ctx) -> Response:
    return render(request, "patterns.html", patterns=patterns_service.list_patterns(ctx))


@router.get("/patterns/{pattern_id}")
def pattern_page(request: Request, pattern_id: PatternId, ctx: Ctx, saved: str = "") -> Response:
    pattern = patterns_service.get_pattern(ctx, pattern_id)
    return render(request, "pattern.html", pattern=pattern, saved=saved[:60], problem=None, chart=_chart(pattern))


def _chart(pattern: Pattern) -> str | None:
    """Minutes a week before and after adoption, as bars: the time the framework gave back."""
    if pattern.impact is None:
        return None
    i = pattern.impact
    rows = [
        Row(
            "Before", i.minutes_per_week_before, f"{i.minutes_per_week_before:.0f} min a week · {i.items_before} times"
        ),
        Row(
            "Since adopting",
            i.minutes_per_week_after,
            f"{i.minutes_per_week_after:.0f} min a week · {i.items_after} times",
        ),
    ]
    summary = f"Time this problem took each week; {i.minutes_given_back_per_week:.0f} minutes a week given back."
    return horizontal_bars("time-given-back", "Time it took, before and since adopting", summary, rows)


@router.post("/patterns/{pattern_id}/adopt", dependencies=Protected)
async def adopt(request: Request, pattern_id: PatternId, ctx: Ctx) -> Response:
    form = await request.form()
    fix = str(form.get("fix", ""))[:2000]
    patterns_service.adopt(ctx, pattern_id, fix=fix)
    return RedirectResponse(f"/patterns/{pattern_id}?saved=adopted", status_code=303)


@router.post("/patterns/{pattern_id}/steps/{step_id}", dependencies=Protected)
async def check_step(request: Request, pattern_id: PatternId, step_id: StepId, ctx: Ctx) -> Response:
    form = await request.form()
    teams = [str(form.get("teams", ""))]
    undo = form.get("undo") == "1"
    try:
        patterns_service.check_step(ctx, pattern_id, step_id, teams=teams, undo=undo)
    except InputError as error:
        pattern = patterns_service.get_pattern(ctx, pattern_id)
        return render(
            request, "pattern.html", status_code=422, pattern=pattern, saved="", problem=error.problem, chart=None
        )
    return RedirectResponse(f"/patterns/{pattern_id}?saved={step_id}", status_code=303)
