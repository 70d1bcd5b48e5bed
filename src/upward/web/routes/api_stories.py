"""/api/v1/stories: the JSON twin of the story pages, and the legibility check."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response

from upward.documents.story_versions import story_text
from upward.model.story import StoryDraft
from upward.services import stories as stories_service
from upward.services.export_stories import story_dict
from upward.web.csrf import require_json
from upward.web.deps import MAX_ID, Ctx
from upward.web.problems import api_input, field_errors
from upward.web.story_schemas import CheckIn, LegibilityOut, StoryIn, StoryOut, StoryPatchIn

router = APIRouter(tags=["stories"])
StoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of a story")]
FIELDS = {"with": "collaborators"}


@router.get("/stories", response_model=list[StoryOut])
def list_stories(ctx: Ctx) -> list[dict[str, Any]]:
    """Every story, most recently changed first, with its versions and legibility check."""
    return [story_dict(story, ctx) for story in stories_service.list_stories(ctx)]


@router.post("/stories", response_model=StoryOut, status_code=201, dependencies=[Depends(require_json)])
def add_story(body: StoryIn, ctx: Ctx) -> dict[str, Any]:
    """Save a story. With `from_evidence`, the evidence's metrics, day and teams fill the parts not sent."""
    start = stories_service.prefill(ctx, body.from_evidence) if body.from_evidence else StoryDraft(title="")
    with api_input("body", FIELDS):
        return story_dict(stories_service.create(ctx, body.apply_to(start)), ctx)


@router.post("/stories/check", response_model=LegibilityOut, dependencies=[Depends(require_json)])
def check(body: CheckIn, ctx: Ctx) -> dict[str, Any]:
    """The legibility check: a score from 0 to 100 and findings, each with the question that fixes it."""
    if body.story_id is not None:
        story = stories_service.get(ctx, body.story_id)
        audience = body.audience or story.audience
        text = story_text(replace(story, audience=audience))
    elif body.text is not None:
        text, audience = body.text, body.audience or "skip-level"
    else:
        raise field_errors("body", {"text": "send the text to check, or a story_id"})
    with api_input("body", FIELDS):
        return stories_service.check_text(ctx, text, audience).as_dict()


@router.get("/stories/{story_id}", response_model=StoryOut)
def read_story(story_id: StoryId, ctx: Ctx) -> dict[str, Any]:
    return story_dict(stories_service.get(ctx, story_id), ctx)


@router.patch("/stories/{story_id}", response_model=StoryOut, dependencies=[Depends(require_json)])
def edit_story(story_id: StoryId, body: StoryPatchIn, ctx: Ctx) -> dict[str, Any]:
    """Change a story: only the fields sent change."""
    with api_input("body", FIELDS):
        return story_dict(stories_service.edit(ctx, story_id, body.changes()), ctx)


@router.delete("/stories/{story_id}", status_code=204)
def delete_story(story_id: StoryId, ctx: Ctx) -> Response:
    stories_service.delete(ctx, story_id)
    return Response(status_code=204)
