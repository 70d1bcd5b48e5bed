"""Engines, connection settings and migrations for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from upward.model import UpwardError


def normalise_url(url: str) -> str:
    """Accept the URL forms people copy from elsewhere and pick the drivers Upward ships with."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith(("sqlite", "postgresql+psycopg://")):
        raise UpwardError(
            f"Upward works with SQLite or PostgreSQL; '{redact(url)}' is neither. "
            "Use sqlite:///path/to/upward.db or postgresql://user@host/dbname."
        )
    return url


def redact(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given, minus nothing secret to hide
        return url


def make_engine(url: str, **options: Any) -> sa.Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30}, **options)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, **options)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@contextmanager
def connect(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One transaction: everything inside lands together or not at all."""
    try:
        with engine.begin() as connection:
            yield connection
    except sa.exc.OperationalError as error:
        raise unreachable(engine, error) from error


def unreachable(engine: sa.Engine, error: Exception) -> UpwardError:
    reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
    return UpwardError(
        f"Can't open the database at {redact(str(engine.url))} ({reason}). "
        "Check UPWARD_DATABASE_URL, or that the database server is running."
    )


def alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("upward.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision`. Safe to call on every start."""
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    except sa.exc.OperationalError as error:
        raise unreachable(engine, error) from error


def current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head
