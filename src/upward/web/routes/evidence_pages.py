"""The evidence page: filters, paging, quick add, and the page of one item to correct it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import EvidencePatch, InputError, Kind
from upward.model.evidence import parse_metrics
from upward.model.forms import draft_from_fields, parse_minutes
from upward.model.parsing import clean_list, parse_when
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.web.csrf import verify_form_token
from upward.web.deps import get_ctx, is_htmx, render
from upward.web.filters import EvidenceQuery

router = APIRouter(include_in_schema=False)
Ctx = Annotated[Context, Depends(get_ctx)]
Protected = [Depends(verify_form_token)]


@router.get("/evidence")
def evidence_page(request: Request, ctx: Ctx, query: Annotated[EvidenceQuery, Query()]) -> Response:
    page = evidence_service.listing(ctx, query.to_filter())
    template = "_evidence_results.html" if is_htmx(request) else "evidence.html"
    return render(request, template, page=page, query=query, facets=evidence_service.facets(ctx))


@router.post("/evidence", dependencies=Protected)
async def quick_add(request: Request, ctx: Ctx) -> Response:
    form = {key: str(value) for key, value in (await request.form()).items()}
    try:
        draft = draft_from_fields(
            text=form.get("text", ""), kind=form.get("kind") or None, requester=form.get("requester"),
            teams=form.get("teams", ""), minutes=form.get("minutes"), project=form.get("project"),
            metrics=form.get("metric", ""), date=form.get("date"),
        )  # fmt: skip
    except InputError as error:
        return render(request, "_quick_add.html", status_code=422, form=form, problem=str(error))
    save = evidence_service.ask if draft.kind is Kind.REQUEST else evidence_service.log
    item = save(ctx, draft)
    if not is_htmx(request):
        return RedirectResponse(f"/evidence?saved={item.id}", status_code=303)
    return render(request, "_quick_add.html", form={}, added=item, problem=None)


@router.get("/evidence/{evidence_id}")
def evidence_item(request: Request, evidence_id: int, ctx: Ctx, saved: bool = False) -> Response:
    item = evidence_service.get(ctx, evidence_id)
    return render(request, "evidence_item.html", item=item, saved=saved, problem=None)


@router.post("/evidence/{evidence_id}", dependencies=Protected)
async def save_item(request: Request, evidence_id: int, ctx: Ctx) -> Response:
    form = {key: str(value) for key, value in (await request.form()).items()}
    try:
        patch = EvidencePatch(
            title=form.get("text", ""),
            kind=Kind.parse(form.get("kind", "")),
            occurred_at=parse_when(form.get("date", ""), "date"),
            requester=form.get("requester", ""),
            teams=tuple(clean_list([form.get("teams", "")])),
            people=tuple(clean_list([form.get("people", "")])),
            minutes=parse_minutes(form.get("minutes")),
            project=form.get("project", ""),
            metrics=parse_metrics(form.get("metrics", "").splitlines()),
            tags=tuple(clean_list([form.get("tags", "")])),
            body=form.get("body", ""),
            url=form.get("url", ""),
            clear=("minutes",) if not form.get("minutes", "").strip() else (),
        )
        evidence_service.edit(ctx, evidence_id, patch)
    except InputError as error:
        item = evidence_service.get(ctx, evidence_id)
        return render(request, "evidence_item.html", status_code=422, item=item, saved=False, problem=str(error))
    return RedirectResponse(f"/evidence/{evidence_id}?saved=true", status_code=303)


@router.post("/evidence/{evidence_id}/delete", dependencies=Protected)
def delete_item(evidence_id: int, ctx: Ctx) -> Response:
    evidence_service.delete(ctx, evidence_id)
    return RedirectResponse("/evidence?deleted=1", status_code=303)
