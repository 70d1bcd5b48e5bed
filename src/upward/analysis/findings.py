"""One function per finding. Each reads the record and its thresholds and says what it sees.

A finding is "unknown" whenever the data that would settle it is missing; it says which data.
The functions read the record's columns (`Record.columns`), not its items: a year of heavy use is a
hundred thousand items, and the diagnosis must stay quick to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from upward.analysis.outcomes import facts_of
from upward.analysis.record import DECISION_MAKERS, Record, names_of
from upward.analysis.recurring import Frameworks, recurring_rows
from upward.model import Kind, Person, PromotionRole
from upward.model.diagnosis import Status
from upward.model.evidence_columns import EvidenceColumns, TextFacts

Thresholds = Mapping[str, float]
#: What a finding function returns: status, summary, the evidence behind it (rows of `record.columns`, in the
#: record's order), value, and what would settle an unknown.
Seen = tuple[Status, str, list[int], float | None, str | None]

OWN_WORK = frozenset(
    {Kind.DELIVERY, Kind.DOCUMENTATION, Kind.DESIGN, Kind.STRATEGY, Kind.FRAMEWORK, Kind.PRESENTATION, Kind.MENTORING}
)
PREVENTION = frozenset({Kind.FRAMEWORK, Kind.DOCUMENTATION, Kind.STRATEGY})
STRATEGIC = frozenset({Kind.STRATEGY, Kind.FRAMEWORK})
WINS = frozenset({Kind.DELIVERY, Kind.FRAMEWORK, Kind.STRATEGY, Kind.DESIGN})
CONTACT_DATA = "Import your calendar (`upward import calendar`) or log meetings with the people in them."


def unknown(missing: str, summary: str = "There is not enough in your record to tell yet.") -> Seen:
    return Status.UNKNOWN, summary, [], None, missing


def _window(t: Thresholds, default: int) -> int:
    return int(t.get("window_days", default))


def _has_contact_data(c: EvidenceColumns, rows: Iterable[int]) -> bool:
    return any(c.people[row] for row in rows)


def _contact(c: EvidenceColumns, rows: Sequence[int], people: Iterable[Person]) -> list[int]:
    """The rows (of `rows`, in order) showing contact with any of `people`."""
    found = c.mentioning(set().union(*(names_of(p) for p in people)))
    if isinstance(rows, range):  # a date range: checking a row is in it costs nothing
        return sorted(row for row in found if row in rows)
    return [row for row in rows if row in found]


def _kinds(c: EvidenceColumns, rows: Iterable[int], kinds: Iterable[Kind]) -> list[int]:
    wanted = frozenset(kinds)
    return [row for row in rows if c.kinds[row] in wanted]


def _reaches_beyond(c: EvidenceColumns, row: int, own: str | None) -> bool:
    return any(team != own for team in c.teams[row])


def only_manager_knows(record: Record, t: Thresholds) -> Seen:
    window = _window(t, 90)
    others = [p for p in record.people_with(DECISION_MAKERS) if p.role is not PromotionRole.MANAGER]
    if not others:
        return unknown("Add the people who decide on your promotion: your skip-level, peer managers, HR.")
    c = record.columns
    rows = c.within(record.today, window)
    if not _has_contact_data(c, rows):
        return unknown(CONTACT_DATA)
    seen = {p.name: _contact(c, rows, [p]) for p in others}
    seen = {name: found for name, found in seen.items() if found}
    count = len(seen)
    status = Status.RED if count < t["red_below"] else Status.WARNING if count < t["warning_below"] else Status.OK
    if not seen:
        summary = f"No decision-maker besides your manager saw your work in the last {window} days."
    else:
        summary = f"{count} decision-maker{'s' if count > 1 else ''} besides your manager saw your work in the last "
        summary += f"{window} days: {', '.join(sorted(seen))}."
    return status, summary, [row for found in seen.values() for row in found], float(count), None


def same_problems(record: Record, t: Thresholds) -> Seen:
    c = record.columns
    rows = _kinds(c, c.within(record.today, _window(t, 365)), (Kind.REQUEST, Kind.INCIDENT))
    if len(rows) < 5:
        return unknown("Log the requests people bring you (`upward ask`), or import your tickets or chat.")
    groups = recurring_rows(c, rows, min_size=int(t["repeats"]))
    frameworks = _frameworks(c)
    open_groups = [g for g in groups if not frameworks.address(g)]
    count = len(open_groups)
    status = Status.RED if count >= t["red_at"] else Status.WARNING if count >= t["warning_at"] else Status.OK
    if not open_groups:
        return status, "No problem keeps coming back without a framework to solve it.", [], 0.0, None
    biggest = "; ".join(f"“{g.label}” ({len(g.items)} times)" for g in open_groups[:3])
    summary = f"{count} problem{'s' if count > 1 else ''} keep coming back with no framework to solve them: {biggest}."
    return status, summary, [row for g in open_groups for row in g.items], float(count), None


def _frameworks(c: EvidenceColumns) -> Frameworks:
    """The frameworks in the record, from their words where the store kept them, else from their texts."""
    built = _kinds(c, range(len(c)), [Kind.FRAMEWORK])
    if c.words:
        return Frameworks(word_sets=(c.words[row] or frozenset() for row in built))
    return Frameworks(f"{c.titles[row]} {c.bodies[row]}" for row in built)


def no_stretch_project(record: Record, t: Thresholds) -> Seen:
    c = record.columns
    rows = c.within(record.today, _window(t, 365))
    if len(rows) < 20:
        return unknown("Log a few weeks of work, or import it, so Upward can see your projects.")
    own = record.own_team
    stretch = [
        row for row in rows if "stretch" in c.tags[row] or (c.kinds[row] in STRATEGIC and _reaches_beyond(c, row, own))
    ]
    if stretch:
        c.load_names(stretch)
        projects = sorted({c.projects[row] or c.titles[row] for row in stretch})[:3]
        return Status.OK, f"You have stretch work this year: {', '.join(projects)}.", stretch, float(len(stretch)), None
    return Status.RED, "Nothing in the last year was a stretch: beyond your role, reaching other teams.", [], 0.0, None


def no_skip_level_contact(record: Record, t: Thresholds) -> Seen:
    skips = record.people_with([PromotionRole.SKIP_LEVEL])
    if not skips:
        return unknown("Name your skip-level manager in your profile (`upward init`).")
    c = record.columns
    if not _has_contact_data(c, range(len(c))):
        return unknown(CONTACT_DATA)
    contact = [row for row in _contact(c, range(len(c)), skips) if c.days[row] <= record.today]
    name = skips[0].name
    if not contact:
        return Status.RED, f"Nothing in your record shows a conversation with {name} about your work.", [], None, None
    last = max(contact, key=c.occurred.__getitem__)
    days = (record.today - c.days[last]).days
    window, warn = _window(t, 90), t["warning_after_days"]
    status = Status.RED if days > window else Status.WARNING if days > warn else Status.OK
    summary = f"Your last conversation with {name} was {days} days ago ({c.days[last]:%-d %B %Y})."
    return status, summary, [last], float(days), None


def only_own_team(record: Record, t: Thresholds) -> Seen:
    own = record.own_team
    if own is None:
        return unknown("Tell Upward your team (`upward init`).")
    c = record.columns
    rows = [row for row in _kinds(c, c.within(record.today, _window(t, 180)), OWN_WORK) if c.teams[row]]
    if len(rows) < 10:
        return unknown("Add the teams your work touches when you log it (`--teams`), or import your tickets.")
    reaching = [row for row in rows if _reaches_beyond(c, row, own)]
    share = len(reaching) / len(rows)
    status = Status.RED if share < t["red_below"] else Status.WARNING if share < t["warning_below"] else Status.OK
    summary = f"{share:.0%} of your own work in the last {_window(t, 180)} days reached beyond the {own} team."
    return status, summary, reaching, share, None


def expert_trap(record: Record, t: Thresholds) -> Seen:
    c = record.columns
    rows = c.within(record.today, _window(t, 90))
    if len(rows) < 10:
        return unknown("Log your work and the requests people bring you for a few weeks.")
    requests = _kinds(c, rows, [Kind.REQUEST])
    timed = sum(1 for row in rows if c.minutes[row] is not None) >= len(rows) / 2
    weigh: Callable[[int], int] = (lambda row: c.minutes[row] or 0) if timed else (lambda row: 1)
    total = sum(map(weigh, rows)) or 1
    request_share = sum(map(weigh, requests)) / total
    fires = _kinds(c, rows, [Kind.INCIDENT])
    prevention = _kinds(c, rows, PREVENTION)
    fire_share = len(fires) / (len(fires) + len(prevention)) if fires or prevention else 0.0
    strategic_share = len(_kinds(c, rows, STRATEGIC)) / len(rows)
    status = Status.OK
    if request_share >= t["request_share_warning"] or strategic_share < t["strategic_share_warning"]:
        status = Status.WARNING
    if request_share >= t["request_share_red"] or fire_share >= t["firefighting_share_red"]:
        status = Status.RED
    measure = "time" if timed else "items"
    summary = (
        f"{request_share:.0%} of your {measure} went to other people's requests; firefighting is {fire_share:.0%} "
        f"of your fixes-and-prevention work, and {strategic_share:.0%} of your work is strategic."
    )
    return status, summary, requests + fires, request_share, None


def _facts(c: EvidenceColumns, row: int) -> TextFacts:
    """What row `row`'s text says: as the store kept it, or worked out now (two findings read the same wins)."""
    if c.facts:
        return c.facts[row]
    found = c.cached("facts", dict[int, TextFacts])
    facts = found.get(row)
    if facts is None:
        facts = found[row] = facts_of(c.titles[row], c.bodies[row], tuple(c.metrics[row]))
    return facts


def illegible_work(record: Record, t: Thresholds) -> Seen:
    c = record.columns
    wins = [
        row
        for row in _kinds(c, c.within(record.today, _window(t, 365)), WINS)
        if c.kinds[row] is not Kind.DELIVERY or _facts(c, row).measured
    ]
    if not wins:
        return unknown("Log your results with their numbers (`upward log ... --metric 'churn: 5% -> 3%'`).")
    told = {row for row in wins if _facts(c, row).outcome}
    share = len(told) / len(wins)
    status = Status.RED if share < t["red_below"] else Status.WARNING if share < t["warning_below"] else Status.OK
    verb = "says" if len(told) == 1 else "say"
    summary = f"{len(told)} of your {len(wins)} notable results {verb} what they meant for the business ({share:.0%})."
    return status, summary, [row for row in wins if row not in told], share, None


def scope_below_next_level(record: Record, t: Thresholds) -> Seen:
    c = record.columns
    rows = _kinds(c, c.within(record.today, _window(t, 365)), OWN_WORK)
    if len(rows) < 20:
        return unknown("Log a few weeks of your own work, with the teams it touched and its numbers.")
    teams = set().union(*(c.teams[row] for row in rows))
    facts = [_facts(c, row) for row in rows]
    users, money = max((f.users for f in facts), default=0.0), max((f.money for f in facts), default=0.0)
    reached = [len(teams) >= t["teams_expected"], users >= t["users_expected"], money >= t["money_expected"]]
    status = Status.OK if sum(reached) >= 2 else Status.WARNING if any(reached) else Status.RED
    parts = [f"{len(teams)} team{'s' if len(teams) != 1 else ''}"]
    parts += [f"{users:,.0f} users"] if users else []
    parts += [f"${money:,.0f}"] if money else []
    summary = f"The largest scope your own work reached this year: {', '.join(parts)}."
    return status, summary, rows[-20:], float(len(teams)), None


def perception_gap(record: Record, t: Thresholds) -> Seen:
    c = record.columns
    recent = c.within(record.today, _window(t, 365))
    if not _has_contact_data(c, recent):
        return unknown(CONTACT_DATA)
    views = []
    for role, label in ((PromotionRole.SKIP_LEVEL, "your skip-level"), (PromotionRole.PEER_MANAGER, "peer managers")):
        people = record.people_with([role])
        if people and not _contact(c, recent, people):
            views.append(label)
    status = Status.RED if len(views) == 2 else Status.WARNING if views else Status.OK
    if not views:
        return status, "Your skip-level and peer managers have both seen your work this year.", [], 0.0, None
    summary = (
        f"Likely view of {' and '.join(views)}: “I don't know much about their work.” Your record shows no contact."
    )
    return status, summary, [], float(len(views)), None


FINDINGS: dict[str, Callable[[Record, Thresholds], Seen]] = {
    "only-manager-knows": only_manager_knows,
    "same-problems": same_problems,
    "no-stretch-project": no_stretch_project,
    "no-skip-level-contact": no_skip_level_contact,
    "only-own-team": only_own_team,
    "expert-trap": expert_trap,
    "illegible-work": illegible_work,
    "scope-below-next-level": scope_below_next_level,
    "perception-gap": perception_gap,
}
