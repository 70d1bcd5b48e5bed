"""Groupings of recurring requests outlive the process: a new `upward diagnose` finds them in the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa

from upward.analysis import recurring
from upward.model import EvidenceDraft, Kind
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.diagnosis import run_diagnosis
from upward.store import kept_groups_repo
from upward.store.tables_kept_groups import kept_groups

TODAY = date(2026, 11, 23)


def ask(ctx: Context, title: str, days_ago: int) -> None:
    when = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=9)
    evidence_service.log(ctx, EvidenceDraft(title=title, kind=Kind.REQUEST, occurred_at=when, requester="Sam"))


def keys(ctx: Context) -> list[str]:
    with ctx.transaction() as conn:
        return list(conn.execute(sa.select(kept_groups.c.key).order_by(kept_groups.c.key)).scalars())


@pytest.fixture
def requests(ctx: Context) -> Context:
    for day in range(12):
        ask(ctx, f"Fix the flaky deploy pipeline for team {day % 3}", day + 1)
        ask(ctx, f"Reset the staging database password {day}", day + 2)
    recurring.forget()
    return ctx


def test_a_new_process_finds_the_grouping_kept_by_the_last(requests: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run_diagnosis(requests, TODAY, keep=False)
    assert len(keys(requests)) == 1
    recurring.forget()  # as in a new process

    def never(found: object) -> recurring.Grouping:
        raise AssertionError("the kept grouping should have been used")

    monkeypatch.setattr(recurring, "_grouping", never)
    again = run_diagnosis(requests, TODAY, keep=False)
    assert again == first
    same = {f.id: f for f in again.findings}["same-problems"]
    assert same.value == 2.0 and len(same.evidence_ids) == 24


def test_new_requests_are_grouped_again_and_few_groupings_are_kept(requests: Context) -> None:
    run_diagnosis(requests, TODAY, keep=False)
    for number in range(kept_groups_repo.KEPT + 1):
        ask(requests, f"Rotate the expired certificate {number}", 1)
        recurring.forget()
        run_diagnosis(requests, TODAY, keep=False)
    assert len(keys(requests)) == kept_groups_repo.KEPT  # the oldest went


def test_the_key_changes_with_the_words_and_their_order() -> None:
    a, b = frozenset({"deploy", "flaky"}), frozenset({"password", "reset"})
    assert recurring.grouping_key((a, b)) == recurring.grouping_key((frozenset({"flaky", "deploy"}), b))
    assert recurring.grouping_key((a, b)) != recurring.grouping_key((b, a))
    assert recurring.grouping_key((a,)) != recurring.grouping_key((a, b))
