"""/api/v1/evidence: the JSON twin of the evidence pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from upward.services import evidence as evidence_service
from upward.web.csrf import require_json
from upward.web.deps import Ctx, EvidenceId
from upward.web.filters import EvidenceQuery
from upward.web.problems import api_input
from upward.web.schemas import EVIDENCE_FIELDS, EvidenceIn, EvidenceOut, EvidencePageOut, EvidencePatchIn
from upward.web.views import evidence_filter, save_new

router = APIRouter(tags=["evidence"])
QUERY_FIELDS = {"dates": "from", "per page": "per_page"}


@router.get("/evidence", response_model=EvidencePageOut)
def list_evidence(ctx: Ctx, query: Annotated[EvidenceQuery, Query()]) -> EvidencePageOut:
    """Evidence, newest first; with `q`, best match first (full-text search; newest first when over 1,000 match);
    with `finding`, the evidence behind it."""
    with api_input("query", QUERY_FIELDS):
        return EvidencePageOut.of(evidence_service.listing(ctx, evidence_filter(ctx, query)[0]))


@router.post("/evidence", response_model=EvidenceOut, status_code=201, dependencies=[Depends(require_json)])
def add_evidence(body: EvidenceIn, ctx: Ctx) -> EvidenceOut:
    """Record a piece of work. With a `requester` and no `kind`, it is recorded as a request."""
    with api_input("body", EVIDENCE_FIELDS):
        return EvidenceOut.of(save_new(ctx, body.to_draft()))


@router.get("/evidence/{evidence_id}", response_model=EvidenceOut)
def read_evidence(evidence_id: EvidenceId, ctx: Ctx) -> EvidenceOut:
    return EvidenceOut.of(evidence_service.get(ctx, evidence_id))


@router.patch("/evidence/{evidence_id}", response_model=EvidenceOut, dependencies=[Depends(require_json)])
def edit_evidence(evidence_id: EvidenceId, body: EvidencePatchIn, ctx: Ctx) -> EvidenceOut:
    """Correct an item: only the fields sent change."""
    with api_input("body", EVIDENCE_FIELDS):
        return EvidenceOut.of(evidence_service.edit(ctx, evidence_id, body.to_patch()))


@router.delete("/evidence/{evidence_id}", status_code=204)
def delete_evidence(evidence_id: EvidenceId, ctx: Ctx) -> Response:
    evidence_service.delete(ctx, evidence_id)
    return Response(status_code=204)
