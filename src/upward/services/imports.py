"""Running an import: one transaction, idempotent, listed afterwards and undoable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from upward.importers import ImportRequest, Progress, get_importer
from upward.importers.base import NoProgress
from upward.model import Evidence, EvidenceDraft, InputError, NotFound
from upward.model.imports import Ignored, ImportProblem, ImportRun, ImportSummary
from upward.services.context import Context
from upward.store import evidence_repo, imports_repo, people_repo, profile_repo


def run_import(
    ctx: Context,
    source: str,
    paths: Iterable[Path | str],
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> ImportRun:
    """Read `paths` with the named importer and store what is new. All of it lands, or none of it."""
    importer = get_importer(source)
    files = tuple(Path(p).expanduser() for p in paths)
    if not files and importer.needs_paths:
        raise ImportProblem(source, f"name at least one file or folder to import ({importer.paths_help})")
    for path in files:
        if not path.exists():
            raise ImportProblem(path, "there is nothing here; check the path")
    options = options or {}
    with ctx.transaction() as conn:
        request = ImportRequest(
            paths=files,
            options=options,
            profile=profile_repo.get_profile(conn, ctx.owner_id),
            people=tuple(people_repo.list_people(conn, ctx.owner_id)),
            state=imports_repo.last_state(conn, ctx.owner_id, source),
            progress=progress or NoProgress(),
        )
        params = {"paths": [str(p.resolve()) for p in files], "options": _plain(options)}
        run_id = imports_repo.start(conn, ctx.owner_id, source, params)
        summary = ImportSummary()
        batch = _Batch(conn, ctx.owner_id, run_id, summary)
        drafts = _drafts(importer.read(request), source, files, summary.ignored)
        while chunk := list(islice(drafts, _Batch.SIZE)):
            batch.store(chunk)
        imports_repo.finish(conn, run_id, summary.as_dict() | {"state": request.state})
        return imports_repo.get(conn, ctx.owner_id, run_id)  # type: ignore[return-value]


def _drafts(
    records: Iterable[EvidenceDraft | Ignored], source: str, files: tuple[Path, ...], ignored: Counter[str]
) -> Iterator[EvidenceDraft]:
    """Every draft, checked; what is set aside is counted in `ignored`. Repeats are left to `_Batch`, which
    finds them without remembering every id, so memory stays flat however long the history."""
    for record in records:
        if isinstance(record, Ignored):
            ignored[record.reason] += 1
        else:
            yield _checked(record, source, files)


def _checked(draft: EvidenceDraft, source: str, files: tuple[Path, ...]) -> EvidenceDraft:
    """The draft, cleaned; a problem names the file (when there is one) and the item's id there."""
    if not draft.source_id:
        problem = f"the {source} importer gave an item without an id: '{draft.title}'"
        raise ImportProblem(_where(source, files), problem)
    try:
        return (draft if draft.source else replace(draft, source=source)).validated()
    except InputError as error:
        problem = f"item {draft.source_id}: {error.problem}"
        raise ImportProblem(_where(source, files), problem, field=error.field) from None


def _where(source: str, files: tuple[Path, ...]) -> str:
    return str(files[0]) if len(files) == 1 else ", ".join(str(f) for f in files) or source


class _Batch:
    """Drafts stored a thousand at a time: one look-up for the ones already stored, one insert for the new
    ones. Each draft is new (added), the same as stored (unchanged), corrected by the person (kept as they
    are) or changed at its source (updated), or a repeat of an id this import already had (ignored).

    The first occurrence of an id wins, so importing the same input again changes nothing. A repeat is found
    without a list of every id seen: it is earlier in the same batch, or the look-up finds it stored by this
    run (added in an earlier batch), or among the items stored before this run that it already met (`met`).
    """

    SIZE = 1_000

    def __init__(self, conn: sa.Connection, owner_id: int, run_id: int, summary: ImportSummary) -> None:
        self.conn, self.owner_id, self.run_id, self.summary = conn, owner_id, run_id, summary
        self.met = _Ids()

    def store(self, drafts: list[EvidenceDraft]) -> None:
        keys = [(draft.source, draft.source_id or "") for draft in drafts]
        stored = evidence_repo.find_by_sources(self.conn, self.owner_id, dict.fromkeys(keys))
        new: list[EvidenceDraft] = []
        here: set[tuple[str, str]] = set()
        for key, draft in zip(keys, drafts, strict=True):
            existing = stored.get(key)
            if key in here or (existing is not None and self._had(existing)):
                self.summary.ignored[REPEATED] += 1
                continue
            here.add(key)
            if existing is None:
                new.append(draft)
                continue
            self.met.add(existing.id)
            if _values(existing) == _values(draft):
                self.summary.unchanged += 1
            elif existing.edited_at is not None:
                self.summary.kept_your_edits += 1
            else:
                evidence_repo.update(self.conn, self.owner_id, existing.id, draft)
                self.summary.updated += 1
        evidence_repo.add_many(self.conn, self.owner_id, new, import_run_id=self.run_id)
        self.summary.added += len(new)

    def _had(self, existing: Evidence) -> bool:
        """Whether this run already had this stored item: it added it, or met it in an earlier batch."""
        return existing.import_run_id == self.run_id or existing.id in self.met


REPEATED = "repeated within this import"


class _Ids:
    """A set of item ids kept as one bit each (ids count up from 1): the items stored before this run that it
    met, in a few kilobytes even when a run updates every item of a long history."""

    def __init__(self) -> None:
        self.bits = bytearray()

    def add(self, item_id: int) -> None:
        byte = item_id >> 3
        if byte >= len(self.bits):
            self.bits.extend(bytes(byte + 1 - len(self.bits)))
        self.bits[byte] |= 1 << (item_id & 7)

    def __contains__(self, item_id: int) -> bool:
        byte = item_id >> 3
        return byte < len(self.bits) and bool(self.bits[byte] >> (item_id & 7) & 1)


#: What an import may change of an item: every field of a draft (what `evidence_repo.draft_values` stores).
_values = attrgetter(*(f.name for f in fields(EvidenceDraft)))


SECRET_WORDS = ("token", "password", "secret", "key")


def _plain(options: dict[str, Any]) -> dict[str, Any]:
    """The options as stored in the import's history: plain values, and never a secret."""
    stored: dict[str, Any] = {}
    for key, value in options.items():
        if any(word in key.lower() for word in SECRET_WORDS):
            stored[key] = "(not stored)"
        elif isinstance(value, list | tuple):
            stored[key] = [str(v) for v in value]
        else:
            stored[key] = value if isinstance(value, str | int | float | bool) or value is None else str(value)
    return stored


def list_runs(ctx: Context) -> list[ImportRun]:
    with ctx.transaction() as conn:
        return imports_repo.list_runs(conn, ctx.owner_id)


def undo(ctx: Context, run_id: int) -> ImportRun:
    """Remove exactly what run `run_id` added (items it only updated stay, as they were added earlier)."""
    with ctx.transaction() as conn:
        run = imports_repo.get(conn, ctx.owner_id, run_id)
        if run is None:
            raise NotFound(f"There is no import {run_id}. `upward imports list` shows them.")
        imports_repo.delete_run(conn, ctx.owner_id, run_id)
        return run
