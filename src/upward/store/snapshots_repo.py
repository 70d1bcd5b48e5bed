"""Diagnosis snapshots: one a day per person, for the trend."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from upward.model.diagnosis import Diagnosis
from upward.store.tables import diagnosis_snapshots as snapshots


def save(conn: sa.Connection, owner_id: int, diagnosis: Diagnosis) -> None:
    """Store today's snapshot, replacing an earlier one from the same day."""
    values = {
        "stall_score": diagnosis.stall_score,
        "areas": {a.id: a.score for a in diagnosis.areas},
        "findings": {f.id: {"status": f.status.value, "value": f.value} for f in diagnosis.findings},
        "created_at": datetime.now().replace(microsecond=0),
    }
    where = (snapshots.c.owner_id == owner_id, snapshots.c.day == diagnosis.day)
    if conn.execute(sa.select(snapshots.c.id).where(*where)).first():
        conn.execute(sa.update(snapshots).where(*where).values(values))
    else:
        conn.execute(sa.insert(snapshots).values(values | {"owner_id": owner_id, "day": diagnosis.day}))


def history(conn: sa.Connection, owner_id: int, since: date | None = None) -> list[dict[str, Any]]:
    query = sa.select(snapshots).where(snapshots.c.owner_id == owner_id).order_by(snapshots.c.day)
    if since is not None:
        query = query.where(snapshots.c.day >= since)
    return [
        {"day": row["day"], "stall_score": row["stall_score"], "areas": row["areas"], "findings": row["findings"]}
        for row in conn.execute(query).mappings()
    ]
