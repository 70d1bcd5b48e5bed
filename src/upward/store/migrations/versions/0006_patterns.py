"""Recurring problems, framework initiatives and request triage.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _owner(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["owner_id"], ["accounts.id"], name=f"fk_{table}_owner_id_accounts", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "patterns",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("adopted_at", sa.DateTime),
        sa.Column("fix", sa.Text, nullable=False),
        sa.Column("steps", Json, nullable=False),
        sa.Column("teams_taught", Json, nullable=False),
        sa.Column("plan_item_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_patterns"),
        _owner("patterns"),
    )
    op.create_index("ix_patterns_owner_id_status", "patterns", ["owner_id", "status"])
    op.create_table(
        "pattern_members",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("pattern_id", sa.Integer, nullable=False),
        sa.Column("evidence_id", sa.Integer, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pattern_members"),
        _owner("pattern_members"),
        sa.ForeignKeyConstraint(
            ["pattern_id"], ["patterns.id"], name="fk_pattern_members_pattern_id_patterns", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_pattern_members_evidence_id_evidence", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("owner_id", "evidence_id", name="uq_pattern_members_owner_id_evidence_id"),
    )
    op.create_index("ix_pattern_members_pattern_id", "pattern_members", ["pattern_id"])
    op.create_table(
        "pattern_state",
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("backend", sa.String(20), nullable=False),
        sa.Column("last_evidence_id", sa.Integer, nullable=False),
        sa.Column("grouped_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name="pk_pattern_state"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_pattern_state_owner_id_accounts", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("pattern_state")
    op.drop_index("ix_pattern_members_pattern_id", "pattern_members")
    op.drop_table("pattern_members")
    op.drop_index("ix_patterns_owner_id_status", "patterns")
    op.drop_table("patterns")
