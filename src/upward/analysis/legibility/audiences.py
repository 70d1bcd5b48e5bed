"""What each reader will take: word count, reading grade and field words, read from audiences.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from upward.analysis.legibility.model import AUDIENCES
from upward.model.story import parse_audience


@dataclass(frozen=True, slots=True)
class Audience:
    name: str
    max_words: int
    max_grade: int
    jargon_allowed: int


@cache
def _audiences() -> dict[str, Audience]:
    data = yaml.safe_load((files("upward.analysis.legibility") / "audiences.yaml").read_text("utf-8"))
    return {name: Audience(name=name, **data[name]) for name in AUDIENCES}


def audience(name: str) -> Audience:
    """The reader called `name`; a name that is not one of them names the choices."""
    return _audiences()[parse_audience(name)]
