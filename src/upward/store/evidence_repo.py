"""Queries over the evidence table: add, fetch, filter, full-text search, change, delete."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from upward.model import Evidence, EvidenceDraft, EvidenceFilter, Kind, Metric, Page
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


def add(conn: sa.Connection, owner_id: int, draft: EvidenceDraft, *, import_run_id: int | None = None) -> int:
    now = datetime.now().replace(microsecond=0)
    values = draft_values(draft) | {
        "owner_id": owner_id,
        "import_run_id": import_run_id,
        "created_at": now,
        "updated_at": now,
    }
    new_id = conn.execute(sa.insert(evidence).values(values).returning(evidence.c.id)).scalar_one()
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
    query = sa.select(evidence).where(evidence.c.owner_id == owner_id).order_by(evidence.c.occurred_at, evidence.c.id)
    if since is not None:
        query = query.where(evidence.c.occurred_at >= since)
    result = conn.execution_options(yield_per=batch).execute(query).mappings()
    for row in result:
        yield from_row(row)


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


def listing(conn: sa.Connection, owner_id: int, wanted: EvidenceFilter) -> Page[Evidence]:
    """One page of evidence, newest first, or best match first when searching."""
    dialect = conn.dialect.name
    base = sa.select(evidence).where(*_conditions(owner_id, wanted, dialect))
    order: list[Any] = [evidence.c.occurred_at.desc(), evidence.c.id.desc()]
    if wanted.text:
        base, rank = _search(base, dialect, wanted.text)
        order.insert(0, rank)
    total = conn.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
    query = base.order_by(*order).limit(wanted.per_page).offset((wanted.page - 1) * wanted.per_page)
    items = [from_row(row) for row in conn.execute(query).mappings()]
    return Page(items=items, total=int(total), page=wanted.page, per_page=wanted.per_page)


def _conditions(owner_id: int, wanted: EvidenceFilter, dialect: str) -> list[Any]:
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
        conditions.append(_has_team(dialect, wanted.team))
    if wanted.ids is not None:
        conditions.append(evidence.c.id.in_(wanted.ids))
    return conditions


def _has_team(dialect: str, team: str) -> Any:
    if dialect == "postgresql":
        return sa.type_coerce(evidence.c.teams, postgresql.JSONB).contains([team])
    each = sa.func.json_each(evidence.c.teams).table_valued("value")
    return sa.exists(sa.select(1).select_from(each).where(each.c.value == team))


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
    match = " ".join(f'"{term}"*' for term in terms)
    joined = base.join(_fts, _fts.c.rowid == evidence.c.id).where(sa.literal_column("evidence_fts").op("MATCH")(match))
    return joined, _fts.c.rank
