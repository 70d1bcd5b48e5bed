"""/api/v1: the JSON twin of every page, its errors, and its OpenAPI description."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from httpx import Response

from test_web_pages import ANSWERS, fill, input_value, listed_titles, log, post_form, seen, serving
from upward.model import EvidenceFilter, Kind, NotFound
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.settings import Settings
from upward.web.deps import API_PREFIX
from upward.web.routes import api_routers, page_routers
from upward.web.schemas import EvidenceOut

PROFILE = ANSWERS | {"skip_level_email": None}


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


@pytest.fixture
def filled(ctx: Context) -> Context:
    return fill(ctx)


def problems(response: Response) -> dict[str, str]:
    """A 422's problems, keyed by where they are: {"body.title": "can't be empty; ..."}."""
    assert response.status_code == 422, response.text
    return {".".join(str(part) for part in error["loc"]): error["msg"] for error in response.json()["detail"]}


def stored(ctx: Context) -> list[str]:
    return [item.title for item in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items]


# Listing


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("kind=request", ["Alice asked about deployment permissions"]),
        ("team=platform&from=2026-10-01", ["Fixed the flaky deploy pipeline again"]),
        ("to=2026-08-20", ["Wrote the reconciliation runbook", "Reviewed the refunds design"]),
        ("source=calendar", ["Reviewed the refunds design"]),
        ("project=CHECKOUT", ["Cut checkout latency from 4s to 1.2s"]),
        ("q=reconcil", ["Wrote the reconciliation runbook"]),
        ("q=deplo&team=platform&kind=incident", ["Fixed the flaky deploy pipeline again"]),
    ],
)
def test_the_list_takes_the_same_filters_as_the_page(
    client: TestClient, filled: Context, query: str, titles: list[str]
) -> None:
    body = client.get(f"/api/v1/evidence?{query}").json()
    assert [item["title"] for item in body["items"]] == titles
    assert body["total"] == len(titles)


def test_the_list_pages(client: TestClient, filled: Context) -> None:
    second = client.get("/api/v1/evidence?per_page=2&page=2").json()
    assert [item["title"] for item in second["items"]] == [
        "Alice asked about deployment permissions",
        "Wrote the reconciliation runbook",
    ]
    assert (second["total"], second["page"], second["per_page"], second["pages"]) == (5, 2, 2, 3)
    assert client.get("/api/v1/evidence?per_page=2&page=4").json()["items"] == []


@pytest.mark.parametrize(
    ("query", "where", "words"),
    [
        ("kind=heroics", "query.kind", "'heroics' is not a kind of work"),
        ("from=yesterdayish", "query.from", "'yesterdayish' is not a date"),
        ("from=2026-10-01&to=2026-09-01", "query.from", "'from' (2026-10-01) is after 'to' (2026-09-01)"),
        ("page=0", "query.page", "greater than or equal to 1"),
        ("per_page=501", "query.per_page", "less than or equal to 500"),
        ("page=99999999999999999999", "query.page", "less than or equal to"),
    ],
)
def test_a_wrong_filter_names_the_parameter(client: TestClient, query: str, where: str, words: str) -> None:
    found = problems(client.get(f"/api/v1/evidence?{query}"))
    assert words in found[where]


# Adding


def test_adding_an_item_stores_it_with_defaults(client: TestClient, ctx: Context) -> None:
    before = datetime.now().replace(microsecond=0)
    response = client.post("/api/v1/evidence", json={"title": "  Shipped saved cards "})
    assert response.status_code == 201
    body = response.json()
    item = evidence_service.get(ctx, body["id"])
    assert body == EvidenceOut.of(item).model_dump(mode="json")
    assert (item.title, item.kind, item.source, item.teams, item.minutes) == (
        "Shipped saved cards",
        Kind.DELIVERY,
        "log",
        (),
        None,
    )
    assert before <= item.occurred_at <= datetime.now() + timedelta(seconds=1)


def test_adding_every_field(client: TestClient, ctx: Context) -> None:
    sent = {"title": "Cut latency", "kind": "Delivery", "occurred_at": "2026-11-02T09:30", "teams": ["Web", "web"],
            "people": ["Bo"], "minutes": 90, "metrics": ["p95: 4s -> 1s"], "project": "checkout", "tags": ["Perf"],
            "body": "Details", "url": "https://example.com/pr/1"}  # fmt: skip
    body = client.post("/api/v1/evidence", json=sent).json()
    item = evidence_service.get(ctx, body["id"])
    assert (item.kind, item.occurred_at, item.teams, item.tags) == (
        Kind.DELIVERY,
        datetime(2026, 11, 2, 9, 30),
        ("web",),
        ("perf",),
    )
    assert body["metrics"] == [{"name": "p95", "before": "4s", "after": "1s"}]
    assert (item.minutes, item.project, item.url, item.body, item.people) == (
        90,
        "checkout",
        sent["url"],
        "Details",
        ("Bo",),
    )


def test_a_requester_makes_it_a_request(client: TestClient, ctx: Context) -> None:
    body = client.post("/api/v1/evidence", json={"title": "Explain refunds", "requester": "Alice"}).json()
    item = evidence_service.get(ctx, body["id"])
    assert (body["kind"], item.kind, item.requester, item.source) == ("request", Kind.REQUEST, "Alice", "ask")


@pytest.mark.parametrize(
    ("sent", "where", "words"),
    [
        ({}, "body.title", "Field required"),
        ({"title": "   "}, "body.title", "can't be empty"),
        ({"title": "x" * 501}, "body.title", "has 501 characters; keep it under 500"),
        ({"title": "Ok", "kind": "heroics"}, "body.kind", "'heroics' is not a kind of work"),
        ({"title": "Ok", "minutes": "forty"}, "body.minutes", "valid integer"),
        ({"title": "Ok", "minutes": -5}, "body.minutes", "-5 is not a sensible duration"),
        ({"title": "Ok", "occurred_at": "soon"}, "body.occurred_at", "'soon' is not a date"),
        ({"title": "Ok", "metrics": ["faster"]}, "body.metrics", "'faster' needs a name and a value"),
        ({"title": "Ok", "requester": "A" * 201}, "body.requester", "keep it under 200"),
    ],
)
def test_a_wrong_item_names_the_field_and_stores_nothing(
    client: TestClient, ctx: Context, sent: dict[str, Any], where: str, words: str
) -> None:
    found = problems(client.post("/api/v1/evidence", json=sent))
    assert list(found) == [where] and words in found[where]
    assert stored(ctx) == []


# Reading, correcting, deleting


def test_reading_one_item(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "Fixed the deploy", teams=("platform",), minutes=30)
    body = client.get(f"/api/v1/evidence/{item_id}").json()
    assert body == EvidenceOut.of(evidence_service.get(ctx, item_id)).model_dump(mode="json")
    assert (body["title"], body["teams"], body["minutes"]) == ("Fixed the deploy", ["platform"], 30)


def test_a_patch_changes_only_the_fields_sent(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "Fixed the deploy", teams=("platform",), minutes=30, project="ci", requester="Alice")
    before = evidence_service.get(ctx, item_id)
    response = client.patch(f"/api/v1/evidence/{item_id}", json={"kind": "incident", "tags": ["On-call"]})
    assert response.status_code == 200 and response.json()["kind"] == "incident"
    after = evidence_service.get(ctx, item_id)
    assert (after.kind, after.tags, after.edited_at is not None) == (Kind.INCIDENT, ("on-call",), True)
    unchanged = ("title", "teams", "minutes", "project", "requester", "occurred_at", "body", "url", "metrics")
    assert {name: getattr(after, name) for name in unchanged} == {name: getattr(before, name) for name in unchanged}


def test_a_patch_with_null_empties_an_optional_field(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "Fixed the deploy", teams=("platform",), minutes=30, project="ci", requester="Alice")
    sent = {"minutes": None, "teams": None, "project": None, "requester": None}
    client.patch(f"/api/v1/evidence/{item_id}", json=sent)
    item = evidence_service.get(ctx, item_id)
    assert (item.minutes, item.teams, item.project, item.requester, item.title) == (
        None,
        (),
        None,
        None,
        "Fixed the deploy",
    )


@pytest.mark.parametrize(
    ("sent", "where", "words"),
    [
        ({"title": None}, "body.title", "can't be null"),
        ({"title": " "}, "body.title", "can't be empty"),
        ({"kind": "heroics"}, "body.kind", "'heroics' is not a kind of work"),
        ({"occurred_at": "soon"}, "body.occurred_at", "'soon' is not a date"),
        ({"minutes": 99999999}, "body.minutes", "is not a sensible duration"),
        ({"metrics": ["faster"]}, "body.metrics", "needs a name and a value"),
    ],
)
def test_a_wrong_patch_names_the_field_and_changes_nothing(
    client: TestClient, ctx: Context, sent: dict[str, Any], where: str, words: str
) -> None:
    item_id = log(ctx, "Fixed the deploy", minutes=30)
    before = evidence_service.get(ctx, item_id)
    found = problems(client.patch(f"/api/v1/evidence/{item_id}", json=sent))
    assert list(found) == [where] and words in found[where]
    assert evidence_service.get(ctx, item_id) == before


def test_deleting_an_item(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "A mistake")
    response = client.delete(f"/api/v1/evidence/{item_id}")
    assert (response.status_code, response.content) == (204, b"")
    with pytest.raises(NotFound):
        evidence_service.get(ctx, item_id)
    assert client.get(f"/api/v1/evidence/{item_id}").status_code == 404
    again = client.delete(f"/api/v1/evidence/{item_id}")
    assert again.status_code == 404 and f"There is no evidence item {item_id}" in again.json()["detail"]


def test_an_unknown_item_is_a_404(client: TestClient) -> None:
    assert client.get("/api/v1/evidence/999").status_code == 404
    assert client.patch("/api/v1/evidence/999", json={"title": "x"}).status_code == 404
    assert "path.evidence_id" in problems(client.get("/api/v1/evidence/99999999999999999999"))


@pytest.mark.parametrize(
    ("method", "path", "content_type"),
    [
        ("POST", "/api/v1/evidence", "text/plain"),
        ("POST", "/api/v1/evidence", "application/x-www-form-urlencoded"),
        ("PATCH", "/api/v1/evidence/{id}", "text/plain"),
        ("PUT", "/api/v1/profile", "text/plain"),
        ("PUT", "/api/v1/profile", "multipart/form-data; boundary=x"),
    ],
)
def test_a_body_that_is_not_json_is_refused(
    client: TestClient, ctx: Context, method: str, path: str, content_type: str
) -> None:
    item_id = log(ctx, "Untouched")
    content = '{"title": "Changed", "name": "Changed"}'
    response = client.request(method, path.format(id=item_id), content=content, headers={"Content-Type": content_type})
    assert response.status_code == 415
    assert response.json()["detail"] == "Send the body as JSON (Content-Type: application/json)."
    assert stored(ctx) == ["Untouched"] and profile_service.get_profile(ctx) is None


# Profile and home


def test_the_profile_is_missing_before_onboarding_then_saved_and_read(client: TestClient, ctx: Context) -> None:
    missing = client.get("/api/v1/profile")
    assert missing.status_code == 404 and "No profile yet" in missing.json()["detail"]
    saved = client.put("/api/v1/profile", json=PROFILE)
    assert saved.status_code == 200
    expected = PROFILE | {"team": "payments"}
    assert saved.json() == expected and client.get("/api/v1/profile").json() == expected
    profile = profile_service.get_profile(ctx)
    assert profile is not None and (profile.name, profile.manager_email) == ("Sam Rivera", "dana@example.com")


def test_a_wrong_profile_names_every_wrong_field_and_stores_nothing(client: TestClient, ctx: Context) -> None:
    found = problems(client.put("/api/v1/profile", json=PROFILE | {"name": " ", "manager_email": "dana"}))
    assert set(found) == {"body.name", "body.manager_email"}
    assert "'dana' is not an email address" in found["body.manager_email"]
    same = problems(client.put("/api/v1/profile", json=PROFILE | {"target_level": "SENIOR"}))
    assert list(same) == ["body.target_level"] and "matches your current level" in same["body.target_level"]
    assert {"body.role", "body.plan_start"} <= set(problems(client.put("/api/v1/profile", json={"name": "Sam"})))
    assert profile_service.get_profile(ctx) is None


def test_home_is_missing_before_onboarding(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).status_code == 303
    response = client.get("/api/v1/home")
    assert response.status_code == 404 and "No profile yet" in response.json()["detail"]


# The OpenAPI document


def test_the_openapi_document_lists_every_api_path_and_no_page(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    api_paths = {API_PREFIX + path for path in declared_paths(*api_routers())}
    page_paths = declared_paths(*page_routers())
    assert set(document["paths"]) == api_paths
    assert {"/api/v1/evidence", "/api/v1/evidence/{evidence_id}", "/api/v1/profile", "/api/v1/home"} <= api_paths
    assert {"/", "/evidence", "/evidence/{evidence_id}", "/welcome", "/profile", "/demo", "/imports"} <= page_paths
    assert {"/api/v1/imports", "/api/v1/diagnosis"} <= api_paths
    methods = {path: set(operations) for path, operations in document["paths"].items()}
    assert methods["/api/v1/evidence/{evidence_id}"] == {"get", "patch", "delete"}
    assert methods["/api/v1/profile"] == {"get", "put"}


# Every page has a JSON twin with the same data


@pytest.fixture
def demo(client: TestClient, ctx: Context) -> Context:
    post_form(client, "/demo", {})
    return ctx


def test_the_home_page_and_its_twin_show_the_same(client: TestClient, demo: Context) -> None:
    page, twin = client.get("/"), client.get("/api/v1/home").json()
    assert f"Hello, {twin['profile']['name']}." in seen(page)
    assert f"You have recorded {twin['total']} pieces of work" in seen(page)
    assert listed_titles(page) == [item["title"] for item in twin["recent"]]
    assert len(twin["recent"]) == 8 and twin["profile"] == client.get("/api/v1/profile").json()


@pytest.mark.parametrize("query", ["", "kind=request", "q=deplo", "team=payments&page=2", "per_page=10&page=3"])
def test_the_evidence_page_and_its_twin_show_the_same(client: TestClient, demo: Context, query: str) -> None:
    page, twin = client.get(f"/evidence?{query}"), client.get(f"/api/v1/evidence?{query}").json()
    assert twin["items"], "the demo has something to show"
    assert page_ids(page) == [item["id"] for item in twin["items"]]
    assert listed_titles(page) == [item["title"] for item in twin["items"]]
    assert f"{twin['total']} items" in seen(page)
    pager = f"Page {twin['page']} of {twin['pages']}"
    assert (pager in seen(page)) == (twin["pages"] > 1), "the pager shows only when there is more than one page"


def test_the_item_page_and_its_twin_show_the_same(client: TestClient, demo: Context) -> None:
    [first] = client.get("/api/v1/evidence?kind=request&per_page=1").json()["items"]
    twin = client.get(f"/api/v1/evidence/{first['id']}").json()
    page = client.get(f"/evidence/{first['id']}")
    assert twin == first
    assert input_value(page, "text") == twin["title"]
    assert input_value(page, "requester") == (twin["requester"] or "")
    assert input_value(page, "teams") == ", ".join(twin["teams"])
    assert input_value(page, "minutes") == ("" if twin["minutes"] is None else str(twin["minutes"]))
    assert input_value(page, "date") == twin["occurred_at"].replace("T", " ")[:16]
    assert f'<option value="{twin["kind"]}" title=' in selected_option(page)


def test_the_profile_page_and_its_twin_show_the_same(client: TestClient, demo: Context) -> None:
    page, twin = client.get("/profile"), client.get("/api/v1/profile").json()
    for field, value in twin.items():
        assert input_value(page, field) == ("" if value is None else str(value)), field


def declared_paths(*routers: APIRouter) -> set[str]:
    return {route.path for router in routers for route in router.routes if isinstance(route, APIRoute)}


def page_ids(page: Response) -> list[int]:
    table = page.text.partition('<table class="evidence">')[2]
    return [int(found) for found in re.findall(r'<a href="/evidence/(\d+)">', table)]


def selected_option(page: Response) -> str:
    match = re.search(r"<option [^>]*selected>", html.unescape(page.text))
    assert match
    return match[0]


def test_the_api_docs_page_works_offline_from_upwards_own_files(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/swagger/swagger-ui.css").status_code == 200
