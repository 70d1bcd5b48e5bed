"""Load a playbook (the shipped one, or a coach's file) and explain any mistake by line and field."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from upward.model.errors import FileProblem
from upward.playbook.schema import PlaybookFile

DEFAULT = "default.yaml"
Location = tuple[str | int, ...]


class PlaybookProblem(FileProblem):
    """A playbook file that can't be used, with the line and field at fault."""


def default_path() -> Path:
    return Path(str(files("upward.playbook") / DEFAULT))


def load_playbook(path: Path | None = None) -> PlaybookFile:
    """The playbook at `path`, or the one Upward ships with (read again only when the file changes)."""
    path = path or default_path()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    if stamp is not None and (cached := _cache.get(path)) and cached[0] == stamp:
        return cached[1]
    playbook = _load(path)
    if stamp is not None:
        _cache[path] = (stamp, playbook)
    return playbook


_cache: dict[Path, tuple[int, PlaybookFile]] = {}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path) -> PlaybookFile:
    text = _read(path)
    root = _compose(path, text)
    try:
        playbook = PlaybookFile.model_validate(yaml.load(text, Loader=_Loader))
    except ValidationError as error:
        first = error.errors()[0]
        raise PlaybookProblem(path, first["msg"], line=_line(root, first["loc"]), field=_dotted(first["loc"])) from None
    _check_references(path, root, playbook)
    return playbook


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlaybookProblem(path, "there is no playbook file here") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlaybookProblem(path, f"can't be read as text ({error})") from None


def _compose(path: Path, text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise PlaybookProblem(path, f"is not valid YAML ({getattr(error, 'problem', error)})", line=line) from None


def _dotted(loc: Location) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line(node: yaml.Node | None, loc: Location) -> int | None:
    """The line of the deepest YAML node on the path `loc` (1-based)."""
    if node is None:
        return None
    found = node
    for part in loc:
        child = _child(found, part)
        if child is None:
            break
        found = child
    return int(found.start_mark.line) + 1


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


def _check_references(path: Path, root: yaml.Node | None, playbook: PlaybookFile) -> None:
    """Ids that point elsewhere in the file must exist, and ids must be unique."""
    actions = [a.id for move in playbook.moves for a in move.actions]
    areas = [a.id for a in playbook.areas]
    cadences = [c.id for c in playbook.cadences]
    problems: list[tuple[Location, str]] = []
    located: list[tuple[Location, str]] = [
        (("moves", m, "actions", a, "id"), action.id)
        for m, move in enumerate(playbook.moves)
        for a, action in enumerate(move.actions)
    ]
    located += [(("areas", i, "id"), area) for i, area in enumerate(areas)]
    located += [(("cadences", i, "id"), cadence) for i, cadence in enumerate(cadences)]
    seen: set[tuple[str, str]] = set()
    for loc, ident in located:
        key = (str(loc[0]), ident)
        if key in seen:
            problems.append((loc, f"the id '{ident}' is used twice; ids must be unique"))
        seen.add(key)
    for index, finding in enumerate(playbook.findings):
        if finding.next_action not in actions:
            problems.append((("findings", index, "next_action"), _unknown("action", finding.next_action, actions)))
        if finding.area not in areas:
            problems.append((("findings", index, "area"), _unknown("area", finding.area, areas)))
    for m, move in enumerate(playbook.moves):
        first, last = move.months
        if first > last:
            problems.append((("moves", m, "months"), f"starts in month {first} but ends in month {last}"))
        for a, action in enumerate(move.actions):
            if not first <= action.month <= last:
                problems.append(
                    (("moves", m, "actions", a, "month"), f"month {action.month} is outside this move ({first}–{last})")
                )
            if action.cadence and action.cadence not in cadences:
                problems.append((("moves", m, "actions", a, "cadence"), _unknown("cadence", action.cadence, cadences)))
    findings = [f.id for f in playbook.findings]
    for index, question in enumerate(playbook.assessment):
        if question.finding not in findings:
            problems.append((("assessment", index, "finding"), _unknown("finding", question.finding, findings)))
    for index, fill in enumerate(playbook.plan.fill):
        if fill.action not in actions:
            problems.append((("plan", "fill", index, "action"), _unknown("action", fill.action, actions)))
    if problems:
        loc, message = problems[0]
        raise PlaybookProblem(path, message, line=_line(root, loc), field=_dotted(loc))


def _unknown(what: str, value: str, known: list[str]) -> str:
    return f"there is no {what} '{value}' in this playbook; known: {', '.join(known) or 'none'}"


def as_dict(playbook: PlaybookFile) -> dict[str, Any]:
    return playbook.model_dump(mode="json")
