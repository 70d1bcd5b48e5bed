"""The people page and /api/v1/people: the map, the list, the forms with their field-level errors."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from test_web_pages import post_form, seen, serving
from upward.model import EvidenceFilter, PersonDraft, PromotionRole
from upward.model.people import Awareness
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import people as people_service
from upward.services.demo import load_demo
from upward.settings import Settings


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def field_problem(page: str, field: str) -> str:
    match = re.search(rf'<p class="problem" id="{field}-problem">([^<]*)</p>', page)
    assert match, f"no problem shown under {field}"
    return html.unescape(match[1])


def test_the_page_shows_the_demo_map_the_check_and_who_to_start_with(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    response = client.get("/people")
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="people-map"' in response.text
    words = seen(response)
    assert "You have named 8 people who decide on your promotion." in words
    assert (
        "Start with: Elena Rossi (sponsor, doesn't know your work); Rachel Alvarez (skip-level, has heard of you)"
        in words
    )
    assert 'aria-current="page">Who decides</a>' in response.text


def test_adding_someone_puts_them_on_the_map(client: TestClient, ctx: Context) -> None:
    form = {"name": "Grace Liu", "role": "hr", "influence": "3", "knows": "heard-of", "cadence": "",
            "email": "grace@example.com", "team": "People"}  # fmt: skip
    response = post_form(client, "/people", form)
    assert response.status_code == 200 and str(response.url).endswith("/people?added=1#person-1")
    assert "Added Grace Liu to your map." in seen(response)
    person = people_service.get(ctx, "Grace Liu")
    assert (person.role, person.awareness, person.email, person.team) == (
        PromotionRole.HR,
        Awareness.HEARD_OF,
        "grace@example.com",
        "people",
    )
    assert re.search(r"<text[^>]*>Grace Liu</text>", response.text), "she is on the map"


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"name": ""}, "name", "Can't be empty"),
        ({"influence": "7"}, "influence", "7 is out of range"),
        ({"knows": "a bit"}, "knows", "'a bit' is not a level of awareness"),
        ({"email": "grace"}, "email", "'grace' is not an email address"),
        ({"cadence": "weekly"}, "cadence", "'weekly' is not a number of days"),
        ({"role": "boss"}, "role", "'boss' is not a role"),
    ],
)
def test_a_bad_field_is_shown_under_that_field_and_nothing_is_stored(
    client: TestClient, ctx: Context, fields: dict[str, str], field: str, words: str
) -> None:
    form = {"name": "Grace Liu", "role": "hr", "influence": "3", "knows": "unknown"} | fields
    response = post_form(client, "/people", form)
    assert response.status_code == 422
    assert words in field_problem(response.text, field)
    assert f'id="{field}"' in response.text and 'aria-invalid="true"' in response.text
    assert people_service.list_people(ctx) == []


def test_editing_and_recording_a_talk_on_the_persons_page(client: TestClient, ctx: Context) -> None:
    people_service.add(ctx, PersonDraft("Tom Becker", PromotionRole.PEER_MANAGER))
    page = client.get("/people/1")
    assert page.status_code == 200 and "no contact on record" in seen(page)
    form = {"name": "Tom Becker", "role": "peer-manager", "influence": "4", "knows": "knows-work", "cadence": "20",
            "notes": "Runs platform"}  # fmt: skip
    saved = post_form(client, "/people/1", form)
    assert saved.status_code == 200 and "Saved." in seen(saved)
    tom = people_service.get(ctx, 1)
    assert (tom.influence, tom.awareness, tom.cadence_days, tom.notes) == (4, Awareness.KNOWS_WORK, 20, "Runs platform")
    bad = post_form(
        client, "/people/1", {"name": "Tom Becker", "influence": "4", "knows": "knows-work", "cadence": "x"}
    )
    assert bad.status_code == 422 and "not a number of days" in field_problem(bad.text, "cadence")
    assert people_service.get(ctx, 1).cadence_days == 20
    day = (date.today() - timedelta(days=4)).isoformat()
    talk = post_form(client, "/people/1/met", {"date": day, "note": "Coffee"})
    assert talk.status_code == 200 and "Recorded your conversation." in seen(talk)
    assert "Last contact: 4 days ago" in seen(talk) and "Talked with Tom Becker: Coffee" in seen(talk)
    future = post_form(client, "/people/1/met", {"date": "2999-01-01"})
    assert future.status_code == 422 and "in the future" in field_problem(future.text, "date")
    assert evidence_service.listing(ctx, EvidenceFilter()).total == 1
    gone = post_form(client, "/people/1/delete", {})
    assert gone.status_code == 200 and people_service.list_people(ctx) == []
    assert client.get("/people/1").status_code == 404


def test_the_api_lists_adds_edits_and_records_talks(client: TestClient, ctx: Context) -> None:
    load_demo(ctx)
    body = client.get("/api/v1/people").json()
    assert body["check"]["count"] == 8 and body["check"]["status"] == "warning"
    assert body["map"]["svg"].startswith("<svg")
    assert {p["name"] for p in body["people"] if p["blind_spot"]} == {"Elena Rossi", "Rachel Alvarez"}
    added = client.post("/api/v1/people", json={"name": "Ana Souza", "role": "other-team-lead", "knows": "heard of"})
    assert added.status_code == 201
    ana = added.json()
    assert (ana["role"], ana["knows"], ana["cadence_days"], ana["decides"]) == ("other-team-lead", "heard-of", 45, True)
    edited = client.patch(f"/api/v1/people/{ana['id']}", json={"influence": 5, "cadence_days": 14, "team": "Mobile"})
    assert edited.status_code == 200
    assert (edited.json()["influence"], edited.json()["cadence_days"], edited.json()["team"]) == (5, 14, "mobile")
    cleared = client.patch(f"/api/v1/people/{ana['id']}", json={"influence": None, "team": None, "title": "Lead"})
    assert (cleared.json()["influence"], cleared.json()["team"], cleared.json()["title"]) == (5, None, "Lead")
    talk = client.post(f"/api/v1/people/{ana['id']}/touchpoints", json={"note": "Lunch", "date": str(date.today())})
    assert talk.status_code == 201 and "touchpoint" in talk.json()["tags"]
    detail = client.get(f"/api/v1/people/{ana['id']}").json()
    assert detail["recent"][0]["title"] == "Talked with Ana Souza: Lunch"
    assert client.delete(f"/api/v1/people/{ana['id']}").status_code == 204
    assert client.get(f"/api/v1/people/{ana['id']}").status_code == 404


@pytest.mark.parametrize(
    ("sent", "field"),
    [
        ({"name": "X", "knows": "nope"}, "knows"),
        ({"name": "X", "influence": 0}, "influence"),
        ({"name": "X", "cadence_days": 900}, "cadence_days"),
        ({"name": "  "}, "name"),
        ({"name": "X", "influence": "lots"}, "influence"),
    ],
)
def test_the_api_names_the_field_at_fault_and_stores_nothing(
    client: TestClient, ctx: Context, sent: dict[str, object], field: str
) -> None:
    response = client.post("/api/v1/people", json=sent)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert people_service.list_people(ctx) == []
    bad_talk = client.post("/api/v1/people/1/touchpoints", json={})
    assert bad_talk.status_code == 404
