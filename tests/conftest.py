"""Shared fixtures: a temp home for every test, and every database test on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from upward.cli import app as cli_app
from upward.services import Context, open_context
from upward.services.context import close_all
from upward.settings import Settings
from upward.store.tables import ALL_TABLES

POSTGRES_URL = os.environ.get("UPWARD_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = bool(os.environ.get("CI") or os.environ.get("UPWARD_REQUIRE_POSTGRES"))
#: In CI the optional semantic backend is installed (.ci/run), so its tests must run, not skip.
REQUIRE_SEMANTIC = bool(os.environ.get("CI") or os.environ.get("UPWARD_REQUIRE_SEMANTIC"))


def _real_data() -> Path:
    """The real third-party exports the tests read (the package never ships them): ../shared/real-data beside
    this checkout, the workplace's /work/shared/real-data for a clone made elsewhere, or UPWARD_REAL_DATA."""
    if os.environ.get("UPWARD_REAL_DATA"):
        return Path(os.environ["UPWARD_REAL_DATA"])
    beside = Path(__file__).resolve().parents[2] / "shared" / "real-data"
    return beside if beside.is_dir() else Path("/work/shared/real-data")


REAL_DATA = _real_data()


@pytest.fixture(autouse=True)
def temp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test ever touches a real home folder or a database it did not make."""
    home = tmp_path / "home"
    monkeypatch.setenv("UPWARD_HOME", str(home))
    monkeypatch.delenv("UPWARD_DATABASE_URL", raising=False)
    yield home
    close_all()


def _postgres_reachable() -> str | None:
    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect():
            pass
        engine.dispose()
    except sa.exc.OperationalError as error:
        return str(error.orig).strip().splitlines()[0]
    return None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A scratch database on the real PostgreSQL server, dropped at the end of the run."""
    problem = _postgres_reachable()
    if problem:
        message = f"PostgreSQL at {POSTGRES_URL} is unreachable: {problem}"
        if REQUIRE_POSTGRES:
            pytest.fail(message)
        pytest.skip(message)
    name = f"upward_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    close_all()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        existing = set(sa.inspect(conn).get_table_names())
        names = ", ".join(t.name for t in ALL_TABLES if t.name in existing)
        if names:
            conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a fresh SQLite file, or the emptied PostgreSQL scratch database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'upward.db'}"
    url: str = request.getfixturevalue("postgres_server")
    _empty_postgres(url)
    return url


@pytest.fixture
def settings(database_url: str, temp_home: Path) -> Settings:
    return Settings(home=temp_home, database_url=database_url)


@pytest.fixture
def ctx(settings: Settings) -> Context:
    return open_context(settings)


class Cli:
    """Runs `upward` in-process against the test database; returns the click Result."""

    def __init__(self, database_url: str) -> None:
        self.runner = CliRunner()
        self.env = {"UPWARD_DATABASE_URL": database_url}

    def __call__(self, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return self.runner.invoke(cli_app, list(args), input=input, env=self.env)


@pytest.fixture
def cli(database_url: str) -> Cli:
    return Cli(database_url)
