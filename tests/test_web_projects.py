"""The visible-project page and /api/v1/projects: compare, score, choose; bad input named by its field."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from test_web_pages import post_form, seen, serving
from upward.model.projects import Answer, ProjectDraft, ProjectStatus
from upward.services import Context
from upward.services import plan as plan_service
from upward.services import projects as projects_service
from upward.settings import Settings


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def compared_titles(page: str) -> list[str]:
    head = page.partition('<table class="evidence compare">')[2].partition("</thead>")[0]
    return [html.unescape(t) for t in re.findall(r'<a href="/projects/\d+">([^<]*)</a>', head)]


def test_adding_scoring_and_choosing_on_the_page(client: TestClient, ctx: Context) -> None:
    empty = client.get("/projects")
    assert empty.status_code == 200 and "No candidates yet." in seen(empty)
    form = {
        "title": "Reconciliation rebuild",
        "teams": "payments, finance-ops",
        "sponsor": "Elena Rossi",
        "months": "3",
    }
    added = post_form(client, "/projects", form)
    assert added.status_code == 200 and str(added.url).endswith("/projects/1?saved=added")
    words = seen(added)
    assert "Score 60%" in words and "Suggested: yes , because Elena Rossi backs it." in words
    answers = form | {"answer-leadership-cares": "yes", "answer-stretch": "partly", "answer-multiple-teams": ""}
    saved = post_form(client, "/projects/1", answers)
    assert saved.status_code == 200 and "Saved." in seen(saved) and "Score 90%" in seen(saved)
    assert projects_service.get(ctx, 1).answers == {"leadership-cares": Answer.YES, "stretch": Answer.PARTLY}
    post_form(client, "/projects", {"title": "API docs", "months": "8"})
    page = client.get("/projects")
    assert compared_titles(page.text) == ["Reconciliation rebuild", "API docs"]
    assert "Does it have an executive sponsor?" in seen(page)
    chosen = post_form(client, "/projects/2/choose", {})
    assert "Chosen. Create your plan and it will be in it." in seen(chosen)
    assert compared_titles(chosen.text) == ["API docs", "Reconciliation rebuild"]
    plan_service.create_plan(ctx)
    planned = post_form(client, "/projects/1/choose", {})
    assert "Chosen, and added to your plan." in seen(planned)
    chosen_project = projects_service.chosen_project(ctx)
    assert chosen_project is not None and chosen_project.id == 1


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"title": ""}, "title", "can't be empty"),
        ({"months": "soon"}, "months", "'soon' is not a number of months"),
        ({"months": "50"}, "months", "50 is out of range"),
    ],
)
def test_a_bad_field_shows_under_it_and_nothing_is_stored(
    client: TestClient, ctx: Context, fields: dict[str, str], field: str, words: str
) -> None:
    response = post_form(client, "/projects", {"title": "Docs"} | fields)
    assert response.status_code == 422
    match = re.search(rf'<p class="problem" id="{field}-problem">([^<]*)</p>', response.text)
    assert match and words in html.unescape(match[1]).lower()
    assert projects_service.list_projects(ctx) == []


def test_a_bad_answer_on_the_project_page_changes_nothing(client: TestClient, ctx: Context) -> None:
    projects_service.add(ctx, ProjectDraft("Docs", answers={"stretch": Answer.YES}))
    response = post_form(client, "/projects/1", {"title": "Docs", "answer-stretch": "very"})
    assert response.status_code == 422 and "'very' is not an answer" in html.unescape(response.text)
    assert projects_service.get(ctx, 1).answers == {"stretch": Answer.YES}
    assert post_form(client, "/projects/1/drop", {}).status_code == 200
    assert projects_service.get(ctx, 1).status is ProjectStatus.DROPPED
    assert post_form(client, "/projects/1/delete", {}).status_code == 200
    assert client.get("/projects/1").status_code == 404


def test_the_api_compares_scores_and_chooses(client: TestClient, ctx: Context) -> None:
    sent = {"title": "Reconciliation rebuild", "teams": ["payments", "finance-ops"], "months": 3,
            "answers": {"stretch": "yes"}}  # fmt: skip
    created = client.post("/api/v1/projects", json=sent)
    assert created.status_code == 201
    body = created.json()
    assert body["score"] == 60 and body["open_questions"] == [
        "Does it have an executive sponsor?",
        "Does it solve a problem the leadership team cares about?",
    ]
    patched = client.patch("/api/v1/projects/1", json={"sponsor": "Elena Rossi", "answers": {"leadership-cares": "no"}})
    assert patched.status_code == 200 and patched.json()["score"] == 80
    assert client.post("/api/v1/projects", json={"title": "Docs"}).status_code == 201
    listed = client.get("/api/v1/projects").json()
    assert [c["id"] for c in listed["criteria"]] == [c.id for c in projects_service.criteria(ctx)]
    assert [p["title"] for p in listed["projects"]] == ["Reconciliation rebuild", "Docs"]
    assert listed["chosen_id"] is None
    chosen = client.post("/api/v1/projects/2/choose", json={})
    assert chosen.status_code == 200 and chosen.json()["plan_item_id"] is None
    assert client.get("/api/v1/projects").json()["chosen_id"] == 2
    assert client.post("/api/v1/projects/2/choose").status_code == 415  # writes are JSON only
    assert client.post("/api/v1/projects/1/drop", json={}).json()["status"] == "dropped"
    assert client.delete("/api/v1/projects/1").status_code == 204


@pytest.mark.parametrize(
    ("sent", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "X", "months": 0}, "months"),
        ({"title": "X", "answers": {"stretch": "kind of"}}, "stretch"),
        ({"title": "X", "answers": {"fame": "yes"}}, "fame"),
    ],
)
def test_the_api_names_the_field_and_stores_nothing(
    client: TestClient, ctx: Context, sent: dict[str, object], field: str
) -> None:
    response = client.post("/api/v1/projects", json=sent)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert projects_service.list_projects(ctx) == []
