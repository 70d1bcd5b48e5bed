"""The teams of each evidence item in a table of their own, so the team filter reads an index.

Filled here from every stored item; from now on `evidence_teams_repo` keeps it in step.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: One row per distinct string in each item's `teams` (anything else in the list never matched a team).
BACKFILL = {
    "sqlite": """
        INSERT INTO evidence_teams (evidence_id, owner_id, team)
        SELECT DISTINCT evidence.id, evidence.owner_id, element.value
        FROM evidence, json_each(evidence.teams) AS element
        WHERE element.type = 'text'
    """,
    "postgresql": """
        INSERT INTO evidence_teams (evidence_id, owner_id, team)
        SELECT DISTINCT evidence.id, evidence.owner_id, element.value #>> '{}'
        FROM evidence, jsonb_array_elements(
            CASE WHEN jsonb_typeof(evidence.teams) = 'array' THEN evidence.teams ELSE '[]'::jsonb END
        ) AS element
        WHERE jsonb_typeof(element.value) = 'string'
    """,
}


def upgrade() -> None:
    op.create_table(
        "evidence_teams",
        sa.Column("evidence_id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("team", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("evidence_id", "team", name="pk_evidence_teams"),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_evidence_teams_evidence_id_evidence", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_evidence_teams_owner_id_accounts", ondelete="CASCADE"
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_evidence_teams_owner_id_team_evidence_id", "evidence_teams", ["owner_id", "team", "evidence_id"]
    )
    dialect = op.get_bind().dialect.name
    op.execute(BACKFILL[dialect])
    if dialect == "postgresql":
        op.execute("ANALYZE evidence_teams")  # the planner's statistics now, not at autovacuum's next pass


def downgrade() -> None:
    op.drop_index("ix_evidence_teams_owner_id_team_evidence_id", "evidence_teams")
    op.drop_table("evidence_teams")
