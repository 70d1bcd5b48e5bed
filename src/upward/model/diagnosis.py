"""What the diagnosis says: findings with a status, the evidence behind them, and one next step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    RED = "red"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"ok": "On track", "warning": "Worth a look", "red": "Red flag", "unknown": "Not enough data"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    title: str
    area: str
    status: Status
    #: One plain sentence: what the record shows (or, when unknown, what is missing).
    summary: str
    #: How it was measured, in plain words, with the threshold used.
    how: str
    #: The evidence behind it, so the person can check.
    evidence_ids: tuple[int, ...] = ()
    #: What would settle an unknown finding ("import your calendar").
    missing: str | None = None
    #: The playbook action it calls for.
    next_action_id: str = ""
    next_action: str = ""
    #: The measured value (a share, a count, days), for charts and the API.
    value: float | None = None
    #: True when the status comes from the self-assessment because the record can't settle it yet.
    from_answers: bool = False
    #: Where the person's own answer and their record disagree, in plain words.
    contradiction: str | None = None


@dataclass(frozen=True, slots=True)
class AreaScore:
    id: str
    title: str
    #: 0 (stuck) to 100 (unstuck); None when every finding in the area is unknown.
    score: int | None
    how: str


@dataclass(frozen=True, slots=True)
class Diagnosis:
    day: date
    findings: tuple[Finding, ...]
    areas: tuple[AreaScore, ...]
    #: 0 (moving) to 100 (fully stalled); None with too little data to say.
    stall_score: int | None
    next_actions: tuple[str, ...] = field(default=())

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.findings if f.id == finding_id)
