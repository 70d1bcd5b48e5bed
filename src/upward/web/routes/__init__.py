"""The web app's routes, one module per page family.

A module named `*_pages` serves HTML pages; a module named `api_*` serves their JSON twins under `/api/v1`.
Each defines `router`. They are found by name, so adding a page touches no shared file.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from fastapi import APIRouter


def _routers(matches: str) -> list[APIRouter]:
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    chosen = [name for name in names if name.startswith(matches) or name.endswith(matches)]
    return [import_module(f"{__name__}.{name}").router for name in chosen]


def page_routers() -> list[APIRouter]:
    """The routers that serve HTML pages."""
    return _routers("_pages")


def api_routers() -> list[APIRouter]:
    """The routers that serve the JSON API (mounted under `/api/v1`)."""
    return _routers("api_")
