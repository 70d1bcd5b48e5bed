"""Read a ladder file in any of the formats Upward knows; a bad file raises FileProblem and nothing is kept.

- Upward's own YAML (`upward-ladder: 1`, documented in docs/ladders.md)
- the Financial Times engineering-progression YAML (levels, themes, competencies)
- Medium's Snowflake tracks JSON (tracks of five milestones: the milestones are the levels)
- Markdown ladders like engineeringladders.com: a `## LEVEL` heading with `* **Area**: text` bullets,
  or a table whose first column is the level and whose other columns are areas
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from upward.ladders._located import Located, read_yaml
from upward.ladders.markdown import read_markdown
from upward.ladders.model import Expectation, Ladder, Level
from upward.model.errors import FileProblem

MAX_BYTES = 5_000_000


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def read_ladder(file: Path, name: str | None = None) -> Ladder:
    """The ladder in `file`; `name` replaces the name the file gives itself."""
    try:
        if file.stat().st_size > MAX_BYTES:
            raise FileProblem(file.name, "is too large for a career ladder (over 5 MB)")
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileProblem(file, "there is no such file") from None
    except UnicodeDecodeError:
        raise FileProblem(file.name, "is not a text file (UTF-8)") from None
    suffix = file.suffix.lower()
    if suffix == ".json":
        ladder = _snowflake(file, text)
    elif suffix in (".md", ".markdown"):
        ladder = read_markdown(file, text)
    elif suffix in (".yml", ".yaml"):
        ladder = _yaml(read_yaml(file, text))
    else:
        raise FileProblem(file.name, "use a .yml/.yaml, .json or .md ladder file")
    if name:
        ladder = Ladder(name.strip(), ladder.format, ladder.levels)
    return ladder


def _yaml(doc: Located) -> Ladder:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.problem((), "a ladder file holds a mapping with 'name' and 'levels'")
    if "upward-ladder" in data:
        return _own(doc, data)
    if "competencies" in data:
        return _ft(doc, data)
    raise doc.problem((), "not a ladder Upward knows: add 'upward-ladder: 1' (see docs/ladders.md)")


def _text(doc: Located, data: dict[str, Any], key: str, where: tuple[str | int, ...]) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise doc.problem((*where, key), f"'{key}' is missing or empty")
    return " ".join(value.split())


def _list(doc: Located, data: dict[str, Any], key: str, where: tuple[str | int, ...]) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise doc.problem((*where, key), f"'{key}' needs a list with at least one entry")
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise doc.problem((*where, key, index), "each entry is a mapping (key: value lines)")
    return value


def _own(doc: Located, data: dict[str, Any]) -> Ladder:
    if str(data["upward-ladder"]) != "1":
        raise doc.problem(("upward-ladder",), "this version of Upward reads ladder format 1")
    levels: list[Level] = []
    for index, level in enumerate(_list(doc, data, "levels", ())):
        where = ("levels", index)
        level_name = _text(doc, level, "name", where)
        level_id = slug(str(level.get("id") or level_name))
        if any(known.id == level_id for known in levels):
            raise doc.problem((*where, "id"), f"the level '{level_id}' appears twice")
        items = _list(doc, level, "expectations", where)
        expectations = tuple(
            Expectation(
                f"{level_id}/{number}",
                _text(doc, item, "area", (*where, "expectations", number)),
                _text(doc, item, "text", (*where, "expectations", number)),
            )
            for number, item in enumerate(items)
        )
        levels.append(Level(level_id, level_name, expectations))
    return Ladder(_text(doc, data, "name", ()), "upward", tuple(levels))


def _ft(doc: Located, data: dict[str, Any]) -> Ladder:
    themes = {
        _text(doc, t, "id", ("themes", i)): _text(doc, t, "name", ("themes", i))
        for i, t in enumerate(_list(doc, data, "themes", ()))
    }
    order = [
        (_text(doc, lv, "id", ("levels", i)), _text(doc, lv, "name", ("levels", i)))
        for i, lv in enumerate(_list(doc, data, "levels", ()))
    ]
    found: dict[str, list[Expectation]] = {level_id: [] for level_id, _ in order}
    for index, item in enumerate(_list(doc, data, "competencies", ())):
        where = ("competencies", index)
        level, theme = _text(doc, item, "level", where), _text(doc, item, "theme", where)
        if level not in found:
            raise doc.problem((*where, "level"), f"the level '{level}' is not among the file's levels")
        if theme not in themes:
            raise doc.problem((*where, "theme"), f"the theme '{theme}' is not among the file's themes")
        key = str(item.get("id") or f"{theme}-{len(found[level])}")
        found[level].append(Expectation(f"{level}/{key}", themes[theme], _text(doc, item, "summary", where)))
    levels = tuple(Level(level_id, name, tuple(found[level_id])) for level_id, name in order)
    return Ladder(_text(doc, data, "name", ()), "ft", levels)


def _snowflake(file: Path, text: str) -> Ladder:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(file.name, f"this is not valid JSON ({error.msg})", line=error.lineno) from None
    tracks = data.get("tracks") if isinstance(data, dict) else None
    if not isinstance(tracks, dict) or not tracks:
        raise FileProblem(file.name, "a Snowflake file needs 'tracks' with at least one track", field="tracks")
    per_level: list[list[Expectation]] = []
    for key, track in tracks.items():
        where = f"tracks.{key}"
        milestones = track.get("milestones") if isinstance(track, dict) else None
        if not isinstance(milestones, list) or not milestones:
            raise FileProblem(file.name, "each track needs its milestones", line=_line_of(text, key), field=where)
        area = str(track.get("displayName") or key)
        for number, milestone in enumerate(milestones):
            summary = milestone.get("summary") if isinstance(milestone, dict) else None
            if not isinstance(summary, str) or not summary.strip():
                field = f"{where}.milestones[{number}].summary"
                raise FileProblem(file.name, "each milestone needs a summary", line=_line_of(text, key), field=field)
            signals = [str(s) for s in milestone.get("signals", []) if str(s).strip()]
            while len(per_level) <= number:
                per_level.append([])
            words = " ".join([summary.strip().rstrip(".") + ".", *(f"{s.rstrip('.')}." for s in signals)])
            per_level[number].append(Expectation(f"m{number + 1}/{slug(key)}", area, words))
    levels = tuple(Level(f"m{n + 1}", f"Milestone {n + 1}", tuple(e)) for n, e in enumerate(per_level))
    return Ladder(str(data.get("name") or "Snowflake tracks"), "snowflake", levels)


def _line_of(text: str, key: str) -> int | None:
    """The line where a JSON key first appears (json.loads keeps no positions)."""
    at = text.find(f'"{key}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else None
