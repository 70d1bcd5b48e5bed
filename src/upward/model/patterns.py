"""Recurring problems and the framework initiatives that end them. Plain values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from upward.model.evidence import Evidence


class PatternStatus(StrEnum):
    OPEN = "open"
    ADOPTED = "adopted"


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a framework initiative, from the playbook; `done_on` once the person checks it off."""

    id: str
    title: str
    detail: str
    done_on: date | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True, slots=True)
class Impact:
    """Whether an adopted problem stopped coming back, and the time per week it gave back."""

    adopted_on: date
    items_before: int
    items_after: int
    minutes_per_week_before: float
    minutes_per_week_after: float
    weeks_before: float
    weeks_after: float

    @property
    def minutes_given_back_per_week(self) -> float:
        return max(0.0, self.minutes_per_week_before - self.minutes_per_week_after)

    @property
    def stopped(self) -> bool:
        return self.items_after == 0


@dataclass(frozen=True, slots=True)
class Pattern:
    """A problem that keeps coming back: similar items, who brought them, and what they cost."""

    id: int
    title: str
    count: int
    first: date
    last: date
    requesters: tuple[str, ...]
    teams: tuple[str, ...]
    minutes: int
    examples: tuple[Evidence, ...]
    score: float
    status: PatternStatus = PatternStatus.OPEN
    adopted_at: datetime | None = None
    fix: str = ""
    steps: tuple[Step, ...] = ()
    teams_taught: tuple[str, ...] = ()
    plan_item_id: int | None = None
    impact: Impact | None = None

    @property
    def adopted(self) -> bool:
        return self.status is PatternStatus.ADOPTED

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """The recurring problem a new item's text would join."""

    id: int
    title: str
    count: int
    requesters: tuple[str, ...]
    similarity: float
    adopted: bool = False
