"""The plan on both databases: made for the demo persona and for a newcomer, checked off, re-planned, tracked."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from upward.model import EvidenceDraft, InputError, Kind, NotFound, PersonDraft, Profile, PromotionRole, UpwardError
from upward.model.plan import ItemStatus
from upward.model.projects import ProjectDraft
from upward.services import Context
from upward.services import assessment as assessment_service
from upward.services import evidence as evidence_service
from upward.services import plan as plan_service
from upward.services import profile as profile_service
from upward.services import projects as projects_service
from upward.services.backup import backup, restore
from upward.services.demo import load_demo
from upward.services.plan_export import export
from upward.services.plan_week import this_week
from upward.store import people_repo
from upward.store.tables_plan import plan_items

TODAY = date(2026, 11, 23)


def newcomer(ctx: Context) -> None:
    profile = Profile("Sam Rivera", "engineer", "Senior", "Staff", "payments", "Dana Lopez", "Lee Kim", TODAY)
    profile_service.save_profile(ctx, profile)


def test_the_demo_persona_gets_a_plan_from_her_own_record(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    plan = plan_service.create_plan(ctx, start=TODAY, today=TODAY)
    first = min(plan.items, key=lambda i: i.position)
    assert first.action == "start-skip-level-updates" and first.red_flag == "no-skip-level-contact"
    assert first.due == date(2026, 12, 7)
    assert plan.start == TODAY and plan.end == date(2027, 11, 22)
    titles = " ".join(i.title for i in plan.items)
    assert "Coffee with Tom Becker" in titles and "Coffee with Aisha Rahman" in titles
    assert titles.count("into a framework others use") == 3
    mapping = next(i for i in plan.items if i.action == "map-decision-makers")
    assert "Rachel Alvarez (skip-level, has heard of you)" in mapping.detail
    assert all(TODAY < i.due <= plan.end for i in plan.items)


def test_a_newcomer_with_almost_no_data_gets_the_playbook_with_their_answers_first(ctx: Context) -> None:
    newcomer(ctx)
    assessment_service.save_answers(ctx, {"legible": "no"})
    plan = plan_service.create_plan(ctx, today=TODAY)  # the start defaults to the profile's plan start
    assert plan.start == TODAY
    first = min(plan.items, key=lambda i: i.position)
    assert first.action == "write-first-story" and first.red_flag == "illegible-work"
    assert sum(1 for i in plan.items if i.red_flag) == 1
    assert any(i.title == "Meet each peer manager to understand their problems" for i in plan.items)


def test_a_second_plan_is_refused_unless_replacing_and_bad_starts_are_named(ctx: Context) -> None:
    newcomer(ctx)
    plan_service.create_plan(ctx, today=TODAY)
    with pytest.raises(UpwardError, match="plan adjust"):
        plan_service.create_plan(ctx, today=TODAY)
    replaced = plan_service.create_plan(ctx, start=date(2026, 12, 1), today=TODAY, replace=True)
    assert replaced.start == date(2026, 12, 1)
    with pytest.raises(InputError) as error:
        plan_service.create_plan(ctx, start=date(2028, 1, 1), today=TODAY, replace=True)
    assert error.value.field == "start"
    assert plan_service.current_plan(ctx) == replaced  # nothing written


def test_done_skip_and_adjust_keep_the_history(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    plan = plan_service.create_plan(ctx, start=TODAY, today=TODAY)
    first, second = sorted(plan.items, key=lambda i: i.position)[:2]
    assert plan_service.done(ctx, first.id, date(2026, 11, 30)).closed_on == date(2026, 11, 30)
    skipped = plan_service.skip(ctx, second.id, "  The team reorganises first  ", date(2026, 12, 1))
    assert (skipped.status, skipped.why) == (ItemStatus.SKIPPED, "The team reorganises first")
    with pytest.raises(InputError, match="already done"):
        plan_service.done(ctx, first.id)
    with pytest.raises(InputError) as error:
        plan_service.skip(ctx, first.id + 1000, "")
    assert error.value.field == "why"
    with pytest.raises(NotFound):
        plan_service.done(ctx, 10_000)
    later = date(2027, 3, 1)
    result = plan_service.adjust(ctx, later)
    assert result.kept == 2 and result.updated > 0
    after = result.plan
    assert after.adjusted_at is not None
    kept_first, kept_second = after.item(first.id), after.item(second.id)
    assert kept_first is not None and kept_first.status is ItemStatus.DONE and kept_first.due == first.due
    assert kept_second is not None and kept_second.why == "The team reorganises first"
    assert all(i.due >= later for i in after.open_items)
    moved = [i for i in after.open_items if i.moved]
    assert moved and all(i.first_due is not None and i.first_due < later for i in moved)
    assert len(after.items) == len(plan.items)


def test_track_adds_a_step_once_and_only_when_there_is_a_plan(ctx: Context) -> None:
    newcomer(ctx)
    kwargs = {"title": "Lead the visible project: Checkout", "move": "get-visible", "origin": "project", "origin_id": 5}
    assert plan_service.track(ctx, **kwargs) is None  # type: ignore[arg-type]
    plan_service.create_plan(ctx, today=TODAY)
    first = plan_service.track(ctx, **kwargs)  # type: ignore[arg-type]
    assert first is not None and plan_service.track(ctx, **kwargs) == first  # type: ignore[arg-type]
    with ctx.transaction() as conn:
        rows = conn.execute(sa.select(plan_items).where(plan_items.c.origin == "project")).mappings().all()
    assert len(rows) == 1 and rows[0]["move"] == "get-visible"
    with pytest.raises(InputError):
        plan_service.track(ctx, title="x", move="no-such-move", origin="pattern", origin_id=1)
    adjusted = plan_service.adjust(ctx, TODAY).plan
    assert adjusted.item(first) is not None  # re-planning keeps what another feature added


def test_next_lists_late_steps_due_steps_and_quiet_decision_makers(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    plan_service.create_plan(ctx, start=date(2026, 9, 1), today=TODAY)
    week = this_week(ctx, TODAY)
    assert week.late and all(i.due < TODAY for i in week.late)
    assert all(TODAY <= i.due <= date(2026, 11, 29) for i in week.due)
    skip_level = next(r for r in week.reminders if r.cadence == "skip-level-update")
    assert skip_level.person == "Rachel Alvarez" and (skip_level.days_since(TODAY) or 0) > 30
    quiet = [r for r in week.reminders if r.cadence == "decision-maker-touchpoint"]
    assert quiet and quiet[0].last is None and len(quiet) <= 2


def test_a_recent_conversation_takes_a_decision_maker_off_the_week(ctx: Context) -> None:
    newcomer(ctx)
    with ctx.transaction() as conn:
        people_repo.upsert_by_name(conn, ctx.owner_id, PersonDraft("Lee Kim", PromotionRole.SKIP_LEVEL))
    plan_service.create_plan(ctx, today=TODAY)
    assert {r.person for r in this_week(ctx, TODAY).reminders} == {"Lee Kim", "Dana Lopez"}  # the profile's names
    people = ("Lee Kim", "Dana Lopez")
    talk = EvidenceDraft("Talk with Lee and Dana", datetime(2026, 11, 20, 10), kind=Kind.MEETING, people=people)
    evidence_service.log(ctx, talk)
    assert this_week(ctx, TODAY).reminders == ()
    assert this_week(ctx, TODAY).plan is not None


def test_the_exports_read_back(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    plan = plan_service.create_plan(ctx, start=TODAY, today=TODAY)
    done = plan_service.done(ctx, min(plan.items, key=lambda i: i.position).id, TODAY)
    plan = plan_service.current_plan(ctx)
    assert plan is not None
    data = json.loads(export(ctx, plan, "json", TODAY))
    assert data["start"] == "2026-11-23" and data["counts"] == {"open": len(plan.items) - 1, "done": 1, "skipped": 0}
    assert {m["id"] for m in data["moves"]} == {"get-visible", "next-level-thinking", "expand-scope"}
    assert next(i for i in data["items"] if i["id"] == done.id)["status"] == "done"
    markdown = export(ctx, plan, "md", TODAY)
    assert markdown.startswith("# PROMOTION PLAN (12 MONTHS)")
    assert "## Move 1: Get visible" in markdown and "### Decision-makers I need to influence:" in markdown
    assert "Rachel Alvarez - skip-level - has heard of me" in markdown
    assert f"- [x] {done.title} — by 7 December 2026 (done 23 November 2026)" in markdown
    assert "### Current problems I solve repeatedly:" in markdown
    calendar = Calendar.from_ical(export(ctx, plan, "ics", TODAY))
    events = list(calendar.walk("VEVENT"))
    steps = [e for e in events if "RRULE" not in e]
    assert len(steps) == len(plan.items)
    first = next(e for e in steps if str(e["SUMMARY"]) == f"✓ {done.title}")
    assert first.decoded("DTSTART") == date(2026, 12, 7)
    repeating = [e for e in events if "RRULE" in e]
    skip_level = next(e for e in repeating if "Rachel Alvarez" in str(e["SUMMARY"]))
    rule = skip_level["RRULE"]
    assert rule["FREQ"] == ["DAILY"] and rule["INTERVAL"] == [30] and rule["UNTIL"] == [plan.end]
    with pytest.raises(InputError):
        export(ctx, plan, "pdf", TODAY)


def test_one_account_cannot_touch_another_accounts_plan(ctx: Context) -> None:
    newcomer(ctx)
    plan = plan_service.create_plan(ctx, today=TODAY)
    with ctx.transaction() as conn:
        from upward.store.profile_repo import ensure_account

        other = Context(ctx.engine, ensure_account(conn, "bob"), ctx.settings)
    assert plan_service.current_plan(other) is None
    with pytest.raises(NotFound):
        plan_service.done(other, plan.items[0].id)


def test_checking_off_the_monthly_update_counts_as_talking_to_the_skip_level(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    plan = plan_service.create_plan(ctx, start=TODAY, today=TODAY)
    update = next(i for i in plan.items if i.action == "start-skip-level-updates")
    assert any(r.cadence == "skip-level-update" for r in this_week(ctx, TODAY).reminders)
    plan_service.done(ctx, update.id, TODAY)
    assert not any(r.cadence == "skip-level-update" for r in this_week(ctx, TODAY).reminders)
    month_later = date(2026, 12, 24)  # thirty days on, the next update is due
    assert any(r.cadence == "skip-level-update" for r in this_week(ctx, month_later).reminders)


def test_a_backup_brings_the_plan_back_with_its_history(ctx: Context, tmp_path: Path) -> None:
    newcomer(ctx)
    plan = plan_service.create_plan(ctx, today=TODAY)
    plan_service.skip(ctx, plan.items[0].id, "Not yet", TODAY)
    saved = plan_service.current_plan(ctx)
    backup(ctx, tmp_path / "backup.json.gz")
    restore(ctx, tmp_path / "backup.json.gz", replace=True)
    assert plan_service.current_plan(ctx) == saved
    added = plan_service.track(ctx, title="Lead X", move="get-visible", origin="project", origin_id=3)
    assert added is not None and added > max(i.id for i in plan.items)  # ids go on after a restore


def test_the_visible_project_step_names_the_candidates_then_the_chosen_one(ctx: Context) -> None:
    newcomer(ctx)
    projects_service.add(ctx, ProjectDraft("Reconciliation rebuild", teams=("finance-ops", "payments")))
    docs = projects_service.add(ctx, ProjectDraft("API documentation", months=3))
    plan = plan_service.create_plan(ctx, today=TODAY)
    step = next(i for i in plan.items if i.action == "join-visible-project")
    assert "You are weighing:" in step.detail and "“API documentation”" in step.detail
    projects_service.choose(ctx, docs.id)  # tracked by the projects feature...
    adjusted = plan_service.adjust(ctx, TODAY).plan
    steps = [i for i in adjusted.items if i.action == "join-visible-project" or i.origin == "project"]
    assert len(steps) == 1  # ... and the playbook's step for it is the same step
    assert (steps[0].origin, steps[0].origin_id) == ("project", docs.id)
    assert "API documentation" in steps[0].title
