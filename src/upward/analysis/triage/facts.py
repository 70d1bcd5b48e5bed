"""The facts a triage recommendation stands on: one value per question the person would ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from upward.model import Evidence, Person


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How often something like this request came up: this one included, with everyone who asked."""

    count: int = 1
    requesters: tuple[str, ...] = ()
    since: date | None = None
    #: The most recent earlier item like it (what the person handled before), if any.
    last: Evidence | None = None
    #: The recurring problem it joins, when the recurring-problem engine names one.
    pattern_id: int | None = None
    pattern_title: str | None = None

    @property
    def seen_before(self) -> bool:
        return self.count > 1


@dataclass(frozen=True, slots=True)
class PlanFit:
    fits: bool
    #: Why, as a phrase that completes "it fits your plan: ..." or "it is not on your plan: ...".
    why: str


@dataclass(frozen=True, slots=True)
class Budget:
    """The week's budget for other people's requests, in minutes."""

    week: date  # the Monday
    budget: int
    used: int  # by the week's other requests, before this one
    cost: int  # this request (its minutes, or the playbook's estimate)
    estimated: bool = False  # the cost is the playbook's estimate, not the minutes written down

    @property
    def total(self) -> int:
        return self.used + self.cost

    @property
    def over(self) -> bool:
        return self.total > self.budget


@dataclass(frozen=True, slots=True)
class Facts:
    item: Evidence
    #: The requester as the person's people list knows them (None when not there, or nobody named).
    requester: Person | None
    decision_maker: bool
    other_teams: tuple[str, ...]
    recurrence: Recurrence
    plan: PlanFit
    budget: Budget
    #: Someone better placed to take it (a peer on the team it belongs to), if the people list has one.
    owner: Person | None = None
    #: The request asks how to do something: the requester could learn it.
    wants_to_learn: bool = False

    @property
    def requester_name(self) -> str | None:
        return self.requester.name if self.requester else self.item.requester
