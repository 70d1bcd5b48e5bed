"""What each item's text says (`evidence_facts`): read beside the items, kept when worked out, dropped on change."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from upward.model import Kind, Metric
from upward.model.evidence_columns import ItemText, TextFacts
from upward.store.tables import evidence
from upward.store.tables_evidence_facts import evidence_facts

#: Works out the facts of an item's text, and its compared words (`analysis.item_facts.work_out`).
WorkOut = Callable[[ItemText], tuple[TextFacts, str | None]]
#: The facts as kept: flags, users, money (None for none) and the compared words.
Stored = tuple[int, float | None, float | None, str | None]
_OUTCOME, _MEASURED = 1, 2
_CHUNK = 500


def flags(facts: TextFacts) -> int:
    return (_OUTCOME if facts.outcome else 0) | (_MEASURED if facts.measured else 0)


def from_stored(flags: int, users: float | None, money: float | None) -> TextFacts:
    return TextFacts(bool(flags & _OUTCOME), bool(flags & _MEASURED), users or 0.0, money or 0.0)


def stored(facts: TextFacts, words: str | None) -> Stored:
    return flags(facts), facts.users or None, facts.money or None, words


def forget(conn: sa.Connection, evidence_id: int) -> None:
    """Drop what is kept of an item's text: it has just changed."""
    conn.execute(sa.delete(evidence_facts).where(evidence_facts.c.evidence_id == evidence_id))


def texts(conn: sa.Connection, ids: Sequence[int]) -> dict[int, ItemText]:
    """What the facts of the items `ids` are worked out from. Many ids are read in one pass over their range
    of ids (the table's own order) when they fill at least half of it, rather than by lists of ids; repeated tags
    and numbers are decoded once."""
    columns = (evidence.c.title, evidence.c.body, _text(evidence.c.metrics), _text(evidence.c.tags), evidence.c.kind)
    if len(ids) > _CHUNK * 4 and len(ids) * 2 > max(ids) - min(ids):  # many, and close together
        wanted = set(ids)
        queries = [sa.select(evidence.c.id, *columns).where(evidence.c.id.between(min(ids), max(ids)))]
    else:
        wanted = None
        chunks = (ids[start : start + _CHUNK] for start in range(0, len(ids), _CHUNK))
        queries = [sa.select(evidence.c.id, *columns).where(evidence.c.id.in_(chunk)) for chunk in chunks]
    decoded: dict[str, Any] = {}

    def value(stored: Any) -> Any:  # JSON as text on SQLite (decoded once per distinct text), values on PostgreSQL
        if not isinstance(stored, str):
            return stored
        found = decoded.get(stored)
        if found is None:
            found = decoded[stored] = json.loads(stored)
        return found

    found: dict[int, ItemText] = {}
    for query in queries:
        for id_, title, body, metrics, tags, kind in conn.execute(query):
            if wanted is None or id_ in wanted:
                numbers = tuple(Metric.from_dict(m) for m in value(metrics))
                found[id_] = ItemText(title, body, numbers, tuple(value(tags)), Kind(kind))
    return found


def names(conn: sa.Connection, ids: Sequence[int]) -> dict[int, tuple[str, str | None]]:
    """The title and project of the items `ids`."""
    found: dict[int, tuple[str, str | None]] = {}
    for start in range(0, len(ids), _CHUNK):
        query = sa.select(evidence.c.id, evidence.c.title, evidence.c.project)
        found.update(
            (id_, (title, project))
            for id_, title, project in conn.execute(query.where(evidence.c.id.in_(ids[start : start + _CHUNK])))
        )
    return found


def _text(column: sa.Column[Any]) -> Any:
    """A JSON column as the stored text on SQLite (SQLAlchemy would decode every cell on its own)."""
    return sa.type_coerce(column, sa.String).label(column.name)


def work_out(conn: sa.Connection, owner_id: int, ids: Sequence[int], version: int, work: WorkOut) -> dict[int, Stored]:
    """The facts of the items `ids`, worked out from their texts and kept (replacing any older version)."""
    found = {id_: stored(*work(text)) for id_, text in texts(conn, ids).items()}
    _keep(conn, owner_id, version, found.items())
    return found


def _keep(conn: sa.Connection, owner_id: int, version: int, found: Iterable[tuple[int, Stored]]) -> None:
    """Replace the kept facts of these items: the rows go straight to the driver as tuples (building a
    SQLAlchemy parameter set per row cost more than the insert itself on a large import)."""
    rows = [(id_, owner_id, version, *kept) for id_, kept in found]
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    insert = f"INSERT INTO evidence_facts ({', '.join(_KEPT)}) VALUES ({', '.join([mark] * len(_KEPT))})"
    for start in range(0, len(rows), _CHUNK * 10):
        chunk = rows[start : start + _CHUNK * 10]
        conn.execute(sa.delete(evidence_facts).where(evidence_facts.c.evidence_id.in_([row[0] for row in chunk])))
        conn.exec_driver_sql(insert, chunk)


_KEPT = ("evidence_id", "owner_id", "version", "flags", "users", "money", "words")
