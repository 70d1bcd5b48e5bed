"""Queries for recurring problems: the items grouping reads, the groups, their members and the read mark."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.model import Evidence, Kind
from upward.store.evidence_repo import from_row
from upward.store.tables import evidence
from upward.store.tables_patterns import pattern_members, pattern_state, patterns

#: Work that can be a recurring problem: requests and incidents, and every ticket and commit imported.
KINDS = (Kind.REQUEST.value, Kind.INCIDENT.value)
SOURCES = ("git", "github", "jira", "linear")


def _candidates(owner_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(evidence.c.owner_id == owner_id, sa.or_(evidence.c.kind.in_(KINDS), evidence.c.source.in_(SOURCES)))


def candidate_texts(
    conn: sa.Connection, owner_id: int, *, after: int = 0, upto: int | None = None
) -> list[tuple[int, str]]:
    """(id, title and body) of every item grouping reads, with an id above `after` (and up to `upto`)."""
    query = sa.select(evidence.c.id, evidence.c.title, evidence.c.body).where(
        _candidates(owner_id), evidence.c.id > after
    )
    if upto is not None:
        query = query.where(evidence.c.id <= upto)
    return [(row.id, f"{row.title}\n{row.body}") for row in conn.execute(query.order_by(evidence.c.id))]


def candidate_count(conn: sa.Connection, owner_id: int, upto: int) -> int:
    query = sa.select(sa.func.count()).where(_candidates(owner_id), evidence.c.id <= upto)
    return int(conn.execute(query).scalar_one())


def last_evidence_id(conn: sa.Connection, owner_id: int) -> int:
    query = sa.select(sa.func.max(evidence.c.id)).where(evidence.c.owner_id == owner_id)
    return int(conn.execute(query).scalar_one() or 0)


def state(conn: sa.Connection, owner_id: int) -> tuple[str, int] | None:
    row = conn.execute(sa.select(pattern_state).where(pattern_state.c.owner_id == owner_id)).first()
    return (row.backend, row.last_evidence_id) if row else None


def save_state(conn: sa.Connection, owner_id: int, backend: str, last_id: int) -> None:
    values = {"backend": backend, "last_evidence_id": last_id, "grouped_at": datetime.now()}
    done = conn.execute(sa.update(pattern_state).where(pattern_state.c.owner_id == owner_id).values(**values))
    if not done.rowcount:
        conn.execute(sa.insert(pattern_state).values(owner_id=owner_id, **values))


def membership(conn: sa.Connection, owner_id: int) -> dict[int, int]:
    """evidence id -> pattern id, for every grouped item."""
    query = sa.select(pattern_members.c.evidence_id, pattern_members.c.pattern_id).where(
        pattern_members.c.owner_id == owner_id
    )
    return {row.evidence_id: row.pattern_id for row in conn.execute(query)}


def create(conn: sa.Connection, owner_id: int) -> int:
    values = {"status": "open", "created_at": datetime.now(), "fix": "", "steps": {}, "teams_taught": []}
    query = sa.insert(patterns).values(owner_id=owner_id, **values).returning(patterns.c.id)
    return int(conn.execute(query).scalar_one())


def add_members(conn: sa.Connection, owner_id: int, rows: Iterable[tuple[int, int, float]]) -> None:
    """Put items in groups: (pattern id, evidence id, similarity) each."""
    values = [{"owner_id": owner_id, "pattern_id": p, "evidence_id": e, "similarity": s} for p, e, s in rows]
    if values:
        conn.execute(sa.insert(pattern_members), values)


def clear_members(conn: sa.Connection, owner_id: int) -> None:
    conn.execute(sa.delete(pattern_members).where(pattern_members.c.owner_id == owner_id))


def drop_empty_open(conn: sa.Connection, owner_id: int) -> None:
    """Forget open groups that lost every item; adopted ones stay, they are the person's initiatives."""
    has_members = sa.select(pattern_members.c.id).where(pattern_members.c.pattern_id == patterns.c.id).exists()
    conn.execute(sa.delete(patterns).where(patterns.c.owner_id == owner_id, patterns.c.status == "open", ~has_members))


def rows(conn: sa.Connection, owner_id: int, pattern_id: int | None = None) -> list[sa.RowMapping]:
    query = sa.select(patterns).where(patterns.c.owner_id == owner_id).order_by(patterns.c.id)
    if pattern_id is not None:
        query = query.where(patterns.c.id == pattern_id)
    return list(conn.execute(query).mappings())


def members(conn: sa.Connection, owner_id: int, pattern_id: int | None = None) -> dict[int, list[Evidence]]:
    """pattern id -> its items, oldest first."""
    query = (
        sa.select(pattern_members.c.pattern_id, evidence)
        .join(evidence, evidence.c.id == pattern_members.c.evidence_id)
        .where(pattern_members.c.owner_id == owner_id)
        .order_by(evidence.c.occurred_at, evidence.c.id)
    )
    if pattern_id is not None:
        query = query.where(pattern_members.c.pattern_id == pattern_id)
    out: dict[int, list[Evidence]] = {}
    for row in conn.execute(query).mappings():
        out.setdefault(row["pattern_id"], []).append(from_row(row))
    return out


def update(conn: sa.Connection, owner_id: int, pattern_id: int, **values: Any) -> None:
    conn.execute(
        sa.update(patterns).where(patterns.c.owner_id == owner_id, patterns.c.id == pattern_id).values(**values)
    )
