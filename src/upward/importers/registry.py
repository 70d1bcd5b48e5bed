"""The importers Upward knows, by name: its own, and any a package adds through entry points."""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from upward.importers.base import Importer
from upward.model import UpwardError

#: Upward's own importers: name -> module that defines `IMPORTER`.
BUILTIN = {"csv": "upward.importers.csv_template"}

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
    for module in BUILTIN.values():
        builtin: Importer = import_module(module).IMPORTER
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
