"""The optional rewrite through `llm`: models registered with llm's own plugin hooks, never a live service."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import llm
import pytest
from llm.plugins import pm

from conftest import Cli
from test_stories import FULL
from upward.model import UpwardError
from upward.services import Context, stories, story_rewrite

HONEST = (
    "Buyers gave up at the payment screen because it was taking 4 seconds, which cost about $2M a year. I led the "
    "work to rebuild "
    "how the payment page loads, with Ana Lima. Within 30 days the page takes 1.2 seconds and 14% of those buyers "
    "came back: $1.8M a year in recovered revenue."
)
INVENTED = HONEST.replace("with Ana Lima", "with Ana Lima and Priya Shah").replace("14%", "25%")


class Scripted(llm.Model):
    """A model that answers with whatever the test put in `reply`."""

    model_id = "upward-scripted"
    reply = HONEST

    def execute(self, prompt: Any, stream: bool, response: Any, conversation: Any) -> Iterator[str]:
        yield self.reply


class ScriptedPlugin:
    @llm.hookimpl
    def register_models(self, register: Any) -> None:
        register(Scripted())


@pytest.fixture(autouse=True)
def llm_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """llm's own folder in a temp dir, and the scripted model registered through llm's plugin manager."""
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    pm.register(ScriptedPlugin(), name="upward-test-scripted")
    yield
    pm.unregister(name="upward-test-scripted")
    Scripted.reply = HONEST


def test_a_rewrite_is_checked_and_nothing_is_saved_until_accepted(ctx: Context) -> None:
    story = stories.create(ctx, FULL)
    result = story_rewrite.rewrite(ctx, story.id, "upward-scripted")
    assert result.text == HONEST and result.invented == () and result.model == "upward-scripted"
    assert result.legibility.score == 100
    assert stories.get(ctx, story.id).wording == ""
    story_rewrite.accept(ctx, story.id, result.text)
    assert stories.get(ctx, story.id).wording == HONEST


def test_numbers_and_names_not_in_the_facts_are_flagged_as_invented(ctx: Context) -> None:
    Scripted.reply = INVENTED
    story = stories.create(ctx, FULL)
    result = story_rewrite.rewrite(ctx, story.id, "upward-scripted")
    assert result.invented == ("Priya Shah", "25")


def test_the_prompt_carries_only_the_story_s_facts(ctx: Context) -> None:
    from upward.model import EvidenceDraft
    from upward.model.parsing import parse_when
    from upward.services import evidence as evidence_service

    secret = evidence_service.log(
        ctx, EvidenceDraft(title="Salary talk with Dana", body="private", occurred_at=parse_when("2026-01-02"))
    )
    story = stories.create(ctx, FULL)
    stories.edit(ctx, story.id, {"evidence_ids": (secret.id,)})
    echoed = story_rewrite.rewrite(ctx, story.id, "echo")  # llm-echo answers with the prompt it was given
    prompt = json.loads(echoed.text)["prompt"]
    for value in ("Buyers gave up at the payment screen", "within 30 days", "payments, Ana Lima", "skip-level"):
        assert value in prompt
    assert "Salary" not in prompt and "private" not in prompt
    assert echoed.invented  # the instructions themselves are not facts: an echo is never taken as a story


def test_an_unknown_model_names_the_ones_llm_knows(ctx: Context) -> None:
    story = stories.create(ctx, FULL)
    with pytest.raises(UpwardError, match="'no-such-model' is not a model `llm` knows; it knows: .*upward-scripted"):
        story_rewrite.rewrite(ctx, story.id, "no-such-model")


def test_without_the_llm_library_the_message_says_how_to_install_it(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = stories.create(ctx, FULL)
    monkeypatch.setitem(sys.modules, "llm", None)  # what Python does when the package is not installed
    with pytest.raises(UpwardError, match=r"pip install 'upward\[rewrite\]'"):
        story_rewrite.rewrite(ctx, story.id, "upward-scripted")


def test_a_story_with_no_facts_is_not_sent(ctx: Context) -> None:
    story = stories.create(ctx, FULL.__class__(title="Empty"))
    with pytest.raises(UpwardError, match="no facts to rewrite"):
        story_rewrite.rewrite(ctx, story.id, "upward-scripted")


def test_the_command_keeps_an_invented_rewrite_only_when_the_person_says_so(cli: Cli, ctx: Context) -> None:
    Scripted.reply = INVENTED
    story = stories.create(ctx, FULL)
    declined = cli("story", "rewrite", str(story.id), "--model", "upward-scripted", "--yes", input="n\n")
    assert declined.exit_code == 0, declined.output
    assert "Not in your story's facts (the model may have made these up): Priya Shah, 25" in declined.output
    assert "Not saved" in declined.output and stories.get(ctx, story.id).wording == ""
    accepted = cli("story", "rewrite", str(story.id), "--model", "upward-scripted", input="y\n")
    assert "Saved as the wording" in accepted.output and stories.get(ctx, story.id).wording == INVENTED


def test_the_command_with_yes_keeps_an_honest_rewrite_without_asking(cli: Cli, ctx: Context) -> None:
    story = stories.create(ctx, FULL)
    result = cli("story", "rewrite", str(story.id), "-m", "upward-scripted", "--yes")
    assert result.exit_code == 0 and "Keep this" not in result.output
    assert stories.get(ctx, story.id).wording == HONEST
    shown = cli("story", "show", str(story.id))
    assert "Your own wording" in shown.output


@pytest.mark.parametrize(
    ("rewrite", "flagged"),
    [
        ("Within 30 days, 14% came back.", []),
        ("Within 30 days, 1,400 buyers came back.", ["1,400"]),
        ("Ana Lima and I rebuilt it.", []),
        ("Ana Lima and Tom Wu rebuilt it.", ["Tom Wu"]),
        ("Sales rose in March.", ["March"]),
        ("The CFO was pleased.", ["CFO"]),
    ],
)
def test_invented_lists_numbers_and_names_the_facts_do_not_hold(rewrite: str, flagged: list[str]) -> None:
    from upward.analysis.legibility.invented import invented

    facts = "within 30 days 14% of buyers came back; worked with Ana Lima; 1.2 seconds"
    assert invented(rewrite, facts) == flagged
