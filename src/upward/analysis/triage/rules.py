"""Which of the playbook's request choices fits a request, and why, in one sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from upward.analysis.triage.facts import Facts
from upward.analysis.triage.wording import fill, wording
from upward.playbook import PlaybookFile
from upward.playbook.schema import RequestChoice


@dataclass(frozen=True, slots=True)
class Recommendation:
    choice: RequestChoice
    reason: str  # one sentence, from the facts


def choose(facts: Facts, playbook: PlaybookFile) -> str:
    """The choice the facts point to (a suggestion: the person decides)."""
    if recurs(facts, playbook):
        return "systematize"
    if facts.decision_maker:
        return "solve"
    if facts.budget.over and not facts.plan.fits:
        return "delegate" if facts.owner else "decline"
    if facts.recurrence.seen_before or facts.wants_to_learn:
        return "teach"
    if facts.plan.fits:
        return "solve"
    if facts.owner:
        return "delegate"
    return "solve"


def recurs(facts: Facts, playbook: PlaybookFile) -> bool:
    """Similar requests came often enough, from enough people, to be worth a systemic fix."""
    rules = playbook.triage
    return facts.recurrence.count >= rules.recurring_at and len(facts.recurrence.requesters) >= rules.recurring_people


def recommend(facts: Facts, playbook: PlaybookFile) -> Recommendation:
    wanted = choose(facts, playbook)
    choices = {choice.id: choice for choice in playbook.request_choices}
    choice = choices.get(wanted) or choices.get("solve") or playbook.request_choices[0]
    return Recommendation(choice=choice, reason=reason(facts, choice.id, recurring=recurs(facts, playbook)))


def reason(facts: Facts, choice: str, *, recurring: bool) -> str:
    """One sentence: the phrases for the choice's questions, deciding facts first."""
    order: list[str] = wording()["reasons"].get(choice) or wording()["reasons"]["solve"]
    values = fact_values(facts)
    phrases = [p for p in (phrase(facts, question, values, recurring) for question in order) if p]
    if not phrases:
        return ""
    text = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + ", and " + phrases[-1]
    return text[0].upper() + text[1:] + "."


def phrase(facts: Facts, question: str, values: dict[str, str], recurring: bool) -> str | None:
    said: dict[str, str] = wording()["facts"]
    key: str | None
    if question == "recurrence":
        key = "recurring" if recurring else ("seen_before" if facts.recurrence.seen_before else "new")
    elif question == "plan":
        key = "fits_plan" if facts.plan.fits else "off_plan"
    elif question == "decision_maker":
        key = "decision_maker" if facts.decision_maker else "not_decision_maker"
        key = key if facts.requester_name else "nobody_named"
    elif question == "teams":
        key = "other_teams" if facts.other_teams else "own_team"
    elif question == "budget":
        key = "over_budget" if facts.budget.over else "within_budget"
    elif question == "owner":
        key = "owner" if facts.owner else None
    elif question == "learn":
        key = "wants_to_learn" if facts.wants_to_learn else None
    else:
        key = None
    return fill(said[key], values) if key else None


def fact_values(facts: Facts) -> dict[str, str]:
    recurrence, budget = facts.recurrence, facts.budget
    values = {
        "requester": facts.requester_name or "",
        "requester_or_they": facts.requester_name or "they",
        "role": wording()["roles"].get(facts.requester.role.value, "") if facts.requester else "",
        "teams": and_list(facts.other_teams),
        "why": facts.plan.why,
        "total": duration(budget.total),
        "budget": duration(budget.budget),
        "ordinal": ordinal(recurrence.count),
        "count": str(recurrence.count),
        "people": people(recurrence.requesters),
        "owner": facts.owner.name if facts.owner else "",
        "owner_team": f"{facts.owner.team}" if facts.owner and facts.owner.team else "their team",
    }
    if recurrence.since:
        values["since"] = day(recurrence.since, facts.item.day)
    if recurrence.last:
        values["last_day"] = day(recurrence.last.day, facts.item.day)
        values["last_title"] = recurrence.last.title
    if recurrence.pattern_title:
        values["pattern"] = recurrence.pattern_title
    return values


def duration(minutes: int) -> str:
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def day(value: date, today: date) -> str:
    return f"{value.day} {value:%b}" + ("" if value.year == today.year else f" {value.year}")


def and_list(names: tuple[str, ...] | list[str], most: int = 3) -> str:
    names = list(names)
    if len(names) > most:
        names = [*names[: most - 1], f"{len(names) - most + 1} others"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def people(names: tuple[str, ...]) -> str:
    if not names:
        return "people who were not named"
    if len(names) == 1:
        return f"{names[0]} each time"
    return f"{len(names)} people ({and_list(names)})"
