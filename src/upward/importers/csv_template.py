"""The generic CSV template: for work kept in a spreadsheet (a designer's, a marketer's, anyone's).

Columns (first row, any order, case does not matter): `date` and `text` are required; `kind`,
`minutes`, `teams`, `from`, `project`, `metrics`, `tags`, `people`, `url`, `details` and `id` are
optional. See docs/importers/csv.md.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from upward.importers.base import ImportOption, ImportRequest
from upward.importers.files import open_text
from upward.model import EvidenceDraft, InputError
from upward.model.forms import draft_from_fields
from upward.model.imports import Ignored, ImportProblem

#: Accepted column names (lower case) -> the field they fill.
COLUMNS = {
    "date": "date", "when": "date", "day": "date",
    "text": "text", "title": "text", "what": "text", "summary": "text",
    "kind": "kind", "type": "kind",
    "minutes": "minutes", "time spent (minutes)": "minutes",
    "teams": "teams", "team": "teams",
    "from": "requester", "requester": "requester", "asked by": "requester",
    "project": "project",
    "metrics": "metrics", "metric": "metrics",
    "tags": "tags", "tag": "tags",
    "people": "people", "with": "people",
    "url": "url", "link": "url",
    "details": "body", "notes": "body", "description": "body", "body": "body",
    "id": "id",
}  # fmt: skip
REQUIRED = ("date", "text")


class CsvTemplateImporter:
    name = "csv"
    label = "A spreadsheet saved as CSV, in Upward's simple template"
    suffixes = (".csv",)
    paths_help = "CSV files in Upward's template (see docs/importers/csv.md)"
    needs_paths = True
    options: tuple[ImportOption, ...] = ()

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        for path in request.paths:
            yield from self._read_file(path, request)

    def _read_file(self, path: Path, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        with open_text(path) as stream:
            reader = csv.reader(stream, strict=True)
            fields = _header(path, _next_row(reader, path))
            for row in _rows(reader, path):
                request.progress.advance()
                if not any(cell.strip() for cell in row):
                    yield Ignored("empty rows")
                    continue
                yield _draft(path, reader.line_num, fields, row)


def _next_row(reader: Any, path: Path) -> list[str]:
    try:
        return next(reader)
    except StopIteration:
        raise ImportProblem(path, "the file is empty; the first row should name the columns") from None
    except csv.Error as error:
        raise ImportProblem(path, f"this is not readable CSV ({error})", line=reader.line_num) from None


def _rows(reader: Any, path: Path) -> Iterator[list[str]]:
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportProblem(path, f"this is not readable CSV ({error})", line=reader.line_num) from None


def _header(path: Path, row: list[str]) -> list[str]:
    fields = []
    for name in row:
        key = name.strip().lower()
        if key not in COLUMNS:
            known = ", ".join(
                sorted({"date", "text", *(v for v in COLUMNS.values() if v not in ("body", "requester"))})
            )
            raise ImportProblem(
                path, f"'{name}' is not a column Upward knows; use {known}, from or details", line=1, field=name
            )
        fields.append(COLUMNS[key])
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise ImportProblem(path, f"the first row needs a '{missing[0]}' column", line=1)
    return fields


def _draft(path: Path, line: int, fields: list[str], row: list[str]) -> EvidenceDraft:
    if len(row) != len(fields):
        raise ImportProblem(path, f"has {len(row)} cells, the header has {len(fields)}", line=line)
    values = dict(zip(fields, row, strict=True))
    source_id = values.pop("id", "").strip() or _fingerprint(values)
    if not values.get("date", "").strip():
        raise ImportProblem(path, "is empty; every row needs a date (YYYY-MM-DD)", line=line, field="date")
    try:
        draft = draft_from_fields(
            text=values.get("text", ""), kind=values.get("kind") or None, date=values.get("date") or "",
            requester=values.get("requester"), teams=_list(values, "teams"), people=_list(values, "people"),
            tags=_list(values, "tags"), minutes=values.get("minutes"), project=values.get("project"),
            metrics=values.get("metrics", "").replace(";", "\n"), body=values.get("body", ""), url=values.get("url"),
        )  # fmt: skip
    except InputError as error:
        raise ImportProblem(path, error.problem, line=line, field=error.field) from None
    return replace(draft, source="csv", source_id=source_id)


def _list(values: dict[str, str], name: str) -> str:
    """Spreadsheets separate lists with commas or semicolons; both work."""
    return values.get(name, "").replace(";", ",")


def _fingerprint(values: dict[str, str]) -> str:
    """A stable id for a row without one: the same date and text are the same piece of work."""
    key = f"{values.get('date', '').strip()}\n{' '.join(values.get('text', '').split()).lower()}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


IMPORTER = CsvTemplateImporter()
