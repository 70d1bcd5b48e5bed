"""`upward diagnose`: the report, its JSON and Markdown, and the stored trend, on both databases."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from conftest import Cli
from upward.services import Context
from upward.services.demo import load_demo
from upward.services.diagnosis import history, run_diagnosis
from upward.store.tables import diagnosis_snapshots


def test_the_demo_persona_is_told_why_they_are_stuck(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    result = cli("diagnose")
    assert result.exit_code == 0, result.output
    assert "Stall score" in result.output and "Red flag" in result.output
    assert "No conversation with your skip-level about your work" in result.output
    assert "This week" in result.output and "Send your skip-level a short monthly update" in result.output


def test_json_names_every_finding_with_its_evidence(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    data = json.loads(cli("diagnose", "--format", "json").output)
    findings = {f["id"]: f for f in data["findings"]}
    assert findings["expert-trap"]["status"] == "red"
    assert findings["expert-trap"]["evidence_ids"]
    assert findings["no-skip-level-contact"]["next_action"]["id"] == "start-skip-level-updates"
    assert isinstance(data["stall_score"], int) and data["stall_score"] >= 70
    assert len(data["next_actions"]) == 3


def test_markdown_is_a_readable_report(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    text = cli("diagnose", "--format", "md").output
    assert text.startswith("# Why you might be stuck")
    assert "## This week" in text and "*Evidence:* #" in text and "*How it is measured:*" in text


def test_a_new_person_sees_what_data_would_help(cli: Cli) -> None:
    result = cli("diagnose")
    assert result.exit_code == 0
    assert "not enough in your record yet" in result.output
    assert "What would settle it: Import your calendar" in result.output


def test_each_run_keeps_one_snapshot_a_day_for_the_trend(cli: Cli, ctx: Context) -> None:
    load_demo(ctx, today=date(2026, 11, 23))
    run_diagnosis(ctx, date(2026, 10, 1))
    run_diagnosis(ctx, date(2026, 11, 23))
    run_diagnosis(ctx, date(2026, 11, 23))
    with ctx.transaction() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(diagnosis_snapshots)).scalar_one() == 2
    days = [row["day"] for row in history(ctx)]
    assert days == [date(2026, 10, 1), date(2026, 11, 23)]
    assert all(isinstance(row["findings"]["expert-trap"]["status"], str) for row in history(ctx))
    trend = cli("diagnose", "--trend").output
    assert "Stall score over time" in trend and "2026-10-01" in trend
