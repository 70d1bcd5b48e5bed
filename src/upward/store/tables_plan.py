"""The 12-month plan (migration 0005): one plan per person, and its dated items with their check-offs."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import metadata, owner_column

plans = sa.Table(
    "plans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("playbook", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("adjusted_at", sa.DateTime),
    sa.UniqueConstraint("owner_id"),
)

plan_items = sa.Table(
    "plan_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("move", sa.String(60), nullable=False),
    sa.Column("action", sa.String(60), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("first_due", sa.Date, nullable=False),
    sa.Column("red_flag", sa.String(60), nullable=False),
    sa.Column("origin", sa.String(20), nullable=False),
    sa.Column("origin_id", sa.Integer),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("closed_on", sa.Date),
    sa.Column("why", sa.Text, nullable=False),
    sa.UniqueConstraint("plan_id", "key"),
    sa.Index(None, "owner_id", "due"),
)
