"""The home page (the dashboard), the onboarding (first visit) and the profile page."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model.profile import profile_from_answers
from upward.services import profile as profile_service
from upward.services.demo import load_demo
from upward.web.csrf import FIELD, verify_form_token
from upward.web.deps import Ctx, render
from upward.web.routes.dashboard_view import dashboard
from upward.web.views import overview

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]


@router.get("/")
def home(request: Request, ctx: Ctx) -> Response:
    home = overview(ctx)
    if home is None:
        return RedirectResponse("/welcome", status_code=303)
    return render(request, "home.html", profile=home.profile, recent=home.recent, board=dashboard(ctx))


@router.get("/welcome")
def welcome(request: Request, ctx: Ctx) -> Response:
    existing = profile_service.get_profile(ctx)
    answers = asdict(existing) if existing else {"plan_start": date.today()}
    return render(request, "welcome.html", answers=answers, problems={}, first_visit=existing is None)


@router.post("/welcome", dependencies=Protected)
async def save_welcome(request: Request, ctx: Ctx) -> Response:
    answers = {key: str(value) for key, value in (await request.form()).items() if key != FIELD}
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
