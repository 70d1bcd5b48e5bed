"""What the person decided about a request. The choices themselves are playbook data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Decision:
    """The person's own answer to a request: a playbook choice id, with the day and an optional note."""

    evidence_id: int
    choice: str
    recommended: str
    decided_on: date
    note: str = ""
    updated_at: datetime | None = None
