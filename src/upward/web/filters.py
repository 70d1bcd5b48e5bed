"""The evidence filters as query parameters, shared by the page and its JSON twin."""

from __future__ import annotations

from urllib.parse import urlencode

from pydantic import BaseModel, Field

from upward.model import EvidenceFilter, Kind
from upward.model.parsing import parse_day

MAX_PAGE = 1_000_000  # keeps the offset within what both databases accept


class EvidenceQuery(BaseModel):
    q: str | None = Field(default=None, description="Words to search for (full-text, prefixes match)")
    date_from: str | None = Field(default=None, alias="from", description="YYYY-MM-DD")
    date_to: str | None = Field(default=None, alias="to", description="YYYY-MM-DD")
    kind: str | None = None
    source: str | None = None
    team: str | None = None
    project: str | None = None
    finding: str | None = Field(default=None, description="A finding's id: only the evidence behind it")
    page: int = Field(default=1, ge=1, le=MAX_PAGE)
    per_page: int = Field(default=25, ge=1, le=500)

    model_config = {"populate_by_name": True}

    def to_filter(self) -> EvidenceFilter:
        return EvidenceFilter(
            date_from=parse_day(self.date_from, "from") if self.date_from else None,
            date_to=parse_day(self.date_to, "to") if self.date_to else None,
            kind=Kind.parse(self.kind) if self.kind else None,
            source=self.source,
            team=self.team,
            project=self.project,
            text=self.q,
            page=self.page,
            per_page=self.per_page,
        ).validated()

    def url(self, path: str, **changes: object) -> str:
        """`path` with these filters and `changes` (for paging links); empty values and defaults are left out."""
        values = self.model_dump(by_alias=True, exclude_defaults=True) | changes
        query = urlencode({k: v for k, v in values.items() if v not in (None, "")})
        return f"{path}?{query}" if query else path
