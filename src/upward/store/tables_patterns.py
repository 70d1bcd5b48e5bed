"""Recurring problems: the groups found, which items belong to each, and how far grouping has read."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import Json, metadata, owner_column

#: A group of similar items; once adopted, a framework initiative with its steps.
patterns = sa.Table(
    "patterns",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("status", sa.String(16), nullable=False),  # open | adopted
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("adopted_at", sa.DateTime),
    sa.Column("fix", sa.Text, nullable=False),  # the systemic fix, in the person's words
    sa.Column("steps", Json, nullable=False),  # {step id: "YYYY-MM-DD" when done}
    sa.Column("teams_taught", Json, nullable=False),  # ["web", "mobile"]
    sa.Column("plan_item_id", sa.Integer),
    sa.Index(None, "owner_id", "status"),
)

#: Which items belong to which group; an item belongs to at most one.
pattern_members = sa.Table(
    "pattern_members",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("pattern_id", sa.Integer, sa.ForeignKey("patterns.id", ondelete="CASCADE"), nullable=False),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.UniqueConstraint("owner_id", "evidence_id"),
    sa.Index(None, "pattern_id"),
)

#: How far grouping has read each person's evidence, and with which way of comparing texts.
pattern_state = sa.Table(
    "pattern_state",
    metadata,
    sa.Column("owner_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("backend", sa.String(20), nullable=False),
    sa.Column("last_evidence_id", sa.Integer, nullable=False),
    sa.Column("grouped_at", sa.DateTime, nullable=False),
)
