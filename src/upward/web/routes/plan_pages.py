"""The plan page: make the plan, see it as a timeline, check steps off or skip them (htmx, or plain forms)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import InputError, NotFound, UpwardError
from upward.model.parsing import parse_day
from upward.services import plan as plan_service
from upward.services.plan_export import export
from upward.web.csrf import verify_form_token
from upward.web.deps import MAX_ID, Ctx, is_htmx, render
from upward.web.routes.plan_view import plan_page

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
StepId = Annotated[int, Path(ge=1, le=MAX_ID, description="The number of a step of the plan")]
MEDIA = {"md": "text/markdown; charset=utf-8", "ics": "text/calendar; charset=utf-8", "json": "application/json"}


@router.get("/plan")
def show_plan(request: Request, ctx: Ctx) -> Response:
    return _page(request, ctx)


@router.post("/plan", dependencies=Protected)
async def create_plan(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    start, replace = str(form.get("start", "")).strip(), form.get("replace") == "yes"
    try:
        plan_service.create_plan(ctx, start=parse_day(start, "start") if start else None, replace=replace)
    except UpwardError as error:  # a bad date, or a plan already there
        return _page(request, ctx, status_code=422, problem=str(error))
    return RedirectResponse("/plan?made=1", status_code=303)


@router.post("/plan/adjust", dependencies=Protected)
def adjust_plan(request: Request, ctx: Ctx) -> Response:
    result = plan_service.adjust(ctx)
    said = f"Re-planned: {result.updated} steps re-dated, {result.added} new, {result.removed} no longer needed."
    return _after(request, ctx, said)


@router.post("/plan/steps/{step_id}/done", dependencies=Protected)
def step_done(request: Request, step_id: StepId, ctx: Ctx) -> Response:
    try:
        item = plan_service.done(ctx, step_id)
    except InputError as error:
        return _after(request, ctx, None, problem=str(error))
    return _after(request, ctx, f"Done: {item.title}. Well done.")


@router.post("/plan/steps/{step_id}/skip", dependencies=Protected)
async def step_skip(request: Request, step_id: StepId, ctx: Ctx) -> Response:
    form = await request.form()
    try:
        item = plan_service.skip(ctx, step_id, str(form.get("why", "")))
    except InputError as error:
        problem = "Say why you are skipping it, in a few words." if error.field == "why" else str(error)
        return _after(request, ctx, None, problem=problem, step=step_id)
    return _after(request, ctx, f"Skipped: {item.title}.")


@router.get("/plan/export.{fmt}")
def export_plan(ctx: Ctx, fmt: Literal["md", "ics", "json"]) -> Response:
    plan = plan_service.current_plan(ctx)
    if plan is None:
        raise NotFound("You have no plan yet. Make one on this page first.")
    headers = {"Content-Disposition": f'attachment; filename="promotion-plan.{fmt}"'}
    return Response(export(ctx, plan, fmt), media_type=MEDIA[fmt], headers=headers)


def _after(
    request: Request, ctx: Ctx, notice: str | None, *, problem: str | None = None, step: int | None = None
) -> Response:
    """htmx gets the plan's body back in place; a plain form goes back to the page."""
    status = 422 if problem else 200
    if is_htmx(request):
        return render(request, "_plan_body.html", status, page=plan_page(ctx), notice=notice, problem=problem,
                      step=step)  # fmt: skip
    if problem:
        return _page(request, ctx, status_code=422, problem=problem, step=step)
    return RedirectResponse("/plan?changed=1", status_code=303)


def _page(
    request: Request, ctx: Ctx, *, status_code: int = 200, problem: str | None = None, step: int | None = None
) -> Response:
    made = request.query_params.get("made") == "1"
    notice = "Your plan is ready. Steps that answer your red flags come first." if made else None
    return render(request, "plan.html", status_code, page=plan_page(ctx), notice=notice, problem=problem, step=step)
