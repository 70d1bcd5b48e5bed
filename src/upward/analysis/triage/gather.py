"""From the record to the facts about one request. Pure: everything comes in as values."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import timedelta

from upward.analysis.record import DECISION_MAKERS, Record, is_request, minutes_or, names_of
from upward.analysis.triage.facts import Budget, Facts, PlanFit, Recurrence
from upward.analysis.triage.wording import fill, wording
from upward.model import Evidence, Person, PromotionRole
from upward.playbook import PlaybookFile

#: People who could take a request on: not the ones who decide on the person's promotion.
HELPERS = frozenset({PromotionRole.PEER, PromotionRole.OTHER})
#: Choices that mean the person did not spend the time: they don't count against the week's budget.
NOT_SPENT = frozenset({"decline", "delegate"})


def gather(
    record: Record,
    playbook: PlaybookFile,
    item: Evidence,
    recurrence: Recurrence,
    *,
    budget_minutes: int,
    decided: dict[int, str] | None = None,
    plan: PlanFit | None = None,
) -> Facts:
    """The facts about `item`; `decided` maps request ids to the choices made, `plan` overrides the plan check."""
    requester = find_person(record.people, item.requester)
    decision_maker = requester is not None and requester.role in DECISION_MAKERS
    other_teams = teams_beyond(item, requester, record.own_team)
    return Facts(
        item=item,
        requester=requester,
        decision_maker=decision_maker,
        other_teams=other_teams,
        recurrence=recurrence,
        plan=plan or plan_fit(record, playbook, item, other_teams, decision_maker, recurrence),
        budget=week_budget(record, playbook, item, budget_minutes, decided or {}),
        owner=better_placed(record.people, item, requester),
        wants_to_learn=asks_how(item.title, playbook.triage.teach_words),
    )


def find_person(people: Collection[Person], name: str | None) -> Person | None:
    """The person a requester's name (or email) means; a first name counts when only one person has it."""
    wanted = (name or "").strip().lower()
    if not wanted:
        return None
    exact = [p for p in people if wanted in names_of(p)]
    if exact:
        return exact[0]
    first = [p for p in people if p.name.split()[0].lower() == wanted]
    return first[0] if len(first) == 1 else None


def teams_beyond(item: Evidence, requester: Person | None, own_team: str | None) -> tuple[str, ...]:
    """The teams other than the person's own that the request touches (the requester's team counts)."""
    teams = list(item.teams)
    if requester and requester.team and requester.team not in teams:
        teams.append(requester.team)
    return tuple(t for t in teams if t != own_team)


def asks_how(title: str, teach_words: Collection[str]) -> bool:
    lowered = f" {' '.join(re.findall(r'[a-z0-9]+', title.lower()))} "
    return any(f" {' '.join(re.findall(r'[a-z0-9]+', word.lower()))} " in lowered for word in teach_words)


def better_placed(people: Collection[Person], item: Evidence, requester: Person | None) -> Person | None:
    """A peer on a team the request belongs to, who is not the requester."""
    teams = set(item.teams) | ({requester.team} if requester and requester.team else set())
    for person in people:
        if person.role in HELPERS and person.team in teams and person != requester:
            return person
    return None


def week_budget(
    record: Record, playbook: PlaybookFile, item: Evidence, budget_minutes: int, decided: dict[int, str]
) -> Budget:
    """What the week's other requests used before this one, and what this one costs."""
    default = playbook.triage.default_request_minutes
    monday = item.day - timedelta(days=item.day.weekday())
    earlier = [
        other
        for other in record.evidence
        if is_request(other)
        and monday <= other.day < monday + timedelta(days=7)
        and (other.occurred_at, other.id) < (item.occurred_at, item.id)
        and decided.get(other.id) not in NOT_SPENT
    ]
    return Budget(
        week=monday,
        budget=budget_minutes,
        used=sum(minutes_or(other, default) for other in earlier),
        cost=minutes_or(item, default),
        estimated=item.minutes is None,
    )


def current_move(record: Record, playbook: PlaybookFile) -> str | None:
    """The title of the playbook move the person's plan is in today (the later one where two overlap)."""
    if record.profile is None:
        return None
    month = min(12, max(1, (record.today - record.profile.plan_start).days // 30 + 1))
    titles = [move.title for move in playbook.moves if move.months[0] <= month <= move.months[1]]
    return titles[-1] if titles else playbook.moves[-1].title


def plan_fit(
    record: Record,
    playbook: PlaybookFile,
    item: Evidence,
    other_teams: tuple[str, ...],
    decision_maker: bool,
    recurrence: Recurrence,
) -> PlanFit:
    """Whether the request moves the plan forward, judged by the move the person is in and who asked."""
    phrases = wording()["plan"]
    move = current_move(record, playbook)
    if move is None:
        return PlanFit(False, phrases["no_plan"])
    if other_teams:
        return PlanFit(True, fill(phrases["cross_team"], {"move": move}))
    if decision_maker:
        return PlanFit(True, fill(phrases["decision_maker"], {"move": move}))
    return PlanFit(False, fill(phrases["off_move"], {"move": move}))
