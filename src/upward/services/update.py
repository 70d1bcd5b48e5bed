"""The monthly update to the skip-level: outcomes first, a few points a non-expert follows, what comes next,
where help is needed. Marking it sent records the touchpoint, so the monthly cadence moves on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from upward.documents.points import Point, checked, evidence_text, strongest, untold
from upward.model import EvidenceDraft, InputError, Kind, PromotionRole, UpwardError
from upward.model.plan import add_months
from upward.services.context import Context
from upward.services.document_inputs import Inputs, StoryView, gather
from upward.store import documents_repo, evidence_repo

DOCUMENT = "skip-level-update"
MIN_POINTS, MAX_POINTS = 3, 5
HELP_TAGS = frozenset({"help", "blocked", "ask"})
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class MonthlyUpdate:
    month: date
    name: str | None
    skip_level: str | None
    points: list[Point]
    next_steps: list[str]
    help: list[str]
    #: What is missing from the record for a fuller update, in plain words.
    missing: list[str]
    items_in_month: int
    sent_on: date | None
    next_due: date
    history: dict[str, str] = field(default_factory=dict)

    @property
    def period(self) -> str:
        return f"{self.month:%Y-%m}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": self.period, "name": self.name, "skip_level": self.skip_level,
            "points": [p.as_dict() for p in self.points], "next_steps": self.next_steps, "help": self.help,
            "missing": self.missing, "items_in_month": self.items_in_month,
            "sent_on": self.sent_on.isoformat() if self.sent_on else None, "next_due": self.next_due.isoformat(),
        }  # fmt: skip


def parse_month(value: str | None, today: date) -> date:
    """'2026-03' -> 1 March 2026; nothing -> this month."""
    if not value:
        return today.replace(day=1)
    match = _MONTH.match(value.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise InputError("month", f"'{value}' is not a month; write it as YYYY-MM, like 2026-03")
    return date(int(match[1]), int(match[2]), 1)


def monthly_update(ctx: Context, month: str | None = None, today: date | None = None) -> MonthlyUpdate:
    today = today or date.today()
    start = parse_month(month, today)
    end = min(add_months(start, 1) - timedelta(days=1), max(today, start))
    inputs = gather(ctx, end)
    with ctx.transaction() as conn:
        history = documents_repo.sent(conn, ctx.owner_id, DOCUMENT)
    return build(inputs, start, end, {period: f"{when:%Y-%m-%d}" for period, when in history.items()})


def build(inputs: Inputs, start: date, end: date, history: dict[str, str]) -> MonthlyUpdate:
    record = inputs.record
    items = [i for i in record.evidence if start <= i.day <= end]
    missing: list[str] = []
    stories = _stories(inputs, {i.id for i in items}, start, end)[:MAX_POINTS]
    points = [checked(s.text.strip(), "story", [s.id]) for s in stories]
    told = [i for s in stories for i in s.evidence_ids]
    chosen = strongest(untold(items, told), record.own_team, MAX_POINTS - len(points), least=-1)
    points += [checked(evidence_text(i), "evidence", [i.id]) for i in chosen]
    if not items:
        missing.append(f"Nothing is recorded for {start:%B %Y}. Log what you did (`upward log`) or import it.")
    elif len(points) < MIN_POINTS:
        missing.append(
            f"Only {len(points)} piece{'s' if len(points) != 1 else ''} of your own work "
            f"{'is' if len(points) == 1 else 'are'} recorded for {start:%B %Y}; "
            "an update reads best with three to five."
        )
    unclear = sum(1 for p in points if not p.legible)
    if unclear:
        missing.append(
            f"{unclear} of the points would not yet make sense to a non-expert: answer the questions under each "
            "(add the outcome with `upward edit ID --metric 'name: before -> after'`, or write it as a story)."
        )
    next_steps = _next_steps(inputs, end)
    if not next_steps:
        missing.append("No next steps: add them to your plan, or log the work you are starting next.")
    help_asks = [i.title for i in items if HELP_TAGS & set(i.tags)]
    profile = record.profile
    if profile is None:
        missing.append("Your profile is missing, so the update cannot name you or your skip-level (`upward init`).")
    period = f"{start:%Y-%m}"
    sent_on = date.fromisoformat(history[period]) if period in history else None
    latest = max((date.fromisoformat(p + "-01") for p in history), default=None)
    next_due = add_months(latest, 1) if latest else start
    return MonthlyUpdate(
        month=start, name=profile.name if profile else None, skip_level=profile.skip_level_name if profile else None,
        points=points, next_steps=next_steps, help=help_asks, missing=missing, items_in_month=len(items),
        sent_on=sent_on, next_due=next_due, history=history,
    )  # fmt: skip


def _stories(inputs: Inputs, month_ids: set[int], start: date, end: date) -> list[StoryView]:
    """Stories about the month: their work happened in it, or the story is dated in it."""
    return [s for s in inputs.stories if s.text.strip() and (month_ids & set(s.evidence_ids) or start <= s.day <= end)]


def _next_steps(inputs: Inputs, end: date) -> list[str]:
    """The plan's open work items (a visible project, a framework) due next; else the projects still running."""
    if inputs.plan is not None:
        work = [i for i in inputs.plan.open_items if i.origin in ("project", "pattern")]
        work.sort(key=lambda i: i.due)
        if work:
            return [f"{i.title} (by {i.due:%-d %B})" for i in work[:3]]
    recent = [i for i in inputs.record.evidence if end - timedelta(days=21) <= i.day <= end and i.project]
    projects = sorted({i.project for i in recent if i.project})
    return [f"Continue {p}" for p in projects[:3]]


def mark_sent(ctx: Context, month: str | None = None, today: date | None = None) -> MonthlyUpdate:
    """Record that this month's update went to the skip-level: a touchpoint in the record and the cadence moves on."""
    today = today or date.today()
    start = parse_month(month, today)
    inputs = gather(ctx, today)
    skip = next((p for p in inputs.record.people if p.role is PromotionRole.SKIP_LEVEL), None)
    if skip is None:
        raise UpwardError("Name your skip-level manager first (`upward init`), so Upward knows who the update went to.")
    period = f"{start:%Y-%m}"
    with ctx.transaction() as conn:
        if period in documents_repo.sent(conn, ctx.owner_id, DOCUMENT):
            raise UpwardError(f"The update for {start:%B %Y} is already marked sent.")
        draft = EvidenceDraft(
            title=f"Sent my monthly update for {start:%B %Y} to {skip.name}",
            occurred_at=datetime.combine(today, datetime.now().time().replace(second=0, microsecond=0)),
            kind=Kind.PRESENTATION,
            source="upward",
            source_id=f"{DOCUMENT}-{period}",
            people=(skip.name,),
            tags=("touchpoint", DOCUMENT),
        ).validated()
        found = evidence_repo.find_by_source(conn, ctx.owner_id, draft.source, f"{DOCUMENT}-{period}")
        evidence_id = found.id if found else evidence_repo.add(conn, ctx.owner_id, draft)
        documents_repo.record_sent(conn, ctx.owner_id, DOCUMENT, period, evidence_id)
    return monthly_update(ctx, period, today)
