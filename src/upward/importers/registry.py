"""The importers Upward knows, by name: its own, and any a package adds through entry points.

Every module in this package (other than the helpers named below) is an importer and defines `IMPORTER`.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from importlib.metadata import entry_points

import upward.importers
from upward.importers.base import Importer
from upward.model import UpwardError

#: Modules of this package that are helpers, not importers.
NOT_IMPORTERS = frozenset({"base", "registry", "files"})

_registry: dict[str, Importer] = {}
_loaded = False


def register(importer: Importer) -> Importer:
    _registry[importer.name] = importer
    return importer


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in pkgutil.iter_modules(upward.importers.__path__):
        if module.name in NOT_IMPORTERS or module.name.startswith("_"):
            continue
        builtin: Importer = import_module(f"upward.importers.{module.name}").IMPORTER
        _registry.setdefault(builtin.name, builtin)
    for entry in entry_points(group="upward.importers"):
        register(entry.load())


def all_importers() -> list[Importer]:
    _load()
    return sorted(_registry.values(), key=lambda importer: importer.name)


def get_importer(name: str) -> Importer:
    _load()
    try:
        return _registry[name]
    except KeyError:
        known = ", ".join(sorted(_registry))
        raise UpwardError(f"There is no importer called '{name}'. Upward can import: {known}") from None
