"""Impact stories: one row each, every query filtered by owner."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.model.story import Story, StoryDraft
from upward.store.tables_stories import stories

_DRAFT_FIELDS = tuple(f.name for f in fields(StoryDraft))


def _values(draft: StoryDraft) -> dict[str, Any]:
    values = {name: getattr(draft, name) for name in _DRAFT_FIELDS}
    values["collaborators"] = list(draft.collaborators)
    values["evidence_ids"] = list(draft.evidence_ids)
    return values


def _story(row: sa.Row[Any]) -> Story:
    data = dict(row._mapping)
    data["collaborators"] = tuple(data["collaborators"] or ())
    data["evidence_ids"] = tuple(int(i) for i in data["evidence_ids"] or ())
    return Story(**data)


def add(conn: sa.Connection, owner_id: int, draft: StoryDraft, now: datetime) -> int:
    values = {**_values(draft), "owner_id": owner_id, "created_at": now, "updated_at": now}
    return int(conn.execute(sa.insert(stories).values(values).returning(stories.c.id)).scalar_one())


def get(conn: sa.Connection, owner_id: int, story_id: int) -> Story | None:
    row = conn.execute(sa.select(stories).where(stories.c.owner_id == owner_id, stories.c.id == story_id)).first()
    return _story(row) if row else None


def listing(conn: sa.Connection, owner_id: int) -> list[Story]:
    query = (
        sa.select(stories)
        .where(stories.c.owner_id == owner_id)
        .order_by(stories.c.updated_at.desc(), stories.c.id.desc())
    )
    return [_story(row) for row in conn.execute(query)]


def update(conn: sa.Connection, owner_id: int, story_id: int, draft: StoryDraft, now: datetime) -> None:
    conn.execute(
        sa.update(stories)
        .where(stories.c.owner_id == owner_id, stories.c.id == story_id)
        .values({**_values(draft), "updated_at": now})
    )


def delete(conn: sa.Connection, owner_id: int, story_id: int) -> None:
    conn.execute(sa.delete(stories).where(stories.c.owner_id == owner_id, stories.c.id == story_id))
