"""The dashboard end to end in a real headless Chromium: the demo's red flags, and the evidence behind one."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from test_browser import Served, browser, page, served  # noqa: F401 (the server and browser fixtures)
from upward.model.diagnosis import Status
from upward.services import diagnosis as diagnosis_service

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "dashboard.png"


def start_with_the_demo(served: Served, page: Page) -> None:  # noqa: F811
    page.goto(served.url + "/")
    expect(page).to_have_url(served.url + "/welcome")
    page.get_by_role("button", name="Explore with demo data").click()
    expect(page).to_have_url(served.url + "/?saved=demo")


def test_the_demo_dashboard_shows_red_flags_and_leads_to_their_evidence(served: Served, page: Page) -> None:  # noqa: F811
    start_with_the_demo(served, page)
    diagnosis = diagnosis_service.run_diagnosis(served.ctx, keep=False)
    red = [f for f in diagnosis.findings if f.status is Status.RED]
    expect(page.get_by_role("heading", name="Your stall score", exact=True)).to_be_visible()
    expect(page.locator(".stall-number strong")).to_have_text(str(diagnosis.stall_score))
    expect(page.locator(".finding .badge", has_text="Red flag")).to_have_count(len(red))
    expect(page.locator("ol.actions li")).to_have_count(3)
    assert page.evaluate("window.scrollY") == 0, "the home page opens on the stall score, not on the quick add"
    for chart in ("work-mix", "visibility", "stall-trend"):
        expect(page.locator(f"svg#{chart}")).to_be_visible()
    trap = diagnosis.finding("expert-trap")
    card = page.locator("#finding-expert-trap")
    expect(card.locator(".badge")).to_have_text("Red flag")
    card.get_by_role("link", name=re.compile("items behind this")).click()
    expect(page).to_have_url(served.url + "/evidence?finding=expert-trap")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"The evidence behind “{trap.title}”")
    rows = page.locator("table.evidence tbody tr")
    expect(rows).to_have_count(min(25, len(trap.evidence_ids)))
    shown = {int(href.rsplit("/", 1)[1]) for href in rows.locator("a").evaluate_all("els => els.map(e => e.href)")}
    assert shown <= set(trap.evidence_ids)
    page.get_by_role("link", name="← Back to your dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Maya Chen.")


def test_an_answer_that_the_record_contradicts_is_said_out_loud(served: Served, page: Page) -> None:  # noqa: F811
    start_with_the_demo(served, page)
    page.get_by_role("link", name="Take the two-minute self-assessment").click()
    expect(page).to_have_url(served.url + "/assess")
    page.get_by_role("group", name=re.compile("talk with your skip-level")).get_by_label("Monthly or more").check()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("status")).to_contain_text("Your answers are saved.")
    card = page.locator("#finding-no-skip-level-contact")
    expect(card.locator(".contradiction")).to_contain_text(
        "You said “Monthly or more”, but your record shows otherwise"
    )


@pytest.mark.skipif(os.environ.get("UPWARD_SCREENSHOT") != "1", reason="set UPWARD_SCREENSHOT=1 to refresh it")
def test_screenshot_of_the_dashboard_with_the_demo(served: Served, page: Page) -> None:  # noqa: F811
    start_with_the_demo(served, page)
    page.goto(served.url + "/")
    expect(page.locator("svg#stall-trend")).to_be_visible()
    assert page.evaluate("window.scrollY") == 0, "the page opens at the top, on the stall score"
    bottom = page.evaluate("document.querySelector('.dashboard').getBoundingClientRect().bottom")
    clip = {"x": 0, "y": 0, "width": 1280, "height": bottom + 16}
    page.screenshot(path=str(SCREENSHOT), full_page=True, clip=clip)  # the dashboard, without the quick add below
    assert SCREENSHOT.stat().st_size > 50_000
