"""The schema as SQLAlchemy Core tables. Changes go through a new Alembic migration, never here alone."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: JSON on SQLite, JSONB (indexable, comparable) on PostgreSQL.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)


def owner_column() -> sa.Column[int]:
    return sa.Column("owner_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False)


profiles = sa.Table(
    "profiles",
    metadata,
    sa.Column("owner_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
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
)

people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("email", sa.String(254)),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("title", sa.String(120)),
    sa.Column("team", sa.String(120)),
    sa.Column("influence", sa.Integer, nullable=False),
    sa.Column("awareness", sa.String(32), nullable=False),
    sa.Column("cadence_days", sa.Integer),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("owner_id", "name"),
)

import_runs = sa.Table(
    "import_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime),
    sa.Column("params", Json, nullable=False),
    sa.Column("summary", Json, nullable=False),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
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
    sa.Column("import_run_id", sa.Integer, sa.ForeignKey("import_runs.id", ondelete="SET NULL")),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("edited_at", sa.DateTime),  # when the person last corrected it (migration 0002)
    sa.UniqueConstraint("owner_id", "source", "source_id"),
    sa.Index(None, "owner_id", "occurred_at"),
    sa.Index(None, "owner_id", "kind", "occurred_at"),
    sa.Index(None, "owner_id", "project"),
    sa.Index(None, "import_run_id"),
)

diagnosis_snapshots = sa.Table(
    "diagnosis_snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("stall_score", sa.Integer),
    sa.Column("areas", Json, nullable=False),  # {area id: score or null}
    sa.Column("findings", Json, nullable=False),  # {finding id: {"status": ..., "value": ...}}
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("owner_id", "day"),
)

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    owner_column(),
    sa.Column("taken_at", sa.DateTime, nullable=False),
    sa.Column("answers", Json, nullable=False),  # {question id: answer id}
    sa.Index(None, "owner_id", "taken_at"),
)


def _load_feature_tables() -> None:
    """Import every `upward.store.tables_*` module: each defines a feature's tables on `metadata`."""
    from importlib import import_module
    from pkgutil import iter_modules

    from upward import store

    for module in iter_modules(store.__path__):
        if module.name.startswith("tables_"):
            import_module(f"upward.store.{module.name}")


_load_feature_tables()

#: Tables in the order rows must be restored (parents before children).
ALL_TABLES: tuple[sa.Table, ...] = tuple(metadata.sorted_tables)
