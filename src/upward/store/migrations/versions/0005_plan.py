"""The 12-month plan: its items, due dates, check-offs and skips.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("playbook", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("adjusted_at", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_plans"),
        sa.ForeignKeyConstraint(["owner_id"], ["accounts.id"], name="fk_plans_owner_id_accounts", ondelete="CASCADE"),
        sa.UniqueConstraint("owner_id", name="uq_plans_owner_id"),
    )
    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=False),
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
        sa.PrimaryKeyConstraint("id", name="pk_plan_items"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_plan_items_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name="fk_plan_items_plan_id_plans", ondelete="CASCADE"),
        sa.UniqueConstraint("plan_id", "key", name="uq_plan_items_plan_id_key"),
    )
    op.create_index("ix_plan_items_owner_id_due", "plan_items", ["owner_id", "due"])


def downgrade() -> None:
    op.drop_index("ix_plan_items_owner_id_due", "plan_items")
    op.drop_table("plan_items")
    op.drop_table("plans")
