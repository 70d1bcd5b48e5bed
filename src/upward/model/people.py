"""The people who decide on a promotion, and what they know of the person's work."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from upward.model.errors import InputError
from upward.model.parsing import clean_email, clean_text


class PromotionRole(StrEnum):
    MANAGER = "manager"
    SKIP_LEVEL = "skip-level"
    PEER_MANAGER = "peer-manager"
    HR = "hr"
    SPONSOR = "sponsor"
    OTHER_TEAM_LEAD = "other-team-lead"
    PEER = "peer"
    OTHER = "other"

    @classmethod
    def parse(cls, value: str) -> PromotionRole:
        try:
            return cls(value.strip().lower().replace("_", "-").replace(" ", "-"))
        except ValueError:
            choices = ", ".join(r.value for r in cls)
            raise InputError("role", f"'{value}' is not a role; use one of: {choices}") from None


class Awareness(StrEnum):
    """How well someone knows the person's work today."""

    UNKNOWN = "unknown"
    HEARD_OF = "heard-of"
    KNOWS_WORK = "knows-work"
    ADVOCATE = "advocate"


@dataclass(frozen=True, slots=True)
class PersonDraft:
    name: str
    role: PromotionRole = PromotionRole.OTHER
    email: str | None = None
    title: str | None = None
    team: str | None = None
    influence: int = 3
    awareness: Awareness = Awareness.UNKNOWN
    cadence_days: int | None = None
    notes: str = ""

    def validated(self) -> PersonDraft:
        if not 1 <= self.influence <= 5:
            raise InputError("influence", f"{self.influence} is out of range; use 1 (little) to 5 (decides)")
        if self.cadence_days is not None and not 1 <= self.cadence_days <= 366:
            raise InputError("cadence", "use a number of days between 1 and 366")
        return replace(
            self,
            name=clean_text(self.name, "name", required=True, limit=120),
            email=clean_email(self.email, "email"),
            title=clean_text(self.title, "title", limit=120) or None,
            team=clean_text(self.team, "team", limit=120).lower() or None,
            notes=self.notes.strip(),
        )


@dataclass(frozen=True, slots=True)
class Person(PersonDraft):
    id: int = 0
    owner_id: int = 0
