"""The plan page (forms and htmx) and its JSON twin /api/v1/plan, on both databases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from test_web_pages import HTMX, form_token, seen, serving
from upward.model.plan import ItemStatus
from upward.services import Context
from upward.services import plan as plan_service
from upward.services.demo import load_demo
from upward.settings import Settings


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def _plan(ctx: Context) -> plan_service.Plan:
    plan = plan_service.current_plan(ctx)
    assert plan is not None
    return plan


def test_the_page_makes_a_plan_and_draws_its_timeline(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    empty = client.get("/plan")
    assert empty.status_code == 200 and "Make my plan" in seen(empty)
    assert f'value="{date.today().isoformat()}"' in empty.text
    token = form_token(client, "/plan")
    made = client.post("/plan", data={"csrf_token": token, "start": ""}, follow_redirects=True)
    assert made.status_code == 200 and "Your plan is ready" in seen(made)
    plan = _plan(ctx)
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="plan-timeline"' in made.text
    assert 'aria-labelledby="plan-timeline-title plan-timeline-desc"' in made.text
    assert made.text.count('class="mark open"') == len(plan.items)
    words = seen(made)
    assert "first: it answers “No conversation with your skip-level about your work”" in words
    assert "Monthly update to your skip-level: Rachel Alvarez" in words
    assert 'href="/plan" aria-current="page"' in made.text


def test_steps_are_checked_off_and_skipped_in_place_with_htmx(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    plan = plan_service.create_plan(ctx)
    first, second = sorted(plan.items, key=lambda i: i.position)[:2]
    token = form_token(client, "/plan")
    headers = HTMX | {"X-CSRF-Token": token}
    done = client.post(f"/plan/steps/{first.id}/done", headers=headers)
    assert done.status_code == 200 and done.text.lstrip().startswith('<div id="plan-body"')
    assert f"Done: {first.title}" in seen(done) and 'class="mark done"' in done.text
    no_reason = client.post(f"/plan/steps/{second.id}/skip", data={"why": " "}, headers=headers)
    assert no_reason.status_code == 422 and "Say why you are skipping it" in seen(no_reason)
    skipped = client.post(f"/plan/steps/{second.id}/skip", data={"why": "Reorg first"}, headers=headers)
    assert skipped.status_code == 200 and "Skipped" in seen(skipped) and "Reorg first" in seen(skipped)
    after = _plan(ctx)
    assert after.item(first.id).status is ItemStatus.DONE  # type: ignore[union-attr]
    assert after.item(second.id).why == "Reorg first"  # type: ignore[union-attr]
    adjusted = client.post("/plan/adjust", headers=headers)
    assert adjusted.status_code == 200 and "Re-planned" in seen(adjusted)


def test_forms_without_a_token_are_refused_and_change_nothing(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    plan = plan_service.create_plan(ctx)
    client.get("/plan")
    refused = client.post(f"/plan/steps/{plan.items[0].id}/done", data={})
    assert refused.status_code == 403
    assert _plan(ctx).count(ItemStatus.DONE) == 0
    plain = client.post(
        f"/plan/steps/{plan.items[0].id}/done", data={"csrf_token": form_token(client, "/plan")}, follow_redirects=False
    )
    assert plain.status_code == 303 and plain.headers["location"] == "/plan?changed=1"


def test_a_bad_start_is_explained_on_the_page(client: TestClient, ctx: Context) -> None:
    token = form_token(client, "/plan")
    bad = client.post("/plan", data={"csrf_token": token, "start": "2099-01-01"})
    assert bad.status_code == 422 and "more than a year away" in seen(bad)
    assert plan_service.current_plan(ctx) is None


def test_the_export_links_download_the_plan(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    plan = plan_service.create_plan(ctx)
    calendar = client.get("/plan/export.ics")
    assert calendar.headers["content-type"].startswith("text/calendar")
    events = [e for e in Calendar.from_ical(calendar.content).walk("VEVENT") if "RRULE" not in e]
    assert len(events) == len(plan.items)
    markdown = client.get("/plan/export.md")
    assert markdown.text.startswith("# PROMOTION PLAN (12 MONTHS)")
    assert client.get("/plan/export.pdf").status_code == 404


def test_the_api_makes_reads_checks_off_and_skips(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    assert client.get("/api/v1/plan").status_code == 404
    made = client.post("/api/v1/plan", json={"start": date.today().isoformat()})
    assert made.status_code == 201, made.text
    data = made.json()
    first = data["items"][0]
    assert data["counts"]["open"] == len(data["items"]) and first["status"] == "open"
    assert any(i["red_flag"] == "no-skip-level-contact" for i in data["items"])
    again = client.post("/api/v1/plan", json={})
    assert again.status_code == 422 and "plan adjust" in str(again.json()["detail"])
    done = client.post(f"/api/v1/plan/items/{first['id']}/done", json={})
    assert done.status_code == 200 and done.json()["status"] == "done"
    second = data["items"][1]["id"]
    no_reason = client.post(f"/api/v1/plan/items/{second}/skip", json={"why": ""})
    assert no_reason.status_code == 422 and no_reason.json()["detail"][0]["loc"] == ["body", "why"]
    skipped = client.post(f"/api/v1/plan/items/{second}/skip", json={"why": "Later"})
    assert skipped.json()["why"] == "Later"
    assert client.post("/api/v1/plan/items/99999/done", json={}).status_code == 404
    assert client.post(f"/api/v1/plan/items/{second}/done", content="x").status_code == 415
    stored = _plan(ctx)
    assert stored.count(ItemStatus.DONE) == 1 and stored.count(ItemStatus.SKIPPED) == 1
    adjusted = client.post("/api/v1/plan/adjust", json={})
    assert adjusted.status_code == 200 and adjusted.json()["kept"] == 2
    week = client.get("/api/v1/plan/next").json()
    assert week["has_plan"] and [r["person"] for r in week["reminders"]] == ["Elena Rossi", "Grace Liu"]
    assert first["action"] == "start-skip-level-updates"  # done today: the monthly update is kept
    exported = client.get("/api/v1/plan/export", params={"format": "md"})
    assert exported.status_code == 200 and exported.text.startswith("# PROMOTION PLAN")
    assert re.search(r"- \[x\] ", exported.text)
    assert "/api/v1/plan" in client.get("/api/v1/openapi.json").json()["paths"]
