"""Impact stories (migration 0007)."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import Json, metadata, owner_column

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("problem", sa.Text, nullable=False, default=""),
    sa.Column("baseline", sa.Text, nullable=False, default=""),
    sa.Column("stakes", sa.Text, nullable=False, default=""),
    sa.Column("action", sa.Text, nullable=False, default=""),
    sa.Column("role", sa.Text, nullable=False, default=""),
    sa.Column("collaborators", Json, nullable=False),
    sa.Column("result", sa.Text, nullable=False, default=""),
    sa.Column("timeframe", sa.Text, nullable=False, default=""),
    sa.Column("outcome", sa.Text, nullable=False, default=""),
    sa.Column("audience", sa.String(20), nullable=False, default="skip-level"),
    sa.Column("evidence_ids", Json, nullable=False),  # ids of the evidence behind it; missing ones are skipped
    sa.Column("occurred_on", sa.Date),
    sa.Column("wording", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index(None, "owner_id", "updated_at"),
)
