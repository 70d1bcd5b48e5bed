"""Keeps `evidence_teams` in step with `evidence.teams`, and answers "which items name this team?".

Every write to `evidence` calls one function here; deleting an item needs none (the rows cascade). The rows
are derived in SQL from the stored items themselves, so a bulk insert needs only the new ids, in any order.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from upward.store.tables import evidence
from upward.store.tables_evidence_teams import evidence_teams

#: Ids per statement: well under the bound-parameter limits of SQLite (32,766) and PostgreSQL (65,535).
_IDS_PER_STATEMENT = 5_000


def added(conn: sa.Connection, evidence_ids: Sequence[int]) -> None:
    """Index the teams of items just stored (one statement for up to 5,000 items)."""
    sqlite = conn.dialect.name == "sqlite"
    for start in range(0, len(evidence_ids), _IDS_PER_STATEMENT):
        chunk = evidence_ids[start : start + _IDS_PER_STATEMENT]
        if sqlite:
            conn.exec_driver_sql(_sqlite_added(len(chunk)), tuple(chunk))
        else:
            conn.execute(_derive(conn.dialect.name, evidence.c.id.in_(chunk)))


@lru_cache(maxsize=8)
def _sqlite_added(ids: int) -> str:
    """`_derive` for `ids` new items on SQLite, written out: an import adds 100,000 items a thousand at a time, and
    SQLAlchemy's work on each bound id cost half as much as SQLite's own. `OR IGNORE` keeps one row for a team an
    item names twice, as DISTINCT does, without sorting every row (the items are new, so nothing else is there)."""
    return (
        "INSERT OR IGNORE INTO evidence_teams (evidence_id, owner_id, team) "
        "SELECT evidence.id, evidence.owner_id, item.value FROM evidence JOIN json_each(evidence.teams) AS item "
        f"WHERE evidence.id IN ({', '.join('?' * ids)}) AND item.type = 'text'"
    )


def changed(conn: sa.Connection, evidence_id: int) -> None:
    """Index the teams of an item again after it was changed."""
    conn.execute(sa.delete(evidence_teams).where(evidence_teams.c.evidence_id == evidence_id))
    added(conn, [evidence_id])


def rebuild(conn: sa.Connection) -> None:
    """Index every item again, for every account: after a restore, or rows written without this module."""
    conn.execute(sa.delete(evidence_teams))
    conn.execute(_derive(conn.dialect.name, sa.true()))


#: Up to this many items naming a team, SQLite reads them by id and sorts them (`with_team`); past it, walking
#: the date index from the newest and checking each item (`names`) fills a page sooner. Walking for a rare team
#: checks every item: 120-250 ms over 100,000 items, against under 1 ms by id.
FEW = 1_000


def names(owner_id: int, team: str) -> sa.ColumnElement[bool]:
    """Whether an evidence row names `team`, exactly as written (case and all): one index look-up per row."""
    return sa.exists().where(
        evidence_teams.c.evidence_id == evidence.c.id,
        evidence_teams.c.owner_id == owner_id,
        evidence_teams.c.team == team,
    )


def with_team(owner_id: int, team: str) -> sa.Select[Any]:
    """The ids of `owner_id`'s items naming `team`, exactly as written."""
    return sa.select(evidence_teams.c.evidence_id).where(
        evidence_teams.c.owner_id == owner_id, evidence_teams.c.team == team
    )


def count(conn: sa.Connection, owner_id: int, team: str) -> int:
    """How many of `owner_id`'s items name `team`, from the index alone."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(with_team(owner_id, team).subquery())).scalar_one())


def _derive(dialect: str, which: sa.ColumnElement[bool]) -> sa.Insert:
    """`INSERT ... SELECT` of one row per distinct team named by the items `which` selects.

    Only strings count: the filter compared `teams` with a string before this table existed, so a number or
    a nested list in `teams` never matched a team and is not indexed.
    """
    if dialect == "postgresql":
        teams = sa.type_coerce(evidence.c.teams, postgresql.JSONB)
        array = sa.case((sa.func.jsonb_typeof(teams) == "array", teams), else_=sa.literal_column("'[]'::jsonb"))
        element = sa.func.jsonb_array_elements(array).table_valued("value")
        team: Any = element.c.value.op("#>>")(sa.literal_column("'{}'"))
        strings: Any = sa.func.jsonb_typeof(element.c.value) == "string"
    else:
        element = sa.func.json_each(evidence.c.teams).table_valued("value", "type")
        team, strings = element.c.value, element.c.type == "text"
    # A join on true rather than a comma: the same query, without SQLAlchemy's cartesian-product warning.
    items = evidence.join(element, sa.true())
    rows = sa.select(evidence.c.id, evidence.c.owner_id, team).select_from(items).where(which, strings)
    columns = ("evidence_id", "owner_id", "team")
    return sa.insert(evidence_teams).from_select(columns, rows.distinct())
