"""A story told three ways (one line, three sentences, a paragraph) for three readers, from story_versions.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import jinja2
import yaml

from upward.model.story import AUDIENCES, StoryDraft

LENGTHS = ("one-liner", "three-sentences", "paragraph")
LENGTH_LABELS = {"one-liner": "One line", "three-sentences": "Three sentences", "paragraph": "Paragraph"}
_STARTS_WITH_NAME = re.compile(r"^(?:I\b|[A-Z]{2,}|[A-Z][a-z]+[A-Z])")


@dataclass(frozen=True, slots=True)
class Version:
    length: str
    audience: str
    text: str

    @property
    def label(self) -> str:
        return f"{LENGTH_LABELS[self.length]}, for your {self.audience}"


def clause(value: object) -> str:
    """A part of a story ready to sit inside a sentence: trimmed, no final full stop, lower-case start."""
    text = " ".join(str(value or "").split()).rstrip(" .;:")
    if text and not _STARTS_WITH_NAME.match(text):
        text = text[0].lower() + text[1:]
    return text


def capitalize_first(value: str) -> str:
    return value[:1].upper() + value[1:]


def sentence(value: object) -> str:
    text = clause(value)
    return capitalize_first(text) + "." if text else ""


@cache
def _templates() -> dict[str, dict[str, jinja2.Template]]:
    env = jinja2.Environment(autoescape=False, undefined=jinja2.ChainableUndefined)
    env.filters.update(clause=clause, capitalize_first=capitalize_first, sentence=sentence)
    data = yaml.safe_load((files("upward.documents") / "story_versions.yaml").read_text("utf-8"))
    return {length: {aud: env.from_string(data[length][aud]) for aud in AUDIENCES} for length in LENGTHS}


def render(story: StoryDraft, length: str, audience: str, evidence: list[str] | None = None) -> str:
    """The story at this length for this reader; parts that are empty drop out."""
    facts = {name: getattr(story, name) for name in ("title", "problem", "baseline", "stakes", "action", "role")}
    facts |= {name: getattr(story, name) for name in ("result", "timeframe", "outcome")}
    text = _templates()[length][audience].render(
        **facts, collaborators=_joined(story.collaborators), evidence=evidence or []
    )
    text = " ".join(text.split())
    text = re.sub(r"\s+([.,;:])", r"\1", re.sub(r"(^|\s)[.,;:](?=\s|$)", r"\1", text)).strip()
    return text or sentence(story.title)


def versions(story: StoryDraft, evidence: list[str] | None = None) -> list[Version]:
    """Every length for every reader, the story's own reader first."""
    readers = [story.audience, *(a for a in AUDIENCES if a != story.audience)]
    return [
        Version(length, reader, render(story, length, reader, evidence)) for reader in readers for length in LENGTHS
    ]


def story_text(story: StoryDraft) -> str:
    """What the legibility check reads: the person's own wording, or the three sentences for their reader."""
    return story.wording or render(story, "three-sentences", story.audience)


def _joined(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
