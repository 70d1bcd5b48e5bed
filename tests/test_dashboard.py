"""The dashboard (the home page), the evidence behind each finding, the self-assessment page and their twins."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from test_web_pages import ANSWERS, log, post_form, seen, serving
from upward.model import EvidenceFilter
from upward.model.diagnosis import Diagnosis, Status
from upward.services import Context
from upward.services import assessment as assessment_service
from upward.services import diagnosis as diagnosis_service
from upward.services import evidence as evidence_service
from upward.settings import Settings

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


@pytest.fixture
def demo(client: TestClient, ctx: Context) -> Context:
    post_form(client, "/demo", {})
    return ctx


@pytest.fixture
def newcomer(client: TestClient, ctx: Context) -> Context:
    post_form(client, "/welcome", ANSWERS)
    return ctx


def today(ctx: Context) -> Diagnosis:
    return diagnosis_service.run_diagnosis(ctx, keep=False)


def charts(page: Response) -> dict[str, ET.Element]:
    """Every chart on the page, parsed as XML, by id."""
    found = [ET.fromstring(svg) for svg in re.findall(r"<svg .*?</svg>", page.text, flags=re.S)]
    return {str(chart.get("id")): chart for chart in found}


def texts(chart: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in chart.iter(f"{SVG}text")]


def badges(page: Response) -> list[str]:
    return re.findall(r'<span class="badge badge-[a-z]+">([^<]+)</span>', page.text)


def listed_ids(page: Response) -> list[int]:
    table = page.text.partition('<table class="evidence">')[2]
    return [int(found) for found in re.findall(r'<a href="/evidence/(\d+)">', table)]


def finding_card(page: Response, finding_id: str) -> str:
    match = re.search(rf'<article [^>]*id="finding-{finding_id}".*?</article>', page.text, flags=re.S)
    assert match, f"no card for {finding_id}"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match[0])).split())


# The demo's dashboard


def test_the_demo_dashboard_shows_its_stall_score_red_flags_and_this_weeks_three_actions(
    client: TestClient, demo: Context
) -> None:
    page, diagnosis = client.get("/"), today(demo)
    words = seen(page)
    assert diagnosis.stall_score is not None and diagnosis.stall_score >= 70
    assert f"Your stall score {diagnosis.stall_score} / 100" in words
    assert f"Stall score {diagnosis.stall_score} out of 100 (higher is more stuck). You are stuck" in words
    red = [f for f in diagnosis.findings if f.status is Status.RED]
    assert len(red) >= 5 and badges(page).count("Red flag") == len(red)
    assert badges(page)[: len(red)] == ["Red flag"] * len(red), "the red flags come first"
    for finding in red:
        card = finding_card(page, finding.id)
        assert finding.title in card and finding.summary in card and f"Next step: {finding.next_action}" in card
    actions = re.findall(r"<li><strong>([^<]+)</strong>", page.text.partition('<ol class="actions">')[2])
    assert [html.unescape(a) for a in actions[:3]] == list(diagnosis.next_actions) and len(diagnosis.next_actions) == 3
    assert "This week, three things that matter most" in words


def test_the_areas_say_their_score_and_how_it_is_computed(client: TestClient, demo: Context) -> None:
    words, diagnosis = seen(client.get("/")), today(demo)
    for area in diagnosis.areas:
        assert f"{area.title} {area.score} / 100 {area.how}" in words
    assert "This area carries 30% of the stall score" in words
    assert "The stall score is 100 minus the weighted average of the areas" in words


def test_the_three_charts_are_accessible_svg_with_their_numbers_in_words(client: TestClient, demo: Context) -> None:
    found = charts(client.get("/"))
    assert list(found) == ["work-mix", "visibility", "stall-trend"]
    for chart in found.values():
        assert chart.get("role") == "img" and chart.findtext(f"{SVG}title") and chart.findtext(f"{SVG}desc")
    mix = found["work-mix"]
    assert len(mix.findall(f"{SVG}g[@class='bar']")) == 12
    assert {"Own work", "Strategic work", "Requests from others", "Firefighting", "hours"} <= set(texts(mix))
    visibility = texts(found["visibility"])
    assert visibility[:3] == ["Daniel Park", "manager", visibility[2]] and visibility[2].startswith("11 items")
    assert "Rachel Alvarez" in visibility and "no contact on record" in visibility
    assert any(t.startswith("none in 90 days · last contact 251 days ago") for t in visibility)
    trend = found["stall-trend"]
    assert len(trend.findall(f".//{SVG}circle")) == 1, "one snapshot so far: a single point"
    assert str(today(demo).stall_score) in texts(trend)


def test_a_findings_evidence_link_lists_exactly_its_items(client: TestClient, demo: Context) -> None:
    finding = today(demo).finding("expert-trap")
    dashboard = client.get("/")
    assert (
        f'href="/evidence?finding=expert-trap">See the {len(finding.evidence_ids)} items behind this' in dashboard.text
    )
    page = client.get("/evidence?finding=expert-trap&per_page=100")
    assert sorted(listed_ids(page)) == sorted(finding.evidence_ids)
    words = seen(page)
    assert f"The evidence behind “{finding.title}” Red flag {finding.summary}" in words
    assert f"{len(finding.evidence_ids)} items" in words
    assert 'name="finding" value="expert-trap"' in page.text, "the filters and live search stay within the finding"
    narrowed = client.get("/evidence?finding=expert-trap&kind=incident&per_page=100")
    assert 0 < len(listed_ids(narrowed)) < len(finding.evidence_ids)
    twin = client.get("/api/v1/evidence?finding=expert-trap&per_page=100").json()
    assert sorted(item["id"] for item in twin["items"]) == sorted(finding.evidence_ids)


def test_an_unknown_finding_is_explained_not_a_crash(client: TestClient, demo: Context) -> None:
    page = client.get("/evidence?finding=nope")
    assert page.status_code == 422 and "finding: 'nope' is not a finding; the findings are: only-manager-knows" in seen(
        page
    )
    twin = client.get("/api/v1/evidence?finding=nope")
    assert twin.status_code == 422 and twin.json()["detail"][0]["loc"] == ["query", "finding"]


def test_the_evidence_filter_takes_ids(ctx: Context) -> None:
    first, _, third = (log(ctx, title) for title in ("One", "Two", "Three"))
    listed = evidence_service.listing(ctx, EvidenceFilter(ids=(first, third)))
    assert sorted(item.id for item in listed.items) == [first, third] and listed.total == 2
    assert evidence_service.listing(ctx, EvidenceFilter(ids=())).total == 0
    assert evidence_service.listing(ctx, EvidenceFilter(ids=None)).total == 3


# A newcomer


def test_the_first_visit_still_goes_to_the_welcome_page(client: TestClient) -> None:
    first = client.get("/", follow_redirects=False)
    assert (first.status_code, first.headers["location"]) == (303, "/welcome")


def test_a_newcomer_sees_what_would_settle_each_finding_and_no_guess(client: TestClient, newcomer: Context) -> None:
    page = client.get("/")
    words = seen(page)
    findings = today(newcomer).findings
    assert badges(page) == ["Not enough data"] * len(findings)
    for finding in findings:
        settle = " ".join((finding.missing or "").replace("`", " ").split())
        assert settle and f"What would settle it: {settle}" in finding_card(page, finding.id)
    assert "<code>upward import calendar</code>" in page.text
    assert "There is not enough in your record yet to score your stall" in words
    assert "Nothing pressing stands out yet" in words and "Take the two-minute self-assessment" in words
    assert "Nothing logged in the last twelve months yet" in words
    assert "Your stall score appears here, day by day" in words
    assert texts(charts(page)["visibility"]) == [
        "Dana Lopez", "manager", "no contact on record", "Lee Kim", "skip-level", "no contact on record",
    ]  # fmt: skip
    assert "What did you do today?" in words, "the quick add stays on the home page, below the dashboard"
    assert words.index("What did you do today?") > words.index("What your record shows")


def test_names_are_escaped_on_the_dashboard_and_in_its_charts(client: TestClient, ctx: Context) -> None:
    post_form(client, "/welcome", ANSWERS | {"skip_level_name": 'Lee <b onclick="x">Kim</b> & Co'})
    page = client.get("/")
    assert '<b onclick="x">' not in page.text
    assert 'Lee <b onclick="x">Kim</b> & Co' in texts(charts(page)["visibility"])


# The self-assessment


def test_the_assessment_page_stores_answers_and_the_dashboard_shows_the_contradiction(
    client: TestClient, demo: Context
) -> None:
    page = client.get("/assess")
    questions = assessment_service.questions(demo)
    assert all(q.question in seen(page) for q in questions)
    assert page.text.count('type="radio"') == sum(len(q.answers) + 1 for q in questions), "each can be skipped"
    answers = {"skip-level-talks": "monthly", "go-to-person": "sometimes", "who-knows": ""}
    saved = post_form(client, "/assess", answers, follow_redirects=False)
    assert (saved.status_code, saved.headers["location"]) == (303, "/?saved=assessment#findings-heading")
    taken = assessment_service.latest(demo)
    assert taken is not None and taken[1] == {"skip-level-talks": "monthly", "go-to-person": "sometimes"}
    card = finding_card(client.get("/?saved=assessment"), "no-skip-level-contact")
    assert "Your answer and your record disagree. You said “Monthly or more”, but your record shows otherwise:" in card
    assert "Your last conversation with Rachel Alvarez was 251 days ago" in card
    again = client.get("/assess").text
    assert re.search(r'name="skip-level-talks" value="monthly"\s+checked', again), "the latest answers are filled in"


def test_a_newcomers_answer_stands_in_where_the_record_is_silent(client: TestClient, newcomer: Context) -> None:
    post_form(client, "/assess", {"who-knows": "nobody"})
    card = finding_card(client.get("/"), "only-manager-knows")
    assert card.startswith("Red flag Only your manager knows your work From your own answer: “Honestly, nobody”")
    assert "This rests on your own answer for now" in card and "What would settle it:" in card


def test_an_assessment_with_no_answer_is_explained_and_stores_nothing(client: TestClient, demo: Context) -> None:
    response = post_form(client, "/assess", {"who-knows": "", "stretch": ""})
    assert response.status_code == 422
    assert "Choose an answer for at least one question; skip the rest if you like." in seen(response)
    wrong = post_form(client, "/assess", {"who-knows": "everyone"})
    assert wrong.status_code == 422 and "who-knows: 'everyone' is not one of the answers" in seen(wrong)
    assert assessment_service.latest(demo) is None


# The JSON twins


def test_the_diagnosis_twin_shows_what_the_dashboard_shows_and_keeps_todays_snapshot(
    client: TestClient, demo: Context
) -> None:
    twin = client.get("/api/v1/diagnosis").json()
    words = seen(client.get("/"))
    assert twin["day"] == date.today().isoformat() and twin["sentence"] in words
    assert [f["id"] for f in twin["findings"]] == [f.id for f in today(demo).findings]
    for finding in twin["findings"]:
        assert finding["summary"] in words and {"from_answers", "contradiction"} <= set(finding)
    assert len(twin["work_mix"]["months"]) == 12 and twin["work_mix"]["unit"] == "hours"
    assert set(twin["work_mix"]["months"][-1]["values"]) == {"own", "strategic", "requests", "firefighting"}
    rachel = next(p for p in twin["decision_makers"] if p["name"] == "Rachel Alvarez")
    assert (rachel["role"], rachel["items"], rachel["days_since"]) == ("skip-level", 0, 251)
    history = client.get("/api/v1/diagnosis/history").json()
    assert [(row["day"], row["stall_score"]) for row in history] == [(twin["day"], twin["stall_score"])]
    assert set(history[0]["findings"]) == {f["id"] for f in twin["findings"]}


def test_the_home_twin_carries_the_top_of_the_dashboard(client: TestClient, demo: Context) -> None:
    summary = client.get("/api/v1/home").json()["diagnosis"]
    words = seen(client.get("/"))
    assert summary["stall_score"] == today(demo).stall_score and summary["sentence"] in words
    assert summary["red_flags"] and all(title in words for title in summary["red_flags"])
    assert len(summary["next_actions"]) == 3 and all(action in words for action in summary["next_actions"])
    assert summary["details"] == "/api/v1/diagnosis"


def test_the_assessment_twin_reads_the_questions_and_saves_answers(client: TestClient, demo: Context) -> None:
    before = client.get("/api/v1/assessment").json()
    assert before["latest"] is None and len(before["questions"]) == len(assessment_service.questions(demo))
    skip = next(q for q in before["questions"] if q["id"] == "skip-level-talks")
    assert [a["id"] for a in skip["answers"]] == ["never", "few-times-a-year", "monthly"]
    saved = client.post("/api/v1/assessment", json={"answers": {"skip-level-talks": "monthly"}})
    assert saved.status_code == 201 and saved.json()["latest"]["answers"] == {"skip-level-talks": "monthly"}
    assert client.get("/api/v1/assessment").json()["latest"] == saved.json()["latest"]
    finding = next(f for f in client.get("/api/v1/diagnosis").json()["findings"] if f["id"] == "no-skip-level-contact")
    assert finding["contradiction"].startswith("You said “Monthly or more”, but your record shows otherwise")


@pytest.mark.parametrize(
    ("answers", "where", "problem"),
    [
        ({"skip-level-talks": "daily"}, "body.answers.skip-level-talks", "'daily' is not one of the answers"),
        ({"mood": "fine"}, "body.answers", "'mood' is not a question"),
        ({}, "body.answers", "none were given"),
    ],
)
def test_a_wrong_assessment_is_refused_under_its_question(
    client: TestClient, demo: Context, answers: dict[str, str], where: str, problem: str
) -> None:
    response = client.post("/api/v1/assessment", json={"answers": answers})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert ".".join(error["loc"]) == where and problem in error["msg"]
    assert assessment_service.latest(demo) is None


def test_the_assessment_twin_takes_only_json(client: TestClient, demo: Context) -> None:
    response = client.post("/api/v1/assessment", content="answers=x", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415 and assessment_service.latest(demo) is None
