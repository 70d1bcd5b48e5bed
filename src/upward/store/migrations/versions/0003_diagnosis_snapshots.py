"""Keep a snapshot of each day's diagnosis, so a person can see whether they are getting unstuck.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "diagnosis_snapshots",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("stall_score", sa.Integer),
        sa.Column("areas", Json, nullable=False),
        sa.Column("findings", Json, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_diagnosis_snapshots"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_diagnosis_snapshots_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("owner_id", "day", name="uq_diagnosis_snapshots_owner_id_day"),
    )


def downgrade() -> None:
    op.drop_table("diagnosis_snapshots")
