"""The evidence page: filters, paging, quick add, and the page of one item to correct it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import Evidence, EvidenceDraft, EvidencePatch, InputError, Kind, NotFound
from upward.model.evidence import parse_metrics
from upward.model.forms import draft_from_fields, parse_minutes
from upward.model.parsing import clean_list, parse_when
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.web.csrf import verify_form_token
from upward.web.deps import MAX_ID, Ctx, EvidenceId, is_htmx, render
from upward.web.filters import EvidenceQuery
from upward.web.views import evidence_filter, save_new

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
SavedId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
SAVED_EVENT = "evidence-saved"  # tells the list on the page to refresh itself

#: The form labels people see, for the field names the model reports problems under.
LABELS = {
    "text": "What happened", "from": "Who asked", "kind": "Kind", "date": "When", "minutes": "Minutes",
    "metric": "Measured change", "project": "Project", "url": "Link", "teams": "Teams", "people": "People",
}  # fmt: skip


@router.get("/evidence")
def evidence_page(
    request: Request, ctx: Ctx, query: Annotated[EvidenceQuery, Query()], saved: SavedId = None
) -> Response:
    return _evidence_page(request, ctx, query, added=_saved_item(ctx, saved))


@router.post("/evidence", dependencies=Protected)
async def quick_add(request: Request, ctx: Ctx) -> Response:
    form = await _form(request)
    try:
        item = save_new(ctx, _draft_from_form(form))
    except InputError as error:
        if is_htmx(request):
            return render(request, "_quick_add.html", status_code=422, form=form, added=None, problem=_said(error))
        return _evidence_page(request, ctx, EvidenceQuery(), status_code=422, form=form, problem=_said(error))
    if not is_htmx(request):
        return RedirectResponse(f"/evidence?saved={item.id}", status_code=303)
    response = render(request, "_quick_add.html", form={}, added=item, problem=None)
    response.headers["HX-Trigger"] = SAVED_EVENT
    return response


@router.get("/evidence/{evidence_id}")
def evidence_item(request: Request, evidence_id: EvidenceId, ctx: Ctx, saved: bool = False) -> Response:
    item = evidence_service.get(ctx, evidence_id)
    return render(request, "evidence_item.html", item=item, values=_item_values(item), saved=saved, problem=None)


@router.post("/evidence/{evidence_id}", dependencies=Protected)
async def save_item(request: Request, evidence_id: EvidenceId, ctx: Ctx) -> Response:
    form = await _form(request)
    try:
        evidence_service.edit(ctx, evidence_id, _patch_from_form(form))
    except InputError as error:
        item = evidence_service.get(ctx, evidence_id)
        return render(
            request, "evidence_item.html", status_code=422, item=item, values=form, saved=False, problem=_said(error)
        )
    return RedirectResponse(f"/evidence/{evidence_id}?saved=true", status_code=303)


@router.post("/evidence/{evidence_id}/delete", dependencies=Protected)
def delete_item(evidence_id: EvidenceId, ctx: Ctx) -> Response:
    evidence_service.delete(ctx, evidence_id)
    return RedirectResponse("/evidence?deleted=1", status_code=303)


def _evidence_page(
    request: Request,
    ctx: Context,
    query: EvidenceQuery,
    *,
    status_code: int = 200,
    form: dict[str, str] | None = None,
    added: Evidence | None = None,
    problem: str | None = None,
) -> Response:
    """The whole page, or only the results when htmx asks for them (filters, live search)."""
    wanted, finding = evidence_filter(ctx, query)
    page = evidence_service.listing(ctx, wanted)
    values = {"page": page, "query": query, "facets": evidence_service.facets(ctx), "finding": finding}
    if not is_htmx(request):
        form_values = {"form": form or {}, "added": added, "problem": problem}
        return render(request, "evidence.html", status_code, **values, **form_values)
    response = render(request, "_evidence_results.html", status_code, **values)
    response.headers["HX-Replace-Url"] = query.url("/evidence")  # the address bar shows the filters, tidily
    return response


def _saved_item(ctx: Context, saved: int | None) -> Evidence | None:
    try:
        return evidence_service.get(ctx, saved) if saved else None
    except NotFound:
        return None  # saved, then deleted: nothing to show


async def _form(request: Request) -> dict[str, str]:
    return {key: str(value) for key, value in (await request.form()).items()}


def _said(error: InputError) -> str:
    """The problem in the words of the form: "What happened: can't be empty; write a few words"."""
    return f"{LABELS.get(error.field, error.field.capitalize())}: {error.problem}"


def _draft_from_form(form: dict[str, str]) -> EvidenceDraft:
    return draft_from_fields(
        text=form.get("text", ""), kind=form.get("kind") or None, requester=form.get("requester"),
        teams=form.get("teams", ""), minutes=form.get("minutes"), project=form.get("project"),
        metrics=form.get("metric", ""), date=form.get("date"),
    )  # fmt: skip


def _patch_from_form(form: dict[str, str]) -> EvidencePatch:
    """Every field of the item form; an empty minutes box empties the minutes."""
    return EvidencePatch(
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


def _item_values(item: Evidence) -> dict[str, str]:
    """The item as the edit form shows it."""
    return {
        "text": item.title, "kind": item.kind.value, "date": item.occurred_at.strftime("%Y-%m-%d %H:%M"),
        "requester": item.requester or "", "teams": ", ".join(item.teams), "people": ", ".join(item.people),
        "minutes": "" if item.minutes is None else str(item.minutes), "project": item.project or "",
        "tags": ", ".join(item.tags), "metrics": "\n".join(str(m) for m in item.metrics),
        "url": item.url or "", "body": item.body,
    }  # fmt: skip
