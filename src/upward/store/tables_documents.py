"""The documents' tables: updates marked sent, career ladders imported and the mappings the person confirmed."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import Json, metadata, owner_column

#: One row each time the person marks a document sent (the monthly update: one per month).
documents_sent = sa.Table(
    "documents_sent",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("document", sa.String(40), nullable=False),
    sa.Column("period", sa.String(20), nullable=False),
    sa.Column("sent_at", sa.DateTime, nullable=False),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="SET NULL")),
    sa.UniqueConstraint("owner_id", "document", "period"),
)

#: A career ladder, its levels and their expectations as plain JSON (see `upward.ladders.model`).
ladders = sa.Table(
    "ladders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("format", sa.String(20), nullable=False),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("levels", Json, nullable=False),
    sa.Column("imported_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("owner_id", "name"),
)

#: "This item shows that expectation": confirmed by the person. `item` is "evidence:ID" or "story:ID".
ladder_mappings = sa.Table(
    "ladder_mappings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("ladder_id", sa.Integer, sa.ForeignKey("ladders.id", ondelete="CASCADE"), nullable=False),
    sa.Column("expectation", sa.String(200), nullable=False),
    sa.Column("item", sa.String(40), nullable=False),
    sa.Column("confirmed_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("ladder_id", "expectation", "item"),
)
