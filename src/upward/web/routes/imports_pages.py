"""The import page: pick a source, upload its files (or type where its folders are), import them, and see
and undo past imports. The form is built from the importer's declared options, so a new importer appears
here without code changes."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from functools import partial
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from upward.importers import Importer, all_importers, get_importer
from upward.model import InputError
from upward.model.imports import ImportProblem
from upward.services import Context
from upward.services import imports as import_service
from upward.web.csrf import COOKIE, FIELD, HEADER, verify_form_token
from upward.web.deps import MAX_ID, Ctx, is_htmx, render
from upward.web.import_schemas import ImportRunOut, RunId
from upward.web.import_uploads import max_megabytes, received
from upward.web.import_views import form_options, is_secret, label, option_fields, start_import, typed_paths

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
RunNumber = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Count = Annotated[int | None, Query(ge=0, le=MAX_ID)]
DEFAULT_SOURCE = "csv"  # the one source anyone can use: a spreadsheet
EXPIRED = "This form has expired. Reload the page and try again."
FIELD_LABELS = {"files": "Files", "paths": "Folders"}


@router.get("/imports")
def imports_page(
    request: Request,
    ctx: Ctx,
    source: str | None = None,
    done: RunNumber = None,
    undone: RunNumber = None,
    removed: Count = None,
) -> Response:
    importer = _chosen(source)
    if is_htmx(request):  # the source picker asks for another source's form; what was said before goes
        return render(request, "_import_form.html", **_form(importer, {}), swapped=True)
    notices = {"done": done, "undone": undone, "removed": removed}
    return _page(request, ctx, importer, notices=notices)


@router.post("/imports")
async def import_files(request: Request, ctx: Ctx) -> Response:
    async with received(request, ctx.settings.home, before_files=partial(_check_token, request)) as upload:
        _check_token(request, upload.fields)  # also when no file came with the form
        importer = _chosen(upload.value("source"))
        paths = typed_paths(upload.fields.get("paths", []))
        try:
            options = form_options(importer, upload.fields)
            run = await run_in_threadpool(start_import, ctx, importer, paths, upload.files, options)
        except (InputError, ImportProblem) as error:
            values = _kept(importer, upload.fields)
            return _page(request, ctx, importer, status_code=422, values=values, problem=_said(error, importer))
    return RedirectResponse(f"/imports?{urlencode({'source': importer.name, 'done': run.id})}", status_code=303)


@router.post("/imports/{run_id}/undo", dependencies=Protected)
def undo_import(run_id: RunId, ctx: Ctx) -> Response:
    run = import_service.undo(ctx, run_id)
    return RedirectResponse(f"/imports?undone={run.id}&removed={run.items}", status_code=303)


def _page(
    request: Request,
    ctx: Context,
    importer: Importer,
    *,
    status_code: int = 200,
    notices: Mapping[str, int | None] | None = None,
    values: dict[str, str] | None = None,
    problem: str | None = None,
) -> Response:
    runs = [ImportRunOut.of(run, ctx.settings.home) for run in import_service.list_runs(ctx)]
    notices = notices or {}
    done = next((run for run in runs if run.id == notices.get("done")), None)
    return render(
        request, "imports.html", status_code, importers=all_importers(), **_form(importer, values or {}),
        problem=problem, runs=runs, done=done, undone=notices.get("undone"), removed=notices.get("removed"),
    )  # fmt: skip


def _form(importer: Importer, values: dict[str, str]) -> dict[str, Any]:
    """What the import form of one source shows."""
    fields = option_fields(importer, values)
    return {"importer": importer, "values": values, "fields": fields, "max_mb": max_megabytes()}


def _chosen(source: str | None) -> Importer:
    if source:
        return get_importer(source)
    importers = all_importers()
    return next((importer for importer in importers if importer.name == DEFAULT_SOURCE), importers[0])


def _check_token(request: Request, fields: Mapping[str, list[str]]) -> None:
    """The page's CSRF check for a form read as a stream: the token must come before any file is kept."""
    cookie = request.cookies.get(COOKIE)
    sent = request.headers.get(HEADER) or (fields.get(FIELD) or [""])[-1]
    if not cookie or not sent or not secrets.compare_digest(cookie.encode(), sent.encode()):
        raise HTTPException(status_code=403, detail=EXPIRED)


def _kept(importer: Importer, fields: Mapping[str, list[str]]) -> dict[str, str]:
    """What the form showed, to show it again with the problem (never a secret; files must be chosen again)."""
    kept = {"paths": "\n".join(fields.get("paths", []))}
    for option in importer.options:
        if option.name in fields and not is_secret(option):
            kept[option.name] = ", ".join(value.strip() for value in fields[option.name] if value.strip())
    return kept


def _said(error: InputError | ImportProblem, importer: Importer) -> str:
    """The problem in the words of the form: a setting by its label ("Since: ..."), a file by its name."""
    if isinstance(error, InputError):
        return f"{FIELD_LABELS.get(error.field, label(error.field))}: {error.problem}"
    if any(error.file == option.flag for option in importer.options):
        return f"{label(error.file.removeprefix('--').replace('-', '_'))}: {error.problem}"
    return str(error)
