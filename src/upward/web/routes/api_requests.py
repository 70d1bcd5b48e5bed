"""/api/v1/requests: the JSON twin of the solver-load page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from upward.services import requests_load
from upward.services.requests_load import MAX_WEEKS
from upward.services.triage_data import load_dict
from upward.web.deps import Ctx

router = APIRouter(tags=["triage"])


@router.get("/requests")
def solver_load(ctx: Ctx, weeks: Annotated[int, Query(ge=2, le=MAX_WEEKS)] = 8) -> dict[str, Any]:
    """The share of time on other people's requests each week, who asks and which teams, and the trend."""
    return load_dict(requests_load.load(ctx, weeks=weeks))
