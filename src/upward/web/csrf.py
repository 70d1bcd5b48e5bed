"""Protection against cross-site request forgery.

Pages get a random token in a SameSite=Strict cookie and echo it back in every form (or in the
X-CSRF-Token header that htmx sends). A request from another site can neither read the cookie nor
guess the token. JSON API calls must be `application/json`, which a foreign page cannot send without
the browser asking first; and any request whose Origin is another site is refused outright.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import PlainTextResponse, Response

COOKIE = "upward_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method not in SAFE_METHODS and not _same_origin(request):
            return PlainTextResponse("This request came from another site and was refused.", status_code=403)
        token = request.cookies.get(COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf_token = token
        response = await call_next(request)
        if request.cookies.get(COOKIE) != token:
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
        return response


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
    if not cookie or not sent or not secrets.compare_digest(cookie, sent):
        raise HTTPException(status_code=403, detail="This form has expired. Reload the page and try again.")


async def require_json(request: Request) -> None:
    """Dependency for API calls that change something."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(status_code=415, detail="Send the body as JSON (Content-Type: application/json).")
