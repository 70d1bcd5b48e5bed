"""The people around the person: decision-makers, peers, requesters."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.model import Person, PersonDraft, PromotionRole
from upward.model.people import Awareness
from upward.store.tables import people


def from_row(row: sa.RowMapping) -> Person:
    fields = {k: v for k, v in row.items() if k != "created_at"}
    fields["role"] = PromotionRole(fields["role"])
    fields["awareness"] = Awareness(fields["awareness"])
    return Person(**fields)


def upsert_by_name(conn: sa.Connection, owner_id: int, draft: PersonDraft) -> int:
    """Add the person, or update the one with the same name. Returns the id."""
    values = asdict(draft) | {"role": draft.role.value, "awareness": draft.awareness.value}
    found = _find(conn, owner_id, draft.name)
    if found is not None:
        conn.execute(sa.update(people).where(people.c.id == found).values(values))
        return int(found)
    values |= {"owner_id": owner_id, "created_at": datetime.now().replace(microsecond=0)}
    return int(conn.execute(sa.insert(people).values(values).returning(people.c.id)).scalar_one())


def ensure(conn: sa.Connection, owner_id: int, draft: PersonDraft) -> int:
    """Add the person if they are new; otherwise only record their role and email, keeping the rest."""
    found = _find(conn, owner_id, draft.name)
    if found is None:
        return upsert_by_name(conn, owner_id, draft)
    changes: dict[str, Any] = {"role": draft.role.value}
    if draft.email:
        changes["email"] = draft.email
    conn.execute(sa.update(people).where(people.c.id == found).values(changes))
    return found


def _find(conn: sa.Connection, owner_id: int, name: str) -> int | None:
    found = conn.execute(
        sa.select(people.c.id).where(people.c.owner_id == owner_id, sa.func.lower(people.c.name) == name.lower())
    ).scalar()
    return None if found is None else int(found)


def list_people(conn: sa.Connection, owner_id: int) -> list[Person]:
    query = sa.select(people).where(people.c.owner_id == owner_id).order_by(people.c.influence.desc(), people.c.name)
    return [from_row(row) for row in conn.execute(query).mappings()]
