"""The record read as columns gives exactly what the record read as items gives: the diagnosis, the
charts, the outcome checks and the recurring groups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upward.analysis import Record, diagnose
from upward.analysis.mix import decision_maker_contact, work_mix
from upward.analysis.outcomes import _OUTCOME, says_business_outcome
from upward.analysis.record import mentions
from upward.analysis.recurring import Frameworks, forget, recurring_groups, recurring_rows
from upward.model import Evidence, Kind, Person, PromotionRole
from upward.model.evidence_columns import CROWD, EvidenceColumns, LazyEvidence
from upward.playbook import load_playbook
from upward.services import Context
from upward.services.demo import load_demo
from upward.services.diagnosis import LOOKBACK_DAYS, load_record
from upward.store import evidence_repo

TODAY = date(2026, 11, 23)


def item(number: int, days_ago: int, **fields: object) -> Evidence:
    when = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=9)
    values: dict[str, object] = {"title": f"Item {number}", "occurred_at": when} | fields
    return Evidence(id=number, **values)  # type: ignore[arg-type]


def test_the_diagnosis_of_the_columns_read_from_the_store_is_the_diagnosis_of_the_items(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    forget()
    fast = load_record(ctx, TODAY, whole=False)
    since = datetime.combine(TODAY - timedelta(days=LOOKBACK_DAYS), datetime.min.time())
    with ctx.transaction() as conn:
        items = tuple(evidence_repo.iter_all(conn, ctx.owner_id, since=since))
    plain = replace(fast, evidence=items)
    playbook = load_playbook()
    assert diagnose(fast, playbook) == diagnose(plain, playbook)
    kept = load_record(ctx, TODAY, whole=False)  # what each text says, read back as kept by the first reading
    assert kept.columns.facts == fast.columns.facts and diagnose(kept, playbook) == diagnose(plain, playbook)
    assert work_mix(fast) == work_mix(plain)
    assert decision_maker_contact(fast) == decision_maker_contact(plain)
    assert len(fast.evidence) == len(items) > 300
    assert tuple(fast.evidence) == items  # read again, whole, when something asks for the items
    whole = load_record(ctx, TODAY)
    assert tuple(whole.evidence) == items  # built from the rows already read


def test_columns_of_items_out_of_order_still_find_each_window() -> None:
    items = [item(1, 3), item(2, 40), item(3, 0), item(4, 10), item(5, -2), item(6, 90)]
    columns = EvidenceColumns.of(items)
    assert not columns.in_order
    assert [columns.ids[row] for row in columns.within(TODAY, 10)] == [1, 3]  # 10 days ago is not included
    assert [columns.ids[row] for row in columns.within(TODAY, 11)] == [1, 3, 4]
    ordered = EvidenceColumns.of(sorted(items, key=lambda i: i.occurred_at))
    assert ordered.in_order
    assert [ordered.ids[row] for row in ordered.within(TODAY, 11)] == [4, 1, 3]
    assert [ordered.ids[row] for row in ordered.between(TODAY, TODAY + timedelta(days=2))] == [3, 5]


def test_contact_through_columns_follows_the_same_rules_as_through_items() -> None:
    rae = Person(id=1, name="Rae Fox", role=PromotionRole.SKIP_LEVEL, email="rae@acme.example")
    crowd = (*(f"Person {n}" for n in range(CROWD)), "rae fox")
    items = [
        item(1, 1, requester="RAE FOX", kind=Kind.REQUEST),
        item(2, 2, people=("Sam", "rae@acme.example")),
        item(3, 3, people=crowd),  # an all-hands is not a conversation
        item(4, 4, people=crowd, tags=("touchpoint",)),  # unless it was the person's own talk
        item(5, 5, people=("Sam",)),
        item(6, 6, people=("Sam", "rae@acme.example")),  # an equal list, a different object
    ]
    columns = EvidenceColumns.of(items)
    by_items = {i.id for i in items if mentions(i, rae)}
    assert {columns.ids[row] for row in columns.mentioning({"rae fox", "rae@acme.example"})} == by_items
    assert by_items == {1, 2, 4, 6}


def test_lazy_evidence_reads_the_items_again_only_when_asked() -> None:
    items = (item(1, 1), item(2, 2))
    slim = replace(EvidenceColumns.of(items), item=None)
    reads: list[int] = []

    def reload() -> tuple[Evidence, ...]:
        reads.append(1)
        return items

    lazy = LazyEvidence(slim, reload)
    assert len(lazy) == 2 and reads == []
    assert list(lazy) == list(items) and lazy[1] == items[1] and reads == [1]
    with pytest.raises(LookupError):
        list(LazyEvidence(slim))


WORDS = ["revenue", "costs", "saving", "Savings", "users", "USER", "churn", "sign-up", "signups", "sign up",
         "hours a week", "hour per month", "hours per day", "risk", "risky", "$5", "€ 10", "£", "customer's",
         "bookings", "booked", "compliance", "conversion", "retention", "cost-effective", "use",
         "save-point"]  # fmt: skip


@given(st.lists(st.sampled_from([*WORDS, "the", "a", "fix", ",", ".", "-", "_", "2x", "x"]), max_size=8))
def test_the_quick_outcome_check_agrees_with_the_full_pattern(parts: list[str]) -> None:
    for joiner in (" ", "", "-"):
        text = joiner.join(parts)
        assert says_business_outcome(text) == bool(_OUTCOME.search(text)), text


def request(number: int, title: str) -> Evidence:
    return item(number, number, title=title, kind=Kind.REQUEST)


def test_recurring_rows_group_as_recurring_items_do() -> None:
    titles = ["Deploy pipeline is flaky", "Flaky deploy pipeline again", "Deploy pipeline flaky on Friday",
              "Reset my password", "Password reset for Sam", "Export the ledger to CSV", "Deploy pipeline is flaky",
              "Reset password please", "Ledger export to CSV broken"]  # fmt: skip
    items = [request(n, title) for n, title in enumerate(titles, 1)]
    forget()
    by_items = [(g.label, [i.id for i in g.items]) for g in recurring_groups(items, min_size=2)]
    columns = EvidenceColumns.of(items)
    by_rows = [(g.label, [columns.ids[r] for r in g.items]) for g in recurring_rows(columns, range(9), min_size=2)]
    assert by_rows == by_items
    assert by_items[0] == ("Deploy pipeline is flaky", [1, 2, 3, 7])
    assert any(ids == [4, 5, 8] for _, ids in by_items)


def test_a_framework_addresses_a_problem_sharing_two_of_its_key_words() -> None:
    items = [request(n, "Deploy pipeline is flaky") for n in range(1, 4)]
    [group] = recurring_groups(items, min_size=3)
    assert Frameworks(["A runbook for the deploy pipeline"]).address(group)
    assert not Frameworks(["A runbook for the deploy of the ledger", "Pipeline for data"]).address(group)
    assert not Frameworks([]).address(group)


def test_a_record_built_from_items_gives_its_columns() -> None:
    items = (item(1, 1, teams=("web",)), item(2, 2))
    record = Record(TODAY, None, (), items)
    assert record.columns.ids == [1, 2] and record.columns.teams == [("web",), ()]
    assert record.columns is record.columns  # worked out once
