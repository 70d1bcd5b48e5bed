"""Importers: one module per source, each turning an export into evidence drafts.

An importer registers itself by name. Third-party packages can add importers through the
`upward.importers` entry-point group, with an object that follows `Importer`.
"""

from upward.importers.base import Importer, ImportOption, ImportRequest, Progress
from upward.importers.registry import all_importers, get_importer, register

__all__ = ["ImportOption", "ImportRequest", "Importer", "Progress", "all_importers", "get_importer", "register"]
