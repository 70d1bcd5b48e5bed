"""The JSON shapes of /api/v1, described in the app's OpenAPI document."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from upward.model import Evidence, Kind, Profile


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
            metrics=[MetricOut(**m.as_dict()) for m in item.metrics],  # type: ignore[arg-type]
            project=item.project, tags=list(item.tags), import_run_id=item.import_run_id,
            created_at=item.created_at, updated_at=item.updated_at,
        )  # fmt: skip


class EvidencePageOut(BaseModel):
    items: list[EvidenceOut]
    total: int
    page: int
    per_page: int
    pages: int


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


class EvidencePatchIn(BaseModel):
    """A correction: only the fields present change."""

    title: str | None = None
    kind: str | None = None
    occurred_at: str | None = None
    requester: str | None = None
    teams: list[str] | None = None
    people: list[str] | None = None
    minutes: int | None = None
    metrics: list[str] | None = None
    project: str | None = None
    tags: list[str] | None = None
    body: str | None = None
    url: str | None = None


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

    def to_profile(self) -> Profile:
        return Profile(**self.model_dump())
