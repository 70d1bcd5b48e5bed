"""YAML read with the line of every value, so a problem names the line it is on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from upward.model.errors import FileProblem

Where = tuple[str | int, ...]


class Located:
    """Plain data (dicts, lists, strings) and the line each path starts on."""

    def __init__(self, file: Path, data: Any, lines: dict[Where, int]) -> None:
        self.file, self.data, self.lines = file, data, lines

    def problem(self, where: Where, problem: str) -> FileProblem:
        line = next((self.lines[where[:n]] for n in range(len(where), -1, -1) if where[:n] in self.lines), None)
        return FileProblem(self.file.name, problem, line=line, field=field_name(where) or None)


def field_name(where: Where) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def read_yaml(file: Path, text: str) -> Located:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise FileProblem(
            file.name, f"this is not valid YAML ({getattr(error, 'problem', error)})", line=line
        ) from None
    lines: dict[Where, int] = {}
    return Located(file, _plain(node, (), lines) if node is not None else None, lines)


def _plain(node: yaml.Node, where: Where, lines: dict[Where, int]) -> Any:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key, value in node.value:
            name = str(key.value)
            out[name] = _plain(value, (*where, name), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(value, (*where, index), lines) for index, value in enumerate(node.value)]
    value = node.value
    return value.strip() if isinstance(value, str) else value
