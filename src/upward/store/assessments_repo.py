"""Self-assessments, each kept with its date."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from upward.store.tables import assessments


def add(conn: sa.Connection, owner_id: int, answers: dict[str, str], taken_at: datetime) -> int:
    values = {"owner_id": owner_id, "taken_at": taken_at, "answers": answers}
    return int(conn.execute(sa.insert(assessments).values(values).returning(assessments.c.id)).scalar_one())


def latest(conn: sa.Connection, owner_id: int) -> tuple[datetime, dict[str, str]] | None:
    query = (
        sa.select(assessments.c.taken_at, assessments.c.answers)
        .where(assessments.c.owner_id == owner_id)
        .order_by(assessments.c.taken_at.desc(), assessments.c.id.desc())
        .limit(1)
    )
    row = conn.execute(query).first()
    return (row[0], dict(row[1])) if row else None
