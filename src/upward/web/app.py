"""The application factory: `create_app(settings)` builds the whole web app."""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from upward import __version__
from upward.services import open_context
from upward.settings import Settings, load_settings
from upward.web import problems
from upward.web.csrf import CsrfMiddleware, answered_hosts
from upward.web.deps import API_PREFIX
from upward.web.routes import api_routers, page_routers


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(
        title="Upward",
        version=__version__,
        description="Your work record, your diagnosis and your plan, as JSON. Every page has a twin here.",
        docs_url=None,  # served below from Upward's own copy of Swagger UI: no CDN, works offline
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    app.state.ctx = open_context(settings)
    app.add_middleware(CsrfMiddleware, hosts=answered_hosts(settings.host))
    app.mount("/static", StaticFiles(directory=str(files("upward.web") / "static")), name="static")
    for router in page_routers():
        app.include_router(router)
    for router in api_routers():
        app.include_router(router, prefix=API_PREFIX)
    problems.install(app)
    app.add_api_route(f"{API_PREFIX}/docs", _api_docs, include_in_schema=False)
    return app


def _api_docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=f"{API_PREFIX}/openapi.json",
        title="Upward API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="data:,",
    )
