"""The plan as a person reads it: the timeline by move, the seed's plan template filled in, a calendar, JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from upward.analysis.cadences import Reminder
from upward.analysis.planning import Problem, role_label
from upward.documents.charts import Figure
from upward.documents.charts.timeline import Lane, Mark, timeline_chart
from upward.model import Person, Profile
from upward.model.plan import ItemStatus, Plan, PlanItem, add_months
from upward.playbook import PlaybookFile

OTHER_STEPS = "Other steps"


@dataclass(frozen=True, slots=True)
class MoveSection:
    id: str
    title: str
    months: tuple[int, int]
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    plan: Plan
    today: date
    moves: tuple[MoveSection, ...]
    #: Finding id -> its title, for the steps moved forward because they answer a red flag.
    flags: dict[str, str]

    @property
    def done(self) -> int:
        return self.plan.count(ItemStatus.DONE)

    @property
    def skipped(self) -> int:
        return self.plan.count(ItemStatus.SKIPPED)


def timeline(plan: Plan, playbook: PlaybookFile, today: date) -> Timeline:
    """The plan's steps under the playbook's moves, each by due date; steps of a move it lacks come last."""
    known = {m.id for m in playbook.moves}
    sections = [
        MoveSection(m.id, m.title, m.months, tuple(i for i in plan.items if i.move == m.id)) for m in playbook.moves
    ]
    others = tuple(i for i in plan.items if i.move not in known)
    if others:
        sections.append(MoveSection("other", OTHER_STEPS, (1, 12), others))
    flags = {f.id: f.title for f in playbook.findings}
    return Timeline(plan, today, tuple(s for s in sections if s.items), flags)


TIMELINE_SUMMARY = (
    "Your plan's twelve months: each move's months shaded, each step on its due day. A filled circle is done, "
    "a hollow dashed circle skipped, an outlined diamond still to do, a red diamond late."
)


def timeline_figure(view: Timeline, chart_id: str = "plan-timeline") -> Figure:
    title = "Your plan, month by month"
    lanes = [Lane(s.title, s.months, tuple(Mark(i.title, i.due, _state(i, view.today)) for i in s.items))
             for s in view.moves]  # fmt: skip
    starts = [add_months(view.plan.start, n) for n in range(13)]
    return Figure(title, TIMELINE_SUMMARY, timeline_chart(chart_id, title, TIMELINE_SUMMARY, lanes, starts, view.today))


def _state(item: PlanItem, today: date) -> str:
    return "late" if item.overdue(today) else item.status.value


def item_dict(item: PlanItem, today: date) -> dict[str, Any]:
    return {
        "id": item.id,
        "move": item.move,
        "action": item.action or None,
        "title": item.title,
        "detail": item.detail,
        "due": item.due.isoformat(),
        "first_due": item.first_due.isoformat() if item.first_due else None,
        "status": item.status.value,
        "late": item.overdue(today),
        "closed_on": item.closed_on.isoformat() if item.closed_on else None,
        "why": item.why or None,
        "red_flag": item.red_flag or None,
        "origin": item.origin,
        "origin_id": item.origin_id,
    }


def plan_dict(plan: Plan, playbook: PlaybookFile, today: date) -> dict[str, Any]:
    view = timeline(plan, playbook, today)
    return {
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "playbook": plan.playbook,
        "created_at": plan.created_at.isoformat(),
        "adjusted_at": plan.adjusted_at.isoformat() if plan.adjusted_at else None,
        "counts": {s.value: plan.count(s) for s in ItemStatus},
        "moves": [{"id": s.id, "title": s.title, "months": list(s.months)} for s in view.moves],
        "items": [item_dict(i, today) for i in plan.items],
    }


@dataclass(frozen=True, slots=True)
class Filling:
    """The person's data the template is filled in with."""

    profile: Profile | None
    decision_makers: tuple[Person, ...]
    problems: tuple[Problem, ...]
    reminders: tuple[Reminder, ...]


def plan_markdown(plan: Plan, playbook: PlaybookFile, data: Filling, today: date) -> str:
    """The second seed document's "Your Promotion Plan" template, filled in with the plan and the record."""
    view = timeline(plan, playbook, today)
    fills = {f.action: f.with_ for f in playbook.plan.fill}
    lines = ["# PROMOTION PLAN (12 MONTHS)", "", _byline(plan, data.profile), ""]
    for number, section in enumerate(view.moves, 1):
        first, last = section.months
        heading = f"## Move {number}: {section.title}" if section.id != "other" else f"## {section.title}"
        lines += [heading, "", f"*Months {first}–{last}.*", ""]
        kinds = {fills.get(i.action) for i in section.items}
        if "decision-makers" in kinds:
            lines += ["### Decision-makers I need to influence:", *_people(data.decision_makers), ""]
        if "recurring-problems" in kinds:
            lines += ["### Current problems I solve repeatedly:", *_problems(data.problems), ""]
        lines += ["### Steps and dates:", *(_step(i, today) for i in section.items), ""]
    if data.reminders:
        lines += ["## Keeping in touch", ""]
        lines += [f"- [ ] {r.title}: {r.person} ({r.role}) — every {r.every_days} days" for r in data.reminders]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _byline(plan: Plan, profile: Profile | None) -> str:
    who = f"{profile.name}, {profile.current_level} → {profile.target_level} · " if profile else ""
    return f"*{who}{plan.start:%-d %B %Y} – {plan.end:%-d %B %Y} · from the playbook “{plan.playbook}”*"


def _people(people: Sequence[Person]) -> list[str]:
    if not people:
        return ["Nobody yet: write down the 5–7 people who decide on your promotion."]
    return [f"{n}. {p.name} - {role_label(p.role)} - {_why(p)}" for n, p in enumerate(people, 1)]


def _why(person: Person) -> str:
    knows = {"unknown": "does not know my work yet", "heard-of": "has heard of me", "knows-work": "knows my work",
             "advocate": "argues for me"}[person.awareness.value]  # fmt: skip
    return f"{knows}; influence {person.influence} of 5" + (f"; {person.notes}" if person.notes else "")


def _problems(problems: Sequence[Problem]) -> list[str]:
    if not problems:
        return ["Nothing keeps coming back in your record yet; log the requests people bring you."]
    return [f"{n}. {p.title} - {p.count} times in the last year" for n, p in enumerate(problems, 1)]


def _step(item: PlanItem, today: date) -> str:
    box = "x" if item.status is ItemStatus.DONE else " "
    note = ""
    if item.status is ItemStatus.DONE and item.closed_on:
        note = f" (done {item.closed_on:%-d %B %Y})"
    elif item.status is ItemStatus.SKIPPED:
        note = f" (skipped: {item.why})" if item.why else " (skipped)"
    elif item.overdue(today):
        note = " (late)"
    title = f"~~{item.title}~~" if item.status is ItemStatus.SKIPPED else item.title
    return f"- [{box}] {title} — by {item.due:%-d %B %Y}{note}"


def plan_calendar(plan: Plan, reminders: Sequence[Reminder], today: date, stamp: datetime | None = None) -> bytes:
    """An iCalendar file: each step on its due day, and each cadence as a repeating reminder until the plan ends."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//Upward//Promotion plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "My promotion plan (Upward)")
    for item in plan.items:
        calendar.add_component(_step_event(plan, item, stamp))
    for index, reminder in enumerate(reminders):
        calendar.add_component(_reminder_event(plan, reminder, index, max(today, reminder.due), stamp))
    data: bytes = calendar.to_ical()
    return data


def _step_event(plan: Plan, item: PlanItem, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"plan-{plan.id}-step-{item.id}@upward")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("summary", ("✓ " if item.status is ItemStatus.DONE else "") + item.title)
    event.add("description", item.detail + (f"\nSkipped: {item.why}" if item.why else ""))
    event.add("status", "CANCELLED" if item.status is ItemStatus.SKIPPED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("categories", [item.move])
    return event


def _reminder_event(plan: Plan, reminder: Reminder, index: int, first: date, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"plan-{plan.id}-cadence-{reminder.cadence}-{index}@upward")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", first + timedelta(days=1))
    event.add("summary", f"{reminder.title}: {reminder.person}")
    event.add("description", f"{reminder.person} ({reminder.role}), every {reminder.every_days} days.")
    event.add("rrule", {"freq": "daily", "interval": reminder.every_days, "until": plan.end})
    event.add("transp", "TRANSPARENT")
    return event
