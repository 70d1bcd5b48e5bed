"""The JSON shapes of /api/v1, described in the app's OpenAPI document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

from pydantic import BaseModel, Field

from upward.documents.diagnosis import stall_sentence
from upward.model import Evidence, EvidenceDraft, EvidencePatch, InputError, Kind, Page, Profile
from upward.model.diagnosis import Diagnosis, Status
from upward.model.evidence import parse_metrics
from upward.model.forms import draft_from_fields
from upward.model.parsing import clean_list, parse_when

T = TypeVar("T")

#: The model's names for evidence fields, as the API calls them (the model speaks the CLI's language).
EVIDENCE_FIELDS = {"text": "title", "from": "requester", "metric": "metrics", "date": "occurred_at"}


class MetricOut(BaseModel):
    name: str
    before: str | None
    after: str


class EvidenceOut(BaseModel):
    id: int
    occurred_at: datetime
    kind: Kind
    title: str
    body: str
    source: str
    source_id: str | None
    url: str | None
    requester: str | None
    teams: list[str]
    people: list[str]
    minutes: int | None
    metrics: list[MetricOut]
    project: str | None
    tags: list[str]
    import_run_id: int | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, item: Evidence) -> EvidenceOut:
        return cls(
            id=item.id, occurred_at=item.occurred_at, kind=item.kind, title=item.title, body=item.body,
            source=item.source, source_id=item.source_id, url=item.url, requester=item.requester,
            teams=list(item.teams), people=list(item.people), minutes=item.minutes,
            metrics=[MetricOut(name=m.name, before=m.before, after=m.after) for m in item.metrics],
            project=item.project, tags=list(item.tags), import_run_id=item.import_run_id,
            created_at=item.created_at, updated_at=item.updated_at,
        )  # fmt: skip


class EvidencePageOut(BaseModel):
    items: list[EvidenceOut]
    total: int
    page: int
    per_page: int
    pages: int

    @classmethod
    def of(cls, page: Page[Evidence]) -> EvidencePageOut:
        items = [EvidenceOut.of(item) for item in page.items]
        return cls(items=items, total=page.total, page=page.page, per_page=page.per_page, pages=page.pages)


class EvidenceIn(BaseModel):
    """A new item. Only `title` is required; a `requester` makes it a request unless `kind` says otherwise."""

    title: str = Field(examples=["Cut checkout latency from 4s to 1.2s"])
    kind: str | None = Field(default=None, examples=["delivery"])
    occurred_at: str | None = Field(default=None, description="YYYY-MM-DD or YYYY-MM-DDTHH:MM; default now")
    requester: str | None = None
    teams: list[str] = []
    people: list[str] = []
    minutes: int | None = None
    metrics: list[str] = Field(default=[], examples=[["latency: 4s -> 1.2s"]])
    project: str | None = None
    tags: list[str] = []
    body: str = ""
    url: str | None = None

    def to_draft(self) -> EvidenceDraft:
        return draft_from_fields(
            text=self.title, kind=self.kind, date=self.occurred_at, requester=self.requester, teams=self.teams,
            people=self.people, tags=self.tags, minutes=self.minutes, project=self.project, metrics=self.metrics,
            body=self.body, url=self.url,
        )  # fmt: skip


REQUIRED_FIELDS = frozenset({"title", "kind", "occurred_at"})
CLEARABLE_FIELDS = frozenset({"requester", "minutes", "project", "url"})


class EvidencePatchIn(BaseModel):
    """A correction: only the fields present change. `null` empties an optional field (or a list)."""

    title: str | None = None
    kind: str | None = None
    occurred_at: str | None = Field(default=None, description="YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    requester: str | None = None
    teams: list[str] | None = None
    people: list[str] | None = None
    minutes: int | None = None
    metrics: list[str] | None = None
    project: str | None = None
    tags: list[str] | None = None
    body: str | None = None
    url: str | None = None

    def to_patch(self) -> EvidencePatch:
        nulls = {name for name in self.model_fields_set if getattr(self, name) is None}
        if nulls & REQUIRED_FIELDS:
            raise InputError(min(nulls & REQUIRED_FIELDS), "can't be null; leave it out to keep it as it is")
        return EvidencePatch(
            title=self.title,
            kind=None if self.kind is None else Kind.parse(self.kind),
            occurred_at=None if self.occurred_at is None else parse_when(self.occurred_at, "occurred_at"),
            requester=self.requester,
            teams=_list_change(self.teams, "teams" in nulls, clean_list),
            people=_list_change(self.people, "people" in nulls, clean_list),
            minutes=self.minutes,
            metrics=_list_change(self.metrics, "metrics" in nulls, parse_metrics),
            project=self.project,
            tags=_list_change(self.tags, "tags" in nulls, clean_list),
            body="" if "body" in nulls else self.body,
            url=self.url,
            clear=tuple(sorted(nulls & CLEARABLE_FIELDS)),
        )


def _list_change(
    values: list[str] | None, emptied: bool, parse: Callable[[list[str]], Iterable[T]]
) -> tuple[T, ...] | None:
    """No change when the field was left out; the parsed values, or none at all for `null`."""
    if values is None and not emptied:
        return None
    return tuple(parse(values or []))


class ProfileBody(BaseModel):
    name: str
    role: str
    current_level: str
    target_level: str
    team: str
    manager_name: str
    manager_email: str | None = None
    skip_level_name: str
    skip_level_email: str | None = None
    plan_start: date

    @classmethod
    def of(cls, profile: Profile) -> ProfileBody:
        return cls.model_validate(profile, from_attributes=True)

    def answers(self) -> dict[str, str]:
        """The body as onboarding answers, so the API checks them exactly as the onboarding page does."""
        return {name: "" if value is None else str(value) for name, value in self.model_dump().items()}


class DiagnosisSummaryOut(BaseModel):
    """The top of the dashboard. The whole diagnosis, with every finding and chart, is at `details`."""

    stall_score: int | None = Field(description="0 (moving) to 100 (fully stalled); null with too little data")
    sentence: str
    red_flags: list[str] = Field(description="The titles of the findings that are red flags")
    next_actions: list[str] = Field(description="The three actions that matter most this week")
    details: str = "/api/v1/diagnosis"

    @classmethod
    def of(cls, diagnosis: Diagnosis) -> DiagnosisSummaryOut:
        red = [f.title for f in diagnosis.findings if f.status is Status.RED]
        sentence = stall_sentence(diagnosis)
        return cls(stall_score=diagnosis.stall_score, sentence=sentence, red_flags=red,
                   next_actions=list(diagnosis.next_actions))  # fmt: skip


class HomeOut(BaseModel):
    """The home page: the profile, the latest work, how many items are recorded in all, and the diagnosis."""

    profile: ProfileBody
    recent: list[EvidenceOut]
    total: int
    diagnosis: DiagnosisSummaryOut
