"""The 12-month promotion plan: dated items from the playbook's moves, filled in with the person's own data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class ItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """One step of the plan before it is stored. `key` names it across re-plans (an action, a person, a problem)."""

    key: str
    move: str
    title: str
    detail: str
    due: date
    action: str = ""
    #: The finding this step answers when it was moved forward for a red flag ("only-manager-knows").
    red_flag: str = ""
    #: Where the step came from: "playbook", or the feature that added it ("pattern", "project").
    origin: str = "playbook"
    origin_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlanItem(ItemDraft):
    id: int = 0
    position: int = 0
    status: ItemStatus = ItemStatus.OPEN
    #: When the step was checked off or skipped.
    closed_on: date | None = None
    #: Why the person skipped it, in their words.
    why: str = ""
    #: The due date the plan first gave it; differs from `due` once a re-plan moved it.
    first_due: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status is ItemStatus.OPEN

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due < today

    @property
    def moved(self) -> bool:
        return self.first_due is not None and self.first_due != self.due


@dataclass(frozen=True, slots=True)
class Move:
    """A move of the playbook as the plan shows it: its months and title."""

    id: str
    title: str
    months: tuple[int, int]
    why: str


@dataclass(frozen=True, slots=True)
class Plan:
    id: int
    start: date
    created_at: datetime
    adjusted_at: datetime | None
    #: The name of the playbook it was made from.
    playbook: str
    items: tuple[PlanItem, ...]

    @property
    def end(self) -> date:
        return add_months(self.start, 12) - timedelta(days=1)

    @property
    def open_items(self) -> tuple[PlanItem, ...]:
        return tuple(i for i in self.items if i.is_open)

    def count(self, status: ItemStatus) -> int:
        return sum(1 for i in self.items if i.status is status)

    def item(self, item_id: int) -> PlanItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def month_of(self, day: date) -> int:
        """Which month of the plan `day` falls in (1 to 12; 0 before the start, 13 after the end)."""
        if day < self.start:
            return 0
        for month in range(1, 13):
            if day < add_months(self.start, month):
                return month
        return 13


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 month = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def end_of_month(start: date, month: int) -> date:
    """The last day of month `month` (1-based) of a plan starting on `start`."""
    return add_months(start, month) - timedelta(days=1)
