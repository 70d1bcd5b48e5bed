"""The data behind the charts: what the work was made of, month by month, and contact with decision-makers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from upward.analysis.findings import OWN_WORK, STRATEGIC
from upward.analysis.record import DECISION_MAKERS, Record, mentions
from upward.model import Evidence, Kind, PromotionRole

#: (id, label, the kinds it counts), bottom of the stack first. Meetings, reviews and thanks are left out.
MIX: tuple[tuple[str, str, frozenset[Kind]], ...] = (
    ("own", "Own work", OWN_WORK - STRATEGIC),
    ("strategic", "Strategic work", STRATEGIC),
    ("requests", "Requests from others", frozenset({Kind.REQUEST})),
    ("firefighting", "Firefighting", frozenset({Kind.INCIDENT})),
)
ROLE_ORDER: tuple[PromotionRole, ...] = tuple(r for r in PromotionRole if r in DECISION_MAKERS)
ROLE_LABELS = {
    PromotionRole.MANAGER: "manager", PromotionRole.SKIP_LEVEL: "skip-level",
    PromotionRole.PEER_MANAGER: "peer manager", PromotionRole.HR: "HR", PromotionRole.SPONSOR: "sponsor",
    PromotionRole.OTHER_TEAM_LEAD: "other team's lead",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MonthMix:
    month: date  # the first day of the month
    values: tuple[float, ...]  # one for each entry of MIX, in its order

    @property
    def total(self) -> float:
        return sum(self.values)


@dataclass(frozen=True, slots=True)
class WorkMix:
    #: "hours" when most items say how long they took (as the expert-trap finding measures), else "items".
    unit: str
    months: tuple[MonthMix, ...]

    @property
    def empty(self) -> bool:
        return not any(m.total for m in self.months)


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: PromotionRole
    #: Items in the window that show contact with them.
    items: int
    #: Days since the last item that shows contact, anywhere in the record; None when there is none.
    days_since: int | None
    evidence_ids: tuple[int, ...] = ()

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role.value)


def month_starts(today: date, count: int) -> list[date]:
    """The first days of the last `count` months, oldest first, ending with today's month."""
    year, month = today.year, today.month
    starts = []
    for _ in range(count):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def work_mix(record: Record, months: int = 12) -> WorkMix:
    """Own work, strategic work, requests and firefighting in each of the last `months` months."""
    starts = month_starts(record.today, months)
    counted = [i for i in record.evidence if starts[0] <= i.day <= record.today and _category(i) is not None]
    timed = bool(counted) and sum(1 for i in counted if i.minutes is not None) >= len(counted) / 2
    totals = {start: [0.0] * len(MIX) for start in starts}
    for item in counted:
        index = _category(item)
        assert index is not None
        totals[item.day.replace(day=1)][index] += (item.minutes or 0) / 60 if timed else 1
    return WorkMix(
        unit="hours" if timed else "items",
        months=tuple(MonthMix(start, tuple(round(v, 1) for v in totals[start])) for start in starts),
    )


def _category(item: Evidence) -> int | None:
    return next((index for index, (_, _, kinds) in enumerate(MIX) if item.kind in kinds), None)


def decision_maker_contact(record: Record, days: int = 90) -> tuple[Contact, ...]:
    """Each decision-maker, with the items that show contact in the last `days` days, most senior role first."""
    people = sorted(record.people_with(DECISION_MAKERS), key=lambda p: (ROLE_ORDER.index(p.role), p.name.lower()))
    start = record.today - timedelta(days=days)
    contacts = []
    for person in people:
        seen = [i for i in record.evidence if i.day <= record.today and mentions(i, person)]
        recent = sorted((i for i in seen if i.day > start), key=lambda i: i.occurred_at, reverse=True)
        last = max((i.day for i in seen), default=None)
        days_since = None if last is None else (record.today - last).days
        contacts.append(Contact(person.name, person.role, len(recent), days_since, tuple(i.id for i in recent)))
    return tuple(contacts)
