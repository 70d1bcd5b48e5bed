"""The first schema: accounts, profiles, people, import runs and evidence with full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
FTS_COLUMNS = ("title", "body", "project", "requester", "teams", "tags")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("name", name="uq_accounts_name"),
    )
    op.create_table(
        "profiles",
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(120), nullable=False),
        sa.Column("current_level", sa.String(60), nullable=False),
        sa.Column("target_level", sa.String(60), nullable=False),
        sa.Column("team", sa.String(120), nullable=False),
        sa.Column("manager_name", sa.String(120), nullable=False),
        sa.Column("manager_email", sa.String(254)),
        sa.Column("skip_level_name", sa.String(120), nullable=False),
        sa.Column("skip_level_email", sa.String(254)),
        sa.Column("plan_start", sa.Date, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name="pk_profiles"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_profiles_owner_id_accounts", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("email", sa.String(254)),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("title", sa.String(120)),
        sa.Column("team", sa.String(120)),
        sa.Column("influence", sa.Integer, nullable=False),
        sa.Column("awareness", sa.String(32), nullable=False),
        sa.Column("cadence_days", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.ForeignKeyConstraint(["owner_id"], ["accounts.id"], name="fk_people_owner_id_accounts", ondelete="CASCADE"),
        sa.UniqueConstraint("owner_id", "name", name="uq_people_owner_id_name"),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("params", Json, nullable=False),
        sa.Column("summary", Json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_import_runs"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_import_runs_owner_id_accounts", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("occurred_at", sa.DateTime, nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("source_id", sa.String(300)),
        sa.Column("url", sa.String(2000)),
        sa.Column("requester", sa.String(200)),
        sa.Column("teams", Json, nullable=False),
        sa.Column("people", Json, nullable=False),
        sa.Column("minutes", sa.Integer),
        sa.Column("metrics", Json, nullable=False),
        sa.Column("project", sa.String(200)),
        sa.Column("tags", Json, nullable=False),
        sa.Column("import_run_id", sa.Integer),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name="fk_evidence_owner_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["import_run_id"], ["import_runs.id"], name="fk_evidence_import_run_id_import_runs", ondelete="SET NULL"
        ),
        sa.UniqueConstraint("owner_id", "source", "source_id", name="uq_evidence_owner_id_source_source_id"),
    )
    op.create_index("ix_evidence_owner_id_occurred_at", "evidence", ["owner_id", "occurred_at"])
    op.create_index("ix_evidence_owner_id_kind_occurred_at", "evidence", ["owner_id", "kind", "occurred_at"])
    op.create_index("ix_evidence_owner_id_project", "evidence", ["owner_id", "project"])
    op.create_index("ix_evidence_import_run_id", "evidence", ["import_run_id"])
    if op.get_bind().dialect.name == "postgresql":
        _postgres_search()
    else:
        _sqlite_search()


def _postgres_search() -> None:
    op.execute(
        """
        ALTER TABLE evidence ADD COLUMN search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(body, '')), 'B')
            || to_tsvector('english', coalesce(project, '') || ' ' || coalesce(requester, '')
                || ' ' || teams::text || ' ' || tags::text)
        ) STORED
        """
    )
    op.execute("CREATE INDEX ix_evidence_search ON evidence USING gin (search)")


def _sqlite_search() -> None:
    # No stemmer: search matches words by prefix ("deploy" finds "deployment"), and a stemmer
    # would store "deploy" as "deploi" and break exactly that.
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE evidence_fts USING fts5({columns}, content='evidence', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    insert = f"INSERT INTO evidence_fts(rowid, {columns}) VALUES (new.id, {new});"
    delete = f"INSERT INTO evidence_fts(evidence_fts, rowid, {columns}) VALUES ('delete', old.id, {old});"
    op.execute(f"CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN {delete} END")
    op.execute(f"CREATE TRIGGER evidence_fts_update AFTER UPDATE ON evidence BEGIN {delete} {insert} END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS evidence_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS evidence_fts")
    for table in ("evidence", "import_runs", "people", "profiles", "accounts"):
        op.drop_table(table)
