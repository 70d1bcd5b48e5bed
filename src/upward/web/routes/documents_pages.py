"""The documents' pages: the monthly update, the promotion case and the conversation prep, with downloads."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.documents.render import Format, html_body
from upward.model import UpwardError
from upward.services import update as update_service
from upward.services.documents_data import TITLES, document_data, rendered
from upward.services.ladders import list_ladders
from upward.web.csrf import verify_form_token
from upward.web.deps import Ctx, render

router = APIRouter(include_in_schema=False)
Month = Annotated[str | None, Query(max_length=7)]
Name = Annotated[str | None, Query(max_length=200)]


def _params(month: str | None, ladder: str | None, level: str | None) -> dict[str, str]:
    given = {"month": month, "ladder": ladder, "level": level}
    return {key: value for key, value in given.items() if value}


@router.get("/documents")
def documents_home(request: Request) -> Response:
    return RedirectResponse("/documents/update", status_code=303)


@router.get("/documents/update")
def update_page(request: Request, ctx: Ctx, month: Month = None) -> Response:
    return _page(request, ctx, "update", _params(month, None, None))


@router.get("/documents/case")
def case_page(request: Request, ctx: Ctx, ladder: Name = None, level: Name = None) -> Response:
    return _page(request, ctx, "case", _params(None, ladder, level))


@router.get("/documents/conversation")
def conversation_page(request: Request, ctx: Ctx, ladder: Name = None, level: Name = None) -> Response:
    return _page(request, ctx, "conversation", _params(None, ladder, level))


def _page(
    request: Request, ctx: Ctx, document: str, params: dict[str, str], status_code: int = 200, **extra: Any
) -> Response:
    data = document_data(ctx, document, **params)
    query = urlencode(params)
    downloads = [(fmt.value.upper() if fmt is not Format.MD else "Markdown",
                  f"/documents/{document}/download?{urlencode(params | {'format': fmt.value})}")
                 for fmt in (Format.PDF, Format.HTML, Format.MD)]  # fmt: skip
    values = {
        "document": document, "ladders": list_ladders(ctx), "title": TITLES[document], "titles": TITLES,
        "body": html_body(document, data), "data": data, "downloads": downloads, "query": query, "params": params,
    }  # fmt: skip
    return render(request, "documents.html", status_code, **values, **extra)


@router.get("/documents/{document}/download")
def download(
    ctx: Ctx, document: str, fmt: Annotated[Format, Query(alias="format")] = Format.PDF,
    month: Month = None, ladder: Name = None, level: Name = None,
) -> Response:  # fmt: skip
    data = document_data(ctx, document, **_params(month, ladder, level))
    file = rendered(document, data, fmt)
    headers = {"Content-Disposition": f'attachment; filename="{file.file_name}"'}
    return Response(file.content, media_type=file.media_type, headers=headers)


@router.post("/documents/update/sent", dependencies=[Depends(verify_form_token)])
async def mark_sent(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    month = str(form.get("month") or "") or None
    try:
        done = update_service.mark_sent(ctx, month)
    except UpwardError as error:
        return _page(request, ctx, "update", _params(month, None, None), problem=str(error), status_code=422)
    return RedirectResponse(f"/documents/update?month={done.period}&sent=1", status_code=303)
