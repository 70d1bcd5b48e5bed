"""The promotion case: the person already works at the next level — capability, visibility and scope."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from upward.analysis.findings import OWN_WORK, STRATEGIC
from upward.analysis.mix import Contact, decision_maker_contact, month_starts
from upward.analysis.outcomes import largest_money, largest_users
from upward.documents.charts import Figure, Series, stacked_bars
from upward.documents.points import Point, checked, evidence_text, strongest, untold
from upward.model import InputError, Kind, NotFound
from upward.model.people import Awareness
from upward.services import ladders as ladders_service
from upward.services.context import Context
from upward.services.document_inputs import Inputs, gather
from upward.services.ladders import Coverage

YEAR = 365
STORIES = 3
KNOWING = frozenset({Awareness.KNOWS_WORK, Awareness.ADVOCATE})


@dataclass(frozen=True)
class Scope:
    teams: list[str]
    cross_team_share: float | None
    largest_money: float
    largest_users: float
    frameworks: int
    mentoring: int


@dataclass(frozen=True)
class Case:
    today: date
    name: str | None
    current_level: str | None
    target_level: str | None
    strongest: list[Point]
    decision_makers: list[dict[str, Any]]
    scope: Scope
    coverage: Coverage | None
    #: None when there is no work of the person's own in the months shown.
    growth: Figure | None
    growth_note: str
    missing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(), "name": self.name, "current_level": self.current_level,
            "target_level": self.target_level, "strongest": [p.as_dict() for p in self.strongest],
            "decision_makers": self.decision_makers, "scope": asdict(self.scope),
            "coverage": self.coverage.as_dict() if self.coverage else None,
            "growth": {"title": self.growth.title, "summary": self.growth.summary, "note": self.growth_note}
            if self.growth
            else None,
            "missing": self.missing,
        }  # fmt: skip


def promotion_case(
    ctx: Context, ladder: str | None = None, level: str | None = None, today: date | None = None
) -> Case:
    today = today or date.today()
    inputs = gather(ctx, today)
    coverage, missing = _coverage(ctx, inputs, ladder, level)
    return build(inputs, coverage, missing)


def _coverage(ctx: Context, inputs: Inputs, ladder: str | None, level: str | None) -> tuple[Coverage | None, list[str]]:
    try:
        ladder_id, found = ladders_service.get_ladder(ctx, ladder)
    except NotFound as error:
        if ladder:
            raise
        return None, [f"{error} With it, the case shows which expectations of the next level your work meets."]
    try:
        chosen = ladders_service.next_level(found, inputs.record.profile, level)
    except InputError as error:
        if level:
            raise
        return None, [f"Your target level is not on the ladder {found.name}: {error.problem}."]
    return ladders_service.coverage_of(ctx, ladder_id, found, chosen, inputs), []


def build(inputs: Inputs, coverage: Coverage | None, missing: list[str]) -> Case:
    record = inputs.record
    profile = record.profile
    if profile is None:
        missing.append(
            "Your profile is missing: the case cannot say your level or the one you aim for (`upward init`)."
        )
    points = _strongest(inputs, missing)
    people = _decision_makers(inputs, missing)
    scope = _scope(inputs, missing)
    growth, note = growth_figure(inputs)
    if coverage is not None and coverage.gaps:
        missing.append(
            f"{len(coverage.gaps)} of {len(coverage.rows)} expectations of {coverage.level.name} have no confirmed "
            "evidence yet: confirm suggestions (`upward ladder show`) or plan work that shows them."
        )
    return Case(
        today=record.today,
        name=profile.name if profile else None,
        current_level=profile.current_level if profile else None,
        target_level=profile.target_level if profile else None,
        strongest=points,
        decision_makers=people,
        scope=scope,
        coverage=coverage,
        growth=growth,
        growth_note=note,
        missing=missing,
    )


def _strongest(inputs: Inputs, missing: list[str]) -> list[Point]:
    stories = [s for s in inputs.stories if s.text.strip()]
    ranked = sorted(((checked(s.text, "story", [s.id]), s) for s in stories), key=lambda pair: -pair[0].score)
    points = [point for point, _ in ranked[:STORIES]]
    told = [i for _, s in ranked[:STORIES] for i in s.evidence_ids]
    if len(points) < STORIES:
        record = inputs.record
        items = strongest(untold(record.within(YEAR), told), record.own_team, STORIES - len(points))
        points += [checked(evidence_text(i), "evidence", [i.id]) for i in items]
    if not stories:
        source = "the strongest work above comes straight from your record. A" if points else "a"
        missing.append(
            f"No stories yet: {source} story says the problem, what you did and what it was worth (`upward story new`)."
        )
    if not points:
        missing.append("Nothing from the last year says what changed: log outcomes and measures for your work.")
    return points


def _decision_makers(inputs: Inputs, missing: list[str]) -> list[dict[str, Any]]:
    record = inputs.record
    contacts = {c.name: c for c in decision_maker_contact(record, days=180)}
    known = []
    for person in record.people:
        contact: Contact | None = contacts.get(person.name)
        if contact is None or not (person.awareness in KNOWING or contact.items):
            continue
        known.append(
            {
                "name": person.name,
                "role": contact.role_label,
                "awareness": person.awareness.value,
                "contacts": contact.items,
                "days_since": contact.days_since,
            }
        )
    if not contacts:
        missing.append("No decision-makers named yet: add your skip-level, peer managers and HR (`upward people`).")
    elif not known:
        missing.append("No decision-maker has seen your work in the last six months, on record.")
    return known


def _scope(inputs: Inputs, missing: list[str]) -> Scope:
    record = inputs.record
    own = [i for i in record.within(YEAR) if i.kind in OWN_WORK]
    team = record.own_team
    with_teams = [i for i in own if i.teams]
    teams = sorted({t for i in with_teams for t in i.teams if t != team})
    share = (sum(1 for i in with_teams if any(t != team for t in i.teams)) / len(with_teams)) if with_teams else None
    if share is None:
        missing.append("Your work does not say which teams it touched: add `--teams` when you log it.")
    elif not share:
        missing.append("None of your own work in the last year reached beyond your team, on record.")
    return Scope(
        teams=teams,
        cross_team_share=None if share is None else round(share, 2),
        largest_money=largest_money(own),
        largest_users=largest_users(own),
        frameworks=sum(1 for i in own if i.kind in STRATEGIC),
        mentoring=sum(1 for i in own if i.kind is Kind.MENTORING),
    )


def growth_figure(inputs: Inputs, chart_id: str = "growth") -> tuple[Figure | None, str]:
    """Month by month: strategic work, work beyond the team, work within it — over the plan's months."""
    record = inputs.record
    plan = inputs.plan
    count = 12
    note = "The last twelve months."
    if plan is not None and plan.start <= record.today:
        months = (record.today.year - plan.start.year) * 12 + record.today.month - plan.start.month + 1
        if months >= 3:
            count, note = min(months, 12), f"Since your plan started on {plan.start:%-d %B %Y}."
        else:
            note = f"Your plan started on {plan.start:%-d %B %Y}; the last twelve months show where you started from."
    starts = month_starts(record.today, count)
    values = [[0.0] * count for _ in range(3)]
    team = record.own_team
    for item in record.evidence:
        if item.kind not in OWN_WORK or not starts[0] <= item.day <= record.today:
            continue
        index = starts.index(item.day.replace(day=1))
        row = 0 if item.kind in STRATEGIC else 1 if any(t != team for t in item.teams) else 2
        values[row][index] += 1
    if not any(sum(row) for row in values):
        return None, f"No work of your own is on record for these months ({note[0].lower()}{note[1:-1]})."
    names = ("Strategic and reusable work", "Work beyond your team", "Work within your team")
    series = [Series(name, tuple(v)) for name, v in zip(names, values, strict=True)]
    labels = [f"{s:%b}\n{s.year}" if n == 0 or s.month == 1 else f"{s:%b}" for n, s in enumerate(starts)]
    title = "How your work grew, month by month"
    summary = f"Pieces of your own work each month, by how far they reached. {note}"
    svg = stacked_bars(chart_id, title, summary, labels, series, "items")
    return Figure(title, summary, svg), note
