"""The triage page: each open request, what Upward suggests and why, a reply to copy, and the person's choice."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import InputError
from upward.model.forms import parse_minutes
from upward.services import Context
from upward.services import triage as triage_service
from upward.services.triage import Triaged
from upward.web.csrf import FIELD, verify_form_token
from upward.web.deps import Ctx, EvidenceId, is_htmx, render

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]


@router.get("/triage")
def triage_page(request: Request, ctx: Ctx, show_all: Annotated[bool, Query(alias="all")] = False) -> Response:
    return _page(request, ctx, show_all)


@router.post("/triage/budget", dependencies=Protected)
async def save_budget(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    try:
        minutes = parse_minutes(str(form.get("minutes", "")))
        if minutes is None:
            raise InputError("budget", "write a number of minutes, like 360 for six hours")
        triage_service.set_budget(ctx, minutes)
    except InputError as error:
        return _page(request, ctx, False, status_code=422, problem=f"Weekly budget: {error.problem}")
    return RedirectResponse("/triage?saved=budget", status_code=303)


@router.get("/triage/{evidence_id}")
def request_page(request: Request, evidence_id: EvidenceId, ctx: Ctx) -> Response:
    triaged = triage_service.triage_one(ctx, evidence_id)
    return render(request, "triage_item.html", triaged=triaged, choices=_choices(ctx), problem=None)


@router.get("/triage/{evidence_id}/hint")
def hint(request: Request, evidence_id: EvidenceId, ctx: Ctx) -> Response:
    """What the quick add shows under a request it just saved."""
    return render(request, "_triage_hint.html", triaged=triage_service.triage_one(ctx, evidence_id))


@router.post("/triage/{evidence_id}", dependencies=Protected)
async def decide(request: Request, evidence_id: EvidenceId, ctx: Ctx) -> Response:
    form = {key: str(value) for key, value in (await request.form()).items() if key != FIELD}
    try:
        triaged = triage_service.decide(ctx, evidence_id, form.get("choice", ""), form.get("note", ""))
    except InputError as error:
        current = triage_service.triage_one(ctx, evidence_id)
        said = f"{error.field.capitalize()}: {error.problem}"
        return _card(request, ctx, current, status_code=422, problem=said)
    if not is_htmx(request):
        return RedirectResponse(f"/triage?decided={evidence_id}#request-{evidence_id}", status_code=303)
    return _card(request, ctx, triaged)


def _page(
    request: Request, ctx: Context, show_all: bool, *, status_code: int = 200, problem: str | None = None
) -> Response:
    requests = triage_service.open_requests(ctx, include_decided=show_all, everything=show_all)
    load = triage_service.week_load(ctx)
    return render(
        request, "triage.html", status_code, requests=requests, load=load, show_all=show_all,
        summary=triage_service.summary_sentence(load), choices=_choices(ctx), problem=problem,
    )  # fmt: skip


def _card(
    request: Request, ctx: Context, triaged: Triaged, *, status_code: int = 200, problem: str | None = None
) -> Response:
    values = {"triaged": triaged, "choices": _choices(ctx), "problem": problem}
    if is_htmx(request):
        return render(request, "_triage_card.html", status_code, **values)
    return render(request, "triage_item.html", status_code, **values)


def _choices(ctx: Context) -> list[tuple[str, str]]:
    return [(choice.id, choice.title) for choice in triage_service.playbook(ctx).request_choices]
