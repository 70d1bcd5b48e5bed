"""`upward plan ...` and `upward next` as a person types them, checked against what is stored."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from conftest import Cli
from upward.model.plan import ItemStatus
from upward.services import Context
from upward.services import plan as plan_service
from upward.services.demo import load_demo


def _stored(ctx: Context) -> plan_service.Plan:
    plan = plan_service.current_plan(ctx)
    assert plan is not None
    return plan


def test_create_show_done_skip_and_adjust(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    result = cli("plan", "create")
    assert result.exit_code == 0, result.output
    assert "Your plan is ready: 19 steps" in result.output and "answering your red flags come first" in result.output
    plan = _stored(ctx)
    assert plan.start == date.today()
    first = min(plan.items, key=lambda i: i.position)
    shown = cli("plan", "show").output
    assert "Get visible · months 1–2" in shown and f"#{first.id}" in shown
    assert "first: it answers “No conversation with your skip-level about your work”" in shown
    assert cli("plan", "done", str(first.id)).exit_code == 0
    skipped = cli("plan", "skip", str(first.id + 1), "--why", "Not this quarter")
    assert skipped.exit_code == 0, skipped.output
    after = _stored(ctx)
    assert after.item(first.id).status is ItemStatus.DONE  # type: ignore[union-attr]
    assert after.item(first.id + 1).why == "Not this quarter"  # type: ignore[union-attr]
    assert "✓" in cli("plan", "show").output and "(Not this quarter)" in cli("plan", "show").output
    adjusted = cli("plan", "adjust")
    assert adjusted.exit_code == 0 and "2 done or skipped kept as they were" in adjusted.output
    assert _stored(ctx).item(first.id).status is ItemStatus.DONE  # type: ignore[union-attr]


def test_mistakes_are_one_plain_line_and_write_nothing(cli: Cli, ctx: Context) -> None:
    none_yet = cli("plan", "show")
    assert none_yet.exit_code == 2 and "You have no plan yet" in none_yet.output
    bad_start = cli("plan", "create", "--start", "next week")
    assert bad_start.exit_code == 2 and "'next week' is not a date" in bad_start.output
    assert plan_service.current_plan(ctx) is None
    assert cli("plan", "create").exit_code == 0
    again = cli("plan", "create")
    assert again.exit_code == 2 and "`upward plan create --replace`" in again.output
    missing = cli("plan", "done", "999")
    assert missing.exit_code == 2 and "no step #999" in missing.output
    no_reason = cli("plan", "skip", "1", "--why", "  ")
    assert no_reason.exit_code == 2 and "why" in no_reason.output
    assert _stored(ctx).count(ItemStatus.SKIPPED) == 0


def test_next_shows_late_due_and_cadence_items_in_a_few_lines(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    start = date.today() - timedelta(days=150)
    assert cli("plan", "create", "--start", start.isoformat()).exit_code == 0
    result = cli("next")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("This week") and len(lines) <= 10
    assert any(line.strip().startswith("late") for line in lines)
    assert "Monthly update to your skip-level: Rachel Alvarez" in result.output
    assert "A conversation with each decision-maker:" in result.output
    late = [i for i in _stored(ctx).open_items if i.due < date.today()]
    assert len(late) > 3
    assert f"and {len(late) - 3} more late" in result.output


def test_next_without_a_plan_still_names_the_cadences(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    result = cli("next")
    assert result.exit_code == 0 and "No plan yet" in result.output and "Rachel Alvarez" in result.output


def test_exports_to_files_parse_back(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    load_demo(ctx)
    cli("plan", "create")
    for fmt in ("md", "ics", "json"):
        out = tmp_path / f"plan.{fmt}"
        result = cli("plan", "export", "--format", fmt, "--output", str(out))
        assert result.exit_code == 0, result.output
    plan = _stored(ctx)
    assert json.loads((tmp_path / "plan.json").read_text())["counts"]["open"] == len(plan.items)
    assert (tmp_path / "plan.md").read_text().startswith("# PROMOTION PLAN (12 MONTHS)")
    calendar = Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    assert len([e for e in calendar.walk("VEVENT") if "RRULE" not in e]) == len(plan.items)
    printed = cli("plan", "export", "--format", "json")
    assert json.loads(printed.output)["start"] == plan.start.isoformat()
    assert cli("plan", "export", "--format", "pdf").exit_code != 0
