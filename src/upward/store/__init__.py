"""Storage: SQLAlchemy tables, Alembic migrations and query functions (repositories)."""

from upward.store.db import connect, make_engine, migrate

__all__ = ["connect", "make_engine", "migrate"]
