"""The application factory: `create_app(settings)` builds the whole web app."""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from upward import __version__
from upward.model import InputError, NotFound, UpwardError
from upward.services import open_context
from upward.settings import Settings, load_settings
from upward.web.csrf import CsrfMiddleware
from upward.web.deps import render
from upward.web.routes import api_evidence, api_profile, evidence_pages, home_pages

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(
        title="Upward",
        version=__version__,
        description="Your work record, your diagnosis and your plan, as JSON. Every page has a twin here.",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    app.state.ctx = open_context(settings)
    app.add_middleware(CsrfMiddleware)
    app.mount("/static", StaticFiles(directory=str(files("upward.web") / "static")), name="static")
    app.include_router(home_pages.router)
    app.include_router(evidence_pages.router)
    app.include_router(api_profile.router, prefix=API_PREFIX)
    app.include_router(api_evidence.router, prefix=API_PREFIX)
    app.add_exception_handler(UpwardError, _upward_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


async def _upward_error(request: Request, error: Exception) -> Response:
    status = 404 if isinstance(error, NotFound) else 422
    if _wants_json(request):
        body: dict[str, object] = {"detail": str(error)}
        if isinstance(error, InputError):
            body["field"] = error.field
        return JSONResponse(body, status_code=status)
    return render(request, "error.html", status_code=status, message=str(error))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if _wants_json(request):
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
    message = "There is no page here." if error.status_code == 404 else str(error.detail)
    return render(request, "error.html", status_code=error.status_code, message=message)
