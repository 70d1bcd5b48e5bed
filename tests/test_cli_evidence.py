"""`upward evidence list|show|edit|delete|search`: browse and correct from the terminal."""

from __future__ import annotations

import json

import pytest

from conftest import Cli
from upward.model import EvidenceFilter, Kind, NotFound
from upward.services import Context
from upward.services import evidence as evidence_service


@pytest.fixture
def logged(cli: Cli) -> Cli:
    for args in (
        ["log", "Cut checkout latency", "--teams", "payments,web", "--project", "checkout", "--date", "2026-11-02"],
        ["log", "Fixed the flaky deploy", "--kind", "incident", "--teams", "platform", "--date", "2026-10-15"],
        ["ask", "Help with deployment access", "--from", "Alice", "--team", "platform", "--date", "2026-09-01"],
    ):
        assert cli(*args).exit_code == 0
    return cli


def test_list_shows_newest_first_with_a_page_line(logged: Cli) -> None:
    result = logged("evidence", "list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    order = [next(i for i, line in enumerate(lines) if title in line) for title in ("latency", "flaky", "access")]
    assert order == sorted(order)
    assert "Page 1 of 1 · 3 items" in result.output


def test_list_filters_and_prints_json(logged: Cli) -> None:
    result = logged("evidence", "list", "--team", "platform", "--kind", "request", "--json")
    payload = json.loads(result.output)
    assert [item["title"] for item in payload["items"]] == ["Help with deployment access"]
    assert payload["items"][0]["requester"] == "Alice"
    dated = json.loads(logged("evidence", "list", "--from", "2026-10-01", "--to", "2026-10-31", "--json").output)
    assert [item["title"] for item in dated["items"]] == ["Fixed the flaky deploy"]
    paged = json.loads(logged("evidence", "list", "--per-page", "2", "--page", "2", "--json").output)
    assert (paged["total"], paged["pages"], len(paged["items"])) == (3, 2, 1)


def test_search_finds_prefixes_best_match_first(logged: Cli) -> None:
    result = logged("evidence", "search", "deplo", "--json")
    assert {item["title"] for item in json.loads(result.output)["items"]} == {
        "Fixed the flaky deploy",
        "Help with deployment access",
    }
    empty = logged("evidence", "search", "zebra")
    assert empty.exit_code == 0 and "Nothing matches" in empty.output


def test_show_prints_every_detail(logged: Cli) -> None:
    result = logged("evidence", "show", "1")
    assert "#1 Cut checkout latency" in result.output
    assert "payments, web" in result.output and "checkout" in result.output
    assert json.loads(logged("evidence", "show", "3", "--json").output)["requester"] == "Alice"


def test_edit_changes_only_the_given_fields(logged: Cli, ctx: Context) -> None:
    result = logged("evidence", "edit", "2", "--kind", "delivery", "--minutes", "30", "--text", "Made deploys reliable")
    assert result.exit_code == 0 and "Saved #2" in result.output
    item = evidence_service.get(ctx, 2)
    assert (item.title, item.kind, item.minutes, item.teams) == (
        "Made deploys reliable",
        Kind.DELIVERY,
        30,
        ("platform",),
    )
    assert logged("evidence", "edit", "3", "--from", "").exit_code == 0
    assert evidence_service.get(ctx, 3).requester is None


def test_edit_with_a_bad_value_changes_nothing(logged: Cli, ctx: Context) -> None:
    before = evidence_service.get(ctx, 2)
    result = logged("evidence", "edit", "2", "--text", "New", "--date", "2026-02-30")
    assert result.exit_code == 2 and "is not a date" in result.stderr
    assert evidence_service.get(ctx, 2) == before


def test_delete_asks_first_and_then_removes(logged: Cli, ctx: Context) -> None:
    kept = logged("evidence", "delete", "1", input="n\n")
    assert kept.exit_code == 1
    assert evidence_service.get(ctx, 1).title == "Cut checkout latency"
    result = logged("evidence", "delete", "1", "--yes")
    assert result.exit_code == 0 and "Deleted #1" in result.output
    with pytest.raises(NotFound):
        evidence_service.get(ctx, 1)
    assert evidence_service.listing(ctx, EvidenceFilter()).total == 2


def test_an_unknown_item_is_explained(logged: Cli) -> None:
    for args in (["show", "99"], ["edit", "99", "--text", "x"], ["delete", "99", "--yes"]):
        result = logged("evidence", *args)
        assert result.exit_code == 2
        assert "There is no evidence item 99" in result.stderr
