"""Stories: stored per person on both databases, built from evidence, told three ways for three readers."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Cli
from upward.documents.story_versions import LENGTHS, render, versions
from upward.model import EvidenceDraft, InputError, Metric, NotFound
from upward.model.parsing import parse_when
from upward.model.story import AUDIENCES, PARTS, StoryDraft
from upward.services import Context, open_context, stories
from upward.services import evidence as evidence_service
from upward.settings import Settings
from upward.store import stories_repo

FULL = StoryDraft(
    title="Faster payments",
    problem="Buyers gave up at the payment screen",
    baseline="15% of them left; the page took 4 seconds",
    stakes="about $2M a year in lost sales",
    action="rebuilt how the payment page loads",
    role="I led the work",
    collaborators=("payments", "Ana Lima"),
    result="the page takes 1.2 seconds and 14% of those buyers came back",
    timeframe="within 30 days",
    outcome="$1.8M a year in recovered revenue",
)


def test_a_story_is_stored_read_changed_and_deleted(ctx: Context) -> None:
    story = stories.create(ctx, FULL)
    with ctx.transaction() as conn:
        stored = stories_repo.get(conn, ctx.owner_id, story.id)
    assert stored is not None and stored.collaborators == ("payments", "Ana Lima") and stored.missing() == []
    changed = stories.edit(ctx, story.id, {"outcome": "", "audience": "exec"})
    assert changed.outcome == "" and changed.audience == "executive" and changed.missing() == ["outcome"]
    assert [s.id for s in stories.list_stories(ctx)] == [story.id]
    stories.delete(ctx, story.id)
    assert stories.list_stories(ctx) == []
    with pytest.raises(NotFound, match="no story"):
        stories.get(ctx, story.id)


def test_bad_input_names_the_field_and_writes_nothing(ctx: Context) -> None:
    with pytest.raises(InputError, match="title"):
        stories.create(ctx, StoryDraft(title="  "))
    with pytest.raises(InputError, match="audience"):
        stories.create(ctx, StoryDraft(title="x", audience="board"))
    with pytest.raises(NotFound, match="evidence item 99"):
        stories.create(ctx, StoryDraft(title="x", evidence_ids=(99,)))
    assert stories.list_stories(ctx) == []


def test_one_person_cannot_see_or_change_another_s_stories(ctx: Context, settings: Settings) -> None:
    mine = stories.create(ctx, FULL)
    bob = open_context(settings.model_copy(update={"account": "bob"}))
    assert stories.list_stories(bob) == []
    with pytest.raises(NotFound):
        stories.edit(bob, mine.id, {"title": "stolen"})
    with pytest.raises(NotFound):
        stories.delete(bob, mine.id)
    assert stories.get(ctx, mine.id).title == "Faster payments"


def test_a_story_from_a_bare_metric_is_prefilled_from_the_evidence(ctx: Context) -> None:
    item = evidence_service.log(
        ctx,
        EvidenceDraft(
            title="Checkout latency",
            occurred_at=parse_when("2026-10-05"),
            teams=("payments",),
            people=("Ana Lima",),
            metrics=(Metric.parse("latency: 4s -> 1.2s"),),
        ),
    )
    draft = stories.prefill(ctx, item.id)
    assert draft.baseline == "latency was 4s" and draft.result == "latency is now 1.2s"
    assert draft.collaborators == ("payments", "Ana Lima") and draft.occurred_on == date(2026, 10, 5)
    assert draft.evidence_ids == (item.id,)
    assert "baseline" not in draft.missing() and "outcome" in draft.missing()
    story = stories.create(ctx, draft)
    assert [e.title for e in stories.evidence_behind(ctx, story)] == ["Checkout latency"]
    evidence_service.delete(ctx, item.id)
    assert stories.evidence_behind(ctx, stories.get(ctx, story.id)) == []


def test_every_length_for_every_reader_and_the_executive_hears_the_outcome_first() -> None:
    told = versions(FULL)
    assert {(v.length, v.audience) for v in told} == {(length, a) for length in LENGTHS for a in AUDIENCES}
    three = render(FULL, "three-sentences", "skip-level")
    assert three.count(". ") == 2 and three.startswith("Buyers gave up at the payment screen")
    assert "$1.8M a year in recovered revenue" in three and "Ana Lima" in three
    executive = render(FULL, "three-sentences", "executive")
    assert executive.startswith("$1.8M a year in recovered revenue")
    one_liner = render(FULL, "one-liner", "executive")
    assert len(one_liner.split()) < len(render(FULL, "paragraph", "executive").split())
    assert render(FULL, "paragraph", "manager", ["Checkout latency"]).endswith("Behind it: Checkout latency.")


def test_missing_parts_drop_out_of_the_versions_instead_of_leaving_holes() -> None:
    bare = StoryDraft(title="Checkout latency", baseline="latency was 4s", result="latency is now 1.2s")
    for version in versions(bare):
        assert version.text and "None" not in version.text and ", ." not in version.text and " ." not in version.text


def test_the_person_s_lexicon_file_extends_the_check(ctx: Context, settings: Settings) -> None:
    text = "I cut our CAC in Q2 with the quorum sensing model."
    assert [f.terms for f in stories.check_text(ctx, text).findings if f.id == "jargon"] == [("CAC",)]
    settings.ensure_home()
    (settings.home / "lexicon.yaml").write_text("terms: [quorum sensing]\nplain: [CAC]\n", encoding="utf-8")
    assert [f.terms for f in stories.check_text(ctx, text).findings if f.id == "jargon"] == [("quorum sensing",)]


def test_a_broken_lexicon_file_is_named_with_its_line(ctx: Context, settings: Settings) -> None:
    settings.ensure_home()
    path: Path = settings.home / "lexicon.yaml"
    path.write_text("terms: [a, b\nplain: c\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"lexicon.yaml, line \d"):
        stories.check_text(ctx, "I did it.")
    path.write_text("words: [a]\n", encoding="utf-8")
    with pytest.raises(Exception, match="only the lists 'terms' and 'plain'"):
        stories.check_text(ctx, "I did it.")


# The command line ------------------------------------------------------------------------------------------


def test_story_new_from_a_bare_metric_asks_only_for_what_is_missing(cli: Cli, ctx: Context) -> None:
    assert cli("log", "Checkout latency", "--metric", "latency: 4s -> 1.2s", "--teams", "payments").exit_code == 0
    answers = [
        "Buyers gave up at the payment screen",  # problem
        "about $2M a year in lost sales",  # stakes
        "I led the rebuild of the payment page",  # role
        "within 30 days",  # timeframe
        "$1.8M a year in recovered revenue",  # outcome
    ]
    result = cli("story", "new", "--from", "1", "--action", "rebuilt the payment page", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    asked = [line for line in result.output.splitlines() if "?" in line]
    assert not any("How bad was it" in line or "What is the number now" in line for line in asked)
    assert "Who did you work with" not in result.output  # the evidence named the team
    story = stories.list_stories(ctx)[0]
    assert story.problem == "Buyers gave up at the payment screen" and story.timeframe == "within 30 days"
    assert story.baseline == "latency was 4s" and story.evidence_ids == (1,) and story.missing() == []
    three = render(story, "three-sentences", "skip-level")
    assert three.count(". ") == 2 and three in result.output


def test_story_new_takes_every_answer_as_a_flag_for_scripts(cli: Cli, ctx: Context) -> None:
    result = cli(
        "story", "new", "--no-input", "--title", "Brand guide", "--problem", "Every team used its own colours",
        "--role", "I wrote the guide", "--with", "marketing, sales", "--audience", "executive", "--date", "2026-09-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    story = stories.list_stories(ctx)[0]
    assert (story.title, story.audience, story.occurred_on) == ("Brand guide", "executive", date(2026, 9, 1))
    assert story.collaborators == ("marketing", "sales") and "result" in story.missing()
    assert "Legibility" in result.output


def test_story_new_with_a_bad_audience_writes_nothing(cli: Cli, ctx: Context) -> None:
    result = cli("story", "new", "--no-input", "--title", "x", "--audience", "board")
    assert result.exit_code == 2 and "audience" in result.output
    assert stories.list_stories(ctx) == []


def test_story_list_show_edit_delete(cli: Cli, ctx: Context) -> None:
    story = stories.create(ctx, FULL)
    listed = cli("story", "list")
    assert "Faster payments" in listed.output and "100" in listed.output
    shown = cli("story", "show", str(story.id))
    assert "Three sentences, for your skip-level" in shown.output and "Legibility" in shown.output
    assert "One line, for your executive" not in shown.output
    assert "One line, for your executive" in cli("story", "show", str(story.id), "--audience", "executive").output
    payload = json.loads(cli("story", "show", str(story.id), "--json").output)
    assert payload["versions"]["executive"]["one-liner"] and payload["legibility"]["score"] == 100
    assert cli("story", "edit", str(story.id), "--outcome", "", "--title", "Quicker payments").exit_code == 0
    assert stories.get(ctx, story.id).outcome == "" and stories.get(ctx, story.id).title == "Quicker payments"
    assert cli("story", "delete", str(story.id), input="n\n").exit_code == 1
    assert cli("story", "delete", str(story.id), "--yes").exit_code == 0
    assert stories.list_stories(ctx) == []
    assert cli("story", "show", str(story.id)).exit_code == 2


def test_story_check_on_text_and_on_a_story(cli: Cli, ctx: Context) -> None:
    weak = cli("story", "check", "We improved latency by 40%", "--json")
    payload = json.loads(weak.output)
    assert payload["score"] < 50 and "metric-without-consequence" in {f["id"] for f in payload["findings"]}
    story = stories.create(ctx, FULL)
    strong = json.loads(cli("story", "check", "--id", str(story.id), "--json").output)
    assert strong["score"] == 100 and strong["audience"] == "skip-level"
    printed = cli("story", "check", "We improved latency by 40%", "--audience", "executive")
    assert "what did that change for customers" in printed.output and "for your executive" in printed.output
    assert cli("story", "check").exit_code == 2


def test_stories_survive_a_backup_and_restore(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    stories.create(ctx, FULL)
    backup = tmp_path / "b.json"
    assert cli("backup", str(backup)).exit_code == 0
    restored = cli("restore", str(backup), "--replace")
    assert restored.exit_code == 0, restored.output
    assert [s.title for s in stories.list_stories(ctx)] == ["Faster payments"]


def test_timestamps_are_kept(ctx: Context) -> None:
    before = datetime.now().replace(microsecond=0)
    story = stories.create(ctx, FULL)
    assert story.created_at >= before and story.updated_at == story.created_at


def test_the_demo_persona_has_a_finished_story_and_one_missing_its_outcome(ctx: Context) -> None:
    from upward.services.demo import load_demo

    load_demo(ctx, today=date(2026, 11, 23))
    load_demo(ctx, today=date(2026, 11, 23))
    told = {story.title: story for story in stories.list_stories(ctx)}
    assert set(told) == {"A faster checkout", "Automatic refunds"}
    assert [e.title for e in stories.evidence_behind(ctx, told["A faster checkout"])] == [
        "Shipped caching of saved cards so checkout loads faster"
    ]
    from upward.documents.story_versions import story_text

    finished = stories.check_text(ctx, story_text(told["A faster checkout"]), "skip-level")
    weak = stories.check_text(ctx, story_text(told["Automatic refunds"]), "manager")
    assert finished.score == 100, finished.findings
    assert "no-stakes" in weak.ids and weak.score < finished.score


_part = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({name: _part for name in PARTS if name not in ("title", "collaborators")}), _part)
def test_any_parts_give_every_version_without_holes(parts: dict[str, str], title: str) -> None:
    draft = StoryDraft(title=title.strip() or "x", **parts)
    typed = " ".join((*parts.values(), title))
    for version in versions(draft):
        assert version.text and version.text == version.text.strip()
        if "None" not in typed:
            assert "None" not in version.text
        if "{" not in typed:
            assert "{" not in version.text


def test_square_brackets_in_a_story_are_printed_as_typed(cli: Cli, ctx: Context) -> None:
    result = cli("story", "check", "[/bold] latency [red]fell 40%")
    assert result.exit_code == 0, result.output
    assert "[/bold] latency [red]fell 40% — what did that change" in result.output
    stories.create(ctx, StoryDraft(title="[b]Bold[/b] move"))
    assert "[b]Bold[/b] move" in cli("story", "list").output
