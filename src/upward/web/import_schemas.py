"""The JSON shapes of /api/v1/imports and /api/v1/importers, described in the app's OpenAPI document."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Path as PathParameter
from pydantic import BaseModel, ConfigDict, Field

from upward.importers import Importer, ImportOption
from upward.model.imports import ImportRun, ImportSummary
from upward.web.deps import MAX_ID
from upward.web.import_uploads import shown_path

RunId = Annotated[int, PathParameter(ge=1, le=MAX_ID, description="The import's number")]


class ImportIn(BaseModel):
    """An import of files or folders on this computer (to upload files, send multipart/form-data instead)."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(examples=["git"], description="An importer's name, from GET /api/v1/importers")
    paths: list[str] = Field(default=[], examples=[["~/code/checkout"]], description="Files or folders to read")
    options: dict[str, Any] = Field(
        default={},
        examples=[{"author": ["sam@example.com"], "all_branches": True}],
        description="The importer's settings by name; a list where a setting may be given several times",
    )


class ImportSummaryOut(BaseModel):
    added: int
    updated: int
    unchanged: int = Field(description="Items that were already there, as they are at the source")
    kept_your_edits: int = Field(description="Items changed at the source that you had edited: your version stays")
    ignored: dict[str, int] = Field(description="What was set aside on purpose, by reason")

    @classmethod
    def of(cls, summary: ImportSummary) -> ImportSummaryOut:
        return cls(
            added=summary.added, updated=summary.updated, unchanged=summary.unchanged,
            kept_your_edits=summary.kept_your_edits, ignored=dict(summary.ignored),
        )  # fmt: skip


class ImportRunOut(BaseModel):
    id: int
    source: str
    started_at: datetime
    finished_at: datetime | None
    items: int = Field(description="Items this import added that are still there: what undoing it removes")
    summary: ImportSummaryOut
    sentence: str = Field(description="The summary in words, as the page and the command line show it")
    paths: list[str] = Field(description="What was read: folders and files by path, uploaded files by name")
    options: dict[str, Any] = Field(description="The settings it ran with (secrets are never stored)")

    @classmethod
    def of(cls, run: ImportRun, home: Path) -> ImportRunOut:
        paths = run.params.get("paths") or []
        options = run.params.get("options") or {}
        assert isinstance(paths, list) and isinstance(options, dict)
        return cls(
            id=run.id, source=run.source, started_at=run.started_at, finished_at=run.finished_at, items=run.items,
            summary=ImportSummaryOut.of(run.summary), sentence=run.summary.sentence(),
            paths=[shown_path(home, str(path)) for path in paths], options=options,
        )  # fmt: skip


class UndoneOut(BaseModel):
    """An import undone: how many items went, and the import as it was."""

    removed: int
    run: ImportRunOut


class ImportOptionOut(BaseModel):
    name: str = Field(description="The field name in a multipart upload, and the key in JSON `options`")
    help: str
    type: str = Field(description="str, int or bool (a bool is a box to tick)", examples=["bool"])
    multiple: bool = Field(description="May be given several times: a JSON list, or commas in a form field")

    @classmethod
    def of(cls, option: ImportOption) -> ImportOptionOut:
        return cls(name=option.name, help=option.help, type=option.type.__name__, multiple=option.multiple)


class ImporterOut(BaseModel):
    name: str
    label: str
    suffixes: list[str] = Field(description="File endings it reads; none means it reads folders (send `paths`)")
    paths_help: str
    needs_paths: bool = Field(description="False when it can run without files (a live sync)")
    options: list[ImportOptionOut]

    @classmethod
    def of(cls, importer: Importer) -> ImporterOut:
        return cls(
            name=importer.name, label=importer.label, suffixes=list(importer.suffixes),
            paths_help=importer.paths_help, needs_paths=importer.needs_paths,
            options=[ImportOptionOut.of(option) for option in importer.options],
        )  # fmt: skip
