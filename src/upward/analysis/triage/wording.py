"""The phrases and replies of `wording.yaml`, read once."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml


@cache
def wording() -> dict[str, Any]:
    text = (files("upward.analysis.triage") / "wording.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


class Blanks(dict[str, str]):
    """Placeholder values; a missing one shows as a visible gap rather than an error."""

    def __missing__(self, key: str) -> str:
        return "…"


def fill(template: str, values: dict[str, str]) -> str:
    return " ".join(template.format_map(Blanks(values)).split())
