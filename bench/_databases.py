"""The databases a benchmark runs on: a temporary SQLite file, and a scratch PostgreSQL database if reachable."""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench._corpus import evidence_rows
from bench._report import console
from upward.services import Context, open_context
from upward.services.context import close_all
from upward.settings import Settings
from upward.store.db import redact
from upward.store.tables import evidence

POSTGRES_URL = os.environ.get("UPWARD_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CONNECT_TIMEOUT_S = 5

DriverConnection = sqlite3.Connection | psycopg.Connection[Any]


@dataclass(frozen=True)
class Database:
    """One migrated database with an account, reachable through Upward and through the bare driver."""

    label: str
    ctx: Context
    open_driver: Callable[[], DriverConnection]

    @property
    def dialect(self) -> str:
        return self.ctx.dialect


def available(folder: Path) -> Iterator[AbstractContextManager[Database]]:
    """SQLite in `folder`, then PostgreSQL unless its server is unreachable (which is printed)."""
    yield sqlite_database(folder)
    problem = postgres_problem()
    if problem:
        console.print(f"[yellow]PostgreSQL at {redact(POSTGRES_URL)} is unreachable ({problem}): skipped.[/]")
        return
    yield postgres_database(folder)


@contextmanager
def sqlite_database(folder: Path) -> Iterator[Database]:
    path = folder / "bench.db"
    ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{path}"))
    try:
        yield Database("SQLite", ctx, lambda: sqlite3.connect(path))
    finally:
        close_all()


def postgres_problem() -> str | None:
    """Why the PostgreSQL server cannot be used, or None when it can."""
    try:
        with _admin_engine().connect():
            return None
    except sa.exc.OperationalError as error:
        return str(error.orig).strip().splitlines()[0]


@contextmanager
def postgres_database(folder: Path) -> Iterator[Database]:
    """A scratch database `upward_bench_<random>` on the server, dropped afterwards whatever happens."""
    name = f"upward_bench_{secrets.token_hex(4)}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(POSTGRES_URL).set(database=name)
    driver_url = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        ctx = open_context(Settings(home=folder, database_url=url.render_as_string(hide_password=False)))
        yield Database("PostgreSQL", ctx, lambda: psycopg.connect(driver_url))
    finally:
        close_all()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _admin_engine() -> sa.Engine:
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S}
    return sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", connect_args=connect_args)


def load(db: Database, count: int) -> None:
    """Insert `count` generated items in one transaction (multi-row INSERTs), with a progress bar."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    start = time.perf_counter()
    with Progress(*columns, console=console) as progress, db.ctx.transaction() as conn:
        task = progress.add_task(f"Loading {db.label}", total=count)
        for batch in evidence_rows(count, db.ctx.owner_id):
            conn.execute(evidence.insert().returning(evidence.c.id), batch)  # multi-row INSERTs: see add_many
            progress.advance(task, len(batch))
    seconds = time.perf_counter() - start
    console.print(f"{db.label}: loaded {count:,} items in {seconds:.1f} s ({count / seconds:,.0f} items/s)")
    if db.dialect == "postgresql":
        _vacuum_analyze(db)


def _vacuum_analyze(db: Database) -> None:
    """What autovacuum does soon after a large insert: planner statistics and the visibility map."""
    with db.ctx.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM ANALYZE evidence"))
