"""Visible-project candidates and decision-maker touchpoints entered by hand.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Reserved for this feature's tables; nothing to change yet."""


def downgrade() -> None:
    """Nothing to undo yet."""
