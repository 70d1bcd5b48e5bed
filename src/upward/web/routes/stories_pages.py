"""The story pages: the list, the editor with its live legibility check (htmx), and the versions."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.documents.story_versions import LENGTH_LABELS, story_text, versions
from upward.model import EvidenceFilter, InputError
from upward.model.story import AUDIENCES, PARTS, StoryDraft
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import stories as stories_service
from upward.web.csrf import verify_form_token
from upward.web.deps import MAX_ID, Ctx, render
from upward.web.story_forms import FIELDS, changes_from_form, draft_from_form, form_values, said

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
StoryId = Annotated[int, Path(ge=1, le=MAX_ID)]
RECENT = 40  # pieces of work offered as a start
FromEvidence = Annotated[int | None, Query(alias="from", ge=1, le=MAX_ID)]


@router.get("/stories")
def stories_page(request: Request, ctx: Ctx, deleted: bool = False) -> Response:
    rows = [
        (story, stories_service.check_text(ctx, story_text(story), story.audience))
        for story in stories_service.list_stories(ctx)
    ]
    recent = evidence_service.listing(ctx, EvidenceFilter(per_page=RECENT)).items
    return render(request, "stories.html", rows=rows, deleted=deleted, recent=recent)


@router.get("/stories/new")
def new_story(request: Request, ctx: Ctx, from_evidence: FromEvidence = None) -> Response:
    draft = stories_service.prefill(ctx, from_evidence) if from_evidence else StoryDraft(title="")
    return _editor(request, ctx, None, form_values(draft))


@router.post("/stories", dependencies=Protected)
async def create_story(request: Request, ctx: Ctx) -> Response:
    form = await _form(request)
    try:
        story = stories_service.create(ctx, replace(StoryDraft(title=""), **changes_from_form(form)))
    except InputError as error:
        return _editor(request, ctx, None, form, status_code=422, problem=said(error))
    return RedirectResponse(f"/stories/{story.id}?saved=true", status_code=303)


@router.post("/stories/check", dependencies=Protected)
async def live_check(request: Request, ctx: Ctx) -> Response:
    """The check on what the person has typed so far: the htmx fragment under the form."""
    draft = draft_from_form(await _form(request))
    return render(request, "_story_check.html", **_checked(ctx, draft))


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: StoryId, ctx: Ctx, saved: bool = False) -> Response:
    story = stories_service.get(ctx, story_id)
    return _editor(request, ctx, story.id, form_values(story), saved=saved)


@router.post("/stories/{story_id}", dependencies=Protected)
async def save_story(request: Request, story_id: StoryId, ctx: Ctx) -> Response:
    form = await _form(request)
    try:
        stories_service.edit(ctx, story_id, changes_from_form(form))
    except InputError as error:
        return _editor(request, ctx, story_id, form, status_code=422, problem=said(error))
    return RedirectResponse(f"/stories/{story_id}?saved=true", status_code=303)


@router.post("/stories/{story_id}/delete", dependencies=Protected)
def delete_story(story_id: StoryId, ctx: Ctx) -> Response:
    stories_service.delete(ctx, story_id)
    return RedirectResponse("/stories?deleted=true", status_code=303)


def _editor(
    request: Request,
    ctx: Context,
    story_id: int | None,
    values: dict[str, str],
    *,
    status_code: int = 200,
    saved: bool = False,
    problem: str | None = None,
) -> Response:
    draft = draft_from_form(values)
    evidence = []
    if story_id is not None:
        evidence = stories_service.evidence_behind(ctx, stories_service.get(ctx, story_id))
    page: dict[str, Any] = {
        "story_id": story_id, "values": values, "fields": FIELDS, "audiences": AUDIENCES, "saved": saved,
        "problem": problem, "evidence": evidence, "lengths": LENGTH_LABELS,
        "versions": versions(draft, [item.title for item in evidence]) if story_id else [],
    }  # fmt: skip
    return render(request, "story.html", status_code, **page, **_checked(ctx, draft))


def _checked(ctx: Context, draft: StoryDraft) -> dict[str, Any]:
    text = story_text(draft)
    missing = [] if draft.wording else [PARTS[name][0].lower() for name in draft.missing()]
    return {"check": stories_service.check_text(ctx, text, draft.audience), "checked_text": text, "missing": missing}


async def _form(request: Request) -> dict[str, str]:
    return {key: str(value) for key, value in (await request.form()).items()}
