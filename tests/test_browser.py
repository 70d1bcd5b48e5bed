"""End to end in a real headless Chromium, against the real app served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from upward.model import EvidenceDraft, EvidenceFilter, Kind
from upward.services import Context, open_context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.services.demo import load_demo
from upward.settings import Settings
from upward.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshot.png"
STARTUP_SECONDS = 10

expect.set_options(timeout=10_000)


@dataclass(frozen=True)
class Served:
    url: str
    ctx: Context  # the same database and account the server uses, to seed and check what it stored

    def titles(self) -> list[str]:
        return [item.title for item in evidence_service.listing(self.ctx, EvidenceFilter(per_page=500)).items]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The app on a free port with a fresh SQLite database, stopped (and joined) after the test."""
    settings = Settings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'upward.db'}")
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="upward-test-server")
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            thread.join()
            pytest.fail(f"the test server did not start on port {port}")
        time.sleep(0.02)
    try:
        yield Served(url=f"http://127.0.0.1:{port}", ctx=open_context(settings))
    finally:
        server.should_exit = True
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def mark_page(page: Page) -> None:
    """Tag the loaded document; the tag survives htmx updates and disappears on a reload."""
    page.evaluate("window.upwardTestMark = 'still the same page'")


def same_page(page: Page) -> bool:
    return bool(page.evaluate("window.upwardTestMark === 'still the same page'"))


def log(served: Served, title: str, **fields: object) -> int:
    values: dict[str, object] = {"occurred_at": datetime(2026, 11, 2, 12)} | fields
    return evidence_service.log(served.ctx, EvidenceDraft(title=title, **values)).id  # type: ignore[arg-type]


def test_onboarding_explains_a_bad_email_then_lands_home(served: Served, page: Page) -> None:
    page.goto(served.url + "/")
    expect(page).to_have_url(served.url + "/welcome")
    answers = {"Your name": "Sam Rivera", "Your role": "software engineer", "Your level today": "Senior",
               "The level you are aiming for": "Staff", "Your team": "Payments", "Your manager": "Dana Lopez",
               "Your manager's manager (your skip-level)": "Lee Kim"}  # fmt: skip
    for label, value in answers.items():
        page.get_by_label(label, exact=True).fill(value)
    page.locator("#manager_email").fill("dana-at-example")
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#manager_email-problem")).to_contain_text("'dana-at-example' is not an email address")
    expect(page.locator("#manager_email")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Your name", exact=True)).to_have_value("Sam Rivera")
    assert profile_service.get_profile(served.ctx) is None
    page.locator("#manager_email").fill("dana@example.com")
    page.get_by_role("button", name="Start").click()
    expect(page).to_have_url(served.url + "/?saved=profile")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Sam Rivera.")
    expect(page.get_by_role("status")).to_have_text("Your profile is saved.")
    profile = profile_service.get_profile(served.ctx)
    assert profile is not None and profile.manager_email == "dana@example.com"


def test_quick_add_saves_in_place_and_the_item_is_listed(served: Served, page: Page) -> None:
    page.goto(served.url + "/evidence")
    mark_page(page)
    page.get_by_label("What happened").fill("Shipped saved cards at checkout")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#quick-add .notice")).to_have_text("Saved: Shipped saved cards at checkout")
    expect(page.locator("table.evidence")).to_contain_text("Shipped saved cards at checkout")
    assert same_page(page), "saved without reloading the page"
    assert served.titles() == ["Shipped saved cards at checkout"]
    page.reload()
    expect(page.locator("table.evidence tbody tr")).to_have_count(1)
    expect(page.locator("table.evidence")).to_contain_text("Shipped saved cards at checkout")


def test_a_bad_quick_add_shows_the_problem_in_place(served: Served, page: Page) -> None:
    page.goto(served.url + "/evidence")
    mark_page(page)
    page.get_by_label("What happened").fill("Wrote the runbook")
    page.get_by_text("More detail (optional)").click()
    page.get_by_label("Minutes").fill("forty")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#quick-add .problem")).to_contain_text("Minutes: 'forty' is not a number of minutes")
    expect(page.get_by_label("Minutes")).to_have_value("forty")
    assert same_page(page) and served.titles() == []


def test_typing_in_the_search_box_filters_the_list_live(served: Served, page: Page) -> None:
    log(served, "Fixed the flaky deploy pipeline", kind=Kind.INCIDENT)
    log(served, "Wrote the reconciliation runbook")
    log(served, "Reviewed the refunds design", kind=Kind.REVIEW)
    page.goto(served.url + "/evidence")
    rows = page.locator("table.evidence tbody tr")
    expect(rows).to_have_count(3)
    mark_page(page)
    page.get_by_label("Search").press_sequentially("deplo", delay=40)
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Fixed the flaky deploy pipeline")
    expect(page.get_by_text("1 item matching “deplo”")).to_be_visible()
    expect(page).to_have_url(served.url + "/evidence?q=deplo")
    assert same_page(page), "filtered without reloading the page"
    page.get_by_label("Search").fill("")
    expect(rows).to_have_count(3)


def test_an_item_is_corrected_on_its_page(served: Served, page: Page) -> None:
    item_id = log(served, "Fixed the deploy", minutes=45)
    page.goto(served.url + "/evidence")
    page.get_by_role("link", name="Fixed the deploy").click()
    expect(page).to_have_url(f"{served.url}/evidence/{item_id}")
    page.get_by_label("What happened").fill("Fixed the deploy pipeline for good")
    page.get_by_label("Kind").select_option("incident")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fixed the deploy pipeline for good")
    expect(page.get_by_label("Kind")).to_have_value("incident")
    item = evidence_service.get(served.ctx, item_id)
    assert (item.title, item.kind, item.minutes) == ("Fixed the deploy pipeline for good", Kind.INCIDENT, 45)


@pytest.mark.skipif(os.environ.get("UPWARD_SCREENSHOT") != "1", reason="set UPWARD_SCREENSHOT=1 to refresh it")
def test_screenshot_of_the_evidence_page_with_the_demo(served: Served, page: Page) -> None:
    load_demo(served.ctx)
    page.goto(served.url + "/evidence")
    expect(page.locator("table.evidence tbody tr")).to_have_count(25)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
