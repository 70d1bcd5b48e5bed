"""/api/v1/profile and /api/v1/home: the JSON twins of the profile page and the home page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from upward.model.profile import profile_from_answers
from upward.services import diagnosis as diagnosis_service
from upward.services import profile as profile_service
from upward.web.csrf import require_json
from upward.web.deps import Ctx
from upward.web.problems import field_errors
from upward.web.schemas import DiagnosisSummaryOut, EvidenceOut, HomeOut, ProfileBody
from upward.web.views import overview

router = APIRouter(tags=["profile"])
NO_PROFILE = "No profile yet. PUT one at /api/v1/profile, or run `upward init`."


@router.get("/profile", response_model=ProfileBody)
def read_profile(ctx: Ctx) -> ProfileBody:
    profile = profile_service.get_profile(ctx)
    if profile is None:
        raise HTTPException(404, NO_PROFILE)
    return ProfileBody.of(profile)


@router.put("/profile", response_model=ProfileBody, dependencies=[Depends(require_json)])
def write_profile(body: ProfileBody, ctx: Ctx) -> ProfileBody:
    """Save the profile. Every answer is checked as onboarding checks it; each problem names its field."""
    profile, problems = profile_from_answers(body.answers())
    if profile is None:
        raise field_errors("body", problems)
    return ProfileBody.of(profile_service.save_profile(ctx, profile))


@router.get("/home", response_model=HomeOut, tags=["home"])
def read_home(ctx: Ctx) -> HomeOut:
    """What the home page shows: the profile, the latest work, how many items there are in all, and the top of
    the diagnosis (running it keeps today's snapshot, as the page does)."""
    home = overview(ctx)
    if home is None:
        raise HTTPException(404, NO_PROFILE)
    recent = [EvidenceOut.of(item) for item in home.recent.items]
    diagnosis = DiagnosisSummaryOut.of(diagnosis_service.run_diagnosis(ctx))
    return HomeOut(profile=ProfileBody.of(home.profile), recent=recent, total=home.recent.total, diagnosis=diagnosis)
