"""The documents' pages, their downloads, the ladder page and /api/v1/documents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from conftest import REAL_DATA
from documents_personas import STORY, moving, pdf_text, sparse
from test_web_pages import post_form, seen, serving
from upward.model import EvidenceFilter
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import ladders as ladders_service
from upward.settings import Settings

LADDERS = REAL_DATA / "ladders"
FT = LADDERS / "ft-engineering-progression" / "engineering.yml"
DEVELOPER = LADDERS / "jorgef-engineeringladders" / "Developer.md"
MONTH = f"{date.today():%Y-%m}"


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def test_the_nav_links_to_the_documents_and_each_page_has_three_downloads(client: TestClient, ctx: Context) -> None:
    moving(ctx)
    home = client.get("/documents", follow_redirects=True)
    assert home.status_code == 200 and '<a href="/documents" aria-current="page">Documents</a>' in home.text
    for name, heading in [("update", "Monthly update"), ("case", "The case for Staff"),
                          ("conversation", "Preparing the promotion conversation")]:  # fmt: skip
        page = client.get(f"/documents/{name}")
        assert page.status_code == 200 and heading in seen(page)
        for fmt in ("pdf", "html", "md"):
            assert f"/documents/{name}/download?" in page.text and f"format={fmt}" in page.text
    assert "Buyers gave up at the payment screen" in seen(client.get("/documents/update"))


def test_downloads_are_files_in_each_format(client: TestClient, ctx: Context) -> None:
    moving(ctx)
    pdf = client.get(f"/documents/update/download?format=pdf&month={MONTH}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == f'attachment; filename="upward-update-{MONTH}.pdf"'
    assert "Buyers gave up at the payment screen" in pdf_text(pdf.content)
    md = client.get("/documents/case/download?format=md")
    assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("# The case for Staff")
    html = client.get("/documents/conversation/download?format=html")
    assert html.text.startswith("<!doctype html>") and "<style>" in html.text
    assert client.get("/documents/nothing/download?format=md").status_code == 404
    assert client.get("/documents/update/download?format=doc").status_code == 422


def test_marking_the_update_sent_from_the_page(client: TestClient, ctx: Context) -> None:
    moving(ctx)
    page = post_form(client, "/documents/update/sent", {"month": MONTH})
    assert page.status_code == 200 and "Sent to Rachel Alvarez on" in seen(page)
    assert evidence_service.listing(ctx, EvidenceFilter(source="upward")).total == 1
    again = post_form(client, "/documents/update/sent", {"month": MONTH})
    assert again.status_code == 422 and "already marked sent" in seen(again)


def test_a_bad_month_on_the_page_is_explained(client: TestClient, ctx: Context) -> None:
    sparse(ctx)
    page = client.get("/documents/update?month=2026-13")
    assert page.status_code == 422 and "'2026-13' is not a month" in seen(page)


def test_the_ladder_page_confirms_a_suggestion_and_the_case_counts_it(client: TestClient, ctx: Context) -> None:
    assert "upward ladder import" in seen(client.get("/documents/ladder"))
    moving(ctx)
    ladders_service.import_ladder(ctx, DEVELOPER)
    page = client.get("/documents/ladder?level=d5")
    assert page.status_code == 200 and "Developer — D5 - Developer 5" in seen(page)
    row = next(r for r in ladders_service.coverage(ctx, None, "d5").rows if r.area == "Multiple Teams")
    assert row.status == "suggested" and "Yes, this shows it" in page.text
    item = row.suggested[0].item
    done = post_form(client, "/documents/ladder/confirm",
                     {"ladder": "Developer", "level": "d5", "expectation": row.id, "item": item})  # fmt: skip
    assert done.status_code == 200 and "Your work shows 1 of 5 expectations" in seen(done)
    case = client.get("/api/v1/documents/case?level=d5").json()
    assert case["coverage"]["shown"] == 1 and case["coverage"]["rows"][4]["status"] == "shown"
    bad = post_form(client, "/documents/ladder/confirm", {"expectation": "nope", "item": item})
    assert bad.status_code == 422 and "'nope' is not an expectation of Developer" in seen(bad)


def test_the_api_twins(client: TestClient, ctx: Context) -> None:
    moving(ctx)
    update = client.get("/api/v1/documents/update").json()
    assert update["month"] == MONTH and update["points"][0]["text"] == STORY and update["points"][0]["legible"]
    assert client.get("/api/v1/documents/update?month=13-2026").status_code == 422
    sent = client.post("/api/v1/documents/update/sent", json={})
    assert sent.status_code == 201 and sent.json()["sent_on"] == date.today().isoformat()
    assert client.post("/api/v1/documents/update/sent", json={}).status_code == 422
    case = client.get("/api/v1/documents/case").json()
    assert case["strongest"][0]["text"] == STORY and case["scope"]["teams"] == ["platform", "support", "web"]
    prep = client.get("/api/v1/documents/conversation").json()
    assert prep["objections"][0]["id"] == "not-shown-next-level" and "Staff" in prep["ask"]
    pdf = client.get("/api/v1/documents/conversation/download?format=pdf")
    assert pdf.status_code == 200 and "The ask" in pdf_text(pdf.content)


def test_the_ladder_api(client: TestClient, ctx: Context) -> None:
    moving(ctx)
    assert client.get("/api/v1/ladders").json() == []
    assert client.get("/api/v1/ladders/coverage").status_code == 404
    ladders_service.import_ladder(ctx, FT)
    assert [row["name"] for row in client.get("/api/v1/ladders").json()] == ["Engineering"]
    coverage = client.get("/api/v1/ladders/coverage?level=senior-1").json()
    assert coverage["level"]["id"] == "senior-1" and coverage["total"] == 9
    expectation = coverage["rows"][0]["id"]
    item = f"evidence:{evidence_service.listing(ctx, EvidenceFilter()).items[0].id}"
    made = client.post("/api/v1/ladders/mappings", json={"expectation": expectation, "item": item})
    assert made.status_code == 201 and made.json() == {"confirmed": True}
    bad = client.post("/api/v1/ladders/mappings", json={"expectation": expectation, "item": "evidence:x"})
    assert bad.status_code == 422
    gone = client.delete("/api/v1/ladders/mappings", params={"expectation": expectation, "item": item})
    assert gone.json() == {"withdrawn": True}


def test_a_ladder_is_imported_from_the_page_and_a_bad_file_is_explained(client: TestClient, ctx: Context) -> None:
    moving(ctx)
    bad = post_form(
        client, "/documents/ladder/import", {}, files={"file": ("acme.yaml", b"upward-ladder: 1\nname: X\n")}
    )
    assert bad.status_code == 422 and "acme.yaml, line 1, field 'levels': 'levels' needs a list" in seen(bad)
    assert ladders_service.list_ladders(ctx) == []
    with DEVELOPER.open("rb") as file:
        done = post_form(
            client, "/documents/ladder/import", {"name": "Dev ladder"}, files={"file": ("Developer.md", file)}
        )
    assert done.status_code == 200 and "Developer" not in [row["name"] for row in ladders_service.list_ladders(ctx)]
    assert [row["name"] for row in ladders_service.list_ladders(ctx)] == ["Dev ladder"]
    assert '<option value="Dev ladder" selected>' in done.text
    assert "level: choose the level you are aiming for; Dev ladder has: d1, d2" in seen(done)
