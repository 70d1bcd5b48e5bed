"""Markdown ladders: `## LEVEL` sections of `* **Area**: text` bullets, or one table of levels by areas."""

from __future__ import annotations

import re
from pathlib import Path

from upward.ladders.model import Expectation, Ladder, Level
from upward.model.errors import FileProblem

_TITLE = re.compile(r"^#\s+(.+?)\s*$")
_LEVEL = re.compile(r"^##\s+(.+?)\s*$")
_BULLET = re.compile(r"^\s*[*-]\s+\*\*(.+?)\*\*\s*:?\s*(.+?)\s*$")
_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def read_markdown(file: Path, text: str) -> Ladder:
    lines = text.splitlines()
    title = next((m[1] for line in lines if (m := _TITLE.match(line))), file.stem)
    levels = _sections(file, lines) or _table(file, lines)
    if not levels:
        raise FileProblem(
            file.name,
            "found no levels: use '## LEVEL' headings with '* **Area**: what is expected' bullets, "
            "or a table whose first column is 'Level'",
            line=1,
        )
    return Ladder(title, "markdown", tuple(levels))


def _sections(file: Path, lines: list[str]) -> list[Level]:
    levels: list[Level] = []
    current: tuple[str, int, list[Expectation]] | None = None
    for number, line in enumerate(lines, 1):
        heading = _LEVEL.match(line)
        if heading:
            if current:
                levels.append(_level(file, *current))
            current = (heading[1], number, [])
        elif current and (bullet := _BULLET.match(line)):
            level_id = _level_id(current[0])
            current[2].append(Expectation(f"{level_id}/{len(current[2])}", bullet[1].strip(), bullet[2]))
    if current:
        levels.append(_level(file, *current))
    if not any(level.expectations for level in levels):
        return []
    return [level for level in levels if level.expectations]


def _level_id(heading: str) -> str:
    return _slug(heading.split(" - ")[0])


def _level(file: Path, heading: str, line: int, expectations: list[Expectation]) -> Level:
    return Level(_level_id(heading), heading, tuple(expectations))


def _cells(line: str) -> list[str]:
    match = _ROW.match(line)
    return [_LINK.sub(r"\1", cell).strip() for cell in match[1].split("|")] if match else []


def _table(file: Path, lines: list[str]) -> list[Level]:
    for number, line in enumerate(lines[:-1], 1):
        header = _cells(line)
        if header and header[0].lower() == "level" and set(lines[number].replace("|", "").strip()) <= set(":- "):
            return _rows(file, header, lines[number + 1 :], number + 2)
    return []


def _rows(file: Path, header: list[str], rows: list[str], first: int) -> list[Level]:
    levels: list[Level] = []
    for number, line in enumerate(rows, first):
        cells = _cells(line)
        if not cells:
            break
        if len(cells) != len(header):
            raise FileProblem(file.name, f"this row has {len(cells)} cells; the header has {len(header)}", line=number)
        if not cells[0]:
            raise FileProblem(file.name, "the level is empty", line=number, field=header[0])
        level_id = _slug(cells[0])
        expectations = tuple(
            Expectation(f"{level_id}/{_slug(area)}", area, cell)
            for area, cell in zip(header[1:], cells[1:], strict=True)
            if cell
        )
        levels.append(Level(level_id, cells[0], expectations))
    return levels
