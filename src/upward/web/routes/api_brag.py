"""/api/v1/brag: the brag document's data, the JSON twin of the /brag page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from upward.services.brag import brag
from upward.web.deps import Ctx
from upward.web.routes.brag_pages import From, To

router = APIRouter(tags=["stories"])


@router.get("/brag")
def read_brag(ctx: Ctx, date_from: From = None, date_to: To = None) -> dict[str, Any]:
    """Everything in the period, grouped: impact stories, projects, design and documentation, collaboration
    and mentoring, work outside the job description, and what others said. Dates are YYYY-MM-DD."""
    return brag(ctx, date_from, date_to).as_dict()
