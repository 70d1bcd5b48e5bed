"""Candidate visible projects, scored on the playbook's criteria (migration 0009)."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import Json, metadata, owner_column

projects = sa.Table(
    "projects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("summary", sa.Text, nullable=False, default=""),
    sa.Column("teams", Json, nullable=False),
    sa.Column("sponsor", sa.String(120)),
    sa.Column("months", sa.Integer),
    sa.Column("answers", Json, nullable=False),  # {criterion id: "yes" | "partly" | "no"}
    sa.Column("status", sa.String(16), nullable=False),  # candidate, chosen, dropped
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("chosen_at", sa.DateTime),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("owner_id", "title"),
    sa.Index(None, "owner_id", "status"),
)
