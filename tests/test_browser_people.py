"""The decision-maker map in a real headless Chromium: add a person, see them on the map, pick a project."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from test_browser import Served, browser, page, served  # noqa: F401 (the server and browser fixtures)
from upward.model import PromotionRole
from upward.model.people import Awareness
from upward.services import people as people_service
from upward.services import projects as projects_service

pytestmark = pytest.mark.browser


def test_adding_a_person_puts_them_in_the_corner_to_reach_first(served: Served, page: Page) -> None:  # noqa: F811
    page.goto(served.url + "/people")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who decides on your promotion")
    expect(page.locator("#names-check")).to_contain_text("You have not named anyone")
    form = page.locator("#add-person")
    form.get_by_label("Name").fill("Rachel Alvarez")
    form.get_by_label("Their part in your promotion").select_option("skip-level")
    form.get_by_label("How much say they have").select_option("5")
    form.get_by_label("What they know of your work today").select_option("heard-of")
    form.get_by_label("Email").fill("not an email")
    form.get_by_role("button", name="Add to my map").click()
    expect(page.locator("#email-problem")).to_contain_text("is not an email address")
    expect(page.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    assert people_service.list_people(served.ctx) == []
    page.locator("#add-person").get_by_label("Email").fill("rachel@example.com")
    page.locator("#add-person").get_by_role("button", name="Add to my map").click()
    expect(page.get_by_role("status")).to_have_text("Added Rachel Alvarez to your map.")
    chart = page.locator("svg#people-map")
    expect(chart).to_be_visible()
    dot = chart.locator("g.zone ~ g.cell g.person", has_text="Rachel Alvarez")
    expect(dot).to_have_count(1)
    zone = chart.locator("g.zone rect").first.bounding_box()
    where = dot.bounding_box()
    assert zone and where
    assert (
        zone["x"] <= where["x"] <= zone["x"] + zone["width"] and zone["y"] <= where["y"] <= zone["y"] + zone["height"]
    )
    expect(page.locator("p", has_text="Start with:")).to_contain_text("Rachel Alvarez (skip-level, has heard of you)")
    person = people_service.get(served.ctx, "Rachel Alvarez")
    assert (person.role, person.influence, person.awareness) == (PromotionRole.SKIP_LEVEL, 5, Awareness.HEARD_OF)

    page.get_by_role("link", name="Rachel Alvarez").first.click()
    page.get_by_label("What about").fill("Walked her through the ledger work")
    page.get_by_role("button", name="Record a conversation").click()
    expect(page.get_by_role("status")).to_have_text("Recorded your conversation.")
    expect(page.get_by_text("Last contact: today")).to_be_visible()


def test_choosing_a_visible_project(served: Served, page: Page) -> None:  # noqa: F811
    page.goto(served.url + "/projects")
    form = page.locator("#add-project")
    form.get_by_label("Project").fill("Reconciliation rebuild")
    form.get_by_label("Teams it touches").fill("payments, finance-ops")
    form.get_by_label("Months it should take").fill("3")
    form.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status")).to_contain_text("Added.")
    page.get_by_role("group", name="Is it beyond your current job description?").get_by_label("Yes").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Score 60%")).to_be_visible()
    page.get_by_role("button", name="Choose this project").click()
    expect(page.get_by_role("status")).to_contain_text("Chosen.")
    expect(page.locator("table.compare .badge")).to_have_text("Chosen")
    chosen = projects_service.chosen_project(served.ctx)
    assert chosen is not None and chosen.title == "Reconciliation rebuild"
