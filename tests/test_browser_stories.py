"""The story editor in a real headless Chromium: a weak story's findings update live, a fix raises the score."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from test_browser import Served, browser, mark_page, page, same_page, served  # noqa: F401 (fixtures)
from upward.services import stories

pytestmark = pytest.mark.browser


def score(page: Page) -> int:  # noqa: F811
    return int(page.locator("#legibility [data-score]").get_attribute("data-score") or "-1")


def test_write_a_weak_story_see_findings_come_and_go_then_save(served: Served, page: Page) -> None:  # noqa: F811
    page.goto(served.url + "/stories")
    page.get_by_role("link", name="Write a story from scratch").click()
    expect(page).to_have_url(served.url + "/stories/new")
    mark_page(page)
    no_consequence = page.locator('#legibility [data-finding="metric-without-consequence"]')
    we_finding = page.locator('#legibility [data-finding="we-without-role"]')

    page.locator("#story-title").fill("Faster checkout")
    page.locator("#story-result").press_sequentially("We improved latency by 40%", delay=10)
    expect(no_consequence).to_contain_text("We improved latency by 40% — what did that change for customers")
    expect(we_finding).to_be_visible()
    weak = score(page)

    page.locator("#story-role").press_sequentially("I led the rebuild", delay=10)
    expect(we_finding).to_have_count(0)
    page.locator("#story-outcome").press_sequentially("$1.8M a year in recovered sales", delay=10)
    expect(no_consequence).to_have_count(0)
    page.locator("#story-baseline").press_sequentially("15% of buyers gave up", delay=10)
    page.locator("#story-timeframe").press_sequentially("within 30 days", delay=10)
    expect(page.locator('#legibility [data-finding="no-timeframe"]')).to_have_count(0)
    expect(page.locator("#legibility .badge")).not_to_have_text(re.compile(rf"Legibility {weak}/100"))
    assert score(page) > weak
    assert same_page(page), "the check updated in place, without reloading"

    page.get_by_role("button", name="Save story").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_role("heading", name="For your executive")).to_be_visible()
    saved = stories.list_stories(served.ctx)
    assert [s.title for s in saved] == ["Faster checkout"] and saved[0].timeframe == "within 30 days"
