"""Candidate visible projects: what each one is, and the person's answers to the playbook's criteria."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from upward.model.errors import InputError
from upward.model.parsing import clean_list, clean_text, storable

MAX_MONTHS = 36


class ProjectStatus(StrEnum):
    CANDIDATE = "candidate"
    CHOSEN = "chosen"
    DROPPED = "dropped"


class Answer(StrEnum):
    """The answer to one criterion ("Does it touch several teams?")."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"

    @property
    def value_points(self) -> float:
        return {Answer.YES: 1.0, Answer.PARTLY: 0.5, Answer.NO: 0.0}[self]

    @classmethod
    def parse(cls, value: str, field_name: str) -> Answer:
        text = value.strip().lower()
        text = {"y": "yes", "n": "no", "true": "yes", "false": "no", "some": "partly", "maybe": "partly"}.get(
            text, text
        )
        try:
            return cls(text)
        except ValueError:
            raise InputError(field_name, f"'{value}' is not an answer; use yes, partly or no") from None


def parse_months(value: str | int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        months = int(str(value).strip())
    except ValueError:
        raise InputError("months", f"'{value}' is not a number of months; write a whole number like 3") from None
    if not 1 <= months <= MAX_MONTHS:
        raise InputError("months", f"{months} is out of range; use 1 to {MAX_MONTHS} months")
    return months


@dataclass(frozen=True, slots=True)
class ProjectDraft:
    title: str
    summary: str = ""
    #: The teams the project touches (besides or including the person's own).
    teams: tuple[str, ...] = ()
    #: Who backs it: ideally an executive. A name, as the person writes it.
    sponsor: str | None = None
    #: How long it should take, in months.
    months: int | None = None
    #: criterion id -> the person's answer; a criterion not answered yet is absent.
    answers: Mapping[str, Answer] = field(default_factory=dict)
    notes: str = ""

    def validated(self) -> ProjectDraft:
        if self.months is not None and not 1 <= self.months <= MAX_MONTHS:
            raise InputError("months", f"{self.months} is out of range; use 1 to {MAX_MONTHS} months")
        return replace(
            self,
            title=clean_text(self.title, "title", required=True, limit=200),
            summary=storable(self.summary).strip()[:4000],
            teams=tuple(clean_list(self.teams, lower=True)),
            sponsor=clean_text(self.sponsor, "sponsor", limit=120) or None,
            answers=dict(self.answers),
            notes=storable(self.notes).strip(),
        )


@dataclass(frozen=True, slots=True)
class Project(ProjectDraft):
    id: int = 0
    owner_id: int = 0
    status: ProjectStatus = ProjectStatus.CANDIDATE
    chosen_at: datetime | None = None
    created_at: datetime = field(default_factory=datetime.now)
    updated_at: datetime = field(default_factory=datetime.now)

    @property
    def chosen(self) -> bool:
        return self.status is ProjectStatus.CHOSEN
