"""Evidence: anything the person did or was asked to do. The one record everything reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from itertools import repeat
from typing import Generic, TypeVar

from upward.model.errors import InputError
from upward.model.parsing import clean_entry, clean_text, parse_when, storable

MAX_TITLE = 500
MAX_MINUTES = 24 * 60 * 14  # two weeks of non-stop work is already generous


class Kind(StrEnum):
    """What sort of work an evidence item is. Wording here is what people see."""

    DELIVERY = "delivery"
    REQUEST = "request"
    INCIDENT = "incident"
    REVIEW = "review"
    MENTORING = "mentoring"
    DOCUMENTATION = "documentation"
    DESIGN = "design"
    STRATEGY = "strategy"
    FRAMEWORK = "framework"
    MEETING = "meeting"
    PRESENTATION = "presentation"
    RECOGNITION = "recognition"
    OTHER = "other"

    @property
    def description(self) -> str:
        return KIND_DESCRIPTIONS[self]

    @classmethod
    def parse(cls, value: str, *, field_name: str = "kind") -> Kind:
        cleaned = value.strip().lower()
        try:
            return cls(cleaned)
        except ValueError:
            choices = ", ".join(k.value for k in cls)
            raise InputError(field_name, f"'{value}' is not a kind of work; use one of: {choices}") from None


KIND_DESCRIPTIONS: dict[Kind, str] = {
    Kind.DELIVERY: "Work you shipped or finished",
    Kind.REQUEST: "Something someone else asked you to do",
    Kind.INCIDENT: "Firefighting: an outage, an urgent bug, a fix that could not wait",
    Kind.REVIEW: "Reviewing someone else's work",
    Kind.MENTORING: "Teaching, coaching or unblocking someone",
    Kind.DOCUMENTATION: "Writing that explains, records or decides",
    Kind.DESIGN: "Research, prototypes, specs and design work",
    Kind.STRATEGY: "Deciding what should be done, and why",
    Kind.FRAMEWORK: "Something reusable that lets others solve a whole class of problem",
    Kind.MEETING: "A meeting or a conversation",
    Kind.PRESENTATION: "A talk, a demo or an update you gave",
    Kind.RECOGNITION: "Thanks or praise someone gave you",
    Kind.OTHER: "Anything else worth remembering",
}

_METRIC = re.compile(r"^\s*(?P<name>[^:]+?)\s*:\s*(?P<rest>.+?)\s*$")
_ARROW = re.compile(r"\s*(?:->|→|=>)\s*")


@dataclass(frozen=True, slots=True)
class Metric:
    """A measured change, such as `latency: 4s -> 1.2s`, or a single value, `users: 120k`."""

    name: str
    after: str
    before: str | None = None

    @classmethod
    def parse(cls, text: str) -> Metric:
        match = _METRIC.match(text)
        if not match:
            raise InputError("metric", f"'{text}' needs a name and a value, like 'latency: 4s -> 1.2s'")
        parts = _ARROW.split(match["rest"], maxsplit=1)
        if len(parts) == 2 and parts[0] and parts[1]:
            return cls(name=match["name"], before=parts[0], after=parts[1])
        if any(arrow in match["rest"] for arrow in ("->", "→", "=>")):
            raise InputError("metric", f"'{text}' needs a value on both sides of the arrow")
        return cls(name=match["name"], after=match["rest"])

    def __str__(self) -> str:
        if self.before is None:
            return f"{self.name}: {self.after}"
        return f"{self.name}: {self.before} -> {self.after}"

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, data: dict[str, str | None]) -> Metric:
        return cls(name=str(data["name"]), before=data.get("before"), after=str(data["after"]))


@dataclass(frozen=True, slots=True)
class EvidenceDraft:
    """Evidence on its way in: what a person logs or an importer yields."""

    title: str
    occurred_at: datetime
    kind: Kind = Kind.DELIVERY
    body: str = ""
    source: str = "log"
    source_id: str | None = None
    url: str | None = None
    requester: str | None = None
    teams: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    minutes: int | None = None
    metrics: tuple[Metric, ...] = ()
    project: str | None = None
    tags: tuple[str, ...] = ()

    def validated(self) -> EvidenceDraft:
        """The same draft, cleaned; raises InputError naming the first wrong field.

        Imports validate every item, so this is written for speed: names, teams and tags repeat and are
        cleaned once each, and a draft that is already clean is returned as it is.
        """
        title = clean_text(self.title, "text", required=True, limit=MAX_TITLE)
        if self.minutes is not None and not 0 <= self.minutes <= MAX_MINUTES:
            raise InputError("minutes", f"{self.minutes} is not a sensible duration; use 0 to {MAX_MINUTES} minutes")
        body = storable(self.body).strip()
        requester = _short_text(self.requester, "from")
        project = _short_text(self.project, "project")
        url = _short_text(self.url, "url")
        teams, people, tags = _lowered(self.teams), _entries(self.people, False), _lowered(self.tags)
        if (title, body, requester, project, url, teams, people, tags) == (
            self.title, self.body, self.requester, self.project, self.url, self.teams, self.people, self.tags
        ):  # fmt: skip
            return self
        if type(self) is not EvidenceDraft:
            return replace(self, title=title, body=body, requester=requester, project=project, url=url, teams=teams,
                           people=people, tags=tags)  # fmt: skip
        return EvidenceDraft(title, self.occurred_at, self.kind, body, self.source, self.source_id, url, requester,
                             teams, people, self.minutes, self.metrics, project, tags)  # fmt: skip


@lru_cache(maxsize=4096)
def _short_text(value: str | None, field_name: str) -> str | None:
    """A requester, project or link as stored (None when empty); they repeat, so each is cleaned once."""
    return clean_text(value, field_name) or None


def _entries(values: tuple[str, ...], lower: bool) -> tuple[str, ...]:
    """Teams, people or tags as stored: `clean_list` without splitting, as a tuple."""
    return tuple(dict.fromkeys(filter(None, map(clean_entry, values, repeat(lower)))))


def _lowered(values: tuple[str, ...]) -> tuple[str, ...]:
    """Teams or tags as stored; an import repeats the same few lists, so each list is cleaned once."""
    return _lowered_list(values) if type(values) is tuple else _entries(values, True)


@lru_cache(maxsize=4096)
def _lowered_list(values: tuple[str, ...]) -> tuple[str, ...]:
    return _entries(values, True)


@dataclass(frozen=True, slots=True)
class Evidence(EvidenceDraft):
    """Evidence as stored: a draft with an identity and a history."""

    id: int = 0
    owner_id: int = 0
    import_run_id: int | None = None
    created_at: datetime = field(default_factory=datetime.now)
    updated_at: datetime = field(default_factory=datetime.now)
    edited_at: datetime | None = None  # when the person last corrected it; imports then leave it alone

    @property
    def day(self) -> date:
        return self.occurred_at.date()


@dataclass(frozen=True, slots=True)
class EvidencePatch:
    """A correction: only the fields given are changed."""

    title: str | None = None
    body: str | None = None
    occurred_at: datetime | None = None
    kind: Kind | None = None
    requester: str | None = None
    teams: tuple[str, ...] | None = None
    people: tuple[str, ...] | None = None
    minutes: int | None = None
    metrics: tuple[Metric, ...] | None = None
    project: str | None = None
    tags: tuple[str, ...] | None = None
    url: str | None = None
    clear: tuple[str, ...] = ()  # optional fields to empty, such as ("minutes",)

    def apply(self, item: EvidenceDraft) -> EvidenceDraft:
        cleared = dict.fromkeys(self.clear)
        return replace(item, **self.changes(), **cleared).validated()  # type: ignore[arg-type]

    def changes(self) -> dict[str, object]:
        return {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if name != "clear" and getattr(self, name) is not None
        }


@dataclass(frozen=True, slots=True)
class EvidenceFilter:
    """What to show: every field narrows the list; `text` uses the full-text index."""

    date_from: date | None = None
    date_to: date | None = None
    kind: Kind | None = None
    source: str | None = None
    team: str | None = None
    project: str | None = None
    text: str | None = None
    #: Only these items (the evidence behind a finding); an empty tuple matches nothing, None everything.
    ids: tuple[int, ...] | None = None
    page: int = 1
    per_page: int = 50

    def validated(self) -> EvidenceFilter:
        if self.page < 1:
            raise InputError("page", "pages start at 1")
        if not 1 <= self.per_page <= 500:
            raise InputError("per page", "show between 1 and 500 items a page")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InputError("dates", f"'from' ({self.date_from}) is after 'to' ({self.date_to})")
        return replace(
            self,
            team=(self.team or "").strip().lower() or None,
            source=(self.source or "").strip().lower() or None,
            project=(self.project or "").strip() or None,
            text=(self.text or "").strip() or None,
        )


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def parse_metrics(values: list[str] | tuple[str, ...]) -> tuple[Metric, ...]:
    return tuple(Metric.parse(value) for value in values if value.strip())


def when_or_now(value: str | None, *, field_name: str = "date") -> datetime:
    return parse_when(value, field_name) if value else datetime.now().replace(microsecond=0)
