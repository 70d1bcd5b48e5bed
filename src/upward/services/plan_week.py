"""`upward next`: this week's steps — late, due, and the touchpoints the playbook's cadences call for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from upward.analysis.cadences import Reminder, reminders
from upward.model.plan import ItemStatus, Plan, PlanItem
from upward.playbook import PlaybookFile
from upward.services.context import Context
from upward.services.diagnosis import load_record, playbook
from upward.services.plan import current_plan

#: At most this many late steps, and steps due, are listed; the rest are counted.
SHOWN_LATE = 3
SHOWN_DUE = 4


@dataclass(frozen=True, slots=True)
class Week:
    today: date
    until: date
    plan: Plan | None
    late: tuple[PlanItem, ...]
    due: tuple[PlanItem, ...]
    reminders: tuple[Reminder, ...]

    @property
    def late_shown(self) -> tuple[PlanItem, ...]:
        return self.late[:SHOWN_LATE]

    @property
    def due_shown(self) -> tuple[PlanItem, ...]:
        return self.due[:SHOWN_DUE]

    @property
    def more_late(self) -> int:
        return max(0, len(self.late) - SHOWN_LATE)

    @property
    def more_due(self) -> int:
        return max(0, len(self.due) - SHOWN_DUE)

    @property
    def empty(self) -> bool:
        return not (self.late or self.due or self.reminders)


def this_week(ctx: Context, today: date | None = None) -> Week:
    today = today or date.today()
    book = playbook(ctx)
    until = today + timedelta(days=book.plan.week_days - 1)
    plan = current_plan(ctx)
    items = plan.open_items if plan else ()
    late = tuple(i for i in items if i.due < today)
    due = tuple(i for i in items if today <= i.due <= until)
    found = reminders(load_record(ctx, today), book, book.plan.week_days - 1, kept=kept_cadences(book, plan))
    return Week(today, until, plan, late, due, tuple(found))


def kept_cadences(book: PlaybookFile, plan: Plan | None) -> dict[str, date]:
    """Cadence id -> the last day a plan step that keeps it was checked off (the playbook says which step does)."""
    cadence_of = {a.id: a.cadence for move in book.moves for a in move.actions if a.cadence}
    kept: dict[str, date] = {}
    for item in plan.items if plan else ():
        cadence = cadence_of.get(item.action)
        if cadence and item.status is ItemStatus.DONE and item.closed_on:
            kept[cadence] = max(item.closed_on, kept.get(cadence, item.closed_on))
    return kept
