"""Personas for the documents' tests: the demo, someone with almost nothing, someone moving with a story."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from io import BytesIO

from pypdf import PdfReader

from upward.model import EvidenceDraft, Kind, Metric, Profile
from upward.model.story import StoryDraft
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.services import stories as stories_service
from upward.services.demo import load_demo

STORY = (
    "Buyers gave up at the payment screen because it took 4 seconds to load, which cost about $2M a year. "
    "I led the payments and web teams to rebuild it, and within 30 days load time fell to 1.2 seconds "
    "and we won back $1.8M a year."
)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour))


def demo(ctx: Context) -> None:
    load_demo(ctx, today=date.today())


def sparse(ctx: Context) -> None:
    """A profile and one small item: almost nothing to tell."""
    profile_service.save_profile(ctx, _profile("Sam Rivera", date.today()))
    evidence_service.log(ctx, EvidenceDraft("Fixed a flaky test", at(date.today()), Kind.DELIVERY))


def moving(ctx: Context) -> int:
    """A person with measured, cross-team work this month and a story about it; returns the story's id."""
    today = date.today()
    profile_service.save_profile(ctx, _profile("Ana Costa", today - timedelta(days=200)))
    items = [
        ("Rebuilt the payment screen with the web team", Kind.DELIVERY, ("payments", "web"), "load time: 4s -> 1.2s"),
        ("Wrote the checkout runbook the support team now uses", Kind.DOCUMENTATION, ("support",), None),
        ("Built a retry framework other teams adopted", Kind.FRAMEWORK, ("platform", "payments"), "errors: 300 -> 12"),
    ]  # fmt: skip
    ids = []
    for number, (title, kind, teams, metric) in enumerate(items):
        draft = EvidenceDraft(
            title, at(today.replace(day=1), 9 + number), kind, teams=teams,
            metrics=(Metric.parse(metric),) if metric else (),
        )  # fmt: skip
        ids.append(evidence_service.log(ctx, draft).id)
    story = StoryDraft(title="Faster payment screen", wording=STORY, evidence_ids=(ids[0],), occurred_on=today)
    return stories_service.create(ctx, story).id


def _profile(name: str, start: date) -> Profile:
    return Profile(
        name=name, role="Software Engineer", current_level="Senior", target_level="Staff", team="payments",
        manager_name="Dana Lee", skip_level_name="Rachel Alvarez", plan_start=start,
        skip_level_email="rachel@example.com",
    ).validated()  # fmt: skip


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    text = " ".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)
    return " ".join(text.split())
