"""/api/v1/evidence: the JSON twin of the evidence pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from upward.model import EvidencePatch, Kind
from upward.model.evidence import parse_metrics
from upward.model.forms import draft_from_fields
from upward.model.parsing import clean_list, parse_when
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.web.csrf import require_json
from upward.web.deps import get_ctx
from upward.web.filters import EvidenceQuery
from upward.web.schemas import EvidenceIn, EvidenceOut, EvidencePageOut, EvidencePatchIn

router = APIRouter(tags=["evidence"])
Ctx = Annotated[Context, Depends(get_ctx)]


@router.get("/evidence", response_model=EvidencePageOut)
def list_evidence(ctx: Ctx, query: Annotated[EvidenceQuery, Query()]) -> EvidencePageOut:
    """Evidence, newest first; with `q`, best match first (full-text search)."""
    page = evidence_service.listing(ctx, query.to_filter())
    return EvidencePageOut(
        items=[EvidenceOut.of(item) for item in page.items],
        total=page.total,
        page=page.page,
        per_page=page.per_page,
        pages=page.pages,
    )


@router.post("/evidence", response_model=EvidenceOut, status_code=201, dependencies=[Depends(require_json)])
def add_evidence(body: EvidenceIn, ctx: Ctx) -> EvidenceOut:
    draft = draft_from_fields(
        text=body.title, kind=body.kind, date=body.occurred_at, requester=body.requester, teams=body.teams,
        people=body.people, tags=body.tags, minutes=body.minutes, project=body.project, metrics=body.metrics,
        body=body.body, url=body.url,
    )  # fmt: skip
    save = evidence_service.ask if draft.kind is Kind.REQUEST else evidence_service.log
    return EvidenceOut.of(save(ctx, draft))


@router.get("/evidence/{evidence_id}", response_model=EvidenceOut)
def read_evidence(evidence_id: int, ctx: Ctx) -> EvidenceOut:
    return EvidenceOut.of(evidence_service.get(ctx, evidence_id))


@router.patch("/evidence/{evidence_id}", response_model=EvidenceOut, dependencies=[Depends(require_json)])
def edit_evidence(evidence_id: int, body: EvidencePatchIn, ctx: Ctx) -> EvidenceOut:
    patch = EvidencePatch(
        title=body.title,
        kind=Kind.parse(body.kind) if body.kind else None,
        occurred_at=parse_when(body.occurred_at) if body.occurred_at else None,
        requester=body.requester,
        teams=tuple(clean_list(body.teams)) if body.teams is not None else None,
        people=tuple(clean_list(body.people)) if body.people is not None else None,
        minutes=body.minutes,
        metrics=parse_metrics(body.metrics) if body.metrics is not None else None,
        project=body.project,
        tags=tuple(clean_list(body.tags)) if body.tags is not None else None,
        body=body.body,
        url=body.url,
    )
    return EvidenceOut.of(evidence_service.edit(ctx, evidence_id, patch))


@router.delete("/evidence/{evidence_id}", status_code=204)
def delete_evidence(evidence_id: int, ctx: Ctx) -> Response:
    evidence_service.delete(ctx, evidence_id)
    return Response(status_code=204)
