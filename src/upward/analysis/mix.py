"""The data behind the charts: what the work was made of, month by month, and contact with decision-makers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from upward.analysis.findings import OWN_WORK, STRATEGIC
from upward.analysis.record import DECISION_MAKERS, Record, names_of
from upward.model import Kind, PromotionRole

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
    c = record.columns
    counted = [row for row in c.between(starts[0], record.today) if c.kinds[row] in _CATEGORY]
    timed = bool(counted) and sum(1 for row in counted if c.minutes[row] is not None) >= len(counted) / 2
    totals = {start: [0.0] * len(MIX) for start in starts}
    for row in counted:
        totals[c.days[row].replace(day=1)][_CATEGORY[c.kinds[row]]] += (c.minutes[row] or 0) / 60 if timed else 1
    return WorkMix(
        unit="hours" if timed else "items",
        months=tuple(MonthMix(start, tuple(round(v, 1) for v in totals[start])) for start in starts),
    )


#: Each kind the mix counts -> its place in MIX (the first entry that counts it).
_CATEGORY = {kind: index for index, (_, _, kinds) in reversed(list(enumerate(MIX))) for kind in kinds}


def decision_maker_contact(record: Record, days: int = 90) -> tuple[Contact, ...]:
    """Each decision-maker, with the items that show contact in the last `days` days, most senior role first."""
    people = sorted(record.people_with(DECISION_MAKERS), key=lambda p: (ROLE_ORDER.index(p.role), p.name.lower()))
    start = record.today - timedelta(days=days)
    c = record.columns
    contacts = []
    for person in people:
        seen = [row for row in sorted(c.mentioning(names_of(person))) if c.days[row] <= record.today]
        recent = sorted((row for row in seen if c.days[row] > start), key=c.occurred.__getitem__, reverse=True)
        last = max((c.days[row] for row in seen), default=None)
        days_since = None if last is None else (record.today - last).days
        contacts.append(Contact(person.name, person.role, len(recent), days_since, tuple(c.ids[r] for r in recent)))
    return tuple(contacts)
