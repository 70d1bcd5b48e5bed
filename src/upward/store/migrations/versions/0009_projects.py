"""Visible-project candidates, scored on the playbook's criteria.

Touchpoints entered by hand are evidence (tagged `touchpoint`), so they need no table of their own.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("teams", Json, nullable=False),
        sa.Column("sponsor", sa.String(120)),
        sa.Column("months", sa.Integer),
        sa.Column("answers", Json, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("chosen_at", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_projects_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("owner_id", "title", name="uq_projects_owner_id_title"),
    )
    op.create_index("ix_projects_owner_id_status", "projects", ["owner_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_projects_owner_id_status", "projects")
    op.drop_table("projects")
