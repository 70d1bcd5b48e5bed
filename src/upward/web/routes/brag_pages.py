"""The brag document page, its downloads, and its JSON twin at /api/v1/brag."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from upward.documents.render import Format
from upward.services.brag import brag, brag_document, brag_html_body
from upward.web.deps import Ctx, render

router = APIRouter(include_in_schema=False)
From = Annotated[date | None, Query(alias="from", description="First day (default: a year ago)")]
To = Annotated[date | None, Query(alias="to", description="Last day (default: today)")]


@router.get("/brag")
def brag_page(request: Request, ctx: Ctx, date_from: From = None, date_to: To = None) -> Response:
    found = brag(ctx, date_from, date_to)
    return render(request, "brag.html", brag=found, body=brag_html_body(found))


@router.get("/brag/download")
def brag_download(ctx: Ctx, fmt: Annotated[Format, Query(alias="format")] = Format.MD,
                  date_from: From = None, date_to: To = None) -> Response:  # fmt: skip
    found = brag(ctx, date_from, date_to)
    name = f"brag-{found.date_from}-to-{found.date_to}.{fmt.value}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(brag_document(ctx, fmt, date_from, date_to), media_type=fmt.media_type, headers=headers)
