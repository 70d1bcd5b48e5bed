"""The JSON shapes of /api/v1/stories, described in the app's OpenAPI document."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from upward.model.story import StoryDraft

TEXT_PARTS = ("problem", "baseline", "stakes", "action", "role", "result", "timeframe", "outcome", "wording")


class FindingOut(BaseModel):
    id: str
    title: str
    question: str = Field(description="The question whose answer fixes it")
    terms: list[str] = Field(description="The hard words, for the jargon finding")


class LegibilityOut(BaseModel):
    score: int = Field(ge=0, le=100)
    audience: str
    words: int
    grade: float | None = Field(description="School grade it reads at; none for very short texts")
    verdict: str
    findings: list[FindingOut]


class StoryOut(BaseModel):
    id: int
    title: str
    problem: str
    baseline: str
    stakes: str
    action: str
    role: str
    collaborators: list[str]
    result: str
    timeframe: str
    outcome: str
    audience: str
    wording: str
    evidence_ids: list[int]
    occurred_on: date | None
    missing: list[str] = Field(description="Parts still to fill in, in the order the builder asks")
    created_at: datetime
    updated_at: datetime
    versions: dict[str, dict[str, str]] = Field(description="reader -> length -> text")
    legibility: LegibilityOut


class StoryPatchIn(BaseModel):
    """Only the fields sent change; an empty string empties a part."""

    title: str | None = None
    problem: str | None = None
    baseline: str | None = None
    stakes: str | None = None
    action: str | None = None
    role: str | None = None
    collaborators: list[str] | None = None
    result: str | None = None
    timeframe: str | None = None
    outcome: str | None = None
    audience: str | None = Field(default=None, description="manager, skip-level or executive")
    wording: str | None = None
    evidence_ids: list[int] | None = None
    occurred_on: date | None = None

    def changes(self) -> dict[str, Any]:
        sent = self.model_dump(exclude_unset=True)
        for name in ("collaborators", "evidence_ids"):
            if name in sent:
                sent[name] = tuple(sent[name] or ())
        return {key: ("" if value is None and key in TEXT_PARTS else value) for key, value in sent.items()}


class StoryIn(StoryPatchIn):
    title: str
    from_evidence: int | None = Field(default=None, description="Start from this evidence item's facts")

    def apply_to(self, draft: StoryDraft) -> StoryDraft:
        from dataclasses import replace

        changes = {key: value for key, value in self.changes().items() if key != "from_evidence"}
        return replace(draft, **changes)


class CheckIn(BaseModel):
    text: str | None = Field(default=None, description="The text to check")
    story_id: int | None = Field(default=None, description="Or a story to check")
    audience: str | None = Field(default=None, description="manager, skip-level (default) or executive")
