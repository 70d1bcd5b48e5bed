"""What each evidence item's text says, kept beside it so the diagnosis reads a few small columns; and
groupings of recurring requests, kept between processes.

Both empty here: the next diagnosis works out what it needs and keeps it.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_facts",
        sa.Column("evidence_id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("flags", sa.Integer, nullable=False),
        sa.Column("users", sa.Float),
        sa.Column("money", sa.Float),
        sa.Column("words", sa.Text),
        sa.PrimaryKeyConstraint("evidence_id", name="pk_evidence_facts"),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_evidence_facts_evidence_id_evidence", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_evidence_facts_owner_id_accounts", ondelete="CASCADE"
        ),
    )

    op.create_table(
        "kept_groups",
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("grouping", sa.Text, nullable=False),
        sa.Column("kept_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", "key", name="pk_kept_groups"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_kept_groups_owner_id_accounts", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("kept_groups")
    op.drop_table("evidence_facts")
