"""What route handlers share: the data context and the templates."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from upward.model import KIND_DESCRIPTIONS, Kind
from upward.services import Context

templates = Jinja2Templates(directory=str(files("upward.web") / "templates"))
templates.env.globals["kinds"] = [(kind.value, KIND_DESCRIPTIONS[kind]) for kind in Kind]


def get_ctx(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def render(request: Request, name: str, status_code: int = 200, **values: Any) -> Response:
    values.setdefault("csrf_token", getattr(request.state, "csrf_token", ""))
    return templates.TemplateResponse(request, name, values, status_code=status_code)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
