"""The working context of every use case: a database and the account whose data it is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from upward.settings import Settings
from upward.store import connect, make_engine, migrate
from upward.store.profile_repo import ensure_account


@dataclass(frozen=True)
class Context:
    engine: sa.Engine
    owner_id: int
    settings: Settings

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        with connect(self.engine) as conn:
            yield conn

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


_engines: dict[str, sa.Engine] = {}


def open_context(settings: Settings) -> Context:
    """Open (creating and upgrading if needed) the database and the settings' account."""
    url = settings.database
    engine = _engines.get(url)
    if engine is None:
        if url.startswith("sqlite"):
            _ensure_folder(url)
        engine = make_engine(url)
        migrate(engine)
        _engines[url] = engine
    with connect(engine) as conn:
        owner_id = ensure_account(conn, settings.account)
    return Context(engine=engine, owner_id=owner_id, settings=settings)


def _ensure_folder(url: str) -> None:
    database = sa.make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def close_all() -> None:
    """Dispose of every open engine (tests and servers call this when they finish)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
