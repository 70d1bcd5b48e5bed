"""Adopting a recurring problem end to end in a real headless Chromium: list, adopt, check off, plan."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from test_browser import Served, browser, page, served  # noqa: F401 (the server and browser fixtures)
from test_browser_dashboard import start_with_the_demo
from upward.services import patterns as patterns_service

pytestmark = pytest.mark.browser


def test_a_recurring_problem_becomes_a_framework(served: Served, page: Page) -> None:  # noqa: F811
    start_with_the_demo(served, page)
    page.get_by_role("link", name="Recurring problems").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Problems that keep coming back")
    page.get_by_role("link", name=re.compile("^Deploy pipeline")).click()
    expect(page.get_by_role("heading", name="Recent examples")).to_be_visible()
    page.get_by_label("The systemic fix").fill("A self-serve runbook and a retry step in the pipeline")
    page.get_by_role("button", name="Adopt as a framework initiative").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_role("heading", name="Framework initiative")).to_be_visible()
    expect(page.locator("#impact")).to_contain_text("It has not come back since.")
    page.get_by_label("Teams you taught").fill("web, mobile")
    page.locator("ol.steps li", has_text="Teach it to other teams").get_by_role("button", name="Mark done").click()
    expect(page.get_by_text("Taught to 2 teams: web, mobile")).to_be_visible()
    pattern_id = int(page.url.split("/patterns/")[1].split("?")[0])
    stored = patterns_service.get_pattern(served.ctx, pattern_id)
    assert stored.adopted and stored.fix.startswith("A self-serve runbook")
    assert stored.teams_taught == ("web", "mobile")
    page.get_by_role("link", name="← Problems that keep coming back").click()
    expect(page.locator("tr", has_text="Deploy pipeline").locator(".badge")).to_have_text("framework")
