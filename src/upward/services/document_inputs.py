"""Everything the documents read, in one value: the record, the stories and the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from upward.analysis import Record
from upward.documents.story_versions import render as tell
from upward.model.plan import Plan
from upward.model.story import Story
from upward.services.context import Context
from upward.services.diagnosis import load_record
from upward.services.plan import current_plan
from upward.services.stories import list_stories


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story as the documents tell it: three sentences for a skip-level, or the person's own wording."""

    id: int
    title: str
    text: str
    evidence_ids: tuple[int, ...]
    day: date


@dataclass(frozen=True)
class Inputs:
    record: Record
    stories: list[StoryView]
    plan: Plan | None


def gather(ctx: Context, today: date) -> Inputs:
    return Inputs(
        record=load_record(ctx, today), stories=[as_view(s) for s in list_stories(ctx)], plan=current_plan(ctx)
    )


def as_view(story: Story) -> StoryView:
    text = story.wording or tell(story, "three-sentences", "skip-level")
    day = story.occurred_on or story.updated_at.date()
    return StoryView(id=story.id, title=story.title, text=text, evidence_ids=story.evidence_ids, day=day)
