"""The recurring-problems page and its JSON twin: the list, one problem, adopting it and checking off steps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from test_web_pages import post_form, seen, serving
from upward.services import Context
from upward.services import patterns as patterns_service
from upward.services.demo import load_demo
from upward.settings import Settings

TODAY = date(2026, 11, 23)


@pytest.fixture
def client(settings: Settings, ctx: Context) -> Iterator[TestClient]:
    load_demo(ctx, today=TODAY)
    yield from serving(settings)


def _deploy_id(ctx: Context) -> int:
    return next(p.id for p in patterns_service.list_patterns(ctx) if "deploy pipeline" in p.title.lower())


def test_the_page_lists_problems_biggest_opportunity_first(client: TestClient, ctx: Context) -> None:
    response = client.get("/patterns")
    assert response.status_code == 200
    text = seen(response)
    ranked = patterns_service.list_patterns(ctx)
    positions = [text.index(p.title) for p in ranked[:4]]
    assert positions == sorted(positions)
    assert "Deploy pipeline" in text and 'href="/patterns"' in response.text and 'aria-current="page"' in response.text


def test_adopting_on_the_page_makes_a_framework_with_steps(client: TestClient, ctx: Context) -> None:
    pattern_id = _deploy_id(ctx)
    page = seen(client.get(f"/patterns/{pattern_id}"))
    assert "Make it a framework" in page and "Recent examples" in page
    response = post_form(client, f"/patterns/{pattern_id}/adopt", {"fix": "A self-serve pipeline runbook"})
    assert response.status_code == 200  # followed the redirect
    page = seen(response)
    assert "Framework initiative" in page and "The fix: A self-serve pipeline runbook" in page
    assert "Write down the pattern and the systemic fix" in page and "It has not come back since." in page
    assert 'id="time-given-back"' in response.text and "Time it took, before and since adopting" in page
    response = post_form(client, f"/patterns/{pattern_id}/steps/teach-teams", {"teams": "web, mobile"})
    page = seen(response)
    assert "Taught to 2 teams: web, mobile" in page
    stored = patterns_service.get_pattern(ctx, pattern_id)
    assert stored.adopted and stored.teams_taught == ("web", "mobile")
    assert next(s for s in stored.steps if s.id == "teach-teams").done
    undone = post_form(client, f"/patterns/{pattern_id}/steps/teach-teams", {"undo": "1"})
    assert undone.status_code == 200
    assert not next(s for s in patterns_service.get_pattern(ctx, pattern_id).steps if s.id == "teach-teams").done


def test_a_form_without_its_token_changes_nothing(client: TestClient, ctx: Context) -> None:
    pattern_id = _deploy_id(ctx)
    response = client.post(f"/patterns/{pattern_id}/adopt", data={"fix": "x"})
    assert response.status_code == 403
    assert not patterns_service.get_pattern(ctx, pattern_id).adopted


def test_an_unknown_problem_or_step_is_refused(client: TestClient, ctx: Context) -> None:
    assert client.get("/patterns/999999").status_code == 404
    pattern_id = _deploy_id(ctx)
    post_form(client, f"/patterns/{pattern_id}/adopt", {})
    response = post_form(client, f"/patterns/{pattern_id}/steps/celebrate", {})
    assert response.status_code == 422 and "not a step" in seen(response)


def test_the_api_lists_shows_adopts_and_checks_steps(client: TestClient, ctx: Context) -> None:
    listed = client.get("/api/v1/patterns").json()
    assert [p["id"] for p in listed] == [p.id for p in patterns_service.list_patterns(ctx)]
    first = listed[0]
    assert {"title", "count", "first", "last", "requesters", "teams", "minutes", "opportunity"} <= set(first)
    pattern_id = _deploy_id(ctx)
    shown = client.get(f"/api/v1/patterns/{pattern_id}").json()
    assert shown["status"] == "open" and len(shown["examples"]) == 5 and shown["steps"] == []
    adopted = client.post(f"/api/v1/patterns/{pattern_id}/adopt", json={"fix": "Runbook"}).json()
    assert adopted["status"] == "adopted" and adopted["fix"] == "Runbook" and adopted["impact"]["stopped"] is True
    stepped = client.post(f"/api/v1/patterns/{pattern_id}/steps/document-it", json={"done": True}).json()
    assert next(s for s in stepped["steps"] if s["id"] == "document-it")["done_on"] is not None
    wrong = client.post(f"/api/v1/patterns/{pattern_id}/steps/celebrate", json={})
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "step_id"]
    assert client.get("/api/v1/patterns/999999").status_code == 404
    assert client.post(f"/api/v1/patterns/{pattern_id}/adopt", content="{}").status_code == 415


def test_the_api_matches_a_new_requests_text(client: TestClient) -> None:
    found = client.get("/api/v1/patterns/match", params={"text": "The deploy pipeline failed again"}).json()
    assert found is not None and "deploy pipeline" in found["title"].lower() and found["count"] >= 20
    assert client.get("/api/v1/patterns/match", params={"text": "Order flowers for Ana"}).json() is None
