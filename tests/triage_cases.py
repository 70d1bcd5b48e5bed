"""Realistic requests for the triage tests: a person, the people around them, and a week of asks."""

from __future__ import annotations

from datetime import date, datetime

from upward.model import Evidence, EvidenceDraft, Kind, PersonDraft, Profile, PromotionRole
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.store import people_repo

#: A Thursday; its week starts on Monday 16 November 2026.
TODAY = date(2026, 11, 19)

PROFILE = Profile(
    name="Sam Rivera",
    role="software engineer",
    current_level="Senior",
    target_level="Staff",
    team="platform",
    manager_name="Dana Lopez",
    skip_level_name="Lee Kim",
    plan_start=date(2026, 9, 1),  # month 3: "Prove next-level thinking"
)

PEOPLE = [
    PersonDraft(name="Priya Shah", role=PromotionRole.PEER_MANAGER, team="data"),
    PersonDraft(name="Jo Park", role=PromotionRole.PEER, team="platform"),
    PersonDraft(name="Lena Vogel", role=PromotionRole.PEER, team="search"),
]


def person_and_people(ctx: Context) -> None:
    profile_service.save_profile(ctx, PROFILE)
    with ctx.transaction() as conn:
        for draft in PEOPLE:
            people_repo.upsert_by_name(conn, ctx.owner_id, draft)


def ask(ctx: Context, title: str, when: datetime, **fields: object) -> Evidence:
    draft = EvidenceDraft(title=title, occurred_at=when, kind=Kind.REQUEST, **fields)  # type: ignore[arg-type]
    return evidence_service.ask(ctx, draft)


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour)
