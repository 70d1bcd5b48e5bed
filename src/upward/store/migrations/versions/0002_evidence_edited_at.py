"""Remember when the person corrected an item, so a re-import never overwrites their edit.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: on SQLite a batch (copy-and-rename) would drop the full-text triggers.
    op.add_column("evidence", sa.Column("edited_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    op.drop_column("evidence", "edited_at")
