"""The team filter reads `evidence_teams`, which every write, the upgrade and a restore keep in step."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.dialects import postgresql

from upward.model import EvidenceDraft, EvidenceFilter, Kind
from upward.services import Context
from upward.services import backup as backup_service
from upward.services.imports import run_import, undo
from upward.store import evidence_repo, evidence_teams_repo, make_engine, migrate
from upward.store.db import alembic_config
from upward.store.profile_repo import ensure_account
from upward.store.tables import evidence
from upward.store.tables_evidence_teams import evidence_teams

WHEN = datetime(2026, 11, 2, 12)


def draft(title: str, *teams: str) -> EvidenceDraft:
    return EvidenceDraft(title=title, occurred_at=WHEN, teams=teams)


def indexed(conn: sa.Connection) -> set[tuple[int, int, str]]:
    return {(row.evidence_id, row.owner_id, row.team) for row in conn.execute(sa.select(evidence_teams))}


def derived(conn: sa.Connection) -> set[tuple[int, int, str]]:
    """What `evidence_teams` must hold: each item's distinct team names, worked out in Python."""
    rows = conn.execute(sa.select(evidence.c.id, evidence.c.owner_id, evidence.c.teams))
    return {(id_, owner, team) for id_, owner, teams in rows for team in teams if isinstance(team, str)}


def titles(conn: sa.Connection, owner_id: int, team: str, text: str | None = None) -> list[str]:
    page = evidence_repo.listing(conn, owner_id, EvidenceFilter(team=team, text=text, per_page=100))
    assert page.total == len(page.items)
    return sorted(item.title for item in page.items)


def test_every_write_keeps_the_team_index_in_step(ctx: Context) -> None:
    with ctx.transaction() as conn:
        owner = ctx.owner_id
        first = evidence_repo.add(conn, owner, draft("Cut checkout latency", "payments", "web"))
        evidence_repo.add_many(conn, owner, [draft("Fix the deploy", "platform"), draft("Plan the quarter")])
        evidence_repo.add_many(conn, owner, [draft("Pair on the ledger", "payments", "payments", "data")])
        assert indexed(conn) == derived(conn) and len(indexed(conn)) == 5
        assert titles(conn, owner, "payments") == ["Cut checkout latency", "Pair on the ledger"]

        evidence_repo.update(conn, owner, first, draft("Cut checkout latency", "mobile"))
        assert indexed(conn) == derived(conn)
        assert titles(conn, owner, "payments") == ["Pair on the ledger"]
        assert titles(conn, owner, "mobile") == ["Cut checkout latency"]

        assert evidence_repo.delete(conn, owner, first)
        assert indexed(conn) == derived(conn)
        assert titles(conn, owner, "mobile") == []


def test_the_filter_matches_team_names_exactly_as_before(ctx: Context) -> None:
    """The filter compared each stored name with the one asked for, case and all; it still does."""
    with ctx.transaction() as conn:
        owner = ctx.owner_id
        evidence_repo.add(conn, owner, draft("Stored as written", "Web", "Ops team"))
        evidence_repo.add(conn, owner, draft("Stored cleaned", "web"))
        assert titles(conn, owner, "web") == ["Stored cleaned"]
        assert titles(conn, owner, "Web") == ["Stored as written"]
        assert titles(conn, owner, "Ops team") == ["Stored as written"]
        assert titles(conn, owner, "ops") == titles(conn, owner, "we") == []


ODD_TEAMS: list[list[Any]] = [
    ["Web", "web"],
    ["ops team", "ops team"],
    ["Équipe", "équipe"],
    [7, "7"],
    [["web"]],
    [],
    ["5", 5.0],
]


@pytest.mark.parametrize("few", [0, evidence_teams_repo.FEW], ids=["walk", "by-id"])
def test_the_index_finds_what_the_json_filter_found(ctx: Context, monkeypatch: pytest.MonkeyPatch, few: int) -> None:
    """The JSON filter this table replaced is the reference, over odd stored values, on both ways to read it."""
    monkeypatch.setattr(evidence_teams_repo, "FEW", few)
    with ctx.transaction() as conn:
        conn.execute(sa.insert(evidence), [_row(ctx.owner_id, f"Item {n}", teams) for n, teams in enumerate(ODD_TEAMS)])
        evidence_teams_repo.rebuild(conn)
        for team in ("Web", "web", "ops team", "Équipe", "équipe", "7", "5", "5.0", "nobody"):
            found = evidence_repo.listing(conn, ctx.owner_id, EvidenceFilter(team=team))
            assert [item.id for item in found.items] == _json_filter(conn, ctx.owner_id, team), team
            assert found.total == len(found.items), team
            with_kind = evidence_repo.listing(conn, ctx.owner_id, EvidenceFilter(team=team, kind=Kind.DELIVERY))
            assert with_kind.total == found.total, team


def _json_filter(conn: sa.Connection, owner_id: int, team: str) -> list[int]:
    """The ids the filter found before `evidence_teams` existed, newest first: its SQL, kept here as the reference."""
    if conn.dialect.name == "postgresql":
        named: Any = sa.type_coerce(evidence.c.teams, postgresql.JSONB).contains([team])
    else:
        each = sa.func.json_each(evidence.c.teams).table_valued("value")
        named = sa.exists(sa.select(1).select_from(each).where(each.c.value == team))
    query = sa.select(evidence.c.id).where(evidence.c.owner_id == owner_id, named)
    return list(conn.execute(query.order_by(evidence.c.occurred_at.desc(), evidence.c.id.desc())).scalars())


def test_the_team_filter_works_with_search_and_the_other_filters(ctx: Context) -> None:
    with ctx.transaction() as conn:
        owner = ctx.owner_id
        evidence_repo.add(conn, owner, draft("Checkout errors again", "payments"))
        evidence_repo.add(conn, owner, draft("Checkout copy for the web", "web"))
        assert titles(conn, owner, "payments", text="checkout") == ["Checkout errors again"]
        assert titles(conn, owner, "web", text="errors") == []


def test_one_account_never_sees_the_teams_of_another(ctx: Context) -> None:
    with ctx.transaction() as conn:
        other = ensure_account(conn, "bob")
        evidence_repo.add(conn, ctx.owner_id, draft("Alice's payments work", "payments"))
        evidence_repo.add_many(conn, other, [draft("Bob's payments work", "payments")])
        assert titles(conn, ctx.owner_id, "payments") == ["Alice's payments work"]
        assert titles(conn, other, "payments") == ["Bob's payments work"]
        assert {owner for _, owner, _ in indexed(conn)} == {ctx.owner_id, other}


def test_imports_index_their_items_and_undo_removes_them(ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "work.csv"
    path.write_text("id,date,text,teams\nr1,2026-10-01,Ship the payouts API,Payments\nr2,2026-10-02,Triage,\n")
    run = run_import(ctx, "csv", [path])
    with ctx.transaction() as conn:
        assert titles(conn, ctx.owner_id, "payments") == ["Ship the payouts API"]
        assert indexed(conn) == derived(conn) != set()
    undo(ctx, run.id)
    with ctx.transaction() as conn:
        assert indexed(conn) == set()


def test_rebuild_indexes_rows_written_straight_into_the_table(ctx: Context) -> None:
    odd = ["infra", 7, ["nested"], "infra", "Infra"]
    with ctx.transaction() as conn:
        conn.execute(sa.insert(evidence), [_row(ctx.owner_id, "Written by hand", odd)])
        assert indexed(conn) == set()
        evidence_teams_repo.rebuild(conn)
        assert indexed(conn) == derived(conn)
        assert {team for _, _, team in indexed(conn)} == {"infra", "Infra"}


def test_the_upgrade_indexes_the_teams_of_every_stored_item(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with engine.begin() as conn:  # the scratch PostgreSQL database may be at head already: step back
        command.downgrade(alembic_config(conn), "0010")
    with engine.begin() as conn:
        owner, other = ensure_account(conn), ensure_account(conn, "bob")
        rows = [_row(owner, f"Item {n}", ["payments", "web"][: n % 3]) for n in range(30)]
        rows += [_row(owner, "Odd teams", ["data", "data", 7, "Data"]), _row(other, "Bob's", ["payments"])]
        conn.execute(sa.insert(evidence), rows)
    migrate(engine)
    with engine.connect() as conn:
        assert indexed(conn) == derived(conn)
        assert len(indexed(conn)) == 10 + 2 * 10 + 2 + 1
        assert len(titles(conn, owner, "payments")) == 20
        assert titles(conn, owner, "Data") == titles(conn, owner, "data") == ["Odd teams"]
    engine.dispose()


def test_a_restore_rebuilds_the_team_index_even_from_an_older_backup(ctx: Context, tmp_path: Path) -> None:
    with ctx.transaction() as conn:
        evidence_repo.add_many(conn, ctx.owner_id, [draft("Fix the deploy", "platform"), draft("Alone")])
        before = indexed(conn)
    path = tmp_path / "backup.json"
    backup_service.backup(ctx, path)
    document = json.loads(path.read_text())
    assert "evidence_teams" not in document["tables"], "derived rows are rebuilt, not backed up"
    first_tables = {"accounts", "profiles", "people", "import_runs", "evidence"}
    document["schema"] = "0001"
    document["tables"] = {name: rows for name, rows in document["tables"].items() if name in first_tables}
    path.write_text(json.dumps(document))
    backup_service.restore(ctx, path, replace=True)
    with ctx.transaction() as conn:
        assert indexed(conn) == before != set()
        assert titles(conn, ctx.owner_id, "platform") == ["Fix the deploy"]


def _row(owner_id: int, title: str, teams: list[Any]) -> dict[str, Any]:
    values = evidence_repo.draft_values(draft(title)) | {"teams": teams}
    return values | {"owner_id": owner_id, "import_run_id": None, "created_at": WHEN, "updated_at": WHEN}
