"""Give the demo persona its stories, linked to the demo evidence they grew from (idempotent)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import sqlalchemy as sa

from upward.demo.stories import DEMO_STORIES
from upward.store import stories_repo
from upward.store.tables import evidence


def add_demo_stories(conn: sa.Connection, owner_id: int) -> int:
    """Add the stories the account does not have yet (by title); returns how many were added."""
    have = {story.title for story in stories_repo.listing(conn, owner_id)}
    added = 0
    for evidence_title, draft in DEMO_STORIES:
        if draft.title in have:
            continue
        found = conn.execute(
            sa.select(evidence.c.id, evidence.c.occurred_at)
            .where(evidence.c.owner_id == owner_id, evidence.c.source == "demo", evidence.c.title == evidence_title)
            .limit(1)
        ).first()
        linked = replace(draft, evidence_ids=(found.id,), occurred_on=found.occurred_at.date()) if found else draft
        stories_repo.add(conn, owner_id, linked.validated(), datetime.now().replace(microsecond=0))
        added += 1
    return added
