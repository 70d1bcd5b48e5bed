"""Protection against requests from other sites.

Pages get a random token in a SameSite=Strict cookie and echo it back in every form (or in the
X-CSRF-Token header that htmx sends). A request from another site can neither read the cookie nor
guess the token. JSON API calls must be `application/json`, which a foreign page cannot send without
the browser asking first; and any request whose Origin is another site is refused outright.

Upward also answers only to the addresses it listens on (127.0.0.1, localhost): a foreign site that
points its own name at 127.0.0.1 (DNS rebinding) is refused before it can read anything.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response
from starlette.types import ASGIApp

from upward.web.problems import problem

COOKIE = "upward_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
EVERY_ADDRESS = frozenset({"0.0.0.0", "::"})


def answered_hosts(listen_host: str) -> frozenset[str] | None:
    """The host names a browser may use to reach Upward; None (any) when it listens on every address."""
    if listen_host in EVERY_ADDRESS:
        return None
    return LOOPBACK | {listen_host.lower()}


class CsrfMiddleware(BaseHTTPMiddleware):
    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None = LOOPBACK) -> None:
        super().__init__(app)
        self.hosts = hosts

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if self.hosts is not None and _host_name(request) not in self.hosts:
            return problem(request, 400, "Upward answers only at its own address, such as http://127.0.0.1:8000.")
        if request.method not in SAFE_METHODS and not _same_origin(request):
            return problem(request, 403, "This request came from another site and was refused.")
        token = request.cookies.get(COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf_token = token
        response = await call_next(request)
        if request.cookies.get(COOKIE) != token:
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
        return response


def _host_name(request: Request) -> str | None:
    return urlsplit("//" + request.headers.get("host", "")).hostname


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def verify_form_token(request: Request) -> None:
    """Dependency for every page form that changes something."""
    cookie = request.cookies.get(COOKIE)
    sent = request.headers.get(HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(FIELD)
        sent = value if isinstance(value, str) else None
    if not cookie or not sent or not secrets.compare_digest(cookie.encode(), sent.encode()):
        raise HTTPException(status_code=403, detail="This form has expired. Reload the page and try again.")


async def require_json(request: Request) -> None:
    """Dependency for API calls that change something."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(status_code=415, detail="Send the body as JSON (Content-Type: application/json).")
