"""Accounts and the profile that belongs to each."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import sqlalchemy as sa

from upward.model import Profile
from upward.store.tables import accounts, profiles

LOCAL_ACCOUNT = "local"


def ensure_account(conn: sa.Connection, name: str = LOCAL_ACCOUNT) -> int:
    """The id of the named account, created on first use."""
    found = conn.execute(sa.select(accounts.c.id).where(accounts.c.name == name)).scalar()
    if found is not None:
        return int(found)
    values = {"name": name, "created_at": datetime.now().replace(microsecond=0)}
    return int(conn.execute(sa.insert(accounts).values(values).returning(accounts.c.id)).scalar_one())


def get_profile(conn: sa.Connection, owner_id: int) -> Profile | None:
    row = conn.execute(sa.select(profiles).where(profiles.c.owner_id == owner_id)).mappings().first()
    if row is None:
        return None
    fields = {k: v for k, v in row.items() if k not in ("owner_id", "updated_at")}
    return Profile(**fields)


def save_profile(conn: sa.Connection, owner_id: int, profile: Profile) -> None:
    values = asdict(profile) | {"updated_at": datetime.now().replace(microsecond=0)}
    exists = conn.execute(sa.select(profiles.c.owner_id).where(profiles.c.owner_id == owner_id)).first()
    if exists:
        conn.execute(sa.update(profiles).where(profiles.c.owner_id == owner_id).values(values))
    else:
        conn.execute(sa.insert(profiles).values(values | {"owner_id": owner_id}))
