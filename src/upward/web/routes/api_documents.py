"""/api/v1/documents: the JSON twins of the documents' pages, their downloads, and the career ladders."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from starlette.responses import Response

from upward.documents.render import Format
from upward.services import ladders as ladders_service
from upward.services import update as update_service
from upward.services.case import promotion_case
from upward.services.conversation import conversation
from upward.services.documents_data import document_data, rendered
from upward.web.csrf import require_json
from upward.web.deps import Ctx
from upward.web.problems import api_input

router = APIRouter(tags=["documents"])
Month = Annotated[str | None, Query(max_length=7, description="YYYY-MM (default: this month)", examples=["2026-03"])]
Name = Annotated[str | None, Query(max_length=200, description="A ladder's name (default: the latest import)")]
Level = Annotated[str | None, Query(max_length=200, description="A level's id or name (default: your target)")]


class PointOut(BaseModel):
    text: str
    source: str = Field(description="story or evidence")
    ids: list[int] = Field(description="The story's id, or the evidence item's")
    legibility: int = Field(description="0-100: would a non-expert see why it mattered?")
    legible: bool
    findings: list[dict[str, Any]] = Field(description="What a non-expert would miss, each with a fixing question")


class UpdateOut(BaseModel):
    month: str
    name: str | None
    skip_level: str | None
    points: list[PointOut]
    next_steps: list[str]
    help: list[str]
    missing: list[str] = Field(description="What the record lacks for a fuller update, in plain words")
    items_in_month: int
    sent_on: str | None
    next_due: str


class SentIn(BaseModel):
    month: str | None = Field(default=None, examples=["2026-03"], description="Default: this month")


class MappingIn(BaseModel):
    ladder: str | None = Field(default=None, description="Default: the latest import")
    expectation: str = Field(examples=["senior-1/communication"])
    item: str = Field(examples=["evidence:12", "story:3"], pattern=r"^(evidence|story):\d+$")


@router.get("/documents/update", response_model=UpdateOut)
def read_update(ctx: Ctx, month: Month = None) -> dict[str, Any]:
    """The month's update to the skip-level: outcomes first, what comes next, where help is needed."""
    with api_input("query", {}):
        return update_service.monthly_update(ctx, month).as_dict()


@router.post("/documents/update/sent", response_model=UpdateOut, status_code=201, dependencies=[Depends(require_json)])
def mark_sent(body: SentIn, ctx: Ctx) -> dict[str, Any]:
    """Mark the month's update as sent: a touchpoint with the skip-level joins the record."""
    with api_input("body", {}):
        return update_service.mark_sent(ctx, body.month).as_dict()


@router.get("/documents/case")
def read_case(ctx: Ctx, ladder: Name = None, level: Level = None) -> dict[str, Any]:
    """The promotion case: strongest work, decision-makers who know it, scope, ladder coverage, growth."""
    with api_input("query", {}):
        return promotion_case(ctx, ladder, level).as_dict()


@router.get("/documents/conversation")
def read_conversation(ctx: Ctx, ladder: Name = None, level: Level = None) -> dict[str, Any]:
    """Talking points, the usual objections each with the record's answer, the ask and what to do after."""
    with api_input("query", {}):
        return conversation(ctx, ladder, level).as_dict()


@router.get("/documents/{document}/download", response_class=Response)
def download(
    ctx: Ctx, document: str, fmt: Annotated[Format, Query(alias="format")] = Format.PDF,
    month: Month = None, ladder: Name = None, level: Level = None,
) -> Response:  # fmt: skip
    """The document (update, case or conversation) as a Markdown, HTML or PDF file."""
    with api_input("query", {}):
        data = document_data(ctx, document, month=month, ladder=ladder, level=level)
    file = rendered(document, data, fmt)
    headers = {"Content-Disposition": f'attachment; filename="{file.file_name}"'}
    return Response(file.content, media_type=file.media_type, headers=headers)


@router.get("/ladders")
def read_ladders(ctx: Ctx) -> list[dict[str, Any]]:
    """The career ladders imported (`upward ladder import FILE`), latest first."""
    return ladders_service.list_ladders(ctx)


@router.get("/ladders/coverage")
def read_coverage(ctx: Ctx, ladder: Name = None, level: Level = None) -> dict[str, Any]:
    """The level's expectations: shown (confirmed by you), suggested, or a gap."""
    with api_input("query", {}):
        return ladders_service.coverage(ctx, ladder, level).as_dict()


@router.post("/ladders/mappings", status_code=201, dependencies=[Depends(require_json)])
def confirm(body: MappingIn, ctx: Ctx) -> dict[str, Any]:
    """Confirm that a piece of work or a story shows an expectation."""
    with api_input("body", {}):
        changed = ladders_service.confirm(ctx, body.ladder, body.expectation, body.item)
    return {"confirmed": changed}


@router.delete("/ladders/mappings")
def unconfirm(
    ctx: Ctx, expectation: Annotated[str, Query(max_length=200)], item: Annotated[str, Query(max_length=40)],
    ladder: Name = None,
) -> dict[str, Any]:  # fmt: skip
    """Withdraw a confirmation."""
    with api_input("query", {}):
        changed = ladders_service.confirm(ctx, ladder, expectation, item, keep=False)
    return {"withdrawn": changed}
