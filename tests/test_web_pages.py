"""The web pages as a person uses them: onboarding, quick add, finding, correcting, and what is refused."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from upward.model import EvidenceDraft, EvidenceFilter, Kind, Metric, NotFound
from upward.services import Context, open_context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.settings import Settings
from upward.web import create_app

BASE_URL = "http://127.0.0.1"  # Upward answers only at its own address
HTMX = {"HX-Request": "true"}

ANSWERS = {
    "name": "Sam Rivera",
    "role": "software engineer",
    "current_level": "Senior",
    "target_level": "Staff",
    "team": "Payments",
    "manager_name": "Dana Lopez",
    "manager_email": "dana@example.com",
    "skip_level_name": "Lee Kim",
    "skip_level_email": "",
    "plan_start": "2026-01-05",
}


def client_for(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), base_url=BASE_URL)


def serving(settings: Settings) -> Iterator[TestClient]:
    with client_for(settings) as client:
        yield client


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


def seen(response: Response) -> str:
    """The words a person sees on the page: tags dropped, entities decoded, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def form_token(client: TestClient, path: str = "/evidence") -> str:
    """The CSRF token a form on `path` carries (its page sets the matching cookie)."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, f"no form token on {path}"
    return match[1]


def post_form(client: TestClient, path: str, data: dict[str, str], **kwargs: object) -> Response:
    return client.post(path, data={"csrf_token": form_token(client)} | data, **kwargs)  # type: ignore[arg-type]


def listed_titles(response: Response) -> list[str]:
    """The titles in the evidence table, in order."""
    table = response.text.partition('<table class="evidence">')[2].partition("</table>")[0]
    return [html.unescape(title) for title in re.findall(r'<a href="/evidence/\d+">([^<]*)</a>', table)]


def input_value(response: Response, input_id: str) -> str:
    match = re.search(rf'<input id="{input_id}"[^>]*value="([^"]*)"', response.text)
    assert match, f"no input {input_id}"
    return html.unescape(match[1])


def all_titles(ctx: Context) -> list[str]:
    return [item.title for item in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items]


def log(ctx: Context, title: str, **fields: object) -> int:
    values: dict[str, object] = {"occurred_at": datetime(2026, 11, 2, 12)} | fields
    return evidence_service.log(ctx, EvidenceDraft(title=title, **values)).id  # type: ignore[arg-type]


@pytest.fixture
def filled(ctx: Context) -> Context:
    return fill(ctx)


def fill(ctx: Context) -> Context:
    """Five items, one of each shape the filters tell apart."""
    log(
        ctx,
        "Cut checkout latency from 4s to 1.2s",
        teams=("payments", "web"),
        project="checkout",
        metrics=(Metric("latency", "1.2s", "4s"),),
        occurred_at=datetime(2026, 11, 2, 12),
    )
    log(
        ctx,
        "Fixed the flaky deploy pipeline again",
        kind=Kind.INCIDENT,
        teams=("platform",),
        occurred_at=datetime(2026, 10, 15, 9),
    )
    log(
        ctx,
        "Alice asked about deployment permissions",
        kind=Kind.REQUEST,
        requester="Alice",
        teams=("platform",),
        occurred_at=datetime(2026, 9, 1, 10),
    )
    log(
        ctx,
        "Wrote the reconciliation runbook",
        kind=Kind.DOCUMENTATION,
        teams=("finance-ops",),
        project="ledger",
        occurred_at=datetime(2026, 8, 20, 16),
    )
    log(
        ctx,
        "Reviewed the refunds design",
        kind=Kind.REVIEW,
        source="calendar",
        source_id="ev-1",
        occurred_at=datetime(2026, 7, 1, 11),
    )
    return ctx  # fmt: skip


# Onboarding


def test_the_first_visit_goes_to_the_welcome_page(client: TestClient) -> None:
    first = client.get("/", follow_redirects=False)
    assert (first.status_code, first.headers["location"]) == (303, "/welcome")
    welcome = client.get("/welcome")
    assert "Good work should get you promoted" in seen(welcome)
    assert "Explore with demo data" in seen(welcome)


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("name", "  ", "Can't be empty; write a few words"),
        ("manager_email", "dana-at-example", "'dana-at-example' is not an email address"),
        ("plan_start", "5th of January", "'5th of January' is not a date; use YYYY-MM-DD"),
        ("target_level", "senior", "Matches your current level; name the level you are aiming for"),
        ("skip_level_name", "dana lopez", "Names your manager again; name your manager's manager"),
    ],
)
def test_a_wrong_answer_is_shown_next_to_its_field_and_nothing_is_saved(
    client: TestClient, ctx: Context, field: str, value: str, problem: str
) -> None:
    response = post_form(client, "/welcome", ANSWERS | {field: value})
    assert response.status_code == 422
    assert "Some answers need another look" in seen(response)
    problems = dict(re.findall(r'<p class="problem" id="([a-z_]+)-problem">([^<]*)</p>', response.text))
    assert list(problems) == [field]
    assert problem in html.unescape(problems[field])
    assert re.search(rf'id="{field}"[^>]*aria-invalid="true"', response.text, flags=re.S)
    kept = "role" if field == "name" else "name"
    assert input_value(response, kept) == ANSWERS[kept], "the other answers are kept"
    assert profile_service.get_profile(ctx) is None


def test_a_valid_welcome_form_stores_the_profile_and_goes_home(client: TestClient, ctx: Context) -> None:
    response = post_form(client, "/welcome", ANSWERS, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/?saved=profile")
    profile = profile_service.get_profile(ctx)
    assert profile is not None
    assert (profile.name, profile.target_level, profile.team) == ("Sam Rivera", "Staff", "payments")
    assert (profile.manager_email, profile.skip_level_email) == ("dana@example.com", None)
    home = seen(client.get(response.headers["location"]))
    assert "Your profile is saved." in home and "Hello, Sam Rivera." in home
    assert "from Senior towards Staff" in home


def test_the_profile_page_shows_the_answers_and_saves_changes(client: TestClient, ctx: Context) -> None:
    post_form(client, "/welcome", ANSWERS)
    page = client.get("/profile")
    assert "Your profile" in seen(page) and "Explore with demo data" not in seen(page)
    assert input_value(page, "manager_name") == "Dana Lopez"
    post_form(client, "/welcome", ANSWERS | {"target_level": "Principal"})
    profile = profile_service.get_profile(ctx)
    assert profile is not None and profile.target_level == "Principal"


def test_the_demo_button_loads_the_demo(client: TestClient, ctx: Context) -> None:
    assert "Explore with demo data" in seen(client.get("/welcome"))
    response = post_form(client, "/demo", {}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/?saved=demo")
    profile = profile_service.get_profile(ctx)
    assert profile is not None and profile.name == "Maya Chen"
    total = evidence_service.facets(ctx).total
    assert total > 100
    home = seen(client.get("/?saved=demo"))
    assert "The demo is loaded" in home and "Hello, Maya Chen." in home
    assert f"You have recorded {total} pieces of work" in home


# Quick add


def test_a_quick_add_without_javascript_saves_and_shows_the_item(client: TestClient, ctx: Context) -> None:
    data = {"text": "Shipped saved cards", "teams": "payments, Web", "minutes": "90", "metric": "p95: 4s -> 1s"}
    response = post_form(client, "/evidence", data | {"date": "2026-11-02"}, follow_redirects=False)
    assert response.status_code == 303
    [item] = evidence_service.listing(ctx, EvidenceFilter()).items
    assert response.headers["location"] == f"/evidence?saved={item.id}"
    assert (item.title, item.kind, item.source, item.teams) == (
        "Shipped saved cards",
        Kind.DELIVERY,
        "log",
        ("payments", "web"),
    )
    assert (item.minutes, item.occurred_at, [str(m) for m in item.metrics]) == (
        90, datetime(2026, 11, 2, 12), ["p95: 4s -> 1s"],
    )  # fmt: skip
    page = client.get(response.headers["location"])
    assert "Saved: Shipped saved cards" in seen(page)
    assert listed_titles(page) == ["Shipped saved cards"]


def test_a_quick_add_with_htmx_answers_with_the_form_and_a_saved_notice(client: TestClient, ctx: Context) -> None:
    response = post_form(client, "/evidence", {"text": "Paired with Bo on retries"}, headers=HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form id="quick-add"'), "only the form, not a whole page"
    assert "Saved: Paired with Bo on retries" in seen(response)
    assert response.headers["HX-Trigger"] == "evidence-saved"
    assert all_titles(ctx) == ["Paired with Bo on retries"]


def test_a_quick_add_with_a_requester_records_a_request(client: TestClient, ctx: Context) -> None:
    post_form(client, "/evidence", {"text": "Explain the refund rules", "requester": "Alice"}, headers=HTMX)
    [item] = evidence_service.listing(ctx, EvidenceFilter()).items
    assert (item.kind, item.requester, item.source) == (Kind.REQUEST, "Alice", "ask")


def test_a_quick_add_of_a_chosen_kind_keeps_the_kind_even_with_a_requester(client: TestClient, ctx: Context) -> None:
    post_form(client, "/evidence", {"text": "Fixed Bo's outage", "requester": "Bo", "kind": "incident"}, headers=HTMX)
    [item] = evidence_service.listing(ctx, EvidenceFilter()).items
    assert (item.kind, item.requester) == (Kind.INCIDENT, "Bo")


BAD_QUICK_ADDS = [
    ({"text": "   "}, "What happened: can't be empty; write a few words"),
    ({"text": "Wrote the runbook", "minutes": "forty"}, "Minutes: 'forty' is not a number of minutes"),
    ({"text": "Wrote the runbook", "kind": "heroics"}, "Kind: 'heroics' is not a kind of work"),
    ({"text": "Wrote the runbook", "metric": "faster"}, "Measured change: 'faster' needs a name and a value"),
]


@pytest.mark.parametrize(("data", "problem"), BAD_QUICK_ADDS)
def test_a_bad_quick_add_with_htmx_shows_the_problem_and_saves_nothing(
    client: TestClient, ctx: Context, data: dict[str, str], problem: str
) -> None:
    response = post_form(client, "/evidence", data, headers=HTMX)
    assert response.status_code == 422
    assert response.text.lstrip().startswith('<form id="quick-add"')
    assert problem in seen(response)
    assert input_value(response, "qa-text") == data["text"], "what the person typed is kept"
    assert all_titles(ctx) == []


@pytest.mark.parametrize(("data", "problem"), BAD_QUICK_ADDS)
def test_a_bad_quick_add_without_javascript_shows_the_whole_page_with_the_problem(
    client: TestClient, ctx: Context, data: dict[str, str], problem: str
) -> None:
    response = post_form(client, "/evidence", data)
    assert response.status_code == 422
    assert "<html" in response.text and "My work" in seen(response)
    assert problem in seen(response)
    assert all_titles(ctx) == []


# Finding


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["Cut checkout latency from 4s to 1.2s", "Fixed the flaky deploy pipeline again",
              "Alice asked about deployment permissions", "Wrote the reconciliation runbook",
              "Reviewed the refunds design"]),
        ("from=2026-09-01&to=2026-10-31", ["Fixed the flaky deploy pipeline again",
                                          "Alice asked about deployment permissions"]),
        ("to=2026-08-20", ["Wrote the reconciliation runbook", "Reviewed the refunds design"]),
        ("kind=request", ["Alice asked about deployment permissions"]),
        ("source=calendar", ["Reviewed the refunds design"]),
        ("team=platform", ["Fixed the flaky deploy pipeline again", "Alice asked about deployment permissions"]),
        ("project=ledger", ["Wrote the reconciliation runbook"]),
        ("q=runbook", ["Wrote the reconciliation runbook"]),
        ("q=alice", ["Alice asked about deployment permissions"]),
        ("q=deplo&kind=incident", ["Fixed the flaky deploy pipeline again"]),
    ],
)  # fmt: skip
def test_each_filter_narrows_the_list(client: TestClient, filled: Context, query: str, titles: list[str]) -> None:
    response = client.get(f"/evidence?{query}")
    assert response.status_code == 200
    assert listed_titles(response) == titles
    assert f"{len(titles)} item{'' if len(titles) == 1 else 's'}" in seen(response)


def test_a_word_prefix_finds_the_whole_word(client: TestClient, filled: Context) -> None:
    found = listed_titles(client.get("/evidence?q=deplo"))
    assert sorted(found) == ["Alice asked about deployment permissions", "Fixed the flaky deploy pipeline again"]
    assert "matching “deplo”" in seen(client.get("/evidence?q=deplo"))


def test_the_filters_show_what_was_chosen(client: TestClient, filled: Context) -> None:
    page = client.get("/evidence?kind=request&team=platform&from=2026-09-01&q=alice")
    assert input_value(page, "q") == "alice" and input_value(page, "from") == "2026-09-01"
    assert '<option value="request" selected>' in page.text
    assert "<option selected>platform</option>" in page.text


def test_nothing_matching_says_so_and_offers_everything(client: TestClient, filled: Context) -> None:
    page = client.get("/evidence?q=kubernetes")
    assert listed_titles(page) == []
    assert "Nothing matches these filters." in seen(page)
    assert re.search(r"<a href=\"/evidence\">Show everything</a>", page.text)


def test_paging_links_keep_the_filters(client: TestClient, filled: Context) -> None:
    first = client.get("/evidence?per_page=2&to=2026-12-31")
    assert listed_titles(first) == ["Cut checkout latency from 4s to 1.2s", "Fixed the flaky deploy pipeline again"]
    assert "Page 1 of 3" in seen(first) and 'rel="prev"' not in first.text
    older = html.unescape(re.search(r'<a rel="next" href="([^"]+)"', first.text)[1])  # type: ignore[index]
    assert "to=2026-12-31" in older and "page=2" in older and "per_page=2" in older
    second = client.get(older)
    assert listed_titles(second) == ["Alice asked about deployment permissions", "Wrote the reconciliation runbook"]
    newer = html.unescape(re.search(r'<a rel="prev" href="([^"]+)"', second.text)[1])  # type: ignore[index]
    assert listed_titles(client.get(newer)) == listed_titles(first)
    last = client.get("/evidence?per_page=2&to=2026-12-31&page=3")
    assert listed_titles(last) == ["Reviewed the refunds design"] and 'rel="next"' not in last.text


def test_an_htmx_filter_request_gets_only_the_results(client: TestClient, filled: Context) -> None:
    response = client.get("/evidence?kind=incident", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text and "quick-add" not in response.text
    assert listed_titles(response) == ["Fixed the flaky deploy pipeline again"]
    assert response.headers["Vary"] == "HX-Request"


def test_an_htmx_history_restore_gets_the_whole_page(client: TestClient, filled: Context) -> None:
    response = client.get("/evidence?kind=incident", headers=HTMX | {"HX-History-Restore-Request": "true"})
    assert "<html" in response.text and listed_titles(response) == ["Fixed the flaky deploy pipeline again"]


def test_a_wrong_filter_is_explained(client: TestClient, filled: Context) -> None:
    response = client.get("/evidence?from=2026-10-01&to=2026-09-01")
    assert response.status_code == 422
    assert "'from' (2026-10-01) is after 'to' (2026-09-01)" in seen(response)
    fragment = client.get("/evidence?kind=heroics", headers=HTMX)
    assert fragment.status_code == 422 and "<html" not in fragment.text
    assert "'heroics' is not a kind of work" in seen(fragment)


# Correcting


def test_the_item_page_saves_every_change_and_can_empty_the_minutes(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "Fixed the deploy", minutes=45, teams=("platform",), url="https://example.com/pr/1")
    page = client.get(f"/evidence/{item_id}")
    assert input_value(page, "text") == "Fixed the deploy" and input_value(page, "minutes") == "45"
    changes = {"text": "Fixed the deploy pipeline for good", "kind": "incident", "date": "2026-10-01 09:30",
               "requester": "Alice", "teams": "platform, web", "people": "Bo", "minutes": "", "project": "ci",
               "tags": "Infra", "metrics": "failures: 12 -> 0\n", "url": "", "body": "Root cause: a race."}  # fmt: skip
    saved = post_form(client, f"/evidence/{item_id}", changes, follow_redirects=False)
    assert (saved.status_code, saved.headers["location"]) == (303, f"/evidence/{item_id}?saved=true")
    item = evidence_service.get(ctx, item_id)
    assert (item.title, item.kind, item.occurred_at) == ("Fixed the deploy pipeline for good", Kind.INCIDENT,
                                                        datetime(2026, 10, 1, 9, 30))  # fmt: skip
    assert (item.minutes, item.url, item.requester, item.project) == (None, None, "Alice", "ci")
    assert (item.teams, item.people, item.tags, item.body) == (
        ("platform", "web"),
        ("Bo",),
        ("infra",),
        "Root cause: a race.",
    )
    assert [str(m) for m in item.metrics] == ["failures: 12 -> 0"] and item.edited_at is not None
    after = client.get(saved.headers["location"])
    assert "Saved." in seen(after) and "Fixed the deploy pipeline for good" in seen(after)
    assert input_value(after, "minutes") == ""


def test_a_wrong_correction_keeps_what_was_typed_and_changes_nothing(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "Fixed the deploy", minutes=45)
    before = evidence_service.get(ctx, item_id)
    form = {"text": "Fixed the deploy for good", "kind": "incident", "date": "2026-10-01", "minutes": "an hour"}
    response = post_form(client, f"/evidence/{item_id}", form)
    assert response.status_code == 422
    assert "Minutes: 'an hour' is not a number of minutes" in seen(response)
    assert input_value(response, "text") == "Fixed the deploy for good"
    assert input_value(response, "minutes") == "an hour"
    assert evidence_service.get(ctx, item_id) == before


def test_deleting_an_item_removes_it(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "A mistake")
    response = post_form(client, f"/evidence/{item_id}/delete", {}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/evidence?deleted=1")
    with pytest.raises(NotFound):
        evidence_service.get(ctx, item_id)
    page = client.get("/evidence?deleted=1")
    assert "Deleted." in seen(page) and listed_titles(page) == []


def test_a_link_that_is_not_a_web_address_is_not_clickable(client: TestClient, ctx: Context) -> None:
    item_id = log(ctx, "Imported oddity", url="javascript:alert(document.cookie)")
    page = client.get(f"/evidence/{item_id}")
    assert 'href="javascript:' not in page.text
    assert input_value(page, "url") == "javascript:alert(document.cookie)", "still shown, to be corrected"
    safe_id = log(ctx, "Real link", url="https://example.com/pr/2")
    assert '<a href="https://example.com/pr/2"' in client.get(f"/evidence/{safe_id}").text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/evidence/999", "There is no evidence item 999; it may have been deleted."),
        ("/evidence/99999999999999999999", "There is no page here."),
        ("/evidence/not-a-number", "There is no page here."),
        ("/nowhere", "There is no page here."),
    ],
)
def test_an_unknown_page_is_a_friendly_404(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Something is not right" in seen(response) and message in seen(response)
    assert "go home" in seen(response)


def test_a_page_number_out_of_range_is_explained_not_a_crash(client: TestClient) -> None:
    response = client.get("/evidence?page=99999999999999")
    assert response.status_code == 422 and "page" in seen(response) and "<html" in response.text


# What is refused


def test_a_form_without_a_token_is_refused_and_writes_nothing(client: TestClient, ctx: Context) -> None:
    client.get("/evidence")
    response = client.post("/evidence", data={"text": "Forged"})
    assert response.status_code == 403
    assert "This form has expired. Reload the page and try again." in seen(response)
    assert client.post("/welcome", data=ANSWERS).status_code == 403
    assert all_titles(ctx) == [] and profile_service.get_profile(ctx) is None


@pytest.mark.parametrize("token", ["not-the-token", "ünïcode-token"])
def test_a_form_with_a_wrong_token_is_refused_and_writes_nothing(client: TestClient, ctx: Context, token: str) -> None:
    item_id = log(ctx, "Keep me")
    client.get("/evidence")
    assert client.post("/evidence", data={"csrf_token": token, "text": "Forged"}).status_code == 403
    assert client.post(f"/evidence/{item_id}/delete", data={"csrf_token": token}).status_code == 403
    edit = client.post(f"/evidence/{item_id}", data={"csrf_token": token, "text": "Forged", "kind": "other"})
    assert edit.status_code == 403
    assert client.post("/demo", data={"csrf_token": token}).status_code == 403
    assert all_titles(ctx) == ["Keep me"] and profile_service.get_profile(ctx) is None


def test_the_token_may_come_in_the_htmx_header(client: TestClient, ctx: Context) -> None:
    token = form_token(client)
    response = client.post("/evidence", data={"text": "Sent by htmx"}, headers=HTMX | {"X-CSRF-Token": token})
    assert response.status_code == 200 and all_titles(ctx) == ["Sent by htmx"]


def test_a_write_from_another_site_is_refused(client: TestClient, ctx: Context) -> None:
    token = form_token(client)
    foreign = {"Origin": "http://evil.example"}
    page = client.post("/evidence", data={"csrf_token": token, "text": "Forged"}, headers=foreign)
    assert page.status_code == 403 and "came from another site" in seen(page)
    api = client.post("/api/v1/evidence", json={"title": "Forged"}, headers=foreign)
    assert (api.status_code, api.json()["detail"]) == (403, "This request came from another site and was refused.")
    assert client.post("/api/v1/evidence", json={"title": "Forged"}, headers={"Origin": "null"}).status_code == 403
    assert all_titles(ctx) == []
    own = client.post("/evidence", data={"csrf_token": token, "text": "Mine"}, headers={"Origin": BASE_URL})
    assert own.status_code == 200 and all_titles(ctx) == ["Mine"]


def test_a_foreign_site_name_pointed_at_this_computer_reads_nothing(client: TestClient, ctx: Context) -> None:
    log(ctx, "Private work")
    response = client.get("/api/v1/evidence", headers={"Host": "evil.example:8000"})
    assert response.status_code == 400 and "Private work" not in response.text
    assert client.get("/evidence", headers={"Host": "localhost:8000"}).status_code == 200


# Two people on one database


def test_bob_can_neither_see_nor_change_alices_work(settings: Settings) -> None:
    alice_settings = settings.model_copy(update={"account": "alice"})
    bob_settings = settings.model_copy(update={"account": "bob"})
    with client_for(alice_settings) as alice, client_for(bob_settings) as bob:
        created = alice.post("/api/v1/evidence", json={"title": "Alice's secret launch", "minutes": 30})
        item_id = created.json()["id"]
        post_form(alice, "/evidence", {"text": "Alice's quiet fix"})
        assert bob.get("/api/v1/evidence").json()["total"] == 0
        assert bob.get(f"/api/v1/evidence/{item_id}").status_code == 404
        assert bob.patch(f"/api/v1/evidence/{item_id}", json={"title": "Bob's now"}).status_code == 404
        assert bob.delete(f"/api/v1/evidence/{item_id}").status_code == 404
        assert listed_titles(bob.get("/evidence")) == [] and listed_titles(bob.get("/evidence?q=alice")) == []
        assert bob.get(f"/evidence/{item_id}").status_code == 404
        edit = post_form(bob, f"/evidence/{item_id}", {"text": "Bob's now", "kind": "other", "date": "2026-01-01"})
        assert edit.status_code == 404
        assert post_form(bob, f"/evidence/{item_id}/delete", {}).status_code == 404
    alice_ctx = open_context(alice_settings)
    item = evidence_service.get(alice_ctx, item_id)
    assert (item.title, item.minutes, item.edited_at) == ("Alice's secret launch", 30, None)
    assert sorted(all_titles(alice_ctx)) == ["Alice's quiet fix", "Alice's secret launch"]
    assert all_titles(open_context(bob_settings)) == []
