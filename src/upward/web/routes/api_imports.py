"""/api/v1/imports and /api/v1/importers: the JSON twin of the import page.

POST takes JSON (`paths` on this computer) or multipart/form-data (uploaded `files`). A foreign web page can
send multipart without asking the browser first, so a multipart call must carry an `X-Requested-With`
header, which no other site can add without Upward's permission (it gives none).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from upward.importers import Importer, all_importers, get_importer
from upward.model import InputError, NotFound, UpwardError
from upward.model.imports import ImportProblem, ImportRun
from upward.services import Context
from upward.services import imports as import_service
from upward.web.deps import Ctx
from upward.web.import_schemas import ImporterOut, ImportIn, ImportRunOut, RunId, UndoneOut
from upward.web.import_uploads import Upload, is_multipart, received
from upward.web.import_views import form_options, json_options, problem_field, start_import, typed_paths
from upward.web.problems import field_errors

router = APIRouter(tags=["imports"])
CUSTOM_HEADER = "x-requested-with"
NOT_JSON_OR_FILES = "Send JSON (Content-Type: application/json), or files as multipart/form-data."
NO_CUSTOM_HEADER = (
    "Uploads through the API need the header X-Requested-With (any value, such as 'upward'): "
    "it shows the request does not come from another site."
)
UPLOAD_BODY: dict[str, Any] = {
    "type": "object",
    "required": ["source"],
    "properties": {
        "source": {"type": "string", "examples": ["csv"]},
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "paths": {"type": "string", "description": "Files or folders on this computer, one a line"},
    },
    "additionalProperties": {"type": "string", "description": "The importer's settings; commas between several"},
}
POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ImportIn.model_json_schema()},
            "multipart/form-data": {"schema": UPLOAD_BODY},
        },
    }
}


@router.get("/importers", response_model=list[ImporterOut])
def list_importers() -> list[ImporterOut]:
    """Every source Upward can import from, with what it reads and the settings it takes."""
    return [ImporterOut.of(importer) for importer in all_importers()]


@router.get("/imports", response_model=list[ImportRunOut])
def list_imports(ctx: Ctx) -> list[ImportRunOut]:
    """Every import, newest first, with what it did."""
    return [ImportRunOut.of(run, ctx.settings.home) for run in import_service.list_runs(ctx)]


@router.post("/imports", response_model=ImportRunOut, status_code=201, openapi_extra=POST_BODY)
async def add_import(request: Request, ctx: Ctx) -> ImportRunOut:
    """Import files (multipart: `source`, `files`, and a field per setting; send X-Requested-With) or files
    and folders on this computer (JSON). All of it lands, or nothing does; the same input again adds nothing."""
    if is_multipart(request):
        if not request.headers.get(CUSTOM_HEADER, "").strip():
            raise HTTPException(403, NO_CUSTOM_HEADER)
        async with received(request, ctx.settings.home) as upload:
            run = await _from_upload(ctx, upload)
    elif request.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json":
        run = await _from_json(ctx, await request.body())
    else:
        raise HTTPException(415, NOT_JSON_OR_FILES)
    return ImportRunOut.of(run, ctx.settings.home)


@router.get("/imports/{run_id}", response_model=ImportRunOut)
def read_import(run_id: RunId, ctx: Ctx) -> ImportRunOut:
    return ImportRunOut.of(_run(ctx, run_id), ctx.settings.home)


@router.delete("/imports/{run_id}", response_model=UndoneOut)
def undo_import(run_id: RunId, ctx: Ctx) -> UndoneOut:
    """Undo an import: remove exactly the items it added (items it only updated stay)."""
    run = import_service.undo(ctx, run_id)
    return UndoneOut(removed=run.items, run=ImportRunOut.of(run, ctx.settings.home))


async def _from_upload(ctx: Context, upload: Upload) -> ImportRun:
    importer = _importer(upload.value("source"))
    paths = typed_paths(upload.fields.get("paths", []))
    with _reported(importer, bool(upload.files), options_at=("body",)):
        options = form_options(importer, upload.fields)
        return await run_in_threadpool(start_import, ctx, importer, paths, upload.files, options)


async def _from_json(ctx: Context, body: bytes) -> ImportRun:
    try:
        given = ImportIn.model_validate_json(body)
    except ValidationError as error:
        problems = [{**problem, "loc": ("body", *problem["loc"])} for problem in error.errors(include_url=False)]
        raise RequestValidationError(problems) from None
    importer = _importer(given.source)
    with _reported(importer, False, options_at=("body", "options")):
        options = json_options(importer, given.options)
        return await run_in_threadpool(partial(start_import, uploads=False), ctx, importer, given.paths, [], options)


def _importer(name: str) -> Importer:
    if not name:
        raise field_errors("body", {"source": "name the source to import from, such as csv"})
    try:
        return get_importer(name)
    except UpwardError as error:
        raise field_errors("body", {"source": str(error)}) from None


@contextmanager
def _reported(importer: Importer, uploaded: bool, options_at: tuple[str, ...]) -> Iterator[None]:
    """An import's problem as the API's 422, under the field it belongs to (an option, the files or the paths)."""
    try:
        yield
    except ImportProblem as problem:
        raise _field_error(problem_field(problem, importer, uploaded), str(problem), options_at) from None
    except InputError as error:
        raise _field_error(error.field, error.problem, options_at) from None


def _field_error(name: str, message: str, options_at: tuple[str, ...]) -> RequestValidationError:
    """A problem under its field: the files or paths in the body, anything else among the options."""
    where = ("body",) if name in ("files", "paths") else options_at
    return RequestValidationError([{"type": "value_error", "loc": (*where, name), "msg": message}])


def _run(ctx: Context, run_id: int) -> ImportRun:
    for run in import_service.list_runs(ctx):
        if run.id == run_id:
            return run
    raise NotFound(f"There is no import {run_id}. GET /api/v1/imports lists them.")
