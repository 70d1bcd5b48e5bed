"""Everything the analysis reads, in one value: the profile, the people, the evidence and today."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from upward.model import Evidence, Kind, Person, Profile, PromotionRole
from upward.model.evidence_columns import CROWD, EvidenceColumns, LazyEvidence

DECISION_MAKERS = frozenset(
    {
        PromotionRole.MANAGER,
        PromotionRole.SKIP_LEVEL,
        PromotionRole.PEER_MANAGER,
        PromotionRole.HR,
        PromotionRole.SPONSOR,
        PromotionRole.OTHER_TEAM_LEAD,
    }
)


@dataclass(frozen=True)
class Record:
    today: date
    profile: Profile | None
    people: tuple[Person, ...]
    #: Oldest first when read from the store; a `LazyEvidence` builds the items only if someone reads them.
    evidence: Sequence[Evidence]
    #: The latest self-assessment: question id -> answer id (empty if never taken).
    answers: Mapping[str, str] = field(default_factory=dict)

    def within(self, days: int) -> list[Evidence]:
        """Items from the last `days` days, up to today."""
        start = self.today - timedelta(days=days)
        return [item for item in self.evidence if start < item.day <= self.today]

    @cached_property
    def columns(self) -> EvidenceColumns:
        """The evidence as columns: what the diagnosis reads, fast even for a hundred thousand items."""
        if isinstance(self.evidence, LazyEvidence):
            return self.evidence.columns
        return EvidenceColumns.of(self.evidence)

    def item(self, row: int) -> Evidence:
        """The whole item in row `row` of `columns`."""
        build = self.columns.item
        return build(row) if build is not None else self.evidence[row]

    def contact_rows(self, person: Person) -> list[int]:
        """The rows (oldest first for a record read from the store) that show contact with `person`, up to today."""
        c = self.columns
        return [row for row in sorted(c.mentioning(names_of(person))) if c.days[row] <= self.today]

    def people_with(self, roles: Iterable[PromotionRole]) -> list[Person]:
        wanted = set(roles)
        return [person for person in self.people if person.role in wanted]

    @property
    def own_team(self) -> str | None:
        return self.profile.team.lower() if self.profile else None


def names_of(person: Person) -> set[str]:
    """The ways a person can appear on an item: their name, and their email."""
    return {n.lower() for n in (person.name, person.email) if n}


def mentions(item: Evidence, person: Person) -> bool:
    """Whether the item shows contact with `person`: they asked for it, or took part in something small."""
    names = names_of(person)
    if (item.requester or "").lower() in names:
        return True
    if len(item.people) > CROWD and "touchpoint" not in item.tags:
        return False
    return any(p.lower() in names for p in item.people)


def is_request(item: Evidence) -> bool:
    return item.kind is Kind.REQUEST


def minutes_or(item: Evidence, default: int) -> int:
    return item.minutes if item.minutes is not None else default
