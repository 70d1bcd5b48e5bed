"""Groupings of recurring requests kept between processes (`kept_groups`): a few per person, newest kept."""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa

from upward.store.tables_kept_groups import kept_groups

#: How many groupings each person keeps: the diagnosis's year, and a few others (the plan, older days).
KEPT = 4
Grouping = tuple[tuple[int, ...], ...]


def get(conn: sa.Connection, owner_id: int, key: str) -> Grouping | None:
    query = sa.select(kept_groups.c.grouping).where(kept_groups.c.owner_id == owner_id, kept_groups.c.key == key)
    found = conn.execute(query).scalar_one_or_none()
    return None if found is None else tuple(tuple(group) for group in json.loads(found))


def put(conn: sa.Connection, owner_id: int, key: str, grouping: Grouping) -> None:
    """Keep `grouping` under `key`, dropping the person's oldest beyond `KEPT`."""
    mine = kept_groups.c.owner_id == owner_id
    conn.execute(sa.delete(kept_groups).where(mine, kept_groups.c.key == key))
    text = json.dumps(grouping, separators=(",", ":"))
    conn.execute(sa.insert(kept_groups).values(owner_id=owner_id, key=key, grouping=text, kept_at=datetime.now()))
    newest = sa.select(kept_groups.c.key).where(mine).order_by(kept_groups.c.kept_at.desc()).limit(KEPT)
    conn.execute(sa.delete(kept_groups).where(mine, kept_groups.c.key.not_in(newest.scalar_subquery())))
