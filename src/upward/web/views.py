"""What a page and its JSON twin both read or do, so the two never drift apart."""

from __future__ import annotations

from dataclasses import dataclass, replace

from upward.model import Evidence, EvidenceDraft, EvidenceFilter, InputError, Kind, Page, Profile
from upward.model.diagnosis import Finding
from upward.services import Context
from upward.services import diagnosis as diagnosis_service
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.web.filters import EvidenceQuery

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


def evidence_filter(ctx: Context, query: EvidenceQuery) -> tuple[EvidenceFilter, Finding | None]:
    """What the query asks for; with `finding`, only the evidence behind that finding today, and the finding."""
    wanted = query.to_filter()
    if not query.finding:
        return wanted, None
    findings = diagnosis_service.run_diagnosis(ctx, keep=False).findings
    finding = next((f for f in findings if f.id == query.finding), None)
    if finding is None:
        known = ", ".join(f.id for f in findings)
        raise InputError("finding", f"'{query.finding}' is not a finding; the findings are: {known}")
    return replace(wanted, ids=finding.evidence_ids), finding
