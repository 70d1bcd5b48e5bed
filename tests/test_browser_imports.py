"""The import page in a real headless Chromium, against the real app served by uvicorn on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from test_browser import Served, browser, page, served  # noqa: F401  (the server and browser fixtures)
from upward.importers import all_importers

pytestmark = pytest.mark.browser

TEMPLATE = """\
date,text,from,teams,minutes,metrics
2026-10-01,Ran the brand workshop,,marketing;sales,120,attendees: 12 -> 40
2026-10-03,Helped sales with the pitch deck,Lee,sales,45,
"""


def test_uploading_a_spreadsheet_shows_the_summary_and_undo_asks_first(
    served: Served,  # noqa: F811
    page: Page,  # noqa: F811
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "my work.csv"
    sheet.write_text(TEMPLATE, encoding="utf-8")
    page.goto(served.url + "/imports")
    page.get_by_label("Files", exact=True).set_input_files(sheet)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Imported from csv: 2 added; 0 updated; 0 already there.")
    expect(page.locator("#import-runs")).to_contain_text("my work.csv")
    assert sorted(served.titles()) == ["Helped sales with the pitch deck", "Ran the brand workshop"]

    questions: list[str] = []

    def answer(dialog: Dialog, accept: bool) -> None:
        questions.append(dialog.message)
        if accept:
            dialog.accept()
        else:
            dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.get_by_role("button", name="Undo import 1").click()
    assert questions == ["Undo import 1 (csv)? This removes the 2 items it added. Items it only updated stay."]
    assert len(served.titles()) == 2, "nothing is removed when the person says no"
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.get_by_role("button", name="Undo import 1").click()
    expect(page.get_by_role("status")).to_have_text("Undid import 1: removed 2 items.")
    assert served.titles() == []


def test_choosing_git_asks_for_folders_instead_of_files(served: Served, page: Page) -> None:  # noqa: F811
    if "git" not in {importer.name for importer in all_importers()}:
        pytest.skip("the git importer is not installed")
    page.goto(served.url + "/imports")
    page.get_by_label("Where is your work?").select_option("git")
    expect(page.get_by_label("Folders on this computer")).to_be_visible()
    expect(page.get_by_label("All branches")).not_to_be_checked()
    expect(page.get_by_label("Files", exact=True)).to_have_count(0)
    expect(page).to_have_url(served.url + "/imports?source=git")
