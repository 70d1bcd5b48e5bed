"""One person of the map, by id or by name: read, change, remove (adding is `people_repo.upsert_by_name`)."""

from __future__ import annotations

from dataclasses import asdict

import sqlalchemy as sa

from upward.model import Person, PersonDraft
from upward.store.people_repo import from_row
from upward.store.tables import people


def get(conn: sa.Connection, owner_id: int, person_id: int) -> Person | None:
    row = conn.execute(sa.select(people).where(people.c.owner_id == owner_id, people.c.id == person_id))
    found = row.mappings().first()
    return None if found is None else from_row(found)


def find(conn: sa.Connection, owner_id: int, name: str) -> Person | None:
    """By name or email, in any case."""
    wanted = name.strip().lower()
    query = sa.select(people).where(
        people.c.owner_id == owner_id,
        sa.or_(sa.func.lower(people.c.name) == wanted, sa.func.lower(people.c.email) == wanted),
    )
    found = conn.execute(query.order_by(people.c.id)).mappings().first()
    return None if found is None else from_row(found)


def update(conn: sa.Connection, owner_id: int, person_id: int, draft: PersonDraft) -> None:
    fields = {name: value for name, value in asdict(draft).items() if name in PersonDraft.__dataclass_fields__}
    values = fields | {"role": draft.role.value, "awareness": draft.awareness.value}
    conn.execute(sa.update(people).where(people.c.owner_id == owner_id, people.c.id == person_id).values(values))


def delete(conn: sa.Connection, owner_id: int, person_id: int) -> None:
    conn.execute(sa.delete(people).where(people.c.owner_id == owner_id, people.c.id == person_id))
