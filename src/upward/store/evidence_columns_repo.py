"""Reading a person's evidence as columns, for analyses that look at a few fields of every item."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa

from upward.model import Evidence, Kind, Metric
from upward.model.evidence_columns import EvidenceColumns
from upward.store.evidence_repo import _COLUMNS, _parse_time, _Reader, from_row
from upward.store.tables import evidence

_KINDS = {kind.value: kind for kind in Kind}
T = TypeVar("T")


#: What analyses read; the other columns (where an item came from, when it was stored) only whole items need.
ANALYSED = ("id", "occurred_at", "title", "body", "kind", "requester", "teams", "people", "minutes", "metrics",
            "project", "tags")  # fmt: skip


def columns_since(conn: sa.Connection, owner_id: int, since: datetime, *, whole: bool = True) -> EvidenceColumns:
    """Every item from `since`, oldest first, as columns. With `whole`, the rest of each row is kept so whole
    items can be built from it (`EvidenceColumns.item`); without, only the analysed columns are read: about
    half the time on a large record."""
    names = _COLUMNS if whole else ANALYSED
    if conn.dialect.name == "sqlite":
        return _sqlite_columns(conn, owner_id, since, names)
    query = (
        sa.select(*(evidence.c[name] for name in names))
        .where(evidence.c.owner_id == owner_id, evidence.c.occurred_at >= since)
        .order_by(evidence.c.occurred_at, evidence.c.id)
    )
    rows = conn.execute(query).all()
    item = (lambda n: from_row(rows[n]._mapping)) if whole else None
    return _columns(names, [tuple(row) for row in rows], _DRIVER_VALUES, item)


def _sqlite_columns(conn: sa.Connection, owner_id: int, since: datetime, names: tuple[str, ...]) -> EvidenceColumns:
    """The rows straight from the driver, dates and lists as stored text: each distinct text is decoded once."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            f"SELECT {', '.join(names)} FROM evidence WHERE owner_id = ? AND occurred_at >= ? ORDER BY occurred_at, id",
            (owner_id, since.isoformat(" ")),
        )
        rows: list[Any] = list(cursor.fetchall())
    finally:
        cursor.close()
    reader = _Reader("sqlite")
    item = (lambda n: reader.evidence(rows[n])) if names == _COLUMNS else None  # the reader reads whole rows
    return _columns(names, rows, _STORED_TEXT, item)


@dataclass(frozen=True)
class _Decoding:
    """How a whole column of stored values becomes Python values."""

    lists: Callable[[Sequence[Any]], list[tuple[str, ...]]]
    metrics: Callable[[Sequence[Any]], list[tuple[Metric, ...]]]
    times: Callable[[Sequence[Any]], list[datetime]]


def _each_distinct(decode: Callable[[str], T]) -> Callable[[Sequence[str]], list[T]]:
    """`decode` over a column of texts, once per distinct text: the same lists of teams, people and tags come
    back again and again (and equal texts become one shared value)."""

    def column(texts: Sequence[str]) -> list[T]:
        decoded = {text: decode(text) for text in set(texts)}
        return list(map(decoded.__getitem__, texts))

    return column


def _metrics(values: list[dict[str, Any]]) -> tuple[Metric, ...]:
    return tuple(Metric.from_dict(m) for m in values)


def _times(texts: Sequence[str]) -> list[datetime]:
    """Dates as SQLite keeps them (`2026-11-02 09:30:00.000000`)."""
    try:
        return list(map(datetime.fromisoformat, texts))
    except ValueError:  # a shape only SQLAlchemy's own reader knows
        return list(map(_parse_time, texts))


_STORED_TEXT = _Decoding(
    lists=_each_distinct(lambda text: tuple(json.loads(text))),
    metrics=_each_distinct(lambda text: _metrics(json.loads(text))),
    times=_times,
)
_DRIVER_VALUES = _Decoding(
    lists=lambda values: [tuple(value) for value in values],
    metrics=lambda values: [_metrics(value) for value in values],
    times=list,
)


def _columns(
    names: tuple[str, ...], rows: Sequence[tuple[Any, ...]], decode: _Decoding, item: Callable[[int], Evidence] | None
) -> EvidenceColumns:
    columns = dict(zip(names, zip(*rows, strict=True) if rows else [()] * len(names), strict=True))
    return EvidenceColumns(
        ids=list(columns["id"]),
        occurred=decode.times(columns["occurred_at"]),
        titles=list(columns["title"]),
        bodies=list(columns["body"]),
        kinds=list(map(_KINDS.__getitem__, columns["kind"])),
        requesters=list(columns["requester"]),
        teams=decode.lists(columns["teams"]),
        people=decode.lists(columns["people"]),
        minutes=list(columns["minutes"]),
        metrics=decode.metrics(columns["metrics"]),
        projects=list(columns["project"]),
        tags=decode.lists(columns["tags"]),
        item=item,
    )
