"""Indexes and storage changes for speed.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Reserved for this feature's changes; nothing to change yet."""


def downgrade() -> None:
    """Nothing to undo yet."""
