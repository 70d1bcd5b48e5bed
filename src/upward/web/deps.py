"""What route handlers share: the data context, the templates and how a request is answered."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, Path, Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from upward.model import KIND_DESCRIPTIONS, Kind
from upward.services import Context

API_PREFIX = "/api/v1"
MAX_ID = 2**31 - 1  # ids are 32-bit integers in the database; anything larger names nothing

templates = Jinja2Templates(directory=str(files("upward.web") / "templates"))
templates.env.globals["kinds"] = [(kind.value, KIND_DESCRIPTIONS[kind]) for kind in Kind]


def web_link(url: str | None) -> str | None:
    """The URL if it is safe to link to (http or https), else None: a `javascript:` link never becomes clickable."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else None


templates.env.filters["web_link"] = web_link


def get_ctx(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


Ctx = Annotated[Context, Depends(get_ctx)]
EvidenceId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of an evidence item")]


def render(request: Request, name: str, status_code: int = 200, **values: Any) -> Response:
    values.setdefault("csrf_token", getattr(request.state, "csrf_token", ""))
    response = templates.TemplateResponse(request, name, values, status_code=status_code)
    response.headers["Vary"] = "HX-Request"  # a page and its htmx fragment share a URL; caches must tell them apart
    return response


def is_htmx(request: Request) -> bool:
    """An htmx request that wants a fragment (a history restore wants the whole page)."""
    headers = request.headers
    return headers.get("hx-request") == "true" and headers.get("hx-history-restore-request") != "true"


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)
