"""The solver load: the share of time on other people's requests each week, who asks, which teams, the trend."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from conftest import Cli
from test_web_pages import seen, serving
from triage_cases import PROFILE, person_and_people
from upward.analysis.record import Record
from upward.analysis.triage.load import solver_load
from upward.model import Evidence, EvidenceDraft, InputError, Kind, Person, PromotionRole
from upward.playbook import load_playbook
from upward.services import Context, requests_load
from upward.services import evidence as evidence_service
from upward.settings import Settings

TODAY = date(2026, 11, 19)  # a Thursday


def item(title: str, day: date, minutes: int | None, kind: Kind = Kind.DELIVERY, **fields: object) -> Evidence:
    when = datetime.combine(day, datetime.min.time()).replace(hour=12)
    return Evidence(title=title, occurred_at=when, kind=kind, minutes=minutes, **fields)  # type: ignore[arg-type]


def week(n: int, day: int = 1) -> date:
    """A day in the n-th week before TODAY's week (0 is this week): Monday is day 0."""
    return date(2026, 11, 16) - timedelta(weeks=n) + timedelta(days=day)


def test_the_share_rises_week_by_week_and_is_split_by_requester_and_team() -> None:
    people = (Person(name="Priya Shah", role=PromotionRole.PEER_MANAGER, team="data", id=1),)
    evidence = (
        item("Own work", week(3), 600), item("Own work", week(2), 600),
        item("Own work", week(1), 300), item("Own work", week(0), 300),
        item("Question", week(3), 60, Kind.REQUEST, requester="Jo Park"),
        item("Question", week(2), 120, Kind.REQUEST, requester="Jo Park", teams=("platform",)),
        item("Review", week(1), 300, Kind.REQUEST, requester="Priya Shah"),
        item("Review", week(0, 2), None, Kind.REQUEST, requester="Priya Shah"),
        item("Thanks", week(0), 999, Kind.RECOGNITION),
        item("Too late", week(0, 5), 500, Kind.REQUEST, requester="Jo Park"),  # after today
    )  # fmt: skip
    record = Record(today=TODAY, profile=PROFILE, people=people, evidence=evidence)
    found = solver_load(record, load_playbook(), weeks=4)
    assert found.unit == "minutes"
    assert [w.week for w in found.weeks] == [week(3, 0), week(2, 0), week(1, 0), week(0, 0)]
    assert [round(w.share or 0, 3) for w in found.weeks] == [round(60 / 660, 3), round(120 / 720, 3), 0.5, 0.091]
    assert found.halves() == (pytest.approx(180 / 1380), pytest.approx(330 / 930))
    assert [(s.name, s.requests, s.amount, s.detail) for s in found.requesters] == [
        ("Priya Shah", 2, 330, "a peer manager"), ("Jo Park", 2, 180, ""),
    ]  # fmt: skip
    assert [(s.name, s.requests, s.amount, s.detail) for s in found.teams] == [
        ("data", 2, 330, ""), ("platform", 1, 120, "your team"), ("no team named", 1, 60, ""),
    ]  # fmt: skip


def test_without_minutes_each_item_counts_one() -> None:
    evidence = (
        item("Own work", week(0), None), item("Own work", week(0), None), item("Own work", week(0), None),
        item("Question", week(0), None, Kind.REQUEST, requester="Jo Park"),
    )  # fmt: skip
    found = solver_load(Record(today=TODAY, profile=None, people=(), evidence=evidence), load_playbook(), weeks=2)
    assert found.unit == "items" and found.weeks[-1].share == 0.25 and found.weeks[0].share is None


def _fill(ctx: Context) -> None:
    person_and_people(ctx)
    this_monday = date.today() - timedelta(days=date.today().weekday())
    for n, (own, asked) in enumerate([(600, 60), (600, 60), (300, 300), (300, 300)]):
        when = datetime.combine(this_monday - timedelta(weeks=3 - n), datetime.min.time()).replace(hour=9)
        evidence_service.log(ctx, EvidenceDraft(title="Built the cache", occurred_at=when, minutes=own))
        evidence_service.ask(ctx, EvidenceDraft(title="Explain the deploy", occurred_at=when, minutes=asked,
                                                requester="Priya Shah", teams=("data",)))  # fmt: skip


def test_the_service_and_the_sentence(ctx: Context) -> None:
    _fill(ctx)
    found = requests_load.load(ctx, weeks=4)
    assert requests_load.trend_sentence(found) == (
        "Other people's requests took 29% of your time in the last 4 weeks (12 h), rising from 9% to 50%."
    )
    with pytest.raises(InputError, match="show between 2 and 104 weeks"):
        requests_load.load(ctx, weeks=1)


def test_the_command(cli: Cli, ctx: Context) -> None:
    _fill(ctx)
    result = cli("requests", "--weeks", "4")
    assert result.exit_code == 0, result.output
    assert "rising from 9% to 50%" in result.output
    assert "Priya Shah (a peer manager): 4 requests, 12 h" in result.output
    assert re.search(r"  50%  █{12}\n", result.output)
    document = json.loads(cli("requests", "--weeks", "4", "--json").output)
    assert [w["share"] for w in document["weeks"]] == [0.091, 0.091, 0.5, 0.5]
    bad = cli("requests", "--weeks", "0")
    assert bad.exit_code == 2 and "show between 2 and 104 weeks" in bad.output


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def test_the_page_draws_the_trend_and_who_asks_and_the_api_says_the_same(client: TestClient, ctx: Context) -> None:
    _fill(ctx)
    page = client.get("/requests?weeks=4")
    assert page.status_code == 200
    assert "rising from 9% to 50%" in seen(page)
    assert 'id="requests-trend"' in page.text and 'id="requests-by-person"' in page.text
    assert "Requests, share of each week</title>" in page.text.partition('id="requests-trend"')[2]
    assert "Priya Shah" in page.text.partition('id="requests-by-person"')[2]
    assert client.get("/requests?weeks=500").status_code == 422
    api = client.get("/api/v1/requests?weeks=4").json()
    assert api["requesters"][0] == {"name": "Priya Shah", "detail": "a peer manager", "requests": 4, "amount": 720}
    assert api["share"] == 0.286
    assert client.get("/api/v1/requests?weeks=1").status_code == 422
