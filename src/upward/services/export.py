"""Export the person's record as JSON, CSV or Markdown: their data, readable anywhere."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict
from enum import StrEnum
from itertools import groupby
from typing import IO, Any

from upward.model import Evidence, UpwardError
from upward.services.context import Context
from upward.store import evidence_repo, people_repo, profile_repo


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    MD = "md"


CSV_COLUMNS = (
    "id", "date", "kind", "title", "body", "source", "source_id", "url", "requester",
    "teams", "people", "minutes", "metrics", "project", "tags",
)  # fmt: skip


def evidence_dict(item: Evidence) -> dict[str, Any]:
    """Evidence as plain JSON-ready values (the shape the API and exports share)."""
    return {
        "id": item.id,
        "occurred_at": item.occurred_at.isoformat(),
        "kind": item.kind.value,
        "title": item.title,
        "body": item.body,
        "source": item.source,
        "source_id": item.source_id,
        "url": item.url,
        "requester": item.requester,
        "teams": list(item.teams),
        "people": list(item.people),
        "minutes": item.minutes,
        "metrics": [m.as_dict() for m in item.metrics],
        "project": item.project,
        "tags": list(item.tags),
        "import_run_id": item.import_run_id,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
    }


def export(ctx: Context, fmt: ExportFormat, out: IO[str]) -> int:
    """Write everything to `out`; returns how many evidence items were written."""
    with ctx.transaction() as conn:
        items = evidence_repo.iter_all(conn, ctx.owner_id)
        if fmt is ExportFormat.JSON:
            profile = profile_repo.get_profile(conn, ctx.owner_id)
            people = [asdict(p) for p in people_repo.list_people(conn, ctx.owner_id)]
            return _json(items, {"profile": asdict(profile) if profile else None, "people": people}, out)
        if fmt is ExportFormat.CSV:
            return _csv(items, out)
        if fmt is ExportFormat.MD:
            return _markdown(items, out)
    raise UpwardError(f"format: '{fmt}' is not one of json, csv, md")


def _json(items: Iterator[Evidence], head: dict[str, Any], out: IO[str]) -> int:
    evidence = [evidence_dict(item) for item in items]
    json.dump(head | {"evidence": evidence}, out, indent=2, default=str, ensure_ascii=False)
    out.write("\n")
    return len(evidence)


def _csv(items: Iterator[Evidence], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    written = 0
    for item in items:
        writer.writerow(
            [
                item.id, item.occurred_at.date().isoformat(), item.kind.value, item.title, item.body,
                item.source, item.source_id or "", item.url or "", item.requester or "",
                ", ".join(item.teams), ", ".join(item.people), "" if item.minutes is None else item.minutes,
                "; ".join(str(m) for m in item.metrics), item.project or "", ", ".join(item.tags),
            ]
        )  # fmt: skip
        written += 1
    return written


def _markdown(items: Iterator[Evidence], out: IO[str]) -> int:
    out.write("# My work record\n")
    written = 0
    for month, group in groupby(items, key=lambda item: item.occurred_at.strftime("%B %Y")):
        out.write(f"\n## {month}\n\n")
        for item in group:
            out.write(f"- **{item.occurred_at:%d %b}** · {item.kind.value} · {_md_escape(item.title)}")
            details = _details(item)
            out.write(f" ({details})\n" if details else "\n")
            written += 1
    if not written:
        out.write('\nNothing recorded yet. Start with `upward log "what you did"`.\n')
    return written


def _details(item: Evidence) -> str:
    parts = []
    if item.requester:
        parts.append(f"asked by {item.requester}")
    if item.teams:
        parts.append("teams: " + ", ".join(item.teams))
    if item.project:
        parts.append(f"project: {item.project}")
    if item.minutes:
        parts.append(f"{item.minutes} min")
    parts.extend(str(m) for m in item.metrics)
    return "; ".join(_md_escape(p) for p in parts)


def _md_escape(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
