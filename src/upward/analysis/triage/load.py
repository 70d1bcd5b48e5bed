"""The solver load: the share of the person's time that goes to other people's requests, week by week,
and who and which teams it goes to. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from upward.analysis.record import DECISION_MAKERS, Record, is_request, minutes_or
from upward.analysis.triage.gather import find_person
from upward.analysis.triage.wording import wording
from upward.model import Evidence, Kind, Person
from upward.playbook import PlaybookFile

#: Not time the person spent: thanks someone gave them.
NOT_WORK = frozenset({Kind.RECOGNITION})
NOBODY = "nobody named"
NO_TEAM = "no team named"
Weigh = Callable[[Evidence], float]


@dataclass(frozen=True, slots=True)
class WeekShare:
    week: date  # the Monday
    requests: float
    total: float

    @property
    def share(self) -> float | None:
        return self.requests / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Source:
    """A requester or a team, and what their requests took."""

    name: str
    requests: int
    amount: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SolverLoad:
    #: "minutes" when most items say how long they took, else "items" (each item counts one).
    unit: str
    weeks: tuple[WeekShare, ...]  # oldest first
    requesters: tuple[Source, ...]  # biggest first
    teams: tuple[Source, ...]

    @property
    def requests(self) -> float:
        return sum(w.requests for w in self.weeks)

    @property
    def share(self) -> float | None:
        total = sum(w.total for w in self.weeks)
        return self.requests / total if total else None

    def halves(self) -> tuple[float | None, float | None]:
        """The share in the earlier half of the weeks and in the later half: the trend."""
        middle = len(self.weeks) // 2
        return _share(self.weeks[:middle]), _share(self.weeks[middle:])


def _share(weeks: tuple[WeekShare, ...]) -> float | None:
    total = sum(w.total for w in weeks)
    return sum(w.requests for w in weeks) / total if total else None


def solver_load(record: Record, playbook: PlaybookFile, *, weeks: int = 8) -> SolverLoad:
    """The last `weeks` weeks up to today (this week included)."""
    this_monday = record.today - timedelta(days=record.today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    items = [i for i in record.evidence if first <= i.day <= record.today and i.kind not in NOT_WORK]
    timed = sum(1 for i in items if i.minutes is not None) * 2 >= len(items) > 0
    default = playbook.triage.default_request_minutes

    def weigh(item: Evidence) -> float:
        if not timed:
            return 1
        return minutes_or(item, default) if is_request(item) else minutes_or(item, 0)

    mondays = [first + timedelta(weeks=n) for n in range(weeks)]
    asked: dict[date, float] = defaultdict(float)
    total: dict[date, float] = defaultdict(float)
    for item in items:
        monday = item.day - timedelta(days=item.day.weekday())
        total[monday] += weigh(item)
        if is_request(item):
            asked[monday] += weigh(item)
    requests = [i for i in items if is_request(i)]
    return SolverLoad(
        unit="minutes" if timed else "items",
        weeks=tuple(WeekShare(m, asked[m], total[m]) for m in mondays),
        requesters=_by_requester(record, requests, weigh),
        teams=_by_team(record, requests, weigh),
    )


def _by_requester(record: Record, requests: list[Evidence], weigh: Weigh) -> tuple[Source, ...]:
    found: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    names: dict[str, str] = {}
    for item in requests:
        name = (item.requester or "").strip() or NOBODY
        key = name.lower()
        names.setdefault(key, name)
        found[key][0] += 1
        found[key][1] += weigh(item)
    out = []
    for key, (count, amount) in found.items():
        person = find_person(record.people, names[key]) if key != NOBODY else None
        detail = _who(person)
        out.append(Source(names[key], int(count), amount, detail))
    return tuple(sorted(out, key=lambda s: (-s.amount, -s.requests, s.name.lower())))


def _who(person: Person | None) -> str:
    """A decision-maker's role, else the person's team: short enough to sit under a name."""
    if person is None:
        return ""
    if person.role in DECISION_MAKERS:
        return str(wording()["roles"].get(person.role.value, person.role.value))
    return person.team or ""


def _by_team(record: Record, requests: list[Evidence], weigh: Weigh) -> tuple[Source, ...]:
    found: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for item in requests:
        person = find_person(record.people, item.requester)
        teams = list(item.teams) or ([person.team] if person and person.team else [NO_TEAM])
        for team in teams:
            found[team][0] += 1
            found[team][1] += weigh(item)
    own = record.own_team
    out = [Source(team, int(n), amount, "your team" if team == own else "") for team, (n, amount) in found.items()]
    return tuple(sorted(out, key=lambda s: (-s.amount, -s.requests, s.name)))
