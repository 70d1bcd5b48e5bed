"""Backups that restore every row, into SQLite or PostgreSQL, and never half-way."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from upward.model import UpwardError
from upward.services.context import Context
from upward.services.pattern_grouping import forget_indexes
from upward.store import evidence_teams_repo
from upward.store.db import alembic_config, current_revision
from upward.store.tables import ALL_TABLES, accounts

FORMAT = "upward-backup"
VERSION = 1
#: The tables a backup holds: not those derived from others (`info["derived"]`), which a restore rebuilds.
SAVED_TABLES = tuple(table for table in ALL_TABLES if not table.info.get("derived"))


def backup(ctx: Context, path: Path) -> dict[str, int]:
    """Write every row of every table to `path` (gzip-compressed when it ends in .gz)."""
    with ctx.transaction() as conn:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "schema": current_revision(conn),
            "created_at": datetime.now().replace(microsecond=0).isoformat(),
            "tables": {table.name: _rows(conn, table) for table in SAVED_TABLES},
        }
    tmp = path.with_name(path.name + ".partial")
    with _open(tmp, "wt") as stream:
        json.dump(document, stream, default=_encode, ensure_ascii=False)
    tmp.replace(path)
    return {name: len(rows) for name, rows in document["tables"].items()}  # type: ignore[attr-defined]


def restore(ctx: Context, path: Path, *, replace: bool = False) -> dict[str, int]:
    """Load a backup into an empty database (or, with `replace`, instead of what is there)."""
    document = _read(path)
    tables = _check(document, path)
    with ctx.transaction() as conn:
        if not replace and _has_data(conn):
            raise UpwardError(
                "This database already holds data; restore needs an empty one. "
                "Use --replace to swap what is there for the backup."
            )
        for table in reversed(ALL_TABLES):
            conn.execute(sa.delete(table))
        for table in SAVED_TABLES:
            rows = [_decode_row(table, row, path, index) for index, row in enumerate(tables[table.name])]
            if rows:
                conn.execute(sa.insert(table), rows)
        evidence_teams_repo.rebuild(conn)
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
    forget_indexes()  # the recurring-problem vectors kept in memory belong to the rows just replaced
    return {name: len(rows) for name, rows in tables.items()}


def _rows(conn: sa.Connection, table: sa.Table) -> list[dict[str, Any]]:
    order = list(table.primary_key.columns)
    return [dict(row) for row in conn.execute(sa.select(table).order_by(*order)).mappings()]


def _encode(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a backup")


def _open(path: Path, mode: str) -> IO[str]:
    if path.name.endswith((".gz", ".gz.partial")):
        return gzip.open(path, mode, encoding="utf-8")  # type: ignore[return-value]
    return path.open(mode[0], encoding="utf-8")


def _read(path: Path) -> Any:
    if not path.is_file():
        raise UpwardError(f"{path}: there is no backup file here")
    try:
        with _open(path, "rt") as stream:
            return json.load(stream)
    except json.JSONDecodeError as error:
        raise UpwardError(
            f"{path}: line {error.lineno}, column {error.colno}: not a readable backup ({error.msg})"
        ) from None
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise UpwardError(f"{path}: not a readable backup ({error})") from None


def _check(document: Any, path: Path) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UpwardError(f"{path}: this is not an Upward backup (made with `upward backup FILE`)")
    if document.get("version") != VERSION:
        raise UpwardError(f"{path}: backup format {document.get('version')} is not one this Upward reads")
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if document.get("schema") not in known:
        raise UpwardError(f"{path}: this backup was made by a newer Upward; upgrade Upward, then restore it")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise UpwardError(f"{path}: field 'tables' is missing")
    # A backup from an older Upward has no rows for the tables added since: they start empty.
    older = document["schema"] != scripts.get_current_head()
    for table in SAVED_TABLES:
        rows = tables.setdefault(table.name, []) if older and table.name not in tables else tables.get(table.name)
        if not isinstance(rows, list):
            raise UpwardError(f"{path}: field 'tables.{table.name}' is missing or is not a list")
    return tables


def _decode_row(table: sa.Table, row: Any, path: Path, index: int) -> dict[str, Any]:
    where = f"{path}: tables.{table.name}[{index}]"
    if not isinstance(row, dict):
        raise UpwardError(f"{where}: expected an object")
    values: dict[str, Any] = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is None and not column.nullable and column.name in row:
            raise UpwardError(f"{where}: field '{column.name}' is empty but must have a value")
        if column.name not in row:
            continue  # a column added after this backup was made takes its default
        values[column.name] = _decode_value(column, value, where)
    return values


def _decode_value(column: sa.Column[Any], value: Any, where: str) -> Any:
    """A value as the backup's JSON holds it, made what its column stores: dates and times from their ISO
    text, whole numbers checked; anything else (text, flags, numbers, JSON lists) is kept as read."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, sa.DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, sa.Date):
            return date.fromisoformat(value)
        if isinstance(kind, sa.Integer) and not isinstance(value, int):
            raise ValueError(f"{value!r} is not a whole number")
    except (TypeError, ValueError) as error:
        raise UpwardError(f"{where}: field '{column.name}': {error}") from None
    return value


def _has_data(conn: sa.Connection) -> bool:
    for table in ALL_TABLES:
        if table is accounts:
            continue
        if conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            return True
    return False


def _reset_sequences(conn: sa.Connection) -> None:
    for table in ALL_TABLES:
        if "id" not in table.columns:
            continue
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 1), "
                f"(SELECT max(id) FROM {table.name}) IS NOT NULL)"
            )
        )
