"""The teams each evidence item names, one row per team, so the team filter reads an index (migration 0011).

Derived from `evidence.teams`: `evidence_teams_repo` keeps it in step on every write, backups leave it out
(`info["derived"]`) and a restore rebuilds it.
"""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import metadata, owner_column

evidence_teams = sa.Table(
    "evidence_teams",
    metadata,
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
    owner_column(),
    sa.Column("team", sa.Text, primary_key=True),
    sa.Index(None, "owner_id", "team", "evidence_id"),
    info={"derived": True},
    sqlite_with_rowid=False,  # the rows live in the primary key's tree: checking an item's team is one look-up
)
