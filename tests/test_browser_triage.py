"""Triage end to end in a real headless Chromium: the suggestion, copying the reply, choosing, the quick add."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect

from test_browser import Served, browser, mark_page, same_page, served  # noqa: F401 (the server and browser fixtures)
from triage_cases import ask, person_and_people
from upward.services import triage as triage_service
from upward.store.tables_triage import triage_decisions

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url)
    page = context.new_page()
    yield page
    context.close()


def stored(served: Served) -> list[tuple[int, str, str]]:  # noqa: F811
    with served.ctx.transaction() as conn:
        rows = conn.execute(sa.select(triage_decisions)).mappings()
        return [(r["evidence_id"], r["choice"], r["note"]) for r in rows]


def test_a_request_is_suggested_its_reply_copied_and_the_choice_recorded(served: Served, page: Page) -> None:  # noqa: F811
    person_and_people(served.ctx)
    when = datetime.now().replace(microsecond=0) - timedelta(minutes=5)
    item = ask(served.ctx, "How do I rotate the API keys for billing?", when, requester="Jo Park", minutes=30)
    page.goto(served.url + "/triage")
    mark_page(page)
    card = page.locator(f"#request-{item.id}")
    expect(card.locator(".suggested")).to_have_text("Upward suggests: Teach them to solve it")
    expect(card.locator(".reason")).to_contain_text("it asks how to do something Jo Park could learn")
    reply = triage_service.triage_one(served.ctx, item.id).reply
    expect(card.get_by_label("A reply you could send")).to_have_value(reply)

    card.get_by_role("button", name="Copy the reply").click()
    expect(card.locator(".copied")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == reply

    card.get_by_label("A note for yourself (optional)").fill("Pair on Friday")
    card.get_by_role("button", name="Teach them to solve it").click()
    expect(page.locator(f"#request-{item.id} .decided")).to_contain_text("You decided: teach on")
    assert same_page(page), "the choice is recorded in place, without reloading the page"
    assert stored(served) == [(item.id, "teach", "Pair on Friday")]
    expect(page.locator(f"#request-{item.id}").get_by_role("button", name="Copy the reply")).to_be_visible()

    page.locator(f"#request-{item.id}").get_by_role("button", name="Say no, kindly").click()
    expect(page.locator(f"#request-{item.id} .decided")).to_contain_text("You decided: decline on")
    assert stored(served) == [(item.id, "decline", "Pair on Friday")]


def test_the_quick_add_shows_what_upward_suggests_for_a_request(served: Served, page: Page) -> None:  # noqa: F811
    person_and_people(served.ctx)
    page.goto(served.url + "/evidence")
    page.get_by_label("What happened").fill("How do I get access to the staging database?")
    page.get_by_text("More detail (optional)").click()
    page.get_by_label("Someone asked you? Who").fill("Jo Park")
    page.get_by_role("button", name="Save", exact=True).click()
    hint = page.locator(".triage-hint")
    expect(hint).to_contain_text("Upward suggests: Teach them to solve it.")
    hint.get_by_role("link", name="See a reply you could send").click()
    expect(page.locator("textarea.reply")).to_have_value(
        "Hi Jo, thanks for asking about “How do I get access to the staging database?”. Rather than do it for you "
        "this time, could we spend half an hour on it together? I'll show you how I go about it, so next time you "
        "won't need to wait for me. Does tomorrow work for you?"
    )
