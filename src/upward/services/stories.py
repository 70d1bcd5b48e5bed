"""Impact stories: build them (from evidence when there is some), keep them, and check them for legibility."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.analysis.legibility import Legibility, check
from upward.model import Evidence, NotFound
from upward.model.story import Story, StoryDraft
from upward.services.context import Context
from upward.services.lexicon import person_lexicon
from upward.store import evidence_repo, stories_repo


def list_stories(ctx: Context) -> list[Story]:
    """The person's stories, most recently changed first."""
    with ctx.transaction() as conn:
        return stories_repo.listing(conn, ctx.owner_id)


def create(ctx: Context, draft: StoryDraft) -> Story:
    draft = draft.validated()
    with ctx.transaction() as conn:
        _check_evidence(conn, ctx, draft.evidence_ids)
        story_id = stories_repo.add(conn, ctx.owner_id, draft, _now())
        return _get(conn, ctx, story_id)


def get(ctx: Context, story_id: int) -> Story:
    with ctx.transaction() as conn:
        return _get(conn, ctx, story_id)


def edit(ctx: Context, story_id: int, changes: Mapping[str, Any]) -> Story:
    """Change the parts given (the others stay as they are)."""
    with ctx.transaction() as conn:
        story = _get(conn, ctx, story_id)
        draft = replace(story.draft(), **changes).validated()
        _check_evidence(conn, ctx, tuple(i for i in draft.evidence_ids if i not in story.evidence_ids))
        stories_repo.update(conn, ctx.owner_id, story_id, draft, _now())
        return _get(conn, ctx, story_id)


def delete(ctx: Context, story_id: int) -> Story:
    with ctx.transaction() as conn:
        story = _get(conn, ctx, story_id)
        stories_repo.delete(conn, ctx.owner_id, story_id)
        return story


def evidence_behind(ctx: Context, story: Story) -> list[Evidence]:
    """The evidence a story links to that still exists."""
    with ctx.transaction() as conn:
        found = [evidence_repo.get(conn, ctx.owner_id, item_id) for item_id in story.evidence_ids]
    return [item for item in found if item is not None]


def prefill(ctx: Context, evidence_id: int) -> StoryDraft:
    """A story started from one evidence item: its title, day, metrics and the teams and people it touched."""
    with ctx.transaction() as conn:
        item = evidence_repo.get(conn, ctx.owner_id, evidence_id)
    if item is None:
        raise NotFound(f"There is no evidence item {evidence_id}; `upward evidence list` shows the numbers.")
    before = [f"{m.name} was {m.before}" for m in item.metrics if m.before]
    after = [f"{m.name} {'is now' if m.before else 'is'} {m.after}" for m in item.metrics]
    return StoryDraft(
        title=item.title[:200],
        problem=item.body.split("\n\n")[0][:1000] if item.body else "",
        baseline="; ".join(before),
        result="; ".join(after),
        collaborators=(*item.teams, *item.people),
        evidence_ids=(item.id,),
        occurred_on=item.day,
    )


def check_text(ctx: Context, text: str, audience: str = "skip-level") -> Legibility:
    """The legibility check with the person's own lexicon (their data folder's lexicon.yaml)."""
    return check(text, audience, person_lexicon(ctx.settings))


def _check_evidence(conn: sa.Connection, ctx: Context, evidence_ids: tuple[int, ...]) -> None:
    for item_id in evidence_ids:
        if evidence_repo.get(conn, ctx.owner_id, item_id) is None:
            raise NotFound(f"There is no evidence item {item_id} to link; `upward evidence list` shows the numbers.")


def _get(conn: sa.Connection, ctx: Context, story_id: int) -> Story:
    story = stories_repo.get(conn, ctx.owner_id, story_id)
    if story is None:
        raise NotFound(f"There is no story {story_id}; `upward story list` shows the numbers.")
    return story


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)
