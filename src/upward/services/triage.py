"""Request triage: a recommendation for every request, with its reason and a reply, and what the person decided.

Upward never decides for the person: `decide` records their own choice, which they can change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from upward.analysis.record import Record
from upward.analysis.triage import (
    Facts,
    PlanFit,
    Recommendation,
    Recurrence,
    SimilarIndex,
    duration,
    gather,
    recommend,
    reply,
)
from upward.analysis.triage.gather import NOT_SPENT
from upward.analysis.triage.similar import COMPARED
from upward.analysis.triage.wording import fill, wording
from upward.model import Evidence, InputError, Kind, NotFound
from upward.model.plan import Plan
from upward.model.triage import Decision
from upward.playbook import PlaybookFile, load_playbook
from upward.services import patterns as patterns_service
from upward.services import plan as plan_service
from upward.services import projects as projects_service
from upward.services.context import Context
from upward.store import evidence_repo, patterns_repo, people_repo, profile_repo, triage_repo

MAX_NOTE = 2000
UNDECIDED = "undecided"


@dataclass(frozen=True)
class Triaged:
    """One request with Upward's suggestion and, once made, the person's own decision."""

    item: Evidence
    recommendation: Recommendation
    reply: str
    facts: Facts
    decision: Decision | None = None


@dataclass(frozen=True)
class ChoiceLoad:
    choice: str  # a playbook choice id, or "undecided"
    title: str
    requests: int
    minutes: int  # time that counts against the budget


@dataclass(frozen=True)
class WeekLoad:
    """How much of the week's budget for other people's requests they used, by what the person chose."""

    week: date  # the Monday
    budget: int
    used: int
    by_choice: list[ChoiceLoad]

    @property
    def share(self) -> float:
        return self.used / self.budget if self.budget else 0.0


def playbook(ctx: Context) -> PlaybookFile:
    return load_playbook(ctx.settings.playbook)


def budget_minutes(ctx: Context) -> int:
    """The person's weekly budget for other people's requests: their own setting, or the playbook's."""
    with ctx.transaction() as conn:
        own = triage_repo.budget(conn, ctx.owner_id)
    return playbook(ctx).triage.weekly_budget_minutes if own is None else own


def set_budget(ctx: Context, minutes: int) -> int:
    if not 0 <= minutes <= 7 * 24 * 60:
        raise InputError("budget", f"{minutes} is not a weekly budget; use 0 to {7 * 24 * 60} minutes")
    with ctx.transaction() as conn:
        triage_repo.set_budget(conn, ctx.owner_id, minutes)
    return minutes


def triage_one(ctx: Context, evidence_id: int, today: date | None = None) -> Triaged:
    """The recommendation, reason, reply and decision for one request."""
    work = _Workbench.load(ctx, today or date.today())
    item = work.request(evidence_id)
    return work.triage(item)


def open_requests(
    ctx: Context, *, today: date | None = None, include_decided: bool = False, everything: bool = False
) -> list[Triaged]:
    """Requests still waiting for the person's decision (from the last weeks, unless `everything`), newest first."""
    work = _Workbench.load(ctx, today or date.today())
    start = work.today - timedelta(days=work.playbook.triage.open_days)
    wanted = [
        item
        for item in work.record.evidence
        if item.kind is Kind.REQUEST
        and (everything or item.day > start)
        and (include_decided or item.id not in work.decisions)
    ]
    wanted.sort(key=lambda item: (item.occurred_at, item.id), reverse=True)
    return [work.triage(item) for item in wanted]


def decide(ctx: Context, evidence_id: int, choice: str, note: str = "", today: date | None = None) -> Triaged:
    """Record what the person chose for a request (replacing an earlier choice), with the day."""
    book = playbook(ctx)
    known = [c.id for c in book.request_choices]
    cleaned = choice.strip().lower()
    if cleaned not in known:
        raise InputError("choice", f"'{choice}' is not a choice; use one of: {', '.join(known)}")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InputError("note", f"is {len(note)} characters long; keep it under {MAX_NOTE}")
    suggested = triage_one(ctx, evidence_id, today)
    decision = Decision(
        evidence_id=evidence_id,
        choice=cleaned,
        recommended=suggested.recommendation.choice.id,
        decided_on=today or date.today(),
        note=note,
    )
    with ctx.transaction() as conn:
        triage_repo.save(conn, ctx.owner_id, decision)
    return triage_one(ctx, evidence_id, today)


def week_load(ctx: Context, day: date | None = None) -> WeekLoad:
    """The week of `day` (default this week): requests, their minutes, and the budget, by choice."""
    day = day or date.today()
    monday = day - timedelta(days=day.weekday())
    work = _Workbench.load(ctx, monday + timedelta(days=6))
    default = work.playbook.triage.default_request_minutes
    titles = {c.id: c.title for c in work.playbook.request_choices} | {UNDECIDED: "Not decided yet"}
    counts: dict[str, list[int]] = {key: [0, 0] for key in titles}
    for item in work.record.evidence:
        if item.kind is not Kind.REQUEST or not monday <= item.day <= monday + timedelta(days=6):
            continue
        decision = work.decisions.get(item.id)
        key = decision.choice if decision and decision.choice in titles else UNDECIDED
        spent = 0 if key in NOT_SPENT else (item.minutes if item.minutes is not None else default)
        counts[key][0] += 1
        counts[key][1] += spent
    loads = [ChoiceLoad(key, titles[key], n, minutes) for key, (n, minutes) in counts.items() if n]
    return WeekLoad(week=monday, budget=work.budget, used=sum(load.minutes for load in loads), by_choice=loads)


def summary_sentence(load: WeekLoad) -> str:
    """The week in one line, for the CLI and the page."""
    parts = [f"{_label(c.choice)} {duration(c.minutes)} ({c.requests})" for c in load.by_choice]
    said = wording()["summary"]
    values = {
        "week": f"{load.week.day} {load.week:%b}",
        "used": duration(load.used),
        "budget": duration(load.budget),
        "share": f"{load.share:.0%}",
        "parts": "; ".join(parts),
    }
    return fill(said["some" if load.by_choice else "none"], values)


def _label(choice: str) -> str:
    return "not decided yet" if choice == UNDECIDED else choice


@dataclass
class _Workbench:
    """Everything triage reads, loaded once for a whole list of requests."""

    ctx: Context
    today: date
    playbook: PlaybookFile
    record: Record
    decisions: dict[int, Decision]
    budget: int
    index: SimilarIndex
    project: str | None
    plan: Plan | None
    members: dict[int, list[Evidence]] = field(default_factory=dict)
    grouped: dict[int, int] | None = None  # evidence id -> recurring problem, once the engine is up to date

    @classmethod
    def load(cls, ctx: Context, today: date) -> _Workbench:
        book = playbook(ctx)
        since = datetime.combine(today - timedelta(days=book.triage.lookback_days), time.min)
        chosen = projects_service.chosen_project(ctx)
        plan = plan_service.current_plan(ctx)
        with ctx.transaction() as conn:
            items = triage_repo.requests_and_incidents(conn, ctx.owner_id, since)
            profile = profile_repo.get_profile(conn, ctx.owner_id)
            record = Record(
                today=today,
                # The move the person is in counts from the start of their plan, once they have one.
                profile=replace(profile, plan_start=plan.start) if profile and plan else profile,
                people=tuple(people_repo.list_people(conn, ctx.owner_id)),
                evidence=tuple(items),
            )
            decisions = triage_repo.for_items(conn, ctx.owner_id)
            own = triage_repo.budget(conn, ctx.owner_id)
        budget = book.triage.weekly_budget_minutes if own is None else own
        project = chosen.title if chosen else None
        return cls(ctx, today, book, record, decisions, budget, SimilarIndex(items), project, plan)

    def request(self, evidence_id: int) -> Evidence:
        found = next((item for item in self.record.evidence if item.id == evidence_id), None)
        if found is None:
            with self.ctx.transaction() as conn:
                found = evidence_repo.get(conn, self.ctx.owner_id, evidence_id)
        if found is None:
            raise NotFound(f"There is no evidence item {evidence_id}; it may have been deleted.")
        if found.kind is not Kind.REQUEST:
            kind = found.kind.value
            raise InputError("id", f"#{evidence_id} is {kind} work, not a request; only requests are triaged")
        return found

    def triage(self, item: Evidence) -> Triaged:
        decided = {key: d.choice for key, d in self.decisions.items()}
        recurrence = self.recurrence(item)
        facts = gather(
            self.record, self.playbook, item, recurrence,
            budget_minutes=self.budget, decided=decided, plan=self.plan_fit(item, recurrence),
        )  # fmt: skip
        recommendation = recommend(facts, self.playbook)
        shown = self.decisions.get(item.id)
        return Triaged(item, recommendation, reply(facts, recommendation.choice.id), facts, shown)

    def recurrence(self, item: Evidence) -> Recurrence:
        """Is it recurring? Earlier items like it, and the recurring problem it joins (`services.patterns`)."""
        own = self.index.recurrence(item)
        pattern = self.pattern_of(item)
        if pattern is None:
            return own
        if pattern not in self.members:
            with self.ctx.transaction() as conn:
                self.members[pattern] = patterns_repo.members(conn, self.ctx.owner_id, pattern).get(pattern, [])
        # Only what came before this request (and it): an older request was not yet the fourth of its kind.
        upto = (item.occurred_at, item.id)
        earlier = [m for m in self.members[pattern] if m.kind in COMPARED and (m.occurred_at, m.id) < upto]
        if len(earlier) + 1 <= own.count:
            return replace(own, pattern_id=pattern)
        names = {n.strip().lower(): n.strip() for n in (*own.requesters, *(m.requester for m in earlier)) if n}
        since = min(own.since or item.day, earlier[0].day)
        return replace(own, count=len(earlier) + 1, requesters=tuple(names.values()), pattern_id=pattern, since=since)

    def pattern_of(self, item: Evidence) -> int | None:
        """The recurring problem the engine put the request in; `match` for one it has not grouped yet."""
        if self.grouped is not None and item.id in self.grouped:
            return self.grouped[item.id]
        found = patterns_service.match(self.ctx, item.title)  # also brings the grouping up to date
        if self.grouped is None:
            with self.ctx.transaction() as conn:
                self.grouped = patterns_repo.membership(conn, self.ctx.owner_id)
            if item.id in self.grouped:
                return self.grouped[item.id]
        return found.id if found else None

    def plan_fit(self, item: Evidence, recurrence: Recurrence) -> PlanFit | None:
        """The chosen visible project or a framework initiative in the plan settles it; else the move (None)."""
        said = wording()["plan"]
        if self.project and (item.project or "").strip().lower() == self.project.strip().lower():
            return PlanFit(True, fill(said["project"], {"project": self.project}))
        initiative = ("pattern", recurrence.pattern_id)
        for step in self.plan.open_items if self.plan and recurrence.pattern_id is not None else ():
            if (step.origin, step.origin_id) == initiative:
                return PlanFit(True, fill(said["plan_item"], {"plan_item": step.title}))
        return None
