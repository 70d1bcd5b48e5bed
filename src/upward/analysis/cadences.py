"""The playbook's cadences against the record: who is due a word from the person, and since when."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from upward.analysis.planning import role_label
from upward.analysis.record import Record
from upward.model import Person, PromotionRole
from upward.playbook import PlaybookFile
from upward.playbook.schema import Cadence

#: The `with_role` of a cadence that is kept with every decision-maker, each on their own rhythm.
ANY_DECISION_MAKER = "any-decision-maker"
#: For cadences kept with everyone: how many of the quietest people a week shows.
QUIETEST = 2


@dataclass(frozen=True, slots=True)
class Reminder:
    cadence: str
    title: str
    person: str
    role: str
    every_days: int
    #: The last time the record shows contact; None when it never does.
    last: date | None
    #: When the next touchpoint is due: `every_days` after the last one (today when there was never one).
    due: date

    def days_since(self, today: date) -> int | None:
        return None if self.last is None else (today - self.last).days


def last_touchpoint(record: Record, person: Person) -> date | None:
    days = record.columns.days
    return max((days[row] for row in record.contact_rows(person)), default=None)


def reminders(
    record: Record,
    playbook: PlaybookFile,
    horizon_days: int,
    quietest: int = QUIETEST,
    kept: Mapping[str, date] | None = None,
) -> list[Reminder]:
    """The touchpoints due within `horizon_days`: a named role's cadence first, then the `quietest` decision-makers
    (the ones never seen first, then the longest overdue). `kept` holds, by cadence, the last day the person checked
    off a plan step that keeps it (sending the monthly update), which counts as a touchpoint too."""
    until = record.today + timedelta(days=horizon_days)
    named = [c for c in playbook.cadences if c.with_role != ANY_DECISION_MAKER]
    found: list[Reminder] = []
    for cadence in named:
        done = (kept or {}).get(cadence.id)
        for person in _with_role(record, cadence.with_role):
            reminder = _reminder(record, cadence, person, since=done)
            if reminder.due <= until:
                found.append(reminder)
    covered = {r.person for r in found}
    everyone = [p for p in record.people if p.role.value in playbook.decision_maker_roles and p.name not in covered]
    for cadence in (c for c in playbook.cadences if c.with_role == ANY_DECISION_MAKER):
        due = [r for p in everyone if (r := _reminder(record, cadence, p, p.cadence_days)).due <= until]
        influence = {p.name: p.influence for p in everyone}
        due.sort(key=lambda r: (r.last is not None, r.due, -influence.get(r.person, 0), r.person))
        found += due[:quietest]
    return found


def _with_role(record: Record, role: str) -> list[Person]:
    people = [p for p in record.people if p.role.value == role]
    if people or record.profile is None:
        return people
    profile = record.profile
    if role == PromotionRole.SKIP_LEVEL.value:  # named at onboarding, even if not in the people list yet
        return [Person(profile.skip_level_name, PromotionRole.SKIP_LEVEL, profile.skip_level_email)]
    if role == PromotionRole.MANAGER.value:
        return [Person(profile.manager_name, PromotionRole.MANAGER, profile.manager_email)]
    return []


def _reminder(
    record: Record, cadence: Cadence, person: Person, own_days: int | None = None, since: date | None = None
) -> Reminder:
    every = own_days or cadence.every_days
    last = max((d for d in (last_touchpoint(record, person), since) if d is not None), default=None)
    due = record.today if last is None else last + timedelta(days=every)
    return Reminder(cadence.id, cadence.title, person.name, role_label(person.role), every, last, due)
