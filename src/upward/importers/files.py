"""Opening the files people hand over, with plain messages when they are not what they seem."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from upward.model.imports import ImportProblem


@contextmanager
def open_text(path: Path) -> Iterator[TextIO]:
    """A text file (UTF-8, with or without the byte-order mark spreadsheets add)."""
    if not path.is_file():
        raise ImportProblem(path, "there is no file here")
    with path.open("rb") as raw:
        start = raw.read(4096)
    if b"\x00" in start and not start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportProblem(path, "this is not a text file; check that you picked the exported file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            yield stream
    except UnicodeDecodeError as error:
        raise ImportProblem(path, f"is not UTF-8 text (byte {error.start}); save or export it as UTF-8") from None
