"""The plan end to end in a real headless Chromium: make it, check a late step off, see this week change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from test_browser import Served, browser, mark_page, page, same_page, served  # noqa: F401 (fixtures)
from upward.model.plan import ItemStatus
from upward.services import plan as plan_service
from upward.services.demo import load_demo

pytestmark = pytest.mark.browser


def test_a_plan_is_made_and_a_step_checked_off_without_a_reload(served: Served, page: Page) -> None:  # noqa: F811
    load_demo(served.ctx)
    page.goto(served.url + "/")
    page.get_by_role("link", name="Plan", exact=True).click()
    expect(page).to_have_url(served.url + "/plan")
    start = date.today() - timedelta(days=45)
    page.get_by_label("First day of the plan").fill(start.isoformat())
    page.get_by_role("button", name="Make my plan").click()
    expect(page.get_by_role("status")).to_contain_text("Your plan is ready")
    expect(page.locator("svg#plan-timeline")).to_be_visible()
    plan = plan_service.current_plan(served.ctx)
    assert plan is not None and plan.start == start
    first = next(i for i in plan.items if i.due < date.today())  # a month-one step, late by now
    week = page.locator(".plan-week")
    expect(week).to_contain_text(first.title)
    mark_page(page)
    step = page.locator(f"#step-{first.id}")
    step.get_by_role("button", name="Done").click()
    expect(page.get_by_role("status")).to_contain_text(f"Done: {first.title}")
    expect(week).not_to_contain_text(first.title)
    expect(page.locator(f"#step-{first.id}")).to_contain_text("Done")
    assert same_page(page)
    stored = plan_service.current_plan(served.ctx)
    assert stored is not None and stored.item(first.id).status is ItemStatus.DONE  # type: ignore[union-attr]
