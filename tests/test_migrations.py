"""Migrations: an empty database upgrades to the schema the code expects, on both engines."""

from __future__ import annotations

import sqlalchemy as sa

from upward.store import make_engine, migrate
from upward.store.db import current_revision, head_revision
from upward.store.tables import metadata


def _inspect(url: str) -> tuple[sa.Engine, sa.Inspector]:
    engine = make_engine(url)
    return engine, sa.inspect(engine)


def test_an_empty_database_upgrades_to_head_with_every_table_and_column(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    inspector = sa.inspect(engine)
    for table in metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert {column.name for column in table.columns} <= columns, table.name
    evidence_indexes = {index["name"] for index in inspector.get_indexes("evidence")}
    assert {"ix_evidence_owner_id_occurred_at", "ix_evidence_owner_id_kind_occurred_at"} <= evidence_indexes
    unique = {tuple(u["column_names"]) for u in inspector.get_unique_constraints("evidence")}
    assert ("owner_id", "source", "source_id") in unique
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
    engine.dispose()


def test_full_text_search_objects_exist(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            names = set(conn.execute(sa.text("SELECT name FROM sqlite_master")).scalars())
            assert {"evidence_fts", "evidence_fts_insert", "evidence_fts_update", "evidence_fts_delete"} <= names
            made = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE name = 'evidence_fts'")).scalar_one()
            assert "prefix='3'" in made  # migration 0013: no 2-letter prefix index
        else:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("evidence")}
            assert "search" in columns
            assert "ix_evidence_search" in {i["name"] for i in sa.inspect(conn).get_indexes("evidence")}
    engine.dispose()


def test_migrating_twice_changes_nothing_and_downgrade_returns_to_empty(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)
    from alembic import command

    from upward.store.db import alembic_config

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    remaining = set(sa.inspect(engine).get_table_names()) - {"alembic_version"}
    assert remaining == set()
    migrate(engine)
    assert "evidence" in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_an_old_database_full_of_data_upgrades_without_losing_a_row(database_url: str) -> None:
    from datetime import date, datetime

    from alembic import command

    from upward.demo.persona import build_demo
    from upward.model import EvidenceFilter
    from upward.store import evidence_repo, people_repo, profile_repo
    from upward.store.db import alembic_config

    engine = make_engine(database_url)
    migrate(engine)
    with engine.begin() as conn:  # the scratch PostgreSQL database may be at head already: step back
        command.downgrade(alembic_config(conn), "0001")
    demo = build_demo(date(2026, 11, 23))
    with engine.begin() as conn:
        owner = profile_repo.ensure_account(conn)
        profile_repo.save_profile(conn, owner, demo.profile)
        for person in demo.people:
            people_repo.upsert_by_name(conn, owner, person)
        stamp = {"owner_id": owner, "import_run_id": None, "created_at": datetime(2026, 11, 23, 9)}
        rows = [
            evidence_repo.draft_values(draft) | stamp | {"updated_at": stamp["created_at"]} for draft in demo.evidence
        ]
        conn.execute(sa.insert(metadata.tables["evidence"]), rows)  # as Upward 0001 stored them
    old_columns = [c.name for c in metadata.tables["evidence"].columns if c.name != "edited_at"]
    old_tables = [t for t in metadata.sorted_tables if t.name in sa.inspect(engine).get_table_names()]

    def snapshot() -> dict[str, list[tuple[object, ...]]]:
        with engine.connect() as conn:
            return {
                table.name: [
                    tuple(row)
                    for row in conn.execute(
                        sa.select(
                            *(table.c[n] for n in (old_columns if table.name == "evidence" else table.c.keys()))
                        ).order_by(*table.primary_key.columns)
                    )
                ]
                for table in old_tables
            }

    before = snapshot()
    migrate(engine)
    assert snapshot() == before
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert conn.execute(sa.text("SELECT count(*) FROM evidence WHERE edited_at IS NOT NULL")).scalar() == 0
        found = evidence_repo.listing(conn, owner, EvidenceFilter(text="deploy"))
        teams = {team for draft in demo.evidence for team in draft.teams}
        by_team = {team: evidence_repo.listing(conn, owner, EvidenceFilter(team=team)).total for team in teams}
    assert found.total > 10, "full-text search still works after the upgrade"
    assert len(by_team) > 2 and by_team == {
        team: sum(team in draft.teams for draft in demo.evidence) for team in teams
    }, "the team filter finds every item stored before the upgrade"
    engine.dispose()
