"""Reading a person's evidence as columns, for analyses that look at a few fields of every item."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import Any, TypeVar

import sqlalchemy as sa

from upward.model import Evidence, Kind, Metric
from upward.model.evidence_columns import EvidenceColumns, ItemText, LazyColumn
from upward.store import evidence_facts_repo
from upward.store.evidence_facts_repo import WorkOut
from upward.store.evidence_repo import _COLUMNS, _parse_time, _Reader, from_row
from upward.store.tables import evidence
from upward.store.tables_evidence_facts import evidence_facts

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


#: Reads the texts of items by id, in a transaction of its own (`evidence_facts_repo.texts`).
ReadTexts = Callable[[Sequence[int]], dict[int, ItemText]]
#: Reads the titles and projects of items by id, in a transaction of its own.
ReadNames = Callable[[Sequence[int]], dict[int, tuple[str, str | None]]]
#: The kinds as small numbers in the query (Python keeps one object for each small number, where it would
#: build a string for every row); the kinds whose titles are always read (the recurring signal's and the
#: frameworks'); the others' titles, and every project, are read only for the rows that need them.
_KIND_CODES = tuple(Kind)
_TITLED = (Kind.REQUEST, Kind.INCIDENT, Kind.FRAMEWORK, Kind.STRATEGY)
#: Items whose project the diagnosis names (a stretch: strategic work, or tagged so); for the others it is
#: read when asked. Their missing project comes as '' (read already) rather than NULL (not read).
_NAMED = f"e.kind IN ('{Kind.STRATEGY.value}', '{Kind.FRAMEWORK.value}') OR e.tags LIKE '%\"stretch\"%'"
#: What the diagnosis reads of each item when the texts' facts are kept, in this order.
_FACT_COLUMNS = ("id", "occurred_at", "kind", "title", "project", "requester", "teams", "people", "minutes", "tags")
_KEPT_COLUMNS = ("flags", "users", "money", "words")


def facts_since(
    conn: sa.Connection,
    owner_id: int,
    since: datetime,
    facts: tuple[int, WorkOut],
    read_texts: ReadTexts,
    read_names: ReadNames,
) -> EvidenceColumns:
    """Every item from `since`, oldest first, as columns with what each text says (`EvidenceColumns.facts`)
    instead of the texts: the facts kept for `facts`' version, and the others worked out now and kept.

    Details and numbers (`read_texts`), projects and the titles of most kinds (`read_names`) are read only
    for the rows anyone asks about.
    """
    version, work = facts
    if conn.dialect.name == "sqlite":
        rows, decode = _sqlite_fact_rows(conn, owner_id, since, version), _STORED_TEXT
    else:
        rows, decode = _fact_rows(conn, owner_id, since, version), _DRIVER_VALUES
    width = len(_FACT_COLUMNS)
    values = list(zip(*rows, strict=True)) if rows else [()] * (width + len(_KEPT_COLUMNS))
    columns = dict(zip(_FACT_COLUMNS, values, strict=False))
    ids = list(columns["id"])
    stored = list(zip(*values[width:], strict=True))  # `evidence_facts_repo.Stored` per row; flags None: not kept
    missing = [row for row, kept in enumerate(stored) if kept[0] is None]
    if missing:
        found = evidence_facts_repo.work_out(conn, owner_id, [ids[row] for row in missing], version, work)
        for row in missing:
            stored[row] = found[ids[row]]
    shapes = [kept[:3] for kept in stored]
    distinct = {shape: evidence_facts_repo.from_stored(*shape) for shape in set(shapes)}  # a few shapes repeat
    texts_of_words = [kept[3] for kept in stored]
    words = {text: frozenset(text.split()) for text in set(texts_of_words) if text is not None}
    texts = _ByRow(ids, read_texts)
    names = _ByRow(ids, read_names)
    return EvidenceColumns(
        ids=ids,
        occurred=decode.times(columns["occurred_at"]),
        titles=LazyColumn(len(ids), names.field(0), known=columns["title"]),
        bodies=LazyColumn(len(ids), texts.field(1)),
        kinds=list(map(_KIND_CODES.__getitem__, columns["kind"])),
        requesters=list(columns["requester"]),
        teams=decode.lists(columns["teams"]),
        people=decode.lists(columns["people"]),
        minutes=list(columns["minutes"]),
        metrics=LazyColumn(len(ids), texts.field(2)),
        projects=LazyColumn(len(ids), names.field(1), known=columns["project"]),
        tags=decode.lists(columns["tags"]),
        item=None,
        facts=list(map(distinct.__getitem__, shapes)),
        words=[None if text is None else words[text] for text in texts_of_words],
        _found={"in_order": True},  # read oldest first
    )


class _ByRow:
    """Values read by item id for rows of the columns, each row once, shared by the columns built on them."""

    def __init__(self, ids: list[int], read: Callable[[Sequence[int]], dict[int, Any]]) -> None:
        self.ids, self.read, self.found = ids, read, dict[int, Any]()

    def field(self, position: int) -> Callable[[Sequence[int]], list[Any]]:
        def rows_of(wanted: Sequence[int]) -> list[Any]:
            missing = [row for row in wanted if row not in self.found]
            if missing:
                read = self.read([self.ids[row] for row in missing])
                self.found.update((row, read[self.ids[row]]) for row in missing)
            return [self.found[row][position] for row in wanted]

        return rows_of


def _kind_code_sql(column: str) -> str:
    cases = " ".join(f"WHEN '{kind.value}' THEN {code}" for code, kind in enumerate(_KIND_CODES))
    return f"CASE {column} {cases} END"


def _sqlite_fact_rows(conn: sa.Connection, owner_id: int, since: datetime, version: int) -> list[Any]:
    """The rows straight from the driver, sorted here. When the period holds much of the table, SQLite reads
    the whole table in its own order: four times quicker than fetching each row through the date index."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    titled = ", ".join(f"'{kind.value}'" for kind in _TITLED)
    try:
        start = since.isoformat(" ")
        (count,) = cursor.execute(
            "SELECT count(*) FROM evidence WHERE owner_id = ? AND occurred_at >= ?", (owner_id, start)
        ).fetchone()
        (largest,) = cursor.execute("SELECT coalesce(max(id), 0) FROM evidence").fetchone()
        scan = "+" if count * 4 >= largest else ""  # `+column`: the same test, without the index
        rows: list[Any] = cursor.execute(
            f"SELECT e.id, e.occurred_at, {_kind_code_sql('e.kind')}, "
            f"CASE WHEN e.kind IN ({titled}) OR {_NAMED} THEN e.title END, "
            f"CASE WHEN {_NAMED} THEN coalesce(e.project, '') END, e.requester, e.teams, e.people, e.minutes, "
            "e.tags, f.flags, f.users, f.money, f.words FROM evidence e "
            "LEFT JOIN evidence_facts f ON f.evidence_id = e.id AND f.version = ? "
            f"WHERE {scan}e.owner_id = ? AND {scan}e.occurred_at >= ?",
            (version, owner_id, start),
        ).fetchall()
    finally:
        cursor.close()
    if scan:  # the table's own order is the ids': a stable sort by date gives `ORDER BY occurred_at, id`
        rows.sort(key=itemgetter(1))
    else:
        rows.sort(key=itemgetter(1, 0))
    return rows


def _fact_rows(conn: sa.Connection, owner_id: int, since: datetime, version: int) -> list[Any]:
    kept = sa.and_(evidence_facts.c.evidence_id == evidence.c.id, evidence_facts.c.version == version)
    code = sa.case({kind.value: number for number, kind in enumerate(_KIND_CODES)}, value=evidence.c.kind)
    strategic = evidence.c.kind.in_([Kind.STRATEGY.value, Kind.FRAMEWORK.value])
    named = sa.or_(strategic, sa.cast(evidence.c.tags, sa.Text).like('%"stretch"%'))  # as `_NAMED` says
    title = sa.case((sa.or_(evidence.c.kind.in_([kind.value for kind in _TITLED]), named), evidence.c.title))
    project = sa.case((named, sa.func.coalesce(evidence.c.project, "")))
    query = (
        sa.select(
            evidence.c.id,
            evidence.c.occurred_at,
            code,
            title,
            project,
            *(evidence.c[name] for name in _FACT_COLUMNS[5:]),
            *(evidence_facts.c[name] for name in _KEPT_COLUMNS),
        )
        .select_from(evidence.outerjoin(evidence_facts, kept))
        .where(evidence.c.owner_id == owner_id, evidence.c.occurred_at >= since)
        .order_by(evidence.c.occurred_at, evidence.c.id)
    )
    return [tuple(row) for row in conn.execute(query)]
