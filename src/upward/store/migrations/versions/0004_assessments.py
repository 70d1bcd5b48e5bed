"""Keep each self-assessment with its date.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("taken_at", sa.DateTime, nullable=False),
        sa.Column("answers", Json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_assessments_owner_id_accounts", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_assessments_owner_id_taken_at", "assessments", ["owner_id", "taken_at"])


def downgrade() -> None:
    op.drop_index("ix_assessments_owner_id_taken_at", "assessments")
    op.drop_table("assessments")
