"""Queries for the documents' tables: updates sent, ladders and confirmed mappings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.ladders.model import Ladder
from upward.store.tables_documents import documents_sent, ladder_mappings, ladders


def record_sent(conn: sa.Connection, owner_id: int, document: str, period: str, evidence_id: int | None) -> None:
    conn.execute(
        documents_sent.insert().values(
            owner_id=owner_id, document=document, period=period, sent_at=datetime.now(), evidence_id=evidence_id
        )
    )


def sent(conn: sa.Connection, owner_id: int, document: str) -> dict[str, datetime]:
    """Period ("2026-03") -> when it was marked sent."""
    rows = conn.execute(
        sa.select(documents_sent.c.period, documents_sent.c.sent_at).where(
            documents_sent.c.owner_id == owner_id, documents_sent.c.document == document
        )
    )
    return {row.period: row.sent_at for row in rows}


def save_ladder(conn: sa.Connection, owner_id: int, ladder: Ladder, file_name: str) -> tuple[int, bool]:
    """Store the ladder, replacing one of the same name (its confirmed mappings stay). Returns (id, replaced)."""
    values = {"format": ladder.format, "file_name": file_name[-500:], "levels": ladder.levels_json(),
              "imported_at": datetime.now()}  # fmt: skip
    existing = conn.execute(
        sa.select(ladders.c.id).where(ladders.c.owner_id == owner_id, ladders.c.name == ladder.name)
    ).scalar_one_or_none()
    if existing is not None:
        conn.execute(ladders.update().where(ladders.c.id == existing).values(**values))
        return existing, True
    new_id = conn.execute(ladders.insert().values(owner_id=owner_id, name=ladder.name, **values)).inserted_primary_key
    assert new_id is not None
    return int(new_id[0]), False


def list_ladders(conn: sa.Connection, owner_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(ladders).where(ladders.c.owner_id == owner_id).order_by(ladders.c.imported_at.desc(), ladders.c.id)
    )
    return [dict(row._mapping) for row in rows]


def get_ladder(conn: sa.Connection, owner_id: int, name: str) -> tuple[int, Ladder] | None:
    row = conn.execute(
        sa.select(ladders).where(ladders.c.owner_id == owner_id, sa.func.lower(ladders.c.name) == name.strip().lower())
    ).first()
    if row is None:
        return None
    return row.id, Ladder.from_json(row.name, row.format, row.levels)


def mappings(conn: sa.Connection, owner_id: int, ladder_id: int) -> list[tuple[str, str]]:
    """(expectation id, item) pairs the person confirmed."""
    rows = conn.execute(
        sa.select(ladder_mappings.c.expectation, ladder_mappings.c.item)
        .where(ladder_mappings.c.owner_id == owner_id, ladder_mappings.c.ladder_id == ladder_id)
        .order_by(ladder_mappings.c.id)
    )
    return [(row.expectation, row.item) for row in rows]


def confirm(conn: sa.Connection, owner_id: int, ladder_id: int, expectation: str, item: str) -> bool:
    """Keep the mapping; False when it was already confirmed."""
    if (expectation, item) in mappings(conn, owner_id, ladder_id):
        return False
    conn.execute(
        ladder_mappings.insert().values(
            owner_id=owner_id, ladder_id=ladder_id, expectation=expectation, item=item, confirmed_at=datetime.now()
        )
    )
    return True


def unconfirm(conn: sa.Connection, owner_id: int, ladder_id: int, expectation: str, item: str) -> bool:
    result = conn.execute(
        ladder_mappings.delete().where(
            ladder_mappings.c.owner_id == owner_id,
            ladder_mappings.c.ladder_id == ladder_id,
            ladder_mappings.c.expectation == expectation,
            ladder_mappings.c.item == item,
        )
    )
    return bool(result.rowcount)
