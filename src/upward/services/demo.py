"""Load the demo persona so a newcomer can explore every screen with realistic data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from upward.demo.persona import build_demo
from upward.model import UpwardError
from upward.services.context import Context
from upward.services.demo_ladder import add_demo_ladder
from upward.services.demo_projects import add_demo_projects
from upward.services.demo_stories import add_demo_stories
from upward.store import evidence_repo, people_repo, profile_repo
from upward.store.tables import evidence

DEMO_SOURCE = "demo"


@dataclass(frozen=True)
class DemoLoaded:
    name: str
    people: int
    added: int
    already_there: int


def load_demo(ctx: Context, *, today: date | None = None, seed: int = 7) -> DemoLoaded:
    """Add the demo persona. Loading it twice adds nothing; it never mixes with a person's own data."""
    demo = build_demo(today or date.today(), seed)
    with ctx.transaction() as conn:
        _refuse_to_mix(conn, ctx.owner_id, demo.profile.name)
        profile_repo.save_profile(conn, ctx.owner_id, demo.profile.validated())
        for person in demo.people:
            people_repo.upsert_by_name(conn, ctx.owner_id, person.validated())
        added = 0
        for draft in demo.evidence:
            assert draft.source_id is not None
            if evidence_repo.find_by_source(conn, ctx.owner_id, draft.source, draft.source_id) is None:
                evidence_repo.add(conn, ctx.owner_id, draft.validated())
                added += 1
        add_demo_stories(conn, ctx.owner_id)
        add_demo_projects(conn, ctx.owner_id)
        add_demo_ladder(conn, ctx.owner_id)
    return DemoLoaded(
        name=demo.profile.name, people=len(demo.people), added=added, already_there=len(demo.evidence) - added
    )


def _refuse_to_mix(conn: sa.Connection, owner_id: int, demo_name: str) -> None:
    profile = profile_repo.get_profile(conn, owner_id)
    own_items = conn.execute(
        sa.select(sa.func.count()).where(evidence.c.owner_id == owner_id, evidence.c.source != DEMO_SOURCE)
    ).scalar_one()
    if (profile and profile.name != demo_name) or own_items:
        raise UpwardError(
            "This database already holds your own work, and the demo would mix with it. "
            "Try the demo in a separate folder: UPWARD_HOME=/tmp/upward-demo upward demo"
        )
