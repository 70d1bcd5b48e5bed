"""The optional rewrite of a story by a language model, through the `llm` library (the `rewrite` extra).

Off by default and never required: nothing here runs unless the person asks for a rewrite. The prompt
carries only the story's facts; the answer goes through the same legibility check, and every number or
name in it that the facts do not contain is flagged as invented. Nothing is saved here: `accept` saves a
rewrite only once the person has seen it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from types import ModuleType
from typing import Any

import jinja2

from upward.analysis.legibility import Legibility
from upward.analysis.legibility.invented import invented
from upward.model import UpwardError
from upward.model.story import PARTS, Story
from upward.services import stories
from upward.services.context import Context

NOT_INSTALLED = (
    "Rewriting needs the optional `llm` library. Install it with `pip install 'upward[rewrite]'`, "
    "then a model plugin (for example `llm install llm-gpt4all`) or a key (`llm keys set openai`)."
)


@dataclass(frozen=True, slots=True)
class Rewrite:
    story_id: int
    model: str
    text: str
    invented: tuple[str, ...]
    legibility: Legibility

    def as_dict(self) -> dict[str, object]:
        return {
            "story_id": self.story_id,
            "model": self.model,
            "text": self.text,
            "invented": list(self.invented),
            "legibility": self.legibility.as_dict(),
        }


def _llm() -> ModuleType:
    try:
        import llm
    except ImportError:
        raise UpwardError(NOT_INSTALLED) from None
    return llm


def prompt_for(story: Story) -> str:
    """The prompt: the instructions and the story's facts, nothing else about the person."""
    facts = {PARTS[name][0]: value for name, value in story.facts().items()}
    template = jinja2.Template((files("upward.services") / "story_rewrite_prompt.txt").read_text("utf-8"))
    return str(template.render(audience=story.audience, facts=facts))


def rewrite(ctx: Context, story_id: int, model_name: str | None = None) -> Rewrite:
    """Ask the model for a plainer version of the story; check it and flag what it made up. Saves nothing."""
    story = stories.get(ctx, story_id)
    if not story.facts().keys() - {"title"}:
        raise UpwardError(f"Story {story_id} has no facts to rewrite yet; fill it in with `upward story edit`.")
    model = _model(model_name)
    text = _ask(model, prompt_for(story))
    # the part names ("Problem", "Result") are in the prompt too: a model may repeat them, and they are no new fact
    facts_text = " ".join(f"{PARTS[name][0]} {value}" for name, value in story.facts().items())
    return Rewrite(
        story_id=story.id,
        model=str(model.model_id),
        text=text,
        invented=tuple(invented(text, facts_text)),
        legibility=stories.check_text(ctx, text, story.audience),
    )


def accept(ctx: Context, story_id: int, text: str) -> Story:
    """Keep a rewrite the person has read and accepted as the story's own wording."""
    return stories.edit(ctx, story_id, {"wording": text})


def _model(name: str | None) -> Any:
    llm = _llm()
    try:
        return llm.get_model(name) if name else llm.get_model()
    except llm.UnknownModelError:
        known = ", ".join(sorted(m.model_id for m in llm.get_models()))
        raise UpwardError(f"model: '{name}' is not a model `llm` knows; it knows: {known}") from None


def _ask(model: Any, prompt: str) -> str:
    llm = _llm()
    try:
        text: str = str(model.prompt(prompt).text()).strip()
    except llm.NeedsKeyException as error:
        raise UpwardError(f"model {model.model_id}: {error}. Set a key with `llm keys set ...`.") from None
    except Exception as error:  # a plugin or a service failing: say which, never a traceback
        raise UpwardError(f"model {model.model_id} did not answer: {error}") from None
    if not text:
        raise UpwardError(f"model {model.model_id} gave an empty answer; try another with --model")
    return text
