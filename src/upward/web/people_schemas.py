"""The JSON shapes of /api/v1/people and /api/v1/projects."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from upward.analysis.people import NamesCheck, Standing
from upward.analysis.projects import ScoredProject
from upward.documents.charts.figures import Figure
from upward.model import Evidence

#: The model's names for person fields, as the API calls them.
PERSON_FIELDS = {"cadence": "cadence_days"}


class NamesCheckOut(BaseModel):
    count: int
    fewest: int
    most: int
    status: str = Field(description="ok, warning or red")
    missing_roles: list[str]
    message: str

    @classmethod
    def of(cls, check: NamesCheck) -> NamesCheckOut:
        return cls(
            count=check.count, fewest=check.fewest, most=check.most, status=check.status,
            missing_roles=[r.value for r in check.missing_roles], message=check.message,
        )  # fmt: skip


class PersonOut(BaseModel):
    id: int
    name: str
    role: str
    influence: int
    knows: str = Field(description="unknown, heard-of, knows-work or advocate")
    email: str | None
    title: str | None
    team: str | None
    notes: str
    decides: bool
    cadence_days: int | None
    last_contact: date | None
    days_since_contact: int | None
    overdue_days: int | None
    blind_spot: bool = Field(description="A strong say in the promotion, and does not know the work yet")

    @classmethod
    def of(cls, s: Standing) -> PersonOut:
        p = s.person
        return cls(
            id=p.id, name=p.name, role=p.role.value, influence=p.influence, knows=p.awareness.value, email=p.email,
            title=p.title, team=p.team, notes=p.notes, decides=s.decides, cadence_days=s.cadence_days,
            last_contact=s.last_contact.day if s.last_contact else None, days_since_contact=s.days_since,
            overdue_days=s.overdue_days, blind_spot=s.blind_spot,
        )  # fmt: skip


class ContactOut(BaseModel):
    id: int
    date: date
    title: str
    source: str

    @classmethod
    def of(cls, item: Evidence) -> ContactOut:
        return cls(id=item.id, date=item.day, title=item.title, source=item.source)


class PersonDetailOut(PersonOut):
    recent: list[ContactOut]


class MapOut(BaseModel):
    title: str
    summary: str
    svg: str

    @classmethod
    def of(cls, figure: Figure) -> MapOut:
        return cls(title=figure.title, summary=figure.summary, svg=figure.svg)


class PeopleOut(BaseModel):
    check: NamesCheckOut
    people: list[PersonOut]
    map: MapOut


class PersonIn(BaseModel):
    name: str = Field(examples=["Rachel Alvarez"])
    role: str = Field(default="other", examples=["skip-level"])
    influence: int = Field(default=3, description="1 (little say) to 5 (decides)")
    knows: str = Field(default="unknown", examples=["heard-of"])
    cadence_days: int | None = None
    email: str | None = None
    title: str | None = None
    team: str | None = None
    notes: str = ""

    def fields(self) -> dict[str, str]:
        return {name: _typed(value) for name, value in self._named().items()}

    def _named(self) -> dict[str, object]:
        values = self.model_dump(exclude_unset=isinstance(self, PersonPatchIn))
        for required in ("name", "role", "influence", "knows"):  # null leaves these as they are
            if values.get(required) is None:
                values.pop(required, None)
        if "cadence_days" in values:
            values["cadence"] = values.pop("cadence_days")
        return values


class PersonPatchIn(PersonIn):
    """Only the fields sent change; null empties an optional field (and leaves name, role, influence, knows)."""

    name: str | None = None  # type: ignore[assignment]
    role: str | None = None  # type: ignore[assignment]
    influence: int | None = None  # type: ignore[assignment]
    knows: str | None = None  # type: ignore[assignment]


class TalkIn(BaseModel):
    date: str | None = Field(default=None, description="YYYY-MM-DD or YYYY-MM-DDTHH:MM; default now")
    note: str = ""


def _typed(value: object) -> str:
    return "" if value is None else str(value)


class CriterionScoreOut(BaseModel):
    id: str
    question: str
    answer: str | None
    said_by: str = Field(description="'you', the facts that suggest the answer, or '' when still open")


class ProjectOut(BaseModel):
    id: int
    title: str
    summary: str
    teams: list[str]
    sponsor: str | None
    months: int | None
    status: str
    notes: str
    score: int = Field(description="0-100: the weighted share of the criteria met")
    criteria: list[CriterionScoreOut]
    open_questions: list[str]

    @classmethod
    def of(cls, s: ScoredProject) -> ProjectOut:
        p = s.project
        criteria = [
            CriterionScoreOut(
                id=c.id, question=c.question, answer=c.answer.value if c.answer else None, said_by=c.said_by
            )
            for c in s.criteria
        ]
        return cls(
            id=p.id, title=p.title, summary=p.summary, teams=list(p.teams), sponsor=p.sponsor, months=p.months,
            status=p.status.value, notes=p.notes, score=s.percent, criteria=criteria,
            open_questions=list(s.open_questions),
        )  # fmt: skip


class ProjectIn(BaseModel):
    title: str = Field(examples=["Rebuild the payments reconciliation"])
    summary: str = ""
    teams: list[str] = []
    sponsor: str | None = None
    months: int | None = None
    answers: dict[str, str] = Field(default={}, description="criterion id: yes, partly or no")
    notes: str = ""


class ProjectPatchIn(BaseModel):
    title: str | None = None
    summary: str | None = None
    teams: list[str] | None = None
    sponsor: str | None = None
    months: int | None = None
    answers: dict[str, str] | None = None
    notes: str | None = None
