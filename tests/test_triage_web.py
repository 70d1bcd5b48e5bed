"""The triage page, the quick add's suggestion, and /api/v1/triage: what a person sees and what is stored."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from test_web_pages import HTMX, form_token, post_form, seen, serving
from triage_cases import ask, person_and_people
from upward.services import Context
from upward.services import triage as triage_service
from upward.settings import Settings
from upward.store.tables_triage import triage_decisions


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def stored(ctx: Context) -> list[tuple[int, str, str]]:
    with ctx.transaction() as conn:
        rows = conn.execute(sa.select(triage_decisions)).mappings()
        return [(r["evidence_id"], r["choice"], r["note"]) for r in rows]


def recent(minutes_ago: int) -> datetime:
    return datetime.now().replace(microsecond=0) - timedelta(minutes=minutes_ago)


@pytest.fixture
def asked(ctx: Context) -> list[int]:
    person_and_people(ctx)
    first = ask(ctx, "Fix the flaky deploy pipeline", recent(30), requester="Alice Chen", minutes=40)
    second = ask(ctx, "How do I rotate the API keys for billing?", recent(20), requester="Jo Park", minutes=30)
    return [first.id, second.id]


def test_the_page_shows_each_request_with_its_suggestion_reason_reply_and_choices(
    client: TestClient, asked: list[int]
) -> None:
    response = client.get("/triage")
    assert response.status_code == 200
    text = seen(response)
    assert "Waiting for your decision (2)" in text
    assert "Upward suggests: Teach them to solve it" in text
    assert "it asks how to do something Jo Park could learn" in text
    assert "Hi Jo, thanks for asking about “How do I rotate the API keys for billing?”" in text
    assert "of your 6 h budget" in text
    card = response.text.partition(f'id="request-{asked[1]}"')[2].partition("</article>")[0]
    buttons = re.findall(r'name="choice" value="([a-z]+)"', card)
    assert buttons == ["solve", "teach", "delegate", "systematize", "decline"]
    assert 'class="suggested-choice"' in card and 'data-copy="reply-' in card
    assert '<a href="/triage" aria-current="page">Requests</a>' in response.text


def test_choosing_records_the_decision_and_can_be_changed(client: TestClient, ctx: Context, asked: list[int]) -> None:
    token = form_token(client, "/triage")
    first = client.post(f"/triage/{asked[1]}", data={"csrf_token": token, "choice": "teach", "note": "Friday"},
                        headers=HTMX)  # fmt: skip
    assert first.status_code == 200
    assert "You decided: teach on" in seen(first) and "Friday" in seen(first)
    assert stored(ctx) == [(asked[1], "teach", "Friday")]
    assert f'id="request-{asked[1]}"' not in client.get("/triage").text  # no longer waiting
    assert f'id="request-{asked[1]}"' in client.get("/triage?all=1").text
    again = client.post(f"/triage/{asked[1]}", data={"csrf_token": token, "choice": "decline"}, follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith(f"/triage?decided={asked[1]}")
    assert stored(ctx) == [(asked[1], "decline", "")]


def test_an_unknown_choice_is_named_and_nothing_is_written(client: TestClient, ctx: Context, asked: list[int]) -> None:
    response = post_form(client, f"/triage/{asked[0]}", {"choice": "ignore"}, headers=HTMX)
    assert response.status_code == 422
    assert "Choice: 'ignore' is not a choice; use one of: solve, teach, delegate, systematize, decline" in seen(
        response
    )
    token = form_token(client, "/triage")
    assert client.post(f"/triage/{asked[0]}", data={"csrf_token": "forged", "choice": "solve"}).status_code == 403
    assert client.post("/triage/budget", data={"csrf_token": token, "minutes": "lots"}).status_code == 422
    assert stored(ctx) == [] and triage_service.budget_minutes(ctx) == 360


def test_setting_the_budget(client: TestClient, ctx: Context, asked: list[int]) -> None:
    response = post_form(client, "/triage/budget", {"minutes": "60"})
    assert response.status_code == 200 and triage_service.budget_minutes(ctx) == 60
    assert "other people's requests took 1 h 10 min of your 1 h budget (117%)" in seen(response)


def test_the_quick_add_of_a_request_shows_the_suggestion(client: TestClient, ctx: Context) -> None:
    person_and_people(ctx)
    saved = post_form(client, "/evidence", {"text": "How do I get access to the staging database?",
                                            "requester": "Jo Park"}, headers=HTMX)  # fmt: skip
    match = re.search(r'hx-get="(/triage/(\d+)/hint)"', saved.text)
    assert match, saved.text
    hint = client.get(match[1], headers=HTMX)
    assert "Upward suggests: Teach them to solve it ." in seen(hint)
    assert "it asks how to do something Jo Park could learn" in seen(hint)
    logged = post_form(client, "/evidence", {"text": "Shipped the cache"}, headers=HTMX)
    assert "/hint" not in logged.text


def test_a_single_request_page_and_a_non_request(client: TestClient, ctx: Context, asked: list[int]) -> None:
    page = client.get(f"/triage/{asked[0]}")
    assert page.status_code == 200 and "Hi Alice, happy to take “Fix the flaky deploy pipeline”." in seen(page)
    assert client.get("/triage/999999").status_code == 404


# The JSON twin


def test_the_api_lists_reads_and_records(client: TestClient, ctx: Context, asked: list[int]) -> None:
    listed = client.get("/api/v1/triage").json()
    assert [r["id"] for r in listed["requests"]] == [asked[1], asked[0]]
    teach = listed["requests"][0]
    assert teach["recommendation"] == "teach" and teach["decision"] is None
    assert "Jo Park could learn" in teach["reason"] and teach["reply"].startswith("Hi Jo,")
    assert listed["week"]["used_minutes"] == 70 and listed["week"]["budget_minutes"] == 360
    one = client.get(f"/api/v1/triage/{asked[0]}").json()
    assert one["recommendation"] == "solve" and one["facts"]["decision_maker"] is False
    decided = client.put(f"/api/v1/triage/{asked[0]}", json={"choice": "delegate", "note": "Omar owns deploys"})
    assert decided.status_code == 200 and decided.json()["decision"]["choice"] == "delegate"
    assert stored(ctx) == [(asked[0], "delegate", "Omar owns deploys")]
    week = client.put("/api/v1/triage/budget", json={"minutes": 120}).json()
    assert week["budget_minutes"] == 120 and week["used_minutes"] == 30  # the delegated one costs nothing
    assert [r["id"] for r in client.get("/api/v1/triage?all=true").json()["requests"]] == [asked[1], asked[0]]


def test_the_api_names_a_wrong_choice_and_writes_nothing(client: TestClient, ctx: Context, asked: list[int]) -> None:
    response = client.put(f"/api/v1/triage/{asked[0]}", json={"choice": "ignore"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "choice"]
    assert "'ignore' is not a choice" in response.json()["detail"][0]["msg"]
    assert client.put("/api/v1/triage/budget", json={"minutes": -1}).json()["detail"][0]["loc"] == ["body", "minutes"]
    form = client.put(f"/api/v1/triage/{asked[0]}", data={"choice": "solve"})
    assert form.status_code == 415
    assert client.put("/api/v1/triage/999999", json={"choice": "solve"}).status_code == 404
    assert stored(ctx) == [] and triage_service.budget_minutes(ctx) == 360
