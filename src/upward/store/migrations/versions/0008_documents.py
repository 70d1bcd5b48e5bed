"""Documents sent, career ladders and their mappings.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Reserved for this feature's tables; nothing to change yet."""


def downgrade() -> None:
    """Nothing to undo yet."""
