"""Request triage: what the person decided about each request, and their weekly budget for requests."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import metadata, owner_column

triage_decisions = sa.Table(
    "triage_decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False),
    sa.Column("choice", sa.String(32), nullable=False),  # a playbook request choice: solve, teach, ...
    sa.Column("recommended", sa.String(32), nullable=False),  # what Upward recommended when the person decided
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("decided_on", sa.Date, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("owner_id", "evidence_id"),
    sa.Index(None, "evidence_id"),
)

triage_settings = sa.Table(
    "triage_settings",
    metadata,
    sa.Column("owner_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("weekly_budget_minutes", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)
