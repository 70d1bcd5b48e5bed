"""The person's plan and its items."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from upward.model.plan import ItemDraft, ItemStatus, Plan, PlanItem
from upward.store.tables_plan import plan_items, plans

ITEM_FIELDS = ("key", "move", "action", "title", "detail", "due", "red_flag", "origin", "origin_id")


def get(conn: sa.Connection, owner_id: int) -> Plan | None:
    row = conn.execute(sa.select(plans).where(plans.c.owner_id == owner_id)).mappings().first()
    if row is None:
        return None
    query = (
        sa.select(plan_items)
        .where(plan_items.c.plan_id == row["id"], plan_items.c.owner_id == owner_id)
        .order_by(plan_items.c.due, plan_items.c.position, plan_items.c.id)
    )
    items = tuple(_item(r) for r in conn.execute(query).mappings())
    return Plan(
        id=row["id"],
        start=row["start"],
        created_at=row["created_at"],
        adjusted_at=row["adjusted_at"],
        playbook=row["playbook"],
        items=items,
    )


def _item(row: sa.RowMapping) -> PlanItem:
    values: dict[str, Any] = {k: row[k] for k in ITEM_FIELDS}
    return PlanItem(
        **values,
        id=row["id"],
        position=row["position"],
        status=ItemStatus(row["status"]),
        closed_on=row["closed_on"],
        why=row["why"],
        first_due=row["first_due"],
    )


def create(conn: sa.Connection, owner_id: int, start: date, playbook: str) -> int:
    values = {"owner_id": owner_id, "start": start, "playbook": playbook[:200], "created_at": _now()}
    return int(conn.execute(sa.insert(plans).values(values).returning(plans.c.id)).scalar_one())


def delete_plan(conn: sa.Connection, owner_id: int) -> None:
    found = sa.select(plans.c.id).where(plans.c.owner_id == owner_id).scalar_subquery()
    conn.execute(sa.delete(plan_items).where(plan_items.c.owner_id == owner_id, plan_items.c.plan_id == found))
    conn.execute(sa.delete(plans).where(plans.c.owner_id == owner_id))


def add_items(
    conn: sa.Connection, owner_id: int, plan_id: int, drafts: Iterable[ItemDraft], first: int = 0
) -> list[int]:
    ids = []
    for position, draft in enumerate(drafts, first):
        values = _values(draft) | {
            "owner_id": owner_id,
            "plan_id": plan_id,
            "position": position,
            "first_due": draft.due,
            "status": ItemStatus.OPEN.value,
            "why": "",
        }
        ids.append(int(conn.execute(sa.insert(plan_items).values(values).returning(plan_items.c.id)).scalar_one()))
    return ids


def update_item(conn: sa.Connection, owner_id: int, item_id: int, draft: ItemDraft, position: int) -> None:
    values = _values(draft) | {"position": position}
    conn.execute(sa.update(plan_items).where(_mine(owner_id, item_id)).values(values))


def delete_items(conn: sa.Connection, owner_id: int, ids: Iterable[int]) -> None:
    wanted = list(ids)
    if wanted:
        conn.execute(sa.delete(plan_items).where(plan_items.c.owner_id == owner_id, plan_items.c.id.in_(wanted)))


def set_status(
    conn: sa.Connection, owner_id: int, item_id: int, status: ItemStatus, day: date | None, why: str
) -> None:
    values = {"status": status.value, "closed_on": day, "why": why}
    conn.execute(sa.update(plan_items).where(_mine(owner_id, item_id)).values(values))


def mark_adjusted(conn: sa.Connection, owner_id: int) -> None:
    conn.execute(sa.update(plans).where(plans.c.owner_id == owner_id).values(adjusted_at=_now()))


def next_position(conn: sa.Connection, plan_id: int) -> int:
    top = conn.execute(sa.select(sa.func.max(plan_items.c.position)).where(plan_items.c.plan_id == plan_id)).scalar()
    return 0 if top is None else int(top) + 1


def _mine(owner_id: int, item_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(plan_items.c.owner_id == owner_id, plan_items.c.id == item_id)


def _values(draft: ItemDraft) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(draft, name) for name in ITEM_FIELDS}
    values["title"] = draft.title[:300]
    values["key"] = draft.key[:200]
    return values


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)
