"""The home page, the onboarding (first visit) and the profile page."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import EvidenceFilter
from upward.model.profile import profile_from_answers
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.services.demo import load_demo
from upward.web.csrf import verify_form_token
from upward.web.deps import get_ctx, render

router = APIRouter(include_in_schema=False)
Ctx = Annotated[Context, Depends(get_ctx)]
Protected = [Depends(verify_form_token)]


@router.get("/")
def home(request: Request, ctx: Ctx) -> Response:
    profile = profile_service.get_profile(ctx)
    if profile is None:
        return RedirectResponse("/welcome", status_code=303)
    recent = evidence_service.listing(ctx, EvidenceFilter(per_page=8))
    facets = evidence_service.facets(ctx)
    return render(request, "home.html", profile=profile, recent=recent, facets=facets)


@router.get("/welcome")
def welcome(request: Request, ctx: Ctx) -> Response:
    existing = profile_service.get_profile(ctx)
    answers = asdict(existing) if existing else {"plan_start": date.today()}
    return render(request, "welcome.html", answers=answers, problems={}, first_visit=existing is None)


@router.post("/welcome", dependencies=Protected)
async def save_welcome(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    answers = {key: str(value) for key, value in form.items() if key != "csrf_token"}
    profile, problems = profile_from_answers(answers)
    if profile is None:
        first_visit = profile_service.get_profile(ctx) is None
        return render(
            request, "welcome.html", status_code=422, answers=answers, problems=problems, first_visit=first_visit
        )
    profile_service.save_profile(ctx, profile)
    return RedirectResponse("/?saved=profile", status_code=303)


@router.get("/profile")
def profile_page(request: Request, ctx: Ctx) -> Response:
    return welcome(request, ctx)


@router.post("/demo", dependencies=Protected)
def demo(ctx: Ctx) -> Response:
    load_demo(ctx)
    return RedirectResponse("/?saved=demo", status_code=303)
