"""Points a decision-maker reads: the strongest work first, each checked for legibility."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from upward.analysis.findings import OWN_WORK, STRATEGIC
from upward.analysis.legibility import check
from upward.analysis.outcomes import has_business_outcome
from upward.model import Evidence

#: The score from which the legibility check says "a non-expert would follow this".
LEGIBLE = 85


@dataclass(frozen=True, slots=True)
class Point:
    """One thing to tell a decision-maker, where it came from, and what the legibility check found."""

    text: str
    source: str  # "story" or "evidence"
    ids: tuple[int, ...]
    score: int
    findings: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def legible(self) -> bool:
        return self.score >= LEGIBLE

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "source": self.source, "ids": list(self.ids), "legibility": self.score,
                "legible": self.legible, "findings": list(self.findings)}  # fmt: skip


def checked(text: str, source: str, ids: Iterable[int], audience: str = "skip-level") -> Point:
    verdict = check(text, audience)
    findings = tuple(f.as_dict() for f in verdict.findings)
    return Point(text=text, source=source, ids=tuple(ids), score=verdict.score, findings=findings)


def weight(item: Evidence, own_team: str | None) -> float:
    """How strongly an item speaks to a decision-maker: outcomes, then measures, then reach and leverage."""
    score = 0.0
    if has_business_outcome(item):
        score += 3
    if item.metrics:
        score += 2
    if item.kind in STRATEGIC:
        score += 2
    if own_team and any(team != own_team for team in item.teams):
        score += 1
    return score


def evidence_text(item: Evidence) -> str:
    text = item.title.rstrip(".") + "."
    measured = [f"{m.name} went from {m.before} to {m.after}" if m.before else f"{m.name}: {m.after}"
                for m in item.metrics]  # fmt: skip
    if measured:
        text += " " + "; ".join(measured).capitalize() + "."
    body = item.body.strip().split("\n")[0]
    if body and has_business_outcome(Evidence(title=body, occurred_at=item.occurred_at)):
        text += " " + body
    return text


def untold(items: Sequence[Evidence], told: Iterable[int]) -> list[Evidence]:
    """The items no story tells yet: neither the stories' own evidence nor other work on the same projects."""
    told_ids = set(told)
    projects = {i.project for i in items if i.id in told_ids and i.project}
    return [i for i in items if i.id not in told_ids and (i.project is None or i.project not in projects)]


def strongest(items: Sequence[Evidence], own_team: str | None, limit: int, *, least: float = 0) -> list[Evidence]:
    """The person's own work, strongest first, one item per project; items weighing `least` or less are left out."""
    candidates = [i for i in items if i.kind in OWN_WORK and weight(i, own_team) > least]
    candidates.sort(key=lambda i: (-weight(i, own_team), -i.occurred_at.timestamp()))
    seen: set[str] = set()
    chosen: list[Evidence] = []
    for item in candidates:
        key = (item.project or item.title).lower()
        if key not in seen:
            seen.add(key)
            chosen.append(item)
        if len(chosen) == limit:
            break
    return chosen
