"""Documents sent, career ladders and their mappings.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _owner() -> list[sa.Column[int]]:
    return [sa.Column("id", sa.Integer, nullable=False), sa.Column("owner_id", sa.Integer, nullable=False)]


def upgrade() -> None:
    op.create_table(
        "documents_sent",
        *_owner(),
        sa.Column("document", sa.String(40), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=False),
        sa.Column("evidence_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_documents_sent"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_documents_sent_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_documents_sent_evidence_id_evidence", ondelete="SET NULL"
        ),
        sa.UniqueConstraint("owner_id", "document", "period", name="uq_documents_sent_owner_id_document_period"),
    )
    op.create_table(
        "ladders",
        *_owner(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("levels", Json, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ladders"),
        sa.ForeignKeyConstraint(["owner_id"], ["accounts.id"], name="fk_ladders_owner_id_accounts", ondelete="CASCADE"),
        sa.UniqueConstraint("owner_id", "name", name="uq_ladders_owner_id_name"),
    )
    op.create_table(
        "ladder_mappings",
        *_owner(),
        sa.Column("ladder_id", sa.Integer, nullable=False),
        sa.Column("expectation", sa.String(200), nullable=False),
        sa.Column("item", sa.String(40), nullable=False),
        sa.Column("confirmed_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ladder_mappings"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_ladder_mappings_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ladder_id"], ["ladders.id"], name="fk_ladder_mappings_ladder_id_ladders", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("ladder_id", "expectation", "item", name="uq_ladder_mappings_ladder_id_expectation_item"),
    )


def downgrade() -> None:
    op.drop_table("ladder_mappings")
    op.drop_table("ladders")
    op.drop_table("documents_sent")
