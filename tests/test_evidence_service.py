"""Capturing, finding and correcting evidence through the service layer, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from upward.model import EvidenceDraft, EvidenceFilter, EvidencePatch, Kind, Metric, NotFound
from upward.services import Context, open_context
from upward.services import evidence as evidence_service
from upward.settings import Settings


def draft(title: str, **fields: object) -> EvidenceDraft:
    values: dict[str, object] = {"occurred_at": datetime(2026, 11, 2, 12)} | fields
    return EvidenceDraft(title=title, **values)  # type: ignore[arg-type]


@pytest.fixture
def filled(ctx: Context) -> Context:
    items = [
        draft("Cut checkout latency from 4s to 1.2s", teams=("payments", "web"), project="checkout",
              metrics=(Metric("latency", "1.2s", "4s"),), occurred_at=datetime(2026, 11, 2, 12)),
        draft("Fixed the flaky deploy pipeline again", kind=Kind.INCIDENT, teams=("platform",),
              occurred_at=datetime(2026, 10, 15, 9)),
        draft("Alice asked about deployment permissions", kind=Kind.REQUEST, requester="Alice",
              teams=("platform",), occurred_at=datetime(2026, 9, 1, 10)),
        draft("Wrote the reconciliation runbook", kind=Kind.DOCUMENTATION, teams=("finance-ops",),
              project="ledger", occurred_at=datetime(2026, 8, 20, 16)),
    ]  # fmt: skip
    for item in items:
        evidence_service.log(ctx, item)
    return ctx


def titles(ctx: Context, **wanted: object) -> list[str]:
    page = evidence_service.listing(ctx, EvidenceFilter(**wanted))  # type: ignore[arg-type]
    return [item.title for item in page.items]


def test_logged_evidence_is_stored_with_every_field(ctx: Context) -> None:
    saved = evidence_service.log(
        ctx,
        draft("  Cut latency ", teams=("Web",), minutes=90, project="checkout", people=("Bo",), tags=("Perf",),
              metrics=(Metric.parse("p95: 4s -> 1s"),), url="https://example.com/pr/1", body="Details"),
    )  # fmt: skip
    again = evidence_service.get(ctx, saved.id)
    assert again == saved
    assert (again.title, again.teams, again.tags, again.minutes) == ("Cut latency", ("web",), ("perf",), 90)
    assert again.metrics == (Metric(name="p95", before="4s", after="1s"),)
    assert again.source == "log" and again.owner_id == ctx.owner_id


def test_a_request_records_who_asked(ctx: Context) -> None:
    saved = evidence_service.ask(ctx, draft("Fix the deploy", requester="Alice", teams=("platform",)))
    assert saved.kind is Kind.REQUEST and saved.source == "ask" and saved.requester == "Alice"


def test_the_same_source_item_is_stored_once(ctx: Context) -> None:
    first = evidence_service.log(ctx, draft("Commit abc", source="git", source_id="abc123"))
    second = evidence_service.log(ctx, draft("Commit abc (again)", source="git", source_id="abc123"))
    assert first.id == second.id
    assert evidence_service.listing(ctx, EvidenceFilter()).total == 1


def test_listing_is_newest_first_and_pages(filled: Context) -> None:
    assert titles(filled, per_page=2) == [
        "Cut checkout latency from 4s to 1.2s",
        "Fixed the flaky deploy pipeline again",
    ]
    second = evidence_service.listing(filled, EvidenceFilter(per_page=3, page=2))
    assert [i.title for i in second.items] == ["Wrote the reconciliation runbook"]
    assert (second.total, second.pages, second.has_next, second.has_previous) == (4, 2, False, True)


def test_each_filter_narrows_the_list(filled: Context) -> None:
    assert titles(filled, kind=Kind.REQUEST) == ["Alice asked about deployment permissions"]
    assert titles(filled, team="platform") == [
        "Fixed the flaky deploy pipeline again",
        "Alice asked about deployment permissions",
    ]
    assert titles(filled, team="web") == ["Cut checkout latency from 4s to 1.2s"]
    assert titles(filled, project="Ledger") == ["Wrote the reconciliation runbook"]
    assert titles(filled, source="log") == titles(filled)
    assert titles(filled, date_from=date(2026, 9, 1), date_to=date(2026, 10, 15)) == [
        "Fixed the flaky deploy pipeline again",
        "Alice asked about deployment permissions",
    ]


def test_full_text_search_matches_words_prefixes_and_combines_with_filters(filled: Context) -> None:
    assert set(titles(filled, text="deploy")) == {
        "Fixed the flaky deploy pipeline again",
        "Alice asked about deployment permissions",
    }
    assert titles(filled, text="reconcil") == ["Wrote the reconciliation runbook"]
    assert titles(filled, text="latency checkout") == ["Cut checkout latency from 4s to 1.2s"]
    assert titles(filled, text="alice") == ["Alice asked about deployment permissions"]
    assert titles(filled, text="deploy", kind=Kind.INCIDENT) == ["Fixed the flaky deploy pipeline again"]
    assert titles(filled, text="nothing-like-this") == []
    assert titles(filled, text='" OR * (') == []


def test_search_sees_edits_and_forgets_deleted_items(filled: Context) -> None:
    item = evidence_service.listing(filled, EvidenceFilter(text="runbook")).items[0]
    evidence_service.edit(filled, item.id, EvidencePatch(title="Wrote the payouts playbook"))
    assert titles(filled, text="runbook") == []
    assert titles(filled, text="playbook") == ["Wrote the payouts playbook"]
    evidence_service.delete(filled, item.id)
    assert titles(filled, text="playbook") == []
    with pytest.raises(NotFound):
        evidence_service.get(filled, item.id)


def test_edit_changes_only_the_named_fields(filled: Context) -> None:
    item = evidence_service.listing(filled, EvidenceFilter(project="checkout")).items[0]
    changed = evidence_service.edit(filled, item.id, EvidencePatch(kind=Kind.STRATEGY, minutes=30))
    assert changed.kind is Kind.STRATEGY and changed.minutes == 30
    assert item.edited_at is None and changed.edited_at is not None
    unchanged = replace(changed, kind=item.kind, minutes=item.minutes, updated_at=item.updated_at, edited_at=None)
    assert unchanged == item


def test_facets_offer_the_values_in_use(filled: Context) -> None:
    facets = evidence_service.facets(filled)
    assert facets.teams == ["finance-ops", "payments", "platform", "web"]
    assert facets.projects == ["checkout", "ledger"]
    assert facets.sources == ["log"] and facets.total == 4


def test_one_account_never_sees_another_accounts_evidence(settings: Settings) -> None:
    alice = open_context(settings.model_copy(update={"account": "alice"}))
    bob = open_context(settings.model_copy(update={"account": "bob"}))
    mine = evidence_service.log(alice, draft("Alice's private win"))
    assert evidence_service.listing(bob, EvidenceFilter()).total == 0
    assert titles(bob, text="private") == []
    with pytest.raises(NotFound):
        evidence_service.get(bob, mine.id)
    with pytest.raises(NotFound):
        evidence_service.edit(bob, mine.id, EvidencePatch(title="mine now"))
    with pytest.raises(NotFound):
        evidence_service.delete(bob, mine.id)
    assert evidence_service.get(alice, mine.id).title == "Alice's private win"
