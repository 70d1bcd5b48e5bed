"""Impact stories.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    text_parts = ("problem", "baseline", "stakes", "action", "role", "result", "timeframe", "outcome")
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in text_parts),
        sa.Column("collaborators", Json, nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("evidence_ids", Json, nullable=False),
        sa.Column("occurred_on", sa.Date),
        sa.Column("wording", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
        sa.ForeignKeyConstraint(["owner_id"], ["accounts.id"], name="fk_stories_owner_id_accounts", ondelete="CASCADE"),
    )
    op.create_index("ix_stories_owner_id_updated_at", "stories", ["owner_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_stories_owner_id_updated_at", "stories")
    op.drop_table("stories")
