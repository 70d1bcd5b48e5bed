"""How a problem is answered: JSON under /api/v1, a page (or an htmx fragment) everywhere else."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from upward.model import InputError, NotFound, UpwardError
from upward.web.deps import is_htmx, render, wants_json

NO_PAGE = "There is no page here."


def problem(request: Request, status_code: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status_code, headers=headers)
    template = "_problem.html" if is_htmx(request) else "error.html"
    response = render(request, template, status_code=status_code, message=message)
    response.headers.update(headers or {})
    return response


def field_errors(location: str, problems: Mapping[str, str]) -> RequestValidationError:
    """Problems with named fields, in the shape FastAPI documents for every 422 of the API."""
    return RequestValidationError(
        [{"type": "value_error", "loc": (location, field), "msg": message} for field, message in problems.items()]
    )


@contextmanager
def api_input(location: str, names: Mapping[str, str]) -> Iterator[None]:
    """Report an InputError under the API's own field name (`names` maps the model's name to it)."""
    try:
        yield
    except InputError as error:
        raise field_errors(location, {names.get(error.field, error.field): error.problem}) from None


def install(app: FastAPI) -> None:
    app.add_exception_handler(UpwardError, _upward_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)


async def _upward_error(request: Request, error: Exception) -> Response:
    return problem(request, 404 if isinstance(error, NotFound) else 422, str(error))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    message = NO_PAGE if error.status_code == 404 and not wants_json(request) else str(error.detail)
    return problem(request, error.status_code, message, error.headers)


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if wants_json(request):
        return await request_validation_exception_handler(request, error)
    errors = error.errors()
    if any(item["loc"][0] == "path" for item in errors):
        return problem(request, 404, NO_PAGE)
    first = errors[0]
    message = f"This address asks for something Upward can't show: {first['loc'][-1]} — {first['msg']}."
    return problem(request, 422, message)
