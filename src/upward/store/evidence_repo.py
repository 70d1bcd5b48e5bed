"""Queries over the evidence table: add, fetch, filter, full-text search, change, delete."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, time
from functools import lru_cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from upward.model import Evidence, EvidenceDraft, EvidenceFilter, Kind, Metric, Page
from upward.store import evidence_facts_repo, evidence_teams_repo
from upward.store.tables import evidence

_WORD = re.compile(r"\w+", re.UNICODE)


def draft_values(draft: EvidenceDraft) -> dict[str, Any]:
    return {
        "occurred_at": draft.occurred_at,
        "title": draft.title,
        "body": draft.body,
        "kind": draft.kind.value,
        "source": draft.source,
        "source_id": draft.source_id,
        "url": draft.url,
        "requester": draft.requester,
        "teams": list(draft.teams),
        "people": list(draft.people),
        "minutes": draft.minutes,
        "metrics": [m.as_dict() for m in draft.metrics],
        "project": draft.project,
        "tags": list(draft.tags),
    }


def from_row(row: sa.RowMapping) -> Evidence:
    return Evidence(
        id=row["id"],
        owner_id=row["owner_id"],
        occurred_at=row["occurred_at"],
        title=row["title"],
        body=row["body"],
        kind=Kind(row["kind"]),
        source=row["source"],
        source_id=row["source_id"],
        url=row["url"],
        requester=row["requester"],
        teams=tuple(row["teams"]),
        people=tuple(row["people"]),
        minutes=row["minutes"],
        metrics=tuple(Metric.from_dict(m) for m in row["metrics"]),
        project=row["project"],
        tags=tuple(row["tags"]),
        import_run_id=row["import_run_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        edited_at=row["edited_at"],
    )


_COLUMNS = ("id", "owner_id", "occurred_at", "title", "body", "kind", "source", "source_id", "url", "requester",
            "teams", "people", "minutes", "metrics", "project", "tags", "import_run_id", "created_at", "updated_at",
            "edited_at")  # fmt: skip
assert tuple(evidence.c.keys()) == _COLUMNS, "a new evidence column: add it to _Reader.evidence too"
_LISTS = ("teams", "people", "tags")
_TIMES = ("occurred_at", "created_at", "updated_at", "edited_at")


class _Reader:
    """Rows to Evidence, fast: what `from_row` gives, for reading thousands of rows at a time.

    On SQLite, SQLAlchemy decodes every list with `json.loads`, which costs more than reading the row. Here
    lists and dates come as the stored text and each distinct text is parsed once (teams, tags, people and
    import times repeat a lot); on PostgreSQL the driver already gives Python values.
    """

    def __init__(self, dialect: str) -> None:
        self.raw = dialect == "sqlite"
        self.lists: dict[str, tuple[str, ...]] = {}
        self.metrics: dict[str, tuple[Metric, ...]] = {}
        self.times: dict[str, datetime] = {}

    def select(self) -> sa.Select[Any]:
        if not self.raw:
            return sa.select(evidence)
        return sa.select(*(self._as_text(column) for column in evidence.c))

    @staticmethod
    def _as_text(column: sa.Column[Any]) -> Any:
        if column.name in _LISTS or column.name == "metrics" or column.name in _TIMES:
            return sa.type_coerce(column, sa.String).label(column.name)
        return column

    def evidence(self, row: sa.Row[Any]) -> Evidence:
        """The item in `row`, a row of `select()`: the table's columns in `_COLUMNS` order."""
        if not self.raw:
            return from_row(row._mapping)
        values = cast(tuple[Any, ...], row)
        (id_, owner_id, occurred_at, title, body, kind, source, source_id, url, requester, teams, people, minutes,
         metrics, project, tags, import_run_id, created_at, updated_at, edited_at) = values  # fmt: skip
        return Evidence(
            id=id_,
            owner_id=owner_id,
            occurred_at=self._time(occurred_at),
            title=title,
            body=body,
            kind=Kind(kind),
            source=source,
            source_id=source_id,
            url=url,
            requester=requester,
            teams=self._list(teams),
            people=self._list(people),
            minutes=minutes,
            metrics=self._metrics(metrics),
            project=project,
            tags=self._list(tags),
            import_run_id=import_run_id,
            created_at=self._time(created_at),
            updated_at=self._time(updated_at),
            edited_at=None if edited_at is None else self._time(edited_at),
        )

    def _list(self, text: str) -> tuple[str, ...]:
        found = self.lists.get(text)
        if found is None:
            found = self.lists[text] = tuple(json.loads(text))
        return found

    def _metrics(self, text: str) -> tuple[Metric, ...]:
        found = self.metrics.get(text)
        if found is None:
            found = self.metrics[text] = tuple(Metric.from_dict(m) for m in json.loads(text))
        return found

    def _time(self, text: str) -> datetime:
        found = self.times.get(text)
        if found is None:
            found = self.times[text] = _parse_time(text)
        if len(self.times) > _TIMES_KEPT:
            self.times.clear()
        return found


_TIMES_KEPT = 10_000
#: SQLAlchemy's own reader for dates stored on SQLite, so the values are exactly what `from_row` gets.
_sqlite_datetime: Any = sa.DateTime().dialect_impl(sqlite.dialect()).result_processor(sqlite.dialect(), None)


def _parse_time(text: str) -> datetime:
    parsed = _sqlite_datetime(text)
    assert isinstance(parsed, datetime)
    return parsed


def _read(conn: sa.Connection, query: sa.Select[Any], reader: _Reader | None = None) -> Iterator[Evidence]:
    reader = reader or _Reader(conn.dialect.name)
    for row in conn.execute(query):
        yield reader.evidence(row)


def add(conn: sa.Connection, owner_id: int, draft: EvidenceDraft, *, import_run_id: int | None = None) -> int:
    now = datetime.now().replace(microsecond=0)
    values = draft_values(draft) | {
        "owner_id": owner_id,
        "import_run_id": import_run_id,
        "created_at": now,
        "updated_at": now,
    }
    new_id = conn.execute(sa.insert(evidence).values(values).returning(evidence.c.id)).scalar_one()
    evidence_teams_repo.added(conn, [new_id])
    return int(new_id)


def find_by_source(conn: sa.Connection, owner_id: int, source: str, source_id: str) -> Evidence | None:
    row = (
        conn.execute(
            sa.select(evidence).where(
                evidence.c.owner_id == owner_id, evidence.c.source == source, evidence.c.source_id == source_id
            )
        )
        .mappings()
        .first()
    )
    return from_row(row) if row else None


def find_by_sources(
    conn: sa.Connection, owner_id: int, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Evidence]:
    """The stored items with these (source, source id) keys, by key: one query per source, whatever the count."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for source, source_id in keys:
        by_source[source].append(source_id)
    found: dict[tuple[str, str], Evidence] = {}
    reader = _Reader(conn.dialect.name)
    for source, source_ids in by_source.items():
        for start in range(0, len(source_ids), _LOOKUP_BATCH):
            wanted = source_ids[start : start + _LOOKUP_BATCH]
            query = reader.select().where(
                evidence.c.owner_id == owner_id, evidence.c.source == source, _source_id_in(reader, wanted)
            )
            for item in _read(conn, query, reader):
                found[(source, item.source_id or "")] = item
    return found


def _source_id_in(reader: _Reader, wanted: list[str]) -> sa.ColumnElement[bool]:
    """`source_id IN wanted`; on SQLite the ids go as one JSON text, five times faster than a bound value each."""
    if not reader.raw:
        return evidence.c.source_id.in_(wanted)
    ids = sa.func.json_each(sa.literal(json.dumps(wanted), sa.String)).table_valued("value")
    return evidence.c.source_id.in_(sa.select(ids.c.value))


_LOOKUP_BATCH = 5_000


def add_many(
    conn: sa.Connection, owner_id: int, drafts: Sequence[EvidenceDraft], *, import_run_id: int | None = None
) -> None:
    """Store many new items at once, in the order given.

    They go as a few multi-row INSERT statements, never one statement per row: on SQLite the full-text index
    writes its pending words out at the end of every statement, so one statement per row costs ten times more.
    On PostgreSQL `RETURNING` makes SQLAlchemy do that ("insertmanyvalues"); on SQLite `_sqlite_add_many`
    binds the values itself.
    """
    if not drafts:
        return
    now = datetime.now().replace(microsecond=0)
    if conn.dialect.name == "sqlite":
        ids = _sqlite_add_many(conn, drafts, owner_id, import_run_id, now)
    else:
        extra = {"owner_id": owner_id, "import_run_id": import_run_id, "created_at": now, "updated_at": now}
        result = conn.execute(
            sa.insert(evidence).returning(evidence.c.id), [draft_values(draft) | extra for draft in drafts]
        )
        ids = list(result.scalars())
    evidence_teams_repo.added(conn, ids)


#: Rows in one INSERT on SQLite: 1,000 rows of 18 values stays well under its 32,766 bound parameters.
_SQLITE_ROWS = 1_000
_INSERTED = _COLUMNS[1:-1]  # every column but the id and edited_at
_sqlite_datetime_bind: Any = sa.DateTime().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())


def _sqlite_add_many(
    conn: sa.Connection, drafts: Sequence[EvidenceDraft], owner_id: int, import_run_id: int | None, now: datetime
) -> list[int]:
    """`add_many` on SQLite, with each value bound as SQLAlchemy would store it (dates as text, lists as JSON).

    SQLAlchemy's per-value processing cost almost as much as SQLite's own work; here the statement is written
    once per size and the lists (teams and tags repeat a lot) are turned into JSON once per distinct value.
    """
    stamp, as_json = _sqlite_time(now), _JsonTexts()
    ids: list[int] = []
    for start in range(0, len(drafts), _SQLITE_ROWS):
        chunk = drafts[start : start + _SQLITE_ROWS]
        values: list[Any] = []
        for d in chunk:
            values += (owner_id, _sqlite_time(d.occurred_at), d.title, d.body, d.kind.value, d.source, d.source_id,
                       d.url, d.requester, as_json(d.teams), as_json(d.people), d.minutes, as_json(d.metrics),
                       d.project, as_json(d.tags), import_run_id, stamp, stamp)  # fmt: skip
        ids += conn.exec_driver_sql(_sqlite_insert(len(chunk)), tuple(values)).scalars()
    return ids


@lru_cache(maxsize=8)
def _sqlite_insert(rows: int) -> str:
    row = f"({', '.join('?' * len(_INSERTED))})"
    return f"INSERT INTO evidence ({', '.join(_INSERTED)}) VALUES {', '.join([row] * rows)} RETURNING id"


def _sqlite_time(moment: datetime) -> str:
    if type(moment) is datetime and moment.tzinfo is None:
        return moment.isoformat(" ", "microseconds")  # the text SQLAlchemy stores, written faster
    return str(_sqlite_datetime_bind(moment))


class _JsonTexts(dict[tuple[Any, ...], str]):
    """A list as the JSON text SQLAlchemy stores for it (`json.dumps`), made once per distinct list."""

    def __call__(self, values: tuple[Any, ...]) -> str:
        key = tuple(values)
        text = self.get(key)
        if text is None:
            text = self[key] = _json_list(key)
        return text


def _json_list(values: tuple[Any, ...]) -> str:
    """`json.dumps(list(values))`; a list of strings (names, teams, tags) is written directly, which is faster."""
    if all(type(value) is str for value in values):
        return f"[{', '.join(map(_json_string, values))}]"
    return json.dumps([m.as_dict() if isinstance(m, Metric) else m for m in values])


_json_string: Any = json.encoder.encode_basestring_ascii  # what json.dumps writes for a string


def get(conn: sa.Connection, owner_id: int, evidence_id: int) -> Evidence | None:
    query = sa.select(evidence).where(evidence.c.owner_id == owner_id, evidence.c.id == evidence_id)
    row = conn.execute(query).mappings().first()
    return from_row(row) if row else None


def update(
    conn: sa.Connection, owner_id: int, evidence_id: int, draft: EvidenceDraft, *, by_person: bool = False
) -> None:
    """Store new values; `by_person` marks a correction, which later imports will not overwrite."""
    now = datetime.now().replace(microsecond=0)
    values = draft_values(draft) | {"updated_at": now}
    if by_person:
        values["edited_at"] = now
    for unchanged in ("source", "source_id"):
        values.pop(unchanged)
    conn.execute(
        sa.update(evidence).where(evidence.c.owner_id == owner_id, evidence.c.id == evidence_id).values(values)
    )
    evidence_teams_repo.changed(conn, evidence_id)
    evidence_facts_repo.forget(conn, evidence_id)


def delete(conn: sa.Connection, owner_id: int, evidence_id: int) -> bool:
    result = conn.execute(sa.delete(evidence).where(evidence.c.owner_id == owner_id, evidence.c.id == evidence_id))
    return result.rowcount > 0


def count(conn: sa.Connection, owner_id: int) -> int:
    query = sa.select(sa.func.count()).select_from(evidence).where(evidence.c.owner_id == owner_id)
    return int(conn.execute(query).scalar_one())


def iter_all(
    conn: sa.Connection, owner_id: int, batch: int = 2000, *, since: datetime | None = None
) -> Iterator[Evidence]:
    """Every item (or every item from `since`), oldest first, streamed in batches so memory stays flat."""
    reader = _Reader(conn.dialect.name)
    query = reader.select().where(evidence.c.owner_id == owner_id).order_by(evidence.c.occurred_at, evidence.c.id)
    if since is not None:
        query = query.where(evidence.c.occurred_at >= since)
    for row in conn.execution_options(yield_per=batch).execute(query):
        yield reader.evidence(row)


def distinct_values(conn: sa.Connection, owner_id: int, column: str) -> list[str]:
    col = evidence.c[column]
    query = sa.select(col).where(evidence.c.owner_id == owner_id, col.is_not(None)).distinct().order_by(col)
    return [str(v) for v in conn.execute(query).scalars()]


def distinct_teams(conn: sa.Connection, owner_id: int) -> list[str]:
    teams: set[str] = set()
    for value in conn.execute(sa.select(evidence.c.teams).where(evidence.c.owner_id == owner_id)).scalars():
        teams.update(value)
    return sorted(teams)


_fts = sa.table("evidence_fts", sa.column("rowid"), sa.column("rank"))
#: `evidence_fts.rowid = evidence.id`, in that order (`==` would write it the other way round): so written, SQLite
#: checks a list of ids (`evidence.id IN (...)`) on each match before it reads the item, not after.
_FTS_ROW = _fts.c.rowid.op("=", is_comparison=True)(evidence.c.id)

#: Ranking every match by relevance costs more than the search itself once a word is common (bm25 over 30,000
#: matches takes about 100 ms). Past this many matches, SQLite lists them newest first, as the plain list does.
RANKED_AT_MOST = 1_000


def listing(conn: sa.Connection, owner_id: int, wanted: EvidenceFilter) -> Page[Evidence]:
    """One page of evidence, newest first, or best match first when searching (on SQLite, newest first again
    when more than `RANKED_AT_MOST` items match)."""
    dialect = conn.dialect.name
    if wanted.text and dialect == "sqlite":
        return _sqlite_search_listing(conn, owner_id, wanted)
    reader = _Reader(dialect)
    conditions, total = _conditions(owner_id, wanted), None
    if wanted.team and not wanted.text:
        conditions, total = _by_team(conn, owner_id, wanted.team, conditions)
    base = reader.select().where(*conditions)
    order: list[Any] = [evidence.c.occurred_at.desc(), evidence.c.id.desc()]
    if wanted.text:
        base, rank = _search(base, dialect, wanted.text)
        order.insert(0, rank)
    if total is None:
        total = conn.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
    query = base.order_by(*order).limit(wanted.per_page).offset((wanted.page - 1) * wanted.per_page)
    items = list(_read(conn, query, reader))
    return Page(items=items, total=int(total), page=wanted.page, per_page=wanted.per_page)


def _conditions(owner_id: int, wanted: EvidenceFilter) -> list[Any]:
    conditions: list[Any] = [evidence.c.owner_id == owner_id]
    if wanted.date_from:
        conditions.append(evidence.c.occurred_at >= datetime.combine(wanted.date_from, time.min))
    if wanted.date_to:
        conditions.append(evidence.c.occurred_at <= datetime.combine(wanted.date_to, time.max))
    if wanted.kind:
        conditions.append(evidence.c.kind == wanted.kind.value)
    if wanted.source:
        conditions.append(evidence.c.source == wanted.source)
    if wanted.project:
        conditions.append(sa.func.lower(evidence.c.project) == wanted.project.lower())
    if wanted.team:
        conditions.append(evidence_teams_repo.names(owner_id, wanted.team))
    if wanted.ids is not None:
        conditions.append(evidence.c.id.in_(wanted.ids))
    return conditions


def _by_team(conn: sa.Connection, owner_id: int, team: str, conditions: list[Any]) -> tuple[list[Any], int | None]:
    """A listing by team: its conditions, and its total when the team is the only filter (the team index alone
    knows it). On SQLite, the items of a team named by few items are read by id (`evidence_teams_repo.FEW`)."""
    named = evidence_teams_repo.count(conn, owner_id, team)
    total = named if len(conditions) == 2 else None  # the owner and the team, nothing else
    if conn.dialect.name == "sqlite" and named <= evidence_teams_repo.FEW:
        by_id = evidence.c.id.in_(evidence_teams_repo.with_team(owner_id, team))
        conditions = [_unindexed_owner(owner_id), *conditions[1:], by_id]
    return conditions, total


def _unindexed_owner(owner_id: int) -> Any:
    """`+owner_id = ?`: the same test, which no index can serve (every evidence index starts with the owner), so
    SQLite's planner drives the query from another condition (the full-text matches, a list of ids)."""
    return _unindexed(evidence.c.owner_id) == owner_id


def _unindexed(column: Any) -> Any:
    """`+column`: the same value, which SQLite neither looks up in an index nor hands to the full-text index."""
    return UnaryExpression(column, operator=custom_op("+"))


def search_terms(text: str) -> list[str]:
    """The words of a free-text query; punctuation never reaches the full-text engine."""
    return [word.lower() for word in _WORD.findall(text)][:12]


def _search(base: sa.Select[Any], dialect: str, text: str) -> tuple[sa.Select[Any], Any]:
    """Narrow `base` to items matching every word (as a prefix); return it with a relevance order."""
    terms = search_terms(text)
    if not terms:
        return base.where(sa.false()), evidence.c.id
    if dialect == "postgresql":
        query = sa.func.to_tsquery("english", " & ".join(f"{term}:*" for term in terms))
        vector: sa.ColumnElement[Any] = sa.literal_column("evidence.search")
        return base.where(vector.op("@@")(query)), sa.func.ts_rank(vector, query).desc()
    joined = base.join(_fts, _fts.c.rowid == evidence.c.id).where(_fts_match(terms))
    return joined, _fts.c.rank


def _fts_match(terms: list[str]) -> Any:
    """SQLite's full-text condition: every word, each as a prefix."""
    return sa.literal_column("evidence_fts").op("MATCH")(" ".join(f'"{term}"*' for term in terms))


def _sqlite_search_listing(conn: sa.Connection, owner_id: int, wanted: EvidenceFilter) -> Page[Evidence]:
    """A page of search results on SQLite. The matching items are found with their relevance and date, reading
    their rows only when a filter needs them (`_matching`); only the page's rows are read in full."""
    terms = search_terms(wanted.text or "")
    if not terms:
        return Page(items=[], total=0, page=wanted.page, per_page=wanted.per_page)
    matched = _fts_match(terms)
    filters = _conditions(owner_id, wanted)
    words = _count(conn, sa.select(sa.func.count()).select_from(_fts).where(matched))
    if len(filters) == 1 and _sole_owner(conn, owner_id):
        # Nothing but the words to check: the full-text index alone knows how many items match.
        total = words
        rows = _ranked(conn, [matched]) if total <= RANKED_AT_MOST else []
    else:
        conditions, reads_rows = _matching(conn, owner_id, wanted, matched, words)
        rows = _ranked(conn, conditions, at_most=RANKED_AT_MOST + 1)
        total = len(rows)
        if total > RANKED_AT_MOST:
            counted = sa.select(sa.func.count()).select_from(_fts)
            counted = counted.join(evidence, _FTS_ROW) if reads_rows else counted
            total = _count(conn, counted.where(*conditions))
    reader, start = _Reader("sqlite"), (wanted.page - 1) * wanted.per_page
    if total > RANKED_AT_MOST:
        # Many matches: ranking them all would cost more than the search itself (bm25 over 30,000 matches takes
        # about 100 ms). Walk the date index from the newest and keep the items the full-text index matched.
        matching = sa.select(_fts.c.rowid).where(matched).scalar_subquery()
        newest = evidence.c.occurred_at.desc(), evidence.c.id.desc()
        query = reader.select().where(*filters, evidence.c.id.in_(matching)).order_by(*newest)
        items = list(_read(conn, query.limit(wanted.per_page).offset(start), reader))
    else:
        ids = _best_first(rows)[start : start + wanted.per_page]
        by_id = {item.id: item for item in _read(conn, reader.select().where(evidence.c.id.in_(ids)), reader)}
        items = [by_id[id_] for id_ in ids]
    return Page(items=items, total=total, page=wanted.page, per_page=wanted.per_page)


def _matching(
    conn: sa.Connection, owner_id: int, wanted: EvidenceFilter, matched: Any, words: int
) -> tuple[list[Any], bool]:
    """The conditions that find `owner_id`'s items passing the filters and matching the words (`words` items
    match them in all), in the cheaper of two plans, and whether they read each match's row.

    Left to itself, SQLite's planner walks an evidence index (owner, kind, date) and re-runs the full-text
    query for every row it finds: 100 times slower than the search. So the plan is chosen here:

    - the filters keep fewer items than twice as many as the words match (a kind, a team): the filters' ids
      are listed from the indexes and each full-text match is checked against that list; no row is read;
    - otherwise (a wide date range): the full-text matches lead and each match's row is fetched by its id to
      check the filters there. The owner test is written `+owner_id`, which no index can serve, so the
      planner cannot start from an evidence index.
    """
    filters = _conditions(owner_id, wanted)
    if _kept_at_most(conn, owner_id, wanted, enough=2 * words) < 2 * words:
        return [matched, _unindexed(_fts.c.rowid).in_(sa.select(evidence.c.id).where(*filters))], False
    return [_unindexed_owner(owner_id), *filters[1:], matched], True


def _kept_at_most(conn: sa.Connection, owner_id: int, wanted: EvidenceFilter, enough: int) -> int:
    """At most how many items the filters keep, counted from indexes: the filters other than the team, then,
    unless they already keep fewer than `enough`, the team's items; the smaller count."""
    others = _conditions(owner_id, replace(wanted, team=None))
    kept = _count(conn, sa.select(sa.func.count()).select_from(evidence).where(*others))
    if wanted.team and kept >= enough:
        kept = min(kept, evidence_teams_repo.count(conn, owner_id, wanted.team))
    return kept


#: A matching item: its id, its relevance (lower is better) and its date as stored.
_Match = tuple[int, float, str]


def _ranked(conn: sa.Connection, conditions: list[Any], at_most: int | None = None) -> list[_Match]:
    """The first `at_most` matches the `conditions` keep, with their relevance and date.

    Relevance is worked out for these items only, as SQLite finds them: `ORDER BY rank` would have the
    full-text index rank every match of the words first, whatever the filters keep.
    """
    date = sa.type_coerce(evidence.c.occurred_at, sa.String)
    query = sa.select(_fts.c.rowid, _fts.c.rank, date).select_from(_fts).join(evidence, _FTS_ROW)
    return cast(list[_Match], conn.execute(query.where(*conditions).limit(at_most)).all())


def _best_first(rows: list[_Match]) -> list[int]:
    """The ids in the order `ORDER BY rank, occurred_at DESC, id DESC` gives."""
    newest = sorted(rows, key=lambda row: (row[2], row[0]), reverse=True)
    return [id_ for id_, _, _ in sorted(newest, key=lambda row: row[1])]  # a stable sort keeps the dates' order


def _count(conn: sa.Connection, query: sa.Select[Any]) -> int:
    return int(conn.execute(query).scalar_one())


def _sole_owner(conn: sa.Connection, owner_id: int) -> bool:
    """Whether every evidence item belongs to `owner_id` (two index look-ups, whatever the table's size)."""
    others = sa.or_(
        sa.exists().where(evidence.c.owner_id < owner_id), sa.exists().where(evidence.c.owner_id > owner_id)
    )
    return not conn.execute(sa.select(others)).scalar_one()
