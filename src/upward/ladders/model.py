"""A ladder as plain values: levels in order, each with the expectations a person at that level meets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Expectation:
    #: Unique within the ladder, stable across re-imports ("senior-1/communication").
    id: str
    area: str
    text: str


@dataclass(frozen=True, slots=True)
class Level:
    id: str
    name: str
    expectations: tuple[Expectation, ...]


@dataclass(frozen=True, slots=True)
class Ladder:
    name: str
    format: str
    levels: tuple[Level, ...]

    def level(self, wanted: str) -> Level | None:
        """The level whose id or name is `wanted` (case-insensitive)."""
        key = wanted.strip().lower()
        return next((lv for lv in self.levels if key in (lv.id.lower(), lv.name.lower())), None)

    def after(self, level: Level) -> Level | None:
        index = self.levels.index(level)
        return self.levels[index + 1] if index + 1 < len(self.levels) else None

    def levels_json(self) -> list[dict[str, Any]]:
        return [
            {"id": lv.id, "name": lv.name, "expectations": [{"id": e.id, "area": e.area, "text": e.text}
                                                           for e in lv.expectations]}
            for lv in self.levels
        ]  # fmt: skip

    @classmethod
    def from_json(cls, name: str, fmt: str, levels: list[dict[str, Any]]) -> Ladder:
        return cls(
            name=name,
            format=fmt,
            levels=tuple(
                Level(lv["id"], lv["name"], tuple(Expectation(**e) for e in lv["expectations"])) for lv in levels
            ),
        )
