"""Keeping the recurring-request groupings of a person between processes (`analysis.recurring.kept_by`)."""

from __future__ import annotations

from dataclasses import dataclass

from upward.analysis.recurring import Grouping
from upward.services.context import Context
from upward.store import kept_groups_repo


@dataclass(frozen=True)
class KeptGroups:
    """The person's kept groupings, each read or written in a transaction of its own."""

    ctx: Context

    def get(self, key: str) -> Grouping | None:
        with self.ctx.transaction() as conn:
            return kept_groups_repo.get(conn, self.ctx.owner_id, key)

    def put(self, key: str, grouping: Grouping) -> None:
        with self.ctx.transaction() as conn:
            kept_groups_repo.put(conn, self.ctx.owner_id, key, grouping)
