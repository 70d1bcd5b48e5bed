"""The story pages and /api/v1/stories: the editor, the live check, the versions, and the JSON twin."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from test_stories import FULL
from test_web_pages import HTMX, fill, form_token, log, post_form, seen, serving
from upward.model import Metric
from upward.services import Context, stories
from upward.settings import Settings

WEAK = {"title": "Latency", "result": "We improved latency by 40%"}


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def finding_ids(html_text: str) -> set[str]:
    return set(re.findall(r'data-finding="([^"]+)"', html_text))


def test_the_list_page_shows_each_story_with_its_score(client: TestClient, ctx: Context) -> None:
    assert "No stories yet" in seen(client.get("/stories"))
    story = stories.create(ctx, FULL)
    page = seen(client.get("/stories"))
    assert "Faster payments" in page and "100/100" in page
    assert f'href="/stories/{story.id}"' in client.get("/stories").text


def test_the_nav_links_to_stories(client: TestClient) -> None:
    assert 'href="/stories"' in client.get("/stories").text.partition("</nav>")[0]


def test_write_a_story_in_the_editor_and_see_its_versions(client: TestClient, ctx: Context) -> None:
    form = {name: str(value) for name, value in vars_of(FULL).items()} | {"audience": "executive"}
    response = post_form(client, "/stories", form, follow_redirects=False)
    assert response.status_code == 303, response.text
    story = stories.list_stories(ctx)[0]
    assert story.collaborators == ("payments", "Ana Lima") and story.audience == "executive"
    page = client.get(response.headers["location"])
    text = seen(page)
    assert "Saved." in text and "Legibility 100/100" in text
    assert "For your executive" in text and "$1.8M a year in recovered revenue, within 30 days." in text
    assert text.index("For your executive") < text.index("For your manager")


def test_a_bad_form_is_shown_again_with_the_problem_and_nothing_saved(client: TestClient, ctx: Context) -> None:
    response = post_form(client, "/stories", {"title": "x", "occurred_on": "last spring"})
    assert response.status_code == 422
    assert "When: 'last spring' is not a date" in seen(response)
    assert 'value="x"' in response.text and stories.list_stories(ctx) == []


def test_the_live_check_answers_with_a_fragment(client: TestClient) -> None:
    token = form_token(client, "/stories/new")
    weak = client.post("/stories/check", data=WEAK, headers=HTMX | {"X-CSRF-Token": token})
    assert weak.status_code == 200 and "<html" not in weak.text
    assert "metric-without-consequence" in finding_ids(weak.text)
    better = client.post(
        "/stories/check",
        data=WEAK | {"result": "latency dropped from 4s to 1.2s", "outcome": "$1.8M a year recovered"},
        headers=HTMX | {"X-CSRF-Token": token},
    )
    assert "metric-without-consequence" not in finding_ids(better.text)
    assert int(re.search(r'data-score="(\d+)"', better.text)[1]) > int(re.search(r'data-score="(\d+)"', weak.text)[1])  # type: ignore[index]


def test_the_live_check_needs_the_form_token(client: TestClient) -> None:
    client.get("/stories/new")
    assert client.post("/stories/check", data=WEAK, headers=HTMX).status_code == 403


def test_a_story_starts_from_a_piece_of_work(client: TestClient, ctx: Context) -> None:
    fill(ctx)
    item = log(ctx, "Checkout latency", teams=("payments",), metrics=(Metric("latency", "1.2s", "4s"),))
    listing = client.get("/stories")
    assert f'<option value="{item}">' in listing.text
    page = client.get(f"/stories/new?from={item}")
    assert 'value="latency was 4s"' in page.text or "latency was 4s</textarea>" in page.text
    assert 'name="evidence" value="' + str(item) + '"' in page.text


def test_edit_and_delete_a_story(client: TestClient, ctx: Context) -> None:
    story = stories.create(ctx, FULL)
    form = {name: str(value) for name, value in vars_of(FULL).items()} | {"outcome": ""}
    assert post_form(client, f"/stories/{story.id}", form, follow_redirects=False).status_code == 303
    assert stories.get(ctx, story.id).outcome == ""
    assert post_form(client, f"/stories/{story.id}/delete", {}, follow_redirects=False).status_code == 303
    assert stories.list_stories(ctx) == []
    assert client.get(f"/stories/{story.id}").status_code == 404


# The JSON twin ---------------------------------------------------------------------------------------------


def test_the_api_creates_reads_changes_and_deletes(client: TestClient, ctx: Context) -> None:
    created = client.post("/api/v1/stories", json={"title": "Brand guide", "role": "I wrote it", "audience": "exec"})
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["audience"] == "executive" and "problem" in body["missing"] and body["legibility"]["score"] < 60
    story_id = body["id"]
    assert client.get(f"/api/v1/stories/{story_id}").json()["title"] == "Brand guide"
    changed = client.patch(f"/api/v1/stories/{story_id}", json={"result": "used by 12 teams", "role": None})
    assert changed.json()["result"] == "used by 12 teams" and changed.json()["role"] == ""
    assert [s["id"] for s in client.get("/api/v1/stories").json()] == [story_id]
    assert set(client.get(f"/api/v1/stories/{story_id}").json()["versions"]) == {"manager", "skip-level", "executive"}
    assert client.delete(f"/api/v1/stories/{story_id}").status_code == 204
    assert client.get(f"/api/v1/stories/{story_id}").status_code == 404
    assert stories.list_stories(ctx) == []


def test_the_api_starts_from_evidence(client: TestClient, ctx: Context) -> None:
    item = log(ctx, "Checkout latency", metrics=(Metric("latency", "1.2s", "4s"),))
    body = client.post("/api/v1/stories", json={"title": "Faster checkout", "from_evidence": item}).json()
    assert body["baseline"] == "latency was 4s" and body["evidence_ids"] == [item]


def test_the_api_reports_bad_input_by_field(client: TestClient, ctx: Context) -> None:
    response = client.post("/api/v1/stories", json={"title": "x", "audience": "board"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "audience"]
    assert client.post("/api/v1/stories", json={"title": "x", "evidence_ids": [999]}).status_code == 404
    assert stories.list_stories(ctx) == []


def test_the_api_check(client: TestClient, ctx: Context) -> None:
    weak = client.post("/api/v1/stories/check", json={"text": "We improved latency by 40%"}).json()
    assert weak["audience"] == "skip-level" and weak["score"] < 50
    assert any(f["question"].startswith("We improved latency by 40%") for f in weak["findings"])
    story = stories.create(ctx, FULL)
    assert client.post("/api/v1/stories/check", json={"story_id": story.id}).json()["score"] == 100
    assert client.post("/api/v1/stories/check", json={}).status_code == 422
    bad = client.post("/api/v1/stories/check", json={"text": "x", "audience": "board"})
    assert bad.json()["detail"][0]["loc"] == ["body", "audience"]


def vars_of(draft: object) -> dict[str, object]:
    from dataclasses import fields

    values = {f.name: getattr(draft, f.name) for f in fields(draft)}  # type: ignore[arg-type]
    values["collaborators"] = ", ".join(values["collaborators"])  # type: ignore[arg-type]
    values.pop("evidence_ids")
    values["occurred_on"] = values["occurred_on"] or ""
    return values


def test_the_live_check_says_which_parts_are_still_missing(client: TestClient) -> None:
    token = form_token(client, "/stories/new")
    answer = client.post(
        "/stories/check", data=WEAK | {"problem": "Slow pages"}, headers=HTMX | {"X-CSRF-Token": token}
    )
    assert "Still to fill in: baseline, stakes, what you did, your role, how soon, business outcome." in seen(answer)
