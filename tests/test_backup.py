"""Backups restore every row, across SQLite and PostgreSQL, and a bad file changes nothing."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from conftest import Cli
from upward.model import EvidenceDraft, UpwardError
from upward.services import Context, open_context
from upward.services import backup as backup_service
from upward.services import evidence as evidence_service
from upward.services.demo import load_demo
from upward.settings import Settings
from upward.store.tables import ALL_TABLES, import_runs

TODAY = date(2026, 11, 23)


def fill(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    with ctx.transaction() as conn:
        conn.execute(
            sa.insert(import_runs).values(
                owner_id=ctx.owner_id, source="git", started_at=datetime(2026, 11, 1, 9), finished_at=None,
                params={"paths": ["/repo"]}, summary={"added": 0},
            )
        )  # fmt: skip


def every_row(ctx: Context) -> dict[str, list[dict[str, Any]]]:
    with ctx.transaction() as conn:
        return {
            table.name: [
                dict(r) for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings()
            ]
            for table in ALL_TABLES
        }


def test_backup_then_restore_reproduces_every_row(ctx: Context, tmp_path: Path, settings: Settings) -> None:
    fill(ctx)
    before = every_row(ctx)
    counts = backup_service.backup(ctx, tmp_path / "all.json.gz")
    assert counts["evidence"] == len(before["evidence"]) > 300
    backup_service.restore(ctx, tmp_path / "all.json.gz", replace=True)
    assert every_row(ctx) == before


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_backup_moves_between_engines(
    ctx: Context, tmp_path: Path, target: str, request: pytest.FixtureRequest
) -> None:
    fill(ctx)
    before = every_row(ctx)
    backup_service.backup(ctx, tmp_path / "move.json")
    url = f"sqlite:///{tmp_path / 'target.db'}" if target == "sqlite" else _fresh_postgres(request)
    other = open_context(Settings(home=tmp_path, database_url=url, account="local"))
    backup_service.restore(other, tmp_path / "move.json")
    assert every_row(other) == before
    added = evidence_service.log(other, EvidenceDraft(title="After the move", occurred_at=datetime(2026, 11, 23, 12)))
    assert added.id == max(row["id"] for row in before["evidence"]) + 1


def _fresh_postgres(request: pytest.FixtureRequest) -> str:
    """A second, empty PostgreSQL database for the restore target, dropped after the test."""
    base = sa.make_url(request.getfixturevalue("postgres_server"))
    name = f"{base.database}_target"
    admin = sa.create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        from upward.services.context import close_all

        close_all()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    request.addfinalizer(drop)
    return base.set(database=name).render_as_string(hide_password=False)


def test_restore_refuses_a_database_that_holds_data(ctx: Context, tmp_path: Path) -> None:
    fill(ctx)
    backup_service.backup(ctx, tmp_path / "b.json")
    with pytest.raises(UpwardError, match="needs an empty one"):
        backup_service.restore(ctx, tmp_path / "b.json")


def _bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    document = json.loads(good.read_text())
    text = good.read_text()
    cases: dict[str, tuple[str | bytes, str]] = {
        "truncated.json": (text[: len(text) // 2], "line 1, column"),
        "empty.json": ("", "not a readable backup"),
        "other.json": (json.dumps({"hello": 1}), "not an Upward backup"),
        "newer.json": (json.dumps(document | {"schema": "9999"}), "made by a newer Upward"),
        "no-table.json": (json.dumps(document | {"tables": {"accounts": []}}), "is missing or is not a list"),
        "bad-row.json": (
            json.dumps(document | {"tables": document["tables"] | {"evidence": [{"id": "x"}, 5]}}),
            "tables.evidence[0]: field 'id'",
        ),
        "bad-date.json": (
            json.dumps(
                document
                | {
                    "tables": document["tables"]
                    | {"evidence": [document["tables"]["evidence"][0] | {"occurred_at": "soon"}]}
                }
            ),
            "tables.evidence[0]: field 'occurred_at'",
        ),
        "truncated.json.gz": (gzip.compress(text.encode())[:200], "not a readable backup"),
    }
    written = {}
    for name, (content, message) in cases.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
        written[name] = (path, message)
    return written


def test_a_bad_backup_file_is_named_explained_and_changes_nothing(ctx: Context, tmp_path: Path) -> None:
    fill(ctx)
    good = tmp_path / "good.json"
    backup_service.backup(ctx, good)
    evidence_service.log(ctx, EvidenceDraft(title="Logged after the backup", occurred_at=datetime(2026, 11, 23, 12)))
    before = every_row(ctx)
    for name, (path, message) in _bad_files(tmp_path, good).items():
        with pytest.raises(UpwardError) as caught:
            backup_service.restore(ctx, path, replace=True)
        assert str(path) in str(caught.value), name
        assert message in str(caught.value), name
        assert every_row(ctx) == before, name


def test_the_cli_backs_up_and_restores(cli: Cli, tmp_path: Path, ctx: Context) -> None:
    assert cli("log", "Shipped the new onboarding", "--teams", "growth").exit_code == 0
    result = cli("backup", str(tmp_path / "b.json"))
    assert result.exit_code == 0 and "1 evidence" in result.output
    target = Cli(f"sqlite:///{tmp_path / 'fresh.db'}")
    result = target("restore", str(tmp_path / "b.json"))
    assert result.exit_code == 0, result.output
    assert "Shipped the new onboarding" in target("evidence", "list").output
    again = target("restore", str(tmp_path / "b.json"))
    assert again.exit_code == 2 and "--replace" in again.stderr
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("{not json")
    result = target("restore", str(corrupt), "--replace")
    assert result.exit_code == 2
    assert f"{corrupt}: line 1, column 2" in result.stderr
    assert "Shipped the new onboarding" in target("evidence", "list").output


def test_a_backup_from_an_older_upward_restores_without_the_tables_added_since(ctx: Context, tmp_path: Path) -> None:
    """Yesterday's backup knows nothing of today's tables: they start empty, and every row it holds comes back."""
    fill(ctx)
    before = every_row(ctx)
    path = tmp_path / "old.json"
    backup_service.backup(ctx, path)
    document = json.loads(path.read_text())
    first_tables = {"accounts", "profiles", "people", "import_runs", "evidence"}
    document["schema"] = "0001"
    document["tables"] = {name: rows for name, rows in document["tables"].items() if name in first_tables}
    path.write_text(json.dumps(document))
    backup_service.restore(ctx, path, replace=True)
    after = every_row(ctx)
    assert {name: after[name] for name in first_tables} == {name: before[name] for name in first_tables}
    assert before["evidence"]
