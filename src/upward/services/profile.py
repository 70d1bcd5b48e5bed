"""Onboarding and the profile: who the person is and who decides on their promotion."""

from __future__ import annotations

from upward.model import PersonDraft, Profile, PromotionRole
from upward.model.people import Awareness
from upward.services.context import Context
from upward.store import people_repo, profile_repo


def get_profile(ctx: Context) -> Profile | None:
    with ctx.transaction() as conn:
        return profile_repo.get_profile(conn, ctx.owner_id)


def save_profile(ctx: Context, profile: Profile) -> Profile:
    """Validate and store the profile; the manager and skip-level join the person's map of people."""
    profile = profile.validated()
    with ctx.transaction() as conn:
        profile_repo.save_profile(conn, ctx.owner_id, profile)
        people_repo.ensure(
            conn,
            ctx.owner_id,
            PersonDraft(
                name=profile.manager_name,
                email=profile.manager_email,
                role=PromotionRole.MANAGER,
                team=profile.team,
                influence=5,
                awareness=Awareness.KNOWS_WORK,
                cadence_days=14,
            ),
        )
        people_repo.ensure(
            conn,
            ctx.owner_id,
            PersonDraft(
                name=profile.skip_level_name,
                email=profile.skip_level_email,
                role=PromotionRole.SKIP_LEVEL,
                influence=5,
                cadence_days=30,
            ),
        )
    return profile
