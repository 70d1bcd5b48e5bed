"""One function per finding. Each reads the record and its thresholds and says what it sees.

A finding is "unknown" whenever the data that would settle it is missing; it says which data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta

from upward.analysis.outcomes import has_business_outcome, largest_money, largest_users
from upward.analysis.record import DECISION_MAKERS, Record, is_request, mentions, minutes_or
from upward.analysis.recurring import recurring_groups, words
from upward.model import Evidence, Kind, PromotionRole
from upward.model.diagnosis import Status

Thresholds = Mapping[str, float]
#: What a finding function returns: status, summary, evidence, value, and what would settle an unknown.
Seen = tuple[Status, str, list[Evidence], float | None, str | None]

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


def _has_contact_data(items: Iterable[Evidence]) -> bool:
    return any(item.people for item in items)


def only_manager_knows(record: Record, t: Thresholds) -> Seen:
    window = _window(t, 90)
    others = [p for p in record.people_with(DECISION_MAKERS) if p.role is not PromotionRole.MANAGER]
    if not others:
        return unknown("Add the people who decide on your promotion: your skip-level, peer managers, HR.")
    items = record.within(window)
    if not _has_contact_data(items):
        return unknown(CONTACT_DATA)
    seen = {p.name: [i for i in items if mentions(i, p)] for p in others}
    seen = {name: found for name, found in seen.items() if found}
    count = len(seen)
    status = Status.RED if count < t["red_below"] else Status.WARNING if count < t["warning_below"] else Status.OK
    if not seen:
        summary = f"No decision-maker besides your manager saw your work in the last {window} days."
    else:
        summary = f"{count} decision-maker{'s' if count > 1 else ''} besides your manager saw your work in the last "
        summary += f"{window} days: {', '.join(sorted(seen))}."
    return status, summary, [i for found in seen.values() for i in found], float(count), None


def same_problems(record: Record, t: Thresholds) -> Seen:
    items = [i for i in record.within(_window(t, 365)) if i.kind in (Kind.REQUEST, Kind.INCIDENT)]
    if len(items) < 5:
        return unknown("Log the requests people bring you (`upward ask`), or import your tickets or chat.")
    groups = recurring_groups(items, min_size=int(t["repeats"]))
    frameworks = [words(f"{i.title} {i.body}") for i in record.evidence if i.kind is Kind.FRAMEWORK]
    open_groups = [g for g in groups if not _addressed(set(g.common_words()[:5]), frameworks)]
    count = len(open_groups)
    status = Status.RED if count >= t["red_at"] else Status.WARNING if count >= t["warning_at"] else Status.OK
    if not open_groups:
        return status, "No problem keeps coming back without a framework to solve it.", [], 0.0, None
    biggest = "; ".join(f"“{g.label}” ({len(g.items)} times)" for g in open_groups[:3])
    summary = f"{count} problem{'s' if count > 1 else ''} keep coming back with no framework to solve them: {biggest}."
    return status, summary, [i for g in open_groups for i in g.items], float(count), None


def _addressed(key_words: set[str], frameworks: list[frozenset[str]]) -> bool:
    """Whether a framework item shares at least two of a recurring problem's key words."""
    return any(len(key_words & framework) >= 2 for framework in frameworks)


def no_stretch_project(record: Record, t: Thresholds) -> Seen:
    items = record.within(_window(t, 365))
    if len(items) < 20:
        return unknown("Log a few weeks of work, or import it, so Upward can see your projects.")
    own = record.own_team
    stretch = [
        i for i in items if "stretch" in i.tags or (i.kind in STRATEGIC and any(team != own for team in i.teams))
    ]
    if stretch:
        projects = sorted({i.project or i.title for i in stretch})[:3]
        return Status.OK, f"You have stretch work this year: {', '.join(projects)}.", stretch, float(len(stretch)), None
    return Status.RED, "Nothing in the last year was a stretch: beyond your role, reaching other teams.", [], 0.0, None


def no_skip_level_contact(record: Record, t: Thresholds) -> Seen:
    skips = record.people_with([PromotionRole.SKIP_LEVEL])
    if not skips:
        return unknown("Name your skip-level manager in your profile (`upward init`).")
    if not _has_contact_data(record.evidence):
        return unknown(CONTACT_DATA)
    contact = [i for i in record.evidence if i.day <= record.today and any(mentions(i, s) for s in skips)]
    name = skips[0].name
    if not contact:
        return Status.RED, f"Nothing in your record shows a conversation with {name} about your work.", [], None, None
    last = max(contact, key=lambda i: i.occurred_at)
    days = (record.today - last.day).days
    window, warn = _window(t, 90), t["warning_after_days"]
    status = Status.RED if days > window else Status.WARNING if days > warn else Status.OK
    summary = f"Your last conversation with {name} was {days} days ago ({last.day:%-d %B %Y})."
    return status, summary, [last], float(days), None


def only_own_team(record: Record, t: Thresholds) -> Seen:
    own = record.own_team
    if own is None:
        return unknown("Tell Upward your team (`upward init`).")
    items = [i for i in record.within(_window(t, 180)) if i.kind in OWN_WORK and i.teams]
    if len(items) < 10:
        return unknown("Add the teams your work touches when you log it (`--teams`), or import your tickets.")
    reaching = [i for i in items if any(team != own for team in i.teams)]
    share = len(reaching) / len(items)
    status = Status.RED if share < t["red_below"] else Status.WARNING if share < t["warning_below"] else Status.OK
    summary = f"{share:.0%} of your own work in the last {_window(t, 180)} days reached beyond the {own} team."
    return status, summary, reaching, share, None


def expert_trap(record: Record, t: Thresholds) -> Seen:
    items = record.within(_window(t, 90))
    if len(items) < 10:
        return unknown("Log your work and the requests people bring you for a few weeks.")
    requests = [i for i in items if is_request(i)]
    timed = sum(1 for i in items if i.minutes is not None) >= len(items) / 2
    weigh: Callable[[Evidence], int] = (lambda i: minutes_or(i, 0)) if timed else (lambda i: 1)
    total = sum(weigh(i) for i in items) or 1
    request_share = sum(weigh(i) for i in requests) / total
    fires = [i for i in items if i.kind is Kind.INCIDENT]
    prevention = [i for i in items if i.kind in PREVENTION]
    fire_share = len(fires) / (len(fires) + len(prevention)) if fires or prevention else 0.0
    strategic_share = sum(1 for i in items if i.kind in STRATEGIC) / len(items)
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


def illegible_work(record: Record, t: Thresholds) -> Seen:
    wins = [i for i in record.within(_window(t, 365)) if i.kind in WINS and (i.metrics or i.kind is not Kind.DELIVERY)]
    if not wins:
        return unknown("Log your results with their numbers (`upward log ... --metric 'churn: 5% -> 3%'`).")
    told = [i for i in wins if has_business_outcome(i)]
    share = len(told) / len(wins)
    status = Status.RED if share < t["red_below"] else Status.WARNING if share < t["warning_below"] else Status.OK
    verb = "says" if len(told) == 1 else "say"
    summary = f"{len(told)} of your {len(wins)} notable results {verb} what they meant for the business ({share:.0%})."
    told_ids = {i.id for i in told}
    return status, summary, [i for i in wins if i.id not in told_ids], share, None


def scope_below_next_level(record: Record, t: Thresholds) -> Seen:
    items = [i for i in record.within(_window(t, 365)) if i.kind in OWN_WORK]
    if len(items) < 20:
        return unknown("Log a few weeks of your own work, with the teams it touched and its numbers.")
    teams = {team for i in items for team in i.teams}
    users, money = largest_users(items), largest_money(items)
    reached = [len(teams) >= t["teams_expected"], users >= t["users_expected"], money >= t["money_expected"]]
    status = Status.OK if sum(reached) >= 2 else Status.WARNING if any(reached) else Status.RED
    parts = [f"{len(teams)} team{'s' if len(teams) != 1 else ''}"]
    parts += [f"{users:,.0f} users"] if users else []
    parts += [f"${money:,.0f}"] if money else []
    summary = f"The largest scope your own work reached this year: {', '.join(parts)}."
    return status, summary, items[-20:], float(len(teams)), None


def perception_gap(record: Record, t: Thresholds) -> Seen:
    window = timedelta(days=_window(t, 365))
    recent = [i for i in record.evidence if record.today - window < i.day <= record.today]
    if not _has_contact_data(recent):
        return unknown(CONTACT_DATA)
    views = []
    for role, label in ((PromotionRole.SKIP_LEVEL, "your skip-level"), (PromotionRole.PEER_MANAGER, "peer managers")):
        people = record.people_with([role])
        if people and not any(mentions(i, p) for i in recent for p in people):
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
