"""The 12-month plan: its items, due dates, check-offs and skips.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Reserved for this feature's tables; nothing to change yet."""


def downgrade() -> None:
    """Nothing to undo yet."""
