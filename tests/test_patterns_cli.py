"""`upward patterns list|show|adopt|done` as a person types them, checked against what is stored."""

from __future__ import annotations

import json
from datetime import date

from conftest import Cli
from upward.services import Context
from upward.services import patterns as patterns_service
from upward.services import plan as plan_service
from upward.services.demo import load_demo

TODAY = date(2026, 11, 23)


def _deploy_id(ctx: Context) -> int:
    return next(p.id for p in patterns_service.list_patterns(ctx) if "deploy pipeline" in p.title.lower())


def test_list_shows_the_ranked_problems(cli: Cli, ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    result = cli("patterns", "list")
    assert result.exit_code == 0, result.output
    assert "Problems that keep coming back" in result.output and "Deploy pipeline" in result.output
    listed = json.loads(cli("patterns", "list", "--json").output)
    assert [p["id"] for p in listed] == [p.id for p in patterns_service.list_patterns(ctx)]
    assert listed[0]["opportunity"] >= listed[-1]["opportunity"]


def test_list_says_what_to_do_when_nothing_recurs(cli: Cli) -> None:
    result = cli("patterns", "list")
    assert result.exit_code == 0 and "No problem has come back three times yet" in result.output


def test_show_adopt_and_check_off_a_step(cli: Cli, ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    pattern_id = _deploy_id(ctx)
    shown = cli("patterns", "show", str(pattern_id))
    assert shown.exit_code == 0 and "Recent examples" in shown.output and "Asked by:" in shown.output
    adopted = cli("patterns", "adopt", str(pattern_id), "--fix", "A self-serve pipeline runbook")
    assert adopted.exit_code == 0, adopted.output
    assert "is now a framework initiative" in adopted.output and "Write down the pattern" in adopted.output
    done = cli("patterns", "done", str(pattern_id), "teach-teams", "--team", "web", "--team", "mobile,data")
    assert done.exit_code == 0 and "Taught to 3 team(s): web, mobile, data" in done.output
    stored = patterns_service.get_pattern(ctx, pattern_id)
    assert stored.adopted and stored.fix == "A self-serve pipeline runbook"
    assert stored.teams_taught == ("web", "mobile", "data")
    full = json.loads(cli("patterns", "show", str(pattern_id), "--json").output)
    assert full["impact"]["stopped"] is True and full["steps"][3]["done_on"] is not None


def test_adopting_puts_the_initiative_in_the_plan(cli: Cli, ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    plan_service.create_plan(ctx, today=TODAY)
    pattern_id = _deploy_id(ctx)
    assert cli("patterns", "adopt", str(pattern_id)).exit_code == 0
    stored = patterns_service.get_pattern(ctx, pattern_id)
    plan = plan_service.current_plan(ctx)
    assert plan is not None and stored.plan_item_id is not None
    item = next(i for i in plan.items if i.id == stored.plan_item_id)
    assert (item.origin, item.origin_id) == ("pattern", pattern_id) and "deploy pipeline" in item.title.lower()
    assert cli("patterns", "adopt", str(pattern_id)).exit_code == 0  # adopting twice adds nothing
    again = plan_service.current_plan(ctx)
    assert again is not None
    assert [i.id for i in again.items if (i.origin, i.origin_id) == ("pattern", pattern_id)] == [item.id]


def test_wrong_ids_and_steps_exit_non_zero_and_change_nothing(cli: Cli, ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    missing = cli("patterns", "show", "99999")
    assert missing.exit_code == 2 and "no recurring problem 99999" in missing.output
    pattern_id = _deploy_id(ctx)
    not_adopted = cli("patterns", "done", str(pattern_id), "document-it")
    assert not_adopted.exit_code == 2 and "adopt it first" in not_adopted.output
    cli("patterns", "adopt", str(pattern_id))
    wrong = cli("patterns", "done", str(pattern_id), "celebrate")
    assert wrong.exit_code == 2 and "'celebrate' is not a step" in wrong.output
    assert not any(s.done for s in patterns_service.get_pattern(ctx, pattern_id).steps)
