"""Request triage: recommendations and the decisions a person records.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "triage_decisions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("evidence_id", sa.Integer, nullable=False),
        sa.Column("choice", sa.String(32), nullable=False),
        sa.Column("recommended", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_triage_decisions"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_triage_decisions_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_triage_decisions_evidence_id_evidence", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("owner_id", "evidence_id", name="uq_triage_decisions_owner_id_evidence_id"),
    )
    op.create_index("ix_triage_decisions_evidence_id", "triage_decisions", ["evidence_id"])
    op.create_table(
        "triage_settings",
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("weekly_budget_minutes", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name="pk_triage_settings"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_triage_settings_owner_id_accounts", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("triage_settings")
    op.drop_index("ix_triage_decisions_evidence_id", "triage_decisions")
    op.drop_table("triage_decisions")
