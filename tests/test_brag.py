"""The brag document: evidence and stories for a period, grouped, as Markdown, HTML and PDF, on every surface."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from conftest import Cli
from test_stories import FULL
from test_web_pages import ANSWERS, seen, serving
from upward.documents.brag import build_brag, section_of
from upward.model import Evidence, EvidenceDraft, Kind, Metric, Profile
from upward.services import Context, stories
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.services.brag import brag
from upward.settings import Settings


def item(title: str, kind: Kind = Kind.DELIVERY, **fields: object) -> Evidence:
    values: dict[str, object] = {"occurred_at": datetime(2026, 6, 1, 12), "teams": ("payments",)} | fields
    return Evidence(title=title, kind=kind, id=len(title), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("evidence", "section"),
    [
        (item("Shipped refunds", project="refunds"), "projects"),
        (item("Incident fix", Kind.INCIDENT), "projects"),
        (item("Checkout wireframes", Kind.DESIGN), "design-and-documentation"),
        (item("Runbook", Kind.DOCUMENTATION), "design-and-documentation"),
        (item("Coached Ana", Kind.MENTORING), "collaboration-and-mentoring"),
        (item("Reviewed the API design", Kind.REVIEW, teams=("search",)), "collaboration-and-mentoring"),
        (item("Helped sales with a demo", Kind.REQUEST, requester="Bo"), "collaboration-and-mentoring"),
        (item("Ran the hiring fair", tags=("volunteer",)), "outside-the-job"),
        (item("Built the data team's dashboard", teams=("data",)), "outside-the-job"),
        (item("Thanks from the CFO", Kind.RECOGNITION), "recognition"),
        (item("Weekly sync", Kind.MEETING), None),
    ],
)
def test_each_kind_of_work_lands_in_its_section(evidence: Evidence, section: str | None) -> None:
    assert section_of(evidence, "payments") == section


def test_projects_are_grouped_biggest_first_and_the_period_is_respected() -> None:
    evidence = [
        item("A1", project="alpha"),
        item("B1", project="beta"),
        item("B2", project="beta"),
        item("Loose end"),
        item("Too early", project="alpha", occurred_at=datetime(2025, 1, 1, 12)),
        item("Meeting", Kind.MEETING),
    ]
    found = build_brag(evidence, [], date_from=date(2026, 1, 1), date_to=date(2026, 12, 31), own_team="payments")
    assert list(found.projects) == ["beta", "alpha", "Other work I delivered"]
    assert [e.title for e in found.projects["alpha"]] == ["A1"]
    assert found.meetings_left_out == 1 and found.total == 4


@pytest.fixture
def recorded(ctx: Context) -> Context:
    profile_service.save_profile(ctx, Profile(**ANSWERS | {"skip_level_email": None, "plan_start": date(2026, 1, 5)}))  # type: ignore[arg-type]
    for title, kind, extra in [
        ("Cut checkout latency", Kind.DELIVERY, {"project": "checkout", "metrics": (Metric("latency", "1.2s", "4s"),)}),
        ("Wrote the refunds runbook", Kind.DOCUMENTATION, {}),
        ("Mentored Ana through her first on-call", Kind.MENTORING, {}),
        ("Organised the charity hackathon", Kind.DELIVERY, {"tags": ("volunteer",)}),
        ("Old work", Kind.DELIVERY, {"occurred_at": datetime(2024, 1, 3, 12)}),
    ]:
        values: dict[str, object] = {"occurred_at": datetime(2026, 9, 1, 12)} | extra
        evidence_service.log(ctx, EvidenceDraft(title=title, kind=kind, **values))  # type: ignore[arg-type]
    stories.create(ctx, FULL.__class__(**{**vars_of(FULL), "occurred_on": date(2026, 9, 15)}))
    return ctx


def vars_of(draft: object) -> dict[str, object]:
    from dataclasses import fields

    return {f.name: getattr(draft, f.name) for f in fields(draft)}  # type: ignore[arg-type]


def test_the_service_gathers_a_period(recorded: Context) -> None:
    found = brag(recorded, date(2026, 1, 1), date(2026, 12, 31))
    assert found.name == "Sam Rivera" and [title for title, _ in found.stories] == ["Faster payments"]
    assert [e.title for e in found.projects["checkout"]] == ["Cut checkout latency"]
    assert [e.title for e in found.sections["outside-the-job"]] == ["Organised the charity hackathon"]
    assert "Old work" not in str(found.as_dict())
    assert brag(recorded, date(2026, 10, 1), date(2026, 12, 31)).stories == []


def test_the_command_writes_markdown_html_and_pdf(cli: Cli, recorded: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = cli("brag", "--from", "2026-01-01", "--to", "2026-12-31")
    assert result.exit_code == 0, result.output
    text = result.output
    for heading in ("# Brag document — Sam Rivera", "## Impact stories", "### Faster payments", "## Projects",
                    "### checkout", "## Design and documentation", "## Collaboration and mentoring",
                    "## Work outside the job description"):  # fmt: skip
        assert heading in text
    assert text.index("Wrote the refunds runbook") > text.index("## Design and documentation")
    assert "latency: 4s -\\> 1.2s" in text and "Old work" not in text
    html_file = tmp_path / "brag.html"
    assert cli("brag", "--format", "html", "-o", str(html_file), "--from", "2026-01-01").exit_code == 0
    page = html_file.read_text()
    assert "<h2>Work outside the job description</h2>" in page and "Organised the charity hackathon" in page
    pdf = tmp_path / "brag.pdf"
    assert cli("brag", "--format", "pdf", "-o", str(pdf), "--from", "2026-01-01").exit_code == 0
    assert "Mentored Ana" in "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert cli("brag", "--format", "pdf").exit_code == 2
    assert cli("brag", "--from", "2026-12-01", "--to", "2026-01-01").exit_code == 2


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def test_the_page_its_downloads_and_its_json_twin(client: TestClient, recorded: Context) -> None:
    page = client.get("/brag?from=2026-01-01&to=2026-12-31")
    assert page.status_code == 200
    assert "Collaboration and mentoring" in seen(page) and "Mentored Ana through her first on-call" in seen(page)
    md = client.get("/brag/download?format=md&from=2026-01-01&to=2026-12-31")
    assert md.headers["content-type"].startswith("text/markdown") and "attachment" in md.headers["content-disposition"]
    assert "## Projects" in md.text
    pdf = client.get("/brag/download?format=pdf&from=2026-01-01")
    assert PdfReader(io.BytesIO(pdf.content)).pages
    data = client.get("/api/v1/brag?from=2026-01-01&to=2026-12-31").json()
    assert data["projects"]["checkout"][0]["title"] == "Cut checkout latency"
    assert [e["title"] for e in data["outside-the-job"]] == ["Organised the charity hackathon"]
    assert data["stories"][0]["title"] == "Faster payments"
    assert client.get("/api/v1/brag?from=2026-12-01&to=2026-01-01").status_code == 422


def test_links_from_the_record_never_become_markup() -> None:
    from upward.documents.render import html_body

    hostile = [
        item("Sneaky", url="http://x.test/a) <script>alert(1)</script>"),
        item("Script link", url="javascript:alert(1)"),
    ]
    found = build_brag(hostile, [], date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    body = html_body("brag", {"brag": found, "sections": {}})
    assert "<script" not in body and "javascript:" not in body
    assert 'href="http://x.test/a%29%20%3Cscript%3Ealert%281%29%3C/script%3E"' in body
    assert "Script link" in body
