"""Stories as plain JSON-ready values: the shape the CLI's --json and the API share."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from upward.documents.story_versions import LENGTHS, render, story_text
from upward.model.story import AUDIENCES, Story, StoryDraft
from upward.services.context import Context


def story_dict(story: Story, ctx: Context | None = None) -> dict[str, Any]:
    """The story's parts, what is missing and (with a context) its versions and legibility check."""
    data: dict[str, Any] = {
        "id": story.id,
        "title": story.title,
        **{name: getattr(story, name) for name in ("problem", "baseline", "stakes", "action", "role")},
        "collaborators": list(story.collaborators),
        **{name: getattr(story, name) for name in ("result", "timeframe", "outcome", "audience", "wording")},
        "evidence_ids": list(story.evidence_ids),
        "occurred_on": story.occurred_on.isoformat() if story.occurred_on else None,
        "missing": story.missing(),
        "created_at": story.created_at.isoformat(),
        "updated_at": story.updated_at.isoformat(),
    }
    if ctx is not None:
        from upward.services import stories

        data["versions"] = versions_dict(story)
        data["legibility"] = stories.check_text(ctx, story_text(story), story.audience).as_dict()
    return data


def versions_dict(story: StoryDraft) -> dict[str, dict[str, str]]:
    return {
        reader: {length: render(replace(story, audience=reader), length, reader) for length in LENGTHS}
        for reader in AUDIENCES
    }
