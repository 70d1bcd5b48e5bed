"""/api/v1/profile: the JSON twin of the onboarding and profile pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from upward.services import Context
from upward.services import profile as profile_service
from upward.web.csrf import require_json
from upward.web.deps import get_ctx
from upward.web.schemas import ProfileBody

router = APIRouter(tags=["profile"])
Ctx = Annotated[Context, Depends(get_ctx)]


@router.get("/profile", response_model=ProfileBody)
def read_profile(ctx: Ctx) -> ProfileBody:
    profile = profile_service.get_profile(ctx)
    if profile is None:
        raise HTTPException(404, "No profile yet. PUT one here, or run `upward init`.")
    return ProfileBody.of(profile)


@router.put("/profile", response_model=ProfileBody, dependencies=[Depends(require_json)])
def write_profile(body: ProfileBody, ctx: Ctx) -> ProfileBody:
    return ProfileBody.of(profile_service.save_profile(ctx, body.to_profile()))
