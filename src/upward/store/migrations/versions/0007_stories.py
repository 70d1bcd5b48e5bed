"""Impact stories.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Reserved for this feature's tables; nothing to change yet."""


def downgrade() -> None:
    """Nothing to undo yet."""
