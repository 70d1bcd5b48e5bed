"""Import runs: when each import ran, with what, what it did, and what it left for the next run."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.model.imports import ImportRun, ImportSummary
from upward.store.tables import evidence, import_runs


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def start(conn: sa.Connection, owner_id: int, source: str, params: dict[str, Any]) -> int:
    values = {"owner_id": owner_id, "source": source, "started_at": _now(), "params": params, "summary": {}}
    return int(conn.execute(sa.insert(import_runs).values(values).returning(import_runs.c.id)).scalar_one())


def finish(conn: sa.Connection, run_id: int, summary: dict[str, Any]) -> None:
    conn.execute(sa.update(import_runs).where(import_runs.c.id == run_id).values(finished_at=_now(), summary=summary))


def _query() -> sa.Select[Any]:
    items = (
        sa.select(sa.func.count())
        .where(evidence.c.import_run_id == import_runs.c.id)
        .correlate(import_runs)
        .scalar_subquery()
        .label("items")
    )
    return sa.select(import_runs, items)


def _run(row: sa.RowMapping) -> ImportRun:
    summary = dict(row["summary"])
    summary.pop("state", None)
    return ImportRun(
        id=row["id"],
        source=row["source"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        params=row["params"],
        summary=ImportSummary.from_dict(summary),
        items=int(row["items"]),
    )


def get(conn: sa.Connection, owner_id: int, run_id: int) -> ImportRun | None:
    query = _query().where(import_runs.c.owner_id == owner_id, import_runs.c.id == run_id)
    row = conn.execute(query).mappings().first()
    return _run(row) if row else None


def list_runs(conn: sa.Connection, owner_id: int) -> list[ImportRun]:
    query = _query().where(import_runs.c.owner_id == owner_id).order_by(import_runs.c.id.desc())
    return [_run(row) for row in conn.execute(query).mappings()]


def last_state(conn: sa.Connection, owner_id: int, source: str) -> dict[str, Any]:
    query = (
        sa.select(import_runs.c.summary)
        .where(import_runs.c.owner_id == owner_id, import_runs.c.source == source)
        .order_by(import_runs.c.id.desc())
        .limit(1)
    )
    summary = conn.execute(query).scalar()
    return dict((summary or {}).get("state") or {})


def delete_run(conn: sa.Connection, owner_id: int, run_id: int) -> int:
    """Delete the run and exactly the evidence it added; returns how many items went."""
    removed = conn.execute(
        sa.delete(evidence).where(evidence.c.owner_id == owner_id, evidence.c.import_run_id == run_id)
    ).rowcount
    conn.execute(sa.delete(import_runs).where(import_runs.c.owner_id == owner_id, import_runs.c.id == run_id))
    return int(removed)
