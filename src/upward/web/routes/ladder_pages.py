"""The career-ladder page: the next level's expectations, what the person's work shows, and confirming it."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.responses import Response

from upward.ladders.formats import MAX_BYTES
from upward.model import NotFound, UpwardError
from upward.services import ladders as ladders_service
from upward.services.documents_data import TITLES
from upward.web.csrf import verify_form_token
from upward.web.deps import Ctx, render

router = APIRouter(include_in_schema=False)
Name = Annotated[str | None, Query(max_length=200)]
_SAFE = re.compile(r"[^A-Za-z0-9._ -]")


@router.get("/documents/ladder")
def ladder_page(request: Request, ctx: Ctx, ladder: Name = None, level: Name = None) -> Response:
    return _page(request, ctx, ladder or None, level or None)


def _page(
    request: Request, ctx: Ctx, ladder: str | None, level: str | None, problem: str | None = None, status: int = 200
) -> Response:
    ladders = ladders_service.list_ladders(ctx)
    coverage = None
    if ladders:
        try:
            coverage = ladders_service.coverage(ctx, ladder, level)
        except NotFound:
            raise
        except UpwardError as error:  # a wrong level, or none chosen and the profile's target is not on the ladder
            status = 422 if (level or problem) else status
            problem = problem or str(error)
    return render(
        request, "ladder.html", status, ladders=ladders, coverage=coverage, problem=problem, titles=TITLES,
        chosen=ladder or "", level=level or "",
    )  # fmt: skip


@router.post("/documents/ladder/import", dependencies=[Depends(verify_form_token)])
async def import_ladder(request: Request, ctx: Ctx) -> Response:
    """Import an uploaded ladder file; a bad file is explained on the page and nothing is kept."""
    form = await request.form()
    try:
        upload, name = form.get("file"), str(form.get("name") or "").strip() or None
        if not isinstance(upload, StarletteUpload) or not upload.filename:
            return _page(request, ctx, None, None, problem="Choose a ladder file to import.", status=422)
        content = await upload.read(MAX_BYTES + 1)
        file_name = _SAFE.sub("-", Path(upload.filename).name)[-100:] or "ladder"
    finally:
        await form.close()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file_name
        path.write_bytes(content)
        try:
            ladder, _ = ladders_service.import_ladder(ctx, path, name)
        except UpwardError as error:
            return _page(request, ctx, None, None, problem=str(error), status=422)
    return RedirectResponse(f"/documents/ladder?{urlencode({'ladder': ladder.name})}", status_code=303)


@router.post("/documents/ladder/confirm", dependencies=[Depends(verify_form_token)])
async def confirm(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    ladder, level = str(form.get("ladder") or "") or None, str(form.get("level") or "") or None
    keep = form.get("action") != "unconfirm"
    try:
        ladders_service.confirm(ctx, ladder, str(form.get("expectation", "")), str(form.get("item", "")), keep=keep)
    except UpwardError as error:
        return _page(request, ctx, ladder, level, problem=str(error), status=422)
    query = urlencode({k: v for k, v in {"ladder": ladder, "level": level}.items() if v})
    return RedirectResponse(f"/documents/ladder?{query}#{form.get('expectation', '')}", status_code=303)
