"""Request triage: recommendations and the decisions a person records.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Reserved for this feature's changes; nothing to change yet."""


def downgrade() -> None:
    """Nothing to undo yet."""
