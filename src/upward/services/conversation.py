"""Prepare the promotion conversation: talking points from the case, the usual objections each with the
person's own evidence, the ask, and what to do after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from upward.model import Kind
from upward.playbook.schema import Objection
from upward.services.case import YEAR, Case, promotion_case
from upward.services.context import Context
from upward.services.diagnosis import playbook
from upward.services.document_inputs import gather
from upward.services.update import DOCUMENT as UPDATE

KEEPS_THE_TEAM_GOING = frozenset({Kind.MENTORING, Kind.DOCUMENTATION, Kind.FRAMEWORK})


@dataclass(frozen=True)
class Answer:
    objection: Objection
    #: The person's answer from their record; empty when the record cannot answer it yet.
    evidence: list[str]

    def as_dict(self) -> dict[str, Any]:
        missing = None if self.evidence else self.objection.if_missing
        return {"id": self.objection.id, "says": self.objection.says, "why": self.objection.why,
                "evidence": self.evidence, "if_missing": missing}  # fmt: skip


@dataclass(frozen=True)
class Prep:
    case: Case
    talking_points: list[str]
    answers: list[Answer]
    ask: str
    after: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"talking_points": self.talking_points, "objections": [a.as_dict() for a in self.answers],
                "ask": self.ask, "after": self.after, "case": self.case.as_dict()}  # fmt: skip


def conversation(ctx: Context, ladder: str | None = None, level: str | None = None, today: date | None = None) -> Prep:
    today = today or date.today()
    case = promotion_case(ctx, ladder, level, today)
    record = gather(ctx, today).record
    guide = playbook(ctx).conversation
    own = record.within(YEAR)
    updates = sum(1 for i in own if UPDATE in i.tags)
    answers = [Answer(o, _evidence(o.answer_with, case, own_counts(own), updates)) for o in guide.objections]
    target = case.target_level or "the next level"
    return Prep(
        case=case,
        talking_points=[p.text for p in case.strongest],
        answers=answers,
        ask=guide.ask.replace("{target}", target),
        after=list(guide.after),
    )


def own_counts(items: list[Any]) -> dict[Kind, int]:
    counts: dict[Kind, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return counts


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _evidence(kind: str, case: Case, counts: dict[Kind, int], updates: int) -> list[str]:
    if kind == "next-level":
        return _next_level(case)
    if kind == "dispensable":
        return _dispensable(counts)
    return _known(case, updates)


def _next_level(case: Case) -> list[str]:
    found = []
    if case.coverage and case.coverage.shown:
        cov = case.coverage
        found.append(f"My work already shows {cov.shown} of the {len(cov.rows)} expectations of {cov.level.name}.")
    if case.scope.frameworks:
        found.append(f"I built {_plural(case.scope.frameworks, 'piece')} of strategic or reusable work others use.")
    if case.scope.teams:
        found.append(f"My work reached {_plural(len(case.scope.teams), 'other team')}: {', '.join(case.scope.teams)}.")
    legible = [p.text for p in case.strongest if p.legible]
    if legible:
        found.append(f"For example: {legible[0]}")
    return found


def _dispensable(counts: dict[Kind, int]) -> list[str]:
    found = []
    if counts.get(Kind.MENTORING):
        found.append(f"I taught, coached or unblocked colleagues {_plural(counts[Kind.MENTORING], 'time')} this year.")
    if counts.get(Kind.DOCUMENTATION):
        found.append(f"I wrote down what I know in {_plural(counts[Kind.DOCUMENTATION], 'document')} others work from.")
    if counts.get(Kind.FRAMEWORK):
        found.append(f"I built {_plural(counts[Kind.FRAMEWORK], 'reusable tool')} so others solve problems without me.")
    return found


def _known(case: Case, updates: int) -> list[str]:
    found = []
    for person in [p for p in case.decision_makers if p["contacts"]][:4]:
        found.append(f"{person['name']} ({person['role']}) has seen my work {_plural(person['contacts'], 'time')} "
                     "in the last six months.")  # fmt: skip
    if updates:
        found.append(f"I sent my skip-level {_plural(updates, 'monthly update')} this year.")
    return found
