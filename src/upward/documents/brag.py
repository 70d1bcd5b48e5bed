"""The brag document: everything the person did in a period, grouped the way a review or a promotion case reads it.

Pure: it takes the evidence, the stories and the person's own team, and returns plain data for the template.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urlsplit

from upward.documents.story_versions import story_text
from upward.model import Evidence, Kind
from upward.model.story import Story

#: Tags a person puts on work that is not part of their job description.
OUTSIDE_TAGS = frozenset({"outside-role", "outside-job", "stretch", "volunteer", "extra-mile", "side-project"})
DESIGN_AND_DOCS = frozenset({Kind.DESIGN, Kind.DOCUMENTATION, Kind.PRESENTATION})
COLLABORATION = frozenset({Kind.MENTORING, Kind.REVIEW, Kind.REQUEST})
LEFT_OUT = frozenset({Kind.MEETING})
SECTIONS = {
    "projects": "Projects",
    "design-and-documentation": "Design and documentation",
    "collaboration-and-mentoring": "Collaboration and mentoring",
    "outside-the-job": "Work outside the job description",
    "recognition": "What others said",
}
NO_PROJECT = "Other work I delivered"


@dataclass(frozen=True, slots=True)
class Entry:
    day: date
    title: str
    detail: str  # metrics, teams, who asked: the facts that make a line worth reading
    url: str | None
    evidence_id: int

    def as_dict(self) -> dict[str, object]:
        return {"day": self.day.isoformat(), "title": self.title, "detail": self.detail, "url": self.url,
                "evidence_id": self.evidence_id}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Brag:
    date_from: date
    date_to: date
    name: str | None
    stories: list[tuple[str, str]]  # (title, text)
    projects: dict[str, list[Entry]]  # project name -> entries, biggest project first
    sections: dict[str, list[Entry]] = field(default_factory=dict)  # the other sections, by id
    meetings_left_out: int = 0

    @property
    def total(self) -> int:
        return sum(len(entries) for entries in self.projects.values()) + sum(map(len, self.sections.values()))

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "name": self.name,
            "stories": [{"title": title, "text": text} for title, text in self.stories],
            "projects": {name: [e.as_dict() for e in entries] for name, entries in self.projects.items()},
            **{key: [e.as_dict() for e in self.sections.get(key, [])] for key in SECTIONS if key != "projects"},
            "meetings_left_out": self.meetings_left_out,
        }


def section_of(item: Evidence, own_team: str | None) -> str | None:
    """Which section an item belongs in; None for what a brag document leaves out (meetings)."""
    if item.kind in LEFT_OUT:
        return None
    if item.kind is Kind.RECOGNITION:
        return "recognition"
    if set(item.tags) & OUTSIDE_TAGS or (item.kind not in COLLABORATION and _only_other_teams(item, own_team)):
        return "outside-the-job"
    if item.kind in DESIGN_AND_DOCS:
        return "design-and-documentation"
    if item.kind in COLLABORATION:
        return "collaboration-and-mentoring"
    return "projects"


def build_brag(
    evidence: list[Evidence],
    stories: list[Story],
    *,
    date_from: date,
    date_to: date,
    own_team: str | None = None,
    name: str | None = None,
) -> Brag:
    projects: dict[str, list[Entry]] = defaultdict(list)
    sections: dict[str, list[Entry]] = defaultdict(list)
    meetings = 0
    for item in sorted(evidence, key=lambda e: (e.occurred_at, e.id)):
        if not date_from <= item.day <= date_to:
            continue
        section = section_of(item, own_team)
        if section is None:
            meetings += 1
        elif section == "projects":
            projects[item.project or NO_PROJECT].append(_entry(item, own_team))
        else:
            sections[section].append(_entry(item, own_team))
    ordered = dict(sorted(projects.items(), key=lambda kv: (kv[0] == NO_PROJECT, -len(kv[1]), kv[0].lower())))
    told = [(story.title, story_text(story)) for story in stories if _story_day(story, date_from, date_to)]
    return Brag(date_from, date_to, name, told, ordered, dict(sections), meetings)


def _only_other_teams(item: Evidence, own_team: str | None) -> bool:
    return bool(own_team and item.teams and own_team.lower() not in item.teams)


def _entry(item: Evidence, own_team: str | None) -> Entry:
    facts = [str(metric) for metric in item.metrics]
    if item.requester:
        facts.append(f"for {item.requester}")
    others = [team for team in item.teams if team != (own_team or "").lower()]
    if others:
        facts.append("with " + ", ".join(others))
    return Entry(item.day, item.title, "; ".join(facts), _safe_url(item.url), item.id)


def _safe_url(url: str | None) -> str | None:
    """An http(s) link with every character that could end a Markdown link or start markup percent-encoded."""
    if not url or urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def _story_day(story: Story, date_from: date, date_to: date) -> bool:
    day = story.occurred_on or story.updated_at.date()
    return date_from <= day <= date_to
