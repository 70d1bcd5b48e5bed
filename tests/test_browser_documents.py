"""The documents end to end in a real headless Chromium: from the nav to a downloaded PDF, and marking sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from documents_personas import moving, pdf_text
from test_browser import Served, browser, page, served  # noqa: F401 (the server and browser fixtures)
from upward.model import EvidenceFilter
from upward.services import evidence as evidence_service

pytestmark = pytest.mark.browser


def test_the_update_downloads_as_a_pdf_and_is_marked_sent(served: Served, page: Page, tmp_path: Path) -> None:  # noqa: F811
    moving(served.ctx)
    page.goto(served.url + "/")
    page.get_by_role("link", name="Documents", exact=True).click()
    expect(page.get_by_role("heading", name="Monthly update", exact=False).first).to_be_visible()
    expect(page.get_by_text("Buyers gave up at the payment screen")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF", exact=True).click()
    download = info.value
    assert download.suggested_filename.startswith("upward-update-") and download.suggested_filename.endswith(".pdf")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = pdf_text(saved.read_bytes())
    assert "What changed this month" in text and "Buyers gave up at the payment screen" in text
    page.get_by_role("button", name="I sent it to Rachel Alvarez").click()
    expect(page.get_by_text("Sent to Rachel Alvarez on")).to_be_visible()
    items = evidence_service.listing(served.ctx, EvidenceFilter(source="upward")).items
    assert [item.people for item in items] == [("Rachel Alvarez",)]


def test_the_case_page_downloads_its_pdf_with_the_growth_chart(served: Served, page: Page, tmp_path: Path) -> None:  # noqa: F811
    moving(served.ctx)
    page.goto(served.url + "/documents/case")
    expect(page.get_by_role("heading", name="Growth over the months")).to_be_visible()
    expect(page.locator("svg#growth")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF", exact=True).click()
    saved = tmp_path / "case.pdf"
    info.value.save_as(saved)
    text = pdf_text(saved.read_bytes())
    assert "Capability: the strongest work" in text and "Buyers gave up at the payment screen" in text
