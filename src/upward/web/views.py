"""What a page and its JSON twin both read or do, so the two never drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from upward.model import Evidence, EvidenceDraft, EvidenceFilter, Kind, Page, Profile
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service

RECENT = 8


@dataclass(frozen=True)
class Overview:
    """The home page: who the person is and what they did lately (`recent.total` counts everything)."""

    profile: Profile
    recent: Page[Evidence]


def overview(ctx: Context) -> Overview | None:
    """The home page's data, or None before onboarding."""
    profile = profile_service.get_profile(ctx)
    if profile is None:
        return None
    return Overview(profile=profile, recent=evidence_service.listing(ctx, EvidenceFilter(per_page=RECENT)))


def save_new(ctx: Context, draft: EvidenceDraft) -> Evidence:
    """Store a new item; a request goes through `ask`, so it is recorded as something someone asked for."""
    save = evidence_service.ask if draft.kind is Kind.REQUEST else evidence_service.log
    return save(ctx, draft)
